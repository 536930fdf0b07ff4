"""``report.docx``: the report as an editable Word document, beside report.html and report.pdf.

Built with python-docx from what a run recorded (``sections/*.json``, ``*.tables.pkl``,
``figures/*.png``), in report.html's order: a cover, the contents (a real ``TOC`` field, its
entries already filled and linked; Word adds page numbers when it updates it), the dashboard,
the executive summary, the consultant's recommendations, each analysis (findings, key tables,
numbered figures), and the data-quality, methods and key-figures appendices.

- Headings use Word's Heading 1–3 styles (navigation pane, contents); tables are Word tables
  whose header row repeats on every page, cells written exactly as report.html writes them
  (:func:`svcwork.report.typed_text`), key tables capped at :data:`svcwork.report.BODY_ROWS`
  rows with the note naming their results.xlsx sheet; figures are inline pictures fitted to the
  page (slide-sized ones on a landscape page of their own) with "Figure N." captions, their
  takeaway, and alternative text.
- A4 portrait, page numbers in the footer, the client's accent colour on headings and table
  headers; the document's language (he-IL / en-GB) and fixed properties.
- Hebrew is right to left everywhere: ``w:bidi`` on every paragraph (right-aligned by that
  alone), ``w:rtl`` on every run, ``w:bidiVisual`` on every table, right-to-left sections, and a
  Hebrew-capable complex-script font and sizes on every run and style.
- Every number the words quote is shown as text and linked to its row in the key-figures
  appendix.  The consultant's Markdown commentary sits in a labelled, shaded box at the top of
  its part (:mod:`svcwork.word.markdown`).
- Client and consultant text is data: it is written as text runs only (never parsed as XML or
  fields); characters XML cannot hold are dropped.

The file is written atomically and its bytes depend only on the content (fixed properties and
zip time stamps, as slides.pptx and results.xlsx).
"""

from .build import WordError
from .chapters import REC_FIELDS, report_docx_bytes, write_report_docx

__all__ = ["write_report_docx", "report_docx_bytes", "WordError", "REC_FIELDS"]
