"""timeline: dated, cited event records from news and history texts, and the app that shows them."""

__version__ = "0.1.0"
