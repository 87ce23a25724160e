"""PySide6's check of every module imported after it, reading the module's file instead of its lines.

Once imported, PySide6 replaces ``__import__`` (for its ``from __feature__ import snake_case``) and, for each module
name imported afterwards, asks once whether that module uses PySide6: ``"PySide6" in inspect.getsource(module)``.
``inspect.getsource`` looks for the module's file among every loaded module, then reads, decodes and splits it into
``linecache``: some 80 modules on the way to the window's first paint, ~8 ms measured (the empty window imports
nothing after PySide6 and pays none of it). :func:`read_sources_directly` keeps PySide6's question and its answers
and changes only the reading: a module's ``.py`` file is read as bytes and searched for ``b"PySide6"``; any other
module (built-in, extension, zip-imported) is asked of PySide6's own check. Nothing changes where PySide6 has no such
check. tests/ui/test_feature_check.py compares both answers for every module the window loads.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

__all__ = ["read_sources_directly", "ByteCheck"]


class ByteCheck:
    """``"PySide6" in`` the module's source, read as bytes; ``original`` (PySide6's check) for modules without a
    ``.py`` file."""

    def __init__(self, original: Callable[[ModuleType], bool]):
        self.original = original

    def __call__(self, module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return self.original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:  # as inspect.getsource's: no source, so not a PySide6 module
            return False


def read_sources_directly() -> None:
    """Put :class:`ByteCheck` in the place of PySide6's check (once; nothing without PySide6's check)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or isinstance(original, ByteCheck):
        return
    feature._mod_uses_pyside = ByteCheck(original)  # type: ignore[attr-defined]
