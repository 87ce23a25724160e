"""Moved to :mod:`briefing_app.i18n`, the one Qt-free text catalogue; this shim keeps old imports working.

Import from ``briefing_app.i18n`` in new code: this module goes once every caller has moved.
"""

from __future__ import annotations

from ..i18n import LANGUAGES, PLURALS, STRINGS, language_name, tr, tr_n

__all__ = ["tr", "tr_n", "STRINGS", "PLURALS", "LANGUAGES", "language_name"]
