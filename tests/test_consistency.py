"""One true story: every number the report's words quote is a key figure, shown as its table shows it.

Over every demo client (each in its own language, and the English client also in Hebrew) the
prose of report.html — the dashboard, the executive summary, every section's findings and every
figure's takeaway — and of each unit pack is read back from the HTML: each quoted number is a
link to a figure of the registry (summary.json's ``key_figures``) and shows exactly that
figure's value at the registry's rounding; no other number is written in the prose except
identifiers (L01, N04), dates, periods and the "95%" of a confidence level.  The batch index
quotes the same figures as the reports.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from svcwork.keyfigures import KeyFigure, figure_anchor, from_records

bs4 = pytest.importorskip("bs4")

pytestmark = pytest.mark.slow

#: Digits a sentence may write without a figure: identifiers, dates, periods, years, the
#: confidence level, and what is quoted from the client's own text.
ALLOWED = [
    re.compile(r"[„“\"«][^”\"»]*[”\"»]"),             # client text in quotes
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),          # 31/10/2026
    re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b"),         # 2026-10-31, 2026-10
    re.compile(r"\b\d{4}\s?Q[1-4]\b|\bQ[1-4]\s\d{4}\b|רבעון [1-4] \d{4}"),  # periods
    re.compile(r"\b[A-Za-z]{1,4}[-_]?\d{1,4}[A-Za-z]?\b"),  # ids: L01, N04, A05, S01, E017
    re.compile(r"\b(?:19|20)\d{2}\b"),                 # years (month names and years of periods)
    re.compile(r"95%"),                                # the confidence level of every interval
    re.compile(r"\b(?:[Ww]ave|ב?גל) \d\b"),             # a wave of the roadmap is a label
]


def _client_text(run: Path) -> list[str]:
    """The client's own words that hold a digit (names of services, KPIs, actions, units …): data,
    not the report's claims."""
    from conftest import demo_input

    from svcwork.intake import load

    eng = load(demo_input(run))
    found = set()
    for frame in eng.tables.values():
        for col in frame.columns:
            if pd.api.types.is_string_dtype(frame[col]) or pd.api.types.is_object_dtype(frame[col]):
                found.update(v.strip() for v in frame[col] if isinstance(v, str) and re.search(r"\d", v))
    return sorted(found, key=len, reverse=True)


def _registry(run: Path) -> tuple[dict[str, KeyFigure], str]:
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))
    return from_records(summary["key_figures"]), summary["language"]


def _prose(page: str) -> list:
    """The prose elements of a report page: dashboard tiles, the executive summary's blocks,
    findings and figure takeaways."""
    soup = bs4.BeautifulSoup(page, "html.parser")
    found = []
    for sel in ("#dashboard .tile", "#summary .exec", "ul.findings > li", "ol.findings > li", "figcaption .takeaway"):
        found.extend(soup.select(sel))
    return found


def _unmarked_digits(element, client: list[str] = ()) -> list[str]:
    """The stretches of the element's text outside figure links that still hold a digit."""
    bare = element.__copy__()
    for link in bare.select("a.kf, span.kf"):
        link.replace_with(" ⟨figure⟩ ")
    for heading in bare.select("h2, h3"):  # a tile's or block's title
        heading.decompose()
    text = " ".join(bare.get_text(" ").split())
    for words in client:
        text = text.replace(" ".join(words.split()), " ")
    for rule in ALLOWED:
        text = rule.sub(" ", text)
    return [m.group(0) for m in re.finditer(r"\S*\d\S*", text)]


def _check_links(element, figures: dict[str, KeyFigure], lang: str) -> list[str]:
    wrong = []
    for link in element.select("a.kf, span.kf"):
        ref = link.get("data-figure", "")
        key, _, attr = ref.partition("@")
        figure = figures.get(key)
        if figure is None:
            wrong.append(f"{ref}: not in the registry")
            continue
        if link.get_text() != figure.shown(lang, attr or "value"):
            wrong.append(f"{ref}: shows {link.get_text()!r}, the registry {figure.shown(lang, attr or 'value')!r}")
        if link.name == "a" and link.get("href") != f"#{figure_anchor(key)}":
            wrong.append(f"{ref}: links to {link.get('href')}")
    return wrong


def _problems(page: str, figures: dict[str, KeyFigure], lang: str, client: list[str] = ()) -> list[str]:
    problems = []
    for element in _prose(page):
        where = " ".join(element.get_text(" ").split())[:140]
        problems += [f"{p} — in: {where}" for p in _check_links(element, figures, lang)]
        problems += [f"unmarked number {d!r} — in: {where}" for d in _unmarked_digits(element, client)]
    return problems


def test_every_number_in_the_report_prose_is_a_key_figure_as_its_table_shows_it(demo_reports):
    problems = {}
    for name, run in demo_reports.items():
        figures, lang = _registry(run)
        found = _problems((run / "report.html").read_text(encoding="utf-8"), figures, lang, _client_text(run))
        if found:
            problems[name] = found
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_every_quoted_number_links_to_its_definition_on_the_same_page(demo_reports):
    for name, run in demo_reports.items():
        page = (run / "report.html").read_text(encoding="utf-8")
        soup = bs4.BeautifulSoup(page, "html.parser")
        anchors = {el.get("id") for el in soup.select("#key-figures tr[id]")}
        links = {a["href"][1:] for a in soup.select("a.kf")}
        assert links, f"{name}: the report quotes no figure"
        assert links <= anchors, (name, sorted(links - anchors)[:10])
        # the first page (dashboard and executive summary) quotes its numbers, every one linked
        first = soup.select("#dashboard a.kf") + soup.select("#summary a.kf")
        assert first, name


def test_the_unit_packs_quote_the_registry_too(demo_reports):
    problems = {}
    for name, run in demo_reports.items():
        figures, lang = _registry(run)
        client = _client_text(run)
        for page in sorted((run / "units").glob("*.html")):
            own = page.with_suffix(".figures.json")
            pack = from_records(json.loads(own.read_text(encoding="utf-8"))) if own.is_file() else {}
            found = _problems(page.read_text(encoding="utf-8"), {**figures, **pack}, lang, client)
            if found:
                problems[f"{name}/{page.name}"] = found
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_the_batch_index_quotes_the_reports_figures(demo_reports):
    index = next(iter(demo_reports.values())).parent / "index.html"
    soup = bs4.BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    seen = 0
    for name, run in demo_reports.items():
        figures, lang = _registry(run)
        for link in soup.select(f"a[href^='{name}/report.html#']"):
            anchor = link["href"].split("#", 1)[1]
            key = next(k for k in figures if figure_anchor(k) == anchor)
            assert link.get_text() == figures[key].shown(lang), (name, key)
            seen += 1
    assert seen >= len(demo_reports)


def test_the_consistency_check_catches_a_sentence_with_its_own_number():
    """The checker itself: a number outside a link, or a link showing another rounding, fails."""
    fig = KeyFigure("journeys.median_case_days", 5.3504, "days", "journeys")
    ok = (f"<ul class='findings'><li>Half within <a class='kf' href='#{figure_anchor(fig.key)}' "
          f"data-figure='{fig.key}'>5.4</a> days for L01 since 2026-03.</li></ul>")
    assert _problems(ok, {fig.key: fig}, "en") == []
    bad_number = ok.replace("days for", "days (22% late) for")
    assert any("22%" in p for p in _problems(bad_number, {fig.key: fig}, "en"))
    bad_rounding = ok.replace(">5.4<", ">5.35<")
    assert any("shows '5.35'" in p for p in _problems(bad_rounding, {fig.key: fig}, "en"))
