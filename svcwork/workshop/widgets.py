"""The workshop's controls and live views as ipywidgets, in the client's language (right to left in Hebrew).

:class:`Workshop` holds one :class:`~svcwork.workshop.state.WorkshopState`; each control turns it
into the next state by a pure step of :mod:`.state`, :func:`~svcwork.workshop.compute.evaluate`
analyses it, and the views of :mod:`.views` are redrawn.  Sliders report on release
(``continuous_update=False``), so each move is one analysis.  When the roadmap is not proven
optimal within the short time limit, it is solved again in a background thread with the report's
limit and the views are redrawn with the exact result — unless the controls moved meanwhile.
"""

from __future__ import annotations

import html
import os
import threading
from pathlib import Path
from typing import Any

from ..errors import SvcworkError
from ..i18n import t
from ..intake.scenarios import scenario_copy
from ..paths import find_intake
from . import views
from .compute import EXACT_SECONDS, WorkshopResult, evaluate
from .save import _clean, default_who, save_scenario
from .state import (EXCLUDE, Baseline, WorkshopState, initial_state, value_of, wave_of, with_capacity,
                    with_quick_wins, with_service, with_wave, with_weight)

__all__ = ["Workshop", "RTL_CSS"]

#: Right to left for the workshop's boxes and labels; the sliders' own tracks stay left to right (0 → 1).
RTL_CSS = """<style>
.svcwork-rtl { direction: rtl; }
.svcwork-rtl .widget-label, .svcwork-rtl .widget-html-content { text-align: right; }
.svcwork-rtl .slider-container, .svcwork-rtl .noUi-target, .svcwork-rtl .widget-readout { direction: ltr; }
.svcwork-workshop-view table { border-collapse: collapse; }
.svcwork-workshop-view td, .svcwork-workshop-view th { padding: 2px 6px; border-bottom: 1px solid #ddd; }
</style>"""


def _wave_key(value: Any) -> str:
    return "free" if value is None else (EXCLUDE if value == EXCLUDE else str(int(value)))


def _wave_value(key: str) -> Any:
    return None if key == "free" else (EXCLUDE if key == EXCLUDE else int(key))


class Workshop:
    """The prioritisation workshop on one client: ``view`` is the widget to display."""

    def __init__(self, base: Baseline, *, client: str | os.PathLike | None = None) -> None:
        import ipywidgets as w

        self.base = base
        self.lang = base.lang
        self.client = Path(client) if client is not None else base.engagement.folder
        self.state: WorkshopState = initial_state(base)
        self.current: WorkshopResult | None = None
        self._syncing = False
        self._generation = 0
        lang = self.lang
        slider = dict(min=0.0, max=1.0, step=0.01, continuous_update=False, readout_format=".2f",
                      style={"description_width": "10em"}, layout=w.Layout(width="95%"))
        # ---- weights
        self.weights: dict[str, Any] = {}
        self.bands: dict[str, Any] = {}
        weight_rows = []
        for c, value in self.state.weights.items():
            s = w.FloatSlider(value=value, description=t(f"prioritize.criterion.{c}", lang), **slider)
            s.add_class(f"svcwork-weight-{c}")
            s.observe(lambda ch, c=c: self._on_weight(c, ch["new"]), names="value")
            self.weights[c] = s
            self.bands[c] = w.HTML(layout=w.Layout(width="95%"))
            weight_rows += [s, self.bands[c]]
        # ---- one service at a time
        res = base.result
        options = [(f"{sid} {res.services.loc[sid, 'service_name']}", sid) for sid in base.services]
        self.service = w.Dropdown(options=options, description=t("workshop.control.service", lang),
                                  style={"description_width": "10em"}, layout=w.Layout(width="95%"))
        score = dict(min=1, max=5, step=1, continuous_update=False, style={"description_width": "10em"})
        self.fields = {name: w.IntSlider(value=3, description=t(f"prioritize.criterion.{name}", lang), **score)
                       for name in ("effort", "benefit", "visibility")}
        self.fields["resources"] = w.BoundedFloatText(value=0, min=0, max=1e7, step=1,
                                                      description=t("prioritize.criterion.resources_days", lang),
                                                      style={"description_width": "10em"})
        waves = int(base.engagement.settings.waves)
        self.wave = w.Dropdown(options=[(views.wave_label(v, lang), _wave_key(v))
                                        for v in [None, *range(1, waves + 1), EXCLUDE]],
                               description=t("workshop.control.wave", lang), style={"description_width": "10em"})
        for name, control in self.fields.items():
            control.observe(lambda ch, name=name: self._on_field(name, ch["new"]), names="value")
        self.wave.observe(lambda ch: self._on_wave(ch["new"]), names="value")
        self.service.observe(lambda ch: self._show_service(), names="value")
        # ---- the roadmap's limits
        self.capacities = [w.BoundedFloatText(value=cap, min=0, max=1e7, step=1,
                                              description=t("prioritize.reason.wave", lang, wave=i + 1),
                                              style={"description_width": "10em"})
                           for i, cap in enumerate(self.state.capacities)]
        for i, control in enumerate(self.capacities):
            control.observe(lambda ch, i=i: self._on_capacity(i + 1, ch["new"]), names="value")
        self.quick_wins = w.BoundedIntText(value=self.state.min_quick_wins, min=0, max=len(base.services),
                                           description=t("workshop.control.quick_wins", lang),
                                           style={"description_width": "10em"})
        self.quick_wins.observe(lambda ch: self._update(with_quick_wins(self.state, ch["new"])), names="value")
        self.reset = w.Button(description=t("workshop.control.reset", lang), icon="undo")
        self.reset.on_click(lambda _: self._reset())
        # ---- save as scenario
        self.name = w.Text(description=t("workshop.save.name", lang), style={"description_width": "10em"})
        self.who = w.Text(value=default_who(), description=t("workshop.save.who", lang),
                          style={"description_width": "10em"})
        self.target = w.Text(placeholder=str(scenario_copy(find_intake(self.client))),
                             description=t("workshop.save.target", lang), style={"description_width": "10em"},
                             layout=w.Layout(width="95%"))
        self.replace = w.Checkbox(value=False, description=t("workshop.save.replace", lang), indent=False)
        self.save = w.Button(description=t("workshop.save.button", lang), icon="save", button_style="primary")
        self.save.on_click(lambda _: self._save())
        self.saved = w.HTML()
        # the saved scenarios the form no longer fits, or that were saved against an earlier form
        self.notes = w.HTML(views.scenario_notes_html(base))
        # ---- views
        self.status, self.changes = w.HTML(), w.HTML()
        self.ranking, self.matrix, self.roadmap, self.smaa = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self.ranking.add_class("svcwork-ranking-view")
        self.status.add_class("svcwork-status-view")
        head = lambda key: w.HTML(f"<h4 dir='{'rtl' if lang == 'he' else 'ltr'}'>{html.escape(t(key, lang))}</h4>")  # noqa: E731
        capacity_rows = self.capacities if base.unit == "days" else \
            [w.HTML(html.escape(t("workshop.control.no_capacity", lang)))]
        controls = w.VBox([head("workshop.control.weights"), *weight_rows, head("workshop.control.services"),
                           self.service, *self.fields.values(), self.wave, head("workshop.control.roadmap"),
                           *capacity_rows, self.quick_wins, self.reset, head("workshop.save.title"), self.notes,
                           self.name, self.who, self.target, self.replace, self.save, self.saved],
                          layout=w.Layout(width="40%", min_width="340px"))
        shown = w.VBox([self.status, self.changes, self.ranking, self.matrix, self.roadmap, self.smaa],
                       layout=w.Layout(width="58%"))
        body = w.HBox([controls, shown], layout=w.Layout(flex_flow="row wrap"))
        title = w.HTML(views.box(f"<h3>{html.escape(t('workshop.title', lang, organization=base.engagement.settings.organization))}</h3>", lang))
        self.view = w.VBox([w.HTML(RTL_CSS), title, body])
        if lang == "he":
            self.view.add_class("svcwork-rtl")
        self._show_service()
        self._update(self.state)

    # ------------------------------------------------------------------ controls -> state
    def _on_weight(self, criterion: str, value: float) -> None:
        if self._syncing:
            return
        self._update(with_weight(self.state, criterion, value))

    def _on_field(self, name: str, value: float) -> None:
        if self._syncing:
            return
        self._update(with_service(self.state, self.base, self.service.value, name, value))

    def _on_wave(self, key: str) -> None:
        if self._syncing:
            return
        self._update(with_wave(self.state, self.base, self.service.value, _wave_value(key)))

    def _on_capacity(self, wave: int, value: float) -> None:
        if self._syncing:
            return
        self._update(with_capacity(self.state, wave, value))

    def _reset(self) -> None:
        self._update(initial_state(self.base))

    # ------------------------------------------------------------------ state -> controls and views
    def _show_service(self) -> None:
        """Set the service controls to the selected service's current values (without analysing)."""
        sid = self.service.value
        self._syncing = True
        try:
            for name, control in self.fields.items():
                v = value_of(self.state, self.base, sid, name)
                control.value = (0 if v is None else float(v)) if name == "resources" else int(v or 3)
            self.wave.value = _wave_key(wave_of(self.state, self.base, sid))
        finally:
            self._syncing = False

    def _sync_controls(self, state: WorkshopState) -> None:
        self._syncing = True
        try:
            for c, s in self.weights.items():
                s.value = float(state.weights[c])
            for i, control in enumerate(self.capacities):
                control.value = float(state.capacities[i])
            self.quick_wins.value = int(state.min_quick_wins)
        finally:
            self._syncing = False
        self._show_service()

    def _update(self, state: WorkshopState) -> WorkshopResult:
        """Analyse *state* and redraw; solve the roadmap on in the background when it is not proven optimal."""
        self.state = state
        self._generation += 1
        generation = self._generation
        self._sync_controls(state)
        result = evaluate(self.base, state)
        self._draw(result, solving=result.pending)
        if result.pending:
            threading.Thread(target=self._exact, args=(state, generation), daemon=True).start()
        return result

    def _exact(self, state: WorkshopState, generation: int) -> None:
        result = evaluate(self.base, state, time_limit=EXACT_SECONDS)
        if generation == self._generation:  # the controls have not moved since
            self._draw(result, solving=False)

    def _draw(self, result: WorkshopResult, *, solving: bool) -> None:
        self.current = result
        base = self.base
        self.status.value = views.status_html(result, base, solving=solving)
        self.changes.value = views.changes_html(result, base)
        self.ranking.value = views.ranking_html(result, base)
        self.matrix.value = views.matrix_svg(result, base)
        self.roadmap.value = views.roadmap_html(result, base)
        self.smaa.value = views.acceptability_html(result, base)
        for c in self.bands:
            self.bands[c].value = views.range_band_html(result, base, c)

    # ------------------------------------------------------------------ save as scenario
    def _save(self) -> None:
        """Save the controls' changes as a scenario; whatever happens, the page says so in its language."""
        from .state import changes

        lang = self.lang
        self.saved.value = ""  # never an earlier "saved" beside a failure
        try:
            path = save_scenario(self.client, self.name.value, changes(self.state, self.base), lang=lang,
                                 who=self.who.value.strip() or None, target=self.target.value.strip() or None,
                                 replace=bool(self.replace.value), engagement=self.base.engagement)
        except SvcworkError as exc:
            self.saved.value = views.box(f"<p style='color:#b3261e'>{html.escape(exc.message)}</p>", lang)
            return
        except Exception as exc:  # noqa: BLE001 - a button callback's exception would reach no one
            reason = f"{type(exc).__name__}: {exc}"[:300]
            self.saved.value = views.box(f"<p style='color:#b3261e'>"
                                         f"{html.escape(t('workshop.error.save_failed', lang, reason=reason))}</p>", lang)
            return
        self.replace.value = False
        self.saved.value = views.box(f"<p>{html.escape(t('workshop.save.done', lang, name=_clean(self.name.value), path=str(path)))}</p>", lang)

    # ------------------------------------------------------------------ for notebooks and tests
    def set_weight(self, criterion: str, value: float) -> WorkshopResult:
        """Move a weight as its slider would (the others rescaled) and return what the views show."""
        self.weights[criterion].value = float(value)
        return self.current

    def describe(self) -> str:
        """The current ranking and roadmap in one plain line per item (for the notebook's checked output)."""
        lang = self.lang
        res = self.current.result
        lines = [t("workshop.describe.order", lang, services=", ".join(str(s) for s in res.order[:res.top_n]))]
        if res.plan is not None:
            for w in range(1, res.plan.waves + 1):
                lines.append(t("workshop.describe.wave", lang, wave=w,
                               services=", ".join(str(s) for s in res.order if res.wave_of(s) == w) or "—"))
        lines.append(t("workshop.describe.changes", lang, n=len(self.current.changes), count=len(self.current.changes)))
        return "\n".join(lines)
