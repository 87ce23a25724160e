"""Briefing Viewer: browse a report's figures, achievements, limitations and directives offline."""

from __future__ import annotations

__all__ = ["version"]


def version() -> str:
    """The app's version: written once, in ``pyproject.toml``, and read from the install's metadata."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("briefing-app")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def __getattr__(name: str) -> str:
    # ``briefing_app.__version__`` without paying for importlib.metadata on every import.
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'briefing_app' has no attribute {name!r}")
