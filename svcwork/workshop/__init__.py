"""The prioritisation workshop: live what-if on a client's priorities, in JupyterLab or Voilà (issue #17).

The committee moves the criteria weights, a service's effort, benefit, visibility or resources,
locks a service to a wave or leaves it out, sets wave capacities and the quick-win minimum — and
sees at once the ranking (with each service's move against the form), the effort/benefit matrix,
the roadmap by wave with its capacity use, the weight ranges within which the top services keep
their places (marked under the sliders) and the SMAA acceptability at the current weights.  The
numbers are :func:`svcwork.prioritize.analyse`'s, on the form with the changes applied.

One module per concept, pure logic apart from the widgets:

* :mod:`.state` — the form's baseline and the controls' state, changed by pure steps; its changes
  as scenario items;
* :mod:`.apply` — scenario items applied to an engagement (also ``svcwork run --scenario``);
* :mod:`.compute` — state in, results out (:func:`evaluate`), with the roadmap's short time limit;
* :mod:`.views` — the views as HTML/SVG;
* :mod:`.save` — "save as scenario" into a copy of the intake (never the client's file);
* :mod:`.widgets` — the ipywidgets (imported only when the workshop opens);
* :mod:`.serve` — ``svcwork workshop CLIENT``: Voilà on ``notebooks/15_workshop.ipynb``.
"""

from __future__ import annotations

import os

from .apply import apply_changes, apply_scenario
from .compute import WorkshopResult, evaluate
from .save import save_scenario
from .state import Baseline, WorkshopState, baseline, changes, initial_state

__all__ = ["open_workshop", "Baseline", "WorkshopState", "WorkshopResult", "baseline", "initial_state", "changes",
           "evaluate", "apply_changes", "apply_scenario", "save_scenario"]


def open_workshop(client_dir: str | os.PathLike, *, lang: str = "", cache_dir: str | os.PathLike | None = None):  # noqa: ANN201
    """The workshop on the client in *client_dir* (a :class:`~svcwork.workshop.widgets.Workshop`; display its ``view``).

    *lang* ("he"/"en"; empty: the engagement's language) is the language of every control and view.
    """
    from ..intake import load
    from .widgets import Workshop

    engagement = load(client_dir, cache_dir=cache_dir or None)
    return Workshop(baseline(engagement, lang=lang or None), client=client_dir)
