"""The Qt-free data layer: parsing, building, reading, searching and exporting briefings.

Nothing under this package may import PySide6 or pyqtgraph (tests/data/test_layers.py checks).
"""
