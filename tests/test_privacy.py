"""Privacy, end to end: personal data seeded into every input never reaches any output file.

Two small clients (English and Hebrew) get citizen ids (9-digit numbers, valid Israeli ID
numbers among them), phone numbers, e-mail addresses and employee codes in every companion
file's identifier and free-text columns, in survey comments and in observation notes, plus a
unit too small to be shown ("Tiny Unit Zeta").  One batch runs both; then every file under
the output folder is read the way a person or a program would read it (HTML text, PDF text,
the XML inside xlsx/pptx, notebooks, JSON, pickled tables, SVG text, logs) and searched for
each seeded value, also written without separators.  Nothing may be found, and neither may
the pseudonymisation key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import json
import os
import pickle
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork.i18n import t
from svcwork.schema import FRONTLINE_SKILLS, companion, sheet


# =========================================================================== seeded personal data
def israeli_id(first8: str) -> str:
    """*first8* completed with the Israeli ID check digit (weights 1,2,1,2…, digit sums, total ≡ 0 mod 10)."""
    total = 0
    for i, ch in enumerate(first8):
        v = int(ch) * (1 + i % 2)
        total += v // 10 + v % 10
    return first8 + str((10 - total % 10) % 10)


VALID_IDS = (israeli_id("31415926"), israeli_id("27182818"), israeli_id("16180339"))
INVALID_ID = VALID_IDS[0][:8] + str((int(VALID_IDS[0][8]) + 5) % 10)  # a 9-digit citizen id with a wrong check digit
CUSTOMER_NO = "C07319482"
PHONES = ("050-1234567", "+972-52-7654321", "054 998 7766")
EMAILS = ("dana.levi@example.com", "moshe_cohen77@example.org")
EMPLOYEES = ("EMPQ-7301", "EMPQ-7302", "EMPQ-7303", "EMPQ-7304", "EMPQ-7305", "EMPQ-7306", "EMPQ-7307", "EMPQ-7308")
TINY = {"en": "Tiny Unit Zeta", "he": "יחידת זטא הזעירה"}
#: Citizen ids that are not valid Israeli ID numbers: redacted from free text as long numbers.
GAP_ID = VALID_IDS[1][:8] + str((int(VALID_IDS[1][8]) + 3) % 10)  # wrong check digit: "other digit strings are left"
GAP_CUSTOMER = "C05550199"
MIN_GROUP = 5

#: Seeded in identifier columns (citizen_id, resource, employee_code): any value at all.
IDENTIFIERS = (*VALID_IDS, INVALID_ID, CUSTOMER_NO, *PHONES, *EMAILS)
#: Seeded in free text (comments, notes, outcomes): what svcwork.measures.redact promises to remove.
IN_TEXT = (*VALID_IDS, *PHONES, *EMAILS)


def needles() -> dict[str, str]:
    """Every seeded value in every spelling to search for: as written, digits only, national form."""
    found: dict[str, str] = {}
    for v in (*IDENTIFIERS, *EMPLOYEES):
        found[v.casefold()] = v
    for p in PHONES:
        digits = re.sub(r"\D", "", p)
        national = "0" + digits[3:] if digits.startswith("972") else digits
        for form in (digits, national, f"{national[:3]}-{national[3:]}", f"{national[:3]} {national[3:]}"):
            found[form] = p
    for e in EMAILS:
        found[e.split("@")[0].casefold()] = e  # the local part alone
    return found


# =========================================================================== the clients
def _headers(key: str, lang: str) -> dict[str, str]:
    return {c.key: c.header(lang) for c in companion(key).columns}


def _csv(path: Path, frame: pd.DataFrame, key: str, lang: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.rename(columns=_headers(key, lang)).to_csv(path, index=False, lineterminator="\n")


def _in_text(i: int, lang: str) -> str:
    """A free-text sentence carrying the *i*-th seeded value (cycling through every kind)."""
    value = IN_TEXT[i % len(IN_TEXT)]
    if lang == "he":
        return ["אפשר לחזור אליי בטלפון {v}, תודה", "מספר תעודת הזהות שלי {v}, נא לבדוק",
                "כתבתי גם למייל {v} ולא קיבלתי תשובה"][i % 3].format(v=value)
    return ["Please ring me on {v}, thanks", "My ID number is {v}, please check",
            "I also wrote to {v} and got no reply"][i % 3].format(v=value)


def _cases(lang: str, rng: np.random.Generator, units: list[str], start: dt.date) -> pd.DataFrame:
    """~300 events of 60 cases (+2 in the tiny unit); citizen ids and resources seeded, PII in outcomes."""
    acts = (["Received", "Assigned", "Reviewed", "Answered", "Closed"] if lang == "en" else
            ["התקבלה", "הועברה", "נבדקה", "נענתה", "נסגרה"])
    channels = ["counter", "web", "phone"] if lang == "en" else ["דלפק", "אתר", "טלפון"]
    citizens = [*IDENTIFIERS, *[f"9{k:08d}" for k in range(30)]]
    rows = []
    for case in range(62):
        tiny = case >= 60
        opened = dt.datetime.combine(start, dt.time(8)) + dt.timedelta(days=int(rng.integers(0, 150)),
                                                                        minutes=int(rng.integers(0, 480)))
        unit = TINY[lang] if tiny else units[case % len(units)]
        citizen = citizens[case % len(citizens)]  # each seeded citizen opens two or more cases: repeat contacts
        outcome = ("resolved" if lang == "en" else "נפתרה")
        if case in (7, 19, 33, 48):
            outcome = _in_text(case, lang)
        when = opened
        for k, act in enumerate(acts):
            when = when + dt.timedelta(hours=float(rng.uniform(1, 60)))
            rows.append({"case_id": f"K{1000 + case}", "activity": act, "timestamp": when.strftime("%Y-%m-%d %H:%M:%S"),
                         "channel": channels[case % 3], "unit": unit if k else units[0] if not tiny else unit,
                         "resource": EMPLOYEES[(case + k) % len(EMPLOYEES)], "citizen_id": citizen,
                         "service_id": f"S{1 + case % 2}", "outcome": outcome if k == 4 else ""})
    return pd.DataFrame(rows)


def _survey(lang: str, rng: np.random.Generator, units: list[str], start: dt.date) -> pd.DataFrame:
    """150 responses (+3 from the tiny unit); comments carry every seeded value."""
    channels = ["counter", "web", "phone"] if lang == "en" else ["דלפק", "אתר", "טלפון"]
    plain = (["Quick and friendly service", "Waited too long at the desk", "The website was confusing",
              "Helpful staff", "Nobody called me back"] if lang == "en" else
             ["שירות מהיר ואדיב", "חיכיתי יותר מדי בתור", "האתר היה מבלבל", "צוות מסייע", "אף אחד לא חזר אליי"])
    rows = []
    for i in range(153):
        tiny = i >= 150
        sat = int(rng.integers(1, 6))
        comment = _in_text(i // 4, lang) if i % 4 == 0 else plain[i % len(plain)] if i % 3 == 0 else ""
        if i in (141, 145):  # among the latest comments, which the report shows
            comment = (f"My ID number is {GAP_ID}" if i == 141 else f"My customer number is {GAP_CUSTOMER}")
        day = start + dt.timedelta(days=175 if i in (141, 145) else int(rng.integers(0, 170)))
        rows.append({"response_id": f"R{5000 + i}", "date": day.isoformat(),
                     "channel": channels[i % 3], "unit": TINY[lang] if tiny else units[i % len(units)],
                     "service_id": f"S{1 + i % 2}", "wave": "2026Q1" if i % 2 else "2026Q2",
                     "satisfaction": sat, "trust": int(np.clip(sat + rng.integers(-1, 2), 1, 5)),
                     "effectiveness": int(rng.integers(1, 6)), "ease": int(rng.integers(1, 6)),
                     "efficiency": int(rng.integers(1, 6)), "equity": int(rng.integers(1, 6)),
                     "helpfulness": int(rng.integers(1, 6)), "nps": int(rng.integers(0, 11)),
                     "ces": int(rng.integers(1, 8)),
                     "comment": comment,
                     "citizen_id": IDENTIFIERS[i % len(IDENTIFIERS)] if i % 2 else f"8{i:08d}"})
    return pd.DataFrame(rows)


def _training(lang: str, rng: np.random.Generator, units: list[str]) -> pd.DataFrame:
    """Six seeded employees × five skills, and one employee of the tiny unit with two skills."""
    skills = [he if lang == "he" else en for en, he in FRONTLINE_SKILLS]
    rows = []
    for e, code in enumerate(EMPLOYEES[:6]):
        for skill in skills:
            pre = float(rng.integers(2, 8)) / 2
            rows.append({"employee_code": code, "skill": skill, "pre_score": pre,
                         "post_score": min(5.0, pre + float(rng.integers(0, 3)) / 2), "unit": units[e % 2],
                         "date": "2026-03-10"})
    for skill in skills[:2]:
        rows.append({"employee_code": EMPLOYEES[7], "skill": skill, "pre_score": 2.0, "post_score": 4.5,
                     "unit": TINY[lang], "date": "2026-03-10"})
    return pd.DataFrame(rows)


def _observations(lang: str, rng: np.random.Generator, units: list[str], start: dt.date) -> list[list[object]]:
    """Observation rows (header first): seeded employee codes, PII in notes, two rows of the tiny unit."""
    cols = sheet("Observations").columns
    skills = [he if lang == "he" else en for en, he in FRONTLINE_SKILLS]
    observers = ["Observer A", "Observer B"] if lang == "en" else ["צופה א", "צופה ב"]
    rows: list[list[object]] = [[c.header(lang) for c in cols]]
    for s in range(24):
        day = start + dt.timedelta(days=5 + 6 * s)
        for j, item in enumerate(skills):
            note = _in_text(s + j, lang) if (s + j) % 7 == 0 else None
            rows.append([day, units[s % 2], observers[s % 2], EMPLOYEES[(s // 2) % 6], item, int(rng.integers(2, 6)),
                         note])
    for item in skills[:2]:
        rows.append([start + dt.timedelta(days=40), TINY[lang], observers[0], EMPLOYEES[7], item, 5,
                     _in_text(3, lang)])
    return rows


def build_client(folder: Path, lang: str, *, seed: int = 0, companions: bool = True) -> Path:
    """A small client folder in *lang* with intake.xlsx (+ Observations) and cases/survey/training CSVs."""
    rng = np.random.default_rng(seed)
    start = dt.date(2026, 1, 1)
    if lang == "en":
        sheets = english_sheets()
        sheets["Engagement"] = [r for r in sheets["Engagement"] if r[0] != "min_group_size"] + [
            ["min_group_size", MIN_GROUP]]
        units = ["Parking", "Revenue", "Welfare"]
    else:
        sheets = hebrew_sheets()
        sheets["פרטי הארגון"].append([sheet("Engagement").column("min_group_size").he, MIN_GROUP])
        units = ["חניה", "גבייה", "רווחה"]
    if companions:
        sheets[sheet("Observations").title(lang)] = _observations(lang, rng, units[:2], start)
        _csv(folder / "cases.csv", _cases(lang, rng, units, start), "cases", lang)
        _csv(folder / "survey.csv", _survey(lang, rng, units, start), "survey", lang)
        _csv(folder / "training.csv", _training(lang, rng, units), "training", lang)
    write_xlsx(folder / "intake.xlsx", sheets, rtl=lang == "he")
    return folder


# =========================================================================== reading every output
def _xml_text(data: bytes) -> str:
    """XML as a person would read it: entities decoded, tags kept (attribute values count too)."""
    return html.unescape(data.decode("utf-8", errors="replace"))


def _zip_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(_xml_text(z.read(n)) for n in z.namelist() if n.endswith((".xml", ".rels", ".vml")))


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(page.extract_text() or "" for page in reader.pages)


def _pickle_text(path: Path) -> str:
    tables = pickle.loads(path.read_bytes())
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 10_000,
                           "display.max_colwidth", None):
        return "\n".join(f"{slug}\n{frame.columns.tolist()}\n{frame.to_string()}" for slug, frame in tables.items())


def _notebook_text(path: Path) -> str:
    """A notebook's JSON with its embedded images dropped (base64 is no text a person reads)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            for mime in [m for m in out.get("data", {}) if m.startswith("image/") and m != "image/svg+xml"]:
                del out["data"][mime]
    return json.dumps(nb, ensure_ascii=False)


def _html_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=\s]+", "", text)  # embedded pictures are not text
    return html.unescape(text)


def readable(path: Path) -> str:
    """The text of one output file, whatever its kind (unknown kinds are read as bytes)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".pptx", ".docx"):
        return _zip_text(path)
    if suffix == ".pdf":
        return _pdf_text(path)
    if suffix == ".pkl":
        return _pickle_text(path)
    if suffix == ".ipynb":
        return _notebook_text(path)
    if suffix in (".html", ".htm", ".svg", ".xml"):
        return _html_text(path)
    if suffix == ".png":
        return ""  # pixels; the same chart's text is checked in its SVG twin
    return path.read_bytes().decode("utf-8", errors="replace")


def output_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def hits(text: str, values: dict[str, str]) -> list[str]:
    low = text.casefold()
    return sorted({values[n] + (f" (as {n!r})" if n != values[n].casefold() else "") for n in values if n in low})


# =========================================================================== the batch
@pytest.fixture(scope="module")
def batch_run(tmp_path_factory):
    """Both clients through ``svcwork validate``, one ``svcwork batch`` and ``svcwork portfolio``; console
    output kept as a log."""
    from svcwork.cli import main

    root = tmp_path_factory.mktemp("privacy")
    clients = root / "clients"
    build_client(clients / "seeded-en", "en", seed=1)
    build_client(clients / "seeded-he", "he", seed=2)
    out = root / "out"
    log = io.StringIO()
    from unittest import mock

    # --svg: the SVG figures are scanned too (the batch sets the kernels' environment; restored after)
    with mock.patch.dict(os.environ), contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        for slug in ("seeded-en", "seeded-he"):
            assert main(["validate", str(clients / slug)]) == 0
            assert main(["validate", str(clients / slug), "--format", "json"]) == 0
        status = main(["batch", str(clients), "-o", str(out), "--force", "--svg"])
        portfolio = main(["portfolio", str(out)]) if status == 0 else None  # OUT/portfolio.html, .xlsx
    assert status == 0, log.getvalue()
    assert portfolio == 0, log.getvalue()
    (root / "console.log").write_text(log.getvalue(), encoding="utf-8")
    return root


def _scanned(root: Path) -> list[Path]:
    """Every output file, and the console log."""
    return [*output_files(root / "out"), root / "console.log"]


@pytest.mark.slow
def test_the_clients_really_carry_the_seeded_values(batch_run, tmp_path):
    """Guard against a test that cannot fail: the inputs hold every needle and the analyses used the data."""
    root = batch_run
    for slug, lang in (("seeded-en", "en"), ("seeded-he", "he")):
        folder = root / "clients" / slug
        text = "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.csv")) + _zip_text(folder / "intake.xlsx")
        for value in (*IDENTIFIERS, *EMPLOYEES, TINY[lang]):
            assert value in text, (slug, value)
        summary = json.loads((root / "out" / slug / "summary.json").read_text(encoding="utf-8"))
        assert all(summary["sections"][k]["available"] for k in ("journeys", "measures", "management")), summary
        rows = summary["intake"]["rows"]
        assert rows["cases"] == 62 * 5 and rows["survey"] == 153 and rows["training"] == 32, rows
        # the redacted comments are shown, so redaction (not omission) is what keeps them clean; the
        # report may show only the first rows of the comments table, results.xlsx has them all
        report_text = html.unescape((root / "out" / slug / "report.html").read_text(encoding="utf-8"))
        shown = report_text + _zip_text(root / "out" / slug / "results.xlsx")
        assert any(t(f"measures.redact.{kind}", lang) in report_text for kind in ("email", "phone", "id")), slug
        for kind in ("email", "phone", "id"):
            assert t(f"measures.redact.{kind}", lang) in shown, (slug, kind)
    # the scanner finds what it looks for, in each kind of file it reads
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "a.html").write_text(f"<td>{html.escape(EMAILS[0])}</td>")
    write_xlsx(probe / "b.xlsx", {"s": [["x"], [PHONES[0].replace("-", "")]]})
    pd.to_pickle({"t": pd.DataFrame({"c": [VALID_IDS[1]]})}, probe / "c.tables.pkl")
    (probe / "d.ipynb").write_text(json.dumps({"cells": [{"outputs": [{"data": {"text/plain": EMPLOYEES[2]}}]}]}))
    for p in output_files(probe):
        assert hits(readable(p), needles()), p


@pytest.mark.slow
def test_with_svg_every_recorded_figure_is_saved_as_svg_beside_its_png(batch_run):
    """``--svg`` (this module's batch asks for it): each figure a section records is written as PNG
    and SVG; tests/test_since_report.py checks a run without it writes PNG only."""
    for slug in ("seeded-en", "seeded-he"):
        out = batch_run / "out" / slug
        files = [f["file"] for sec in (out / "sections").glob("*.json")
                 for f in json.loads(sec.read_text(encoding="utf-8")).get("figures") or []]
        assert len(files) >= 10, slug
        for name in files:
            png = out / "figures" / name
            assert png.is_file() and png.with_suffix(".svg").is_file(), (slug, name)
            assert png.with_suffix(".svg").read_text(encoding="utf-8").lstrip().startswith("<?xml"), (slug, name)


@pytest.mark.slow
def test_no_seeded_personal_value_in_any_output_file(batch_run):
    root = batch_run
    out = root / "out"
    files = _scanned(root)
    kinds = {p.suffix for p in files}
    assert {".html", ".json", ".xlsx", ".pptx", ".ipynb", ".png", ".svg", ".pkl", ".log"} <= kinds, kinds
    assert {out / "portfolio.html", out / "portfolio.xlsx"} <= set(files), "the portfolio is scanned too"
    from svcwork.pdf import chromium_path

    if chromium_path() is not None:
        assert all((out / s / "report.pdf").is_file() for s in ("seeded-en", "seeded-he"))
    values = needles()
    leaks = {str(p.relative_to(root)): found for p in files if (found := hits(readable(p), values))}
    assert not leaks, f"personal data in outputs: {json.dumps(leaks, ensure_ascii=False, indent=1)}"


@pytest.mark.slow
def test_citizen_ids_of_other_formats_in_comments_are_not_shown(batch_run):
    root = batch_run
    for slug in ("seeded-en", "seeded-he"):
        for name in ("report.html", "results.xlsx"):
            text = readable(root / "out" / slug / name)
            assert GAP_ID not in text and GAP_CUSTOMER not in text, (slug, name)


@pytest.mark.slow
def test_the_pseudonymisation_key_is_in_no_output(batch_run):
    from svcwork.privacy import pseudonymisation_key

    key = pseudonymisation_key().decode("utf-8")
    assert key == os.environ["SVCWORK_KEY"]
    for p in _scanned(batch_run):
        assert key not in p.read_bytes().decode("utf-8", errors="replace"), p
        assert key not in readable(p), p


def _outside_quality_appendix(report_html: str) -> str:
    """report.html text without the data-quality appendix: where a unit is *shown* by an analysis.

    Only used to check that the bigger units are shown by the analyses (not merely listed in the
    appendix); the small unit is looked for in the whole report, appendix included.
    """
    text = re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=\s]+", "", report_html)
    cut = re.sub(r"<section[^>]*id=['\"]quality['\"].*?</section>", "", text, flags=re.S)
    assert cut != text, "expected the data-quality appendix as <section id='quality'>"
    return html.unescape(cut)


@pytest.mark.slow
@pytest.mark.parametrize("slug, lang", [("seeded-en", "en"), ("seeded-he", "he")])
def test_a_unit_below_min_group_size_is_in_no_table_or_chart(batch_run, slug, lang):
    out = batch_run / "out"
    folder = out / slug
    name = TINY[lang]

    def absent(text: str, where: str) -> None:
        assert name not in text and name[::-1] not in text, f"{name} in {where}"  # reversed: visual-order RTL text

    # the whole report, the data-quality appendix included: a warning quoting the unit's name would
    # tell the reader that this small group exists (and which file rows it has), so none may
    absent(readable(folder / "report.html"), "report.html")
    for p in (folder / "results.xlsx", folder / "slides.pptx", folder / "summary.json", *(folder / "sections").iterdir()):
        absent(readable(p), p.name)
    svgs = sorted((folder / "figures").glob("*.svg"))
    assert svgs and all(p.with_suffix(".png").is_file() for p in svgs)
    for p in svgs:
        absent(readable(p), p.name)
    absent(readable(out / "index.html"), "index.html")
    absent(readable(out / "batch.json"), "batch.json")
    absent(readable(out / "portfolio.html"), "portfolio.html")
    absent(readable(out / "portfolio.xlsx"), "portfolio.xlsx")
    # the bigger units are shown (so the absence above is suppression, not an empty report)
    shown = [u for u in (("Parking", "Revenue") if lang == "en" else ("חניה", "גבייה"))
             if u in _outside_quality_appendix((folder / "report.html").read_text(encoding="utf-8"))]
    assert shown
    # no per-unit page names the small unit (a page with nothing to show would still reveal it)
    for page in folder.rglob("*.html"):
        if page.name != "report.html":
            assert name not in page.read_text(encoding="utf-8"), page.name


@pytest.mark.slow
def test_the_portfolio_compares_both_clients_and_carries_no_seeded_value(batch_run):
    """``svcwork portfolio OUT`` on the seeded batch: both clients compared, no personal value, no small unit."""
    out = batch_run / "out"
    page, book = out / "portfolio.html", out / "portfolio.xlsx"
    assert page.is_file() and book.is_file()
    text = readable(page) + "\n" + readable(book)
    for slug in ("seeded-en", "seeded-he"):  # the comparison really is of these clients
        summary = json.loads((out / slug / "summary.json").read_text(encoding="utf-8"))
        assert str(summary["intake"]["organization"]) in text, slug
    assert not hits(text, needles()), hits(text, needles())
    for name in TINY.values():
        assert name not in text and name[::-1] not in text, name


# --------------------------------------------------------------------------- the pseudonyms themselves
def test_pseudonyms_are_the_keyed_hashes_of_the_trimmed_folded_identifiers():
    """Against the standard library's HMAC-SHA-256 (RFC 2104; ``hmac.new``), value by value: spaces and
    case ignored, missing stays missing, the series' index and name kept."""
    import hashlib
    import hmac

    from svcwork.privacy import pseudonymise

    values = pd.Series([" AB12 ", "ab12", None, "039337423", "שרה כהן", pd.NA, "039337423"],
                       index=[7, 3, 9, 1, 2, 8, 0], name="citizen_id", dtype=object)
    got = pseudonymise(values, namespace="citizen", key=b"k3y", length=12)

    def reference(value) -> object:
        if value is None or value is pd.NA:
            return pd.NA
        digest = hmac.new(b"k3y", b"citizen\x00" + value.strip().casefold().encode("utf-8"), hashlib.sha256)
        return "cit-" + digest.hexdigest()[:12]

    expected = pd.Series([reference(v) for v in values], index=values.index, name="citizen_id", dtype="string")
    pd.testing.assert_series_equal(got, expected)
    assert got.iloc[0] == got.iloc[1] and got.iloc[3] == got.iloc[6] and got.iloc[0] != got.iloc[3]
    assert pseudonymise(values.iloc[:0], namespace="citizen", key=b"k3y").empty
