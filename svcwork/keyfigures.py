"""Key figures: every number the report's words quote, named and defined once.

An analysis lists its key figures (:class:`KeyFigure`: value, kind, base, interval, the section
and table that show it) in its domain's ``figures`` module; the report records them in
``sections/<section>.json`` and ``summary.json`` (``key_figures``), lists them with their
definitions in the report's key-figures appendix, and writes every sentence from them:
:func:`quote` puts a figure into a sentence as a *marker* holding its key and its shown text, so

- the reader of report.html goes from each quoted number to its definition in one click
  (:func:`to_html` turns a marker into a link to the appendix row);
- notebooks, slides, DOCX and plain text show the number alone (:func:`plain`);
- the consistency test finds every number of the prose and traces it to the registry
  (:func:`quotes`): a number that is not a marker was computed by the sentence itself.

Each kind of figure is shown by one rule (:data:`DIGITS`): a share as a whole percentage, days
with one decimal, counts whole …, so a sentence and its table round alike.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Mapping

from .i18n import fmt_number, fmt_percent, fmt_signed, is_signed, isolate_signs, t

__all__ = ["KeyFigure", "DIGITS", "quote", "plain", "to_html", "quotes", "registry", "from_records",
           "figure_anchor", "show", "base_text"]

#: How each kind of figure is shown: the digits after the point (shares as percentages).
DIGITS: Mapping[str, int] = {
    "count": 0,     # cases, respondents, actions
    "share": 0,     # a proportion 0–1, shown as a whole percentage
    "share1": 1,    # a proportion shown to a tenth of a percent (close to a threshold)
    "days": 1,      # durations in days
    "hours": 1,
    "score": 2,     # priority scores, weights 0–1
    "mean": 1,      # mean ratings on the 1–5 scale, observation scores
    "points": 1,    # differences in percentage points or scale points (signed)
    "nps": 0,       # net promoter score, −100…100
    "rate": 2,      # per case (hand-offs per case)
    "number": 1,
    "kappa": 2,
}

_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"
_MARK = re.compile(f"{_OPEN}([^{_MID}]*){_MID}([^{_CLOSE}]*){_CLOSE}")


@dataclass(frozen=True)
class KeyFigure:
    """One named figure of the report.

    ``key`` is ``<domain>.<name>`` or ``<domain>.<name>.<item>`` (an item: a service, KPI, unit
    or survey item id); its name and definition are the catalogue's ``<domain>.figure.<name>``
    and ``<domain>.figure.<name>.def`` (``{item}`` filled).  ``base`` is how many it rests on and
    ``base_of`` what they are (``cases``, ``respondents`` …: the catalogue's ``figure.base.<base_of>``).
    """

    key: str
    value: float | int | None
    kind: str
    section: str
    base: int | None = None
    base_of: str | None = None
    low: float | None = None
    high: float | None = None
    table: str | None = None
    item: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in DIGITS:
            raise ValueError(f"unknown figure kind {self.kind!r}")
        if self.key.count(".") < 1:
            raise ValueError(f"a figure key is <domain>.<name>: {self.key!r}")

    @property
    def domain(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".")[1]

    def _item(self, lang: str) -> str:
        """The item's name in *lang*: the domain's own naming (``svcwork.<domain>.figures.item_name``)
        when it has one, else the catalogue's criterion or item name, else the id."""
        import importlib

        from .i18n import CATALOGUE

        if not self.item:
            return ""
        try:
            named = getattr(importlib.import_module(f"svcwork.{self.domain}.figures"), "item_name", None)
        except ModuleNotFoundError:
            named = None
        if named is not None:
            return named(self, lang)
        for key in (f"{self.domain}.criterion.{self.item}", f"{self.domain}.item.{self.item}"):
            if key in CATALOGUE:
                return t(key, lang)
        return self.item

    def label(self, lang: str) -> str:
        """The figure's name in *lang* (without the space an empty ``{item}`` leaves: "Cases", not "Cases ")."""
        return " ".join(t(f"{self.domain}.figure.{self.name}", lang, item=self._item(lang)).split())

    def definition(self, lang: str) -> str:
        """What the figure counts and how, in *lang*."""
        return t(f"{self.domain}.figure.{self.name}.def", lang, item=self._item(lang))

    def shown(self, lang: str = "en", attr: str = "value") -> str:
        """The figure (or its ``base``, ``low``, ``high``) as every text shows it."""
        value = getattr(self, attr)
        if attr == "base":
            return fmt_number(value, lang)
        return show(value, self.kind, lang)

    def as_record(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items()}


def show(value: float | int | None, kind: str, lang: str = "en") -> str:
    """*value* shown by the rule of its *kind* (:data:`DIGITS`)."""
    digits = DIGITS[kind]
    if kind == "share1" and (bound := _share1_bound(value, lang)) is not None:
        return bound
    if kind in ("share", "share1"):
        return fmt_percent(value, lang, digits=digits)
    if kind == "points":
        return fmt_signed(value, lang, digits=digits)
    return fmt_number(value, lang, digits=digits)


def _share1_bound(value: float | int | None, lang: str) -> str | None:
    """A ``share1`` (a share shown finely because it is close to a round figure) never reads as a
    round figure it does not reach: rounded to a tenth of a percent *up* onto a multiple of 5 %
    — 100 % included — it is shown as more than the tenth below ("> 74.9%" for 74.97 %, "> 99.9%"
    for 99.96 %), and rounded down to 0 % while above 0 as "< 0.1%" (catalogue
    ``figure.share_above`` / ``figure.share_below``).  None: the plain tenth of a percent is true."""
    if not isinstance(value, (int, float)) or not 1e-9 < float(value) < 1 - 1e-9:
        return None
    tenths = round(round(float(value), 3) * 1000)  # the tenths of a percent fmt_percent would show
    if tenths == 0:
        return t("figure.share_below", lang, share=fmt_percent(0.001, lang, digits=1))
    if tenths % 50 == 0 and tenths / 1000 > float(value) + 1e-9:
        return t("figure.share_above", lang, share=fmt_percent((tenths - 1) / 1000, lang, digits=1))
    return None


def quote(figure: KeyFigure, lang: str, attr: str = "value") -> str:
    """*figure* (or its ``base``, ``low``, ``high``) for a sentence: its shown text, marked with its key."""
    ref = figure.key if attr == "value" else f"{figure.key}@{attr}"
    return f"{_OPEN}{ref}{_MID}{figure.shown(lang, attr)}{_CLOSE}"


def plain(text: str) -> str:
    """*text* with its figure markers replaced by the numbers they show."""
    return _MARK.sub(lambda m: m[2], text) if _OPEN in text else text


def figure_anchor(key: str) -> str:
    """The id of a figure's row in the report's key-figures appendix."""
    return "kf-" + re.sub(r"[^0-9A-Za-z_.-]", "_", key.split("@", 1)[0])


def to_html(text: str, *, link: bool = True, lang: str | None = None) -> str:
    """*text* as HTML: escaped, each quoted figure a link to its definition (or a plain span).

    A figure shown with its sign ("-28", "+9.0") is isolated left to right (``dir='ltr'``), so a
    right-to-left line never draws it "28-"; with *lang*, a signed number in the text around the
    figures is kept left to right too (:func:`svcwork.i18n.isolate_signs`)."""
    def around(part: str) -> str:
        return html.escape(isolate_signs(part, lang) if lang else part)

    out, last = [], 0
    for m in _MARK.finditer(text):
        out.append(around(text[last:m.start()]))
        shown = html.escape(m[2])
        ref = html.escape(m[1])
        ltr = " dir='ltr'" if is_signed(m[2]) else ""
        out.append(f"<a class='kf'{ltr} href='#{figure_anchor(m[1])}' data-figure='{ref}'>{shown}</a>" if link
                   else f"<span class='kf'{ltr} data-figure='{ref}'>{shown}</span>")
        last = m.end()
    out.append(around(text[last:]))
    return "".join(out)


def quotes(text: str) -> list[tuple[str, str, str]]:
    """The figures *text* quotes: ``(key, attr, shown)`` in order (attr: value, base, low, high)."""
    found = []
    for m in _MARK.finditer(text):
        key, _, attr = m[1].partition("@")
        found.append((key, attr or "value", m[2]))
    return found


def registry(figures: Iterable[KeyFigure]) -> dict[str, KeyFigure]:
    """``{key: figure}``; a key given twice is a programming error."""
    out: dict[str, KeyFigure] = {}
    for f in figures:
        if f.key in out and out[f.key] != f:
            raise ValueError(f"key figure {f.key} defined twice")
        out[f.key] = f
    return out


def from_records(records: Iterable[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]]) -> dict[str, KeyFigure]:
    """The registry back from recorded figures (``summary.json``'s ``key_figures``)."""
    items = records.values() if isinstance(records, Mapping) else records
    names = set(KeyFigure.__dataclass_fields__)
    return registry(KeyFigure(**{k: v for k, v in r.items() if k in names}) for r in items)


def base_text(figure: KeyFigure, lang: str) -> str:
    """The base of *figure* as a sentence quotes it: "412 cases" / "412 פניות", the number marked."""
    if figure.base is None or not figure.base_of:
        return ""
    return t(f"figure.base.{figure.base_of}", lang, n=figure.base, count=quote(figure, lang, "base"))

