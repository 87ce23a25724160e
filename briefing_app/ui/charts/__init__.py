"""Live charts. Importing this package does not import pyqtgraph; plots are built on first show."""
