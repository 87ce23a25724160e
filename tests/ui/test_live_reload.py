"""Live reload: another process changes data.db and the window follows, without freezing."""

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.state import ViewerState

#: how soon a change on disk shows (times $BRIEFING_TEST_TIME_SCALE, see the time_limit fixture): sooner than the
#: watcher's one-second poll could. How fast it is (≤ 300 ms) is measured by benchmarks/run.py's live reload row;
#: 0.5 s here failed on a loaded 2-CPU machine at 0.52 s.
LIMIT_S = 0.9


@pytest.fixture
def db(tmp_path, review_db):
    path = tmp_path / "live.db"
    shutil.copy(review_db, path)
    return path


@pytest.fixture
def window(open_window, db):
    return open_window(db)


def run_writer(db, sql, *, wal=False, hold=False):
    """Run ``sql`` in another process; with ``hold`` it stays alive (the WAL is not checkpointed)."""
    script = textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        if {wal!r}:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("BEGIN IMMEDIATE")
        conn.executescript({sql!r}) if False else [conn.execute(s) for s in {sql!r}.split(";") if s.strip()]
        conn.execute("COMMIT")
        print("committed", flush=True)
        if {hold!r}:
            sys.stdin.readline()
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout.readline().strip() == "committed"
    return process


def indicator_row_text(window, key):
    tab = window.indicators_tab
    snapshot = window.state.snapshot
    indicator = next(i for i in snapshot.indicators if i.key == key)
    model = tab.model
    row = model.row_of(indicator.id)
    return model.index(row, 1).data()


def wait_for(qtbot, time_limit, condition, limit=LIMIT_S):
    timer = QElapsedTimer()
    timer.start()
    qtbot.waitUntil(condition, timeout=time_limit.ms(3))
    elapsed = timer.elapsed() / 1000
    assert elapsed < time_limit(limit), f"took {elapsed:.3f} s"


def set_kiosks(value_text, value):
    return f"UPDATE indicators SET value_text = '{value_text}', value = {value} WHERE key = 'postal.kiosks'"


def postal_chart(window):
    return next(v for v in window.overview_tab.charts if v.spec and v.spec.title_vi.startswith("Điểm phục vụ"))


def test_a_commit_in_journal_mode_shows_up_keeping_tab_and_selection(qtbot, window, db, time_limit):
    window.tabs.setCurrentWidget(window.indicators_tab)
    chosen = next(i for i in window.state.snapshot.indicators if i.key == "telecom.revenue")
    window.indicators_tab.select_item("indicators", chosen.id)
    chart = postal_chart(window)
    chart.ensure_plot()
    run_writer(db, set_kiosks("4.300", 4300)).wait()
    wait_for(qtbot, time_limit, lambda: indicator_row_text(window, "postal.kiosks") == "4.300")
    assert window.tabs.currentWidget() is window.indicators_tab
    assert window.indicators_tab.current_indicator().id == chosen.id
    # The hidden Overview catches up when it is looked at, updating the same chart in place.
    assert postal_chart(window) is chart and 4300.0 in chart.spec.series[0].values
    assert window.loaded_status.text().startswith("Cập nhật lúc")


def test_a_commit_in_wal_mode_shows_up(qtbot, settings, db, tmp_path, time_limit):
    # Switch the copy to WAL first, as a writer that keeps WAL would have.
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    win = MainWindow(ViewerState("vi"), settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(db)
    writer = run_writer(db, set_kiosks("5.500", 5500), wal=True, hold=True)
    try:
        assert (tmp_path / "live.db-wal").stat().st_size > 0
        # Usually under 0.4 s; when the writer's -wal appears and is written before the watcher adds it, the
        # one-second poll finds the commit (0.95 s seen once in CI): the bound is the poll's, plus margin.
        wait_for(qtbot, time_limit, lambda: indicator_row_text(win, "postal.kiosks") == "5.500", limit=1.5)
    finally:
        writer.stdin.close()
        writer.wait()


def test_three_atomic_replacements(qtbot, window, db, tmp_path, time_limit):
    for n, value in enumerate((111, 222, 333)):
        fresh = tmp_path / f"fresh{n}.db"
        shutil.copy(db, fresh)
        conn = sqlite3.connect(fresh)
        conn.execute(set_kiosks(str(value), value))
        conn.commit()
        conn.close()
        os.replace(fresh, db)
        wait_for(qtbot, time_limit, lambda v=value: indicator_row_text(window, "postal.kiosks") == str(v))


def test_deleted_then_restored_database(qtbot, window, db, tmp_path, time_limit):
    backup = tmp_path / "backup.db"
    shutil.copy(db, backup)
    os.remove(db)
    qtbot.waitUntil(lambda: window.problem_status.isVisible(), timeout=time_limit.ms(3))
    assert "live.db: không tìm thấy tệp" in window.problem_status.text()  # the window is Vietnamese
    # The last good data stays on screen.
    assert indicator_row_text(window, "postal.kiosks") == "43"
    conn = sqlite3.connect(backup)
    conn.execute(set_kiosks("77", 77))
    conn.commit()
    conn.close()
    shutil.copy(backup, db)
    wait_for(qtbot, time_limit, lambda: indicator_row_text(window, "postal.kiosks") == "77", limit=1.5)
    assert not window.problem_status.isVisible()


def test_replaced_by_something_else_keeps_the_last_good_data(qtbot, window, db, time_limit):
    tmp = db.with_name("garbage.tmp")
    tmp.write_bytes(b"not a database at all")
    os.replace(tmp, db)
    qtbot.waitUntil(lambda: "không phải cơ sở dữ liệu SQLite" in window.problem_status.text(),
                    timeout=time_limit.ms(3))
    assert window.state.snapshot is not None
    assert indicator_row_text(window, "postal.kiosks") == "43"


def test_a_fifo_swapped_in_does_not_freeze_the_window(qtbot, window, db, tmp_path, time_limit):
    """Issue #13, case 6: a FIFO in the database's place is refused by its type, never opened."""
    from briefing_fixtures import FifoUnblocker

    fifo = tmp_path / "swap.fifo"
    os.mkfifo(fifo)
    with FifoUnblocker(db, after=3) as guard:
        os.replace(fifo, db)
        timer = QElapsedTimer()
        timer.start()
        window.session.refresh_from_disk()
        elapsed = timer.elapsed() / 1000
        # The watcher notices too, and the window stays responsive while it does.
        qtbot.wait(1200)
        responded = QElapsedTimer()
        responded.start()
        qtbot.wait(10)
        assert responded.elapsed() < time_limit.ms(1)
    assert elapsed < time_limit(1), f"the refresh took {elapsed:.1f} s"
    assert not guard.released
    status = window.problem_status.text()
    assert "live.db: không phải tệp thông thường (một FIFO)" in status and "vẫn hiển thị dữ liệu tải lúc" in status, \
        status
    assert indicator_row_text(window, "postal.kiosks") == "43"


def test_opening_a_fifo_says_so_and_keeps_the_open_database(qtbot, window, db, tmp_path):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from briefing_fixtures import FifoUnblocker

    fifo = tmp_path / "f.db"
    os.mkfifo(fifo)
    with FifoUnblocker(fifo, after=3) as guard:
        assert not window.open_database(fifo)
    assert not guard.released
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "không phải tệp thông thường (một FIFO)" in boxes[0].text()
    boxes[0].close()
    assert window.session.path == db and indicator_row_text(window, "postal.kiosks") == "43"


def test_a_held_exclusive_lock_does_not_freeze_the_window(qtbot, window, db, time_limit):
    script = textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE indicators SET value_text = '999', value = 999 WHERE key = 'postal.kiosks'")
        print("locked", flush=True)
        time.sleep(1.2)
        conn.execute("COMMIT")
        print("committed", flush=True)
    """)
    # Build what the check reads (the Indicators tab, the charts and pyqtgraph) before measuring:
    # run alone, that first build took ~360 ms inside the measured span and was taken for a freeze.
    assert indicator_row_text(window, "postal.kiosks") != "999"
    postal_chart(window).ensure_plot()
    qtbot.wait(50)
    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(10)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "locked"
    window.reload()  # F5 while the writer holds the lock
    qtbot.waitUntil(lambda: window.problem_status.isVisible(), timeout=time_limit.ms(2))
    assert "bận" in window.problem_status.text()
    # Wait without blocking the event loop (a blocking read here would be the freeze).
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=time_limit.ms(5))
    qtbot.waitUntil(lambda: indicator_row_text(window, "postal.kiosks") == "999", timeout=time_limit.ms(3))
    ticker.stop()
    assert len(gaps) > 50 and max(gaps) < time_limit.ms(0.2), f"the event loop was blocked for {max(gaps)} ms"
    assert not window.problem_status.isVisible()


def test_an_unchanged_file_does_not_redraw(qtbot, window, db):
    chart = postal_chart(window)
    chart.ensure_plot()
    before = chart.redraw_count
    os.utime(db)  # touched, same content
    window.session.watcher.check()
    qtbot.wait(100)
    assert chart.redraw_count == before
