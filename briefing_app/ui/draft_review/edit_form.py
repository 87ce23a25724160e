"""The form that edits the current drafted item: a figure's label, value, unit, qualifier, comparisons, sector
and measure (an id of resources/measures.yaml), or an item's title and sector; with what the rules were unsure
of and, after a save, the validator's problems about it.

Each field is checked as it is typed (:func:`briefing_app.data.draft.review.check_field`: a number in
Vietnamese notation, a known qualifier and sector); "Apply" (Enter) hands the changes to the window, which
applies them to the review and accepts the item. Escape puts the fields back as the item has them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data.briefing_file import Problem
from ...data.draft import DraftFigure, DraftItem
from ...data.draft.review import FIGURE_FIELDS, ITEM_FIELDS, EditError, check_field
from ...data.draft.sectors import SECTORS
from ...data.schema import QUALIFIERS
from ...i18n import QUALIFIER_KEYS, render, tr
from ..plain import plain_label, shown

__all__ = ["ItemForm", "FIELD_KEYS"]

#: Field → its label's text key.
FIELD_KEYS = {"label": "review.field.label", "title": "review.field.title", "value": "review.field.value",
              "value_max": "review.field.value_max", "unit": "review.field.unit",
              "qualifier": "review.field.qualifier", "plan_pct": "review.field.plan_pct",
              "change_pct": "review.field.change_pct", "same_period_pct": "review.field.same_period_pct",
              "compared_with": "review.field.compared_with", "sector": "review.field.sector",
              "measure": "review.field.measure"}
_COMBOS = ("qualifier", "sector")
_LEFT = ("value", "value_max", "unit", "qualifier", "sector")
_INVALID = "QLineEdit { border: 2px solid #c62828; }"


class ItemForm(QGroupBox):
    """Edits one item; ``apply_requested(changes)`` with every field's text when the user applies."""

    apply_requested = Signal(dict)
    revert_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewForm")
        self._lang = "vi"
        self._item: DraftFigure | DraftItem | None = None
        self._errors: dict[str, EditError] = {}
        # The label or title across the top, then two columns: what is stated, and what it is compared with.
        top, left, right = QFormLayout(), QFormLayout(), QFormLayout()
        for form in (top, left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form_of: dict[str, QFormLayout] = {}
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        for name in dict.fromkeys(("title", *FIGURE_FIELDS)):
            widget: QLineEdit | QComboBox
            if name in _COMBOS:
                widget = QComboBox(self)
                # A long sector name must not widen the window: the list shows it whole when opened.
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(12)
            else:
                widget = QLineEdit(self)
                widget.textEdited.connect(lambda _text, n=name: self._check(n))
                widget.returnPressed.connect(self.apply)
            widget.setObjectName(f"reviewField_{name}")
            label = QLabel(self)
            label.setBuddy(widget)
            self.fields[name] = widget
            self.labels[name] = label
            form = top if name in ("title", "label") else left if name in _LEFT else right
            form.addRow(label, widget)
            self._form_of[name] = form
        self.message = plain_label("", self)
        self.message.setObjectName("reviewFormMessage")
        self.message.setStyleSheet("color: #b71c1c;")
        self.notes = plain_label("", self)
        self.notes.setObjectName("reviewFormNotes")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("reviewApply")
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = QPushButton(self)
        self.revert_button.setObjectName("reviewRevert")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        self._fill_combos()
        self.set_item(None)

    # ------------------------------------------------------------ contents
    def _fill_combos(self) -> None:
        qualifier = self.fields["qualifier"]
        sector = self.fields["sector"]
        assert isinstance(qualifier, QComboBox) and isinstance(sector, QComboBox)
        chosen_q, chosen_s = qualifier.currentData(), sector.currentData()
        qualifier.clear()
        sector.clear()
        qualifier.addItem(tr("review.no_qualifier", self._lang), "")
        for word in QUALIFIERS:
            # The Vietnamese word is what the file holds; in English the reading follows it.
            shown_word = word if self._lang == "vi" else f"{word} ({tr(QUALIFIER_KEYS[word], 'en')})"
            qualifier.addItem(shown_word, word)
        for sid, vi, en in SECTORS:
            sector.addItem(vi if self._lang == "vi" else en, sid)
        self._choose(qualifier, chosen_q or "")
        self._choose(sector, chosen_s or "")

    @staticmethod
    def _choose(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0 and value:  # a value the file may not hold: shown as it is, refused on apply
            combo.addItem(shown(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def item(self) -> DraftFigure | DraftItem | None:
        return self._item

    def set_item(self, item: DraftFigure | DraftItem | None, problems: Sequence[Problem] = (),
                 accepted: bool = False) -> None:
        """Show ``item``'s fields (None: an empty, disabled form), the checks the rules left on it (unless it
        was accepted) and the validator's ``problems``."""
        self._item = item
        self._errors = {}
        names = FIGURE_FIELDS if isinstance(item, DraftFigure) else ITEM_FIELDS
        for name, widget in self.fields.items():
            self._form_of[name].setRowVisible(widget, name in names)
            widget.setStyleSheet("")
            value = getattr(item, name, None) if item is not None else None
            if isinstance(widget, QComboBox):
                self._choose(widget, value or "")
            else:
                widget.setText(shown(value or ""))
                widget.setCursorPosition(0)
        self.setEnabled(item is not None)
        said = [(p.field, render(p.message, self._lang)) for p in problems]
        self.message.setText("\n".join(f"{field.split('.', 1)[-1]}: {text}" if field else text
                                       for field, text in said))
        self.message.setVisible(bool(problems))
        checks = item.checks if item is not None and not accepted else []
        self.notes.setText(tr("review.form.checks", self._lang, checks="\n".join(checks)) if checks else "")
        self.notes.setVisible(bool(checks))
        self._update_title()

    def changes(self) -> dict[str, str]:
        """Every shown field's text, by field name."""
        names = FIGURE_FIELDS if isinstance(self._item, DraftFigure) else ITEM_FIELDS
        out = {}
        for name in names:
            widget = self.fields[name]
            out[name] = str(widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text()
        return out

    # ------------------------------------------------------------ checking and applying
    def _check(self, name: str) -> bool:
        widget = self.fields[name]
        try:
            check_field(name, widget.text() if isinstance(widget, QLineEdit) else str(widget.currentData() or ""))
        except EditError as exc:
            self._errors[name] = exc
            widget.setStyleSheet(_INVALID)
            widget.setToolTip(self.error_text(exc))
        else:
            self._errors.pop(name, None)
            widget.setStyleSheet("")
            widget.setToolTip("")
        self._show_errors()
        return name not in self._errors

    def error_text(self, exc: EditError) -> str:
        widget = self.fields.get(exc.field)
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        return tr(f"review.error.{exc.kind}", self._lang, field=tr(FIELD_KEYS[exc.field], self._lang).rstrip(":"),
                  text=shown(typed))

    def _show_errors(self) -> None:
        text = "\n".join(self.error_text(e) for e in self._errors.values())
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def apply(self) -> None:
        """Check every field; when all can be written, ask for the changes to be applied."""
        if self._item is None:
            return
        ok = [self._check(name) for name in self.changes()]
        if all(ok):
            self.apply_requested.emit(self.changes())

    def show_error(self, exc: EditError) -> None:
        """Mark a field the review refused (the window's apply)."""
        self._errors[exc.field] = exc
        if exc.field in self.fields:
            self.fields[exc.field].setStyleSheet(_INVALID)
        self._show_errors()

    def revert(self) -> None:
        self.revert_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.revert()
            return
        super().keyPressEvent(event)

    def focus_first(self) -> None:
        """Put the keyboard in the first field shown (E / Enter on an item)."""
        for name in (FIGURE_FIELDS if isinstance(self._item, DraftFigure) else ITEM_FIELDS):
            widget = self.fields[name]
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
            return

    # ------------------------------------------------------------ texts
    def retranslate(self, lang: str) -> None:
        self._lang = lang
        for name, label in self.labels.items():
            label.setText(tr(FIELD_KEYS[name], lang))
            self.fields[name].setAccessibleName(tr(FIELD_KEYS[name], lang).replace("&", "").rstrip(":"))
        self.apply_button.setText(tr("review.apply", lang))
        self.apply_button.setToolTip(tr("review.apply.tip", lang))
        self.revert_button.setText(tr("review.revert", lang))
        self._fill_combos()
        self._update_title()
        if self._errors:
            self._show_errors()

    def _update_title(self) -> None:
        if self._item is None:
            self.setTitle(tr("review.form.empty", self._lang))
        else:
            key = "review.form.figure" if isinstance(self._item, DraftFigure) else "review.form.item"
            self.setTitle(tr(key, self._lang))
        self.setAccessibleName(self.title())
