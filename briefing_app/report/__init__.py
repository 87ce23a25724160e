"""The printed briefing pack: laid out and painted with QPainter onto a PDF writer or a printer.

Uses QtGui only (no widgets), so it runs headless under a QGuiApplication —
``briefing-app print`` — as well as inside the viewer.
"""

from .document import PackInfo, ReportError, page_layout, paint_report
from .options import ORIENTATIONS, PAGE_SIZES, SECTIONS, ReportOptions, parse_sections
from .pdf import describe_write_error, describe_write_problem, render_pdf, write_pdf

__all__ = ["PackInfo", "ReportError", "ReportOptions", "SECTIONS", "PAGE_SIZES", "ORIENTATIONS", "page_layout",
           "paint_report", "parse_sections", "render_pdf", "write_pdf", "describe_write_error",
           "describe_write_problem"]
