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

__all__ = ["open_workshop", "ProblemsPage", "Baseline", "WorkshopState", "WorkshopResult", "baseline", "initial_state", "changes",
           "evaluate", "apply_changes", "apply_scenario", "save_scenario"]


def open_workshop(client_dir: str | os.PathLike, *, lang: str = "", cache_dir: str | os.PathLike | None = None):  # noqa: ANN201
    """The workshop on the client in *client_dir* (a :class:`~svcwork.workshop.widgets.Workshop`; display its ``view``).

    *lang* ("he"/"en"; empty: the engagement's language) is the language of every control and view.
    """
    from ..intake import load
    from .widgets import Workshop

    engagement = load(client_dir, cache_dir=cache_dir or None)
    return Workshop(baseline(engagement, lang=lang or None), client=client_dir)


class ProblemsPage:
    """What the workshop's page shows instead of the controls when it cannot open: the error and, for an
    intake that does not validate, each of its problems (location and message), in the client's language.

    ``view`` is displayable (HTML) and ``describe()`` gives the same in plain lines, as
    :class:`~svcwork.workshop.widgets.Workshop`'s do.
    """

    def __init__(self, client_dir: str | os.PathLike, error: Exception) -> None:
        self.client = client_dir
        self.error = error
        self.problems = [p for p in getattr(error, "problems", ()) if p.is_error] or \
            list(getattr(error, "problems", ()))
        self.message = getattr(error, "message", None) or str(error)

    def lines(self) -> list[str]:
        return [self.message] + [f"[{p.code}] {p.location()}: {p.message}" for p in self.problems]

    def html(self) -> str:
        import html

        from ..errors import HEBREW

        lang = "he" if HEBREW.search(self.message) else "en"
        items = "".join(f"<li><b>{html.escape(p.location())}</b>: {html.escape(p.message)} <small>[{html.escape(p.code)}]"
                        f"</small></li>" for p in self.problems)
        return (f'<div dir="{"rtl" if lang == "he" else "ltr"}" lang="{lang}" class="svcwork-workshop-view">'
                f'<p style="color:#b3261e">{html.escape(self.message)}</p><ul>{items}</ul></div>')

    @property
    def view(self):  # noqa: ANN201 - an IPython HTML display object
        from IPython.display import HTML

        return HTML(self.html())

    def describe(self) -> str:
        return "\n".join(self.lines())
