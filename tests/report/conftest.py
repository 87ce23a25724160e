"""Fixtures for the printed pack: the bundled briefing rendered once per language, and a PDF reader."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

PRINTED = dt.date(2017, 7, 20)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class PdfDoc:
    """A PDF read back with pypdf: the text of each page with whitespace runs made single spaces."""

    def __init__(self, data: bytes):
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))
        self.texts = [_normalise(page.extract_text() or "") for page in self.reader.pages]

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    def pages_with(self, text: str) -> list[int]:
        """1-based numbers of the pages whose text holds ``text`` (whitespace-insensitive)."""
        wanted = re.sub(r"\s+", "", text)
        return [n for n, page in enumerate(self.texts, start=1) if wanted in re.sub(r"\s+", "", page)]

    def content(self, page: int) -> bytes:
        """The page's content stream, decompressed (the drawing operators)."""
        return self.reader.pages[page - 1].get_contents().get_data()


@pytest.fixture(scope="session")
def read_pdf() -> Callable[[bytes | Path], PdfDoc]:
    def read(source: bytes | Path) -> PdfDoc:
        return PdfDoc(source if isinstance(source, bytes) else Path(source).read_bytes())

    return read


@pytest.fixture(scope="session")
def bundled_snapshot(bundled_db):
    from briefing_app.data.snapshot import load_snapshot
    from briefing_app.data.store import open_store

    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2017-h1")


@pytest.fixture(scope="session")
def packs(qapp, bundled_snapshot, bundled_db, read_pdf):
    """The full pack of the bundled briefing in each language: (PdfDoc, RenderedPack)."""
    from briefing_app.report import PackInfo, ReportOptions, render_pdf

    info = PackInfo.for_database(bundled_db, printed=PRINTED)
    out = {}
    for lang in ("vi", "en"):
        data, rendered = render_pdf(bundled_snapshot, ReportOptions(lang=lang), info)
        out[lang] = (read_pdf(data), rendered)
    return out
