"""Load and validate a client's engagement: intake workbook plus companion files.

``load(path)`` returns a frozen :class:`Engagement` (clean, typed pandas frames with
canonical English column names) or raises :class:`~svcwork.errors.IntakeError` listing
*every* problem at once.  ``validate(path)`` returns the problems without raising.

Validation happens here, once; the analysis modules take the clean frames.

What is checked is declared in :mod:`svcwork.schema` (sheets, columns, kinds, ranges,
enumerations); this package carries it out.  Problems are collected language-neutral while
reading and rendered in the engagement's language at the end, so finding a problem and
wording it stay apart.  The package, one module per step, each using only those above it:

* :mod:`~svcwork.intake.engagement` — what intake hands on: :class:`Settings`, :class:`InputFile`,
  :class:`Engagement`, :class:`Validation`;
* :mod:`~svcwork.intake.problems` — collecting problems (``_Collector``) and rendering them in a language;
* :mod:`~svcwork.intake.workbook` — opening a file safely: size, real type, zip bomb, XML prolog,
  calamine, Excel error cells;
* :mod:`~svcwork.intake.cells` — one cell coerced to its column's kind (numbers, dates, enumerations …);
* :mod:`~svcwork.intake.sheets` — the form's table sheets, and its Engagement sheet as :class:`Settings`;
* :mod:`~svcwork.intake.checks` — checks across rows, sheets and files (unique, references,
  dependencies, criteria, standards; the companion files' dates against the period);
* :mod:`~svcwork.intake.options` — how companion files are read: column map, Scales sheet,
  default date order;
* :mod:`~svcwork.intake.columns` — one companion table checked and typed column by column;
* :mod:`~svcwork.intake.companions` — companion files from csv/xlsx/xls/parquet/xes and split
  exports; :func:`load_companion`;
* :mod:`~svcwork.intake.cache` — the loaded engagement kept between the notebooks of one run;
* :mod:`~svcwork.intake.load` — the whole engagement in one pass: :func:`validate` and :func:`load`.
"""

from __future__ import annotations

from .cache import read_cache, save_cache
from .companions import load_companion
from .engagement import Engagement, InputFile, Settings, Validation
from .load import load, validate
from .options import parse_column_map

# the other public names of the single module intake was before it became this package
from .checks import BACKWARDS_SHARE, PERIOD_ERROR_SHARE, PERIOD_MARGIN_DAYS  # noqa: F401
from .options import ColumnMap  # noqa: F401
from .workbook import MEMORY_PER_FILE_MB, default_max_mb  # noqa: F401

__all__ = ["Settings", "InputFile", "Engagement", "Validation", "load", "validate", "load_companion", "parse_column_map",
           "save_cache", "read_cache"]
