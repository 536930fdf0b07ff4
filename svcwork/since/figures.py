"""The names of the ``since`` key figures: each is named after the figure it compares.

:meth:`svcwork.keyfigures.KeyFigure.label` names a figure by its catalogue entry
``since.figure.<name>`` with ``{item}`` filled by :func:`item_name`: the compared figure's own label
in the report's language (``since.change.measures.item.trust`` → "Change since the last report:
Survey item Trust: share agreeing").
"""

from __future__ import annotations

from ..i18n import CATALOGUE, t
from ..keyfigures import KeyFigure

__all__ = ["item_name", "figure_label"]


def figure_label(key: str, lang: str) -> str:
    """The label of the figure *key* (``<domain>.<name>[.<item>]``) in *lang*: its own domain's
    catalogue name (``<domain>.figure.<name>``, the item named by that domain), else this
    package's (``since.of.<domain>.<name>``); an item the name does not mention is added after it."""
    parts = key.split(".", 2)
    if len(parts) < 2:
        return key
    domain, name = parts[0], parts[1]
    item = parts[2] if len(parts) > 2 else None
    own = f"{domain}.figure.{name}"
    if own in CATALOGUE:
        label = KeyFigure(key, None, "number", domain, item=item).label(lang).strip()
        if item and "{item}" not in CATALOGUE[own]["en"]:
            label = t("since.label.with_item", lang, label=label, item=item)
        return label
    fallback = f"since.of.{domain}.{name}"
    if fallback in CATALOGUE:
        return t(fallback, lang, item=item or "").strip()
    return key


def item_name(figure: KeyFigure, lang: str) -> str:
    """The ``{item}`` of a ``since`` figure's label and definition: the compared figure's label."""
    return figure_label(figure.item, lang) if figure.item else ""
