"""Qt's own dialogs and menus in the interface language: the file and print dialogs, Print Preview,
the standard buttons (OK, Cancel, Close…), the context menus of text fields.

Our texts come from the Qt-free catalogue (:mod:`briefing_app.i18n`); the texts Qt writes itself come
from a Qt translation. PySide6 ships none for Vietnamese, so the app ships its own,
``resources/translations/qtbase_vi.ts``, compiled with PySide6's ``lrelease`` to the ``.qm`` beside it.
English needs no file: it is Qt's own language, so switching to English removes the translator.

Only Qt's own (non-native) dialogs ask the translator; a desktop's native dialog speaks the desktop's
language, whatever the window's. :func:`use_qt_dialogs` makes the app use Qt's dialogs everywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from ..logs import logger
from ..paths import resource

__all__ = ["apply_qt_language", "use_qt_dialogs", "qt_translation_path"]

#: The one translator installed on the application (None while the language is English).
_installed: QTranslator | None = None


def qt_translation_path(lang: str) -> Path:
    """The compiled Qt translation for ``lang`` (``resources/translations/qtbase_<lang>.qm``)."""
    return resource("translations", f"qtbase_{lang}.qm")


def apply_qt_language(lang: str) -> bool:
    """Make Qt's own texts speak ``lang`` from now on; open dialogs retranslate themselves.

    Loads the ``.qm`` only for a language other than English (a few hundred microseconds), and
    installs it on the running application, replacing the one installed before. Returns whether Qt
    now speaks ``lang`` (False when its translation is missing: Qt's texts stay English, as logged).
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        if _installed.language().startswith(lang):
            return True
        app.removeTranslator(_installed)
        _installed = None
    if lang == "en":
        return True
    translator = QTranslator(app)
    path = qt_translation_path(lang)
    if not translator.load(str(path)):
        logger.warning("%s: cannot be loaded; Qt's dialogs stay in English", path)
        return False
    app.installTranslator(translator)
    _installed = translator
    return True


def use_qt_dialogs() -> None:
    """Use Qt's own file, print and message dialogs rather than the desktop's (which ignore the translator).

    Called after the window's first paint: the ``Qt`` namespace costs ~11 ms on first use.
    """
    from PySide6.QtCore import Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
