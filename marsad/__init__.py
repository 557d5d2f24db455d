"""marsad (مرصد): turn a flow of Arabic news articles into stories, entities, quotes, events and timelines."""

__version__ = "0.1.0"


class MarsadError(Exception):
    """Root of the library's own exceptions; the CLI, API and UI turn these into messages."""
