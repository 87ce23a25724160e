"""Guard against PySide6 builds that lose references to None (6.12.0 on CPython 3.11).

Such a build aborts the whole process (``Fatal Python error: none_dealloc``)
after a few hundred chart refreshes, so the soak runs in a child process and
checks it survives; on CPython < 3.12, where None is not immortal, it also
checks that None's reference count does not fall.
"""

import subprocess
import sys
import textwrap

SOAK = textwrap.dedent("""
    import gc, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QLabel, QTableView

    app = QApplication([])

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 50
        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 3
        def data(self, index, role=Qt.DisplayRole):
            if role == Qt.DisplayRole:
                return f"{index.row()}:{index.column()}"
            return None

    label = QLabel()
    view = QTableView()
    model = Model()
    view.setModel(model)
    view.resize(400, 300)
    plot = pg.PlotWidget()
    plot.resize(400, 300)
    curve = plot.plot()
    bars = pg.BarGraphItem(x=np.arange(5), height=np.ones(5), width=0.6)
    plot.addItem(bars)
    gc.collect()
    before = sys.getrefcount(None)
    for i in range(3000):
        label.setText(str(i))
        label.setToolTip(str(i))
        view.setEnabled(True)
        model.index(i % 50, i % 3).data()
        if i % 10 == 0:
            curve.setData(np.arange(10), np.random.random(10))
            bars.setOpts(height=np.random.random(5))
            app.processEvents()
    view.grab(); plot.grab()
    gc.collect()
    after = sys.getrefcount(None)
    print(f"{before} {after}")
""")


def test_qt_calls_and_chart_refreshes_do_not_lose_none():
    result = subprocess.run([sys.executable, "-c", SOAK], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = map(int, result.stdout.split()[-2:])
    if sys.version_info < (3, 12):
        # Leaking references to None would be harmless; losing them aborts the process.
        assert after >= before - 50, f"None lost {before - after} references"
