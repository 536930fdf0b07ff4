"""The engagement-level analysis: :func:`analyse` runs every part on an Engagement.

Survey (companion file): item tables overall and by unit, channel, service, wave and month; NPS;
CES; unit-vs-all and wave-over-wave comparisons, and the change over the whole period (last wave
against the first, and the trend across all the waves); raking to known volumes; key drivers and
importance–performance; redacted comments and themes.  KPIs: scorecard and control charts, and
the KPIs that report a survey item.  Case log: the share of cases meeting the service standards.  Parts whose data are absent are skipped
and said so (notes of the result); nothing raises for missing data.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..intake.percent import read_shares
from ..schema import ENUMS, normalize_name
from ._base import A11_ITEMS, DIMENSIONS, DRIVER_ITEMS, _z, error, reason
from .comments import DEFAULT_CODE_FRAME, CodeFrame, code_themes, redact, theme_table
from .drivers import DriverAnalysis, _focus_items, driver_importance, importance_performance
from .intervals import Interval
from .kpis import kpi_scorecard, survey_kpis
from .result import MeasuresResult
from .standards import standards_share
from .survey import (_items_present, _month, _wave_order, compare_groups, compare_waves, item_table, nps_table,
                     wave_change)
from .weighting import rake

if TYPE_CHECKING:  # pragma: no cover
    from ..intake import Engagement

__all__ = ["analyse"]


def _categories(values: pd.Series, clean=None) -> pd.Series:
    """Trimmed labels as a categorical (sorted categories), cleaning each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    labels = [str(u).strip() for u in uniques]
    if clean is not None:
        labels = [clean(u) if u else u for u in labels]
    cats = pd.Index(sorted({u for u in labels if u}))
    remap = np.append(cats.get_indexer(pd.Index(labels, dtype=object)) if labels else np.zeros(0, np.int64), -1)
    return pd.Series(pd.Categorical.from_codes(remap[codes], categories=cats), index=values.index)


def _prepare_survey(survey: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    frame = pd.DataFrame(index=survey.index)
    lookup = ENUMS["channel"].lookup()
    for col in ("unit", "service_id", "wave", "channel"):
        if col not in survey.columns:
            frame[col] = pd.Series(pd.Categorical([None] * len(survey), categories=[]), index=survey.index)
            continue
        frame[col] = _categories(survey[col], (lambda u: lookup.get(normalize_name(u), u)) if col == "channel"
                                 else None)
    frame["comment"] = (survey["comment"].astype("string").str.strip().replace("", pd.NA)
                        if "comment" in survey.columns else pd.Series(pd.NA, index=survey.index, dtype="string"))
    frame["date"] = pd.to_datetime(survey["date"], errors="coerce") if "date" in survey.columns else pd.NaT
    frame["month"] = _month(frame["date"])
    for item in (*A11_ITEMS, "ces", "nps"):
        frame[item] = pd.to_numeric(survey[item], errors="coerce") if item in survey.columns else np.nan
    quarters = False
    if frame["wave"].isna().all() and frame["date"].notna().any():
        months = frame["month"].to_numpy().astype("datetime64[M]")
        valid = ~np.isnat(months)
        q = np.where(valid, months.astype(np.int64) // 3, -1)  # quarters since 1970
        quarters = len(np.unique(q[valid])) > 1
        if quarters:
            codes, uniques = pd.factorize(q, sort=True)
            names = pd.Index([f"{1970 + u // 4}Q{u % 4 + 1}" if u >= 0 else None for u in uniques])
            wave = names[codes].to_numpy(dtype=object)
            frame["wave"] = _categories(pd.Series(np.where(valid, wave, None), index=frame.index))
    return frame, quarters


def _margins(frame: pd.DataFrame, services: pd.DataFrame, channels: pd.DataFrame) -> dict[str, dict]:
    """Known volumes by unit (Services.annual_volume) and by channel (× Channels.share_pct, 0–100).

    Shares typed as Excel percentages (0.25 for 25%) are read ×100 when their service's total proves
    it (:func:`svcwork.intake.percent.read_shares`), else as typed."""
    margins: dict[str, dict] = {}
    if services.empty or "annual_volume" not in services.columns or services["annual_volume"].isna().all():
        return margins
    vol = services.dropna(subset=["annual_volume"])
    if frame["unit"].notna().any():
        units = vol.groupby(vol["unit"].astype("string").str.strip().str.casefold())["annual_volume"].sum()
        seen = {str(u).casefold(): u for u in pd.unique(frame["unit"].dropna())}
        m = {seen[k]: float(v) for k, v in units.items() if k in seen and v > 0}
        if m:
            margins["unit"] = m
    if (frame["channel"].notna().any() and not channels.empty and "share_pct" in channels.columns
            and channels["share_pct"].notna().any()):
        if "service_id" in channels.columns:  # Excel fractions (0.25 for 25%) read ×100 when proven (intake.percent)
            channels = channels.assign(share_pct=read_shares(channels["share_pct"], channels["service_id"]).values)
        ch = channels.dropna(subset=["share_pct"]).merge(vol[["service_id", "annual_volume"]], on="service_id")
        by_ch = (ch["annual_volume"] * ch["share_pct"] / 100).groupby(ch["channel"]).sum()
        seen = set(pd.unique(frame["channel"].dropna()))
        m = {k: float(v) for k, v in by_ch.items() if k in seen and v > 0}
        if m:
            margins["channel"] = m
    return margins


def _drivers_ipa(frame: pd.DataFrame, items: Sequence[str], overall: pd.DataFrame, *, outcome: str, n_boot: int,
                 seed: int, confidence: float, min_size: int
                 ) -> tuple[DriverAnalysis | None, pd.DataFrame, tuple | None]:
    """Key drivers of *outcome* (or trust) and the importance–performance table, or why not.

    One code path for :func:`analyse` and the cheap links :func:`benefit_signal` and
    :func:`weak_drivers`, so the "concentrate here" items are the same everywhere.  The
    quadrants use the point estimates only (Shapley share of R², % agree); the bootstrap
    (*n_boot*) adds intervals and never moves an item between quadrants.  Returns
    ``(drivers, ipa, note)``: *note* is the reason (an i18n key and its values) when the
    analysis was skipped, else None.
    """
    empty = pd.DataFrame()
    target = outcome if outcome in items else ("trust" if "trust" in items else None)
    drivers = [d for d in DRIVER_ITEMS if d in items and d != target]
    if target is None or len(drivers) < 2:
        return None, empty, None
    complete = int(frame[[target, *drivers]].notna().all(axis=1).sum())
    need = max(30, 5 * (len(drivers) + 1), min_size)
    if complete < need:
        return None, empty, ("measures.skipped.drivers", (("n", complete), ("need", need)))
    try:
        da = driver_importance(frame, target, drivers, n_boot=n_boot, seed=seed, confidence=confidence)
        perf = overall.set_index("item")
        tab = da.table.set_index("driver")
        common = [d for d in tab.index if d in perf.index]
        ipa = importance_performance(tab.loc[common, "share"], perf.loc[common, "pct_agree"])
        ipa["importance_low"] = tab.loc[common, "share_low"].to_numpy()
        ipa["importance_high"] = tab.loc[common, "share_high"].to_numpy()
        ipa["performance_low"] = perf.loc[common, "low"].to_numpy()
        ipa["performance_high"] = perf.loc[common, "high"].to_numpy()
    except AnalysisError as exc:
        return None, empty, ("measures.skipped.drivers_error", (("reason", reason(exc)),))
    return da, ipa, None


def _service_signal(ipa: pd.DataFrame, by_service: pd.DataFrame | None) -> pd.DataFrame:
    """Benefit signal for prioritisation: per service, the share *not* agreeing on the focus items.

    ``gap`` = 1 − the mean, over the "concentrate here" items, of the service's share agreeing
    (top-2-box), on 0–1; ``n`` = the smallest response count among those items; ``items`` =
    the focus items.  Services hidden by suppression in the by-service table are absent.  An
    empty frame when there is no focus item or no service breakdown.
    """
    focus = _focus_items(ipa)
    if not focus or by_service is None or by_service.empty:
        return pd.DataFrame()
    s = by_service[by_service["item"].isin(focus)].dropna(subset=["service_id", "pct_agree"])
    if s.empty:
        return pd.DataFrame()
    sig = s.assign(service_id=s["service_id"].astype(str)).groupby("service_id", sort=True).agg(
        n=("n", "min"), agree=("pct_agree", "mean")).reset_index()
    sig["gap"] = 1 - sig["agree"]
    sig["items"] = ", ".join(focus)
    return sig[["service_id", "n", "gap", "items"]].sort_values("gap", ascending=False, kind="stable").reset_index(
        drop=True)


def _analyse_survey(eng: Engagement, out: dict, *, seed: int, confidence: float, n_boot: int, outcome: str,
                    weighting: bool,
                    code_frame: CodeFrame, unstable_width: float, unstable_min_n: float, notes: list) -> None:
    min_size = out["min_group_size"]
    frame, quarters = _prepare_survey(eng.survey)
    n_total = len(frame)
    out.update(survey_available=True, survey_n=n_total)
    if n_total < min_size:
        notes.append(("measures.skipped.too_small", (("min", min_size), ("n", n_total))))
        return
    out["survey_shown"] = True
    if quarters:
        notes.append(("measures.note.quarters", ()))
    kw = dict(min_group_size=min_size, confidence=confidence, unstable_width=unstable_width,
              unstable_min_n=unstable_min_n)
    items = _items_present(frame, None)
    overall = item_table(frame, items=items, **kw)
    out["items"] = overall
    by = {}
    for dim in DIMENSIONS:
        if frame[dim].notna().any():
            by[dim] = item_table(frame, by=(dim,), items=items, **kw)
    out["by"] = MappingProxyType(by)
    # NPS: overall and by each breakdown, one long table
    if frame["nps"].notna().any():
        parts = []
        for dim in ("", *DIMENSIONS):
            if dim and not frame[dim].notna().any():
                continue
            tab = nps_table(frame, by=(dim,) if dim else (), **kw)
            if tab.empty:
                continue
            tab.insert(0, "breakdown", dim or "all")
            tab.insert(1, "group", tab.pop(dim) if dim else "all")
            parts.append(tab)
        out["nps"] = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        overall_nps = out["nps"][out["nps"]["breakdown"] == "all"] if parts else pd.DataFrame()
        if len(overall_nps):
            r = overall_nps.iloc[0]
            out["nps_overall"] = Interval(float(r["nps"]), float(r["low"]), float(r["high"]), float(r["n"]))
    a11 = [i for i in items if i in A11_ITEMS]
    # unit against all other units (only units shown in the by-unit table: no differencing)
    if "unit" in by and frame["unit"].nunique() >= 2 and a11:
        cmp_ = compare_groups(frame, group="unit", items=a11, min_group_size=min_size, confidence=confidence)
        shown = by["unit"][["unit", "item"]]
        out["unit_vs_all"] = cmp_.merge(shown, on=["unit", "item"], how="inner")
    if "wave" in by and frame["wave"].nunique() >= 2 and a11:
        cmp_ = compare_waves(frame, wave="wave", items=a11, min_group_size=min_size, confidence=confidence)
        shown = set(by["wave"]["wave"])
        out["wave_over_wave"] = cmp_[cmp_["wave_from"].isin(shown) & cmp_["wave_to"].isin(shown)].reset_index(drop=True)
        # the whole period: the last wave against the first, and the trend across every wave shown
        order = [w for w in _wave_order(frame, "wave") if w in shown]
        out["wave_change"] = wave_change(frame, wave="wave", items=items, order=order, min_group_size=min_size,
                                         confidence=confidence)
    # weighting to known volumes
    if weighting:
        margins = _margins(frame, eng.table("Services"), eng.table("Channels"))
        if margins:
            rows = np.ones(len(frame), bool)
            for col, m in margins.items():
                rows &= frame[col].isin(list(m)).to_numpy()
            sub = frame.loc[rows]
            used = {c: {k: v for k, v in m.items() if k in set(sub[c])} for c, m in margins.items()}
            try:
                if len(sub) < min_size:
                    raise error("weighting_known", n=len(sub))
                w = rake(sub, used)
                weighted = item_table(sub, items=a11, weights=w.to_numpy(), **kw)
                unweighted = item_table(sub, items=a11, **kw)
                wt = unweighted[["item", "n", "pct_agree", "low", "high"]].merge(
                    weighted[["item", "pct_agree", "low", "high", "n_eff"]], on="item", suffixes=("", "_weighted"))
                wt = wt.rename(columns={"pct_agree": "pct_unweighted", "low": "low_unweighted",
                                        "high": "high_unweighted", "pct_agree_weighted": "pct_weighted"})
                wt["by"] = " × ".join(used)
                out["weighting"] = wt
            except AnalysisError as exc:
                notes.append(("measures.skipped.weighting", (("reason", reason(exc)),)))
    # key drivers, importance–performance and the benefit signal for prioritisation
    da, ipa, note = _drivers_ipa(frame, items, overall, outcome=outcome, n_boot=n_boot, seed=seed,
                                 confidence=confidence, min_size=min_size)
    if note is not None:
        notes.append(note)
    if da is not None:
        out["drivers"], out["ipa"] = da, ipa
    out["service_signal"] = _service_signal(ipa, by.get("service_id"))
    # comments: theme counts over all of them; the latest 50 shown only after redaction
    comments = frame["comment"].dropna()
    if len(comments) >= min_size:
        out["themes"] = theme_table(comments, code_frame, confidence=confidence)
        order = frame.loc[comments.index, "date"].sort_values(ascending=False, kind="stable").index[:50]
        shown = redact(comments.loc[order], lang=out["language"])
        coded = code_themes(shown, code_frame)
        labels = {th.key: th for th in code_frame.themes}
        out["comments"] = pd.DataFrame({
            "comment": shown.to_numpy(),
            "themes": [", ".join(labels[k].label(out["language"]) for k in coded.columns if coded.at[i, k])
                       for i in shown.index]})


def analyse(engagement: Engagement, *, seed: int = 0, confidence: float = 0.95, n_boot: int = 500,
            outcome: str = "satisfaction", weighting: bool = True, code_frame: CodeFrame = DEFAULT_CODE_FRAME,
            unstable_width: float = 0.30, unstable_min_n: float = 30, laney: bool | None = None,
            large_n: float = 1000, amber_band: float = 0.05) -> MeasuresResult:
    """Service measurement and control for an engagement.

    Survey (companion file): item tables overall and by unit, channel, service, wave and month;
    NPS; CES; unit-vs-all and wave-over-wave comparisons; raking to known volumes (Services
    annual volumes by unit, × Channels share by channel) when *weighting*; key drivers of
    *outcome* with *n_boot* bootstrap replicates (*seed*); importance–performance; redacted
    comments and themes (*code_frame*).  KPIs: scorecard and control charts.  Case log: the
    share of cases meeting the Standards (or ``sla_days``).  Parts whose data are absent are
    skipped and said so (:meth:`MeasuresResult.skipped`); nothing raises for missing data.
    """
    _z(confidence)
    if outcome not in A11_ITEMS:
        raise error("outcome", expected=", ".join(A11_ITEMS), found=repr(outcome))
    settings = engagement.settings
    notes: list = []
    out: dict[str, Any] = dict(language=engagement.language, min_group_size=int(settings.min_group_size),
                               confidence=confidence, accent_color=settings.accent_color, by={},
                               **{k: pd.DataFrame() for k in ("items", "nps", "unit_vs_all", "wave_over_wave",
                                                              "wave_change", "weighting", "ipa", "service_signal",
                                                              "themes", "comments", "scorecard", "standards")})
    services = engagement.table("Services")
    out["service_names"] = MappingProxyType({str(k): str(v) for k, v in zip(services.get("service_id", []),
                                                                           services.get("service_name", []))
                                             if isinstance(k, str) and isinstance(v, str)})
    if engagement.has("survey"):
        _analyse_survey(engagement, out, seed=seed, confidence=confidence, n_boot=n_boot, outcome=outcome,
                        weighting=weighting, code_frame=code_frame, unstable_width=unstable_width,
                        unstable_min_n=unstable_min_n, notes=notes)
    else:
        notes.append(("measures.skipped.survey", ()))
    if engagement.has("KPIs") and engagement.has("KPI values"):
        card = kpi_scorecard(engagement.table("KPIs"), engagement.table("KPI values"), laney=laney, large_n=large_n,
                             amber_band=amber_band)
        out.update(kpis_available=True, scorecard=card.table, charts=card.charts,
                   survey_kpis=MappingProxyType(survey_kpis(card.table)))
        notes.extend(card.notes)  # proportion KPIs' numbers read as percentages, said in the report
    else:
        notes.append(("measures.skipped.kpis", ()))
    if engagement.has("cases"):
        std = standards_share(engagement.cases, engagement.table("Standards"),
                              default_resolution_days=settings.sla_days, confidence=confidence,
                              min_group_size=out["min_group_size"])
        out.update(standards_available=True, standards=std)
    else:
        notes.append(("measures.skipped.standards", ()))
    available = bool(out.get("survey_available") or out.get("kpis_available") or out.get("standards_available"))
    return MeasuresResult(available=available, notes=tuple(notes), **out)
