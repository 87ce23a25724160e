"""The Qt desktop viewer. It only shows what the data layer gives it; it holds no SQL."""

from PySide6 import QtCore  # noqa: F401 - PySide6's import check exists from here on (see feature_check)

from .feature_check import read_sources_directly

read_sources_directly()
