"""Domain errors of the drafting package; turned into user text at the CLI / Slack boundary."""


class DraftingError(Exception):
    """Base class: the message is fit to show a user as one line."""


class UnreadableDocumentError(DraftingError):
    """A report file could not be read (type, size, corruption, encoding)."""
