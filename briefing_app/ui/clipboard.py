"""Copy table rows so they paste cleanly into a spreadsheet (TSV) or a document (HTML)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData

from .plain import escape

__all__ = ["rows_to_tsv", "rows_to_html", "rows_to_mime", "release_clipboard"]


def _cell(text: object) -> str:
    # A tab or newline inside a cell would split it in a spreadsheet.
    return " ".join(str(text).split())


def rows_to_tsv(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["\t".join(_cell(h) for h in headers)]
    lines += ["\t".join(_cell(c) for c in row) for row in rows]
    return "\n".join(lines) + "\n"


def rows_to_html(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<meta charset="utf-8"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def rows_to_mime(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> QMimeData:
    mime = QMimeData()
    mime.setText(rows_to_tsv(headers, rows))
    mime.setHtml(rows_to_html(headers, rows))
    return mime


def release_clipboard() -> None:
    """Before the application quits, keep what we copied as plain text only.

    PySide6 crashes at interpreter exit when the clipboard still holds a
    QMimeData it was given (seen with 6.11 on the offscreen platform); plain text
    set with ``setText`` does not, and the copied rows stay pasteable.
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasHtml():
        clipboard.setText(mime.text())
