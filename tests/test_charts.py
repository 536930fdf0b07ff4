"""svcwork.charts.figure_bytes: a PNG from one drawing, cropped from its pixels, never cutting anything off.

The reference is matplotlib's own ``savefig(bbox_inches="tight")`` (the way every figure was saved
before issue 15): the one-drawing PNG must show the same ink, framed by the same 0.1 in margin
(``savefig.pad_inches``), and must fall back to matplotlib's tight box whenever something reaches
beyond the canvas.  On the demo clients, the one-drawing path is only taken where matplotlib's tight
box of the laid-out figure lies inside the canvas, so nothing it would have shown is lost.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from PIL import Image

from svcwork import charts

ROOT = Path(__file__).resolve().parents[1]
PAD = 15  # savefig.pad_inches 0.1 at savefig.dpi 150


def _tight_png(fig) -> bytes:
    """The reference: matplotlib lays out, measures and draws the figure itself (tight box)."""
    buf = io.BytesIO()
    with matplotlib.rc_context(charts.RC):
        fig.savefig(buf, format="png", bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def _ink_box(rgba: np.ndarray) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) of the pixels that are not white, end exclusive."""
    ink = (rgba[..., :3] < 250).any(axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def _bar_figure(title: str = "Cases by channel", *, lang: str = "en"):
    fig, ax = charts.new_figure(size=(6.0, 3.5))
    ax.bar(["counter", "phone", "web"], [30, 50, 20])
    charts.finish(ax, lang=lang, title=title, ylabel="cases")
    return fig


def _same_ink(new: bytes, reference: bytes) -> None:
    """The same drawing: ink of the same size (±2 px: the tight box starts at a fraction of a pixel),
    framed by the same margin."""
    a, b = _pixels(new), _pixels(reference)
    (t1, b1, l1, r1), (t2, b2, l2, r2) = _ink_box(a), _ink_box(b)
    assert abs((b1 - t1) - (b2 - t2)) <= 2 and abs((r1 - l1) - (r2 - l2)) <= 2
    assert abs(a.shape[0] - b.shape[0]) <= 4 and abs(a.shape[1] - b.shape[1]) <= 4


def test_a_plain_figure_is_one_drawing_framed_like_matplotlibs_tight_box():
    png = charts.figure_bytes(_bar_figure(), "png")
    rgba = _pixels(png)
    top, bottom, left, right = _ink_box(rgba)
    # the ink starts exactly the pad from each edge (the 0.1 in matplotlib's tight box leaves)
    assert (top, rgba.shape[0] - bottom, left, rgba.shape[1] - right) == (PAD, PAD, PAD, PAD)
    _same_ink(png, _tight_png(_bar_figure()))
    info = Image.open(io.BytesIO(png)).info
    assert round(info["dpi"][0]) == 150 and "Software" not in info


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_title_wider_than_the_figure_is_broken_into_lines_that_fit(lang):
    """Constrained layout makes room for a title's height, not its width: without the break the saved
    figure would be widened and all its text shrunk on the page."""
    long = ("Satisfaction by unit against all other units, coloured only where the difference is "
            "significant at the 5% level")
    fig = _bar_figure(long, lang=lang)
    png = charts.figure_bytes(fig, "png")
    title = fig.axes[0].get_title(loc="right" if lang == "he" else "left")
    assert "\n" in title and title.split() == long.split()  # the same words, on more than one line
    rgba = _pixels(png)
    assert rgba.shape[1] <= 6.0 * 150 + 2 * PAD  # the figure's own width
    extent = fig.axes[0].title.get_window_extent() if lang == "en" else fig.axes[0]._right_title.get_window_extent()
    assert extent.x0 >= 0 and extent.x1 <= fig.bbox.x1


def test_a_label_running_over_the_edge_is_kept_whole():
    """An x label constrained layout only makes room for in height: past both edges, the PNG falls
    back to matplotlib's tight box and shows it whole, as savefig does."""
    def figure():
        fig = _bar_figure()
        fig.axes[0].set_xlabel("An axis label much longer than the figure is wide, " * 3)
        return fig

    png = charts.figure_bytes(figure(), "png")
    assert _pixels(png).shape[1] > 6.0 * 150  # wider than the canvas: matplotlib's tight box took it in
    _same_ink(png, _tight_png(figure()))


def test_a_note_placed_below_the_canvas_is_kept():
    def figure():
        fig = _bar_figure()
        fig.text(0.01, -0.05, "A note entirely below the figure", va="top", fontsize=8)
        return fig

    png = charts.figure_bytes(figure(), "png")
    assert _pixels(png).shape[0] > 3.5 * 150
    _same_ink(png, _tight_png(figure()))


def test_a_figure_legend_placed_below_the_canvas_is_kept():
    def figure():
        fig = _bar_figure()
        fig.legend(["cases"], loc="upper left", bbox_to_anchor=(0.0, -0.02))  # by hand, entirely below
        return fig

    png = charts.figure_bytes(figure(), "png")
    assert _pixels(png).shape[0] > 3.5 * 150
    _same_ink(png, _tight_png(figure()))


def test_the_layout_is_computed_once_and_kept_for_an_svg_of_the_same_figure():
    fig = _bar_figure("Kept layout")
    charts.figure_bytes(fig, "png")
    assert fig.get_layout_engine() is None  # laid out once, at the saving resolution, and kept
    position = fig.axes[0].get_position().bounds
    svg = charts.figure_bytes(fig, "svg").decode()
    assert "Kept layout" in svg and fig.axes[0].get_position().bounds == position


def test_the_same_figure_gives_the_same_bytes():
    assert charts.figure_bytes(_bar_figure(), "png") == charts.figure_bytes(_bar_figure(), "png")


def test_an_opaque_figure_is_written_as_rgb_with_the_pixels_matplotlib_paints():
    # the reference: matplotlib's own PNG of the same laid-out figure, uncropped (print_png of the canvas)
    fig = _bar_figure("Opaque")
    png = charts.figure_bytes(fig, "png")
    image = Image.open(io.BytesIO(png))
    assert image.mode == "RGB" and set(image.info) == {"dpi"}  # no alpha, no text chunk (no software, no date)
    buf = io.BytesIO()
    fig.canvas.print_png(buf)  # the same drawing (the layout is kept), the whole canvas
    whole = np.pad(_pixels(buf.getvalue()), ((PAD, PAD), (PAD, PAD), (0, 0)), constant_values=255)  # white margin
    ink = (whole != 255).any(axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    crop = whole[rows[0] - PAD:rows[-1] + 1 + PAD, cols[0] - PAD:cols[-1] + 1 + PAD]
    assert np.array_equal(_pixels(png), crop)


def test_a_transparent_figure_keeps_its_alpha_channel():
    fig = _bar_figure("See-through")
    fig.set_facecolor((1, 1, 1, 0))
    image = Image.open(io.BytesIO(charts.figure_bytes(fig, "png")))
    assert image.mode == "RGBA" and np.asarray(image)[0, 0, 3] == 0


def test_ink_near_the_edge_gets_its_margin_added():
    """A figure whose content reaches closer to the edge than the pad: the margin is filled with the
    figure's background, so every PNG keeps the same frame."""
    fig, ax = charts.new_figure(size=(4.0, 3.0))
    fig.get_layout_engine().set(w_pad=0, h_pad=0)  # constrained layout's own margin off
    ax.imshow(np.ones((10, 10)), cmap="Greys", vmin=0, vmax=1, aspect="auto")  # black to the edges
    ax.set_axis_off()
    rgba = _pixels(charts.figure_bytes(fig, "png"))
    top, bottom, left, right = _ink_box(rgba)
    assert (top, rgba.shape[0] - bottom, left, rgba.shape[1] - right) == (PAD, PAD, PAD, PAD)


def test_close_lets_pyplot_go_of_its_figures_and_leaves_the_suites_alone():
    """A figure pyplot holds is released; one from new_figure (pyplot never held it) is closed without
    pyplot being needed, and pyplot's own figures stay."""
    import matplotlib.pyplot as plt

    held = plt.figure()
    kept = plt.figure()
    try:
        charts.close(held)
        assert held.number not in plt.get_fignums() and kept.number in plt.get_fignums()
        fig, _ = charts.new_figure()
        charts.close(fig)
        assert kept.number in plt.get_fignums()
    finally:
        plt.close(kept)


# --------------------------------------------------------------------------- the demo clients' figures
@pytest.mark.slow
@pytest.mark.parametrize("client, lang", [("northfield-licensing", "en"), ("rashut-hagimlaot", "he")])
def test_no_demo_figure_loses_what_matplotlibs_tight_box_shows(client, lang):
    """Every figure of the client: drawn once only when matplotlib's tight box of the laid-out figure
    lies inside the canvas (so the crop from pixels can lose nothing), else matplotlib's tight box."""
    os.environ.setdefault("SVCWORK_KEY", "test-key-not-secret")
    from svcwork import journeys, load, management, measures, prioritize

    eng = load(ROOT / "data" / "clients" / client)
    one_drawing = fallback = 0
    for module in (prioritize, journeys, measures, management):
        for slug, fig in module.analyse(eng).figures(lang).items():
            with matplotlib.rc_context(charts.RC):
                charts._laid_out(fig)
                png = charts._png_in_one_drawing(fig)
                box = fig.get_tightbbox(fig.canvas.get_renderer())
            width, height = fig.get_size_inches()
            # 2 px of slack: a text's box includes blank space (line spacing), and ink that reached the
            # outermost pixel would have sent the figure to matplotlib's tight box
            slack = 2 / fig.dpi
            inside = box.x0 >= -slack and box.y0 >= -slack and box.x1 <= width + slack and box.y1 <= height + slack
            if png is None:
                fallback += 1
            else:
                one_drawing += 1
                assert inside, f"{slug}: drawn once, but matplotlib's tight box reaches beyond the canvas: {box}"
            charts.close(fig)
    assert one_drawing >= 30 and fallback == 0  # northfield's four English titles wider than 8 in: broken
