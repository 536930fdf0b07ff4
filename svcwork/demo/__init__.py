"""Fictional demo engagements: three seeded clients under ``data/clients/``.

``generate(out_dir)`` writes one folder per client (``intake.xlsx`` with every sheet of the
schema filled — the consultant's Recommendations sheet too, one recommendation deliberately
without an action —, the case log, the survey and the training assessments, and the consultant's
``commentary.md`` in the client's language):

``neve-tamar``
    עיריית נווה תמר — a Hebrew municipality (property tax, parking, business licensing,
    building permits, welfare desk, the 106 hotline …); the default client of notebooks and
    tests, kept moderate (~8,000 cases / ~45,000 events, ~4,000 survey responses).
``rashut-hagimlaot``
    הרשות הארצית לזכויות וגמלאות — a Hebrew national benefits agency whose claims are handled
    by six district offices; the largest (~50,000 cases / ~300,000 events, ~20,000 responses).
    Its companions are shaped like a real client export (see below).
``northfield-licensing``
    Northfield Licensing Agency — an English-language licensing agency (~5,000 cases).

Every name is invented; citizen identifiers are fake (Hebrew clients: 9-digit numbers that
start with ``000``, many with a valid Israeli check digit; the English client: ``C0`` and
seven digits).  Phone numbers and e-mail addresses planted in survey comments (for the
redaction step) use fictional ranges: ``050-000xxxx``, Ofcom's drama range ``07700 900xxx``
and the reserved ``example.com``/``example.org`` domains (RFC 2606).

The data carry the mess a real export has, all of which the loader tolerates (warnings,
never errors): a title row above a header, numbers stored as text, day-first date strings,
blank ``resource`` cells, mixed time-zone offsets (``+02:00``, ``+03:00``, ``Z`` and naive
local times), exact timestamp ties, duplicated events, rows out of order, single-event
cases, late cases, repeat contacts within a week, hand-offs between units (including
ping-pong A→B→A), rework (a repeated activity) and channel switching.  These clean exports
are ``cases.csv``, ``survey.csv`` and ``training.csv`` in UTF-8.

``rashut-hagimlaot`` writes the same kind of data as a *real* export (:func:`.export._as_real_export`):
``פניות.csv``, ``סקר.csv`` and ``הדרכה.csv`` in Windows-1255 with Hebrew headers, case times as
naive local day-first wall-clock times across the clock changes (a few fall in the hour repeated
on 26 October 2025 and 25 October 2026), survey answers as Hebrew labels with "don't know" answers, and training scores
as percentages.  ``generate(..., export_style="clean")`` writes it clean (the same data).

Generation is vectorised with :class:`numpy.random.Generator` (one independent stream per
client from :class:`numpy.random.SeedSequence`), so the same seed always gives the same
bytes: workbooks go through :func:`svcwork.workbook.save_workbook`, CSVs are written with
fixed formatting and ``\\n`` line endings, every file atomically.

The package, one part a sitting: :mod:`.spec` (what a client is made of: the :class:`~.spec._Spec`
dataclasses and shared helpers), one module per client (:mod:`.neve_tamar`, :mod:`.rashut`,
:mod:`.northfield`; :mod:`.texts` holds the words they share), the generators (:mod:`.cases`,
:mod:`.survey`, :mod:`.people`: staff, training and observations; :mod:`.workbook`: the intake
workbook) and :mod:`.export` (how the companions are written, clean or real); this module ties
them together (:data:`CLIENTS`, :func:`generate`, :func:`main`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from openpyxl import Workbook

from ..i18n import t, user_language
from ..paths import atomic_write_bytes
from ..workbook import save_workbook
from .cases import _cases
from .export import _EXPORT_STYLES, EXPORT_FILES
from .neve_tamar import _neve_tamar
from .northfield import _northfield
from .people import _trained, _training
from .rounds import PREVIOUS
from .rashut import _rashut
from .spec import _CHANNELS, _label  # noqa: F401  (svcwork.demo._CHANNELS, ._label: the tests read them)
from .spec import _Spec, _staff
from .survey import _survey
from .workbook import _intake

__all__ = ["DEFAULT_SEED", "CLIENTS", "EXPORT_FILES", "generate", "main"]

#: Seed of the committed demo data (``svcwork demo`` without ``--seed``).
DEFAULT_SEED = 20261125

#: The demo clients, in the order they are generated: slug -> specification factory.
CLIENTS: dict[str, Callable[[], _Spec]] = {
    "neve-tamar": _neve_tamar,
    "rashut-hagimlaot": _rashut,
    "northfield-licensing": _northfield,
}


def _client_files(spec: _Spec, seed: int, index: int, export_style: str | None = None) -> dict[str, bytes | Workbook]:
    """A client's files by name: the intake workbook and its companions in *export_style* (default: the spec's)."""
    rng_cases, rng_survey, rng_people, rng_intake = (np.random.default_rng(s) for s in
                                                     np.random.SeedSequence([seed, index]).spawn(4))
    staff = _staff(spec)
    trained = _trained(spec, staff, rng_people)
    intake = _intake(spec, staff, trained, rng_intake)
    frames = {"cases": _cases(spec, staff, rng_cases), "survey": _survey(spec, rng_survey),
              "training": _training(spec, trained, rng_people)}
    commentary = {"commentary.md": spec.commentary.encode("utf-8")} if spec.commentary else {}
    return {"intake.xlsx": intake, **_EXPORT_STYLES[export_style or spec.export_style](frames, spec), **commentary}


def generate(out_dir: str | Path, *, seed: int = DEFAULT_SEED, clients: Sequence[str] | None = None,
             export_style: str | None = None, previous: str | Path | None = None) -> list[Path]:
    """Write the demo clients into ``out_dir/<slug>/``; return the files written.

    Parameters
    ----------
    out_dir
        The clients folder (``data/clients`` of the checkout for the committed demo).
    seed
        Seed of :class:`numpy.random.SeedSequence`; each client gets its own stream, so a
        client's files do not depend on which other clients are generated.
    clients
        Slugs to generate (default: all of :data:`CLIENTS`).
    export_style
        ``"clean"`` or ``"real"`` for every client generated, or None for each client's own
        (``rashut-hagimlaot`` is written as a real export, the others clean).  The data are the
        same either way; only the files' shape differs (see :func:`.export._as_real_export`).  Companion
        files of the other style left in a client's folder by an earlier run are removed, so the
        loader never finds two case logs.
    previous
        Also write the earlier rounds of the clients that have one (:data:`.rounds.PREVIOUS`) into
        ``previous/<slug>/`` (``data/previous`` of the checkout for the committed demo).
    """
    from ..errors import UsageError

    out = Path(out_dir)
    wanted = list(CLIENTS) if clients is None else list(clients)
    unknown = [c for c in wanted if c not in CLIENTS]
    if unknown:
        raise UsageError(t("cli.error.demo_client", user_language(), names=", ".join(unknown),
                           expected=", ".join(CLIENTS)))
    if export_style is not None and export_style not in _EXPORT_STYLES:
        raise UsageError(t("cli.error.export_style", user_language(), value=export_style,
                           expected=", ".join(_EXPORT_STYLES)))
    written: list[Path] = []
    jobs = [(out / slug, CLIENTS[slug], index) for index, slug in enumerate(CLIENTS) if slug in wanted]
    if previous is not None:  # the earlier rounds (svcwork.demo.rounds): streams of their own
        jobs += [(Path(previous) / slug, PREVIOUS[slug], len(CLIENTS) + i) for i, slug in enumerate(PREVIOUS)
                 if slug in wanted]
    for folder, make, index in jobs:
        spec = make()
        files = _client_files(spec, seed, index, export_style)
        for name, content in files.items():
            target = folder / name
            if isinstance(content, Workbook):
                save_workbook(content, target)
            else:
                atomic_write_bytes(target, content)
            written.append(target)
        for name in {n for names in EXPORT_FILES.values() for n in names.values()} - set(files):
            (folder / name).unlink(missing_ok=True)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m svcwork.demo [-o DIR] [--seed N]``."""
    from ..paths import demo_clients_dir

    parser = argparse.ArgumentParser(prog="python -m svcwork.demo", description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=None, help="default: data/clients of the checkout")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    from .rounds import previous_dir

    out = args.output or demo_clients_dir()
    for path in generate(out, seed=args.seed, previous=previous_dir(out)):
        print(path)
    return 0
