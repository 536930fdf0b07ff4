"""The consultant's Markdown (``commentary.md``) as Word paragraphs.

The source is parsed by svcwork's one Markdown parser (:func:`svcwork.commentary.markdown_parser`:
CommonMark and tables, raw HTML shown as text, no images, links only for the safe schemes) and
its tokens become Word content: headings (nested under the part they sit in without skipping a
level, by the rule report.html follows: :func:`svcwork.commentary.heading_levels`), paragraphs
with bold, italic and code, bulleted and numbered lists (numbering restarting per list),
quotations, code blocks, rules and tables.  A link becomes a hyperlink only when its target has
one of :data:`svcwork.commentary.SAFE_SCHEMES` (checked again here); any other link is its text.
Every piece of text is a text run, so nothing the consultant writes can become markup or a field.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..commentary import SAFE_SCHEMES, heading_levels, markdown_parser
from . import oxml

if TYPE_CHECKING:  # pragma: no cover
    from .build import Writer

__all__ = ["render_markdown", "safe_link"]

_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):")

#: List depth (1–3) → the built-in list styles.
_BULLETS = ("List Bullet", "List Bullet 2", "List Bullet 3")
_NUMBERS = ("List Number", "List Number 2", "List Number 3")
_CONTINUE = ("List Continue", "List Continue 2", "List Continue 3")


def safe_link(url: str | None) -> bool:
    """Whether *url* may be a hyperlink (an http, https or mailto target)."""
    m = _SCHEME.match(url or "")
    return m is not None and m.group(1).casefold() in SAFE_SCHEMES


def inline(w: "Writer", p: Any, children: list) -> None:
    """Inline tokens (text, emphasis, code, links, breaks) as runs of paragraph *p*."""
    bold = italic = 0
    link = None
    for tok in children or []:
        kind = tok.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind == "link_open":
            href = tok.attrGet("href")
            link = w.external_link(p, str(href)) if safe_link(str(href or "")) else None
        elif kind == "link_close":
            link = None
        elif kind == "softbreak":
            w.run(p, " ", parent=link)
        elif kind == "hardbreak":
            w.run(p, "\n", parent=link)
        elif kind == "code_inline":
            w.run(p, tok.content, parent=link, mono=True, bold=bold > 0, italic=italic > 0)
        else:  # text, and anything else the parser may give (raw HTML stays its text)
            w.run(p, tok.content, parent=link, bold=bold > 0, italic=italic > 0, link=link is not None)


def _plain(children: list) -> str:
    return "".join(tok.content for tok in children or [] if tok.type in ("text", "code_inline", "softbreak")
                   ).strip() or "".join(tok.content for tok in children or [])


def _table(w: "Writer", container: Any, tokens: list, start: int) -> int:
    """A Markdown table from ``tokens[start]`` (``table_open``) as a Word table; the index after it."""
    rows: list[list[tuple[list, bool]]] = []
    header = 0
    i = start + 1
    while i < len(tokens) and tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            rows.append([])
        elif tok.type in ("th_open", "td_open"):
            right = "right" in str(tok.attrGet("style") or "")
            children = tokens[i + 1].children if i + 1 < len(tokens) and tokens[i + 1].type == "inline" else []
            rows[-1].append((children, right))
            if tok.type == "th_open" and len(rows) == 1:
                header = 1
        i += 1
    if rows:
        width = max(len(r) for r in rows)
        cells = [[(lambda p, c=c: inline(w, p, c), right, _plain(c)) for c, right in r]
                 + [("", False)] * (width - len(r)) for r in rows]
        w.grid(container, cells[0] if header else None, cells[header:], numeric_right=True)
    return i + 1


def render_markdown(w: "Writer", container: Any, text: str, *, level: int) -> None:
    """*text* (Markdown) into *container* (the document or a table cell); its first heading becomes
    Heading *level* and each one at most one level below the heading before it, whatever its
    number of ``#`` (:func:`svcwork.commentary.heading_levels`; at most Heading 9)."""
    tokens = markdown_parser().parse(oxml.clean(text))
    depths = iter(heading_levels([int(tok.tag[1:] or 1) for tok in tokens if tok.type == "heading_open"], level,
                                 deepest=9))
    lists: list[dict] = []
    quote = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            children = tokens[i + 1].children
            depth = next(depths)
            w.heading(_plain(children), depth, container=container, rich=lambda p, c=children: inline(w, p, c))
            i += 3
            continue
        if kind == "paragraph_open":
            children = tokens[i + 1].children
            p = w.para(container, style="Quote" if quote and not lists else None)
            if lists:
                item = lists[-1]
                depth = min(len(lists), 3) - 1
                if item["pending"]:
                    p._p.style = w.style_id((_NUMBERS if item["ordered"] else _BULLETS)[depth])
                    if item["ordered"]:
                        w.number(p, item["num"])
                    item["pending"] = False
                else:
                    p._p.style = w.style_id(_CONTINUE[depth])
            inline(w, p, children)
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            depth = min(len(lists) + 1, 3) - 1
            start = int(tok.attrGet("start") or 1) if ordered else 1
            lists.append({"ordered": ordered, "pending": False,
                          "num": w.restart_numbering(_NUMBERS[depth], start) if ordered else None})
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
        elif kind == "list_item_open":
            if lists:
                lists[-1]["pending"] = True
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote = max(0, quote - 1)
        elif kind in ("fence", "code_block"):
            p = w.para(container)
            w.run(p, tok.content.rstrip("\n"), mono=True)
        elif kind == "hr":
            w.rule(container)
        elif kind == "table_open":
            i = _table(w, container, tokens, i)
            continue
        elif kind == "html_block":  # not produced with HTML off; shown as text if it ever is
            w.run(w.para(container), tok.content.rstrip("\n"))
        elif kind == "inline":  # an inline outside a paragraph (a tight list item's text)
            inline(w, w.para(container), tok.children)
        i += 1
