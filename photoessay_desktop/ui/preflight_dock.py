"""The preflight panel: the current essay's editorial findings, refreshed as the user types.

Activating a finding (double-click or Enter) asks the window to select its slide and focus its
field; the panel itself changes nothing. Messages are shown as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStyle,
    QWidget,
)

if TYPE_CHECKING:
    from photoessay_desktop.document.preflight_runner import PreflightRunner

DOCK_NAME = "preflightDock"
DOCK_TITLE = "Preflight"
# The dock's height in a new window: a few findings without taking the photo's room.
DOCK_HEIGHT = 130

_FIELD_NAMES = {
    "alt_text": "alt text",
    "notes": "presenter notes",
    "image": "photo",
}


def severity_name(severity: object) -> str:
    """ "error", "warning" or "info" from an enum member or a string."""
    value = getattr(severity, "value", severity)
    return str(value).lower()


def dock_place(parent: QMainWindow) -> QDockWidget:
    """An empty dock where the findings will be, while the editor opens: restoring the window's
    state places it as the user left the panel (shown or not, and its height)."""
    place = QDockWidget(DOCK_TITLE, parent)
    place.setObjectName(DOCK_NAME)
    place.setWidget(QListWidget(place))
    parent.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, place)
    parent.resizeDocks([place], [DOCK_HEIGHT], Qt.Orientation.Vertical)
    return place


class PreflightDock(QDockWidget):
    """A dock listing findings; emits `finding_activated(row, field)` (row -1: essay fields)."""

    finding_activated = Signal(int, str)

    def __init__(self, runner: PreflightRunner, parent: QWidget | None = None) -> None:
        super().__init__(DOCK_TITLE, parent)
        self.setObjectName(DOCK_NAME)
        self._runner = runner
        self.list = QListWidget(self)
        self.list.setObjectName("preflightList")
        self.list.setAccessibleName("Preflight findings")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._on_activated)
        self.setWidget(self.list)
        runner.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        findings = self._runner.findings
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        info_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for finding in findings:
            where = f"Slide {finding.slide}" if finding.slide is not None else "Essay"
            field = finding.field or ""
            if field:
                where += f", {_FIELD_NAMES.get(field, field.replace('_', ' '))}"
            # QListWidgetItem text is never parsed as rich text.
            item = QListWidgetItem(f"{where}: {finding.message}")
            item.setIcon(icons.get(severity_name(finding.severity), info_icon))
            row = finding.slide - 1 if finding.slide is not None else -1
            item.setData(Qt.ItemDataRole.UserRole, (row, field))
            item.setToolTip(f"{severity_name(finding.severity)} ({finding.code})")
            self.list.addItem(item)
        count = len(findings)
        self.setWindowTitle(DOCK_TITLE if not count else f"{DOCK_TITLE} ({count})")
        if not count:
            item = QListWidgetItem("No findings: the essay is ready.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)

    def _on_activated(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data is None:
            return
        row, field = data
        self.finding_activated.emit(int(row), str(field))
