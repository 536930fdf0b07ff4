"""The portfolio benchmark: the clients of one batch compared on the same measures.

``svcwork portfolio OUT`` reads every ``OUT/<slug>/summary.json`` written by a batch and
builds a league table across clients — survey scores (satisfaction, trust, NPS with their
intervals and number of responses), journey figures (median and 90th-percentile end-to-end
days, share of deadlines missed, first contact resolution), the share of KPIs that met their
target and the number of overdue actions — with ranks (ties share a rank) and, for
satisfaction and trust, which differences are real: each client against the pooled other
clients by Newcombe's interval for a difference of proportions (Bonferroni-adjusted over the
clients by default).  With ``anonymise=True`` client names become "Client A, B, …" (letters
in the order of the client folders' names) and folder names are dropped.

:func:`read_summaries` does the reading, :func:`compare_clients` is the pure analysis, and
:func:`write_portfolio` writes ``OUT/portfolio.html`` (self-contained, right-to-left for
Hebrew) and ``OUT/portfolio.xlsx``.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import AnalysisError, UsageError
from .i18n import direction, t, user_language
from .measures import newcombe_interval

__all__ = ["PortfolioResult", "portfolio", "read_summaries", "failed_clients", "compare_clients", "competition_rank", "client_codes",
           "write_portfolio", "SUMMARY_CONFIDENCE", "CHANGES"]

#: The confidence level of the intervals in each client's summary.json (the analyses' default).
SUMMARY_CONFIDENCE = 0.95


@dataclass(frozen=True)
class _Measure:
    key: str              # column of the frame
    higher_is_better: bool
    scale: float          # display scale (100 for shares)
    digits: int           # display digits; ranks use the value as shown


#: The ranked measures, in table order.
RANKED: tuple[_Measure, ...] = (
    _Measure("csat", True, 100.0, 1),
    _Measure("trust", True, 100.0, 1),
    _Measure("nps", True, 1.0, 1),
    _Measure("median_days", False, 1.0, 1),
    _Measure("p90_days", False, 1.0, 1),
    _Measure("sla_breach", False, 100.0, 1),
    _Measure("fcr", True, 100.0, 1),
    _Measure("kpis_share", True, 100.0, 1),
    _Measure("overdue", False, 1.0, 0),
)
_COMPARED = ("csat", "trust")
_ISOLATE = ("\u2066", "\u2069")  # LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE: keeps "[a, b]" in order in RTL


# =========================================================================== pure helpers
def competition_rank(values: Sequence[float | None] | pd.Series, *, higher_is_better: bool) -> list[int | None]:
    """Standard competition ranks ("1224"): tied values share the best rank; missing values get None.

    Uses :meth:`pandas.Series.rank` with ``method="min"``.
    """
    s = pd.Series([np.nan if v is None else float(v) for v in values], dtype=float)
    r = s.rank(method="min", ascending=not higher_is_better, na_option="keep")
    return [None if math.isnan(v) else int(v) for v in r]


def client_codes(count: int) -> list[str]:
    """Letters for anonymised clients: A … Z, then AA, AB, … (spreadsheet-column style)."""
    if count < 0:
        raise AnalysisError(t("cli.error.portfolio_count", user_language(), value=count))
    out = []
    for i in range(count):
        code, k = "", i + 1
        while k:
            k, rem = divmod(k - 1, 26)
            code = chr(ord("A") + rem) + code
        out.append(code)
    return out


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnalysisError(t("cli.error.portfolio_number", user_language(), where=where, value=repr(value)))
    f = float(value)
    return None if math.isnan(f) or math.isinf(f) else f


def _block(summary: Mapping, key: str, where: str) -> Mapping:
    value = summary.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnalysisError(t("cli.error.portfolio_object", user_language(), where=where, key=key,
                              found=type(value).__name__))
    return value


def _interval(block: Mapping, key: str, where: str) -> tuple[float | None, float | None, float | None, int | None]:
    item = block.get(key)
    if item is None:
        return None, None, None, None
    if not isinstance(item, Mapping):
        raise AnalysisError(t("cli.error.portfolio_interval", user_language(), where=where, key=key, value=repr(item)))
    value = _number(item.get("value"), f"{where} {key}.value")
    if value is None:  # suppressed or not measured
        return None, None, None, None
    n = _number(item.get("n"), f"{where} {key}.n")
    return (value, _number(item.get("low"), f"{where} {key}.low"), _number(item.get("high"), f"{where} {key}.high"),
            None if n is None else int(round(n)))


def _client_row(summary: Mapping, slug: str) -> dict[str, Any]:
    where = f"summary of client {slug!r}"
    if not isinstance(summary, Mapping):
        raise AnalysisError(t("cli.error.portfolio_summary", user_language(), where=where, found=type(summary).__name__))
    survey = _block(summary, "survey", where)
    journey = _block(summary, "journey", where)
    actions = _block(summary, "actions", where)
    period = _block(summary, "period", where)
    row: dict[str, Any] = {"slug": slug, "organization": str(summary.get("organization") or slug),
                           "period_start": period.get("start"), "period_end": period.get("end")}
    for key in ("csat", "trust", "nps"):
        row[key], row[f"{key}_low"], row[f"{key}_high"], row[f"{key}_n"] = _interval(survey, key, where)
    cases = _number(journey.get("cases"), f"{where} journey.cases")
    row["cases"] = None if cases is None else int(cases)
    row["median_days"] = _number(journey.get("median_case_days"), f"{where} journey.median_case_days")
    row["p90_days"] = _number(journey.get("p90_case_days"), f"{where} journey.p90_case_days")
    row["sla_breach"] = _number(journey.get("sla_breach_rate"), f"{where} journey.sla_breach_rate")
    row.update(_deadline_row(summary.get("key_figures")))
    row["fcr"] = _number(journey.get("fcr"), f"{where} journey.fcr")
    kpis = summary.get("kpis") or []
    if not isinstance(kpis, list):
        raise AnalysisError(t("cli.error.portfolio_kpis", user_language(), where=where, found=type(kpis).__name__))
    judged = [k.get("met") for k in kpis if isinstance(k, Mapping) and isinstance(k.get("met"), bool)]
    row["kpis_met"] = sum(judged) if judged else None
    row["kpis_total"] = len(judged) if judged else None
    row["kpis_share"] = sum(judged) / len(judged) if judged else None
    overdue = _number(actions.get("overdue"), f"{where} actions.overdue")
    row["overdue"] = None if overdue is None else int(overdue)
    row.update(_since_row(summary.get("since")))
    return row


def _deadline_row(figures: Any) -> dict[str, Any]:
    """How the client's "deadlines missed" is defined (its key figures): the default deadline in
    days (cases without their own deadline), the cases with their own deadline, and the cases the
    share is taken of; None when the summary does not say."""
    figures = figures if isinstance(figures, Mapping) else {}

    def get(key: str, field: str) -> int | None:
        item = figures.get(key)
        v = item.get(field) if isinstance(item, Mapping) else None
        return None if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v else int(round(v))

    return {"sla_days": get("journeys.deadline_days", "value"), "sla_own": get("journeys.own_deadline_cases", "value"),
            "sla_base": get("journeys.deadline_missed", "base")}


#: The changes the portfolio shows from each client's ``since`` block: column key -> compared figure.
CHANGES = {"csat": "measures.item.satisfaction", "trust": "measures.item.trust",
           "median_days": "journeys.median_case_days"}


def _since_row(since: Any) -> dict[str, Any]:
    """The client's change since its last report (summary.json's ``since`` block, svcwork.since):
    the previous period's end, each :data:`CHANGES` figure's change, interval and verdict, and the
    counts of figures better and worse; all None without an earlier round."""
    row: dict[str, Any] = {"previous_end": None, "since_better": None, "since_worse": None}
    for key in CHANGES:
        row.update({f"{key}_change": None, f"{key}_change_low": None, f"{key}_change_high": None,
                    f"{key}_change_verdict": None})
    if not isinstance(since, Mapping):
        return row
    row["previous_end"] = ((since.get("previous") or {}).get("period") or {}).get("end")
    counts = since.get("counts") or {}
    row["since_better"], row["since_worse"] = counts.get("better"), counts.get("worse")
    figures = {f.get("figure"): f for f in since.get("figures") or () if isinstance(f, Mapping)}
    for key, figure in CHANGES.items():
        f = figures.get(figure)
        if f is not None and f.get("verdict") != "suppressed":
            row.update({f"{key}_change": f.get("change"), f"{key}_change_low": f.get("low"),
                        f"{key}_change_high": f.get("high"), f"{key}_change_verdict": f.get("verdict")})
    return row


def _shown(value: float | None, m: _Measure) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value) * m.scale, m.digits)


# =========================================================================== the result
@dataclass(frozen=True)
class PortfolioResult:
    """The clients of one batch compared (see :func:`compare_clients`).

    ``clients`` has one row per client in table order (best satisfaction first), English
    column keys, shares as 0–1 and ``<measure>_rank`` columns; ``comparisons`` one row per
    client and compared measure (``csat``, ``trust``) with the difference to the pooled other
    clients, its interval and ``verdict`` (``higher``, ``lower``, ``similar``).  When
    ``anonymised``, ``organization`` and ``slug`` are None and ``code`` holds the letter.
    """

    clients: pd.DataFrame
    comparisons: pd.DataFrame
    anonymised: bool
    language: str = "en"
    confidence: float = SUMMARY_CONFIDENCE
    adjusted: bool = True
    missing: tuple[str, ...] = ()
    available: bool = True
    sla_alike: bool = True

    # ----------------------------------------------------------------- labels
    def label(self, row: Mapping, lang: str | None = None) -> str:
        """The client's name in tables: its organisation, or "Client A" when anonymised."""
        if self.anonymised:
            return t("portfolio.client_code", lang or self.language, code=row["code"])
        return str(row["label"])

    def comparison_confidence(self, measure: str = "csat") -> float:
        """Confidence level of each comparison's interval (Bonferroni-adjusted when ``adjusted``)."""
        c = self.comparisons
        m = int((c["measure"] == measure).sum()) if len(c) else 0
        return 1 - (1 - self.confidence) / m if self.adjusted and m > 1 else self.confidence

    # ----------------------------------------------------------------- summary
    def summary(self) -> dict:
        """JSON-serialisable summary: clients with values and ranks, comparisons, settings."""
        from .report import json_ready

        hide = {"organization", "slug", "label"} if self.anonymised else set()
        clients = [{k: v for k, v in r.items() if k not in hide} for r in self.clients.to_dict("records")]
        comparisons = [{k: v for k, v in r.items() if k not in hide} for r in self.comparisons.to_dict("records")]
        return json_ready({"clients": clients, "comparisons": comparisons, "anonymised": self.anonymised,
                           "confidence": self.confidence, "adjusted": self.adjusted,
                           "comparison_confidence": {m: self.comparison_confidence(m) for m in _COMPARED},
                           "missing": len(self.missing) if self.anonymised else list(self.missing)})

    # ----------------------------------------------------------------- tables
    def tables(self, lang: str | None = None) -> dict[str, pd.DataFrame]:
        """Display tables (``survey``, ``operations``, ``comparison``): text cells, None for '—'."""
        return _display_tables(self, lang or self.language)

    def workbook_tables(self, lang: str | None = None) -> dict[str, tuple[pd.DataFrame, list[str]]]:
        """Numeric tables for portfolio.xlsx: ``{slug: (frame, number formats per column)}``."""
        return _workbook_tables(self, lang or self.language)

    def compared(self) -> int:
        """How many clients are ranked and compared (not set apart for another period or a failed run)."""
        return int(self.clients["apart"].isna().sum()) if "apart" in self.clients else len(self.clients)

    def findings(self, lang: str | None = None) -> list[str]:
        """One to five short sentences written from the numbers."""
        return _findings(self, lang or self.language)

    def methods(self, lang: str | None = None) -> str:
        """The methods paragraph (sources named)."""
        lang = lang or self.language
        m = int((self.comparisons["measure"] == "csat").sum()) if len(self.comparisons) else 0
        adjusted = (t("portfolio.methods.bonferroni", lang, count=m, family=_level(self.confidence))
                    if self.adjusted and m > 1 else "")
        return (t("portfolio.methods.text", lang, level=_level(self.comparison_confidence("csat")), adjusted=adjusted)
                + " " + t("portfolio.methods.periods", lang) + " " + t("portfolio.methods.deadlines", lang))


def _level(confidence: float) -> str:
    return f"{100 * confidence:.1f}".rstrip("0").rstrip(".")


# =========================================================================== the analysis
def compare_clients(summaries: Mapping[str, Mapping], *, anonymise: bool = False, lang: str = "en",
                    confidence: float = SUMMARY_CONFIDENCE, adjust: bool = True,
                    missing: Sequence[str] = (), failed: Sequence[str] = ()) -> PortfolioResult:
    """League table and real differences across clients, from their summary.json contents.

    Parameters
    ----------
    summaries : mapping of client folder name (slug) to that client's summary.json content.
    anonymise : replace names by "Client A, B, …" (letters in slug order) and drop slugs.
    lang : language of the result's tables and sentences (``"en"`` or ``"he"``).
    confidence : family-wise confidence of the comparisons.
    adjust : Bonferroni adjustment over the clients compared (Dunn 1961) — each comparison at
        ``1 − (1 − confidence)/m``.
    missing : slugs of batch clients without results (named in the findings unless anonymised).
    failed : slugs whose run failed in this batch: their summary is an earlier report (a failed
        run leaves it as it was), shown apart with its period, neither ranked nor compared.

    A client whose period (start and end) is not the batch's — the period most clients share,
    the latest of equally common ones — is likewise shown apart and neither ranked nor compared,
    and the findings say so (``apart`` column: ``"failed"`` or ``"period"``).  "Deadlines
    missed" is ranked only when every client ranked defines the deadline alike (the same default
    days for cases without their own deadline).

    Notes
    -----
    Ranks are standard competition ranks (:func:`competition_rank`) on the values as shown
    (one decimal), so equal-looking values share a rank.  Each client's proportion agreeing is
    compared with the pooled other clients (their responses added up) by Newcombe's (1998)
    hybrid score interval for p₁ − p₂ (:func:`svcwork.measures.newcombe_interval`); counts are
    recovered as ``round(share × n)`` from summary.json (shares kept to four decimals, so exact
    for n < 10,000).  A difference is real when its interval excludes zero.
    """
    if not isinstance(summaries, Mapping) or not summaries:
        raise AnalysisError(t("cli.error.portfolio_empty", user_language()))
    if not 0 < confidence < 1:
        raise AnalysisError(t("cli.error.portfolio_confidence", user_language(), value=repr(confidence)))
    slugs = sorted(summaries)
    rows = [_client_row(summaries[s], s) for s in slugs]
    codes = client_codes(len(rows))
    names = [r["organization"] for r in rows]
    for r, code, slug in zip(rows, codes, slugs):
        r["slug_key"] = slug
        r["code"] = code if anonymise else None
        r["label"] = (r["organization"] if names.count(r["organization"]) == 1
                      else f"{r['organization']} ({r['slug']})")
        if anonymise:
            r["organization"] = r["slug"] = r["label"] = None
    failed = set(failed)
    periods = [(r["period_start"], r["period_end"]) for r in rows if r["slug_key"] not in failed]
    counts = {p: periods.count(p) for p in periods}
    batch_period = max(counts, key=lambda p: (counts[p], str(p[1]), str(p[0]))) if counts else None
    for r in rows:
        r["apart"] = ("failed" if r["slug_key"] in failed
                      else "period" if (r["period_start"], r["period_end"]) != batch_period else None)
    frame = pd.DataFrame(rows)
    for col in ("csat_n", "trust_n", "nps_n", "cases", "kpis_met", "kpis_total", "overdue", "since_better",
                "since_worse"):
        frame[col] = pd.array([None if v is None or pd.isna(v) else int(v) for v in frame[col]], dtype="Int64")
    ranked = frame["apart"].isna()
    sla_days = {d for d, ok in zip(frame["sla_days"], ranked) if ok and d is not None and not pd.isna(d)}
    sla_alike = len(sla_days) <= 1 and not any(ok and v is not None and not pd.isna(v) and (d is None or pd.isna(d))
                                               for v, d, ok in zip(frame["sla_breach"], frame["sla_days"], ranked))
    for m in RANKED:
        rankable = m.key != "sla_breach" or sla_alike
        frame[f"{m.key}_rank"] = pd.array(competition_rank([_shown(v, m) if ok and rankable else None
                                                            for v, ok in zip(frame[m.key], ranked)],
                                                           higher_is_better=m.higher_is_better), dtype="Int64")
    comparisons = pd.concat([_compare(frame[ranked], item, confidence=confidence, adjust=adjust) for item in _COMPARED],
                            ignore_index=True)
    # table order: satisfaction rank (unranked last), then the client's name or letter
    key = frame["code"] if anonymise else frame["label"].str.casefold()
    order = frame.assign(_r=frame["csat_rank"].astype("float").fillna(np.inf), _k=key).sort_values(
        ["_r", "_k"], kind="stable").index
    frame = frame.loc[order].reset_index(drop=True)
    verdicts = comparisons[comparisons["measure"] == "csat"].set_index("code" if anonymise else "slug")["verdict"]
    frame["csat_verdict"] = frame["code" if anonymise else "slug"].map(verdicts)
    frame = frame.drop(columns="slug_key")
    frame = frame.astype(object).where(frame.notna(), None)
    return PortfolioResult(frame, comparisons, anonymised=anonymise, language=lang, confidence=confidence,
                           adjusted=adjust, missing=tuple(missing), sla_alike=sla_alike)


_COMPARISON_COLUMNS = ["measure", "slug", "label", "code", "value", "n", "others_value", "others_n", "difference",
                       "low", "high", "confidence", "verdict"]


def _compare(frame: pd.DataFrame, item: str, *, confidence: float, adjust: bool) -> pd.DataFrame:
    """Each client's share agreeing on *item* against the pooled other clients (Newcombe 1998)."""
    have = frame[frame[item].notna() & frame[f"{item}_n"].notna()]
    have = have[have[f"{item}_n"].astype(float) > 0]
    if len(have) < 2:
        return pd.DataFrame(columns=_COMPARISON_COLUMNS)
    n = have[f"{item}_n"].to_numpy(float)
    x = np.round(have[item].to_numpy(float) * n)
    others_x, others_n = x.sum() - x, n.sum() - n
    level = 1 - (1 - confidence) / len(have) if adjust else confidence
    ci = newcombe_interval(x, n, others_x, others_n, confidence=level)
    low, high = np.atleast_1d(ci.low), np.atleast_1d(ci.high)
    verdict = np.where(low > 0, "higher", np.where(high < 0, "lower", "similar"))
    return pd.DataFrame({
        "measure": item, "slug": have["slug"].to_numpy(), "label": have["label"].to_numpy(),
        "code": have["code"].to_numpy(), "value": x / n, "n": n.astype(int), "others_value": others_x / others_n,
        "others_n": others_n.astype(int), "difference": np.atleast_1d(ci.value), "low": low, "high": high,
        "confidence": level, "verdict": verdict})[_COMPARISON_COLUMNS]


# =========================================================================== reading
def read_summaries(out_dir: str | os.PathLike) -> tuple[dict[str, dict], list[str]]:
    """Every ``OUT/<slug>/summary.json`` of a batch, and the batch's clients without one.

    The second list comes from ``OUT/batch.json`` (clients that failed before ever producing
    results); it is empty when there is no manifest.  The clients whose run failed in this batch
    but whose folder holds an earlier report are :func:`failed_clients`.
    """
    out = Path(out_dir)
    if not out.is_dir():
        lang = user_language()
        raise UsageError(t("cli.error.not_batch_folder" if out.exists() else "cli.error.no_batch_folder", lang,
                           path=out))
    found: dict[str, dict] = {}
    for folder in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        path = folder / "summary.json"
        if not path.is_file():
            continue
        try:
            found[folder.name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise AnalysisError(t("cli.error.summary_unreadable", user_language(), path=path,
                                  detail=f"{type(exc).__name__}: {exc}")) from None
    if not found:
        raise UsageError(t("cli.error.no_results", user_language(), path=out))
    missing: list[str] = []
    manifest = out / "batch.json"
    if manifest.is_file():
        try:
            entries = json.loads(manifest.read_text(encoding="utf-8")).get("clients", [])
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            entries = []
        missing = sorted({str(c.get("client")) for c in entries if isinstance(c, Mapping) and c.get("client")
                          and str(c.get("client")) not in found})
    return found, missing


def failed_clients(out_dir: str | os.PathLike) -> list[str]:
    """The clients ``OUT/batch.json`` marks ``failed``: a failed run leaves the client's earlier
    report as it was, so its summary.json, if any, is of an earlier round."""
    manifest = Path(out_dir) / "batch.json"
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8")).get("clients", []) if manifest.is_file() else []
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        entries = []
    return sorted({str(c.get("client")) for c in entries if isinstance(c, Mapping) and c.get("client")
                   and c.get("status") == "failed"})


def portfolio(out_dir: str | os.PathLike, *, anonymise: bool = False, lang: str = "en",
              confidence: float = SUMMARY_CONFIDENCE, adjust: bool = True) -> PortfolioResult:
    """Compare the clients of the batch in *out_dir* (see :func:`compare_clients`)."""
    summaries, missing = read_summaries(out_dir)
    return compare_clients(summaries, anonymise=anonymise, lang=lang, confidence=confidence, adjust=adjust,
                           missing=missing, failed=[s for s in failed_clients(out_dir) if s in summaries])


# =========================================================================== presentation
def _iso(text: str, lang: str) -> str:
    return f"{_ISOLATE[0]}{text}{_ISOLATE[1]}" if lang == "he" else text


def _pct(v: Any) -> str | None:
    return None if v is None else f"{100 * float(v):.1f}%"


def _pct_ci(lo: Any, hi: Any, lang: str) -> str | None:
    return None if lo is None or hi is None else _iso(f"[{100 * float(lo):.1f}, {100 * float(hi):.1f}]", lang)


def _num(v: Any, digits: int = 1, sign: bool = False) -> str | None:
    return None if v is None else f"{float(v):{'+' if sign else ''},.{digits}f}"


def _int(v: Any) -> int | None:
    return None if v is None else int(v)


def _dates(r: Mapping) -> str:
    return f"{r.get('period_start') or '?'} – {r.get('period_end') or '?'}"


def _period(r: Mapping, lang: str) -> str | None:
    """The client's period as the tables show it, with why it is set apart (if it is)."""
    start, end = r.get("period_start"), r.get("period_end")
    text = None if start is None and end is None else _iso(_dates(r), lang)
    if r.get("apart"):
        return t(f"portfolio.apart.{r['apart']}", lang, period=text or "—")
    return text


def _deadline(r: Mapping, lang: str) -> str | None:
    """How the client's deadline is defined: its default days and the cases with their own deadline."""
    if r.get("sla_days") is None:
        return None
    own, base = r.get("sla_own"), r.get("sla_base")
    if own is None or not base:
        return t("portfolio.deadline_days", lang, days=int(r["sla_days"]), n=int(r["sla_days"]))
    return t("portfolio.deadline_definition", lang, days=int(r["sla_days"]), n=int(r["sla_days"]),
             own=_pct(own / base), base=f"{int(base):,}")


def _display_tables(res: PortfolioResult, lang: str) -> dict[str, pd.DataFrame]:
    level = _level(SUMMARY_CONFIDENCE)
    ci, rank, n = t("portfolio.col.ci", lang, level=level), t("portfolio.col.rank", lang), t("portfolio.col.n", lang)
    survey, ops = [], []
    for r in res.clients.to_dict("records"):
        name = res.label(r, lang)
        verdict = t(f"portfolio.verdict.{r['csat_verdict']}", lang) if r.get("csat_verdict") else None
        survey.append([name, _period(r, lang), _pct(r["csat"]), _pct_ci(r["csat_low"], r["csat_high"], lang), _int(r["csat_n"]),
                       _int(r["csat_rank"]), verdict,
                       _pct(r["trust"]), _pct_ci(r["trust_low"], r["trust_high"], lang), _int(r["trust_n"]),
                       _int(r["trust_rank"]),
                       _num(r["nps"], sign=True),
                       None if r["nps_low"] is None or r["nps_high"] is None
                       else _iso(f"[{r['nps_low']:+.1f}, {r['nps_high']:+.1f}]", lang),
                       _int(r["nps_n"]), _int(r["nps_rank"])])
        kpis = (None if r["kpis_total"] is None
                else t("portfolio.kpis_of", lang, met=int(r["kpis_met"]), total=int(r["kpis_total"])))
        ops.append([name, _period(r, lang), _int(r["cases"]), _num(r["median_days"]), _int(r["median_days_rank"]),
                    _num(r["p90_days"]), _int(r["p90_days_rank"]), _pct(r["sla_breach"]), _deadline(r, lang),
                    _int(r["sla_breach_rank"]), _pct(r["fcr"]),
                    _int(r["fcr_rank"]), kpis, _int(r["kpis_share_rank"]), _int(r["overdue"]),
                    _int(r["overdue_rank"])])
    period = t("portfolio.col.period", lang)
    survey_cols = [t("portfolio.col.client", lang), period, t("portfolio.col.csat", lang), ci, n, rank,
                   t("portfolio.col.vs_others", lang), t("portfolio.col.trust", lang), ci, n, rank,
                   t("portfolio.col.nps", lang), ci, n, rank]
    ops_cols = [t("portfolio.col.client", lang), period, t("portfolio.col.cases", lang),
                t("portfolio.col.median_days", lang), rank, t("portfolio.col.p90_days", lang), rank,
                t("portfolio.col.sla_breach", lang), t("portfolio.col.deadline", lang), rank,
                t("portfolio.col.fcr", lang), rank, t("portfolio.col.kpis_met", lang), rank,
                t("portfolio.col.overdue", lang), rank]
    comp = []
    order = {k: i for i, k in enumerate(res.clients["code" if res.anonymised else "slug"])}
    c = res.comparisons
    if len(c):
        c = c.assign(_o=c["code" if res.anonymised else "slug"].map(order),
                     _m=c["measure"].map({m: i for i, m in enumerate(_COMPARED)})).sort_values(["_m", "_o"])
    for r in c.to_dict("records"):
        comp.append([t(f"portfolio.measure.{r['measure']}", lang), res.label(r, lang), _pct(r["value"]), int(r["n"]),
                     _pct(r["others_value"]), int(r["others_n"]), _num(100 * r["difference"], sign=True),
                     _iso(f"[{100 * r['low']:+.1f}, {100 * r['high']:+.1f}]", lang),
                     t(f"portfolio.verdict.{r['verdict']}", lang)])
    comp_level = _level(res.comparison_confidence("csat"))
    comp_cols = [t("portfolio.col.measure", lang), t("portfolio.col.client", lang),
                 t("portfolio.col.client_value", lang), n, t("portfolio.col.others_value", lang),
                 t("portfolio.col.others_n", lang), t("portfolio.col.difference", lang),
                 t("portfolio.col.ci", lang, level=comp_level), t("portfolio.col.verdict", lang)]
    out = {"survey": pd.DataFrame(survey, columns=survey_cols, dtype=object),
           "operations": pd.DataFrame(ops, columns=ops_cols, dtype=object),
           "comparison": pd.DataFrame(comp, columns=comp_cols, dtype=object)}
    change = _change_table(res, lang)
    if change is not None:
        out["change"] = change
    return out


def _change(r: Mapping, key: str, lang: str) -> list[Any]:
    """A change, its interval and verdict as the table shows them (None: '—')."""
    v, lo, hi = r.get(f"{key}_change"), r.get(f"{key}_change_low"), r.get(f"{key}_change_high")
    verdict = r.get(f"{key}_change_verdict")
    interval = None if lo is None or hi is None else _iso(f"[{lo:+.1f}, {hi:+.1f}]", lang)
    return [_num(v, sign=True), interval, t(f"since.verdict.{verdict}", lang) if verdict else None]


def _change_table(res: PortfolioResult, lang: str) -> pd.DataFrame | None:
    """Each client's change since its last report (only when some client has one)."""
    rows = [r for r in res.clients.to_dict("records") if r.get("previous_end")]
    if not rows:
        return None
    ci = t("portfolio.col.ci", lang, level=_level(SUMMARY_CONFIDENCE))
    verdict = t("portfolio.col.change_verdict", lang)
    cols = [t("portfolio.col.client", lang), t("portfolio.col.previous_report", lang)]
    for key in CHANGES:
        cols += [t(f"portfolio.col.change_{key}", lang), ci, verdict]
    cols += [t("portfolio.col.better", lang), t("portfolio.col.worse", lang)]
    body = []
    for r in res.clients.to_dict("records"):
        line = [res.label(r, lang), r.get("previous_end") or None]
        for key in CHANGES:
            line += _change(r, key, lang) if r.get("previous_end") else [None] * 3
        line += [_int(r.get("since_better")), _int(r.get("since_worse"))]
        body.append(line)
    return pd.DataFrame(body, columns=cols, dtype=object)


_PCT, _DAYS, _INT, _PTS, _TEXT, _NPS = "0.0%", "#,##0.0", "#,##0", "+0.0;-0.0;0.0", "@", "+0.0;-0.0;0.0"
_DAYS_SIGNED = "+#,##0.0;-#,##0.0;0.0"


def _workbook_tables(res: PortfolioResult, lang: str) -> dict[str, tuple[pd.DataFrame, list[str]]]:
    level = _level(SUMMARY_CONFIDENCE)
    cols: list[tuple[str, str, str]] = [("label", t("portfolio.col.client", lang), _TEXT)]
    if not res.anonymised:
        cols.append(("slug", t("portfolio.col.slug", lang), _TEXT))
    cols += [("period_start", t("portfolio.col.period_start", lang), _TEXT),
             ("period_end", t("portfolio.col.period_end", lang), _TEXT),
             ("apart", t("portfolio.col.apart", lang), _TEXT)]
    for key, fmt in (("csat", _PCT), ("trust", _PCT), ("nps", _NPS)):
        name = t(f"portfolio.col.{key}", lang)
        cols += [(key, name, fmt), (f"{key}_low", f"{name} · {t('portfolio.col.low', lang)} ({level}%)", fmt),
                 (f"{key}_high", f"{name} · {t('portfolio.col.high', lang)} ({level}%)", fmt),
                 (f"{key}_n", f"{name} · {t('portfolio.col.n', lang)}", _INT),
                 (f"{key}_rank", f"{name} · {t('portfolio.col.rank', lang)}", _INT)]
    cols.append(("csat_verdict", t("portfolio.col.vs_others", lang), _TEXT))
    cols.append(("cases", t("portfolio.col.cases", lang), _INT))
    for key, col, fmt in (("median_days", "median_days", _DAYS), ("p90_days", "p90_days", _DAYS),
                          ("sla_breach", "sla_breach", _PCT), ("fcr", "fcr", _PCT)):
        name = t(f"portfolio.col.{col}", lang)
        cols += [(key, name, fmt), (f"{key}_rank", f"{name} · {t('portfolio.col.rank', lang)}", _INT)]
        if key == "sla_breach":
            cols += [("sla_days", t("portfolio.col.deadline_days", lang), _INT),
                     ("sla_own", t("portfolio.col.deadline_own", lang), _INT),
                     ("sla_base", f"{name} · {t('portfolio.col.base', lang)}", _INT)]
    cols += [("kpis_met", t("portfolio.col.kpis_met", lang), _INT),
             ("kpis_total", t("portfolio.col.kpis_total", lang), _INT),
             ("kpis_share", t("portfolio.col.kpis_share", lang), _PCT),
             ("kpis_share_rank", f"{t('portfolio.col.kpis_share', lang)} · {t('portfolio.col.rank', lang)}", _INT),
             ("overdue", t("portfolio.col.overdue", lang), _INT),
             ("overdue_rank", f"{t('portfolio.col.overdue', lang)} · {t('portfolio.col.rank', lang)}", _INT)]
    if any(r.get("previous_end") for r in res.clients.to_dict("records")):  # the change since each last report
        cols.append(("previous_end", t("portfolio.col.previous_report", lang), _TEXT))
        for key in CHANGES:
            name = t(f"portfolio.col.change_{key}", lang)
            fmt = _DAYS_SIGNED if key == "median_days" else _PTS
            cols += [(f"{key}_change", name, fmt),
                     (f"{key}_change_low", f"{name} · {t('portfolio.col.low', lang)} ({level}%)", fmt),
                     (f"{key}_change_high", f"{name} · {t('portfolio.col.high', lang)} ({level}%)", fmt),
                     (f"{key}_change_verdict", f"{name} · {t('portfolio.col.change_verdict', lang)}", _TEXT)]
        cols += [("since_better", t("portfolio.col.better", lang), _INT),
                 ("since_worse", t("portfolio.col.worse", lang), _INT)]
    rows = []
    for r in res.clients.to_dict("records"):
        r = dict(r, label=res.label(r, lang),
                 apart=t(f"portfolio.apart_reason.{r['apart']}", lang) if r.get("apart") else None,
                 csat_verdict=t(f"portfolio.verdict.{r['csat_verdict']}", lang) if r.get("csat_verdict") else None,
                 **{f"{k}_change_verdict": t(f"since.verdict.{r[f'{k}_change_verdict']}", lang)
                    for k in CHANGES if r.get(f"{k}_change_verdict")})
        rows.append([r[k] for k, _, _ in cols])
    league = pd.DataFrame(rows, columns=[c[1] for c in cols], dtype=object)

    comp_cols = [("measure", t("portfolio.col.measure", lang), _TEXT),
                 ("label", t("portfolio.col.client", lang), _TEXT),
                 ("value", t("portfolio.col.client_value", lang), _PCT), ("n", t("portfolio.col.n", lang), _INT),
                 ("others_value", t("portfolio.col.others_value", lang), _PCT),
                 ("others_n", t("portfolio.col.others_n", lang), _INT),
                 ("difference", t("portfolio.col.difference", lang), _PTS),
                 ("low", t("portfolio.col.low", lang), _PTS), ("high", t("portfolio.col.high", lang), _PTS),
                 ("confidence", t("portfolio.col.confidence", lang), "0.0%"),
                 ("verdict", t("portfolio.col.verdict", lang), _TEXT)]
    comp_rows = []
    for r in res.comparisons.to_dict("records"):
        r = dict(r, label=res.label(r, lang), measure=t(f"portfolio.measure.{r['measure']}", lang),
                 verdict=t(f"portfolio.verdict.{r['verdict']}", lang),
                 difference=100 * r["difference"], low=100 * r["low"], high=100 * r["high"])
        comp_rows.append([r[k] for k, _, _ in comp_cols])
    comparison = pd.DataFrame(comp_rows, columns=[c[1] for c in comp_cols], dtype=object)
    return {"league": (league, [c[2] for c in cols]), "comparison": (comparison, [c[2] for c in comp_cols])}


def _names(labels: Sequence[str]) -> str:
    return ", ".join(labels)


def _fewest_missed_is_real(best: Mapping, rows: Sequence[Mapping]) -> bool:
    """Whether the client with the fewest deadlines missed is clearly below the next one: Newcombe's
    interval for the difference (the shares' bases from the summaries) excludes zero."""
    others = [r for r in rows if r is not best and r.get("sla_breach_rank") is not None]
    if not others or not best.get("sla_base"):
        return False
    nxt = min(others, key=lambda r: r["sla_breach"])
    if not nxt.get("sla_base"):
        return False
    n1, n2 = int(best["sla_base"]), int(nxt["sla_base"])
    ci = newcombe_interval(round(best["sla_breach"] * n1), n1, round(nxt["sla_breach"] * n2), n2,
                           confidence=SUMMARY_CONFIDENCE)
    return float(np.atleast_1d(ci.high)[0]) < 0


def _findings(res: PortfolioResult, lang: str) -> list[str]:
    compared = res.compared()
    out = [t("portfolio.finding.count", lang, n=compared, count=compared)]
    if res.missing:
        out.append(t("portfolio.finding.missing_anonymous", lang, n=len(res.missing), count=len(res.missing)) if res.anonymised else
                   t("portfolio.finding.missing", lang, n=len(res.missing), count=len(res.missing),
                                     clients=_names(res.missing)))
    rows = res.clients.to_dict("records")
    for reason in ("failed", "period"):
        apart = [r for r in rows if r.get("apart") == reason]
        if apart:
            named = [f"{res.label(r, lang)} ({_iso(_dates(r), lang)})" for r in apart]
            out.append(t(f"portfolio.finding.apart_{reason}", lang, n=len(apart), count=len(apart),
                         clients=_names(named)))
    rows = [r for r in rows if not r.get("apart")]
    # "best" and "most" are only said when the clients differ (not when every client ties)
    best = [r for r in rows if r["csat_rank"] == 1]
    if best and len(best) < sum(r["csat_rank"] is not None for r in rows):
        out.append(t("portfolio.finding.best", lang, clients=_names([res.label(r, lang) for r in best]),
                     value=_pct(best[0]["csat"])))
    sat = res.comparisons[res.comparisons["measure"] == "csat"] if len(res.comparisons) else res.comparisons
    if len(sat):
        labels = {v: [res.label(r, lang) for r in sat[sat["verdict"] == v].to_dict("records")]
                  for v in ("higher", "lower")}
        for v in ("higher", "lower"):
            if labels[v]:
                out.append(t(f"portfolio.finding.{v}", lang, clients=_names(labels[v])))
        if not labels["higher"] and not labels["lower"]:
            out.append(t("portfolio.finding.none_differ", lang))
    fewest = [r for r in rows if r["sla_breach_rank"] == 1]
    if fewest and len(fewest) == 1 and len(out) < 5 and _fewest_missed_is_real(fewest[0], rows):
        out.append(t("portfolio.finding.sla", lang, clients=_names([res.label(r, lang) for r in fewest]),
                     value=_pct(fewest[0]["sla_breach"])))
    elif not res.sla_alike and sum(r["sla_breach"] is not None for r in rows) > 1 and len(out) < 5:
        out.append(t("portfolio.finding.sla_unlike", lang))
    for verdict, key in (("better", "portfolio.finding.improved"), ("worse", "portfolio.finding.declined")):
        moved = [res.label(r, lang) for r in rows if r.get("csat_change_verdict") == verdict]
        if moved and len(out) < 5:
            out.append(t(key, lang, clients=_names(moved)))
    overdue = [r for r in rows if r["overdue"] is not None]
    if overdue and len(out) < 5:
        most = max(int(r["overdue"]) for r in overdue)
        if most > min(int(r["overdue"]) for r in overdue):
            out.append(t("portfolio.finding.overdue", lang, count=sum(int(r["overdue"]) for r in overdue),
                         most=most, clients=_names([res.label(r, lang) for r in overdue
                                                         if r["overdue"] == most])))
    return out[:5]


# =========================================================================== writing
def _write_workbook(path: Path, res: PortfolioResult, *, lang: str) -> Path:
    """portfolio.xlsx: the league table and the differences (RTL for Hebrew, text as text)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .workbook import save_workbook, set_text

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    fill = PatternFill("solid", fgColor="1F4E79")
    for slug, (frame, formats) in res.workbook_tables(lang).items():
        ws = wb.create_sheet(t(f"portfolio.sheet.{slug}", lang)[:31])
        ws.sheet_view.rightToLeft = lang == "he"
        for j, col in enumerate(frame.columns, start=1):
            c = set_text(ws.cell(row=1, column=j), str(col))
            c.font, c.fill = Font(bold=True, color="FFFFFF"), fill
            c.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[get_column_letter(j)].width = min(28, max(10, len(str(col)) // 2 + 4))
        for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
            for j, (value, fmt) in enumerate(zip(row, formats), start=1):
                if isinstance(value, (np.integer, np.floating)):
                    value = value.item()
                cell = set_text(ws.cell(row=i, column=j), value)
                if value is not None and not isinstance(value, str):
                    cell.number_format = fmt
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(frame.columns)))}{max(1, len(frame) + 1)}"
    return save_workbook(wb, path)


def write_portfolio(out_dir: str | os.PathLike, *, anonymise: bool = False, lang: str = "en",
                    confidence: float = SUMMARY_CONFIDENCE, adjust: bool = True) -> "Path | str":
    """Write ``OUT/portfolio.html`` and ``OUT/portfolio.xlsx``; returns the HTML's path.

    *out_dir* may be an fsspec URL (``s3://bucket/out``): the summaries are read from it and the
    two files written back (:func:`svcwork.storage.staged_portfolio`); then the URL is returned."""
    from . import __version__
    from .charts import DEFAULT_ACCENT
    from .paths import atomic_write_text
    from .report.pieces import _css, _render, table_html
    from .storage import is_url, join, redact, staged_portfolio

    if is_url(out_dir):
        with staged_portfolio(out_dir) as local:
            write_portfolio(local, anonymise=anonymise, lang=lang, confidence=confidence, adjust=adjust)
        return redact(join(out_dir, "portfolio.html"))
    out = Path(out_dir)
    res = portfolio(out, anonymise=anonymise, lang=lang, confidence=confidence, adjust=adjust)
    tables = res.tables(lang)
    level = _level(SUMMARY_CONFIDENCE)
    captions = {"survey": t("portfolio.caption.survey", lang, level=level),
                "operations": t("portfolio.caption.operations", lang),
                "comparison": t("portfolio.caption.comparison", lang),
                "change": t("portfolio.caption.change", lang)}
    sections = [{"key": key, "title": t(f"portfolio.section.{key}", lang),
                 "html": table_html(frame, lang=lang, caption=captions[key], max_rows=10_000)}
                for key, frame in tables.items()]
    page = _render("portfolio.html.j2", lang=lang, dir=direction(lang), css=_css(), accent=DEFAULT_ACCENT,
                   t=lambda key, **kw: t(key, lang, **kw), count=res.compared(), anonymised=anonymise,
                   findings=res.findings(lang), sections=sections, methods=res.methods(lang), version=__version__)
    path = atomic_write_text(out / "portfolio.html", page)
    _write_workbook(out / "portfolio.xlsx", res, lang=lang)
    return path
