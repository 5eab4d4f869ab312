"""factcheck: fact-check news articles against reference records and consistency rules."""

__version__ = "0.1.0"
