"""The one chart style of the suite: colours, font, right-to-left mirroring, saving.

Every figure is made with :func:`new_figure` and passed through :func:`finish`, so that all
charts share one look: the Okabe–Ito palette (safe for colour-blind readers; Okabe & Ito,
"Color Universal Design", 2008), the client's accent colour for the series that matters,
and a Hebrew-capable font (DejaVu Sans, shipped with matplotlib).  Matplotlib ≥ 3.11 shapes
Hebrew text itself, so labels are passed as they are (never through python-bidi).

For Hebrew reports the reading direction is mirrored: categories and time run from the
right and the value axis sits on the right.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND") or "Agg")

from .contrast import GRAPHIC, TEXT, contrast_ratio, darken_to  # noqa: E402
from .paths import atomic_write_bytes  # noqa: E402

if TYPE_CHECKING:  # the figure classes load with the first figure: the run's own process may draw none
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["PALETTE", "OKABE_ITO", "DEFAULT_ACCENT", "GREY", "GOOD", "BAD", "NEUTRAL", "RC", "accent", "accent_warning",
           "ContrastWarning", "PATTERNS", "MARKERS", "palette", "accent_cmap", "new_figure", "finish",
           "save_figure", "figure_bytes", "SLIDE_SIZE", "SLIDE_CHART_SIZE"]

#: The Okabe–Ito colour-blind-safe palette as published (black moved last).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
#: The suite's categorical colours: Okabe–Ito, each darkened (same hue) where needed to reach 3:1 against
#: the white background (WCAG 2.1 SC 1.4.11: orange, sky blue and yellow are lighter than that).
PALETTE = tuple(darken_to(c, GRAPHIC) for c in OKABE_ITO)
DEFAULT_ACCENT = "#1f6f8b"
#: Grey and the good/bad colours also write text on charts (labels, counts): 4.5:1 (WCAG 2.1 SC 1.4.3).
GREY = darken_to("#8a8f98", TEXT)
GOOD, BAD, NEUTRAL = darken_to("#009E73", TEXT), darken_to("#D55E00", TEXT), GREY
SLIDE_SIZE = (13.333, 7.5)  # 16:9, inches
#: Fill patterns and marker shapes that go with colour wherever a colour means a category, so that
#: colour is never the only carrier of meaning (WCAG 2.1 SC 1.4.1).
PATTERNS = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e3e5e8",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.fonttype": "none",
    "svg.hashsalt": "svcwork",
    "legend.frameon": False,
}

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class ContrastWarning(UserWarning):
    """The client's accent colour was too light for text on white and was darkened."""


def accent(color: str | None) -> str:
    """The client's accent colour when it is a valid ``#RRGGBB``, else the default; a colour too light
    for text on white (below 4.5:1, WCAG 2.1 SC 1.4.3 — it colours headings and labels) is darkened
    to the lightest shade of the same hue that reaches it, with a :class:`ContrastWarning`
    (:func:`accent_warning` words it for the report)."""
    if not (isinstance(color, str) and _HEX.match(color)):
        return DEFAULT_ACCENT
    shade = darken_to(color, TEXT)
    if shade.casefold() != color.casefold():
        import warnings

        warnings.warn(accent_warning(color, "en") or "", ContrastWarning, stacklevel=2)
        return shade
    return color


def accent_warning(color: str | None, lang: str) -> str | None:
    """The sentence saying the accent colour was darkened for contrast (None when it was not)."""
    from .i18n import t

    if not (isinstance(color, str) and _HEX.match(color)) or contrast_ratio(color) >= TEXT:
        return None
    return t("access.accent_darkened", lang, color=color, ratio=f"{contrast_ratio(color):.1f}",
             shade=darken_to(color, TEXT))


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def palette(color: str | None = None) -> tuple[str, ...]:
    """The suite's categorical colours with the client's accent (:func:`accent`) in first place.

    The accent takes the place of the palette's first colour (the suite's primary blue); when it
    is close to another palette colour, that colour is replaced by the blue instead, so the
    series stay distinguishable.  Use it for the series that matters and for default colour
    cycles (``new_figure(accent_color=...)``).
    """
    first = accent(color)
    if color is None or first.casefold() == PALETTE[0].casefold():
        return PALETTE
    rest = list(PALETTE[1:])
    shades = (_rgb(first), _rgb(color if isinstance(color, str) and _HEX.match(color) else first))  # the accent as drawn and as the client gave it (before darkening)
    distance = [min(sum((x - y) ** 2 for x, y in zip(a, _rgb(c))) ** 0.5 for a in shades) for c in rest]
    nearest = min(range(len(rest)), key=distance.__getitem__)
    if distance[nearest] < 90:
        rest[nearest] = PALETTE[0]
    return (first, *rest)


def accent_cmap(color: str | None = None):
    """A sequential colour map from white to the client's accent (heat maps, matrices)."""
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("svcwork-accent", ["#ffffff", accent(color)])


def new_figure(*, size: tuple[float, float] = (8.0, 4.5), nrows: int = 1, ncols: int = 1,
               accent_color: str | None = None, **subplot_kw) -> tuple[Figure, Axes]:
    """A figure in the suite's style (not attached to pyplot's global state).

    With *accent_color* (the intake's ``accent_color``), series drawn without an explicit colour
    cycle through :func:`palette`, the client's accent first.
    """
    from matplotlib.figure import Figure

    rc = RC if accent_color is None else {**RC, "axes.prop_cycle": matplotlib.cycler(color=list(palette(accent_color)))}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=size, layout="constrained")
        axes = fig.subplots(nrows, ncols, **subplot_kw)
    return fig, axes


def finish(ax: Axes, *, lang: str, title: str | None = None, xlabel: str | None = None, ylabel: str | None = None,
           mirror_x: bool = True, value_axis: str = "y") -> Axes:
    """Apply titles and, for Hebrew, right-to-left mirroring.

    ``mirror_x``: the x axis carries categories or time, so for Hebrew it runs from the right.
    ``value_axis="y"``: for Hebrew the y axis (values) is moved to the right-hand side.
    """
    with matplotlib.rc_context(RC):
        if title:
            ax.set_title(title, loc="right" if lang == "he" else "left")
        if xlabel is not None:
            ax.set_xlabel(xlabel)
        if ylabel is not None:
            ax.set_ylabel(ylabel)
        if lang == "he":
            if mirror_x and not ax.xaxis_inverted():
                ax.invert_xaxis()
            if value_axis == "y":
                ax.yaxis.tick_right()
                ax.yaxis.set_label_position("right")
                ax.spines["right"].set_visible(True)
                ax.spines["left"].set_visible(False)
    return ax


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure rendered as ``png`` or ``svg`` bytes (reproducible: no dates in the file).

    A PNG costs one drawing: the layout is computed once at the saving resolution and kept
    (:func:`_laid_out`), the figure is drawn once on an Agg canvas and cropped to its ink plus
    matplotlib's tight-box margin (``savefig.pad_inches``, 0.1 in) from the pixels.  Matplotlib's own
    tight box measures every artist again and draws the figure twice (once to lay it out, once to
    paint it); it is still used when something reaches beyond the canvas (:func:`_beyond_canvas`), so
    nothing is ever cut off, and for SVG (benchmarks/bench_run.py; tests/test_charts.py).
    """
    import io

    buf = io.BytesIO()
    meta = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context(RC):
        _laid_out(fig)
        if fmt == "png" and (png := _png_in_one_drawing(fig)) is not None:
            return png
        fig.savefig(buf, format=fmt, metadata=meta)
    return buf.getvalue()


def _laid_out(fig: Figure) -> None:
    """Set *fig* to the saving resolution and run its layout engine (constrained layout) once, then
    keep that layout: later drawings (the PNG, an SVG) use it instead of computing it again."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    dpi = float(matplotlib.rcParams["savefig.dpi"])
    if fig.dpi != dpi:
        fig.set_dpi(dpi)
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    engine = fig.get_layout_engine()
    if engine is not None and not isinstance(engine, PlaceHolderLayoutEngine):
        engine.execute(fig)
        if _wrap_wide_titles(fig):
            engine.execute(fig)  # the wrapped titles are taller: lay out again
        with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
            fig.set_layout_engine(None)  # None, not "none": a placeholder engine would make savefig lay out again


def _wrap_wide_titles(fig: Figure) -> bool:
    """Break an axes title that runs past the figure's edge into lines that fit (True if any was).

    Constrained layout makes room for a title's height only, never its width (matplotlib's
    ``Axes.get_tightbbox(for_layout_only=True)``), so a long title (a long service or item name)
    would otherwise widen the saved figure and shrink all its text on the page.
    """
    import textwrap

    renderer = fig.canvas.get_renderer()
    left, right = fig.bbox.x0, fig.bbox.x1
    margin = 3 / 72 * fig.dpi  # constrained layout's own pad (w_pad, 3 pt)
    wrapped = False
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for title in (ax.title, getattr(ax, "_left_title", None), getattr(ax, "_right_title", None)):
            if title is None or not title.get_visible() or not title.get_text().strip():
                continue
            box = title.get_window_extent(renderer)
            ha = title.get_horizontalalignment()
            anchor = box.x0 if ha == "left" else box.x1 if ha == "right" else (box.x0 + box.x1) / 2
            room = {"left": right - margin - anchor, "right": anchor - left - margin}.get(
                ha, 2 * min(anchor - left, right - anchor) - 2 * margin)
            if box.width <= room or room <= 0:
                continue
            text = " ".join(title.get_text().split())
            columns = max(12, int(len(text) * room / box.width))
            for _ in range(6):  # narrower until every line fits (glyph widths differ)
                title.set_text(textwrap.fill(text, columns, break_long_words=False))
                if title.get_window_extent(renderer).width <= room or columns <= 12:
                    break
                columns = max(12, int(columns * 0.9))
            wrapped = True
    return wrapped


def _png_in_one_drawing(fig: Figure) -> bytes | None:
    """The laid-out figure drawn once and cropped to its ink plus ``savefig.pad_inches`` (the margin
    matplotlib's tight box leaves), as PNG; None when something may lie beyond the canvas
    (:func:`_beyond_canvas`).  An opaque figure is written as RGB: its alpha channel says nothing and
    costs a tenth of the file."""
    import io

    import numpy as np
    from matplotlib.colors import to_rgba
    from PIL import Image

    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    background = np.round(np.asarray(to_rgba(fig.get_facecolor())) * 255).astype(np.uint8)
    # a pixel is ink where it differs from the background: compared as one 32-bit word per pixel
    ink = np.ascontiguousarray(rgba).view(np.uint32).reshape(height, width) != background.view(np.uint32)[0]
    if _beyond_canvas(fig, ink):
        return None
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    pad = round(float(matplotlib.rcParams["savefig.pad_inches"]) * fig.dpi)
    top, bottom, left, right = rows[0] - pad, rows[-1] + 1 + pad, cols[0] - pad, cols[-1] + 1 + pad
    out = np.empty((bottom - top, right - left, 4), dtype=np.uint8)
    out[...] = background  # the margin where the ink lies closer to the edge than the pad
    src_top, src_left = max(top, 0), max(left, 0)
    src_bottom, src_right = min(bottom, height), min(right, width)
    out[src_top - top:src_bottom - top, src_left - left:src_right - left] = rgba[src_top:src_bottom, src_left:src_right]
    image = Image.fromarray(out[..., :3]) if (out[..., 3] == 255).all() else Image.fromarray(out, "RGBA")
    buf = io.BytesIO()
    image.save(buf, format="png", dpi=(fig.dpi, fig.dpi))  # no text chunks: no software, no date
    return buf.getvalue()


def _beyond_canvas(fig: Figure, ink) -> bool:  # noqa: ANN001 - a boolean pixel mask
    """Whether the drawn figure may reach beyond its canvas: ink on the outermost pixels, or a text
    that constrained layout does not make room for in full lying outside.  Constrained layout counts
    tick labels, legends and texts in an axes whole, but only the height of a title and an x label,
    the width of a y label, and no figure text but the ``sup*`` ones (matplotlib's
    ``Axes.get_tightbbox(for_layout_only=True)``); these texts are measured here, after the drawing
    placed them."""
    from matplotlib.text import Text

    if not ink.any() or ink[0].any() or ink[-1].any() or ink[:, 0].any() or ink[:, -1].any():
        return True
    renderer = fig.canvas.get_renderer()
    texts = [*fig.texts]
    for legend in fig.legends:  # a figure legend placed by hand, not "outside …" (which the layout counts)
        texts += [*legend.get_texts(), legend.get_title()]
    for ax in fig.axes:
        if ax.get_visible():
            texts += [c for c in ax.get_children() if isinstance(c, Text)]  # titles and the axes' own texts
            texts += [ax.xaxis.label, ax.yaxis.label]
    box = fig.bbox
    for text in texts:
        if text.get_visible() and text.get_text().strip():
            extent = text.get_tightbbox(renderer)  # clipped texts: what shows inside their clip box
            if extent is not None and (extent.x0 < box.x0 or extent.y0 < box.y0 or extent.x1 > box.x1
                                       or extent.y1 > box.y1):
                return True
    return False


#: The chart area of a slide (inches): a 16:9 slide less its margins and title (svcwork.slides).  A
#: figure meant for a page of its own (a map) is drawn at this shape, so the one PNG serves the
#: report's landscape page and the slide alike.
SLIDE_CHART_SIZE = (12.33, 5.65)


def save_figure(fig: Figure, folder: str | os.PathLike, name: str, *, formats: Iterable[str] = ("png", "svg")) -> list[Path]:
    """Save *fig* as ``<folder>/<name>.png`` and ``.svg`` (atomically); returns the paths."""
    out = []
    for fmt in formats:
        out.append(atomic_write_bytes(Path(folder) / f"{name}.{fmt}", figure_bytes(fig, fmt)))
    return out


def close(fig: Figure) -> None:
    """Release a figure: one that pyplot holds (made with pyplot, not :func:`new_figure`) is let go."""
    plt = sys.modules.get("matplotlib.pyplot")  # not imported: pyplot holds no figure (and needs no loading)
    if plt is not None:
        plt.close(fig)
