"""Domain errors of the retrieval package; turned into user text only at the CLI / Slack boundary."""


class RetrievalError(Exception):
    """Base class: every error here carries a message fit to show a user as one line."""


class CorpusError(RetrievalError):
    """The corpus directory or its document list is missing or malformed."""


class ModelNotFoundError(RetrievalError):
    """The embedding model directory named by the settings does not exist or is not a model."""


class IndexCacheError(RetrievalError):
    """The on-disk index is missing, stale or corrupt (callers rebuild it)."""


class BadQueryError(RetrievalError):
    """A query is empty, too long or otherwise unusable."""
