"""KPIs under control: control charts, Western Electric signals and the KPI scorecard.

* :func:`xmr_limits` — individuals and moving-range chart (Wheeler & Chambers 1992; d₂ = 1.128,
  D₄ = 3.267);
* :func:`p_chart` — limits for each sample size, and Laney's p′ chart for very large samples
  (Laney 2002);
* :func:`western_electric` — rules 1–4 (Western Electric *Statistical Quality Control Handbook*
  1956);
* :func:`control_chart` — the chart for a KPI's kind; read against the KPI's direction (higher or
  lower is better), each signal is ``better`` or ``worse`` and the chart is ``stable``,
  ``improved``, ``deteriorated`` or ``unstable``; a sustained shift splits the series into two
  phases, each with its own centre line and limits (Wheeler, *Understanding Variation*, 2nd ed.
  2000, ch. 6; Montgomery, *Introduction to Statistical Quality Control*, 8th ed., §5.3 and
  §6.3 on phases and revising control limits);
* :func:`kpi_scorecard` — each KPI against its target, with its chart, signals, reading, traffic
  light, Theil–Sen trend and call-out;
* :func:`survey_kpis` — the KPIs that report what a survey item also measures (a "customers
  satisfied" KPI beside the survey's satisfaction), so the report sets the two side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..common import require_columns
from ._base import Message, _floats, _when, error, what

__all__ = ["XmRLimits", "xmr_limits", "PChart", "p_chart", "western_electric", "Phase", "ControlChart",
           "control_chart", "STATUSES", "MIN_PHASE", "MIN_NEW_PHASE", "Scorecard", "kpi_scorecard", "SURVEY_KPI_WORDS",
           "survey_kpis"]

D2 = 1.128           # E(range of 2 normals) / sigma (Montgomery, Appendix VI)
D4 = 3.267           # upper limit factor of the moving-range chart for n = 2
E2 = 3 / D2          # 2.66: individuals-chart limit factor on the average moving range

#: How a control chart reads against the KPI's direction (see :class:`ControlChart`).
STATUSES = ("stable", "improved", "deteriorated", "unstable")

#: The fewest points of the old phase before a shift (the baseline the shift is read against).
MIN_PHASE = 5

#: The fewest points of the new phase: a shift at the end of the series is reported with trial
#: limits from as few as three values (two moving ranges), to be recomputed as more values come in.
MIN_NEW_PHASE = 3

#: Western Electric run rules: rule → (zone in σ, window of points).
_RUNS = {2: (2, 3), 3: (1, 5), 4: (0, 8)}


@dataclass(frozen=True)
class XmRLimits:
    """Individuals (X) and moving-range (mR) chart limits."""

    centre: float
    lower: float
    upper: float
    mr_bar: float
    mr_upper: float
    sigma: float
    n: int


def xmr_limits(values: Sequence[float] | np.ndarray | pd.Series) -> XmRLimits:
    """XmR chart limits (Wheeler & Chambers 1992; Montgomery, *Introduction to SQC*, §6.4).

    Centre = mean; σ̂ = mR̄/d₂ with d₂ = 1.128; natural process limits = mean ± 3σ̂ = mean ±
    2.66·mR̄; moving-range upper limit = D₄·mR̄ = 3.267·mR̄.  Missing values are skipped.
    """
    x = _floats(values, "values").ravel()
    x = x[~np.isnan(x)]
    if len(x) < 2:
        raise error("xmr_short", found=len(x))
    mr_bar = float(np.mean(np.abs(np.diff(x))))
    centre = float(np.mean(x))
    return XmRLimits(centre, centre - E2 * mr_bar, centre + E2 * mr_bar, mr_bar, D4 * mr_bar, mr_bar / D2, len(x))


@dataclass(frozen=True)
class PChart:
    """p-chart: proportions, centre line, and limits for each sample (Laney p′ when ``laney``)."""

    p: np.ndarray
    sizes: np.ndarray
    centre: float
    sigma: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    laney: bool
    sigma_z: float


def p_chart(counts: Sequence[float] | np.ndarray, sizes: Sequence[float] | np.ndarray, *, laney: bool | None = None,
            large_n: float = 1000) -> PChart:
    """p-chart with a limit for each sample size (Montgomery, *Introduction to SQC*, §7.2).

    ``p̄ = Σx/Σn``; limits ``p̄ ± 3√(p̄(1−p̄)/nᵢ)`` clipped to [0, 1].  With very large samples
    every point falls outside such limits (overdispersion); Laney's p′ chart (Laney 2002,
    *Quality Engineering* 14(4):531–537) widens them by σ_z, the moving-range σ of the
    z-scores ``(pᵢ − p̄)/σᵢ``.  ``laney=None`` uses p′ when the average sample is at least
    *large_n*.
    """
    x, n = _floats(counts, "counts").ravel(), _floats(sizes, "sizes").ravel()
    if len(x) != len(n):
        raise error("p_length", counts=len(x), sizes=len(n))
    if len(x) == 0 or np.isnan(x).any() or np.isnan(n).any():
        raise error("p_missing")
    if np.any(n <= 0) or np.any(x < 0) or np.any(x > n * (1 + 1e-9)):
        raise error("p_counts")
    pbar = float(x.sum() / n.sum())
    p = x / n
    sigma = np.sqrt(pbar * (1 - pbar) / n)
    use_laney = bool(np.mean(n) >= large_n) if laney is None else bool(laney)
    sigma_z = 1.0
    if use_laney and len(x) >= 2 and 0 < pbar < 1:
        zs = (p - pbar) / sigma
        sigma_z = float(np.mean(np.abs(np.diff(zs))) / D2)
        sigma = sigma * sigma_z
    else:
        use_laney = False
    return PChart(p, n, pbar, sigma, np.clip(pbar - 3 * sigma, 0, 1), np.clip(pbar + 3 * sigma, 0, 1), use_laney,
                  sigma_z)


def western_electric(values: Sequence[float] | np.ndarray, centre: float | np.ndarray, sigma: float | np.ndarray, *,
                     periods: Sequence[object] | None = None) -> pd.DataFrame:
    """Western Electric rules 1–4 (*Statistical Quality Control Handbook*, 1956; Montgomery §5.3.6).

    With ``z = (x − centre)/σ``: rule 1 — a point beyond 3σ; rule 2 — 2 of 3 successive points
    beyond 2σ on the same side; rule 3 — 4 of 5 beyond 1σ on the same side; rule 4 — 8
    successive points on the same side of the centre line.  A signal is listed at the point
    that completes the pattern (which must itself lie in the zone); at the start of a series a
    pattern may be completed by fewer points than the window (2 of the first 2 beyond 2σ).
    *centre* and *sigma* may vary by point (p-charts).  Returns ``position``, ``period``, ``rule``,
    ``side`` (+1/−1) and ``z``.
    """
    x = _floats(values, "values").ravel()
    c = np.broadcast_to(_floats(centre, "centre"), x.shape)
    s = np.broadcast_to(_floats(sigma, "sigma"), x.shape)
    if periods is not None and len(periods) != len(x):
        raise error("periods", n=len(x), found=len(periods))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(s > 0, (x - c) / s, np.nan)

    def window_count(flag: np.ndarray, w: int) -> np.ndarray:
        return np.convolve(flag.astype(int), np.ones(w, int), mode="full")[: len(flag)]

    hits: list[tuple[int, int, int]] = []
    with np.errstate(invalid="ignore"):
        for side in (1, -1):
            u = side * z
            for rule, (zone, w, k) in {1: (3, 1, 1), 2: (2, 3, 2), 3: (1, 5, 4), 4: (0, 8, 8)}.items():
                flag = u > zone
                fire = flag & (window_count(flag, w) >= k)
                hits.extend((int(i), rule, side) for i in np.flatnonzero(fire))
    hits.sort()
    frame = pd.DataFrame(hits, columns=["position", "rule", "side"])
    frame["z"] = z[frame["position"].to_numpy()] if len(frame) else pd.Series(dtype=float)
    frame.insert(1, "period", [periods[i] for i in frame["position"]] if periods is not None else frame["position"])
    return frame


@dataclass(frozen=True)
class Phase:
    """One phase of a control chart: positions ``start`` to ``stop − 1`` with their own limits.

    ``centre`` is the phase's centre line (its mean, or p̄ of a p-chart); ``lower``, ``upper`` and
    ``sigma`` hold one value per point of the phase; ``signals`` are the Western Electric signals
    of the phase charted on its own limits, at positions of the whole series.
    """

    start: int
    stop: int
    period: object
    centre: float
    lower: np.ndarray
    upper: np.ndarray
    sigma: np.ndarray
    signals: pd.DataFrame


@dataclass(frozen=True)
class ControlChart:
    """A control chart of one series: method, points, centre, limits and Western Electric signals.

    When read against a KPI's ``direction`` (:func:`control_chart` with ``direction``), every
    signal has a ``direction`` column, ``better`` or ``worse``, and ``phases`` holds the two
    phases of a sustained shift (empty when there is none); see :func:`control_chart`.
    """

    method: str  # "xmr", "p" or "laney"
    periods: tuple
    values: np.ndarray
    centre: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    sigma: np.ndarray
    signals: pd.DataFrame
    direction: str | None = None  # "higher" or "lower" is better; None: not read
    phases: tuple[Phase, ...] = ()

    @property
    def in_control(self) -> bool:
        return self.signals.empty

    def _count(self, reading: str) -> int | None:
        if self.direction is None:
            return None
        return int((self.signals["direction"] == reading).sum()) if len(self.signals) else 0

    @property
    def signals_better(self) -> int | None:
        """Signals in the good direction (None when the chart was not read against a direction)."""
        return self._count("better")

    @property
    def signals_worse(self) -> int | None:
        """Signals in the bad direction (None when the chart was not read against a direction)."""
        return self._count("worse")

    @property
    def status(self) -> str | None:
        """``stable`` (no signal), ``improved`` (signals only in the good direction), ``deteriorated``
        (only in the bad direction) or ``unstable`` (both); None when not read against a direction."""
        if self.direction is None:
            return None
        better, worse = self.signals_better, self.signals_worse
        return ("unstable" if better and worse else "improved" if better else "deteriorated" if worse
                else "stable")

    @property
    def new_level(self) -> float | None:
        """The last phase's centre line after a sustained shift; None when there is no shift."""
        return self.phases[-1].centre if self.phases else None

    @property
    def shift_period(self) -> object:
        """The first period of the last phase (where the shift began); None when there is no shift."""
        return self.phases[-1].period if self.phases else None


def _run_start(z: np.ndarray, position: int, rule: int, side: int) -> int:
    """The first point of the run behind a run-rule signal (rules 2–4) at *position*.

    The pattern's first point beyond its zone, taken back over the points just before it on the
    same side of the centre line: the run is the whole stretch on that side, where the level
    moved.
    """
    zone, window = _RUNS[rule]
    lo = max(0, position - window + 1)
    with np.errstate(invalid="ignore"):
        start = next(j for j in range(lo, position + 1) if side * z[j] > zone)
        while start > 0 and side * z[start - 1] > 0:
            start -= 1
    return start


def _phase(chart: ControlChart, kind: str, sizes: np.ndarray | None, start: int, stop: int,
           large_n: float) -> Phase:
    """Positions *start*…*stop* − 1 charted on their own limits, by the whole chart's method."""
    laney = chart.method == "laney" if chart.method != "xmr" else None
    part = control_chart(chart.values[start:stop], kind=kind, sizes=None if sizes is None else sizes[start:stop],
                         periods=list(chart.periods[start:stop]), laney=laney, large_n=large_n)
    signals = part.signals.assign(position=part.signals["position"] + start)
    return Phase(start, stop, chart.periods[start], float(part.centre[0]), part.lower, part.upper, part.sigma,
                 signals)


def _shift(chart: ControlChart, kind: str, sizes: np.ndarray | None, large_n: float
           ) -> tuple[int, Phase, Phase] | None:
    """A sustained shift of the chart: ``(side, old phase, new phase)``, or None.

    The side is that of the last run signal (rules 2–4; a single point beyond a limit is not a
    shift).  The new phase begins at the first point of the first run on that side after every
    signal on the other side (:func:`_run_start`).  It is a shift when the old phase has at least
    :data:`MIN_PHASE` points and the new one :data:`MIN_NEW_PHASE`, the new phase's centre line
    lies on that side of the old one, the
    new phase, charted on its own limits, shows no signal back towards the old level (the new
    level holds), and the old phase shows no run away from the new level (the old phase is one
    level, not a passing rise or dip that has since ended).
    """
    sig = chart.signals
    runs = sig[sig["rule"] >= 2]
    if runs.empty:
        return None
    side = int(runs["side"].iloc[-1])
    other = sig.loc[sig["side"] == -side, "position"]
    after = int(other.max()) if len(other) else -1
    first = runs[(runs["side"] == side) & (runs["position"] > after)]
    if first.empty:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(chart.sigma > 0, (chart.values - chart.centre) / chart.sigma, np.nan)
    at = int(first["position"].min())
    start = min(_run_start(z, at, int(r), side) for r in first.loc[first["position"] == at, "rule"])
    n = len(chart.values)
    if start < MIN_PHASE or n - start < MIN_NEW_PHASE:
        return None
    old, new = _phase(chart, kind, sizes, 0, start, large_n), _phase(chart, kind, sizes, start, n, large_n)
    if side * (new.centre - old.centre) <= 0 or (new.signals["side"] == -side).any():
        return None
    if ((old.signals["side"] == -side) & (old.signals["rule"] >= 2)).any():
        return None
    return side, old, new


def _read(chart: ControlChart, direction: str, kind: str, sizes: np.ndarray | None, large_n: float) -> ControlChart:
    """The chart read against *direction*: each signal ``better`` or ``worse``, and the phases of a shift.

    A signal is better when its point lies on the good side of the centre line (above when higher
    is better; every rule 1–4 looks at one side).  After a sustained shift the centre line of the
    whole series lies between the two levels, so the points before the shift read low (or high)
    against it only because the level later moved: such a signal takes the shift's direction —
    unless its point is also beyond the old phase's own limits (rule 1 of the old phase), a
    special cause of its own.
    """
    good = 1 if direction == "higher" else -1
    sig = chart.signals
    reading = np.where(sig["side"].to_numpy() * good > 0, "better", "worse").astype(object)
    phases: tuple[Phase, ...] = ()
    shift = _shift(chart, kind, sizes, large_n)
    if shift is not None:
        side, old, new = shift
        own = set(old.signals.loc[(old.signals["rule"] == 1) & (old.signals["side"] == -side), "position"])
        moved = ((sig["position"] < new.start) & (sig["side"] == -side) & ~sig["position"].isin(own)).to_numpy()
        reading[moved] = "better" if side * good > 0 else "worse"
        phases = (old, new)
    return replace(chart, signals=sig.assign(direction=pd.Series(reading, index=sig.index, dtype=object)),
                   direction=direction, phases=phases)


def control_chart(values: Sequence[float] | np.ndarray, *, kind: str = "mean", sizes: Sequence[float] | None = None,
                  periods: Sequence[object] | None = None, laney: bool | None = None,
                  large_n: float = 1000, direction: str | None = None) -> ControlChart:
    """The chart for a KPI's kind: XmR for means and counts, p-chart (or Laney p′) for proportions.

    A proportion without a denominator for every period falls back to an XmR chart.

    With *direction* (``"higher"`` or ``"lower"`` is better) the chart is read as a KPI's: each
    signal is ``better`` (its point on the good side of the centre line) or ``worse``, and the
    chart's :attr:`~ControlChart.status` is ``stable`` (no signal), ``improved`` (only better),
    ``deteriorated`` (only worse) or ``unstable`` (both).  A signal in the good direction is an
    improvement, not a process "out of control".  When a run rule (2–4) shows a sustained shift
    the series is split into two phases at the first point of the first run on the new side, and
    each phase gets its own centre line and limits (Wheeler, *Understanding Variation*, ch. 6:
    the process has shifted, recompute the limits from the new level; Montgomery §5.3/§6.3 on
    phases and revised limits): :attr:`~ControlChart.new_level` is the last phase's centre line.
    The shift must hold (at least :data:`MIN_PHASE` points before it and :data:`MIN_NEW_PHASE`
    after, the new level on the shift's side of the old, no signal back towards the old level in
    the new phase, no run away from the new level in the old phase); the points
    before it that read low (or high) only against the centre line of the whole series take the
    shift's direction.  The chart's own centre, limits and signals (``in_control``) are those of
    the whole series either way.
    """
    if direction is not None and direction not in ("higher", "lower"):
        raise error("direction", found=repr(direction))
    if kind not in ("mean", "count", "proportion"):
        raise error("kind", found=repr(kind))
    x = _floats(values, "values").ravel()
    periods = tuple(periods) if periods is not None else tuple(range(len(x)))
    if len(periods) != len(x):
        raise error("periods", n=len(x), found=len(periods))
    keep = ~np.isnan(x)
    x = x[keep]
    periods = tuple(p for p, k in zip(periods, keep) if k)
    n = None if sizes is None else _floats(sizes, "sizes").ravel()[keep]
    if kind == "proportion" and n is not None and np.all(np.isfinite(n)) and np.all(n > 0) and len(x) >= 2:
        if np.any((x < 0) | (x > 1)):
            raise error("proportions")
        pc = p_chart(x * n, n, laney=laney, large_n=large_n)
        centre = np.full(len(x), pc.centre)
        sig = western_electric(x, centre, pc.sigma, periods=periods)
        chart = ControlChart("laney" if pc.laney else "p", periods, x, centre, pc.lower, pc.upper, pc.sigma, sig)
        return chart if direction is None else _read(chart, direction, kind, n, large_n)
    lim = xmr_limits(x)
    centre = np.full(len(x), lim.centre)
    sigma = np.full(len(x), lim.sigma)
    lower, upper = np.full(len(x), lim.lower), np.full(len(x), lim.upper)
    if kind in ("count", "proportion"):
        lower = np.maximum(lower, 0)
    if kind == "proportion":
        upper = np.minimum(upper, 1)
    chart = ControlChart("xmr", periods, x, centre, lower, upper, sigma, western_electric(x, centre, sigma,
                                                                                        periods=periods))
    return chart if direction is None else _read(chart, direction, kind, n, large_n)


@dataclass(frozen=True)
class Scorecard:
    """The KPI scorecard (one row per KPI), each KPI's control chart, and what was read how.

    ``notes``: catalogue messages (:class:`~svcwork.measures._base.Message`) for the proportion
    values and targets read as percentages (``measures.note.kpi_percent``) or left out as neither
    (``measures.note.kpi_not_proportion``); empty when every number was on 0–1.
    """

    table: pd.DataFrame
    charts: Mapping[str, ControlChart]
    notes: tuple[Message, ...] = ()


def _on_share_scale(values: pd.DataFrame, target: float, kid: object, notes: list[Message]
                    ) -> tuple[pd.DataFrame, float]:
    """A proportion KPI's values and target on 0–1, each by itself (:func:`svcwork.intake.percent.read_proportions`).

    A number above 1 and at most 100 can only be a percentage and is divided by 100 alone (a target
    typed 80 beside values 0.72 …, one value typed "72.3%"); a number below 0 or above 100 is
    neither and is left out.  Each change is a note naming the KPI, its periods and the numbers.
    """
    from ..intake.percent import number_text, read_proportions

    r = read_proportions(values["value"])
    t = read_proportions(pd.Series([target], dtype="float64"))
    if len(r.percent):
        periods = ", ".join(_when(p) for p in values.loc[r.percent, "period"])
        notes.append(Message("measures.note.kpi_percent", (("kpi", str(kid)), ("periods", periods))))
    if len(r.impossible):
        periods = ", ".join(_when(p) for p in values.loc[r.impossible, "period"])
        notes.append(Message("measures.note.kpi_not_proportion", (("kpi", str(kid)), ("periods", periods))))
    if len(t.percent):
        notes.append(Message("measures.note.kpi_target_percent", (("kpi", str(kid)), ("value", number_text(target)),
                                                                  ("read", f"{number_text(t.values.iloc[0])} ({number_text(target)}%)"))))
    if len(t.impossible):
        notes.append(Message("measures.note.kpi_target_not_proportion", (("kpi", str(kid)),
                                                                         ("value", number_text(target)))))
    return values.assign(value=r.values), float(t.values.iloc[0])


def _kpi_series(values: pd.DataFrame, kind: str) -> pd.DataFrame:
    """One value per period: the organisation's row, or the units' rows combined.  A KPI whose every period
    was typed as a year (the intake's ``period_year``) is annual: its periods are years (:class:`pandas.Period`,
    shown "2025"), not the 1 January each is dated from."""
    v = values.dropna(subset=["period", "value"])
    annual = "period_year" in v.columns and len(v) and bool(v["period_year"].fillna(False).astype(bool).all())
    org = v[v["unit"].isna()]
    src = org if len(org) else v
    rows = []
    for period, g in src.groupby("period", sort=True):
        nn = g["n"].astype(float)
        if len(g) == 1:
            value, n = float(g["value"].iloc[0]), float(nn.iloc[0])
        elif kind == "count":
            value, n = float(g["value"].sum()), math.nan
        elif nn.notna().all() and nn.sum() > 0:
            value, n = float((g["value"] * nn).sum() / nn.sum()), float(nn.sum())
        else:
            value, n = float(g["value"].mean()), math.nan
        rows.append((pd.Period(str(pd.Timestamp(period).year), freq="Y") if annual else period, value, n))
    return pd.DataFrame(rows, columns=["period", "value", "n"])


def _trend(values: np.ndarray, direction: str) -> str:
    from scipy import stats

    if len(values) < 4:
        return "short"
    res = stats.theilslopes(values, np.arange(len(values)), alpha=0.95)
    lo, hi = float(res[2]), float(res[3])
    if lo > 0 or hi < 0:
        rising = lo > 0
        return "improving" if rising == (direction == "higher") else "worsening"
    return "stable"


def kpi_scorecard(kpis: pd.DataFrame, values: pd.DataFrame, *, laney: bool | None = None, large_n: float = 1000,
                  amber_band: float = 0.05) -> Scorecard:
    """Each KPI against its target, with its control chart and Western Electric signals.

    ``last`` is the latest period's value (the organisation's row, or the units combined —
    weighted by ``n`` for proportions and means, summed for counts); ``met`` compares it with the
    target in the KPI's direction; ``light`` is green when met, amber when missed by at most
    *amber_band* of the target, red otherwise; ``trend`` is the sign of the Theil–Sen slope (Sen
    1968) when its 95% interval excludes zero (four periods or more).  The chart follows the
    kind (missing kind: proportion when every value is in [0, 1] with a denominator, else mean).
    A proportion's values and target are put on 0–1 one by one: a number above 1 and at most 100
    can only be a percentage and is divided by 100 by itself (never the whole series because its
    largest value is above 1); a number below 0 or above 100 is left out; each is a note in
    ``Scorecard.notes`` naming the KPI and its periods.  ``callout`` is
    ``met_out_of_control`` (meets the target but the chart shows a signal, in either direction)
    or ``missed_in_control`` (misses it while stable: a system problem, not a special cause).

    The chart is read against the KPI's direction (:func:`control_chart`): ``signals`` =
    ``signals_better`` + ``signals_worse``; ``status`` is ``stable``, ``improved``,
    ``deteriorated`` or ``unstable`` (None without a chart); after a sustained shift,
    ``new_level`` is the new phase's centre line and ``shift_period`` its first period (NaN and
    None without a shift).
    """
    require_columns(kpis, ["kpi_id", "direction", "target"], what("kpis_sheet"))
    require_columns(values, ["kpi_id", "period", "value"], what("kpi_values_sheet"))
    values = values.copy()
    if "n" not in values.columns:
        values["n"] = np.nan
    if "unit" not in values.columns:
        values["unit"] = pd.NA
    rows, charts = [], {}
    notes: list[Message] = []
    for _, k in kpis.iterrows():
        kid = k["kpi_id"]
        if kid is None or kid is pd.NA:
            continue
        v = values[values["kpi_id"].astype("string").str.casefold() == str(kid).casefold()]
        kind = k.get("kind") if isinstance(k.get("kind"), str) else None
        if kind is None:
            vals = v["value"].dropna()
            kind = "proportion" if len(vals) and vals.between(0, 1).all() and v["n"].notna().all() else "mean"
        target = float(k["target"]) if pd.notna(k["target"]) else math.nan
        if kind == "proportion":  # each value and the target on 0–1 by itself, and said so
            v, target = _on_share_scale(v, target, kid, notes)
        series = _kpi_series(v, kind)
        direction = k["direction"] if k["direction"] in ("higher", "lower") else "higher"
        row: dict[str, Any] = {"kpi_id": kid, "kpi_name": k.get("kpi_name"), "direction": direction, "kind": kind,
                               "unit_of_measure": k.get("unit_of_measure"), "owner": k.get("owner"), "target": target,
                               "periods": len(series), "last": math.nan, "last_period": None, "met": None,
                               "light": None, "trend": "short", "method": None, "in_control": None, "signals": 0,
                               "callout": None, "status": None, "signals_better": 0, "signals_worse": 0,
                               "new_level": math.nan, "shift_period": None}
        if len(series):
            last = float(series["value"].iloc[-1])
            row["last"], row["last_period"] = last, series["period"].iloc[-1]
            if math.isfinite(target):
                met = last >= target if direction == "higher" else last <= target
                gap = abs(last - target)
                row["met"] = bool(met)
                row["light"] = "green" if met else ("amber" if gap <= amber_band * abs(target) else "red")
            row["trend"] = _trend(series["value"].to_numpy(dtype=float), direction)
        if len(series) >= 2:
            chart = control_chart(series["value"].to_numpy(dtype=float), kind=kind,
                                  sizes=series["n"].to_numpy(dtype=float), periods=list(series["period"]),
                                  laney=laney, large_n=large_n, direction=direction)
            charts[str(kid)] = chart
            row["method"] = chart.method
            row["in_control"] = chart.in_control
            row["signals"] = len(chart.signals)
            row.update(status=chart.status, signals_better=chart.signals_better, signals_worse=chart.signals_worse,
                       new_level=chart.new_level if chart.new_level is not None else math.nan,
                       shift_period=chart.shift_period)
            if row["met"] is True and not chart.in_control:
                row["callout"] = "met_out_of_control"
            elif row["met"] is False and chart.in_control:
                row["callout"] = "missed_in_control"
        rows.append(row)
    columns = ["kpi_id", "kpi_name", "direction", "kind", "unit_of_measure", "owner", "target", "periods", "last",
               "last_period", "met", "light", "trend", "method", "in_control", "signals", "callout", "status",
               "signals_better", "signals_worse", "new_level", "shift_period"]
    return Scorecard(pd.DataFrame(rows, columns=columns), MappingProxyType(charts), tuple(notes))


#: Word stems in a KPI's name (case-folded, either language) that make it a report of a survey item.
SURVEY_KPI_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "satisfaction": ("satisf", "מרוצ", "שביעות רצון", "שביעות-רצון"),
    "trust": ("trust", "אמון"),
})


def survey_kpis(scorecard: pd.DataFrame) -> dict[str, str]:
    """``{kpi_id: survey item}`` for the proportion KPIs whose name says they report a survey item.

    A KPI such as "Customers satisfied (survey)" measures satisfaction by the organisation's own
    method (its own question, scale, sample and month), so its value differs from the survey's
    share agreeing; the report names both with their definitions side by side.  A KPI's name is
    matched against :data:`SURVEY_KPI_WORDS`; only proportions (shares) are matched, and the first
    item whose words match wins.
    """
    out: dict[str, str] = {}
    if scorecard.empty or "kpi_name" not in scorecard.columns:
        return out
    for kid, name, kind in zip(scorecard["kpi_id"], scorecard["kpi_name"], scorecard["kind"]):
        if not isinstance(name, str) or kind != "proportion":
            continue
        folded = name.casefold()
        item = next((i for i, words in SURVEY_KPI_WORDS.items() if any(w in folded for w in words)), None)
        if item is not None:
            out[str(kid)] = item
    return out
