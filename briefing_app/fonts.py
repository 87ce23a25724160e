"""The bundled DejaVu Sans (every Vietnamese letter and tone mark), registered with Qt when needed."""

from __future__ import annotations

from .paths import resource

__all__ = ["register_bundled_fonts", "ensure_vietnamese_font", "BUNDLED_FAMILY"]

BUNDLED_FAMILY = "DejaVu Sans"
_registered = False


def register_bundled_fonts() -> None:
    """Make the fonts under ``resources/fonts`` available to Qt (once; needs a QGuiApplication)."""
    global _registered
    if _registered:
        return
    from PySide6.QtGui import QFontDatabase

    for path in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    _registered = True


def ensure_vietnamese_font(app) -> None:
    """Keep the system font when it has Vietnamese; otherwise use the bundled one."""
    from PySide6.QtGui import QFont, QFontDatabase

    family = app.font().family()
    if QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems(family):
        return
    register_bundled_fonts()
    font = QFont(BUNDLED_FAMILY, app.font().pointSize())
    app.setFont(font)
