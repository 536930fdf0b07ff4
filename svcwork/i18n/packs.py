"""Messages of the unit packs and of the links between findings and actions (``packs.*``)."""

MESSAGES: dict[str, tuple] = {
}
