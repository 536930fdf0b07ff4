"""The measured figures of two rounds side by side: survey items, NPS, case figures, observations, training.

Each function returns rows (plain dicts, :data:`ROW_FIELDS`) of *current − previous* with the
interval that fits the figure (:mod:`svcwork.since.stats`):

* survey items — ``measures.item.<item>`` (share agreeing, its base the answers): Newcombe;
* NPS — ``measures.nps`` with ``measures.promoters`` / ``measures.detractors``: the difference of two
  independent trinomial estimates;
* case figures, overall and for the largest services — end-to-end median and 90th percentile
  counting the open cases (bootstrap over the cases of each round's compact record), deadline
  missed, repeat contact and first-contact resolution (Newcombe on the record's counts),
  hand-offs per case (Welch).  Without a record in both rounds the figures come from the two
  summaries' key figures: shares still get Newcombe's interval (their bases are recorded), times
  and hand-offs only the two values;
* observations — ``management.item_mean.<item>`` and training — ``management.training_change.<item>``:
  Welch's interval from each round's recorded interval, its standard error recovered with the
  interval's own degrees of freedom: an item's mean observation score has an interval clustered by
  employee (CR1, t with G − 1 degrees of freedom; Cameron & Miller 2015), G its
  ``management.item_staff.<item>`` figure (a round without one: a Student-t interval over its base,
  n − 1); a training change a paired t interval over its base (n − 1).

Shares are compared in percentage points (×100).  A group under the suppression threshold in either
round gives a row with its numbers withheld (verdict ``suppressed``); a service whose report hid its
case count to protect another has no row (:func:`hidden_services`).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

import numpy as np
import pandas as pd

from ..keyfigures import DIGITS, KeyFigure
from .stats import Difference, newcombe, nps_difference, quantile_differences, verdict, welch, welch_from_intervals

__all__ = ["ROW_FIELDS", "row", "per_service", "shown_change", "survey_rows", "nps_rows", "journey_rows", "observation_rows", "training_rows",
           "JOURNEY_FIGURES", "hidden_services"]

#: The fields of a comparison row (the columns of :attr:`svcwork.since.Since.rows`).
ROW_FIELDS = ("figure", "group", "label_key", "item", "kind", "change_kind", "direction", "previous", "current",
              "change", "low", "high", "method", "verdict", "base_previous", "base_current", "base_of", "note")

#: Case figures compared: (name, kind, good direction).
JOURNEY_FIGURES = (("median_case_days", "days", "lower"), ("p90_case_days", "days", "lower"),
                   ("deadline_missed", "share", "lower"), ("repeat_contact", "share", "lower"),
                   ("fcr", "share", "higher"), ("handoffs_per_case", "rate", "lower"))
#: The column of the compact case record behind each share.
_SHARE_COLUMN = {"deadline_missed": "deadline_missed", "repeat_contact": "repeat", "fcr": "fcr"}
_CHANGE_KIND = {"share": "points", "share1": "points", "nps": "points", "mean": "points", "points": "points",
                "days": "days", "rate": "rate", "count": "count", "number": "number"}


def row(figure: str, group: str, *, kind: str, direction: str | None, previous: Any, current: Any,
        diff: Difference | None = None, base_previous: Any = None, base_current: Any = None, base_of: str | None = None,
        label_key: str | None = None, item: str | None = None, change_kind: str | None = None, note: str | None = None,
        verdict_: str | None = None) -> dict[str, Any]:
    """One comparison row; the verdict from the interval (:func:`~svcwork.since.stats.verdict`) unless given."""
    domain, name = figure.split(".")[:2]
    if diff is None:
        change = None if previous is None or current is None else float(current) - float(previous)
        if change is not None and kind in ("share", "share1"):
            change *= 100
        diff = Difference(change, None, None, "none")
    return {"figure": figure, "group": group, "label_key": label_key or f"{domain}.figure.{name}", "item": item,
            "kind": kind, "change_kind": change_kind or _CHANGE_KIND.get(kind, "number"), "direction": direction,
            "previous": _f(previous), "current": _f(current), "change": _f(diff.value), "low": _f(diff.low),
            "high": _f(diff.high), "method": diff.method,
            "verdict": verdict_ or verdict(diff.low, diff.high, direction), "base_previous": _i(base_previous),
            "base_current": _i(base_current), "base_of": base_of, "note": note}


def shown_change(r: Mapping[str, Any]) -> float | None:
    """The change of a comparison row as the report writes it.  Where the change is in the value's own
    unit and precision (days, hours, rates, counts, numbers, a mean and its points), it is the
    difference of the two values as shown — 0.95 then 1.14 is a change of 0.19, never 0.18 from the
    unrounded values — so the reader's subtraction agrees with the text.  A share's change in
    percentage points (to a tenth) and an NPS's are finer than the values and stay as computed.  The
    interval and the verdict are always the unrounded ones."""
    change, kind, change_kind = r["change"], r["kind"], r["change_kind"]
    if change is None or r["previous"] is None or r["current"] is None:
        return change
    same_unit = change_kind == kind or (kind == "mean" and change_kind == "points")
    if not same_unit or kind in ("share", "share1", "nps") or DIGITS[change_kind] > DIGITS[kind]:
        return change
    digits = DIGITS[kind]
    return round(round(float(r["current"]), digits) - round(float(r["previous"]), digits), digits)


def per_service(r: Mapping[str, Any]) -> bool:
    """Whether a comparison row (a plain record, :meth:`svcwork.since.Since.records`) is a case figure of
    one of the largest services, not of the whole organisation."""
    return r["group"] == "journey" and bool(r["item"])


def _f(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if np.isfinite(f) else None


def _i(v: Any) -> int | None:
    f = _f(v)
    return None if f is None else int(round(f))


def suppressed(r: dict[str, Any]) -> dict[str, Any]:
    """*r* with its numbers withheld (a group under the suppression threshold): its bases too, the
    group's case (or answer) counts in each round."""
    return {**r, **{k: None for k in ("previous", "current", "change", "low", "high", "base_previous",
                                      "base_current")}, "verdict": "suppressed", "note": "small_group"}


def _small(r: dict[str, Any], min_size: int) -> dict[str, Any]:
    bases = [b for b in (r["base_previous"], r["base_current"]) if b is not None]
    return suppressed(r) if any(b < min_size for b in bases) else r


def _hits(fig: KeyFigure) -> int:
    return int(round(float(fig.value) * int(fig.base)))


# --------------------------------------------------------------------------------------------- survey
def _both(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], prefix: str) -> Iterator[tuple[str, KeyFigure,
                                                                                                       KeyFigure]]:
    for key in sorted(k for k in cur if k.startswith(prefix)):
        if key in prev and cur[key].value is not None and prev[key].value is not None:
            yield key, cur[key], prev[key]


def survey_rows(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], *, min_size: int,
                confidence: float) -> list[dict[str, Any]]:
    """Each survey item's share agreeing, current against previous (Newcombe), in the survey's item order."""
    from ..measures._base import ITEM_SCALES

    order = {item: i for i, item in enumerate(ITEM_SCALES)}
    out = []
    for key, c, p in _both(cur, prev, "measures.item."):
        if not c.base or not p.base:
            continue
        diff = newcombe(_hits(c), c.base, _hits(p), p.base, confidence).scaled(100)
        out.append(_small(row(key, "survey", kind="share", direction="higher", previous=p.value, current=c.value,
                              diff=diff, base_previous=p.base, base_current=c.base, base_of=c.base_of, item=c.item),
                          min_size))
    return sorted(out, key=lambda r: (order.get(r["item"], len(order)), r["item"] or ""))


def nps_rows(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], *, min_size: int,
             confidence: float) -> list[dict[str, Any]]:
    """The Net Promoter Score, current against previous (difference of two trinomial estimates)."""
    c, p = cur.get("measures.nps"), prev.get("measures.nps")
    if c is None or p is None or c.value is None or p.value is None:
        return []
    diff = None
    parts = [f.get(k) for f in (cur, prev) for k in ("measures.promoters", "measures.detractors")]
    if all(x is not None and x.base for x in parts) and c.base and p.base:
        cp, cd, pp, pd_ = (_hits(x) for x in parts)
        diff = nps_difference(cp, cd, c.base, pp, pd_, p.base, confidence)
    r = row("measures.nps", "nps", kind="nps", direction="higher", previous=p.value, current=c.value, diff=diff,
            base_previous=p.base, base_current=c.base, base_of=c.base_of)
    return [_small(r, min_size)]


# ---------------------------------------------------------------------------------------------- cases
def _case_group_rows(figure_suffix: str, cc: pd.DataFrame, pc: pd.DataFrame, *, min_size: int, confidence: float,
                     n_boot: int, seed: int, item: str | None) -> list[dict[str, Any]]:
    """The six case figures of one group (all cases, or one service) from the two compact records."""
    suffix = f".{figure_suffix}" if figure_suffix else ""
    small = len(cc) < min_size or len(pc) < min_size
    # the base of end-to-end time: the cases with a time (in a log without closure a single-event case has
    # none: rule 5 of svcwork.caselog), as the journeys section's own figures
    timed_c, timed_p = int(cc["days"].notna().sum()), int(pc["days"].notna().sum())
    out = []
    times = (None, None)
    if not small:
        times = quantile_differences((cc["days"].to_numpy(float), ~cc["open"].to_numpy(bool)),
                                     (pc["days"].to_numpy(float), ~pc["open"].to_numpy(bool)), (0.5, 0.9),
                                     n_boot=n_boot, seed=seed, key=f"journeys.case_days{suffix}", confidence=confidence)
    from ..journeys.survival import km_quantiles

    cq = km_quantiles(cc["days"].to_numpy(float), ~cc["open"].to_numpy(bool))
    pq = km_quantiles(pc["days"].to_numpy(float), ~pc["open"].to_numpy(bool))
    for k, name in enumerate(("median_case_days", "p90_case_days")):
        d = times[k]
        verdict_ = note = None
        if d is not None and d.value is None:
            verdict_, note = "not_tested", "not_estimable"  # more than half (a tenth) still open in a round
        elif d is not None and d.low is None and d.high is None:
            verdict_, note = "no_change", "unbounded"  # too many resamples with too many cases still open
        r = row(f"journeys.{name}{suffix}", "journey", kind="days", direction="lower", previous=pq[k], current=cq[k],
                diff=d, base_previous=timed_p, base_current=timed_c, base_of="cases", item=item, verdict_=verdict_,
                note=note)
        out.append(suppressed(r) if small else r)
    for name, column in _SHARE_COLUMN.items():
        direction = "higher" if name == "fcr" else "lower"
        c, p = cc[column].dropna().astype(bool), pc[column].dropna().astype(bool)
        if not len(c) or not len(p):
            continue
        diff = newcombe(int(c.sum()), len(c), int(p.sum()), len(p), confidence).scaled(100)
        out.append(_small(row(f"journeys.{name}{suffix}", "journey", kind="share", direction=direction,
                              previous=p.mean(), current=c.mean(), diff=diff, base_previous=len(p), base_current=len(c),
                              base_of="cases", item=item), min_size))
    c, p = cc["handoffs"].dropna().astype(float), pc["handoffs"].dropna().astype(float)
    if len(c) > 1 and len(p) > 1:
        diff = welch(c.mean(), c.var(ddof=1), len(c), p.mean(), p.var(ddof=1), len(p), confidence)
        out.append(_small(row(f"journeys.handoffs_per_case{suffix}", "journey", kind="rate", direction="lower",
                              previous=p.mean(), current=c.mean(), diff=diff, base_previous=len(p),
                              base_current=len(c), base_of="cases", item=item), min_size))
    return out


def hidden_services(figures: Mapping[str, KeyFigure], cases: pd.DataFrame | None, *, min_size: int) -> set[str]:
    """The services of at least *min_size* cases whose case count a round's report hid to protect a smaller
    one (:meth:`svcwork.journeys.JourneysResult.hidden_groups`): in its case record, but without a
    ``journeys.cases.<service_id>`` key figure although its summary has the journeys section's figures
    (``journeys.cases``).  The summary's key figures are the report's own list of the services it shows,
    so this is the one definition, read back.  Empty for a summary without the journeys figures or a
    round without a record (its figures then hold no hidden service anyway)."""
    if cases is None or "journeys.cases" not in figures or "service_id" not in cases.columns:
        return set()
    shown = {str(f.item) for k, f in figures.items() if k.startswith("journeys.cases.") and f.item}
    counts = cases["service_id"].dropna().astype(str).value_counts()
    return {str(s) for s, n in counts.items() if n >= min_size and str(s) not in shown}


def _top_services(cur_cases: pd.DataFrame | None, cur: Mapping[str, KeyFigure], top: int,
                  hidden: Iterable[str] = ()) -> list[str]:
    hidden = set(hidden)
    if cur_cases is not None:
        counts = cur_cases["service_id"].dropna().astype(str).value_counts()
    else:
        counts = pd.Series({f.item: f.value for k, f in cur.items() if k.startswith("journeys.cases.") and f.item},
                           dtype="float64")
    counts = counts.loc[[str(s) not in hidden for s in counts.index]]
    counts = counts.rename_axis("sid").reset_index(name="n").sort_values(["n", "sid"], ascending=[False, True])
    return [str(s) for s in counts["sid"].head(top)]


def journey_rows(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], cur_cases: pd.DataFrame | None,
                 prev_cases: pd.DataFrame | None, *, min_size: int, confidence: float, n_boot: int, seed: int,
                 top_services: int) -> list[dict[str, Any]]:
    """The case figures overall and for the *top_services* largest services of the current round.

    A service whose case count either round's report hid (:func:`hidden_services`) has no row at all,
    and the largest services are chosen among the others: its figures, their bases and its rank would
    give back what the report hides."""
    hidden = hidden_services(cur, cur_cases, min_size=min_size) | hidden_services(prev, prev_cases, min_size=min_size)
    services = _top_services(cur_cases, cur, top_services, hidden)
    if cur_cases is not None and prev_cases is not None:
        out = _case_group_rows("", cur_cases, prev_cases, min_size=min_size, confidence=confidence, n_boot=n_boot,
                               seed=seed, item=None)
        for sid in services:
            cc = cur_cases.loc[cur_cases["service_id"].astype("string") == sid]
            pc = prev_cases.loc[prev_cases["service_id"].astype("string") == sid]
            if len(pc):
                out += _case_group_rows(sid, cc, pc, min_size=min_size, confidence=confidence, n_boot=n_boot,
                                        seed=seed, item=sid)
        return out
    return list(_journey_rows_from_figures(cur, prev, services, min_size=min_size, confidence=confidence))


def _journey_rows_from_figures(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], services: Iterable[str],
                               *, min_size: int, confidence: float) -> Iterator[dict[str, Any]]:
    """Case figures from the two summaries alone: shares with Newcombe, times and hand-offs without an interval."""
    for suffix in ("", *(f".{s}" for s in services)):
        for name, kind, direction in JOURNEY_FIGURES:
            key = f"journeys.{name}{suffix}"
            c, p = cur.get(key), prev.get(key)
            if c is None or p is None or c.value is None or p.value is None:
                continue
            item = suffix[1:] or None
            if kind == "share" and c.base and p.base:
                diff = newcombe(_hits(c), c.base, _hits(p), p.base, confidence).scaled(100)
                yield _small(row(key, "journey", kind=kind, direction=direction, previous=p.value, current=c.value,
                                 diff=diff, base_previous=p.base, base_current=c.base, base_of=c.base_of, item=item),
                             min_size)
            else:
                yield _small(row(key, "journey", kind=kind, direction=direction, previous=p.value, current=c.value,
                                 base_previous=p.base, base_current=c.base, base_of=c.base_of, item=item,
                                 note="no_case_record"), min_size)


# ------------------------------------------------------------------------------- observations, training
def _clusters_df(figures: Mapping[str, KeyFigure], key: str | None, base: int | None) -> float | None:
    """The degrees of freedom of a recorded interval: G − 1 for the G clusters of figure *key* (a
    cluster-robust interval), else n − 1 for its *base* n (a Student-t interval)."""
    fig = figures.get(key) if key is not None else None
    g = _f(fig.value) if fig is not None else None
    if g is not None:
        return g - 1
    return None if not base else float(base) - 1


def _welch_rows(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], prefix: str, group: str, *,
                min_size: int, confidence: float, clusters: str | None = None) -> list[dict[str, Any]]:
    """Welch rows of the figures under *prefix*; *clusters*: the prefix of the figures that count the
    clusters of each one's interval (``<clusters><item>``), read for its degrees of freedom."""
    out = []
    for key, c, p in _both(cur, prev, prefix):
        suffix = key[len(prefix):]
        staff = None if clusters is None else clusters + suffix
        diff = welch_from_intervals((c.value, c.low, c.high, c.base or 0, _clusters_df(cur, staff, c.base)),
                                    (p.value, p.low, p.high, p.base or 0, _clusters_df(prev, staff, p.base)),
                                    confidence)
        if diff.value is None:
            diff = None
        out.append(_small(row(key, group, kind=c.kind, change_kind="points", direction="higher", previous=p.value,
                              current=c.value, diff=diff, base_previous=p.base, base_current=c.base,
                              base_of=c.base_of, item=c.item), min_size))
    return out


def observation_rows(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], *, min_size: int,
                     confidence: float) -> list[dict[str, Any]]:
    """Each observed behaviour's mean score, current against previous (Welch; each round's interval is
    clustered by employee, its degrees of freedom the employees of ``management.item_staff.<item>`` less one)."""
    return _welch_rows(cur, prev, "management.item_mean.", "observations", min_size=min_size, confidence=confidence,
                       clusters="management.item_staff.")


def training_rows(cur: Mapping[str, KeyFigure], prev: Mapping[str, KeyFigure], *, min_size: int,
                  confidence: float) -> list[dict[str, Any]]:
    """Each skill's training effect (mean change from the test before to after), this round's against the
    previous round's (Welch)."""
    return _welch_rows(cur, prev, "management.training_change.", "training", min_size=min_size,
                       confidence=confidence)
