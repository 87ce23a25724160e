"""Briefing Viewer: browse a report's figures, achievements, limitations and directives offline."""

__version__ = "0.1.0"
