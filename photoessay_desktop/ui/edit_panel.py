"""The edit panel on the right: the current slide's fields and the essay's own fields, in two tabs.

Every keystroke becomes an undoable edit through the document; the panel shows whatever the
document holds. Choosing files (Replace photo…, Relink…) is only requested here, never done.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from photoessay_desktop.document import edit_requests
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.text_search import body_paragraphs, body_text
from photoessay_desktop.ui.text_field_binding import TextFieldBinding, TextWidget

SLIDE_FIELDS = ("caption", "credit", "alt_text", "notes")
_PARAGRAPH = re.compile(r"body\[(\d+)\]")
ESSAY_FIELDS = ("title", "standfirst", "body", "language")


def _plain_edit(name: str, accessible: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 3)
    return edit


def _line_edit(name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    return edit


def _scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


class EditPanel(QTabWidget):
    """Slide and Essay tabs over one document; `show_slide(row)` picks the slide."""

    replace_photo_requested = Signal(int)
    relink_requested = Signal(int)

    def __init__(self, document: EssayDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editPanel")
        self.setAccessibleName("Edit panel")
        self._document = document
        self._row = -1
        end = document.end_typing_burst

        self.caption = _plain_edit("captionEdit", "Caption", 4)
        self.credit = _line_edit("creditEdit", "Credit")
        self.credit.setPlaceholderText("Photographer / Agency")
        self.alt_text = _plain_edit("altTextEdit", "Alt text", 2)
        self.notes = _plain_edit("notesEdit", "Presenter notes", 3)
        self.image = _line_edit("imageRefEdit", "Photo file")
        self.image.setReadOnly(True)
        self.replace_button = QPushButton("Replace Photo…")
        self.replace_button.setObjectName("replacePhotoButton")
        self.relink_button = QPushButton("Relink…")
        self.relink_button.setObjectName("relinkButton")
        self.replace_button.clicked.connect(lambda: self.replace_photo_requested.emit(self._row))
        self.relink_button.clicked.connect(lambda: self.relink_requested.emit(self._row))
        slide_widgets: tuple[TextWidget, ...] = (
            self.caption,
            self.credit,
            self.alt_text,
            self.notes,
        )
        self._slide_bindings = {
            field: TextFieldBinding(widget, self._slide_committer(field), end)
            for field, widget in zip(SLIDE_FIELDS, slide_widgets, strict=True)
        }

        self.title = _line_edit("titleEdit", "Title")
        self.standfirst = _plain_edit("standfirstEdit", "Standfirst", 3)
        self.body = _plain_edit("bodyEdit", "Body", 8)
        self.body.setMaximumHeight(16777215)
        self.body.setToolTip("Separate paragraphs with a blank line.")
        self.language = _line_edit("languageEdit", "Language")
        self.language.setPlaceholderText("e.g. en, uk, pt-BR")
        self._essay_bindings = {
            "title": TextFieldBinding(self.title, self._essay_committer("title"), end),
            "standfirst": TextFieldBinding(
                self.standfirst, self._essay_committer("standfirst"), end
            ),
            "body": TextFieldBinding(
                self.body,
                lambda text: edit_requests.edit_essay_field(
                    document, "body", body_paragraphs(text)
                ),
                end,
                parse=body_paragraphs,
            ),
            "language": TextFieldBinding(
                self.language,
                lambda text: edit_requests.edit_essay_field(
                    document, "language", text.strip() or None
                ),
                end,
                parse=lambda text: text.strip() or None,
            ),
        }

        self.slide_page = self._build_slide_page()
        self.essay_page = self._build_essay_page()
        self.addTab(self.slide_page, "&Slide")
        self.addTab(self.essay_page, "&Essay")
        self.setMinimumWidth(300)

        document.slide_changed.connect(self._on_slide_changed)
        document.essay_changed.connect(self.refresh_essay)
        document.essay_replaced.connect(self.refresh_essay)
        # Save As to another folder changes how the photo's path reads from the essay.
        document.path_changed.connect(lambda: self.show_slide(self._row))
        self.refresh_essay()
        self.show_slide(-1)

    def _build_slide_page(self) -> QWidget:
        content = QWidget()
        form = QFormLayout(content)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.slide_heading = QLabel()
        self.slide_heading.setObjectName("slideHeading")
        form.addRow(self.slide_heading)
        form.addRow("&Caption", self.caption)
        form.addRow("C&redit", self.credit)
        form.addRow("&Alt text", self.alt_text)
        form.addRow("Presenter &notes", self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.relink_button)
        buttons.addStretch(1)
        photo_box = QVBoxLayout()
        photo_box.addWidget(self.image)
        photo_box.addLayout(buttons)
        form.addRow("Photo", photo_box)
        return _scrolling(content)

    def _build_essay_page(self) -> QWidget:
        content = QWidget()
        form = QFormLayout(content)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("&Title", self.title)
        form.addRow("Stand&first", self.standfirst)
        form.addRow("&Body", self.body)
        form.addRow("&Language", self.language)
        return _scrolling(content)

    def _slide_committer(self, field: str) -> Callable[[str], None]:
        def commit(text: str) -> None:
            if 0 <= self._row < len(self._document.essay.slides):
                edit_requests.edit_slide_text(self._document, self._row, field, text)

        return commit

    def _essay_committer(self, field: str) -> Callable[[str], None]:
        return lambda text: edit_requests.edit_essay_field(self._document, field, text)

    # -- showing the document -----------------------------------------------------------------
    @property
    def row(self) -> int:
        return self._row

    def show_slide(self, row: int) -> None:
        """Edit the slide at `row` (-1: none; the slide fields are then disabled)."""
        if row != self._row:
            self._document.end_typing_burst()
        self._row = row
        slides = self._document.essay.slides
        valid = 0 <= row < len(slides)
        for widget in (self.caption, self.credit, self.alt_text, self.notes, self.image):
            widget.setEnabled(valid)
        slide = slides[row] if valid else None
        self.replace_button.setEnabled(valid)
        self.relink_button.setEnabled(slide is not None and slide.image is not None)
        self.slide_heading.setText(f"Slide {row + 1} of {len(slides)}" if valid else "No slide")
        for field, binding in self._slide_bindings.items():
            value = getattr(slide, field) if slide is not None else ""
            binding.show_value(value, value)
        self.image.setText(self._photo_text(slide.image) if slide else "")
        self.image.setToolTip(slide.image or "" if slide else "")  # the whole path, on hover
        # Show the end of a long path: the file name is what tells photos apart.
        self.image.setCursorPosition(len(self.image.text()))

    def _photo_text(self, image: str | None) -> str:
        """The photo as the user thinks of it: relative to the essay's folder when inside it
        (photos/pier.jpg), else the full path or web address."""
        if image is None:
            return "(text slide: no photo)"
        path = self._document.path
        if path is None or "://" in image or not os.path.isabs(image):
            return image
        folder = os.path.dirname(os.path.abspath(path))
        try:
            relative = os.path.relpath(image, folder)
        except ValueError:  # another drive on Windows
            return image
        return image if relative.startswith(os.pardir) else relative

    def _on_slide_changed(self, row: int) -> None:
        if row == self._row:
            self.show_slide(row)

    def refresh_essay(self) -> None:
        essay = self._document.essay
        for field in ("title", "standfirst"):
            self._essay_bindings[field].show_value(getattr(essay, field), getattr(essay, field))
        self._essay_bindings["body"].show_value(essay.body, body_text(essay.body))
        self._essay_bindings["language"].show_value(essay.language, essay.language or "")
        if self._row >= len(essay.slides):
            self.show_slide(-1)

    def field_widget(self, field: str) -> TextWidget | None:
        """The widget that edits `field` ("caption", "title", "image"...), if there is one."""
        widgets: dict[str, TextWidget] = {
            "caption": self.caption,
            "credit": self.credit,
            "alt_text": self.alt_text,
            "notes": self.notes,
            "image": self.image,
            "title": self.title,
            "standfirst": self.standfirst,
            "body": self.body,
            "language": self.language,
        }
        return widgets.get(field)

    def focus_field(self, field: str, start: int | None = None, end: int | None = None) -> None:
        """Bring `field` forward and focus it, selecting characters start..end if given.

        "body[2]" (how preflight names a paragraph, 0-based) selects that paragraph of the body.
        """
        paragraph = _PARAGRAPH.fullmatch(field)
        if paragraph is not None:
            field = "body"
            index = int(paragraph.group(1))
            paragraphs = self._document.essay.body
            if index < len(paragraphs) and start is None:
                start = len(body_text(paragraphs[:index])) + (2 if index else 0)
                end = start + len(paragraphs[index])
        widget = self.field_widget(field)
        if widget is None:
            return
        self.setCurrentWidget(self.essay_page if field in ESSAY_FIELDS else self.slide_page)
        widget.setFocus()
        if start is None or end is None:
            return
        if isinstance(widget, QLineEdit):
            widget.setSelection(start, end - start)
        else:
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()
