"""``python -m svcwork.demo [-o DIR] [--seed N]``: (re)generate the demo clients."""

import sys

from . import main

sys.exit(main())
