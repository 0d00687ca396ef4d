"""PhotoEssay: a desktop viewer and editor for news photo essays."""

__version__ = "0.1.0"
