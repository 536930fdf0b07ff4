"""nbval runs these notebooks on the demo data: a fixed, non-secret pseudonymisation key keeps the
checked outputs identical to the committed ones (and never touches the user's secret file)."""

import os

os.environ["SVCWORK_KEY"] = "test-key-not-secret"
os.environ.setdefault("MPLBACKEND", "Agg")
