"""Colour contrast by WCAG 2.1: relative luminance, contrast ratio, and a colour darkened to a ratio.

WCAG 2.1 defines the *relative luminance* of an sRGB colour (each channel linearised:
``c / 12.92`` up to 0.03928, else ``((c + 0.055) / 1.055) ** 2.4``; then
``L = 0.2126 R + 0.7152 G + 0.0722 B``) and the *contrast ratio* ``(L1 + 0.05) / (L2 + 0.05)``
of the lighter to the darker colour, from 1:1 to 21:1.  Success criteria: 1.4.3 (text at least
4.5:1, :data:`TEXT`), 1.4.11 (graphical objects needed to understand a chart at least 3:1,
:data:`GRAPHIC`).  Reference: https://www.w3.org/TR/WCAG21/#dfn-relative-luminance and
https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio.
"""

from __future__ import annotations

import re

__all__ = ["TEXT", "GRAPHIC", "WHITE", "rgb", "to_hex", "relative_luminance", "contrast_ratio", "darken_to"]

#: Minimum contrast of normal text against its background (WCAG 2.1 SC 1.4.3, level AA).
TEXT = 4.5
#: Minimum contrast of a chart's marks and other graphical objects (WCAG 2.1 SC 1.4.11, level AA).
GRAPHIC = 3.0
#: The background of every page and chart of the suite.
WHITE = "#ffffff"

_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def rgb(color: str) -> tuple[int, int, int]:
    """The 8-bit channels of ``#rgb`` or ``#rrggbb`` (ValueError for anything else)."""
    m = _HEX.match(color.strip()) if isinstance(color, str) else None
    if m is None:
        raise ValueError(f"not a hex colour: {color!r}")
    digits = m[1] if len(m[1]) == 6 else "".join(ch * 2 for ch in m[1])
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(channels: tuple[int, int, int]) -> str:
    """``#rrggbb`` of 8-bit channels (clipped to 0–255)."""
    return "#" + "".join(f"{min(255, max(0, int(round(c)))):02x}" for c in channels)


def _linear(channel: int) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """The WCAG 2.1 relative luminance of *color* (0 for black, 1 for white)."""
    r, g, b = (_linear(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str = WHITE) -> float:
    """The WCAG 2.1 contrast ratio of two colours (1 to 21; order does not matter)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def darken_to(color: str, ratio: float = TEXT, background: str = WHITE) -> str:
    """*color* unchanged when it reaches *ratio* against *background*, else the lightest shade of it
    (its channels scaled towards black, so the hue stays) that does; black at worst."""
    if contrast_ratio(color, background) >= ratio:
        return to_hex(rgb(color))
    channels = rgb(color)
    lo, hi = 0.0, 1.0  # the scale factor: 0 is black (21:1 on white), 1 is the colour itself
    for _ in range(40):
        mid = (lo + hi) / 2
        if contrast_ratio(to_hex(tuple(c * mid for c in channels)), background) >= ratio:  # type: ignore[arg-type]
            lo = mid
        else:
            hi = mid
    shade = to_hex(tuple(int(c * lo) for c in channels))  # type: ignore[arg-type]  # floor: never below the ratio
    return shade if contrast_ratio(shade, background) >= ratio else "#000000"
