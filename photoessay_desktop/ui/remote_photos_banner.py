"""The bar above the slides that names an essay's remote photo hosts and asks before loading them.

Like a mail client's "load remote content" bar: loading a photo tells its host that the essay was
opened, so the user decides. It only asks (signals); it never fetches and never stores the choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

_SHOWN_HOSTS = 3


class RemotePhotosBanner(QFrame):
    """Hidden until set_hosts() names hosts; emits allow_requested or dismissed."""

    allow_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remotePhotosBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#remotePhotosBanner { background: palette(tooltip-base); color: palette(tooltip-text);"
            " border: 1px solid palette(mid); border-radius: 4px; }"
        )
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setAccessibleName("Remote photos")
        self._allow = QPushButton("&Load Remote Photos", self)
        self._allow.setToolTip("Fetch this essay's photos from the hosts named here")
        self._dismiss = QPushButton("Not Now", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._message, 1)
        layout.addWidget(self._allow)
        layout.addWidget(self._dismiss)
        self._allow.clicked.connect(self._on_allow)
        self._dismiss.clicked.connect(self._on_dismiss)
        self._hosts: tuple[str, ...] = ()
        self.hide()

    @property
    def hosts(self) -> tuple[str, ...]:
        """The hosts the banner currently names."""
        return self._hosts

    def message(self) -> str:
        """The sentence shown to the user."""
        return self._message.text()

    def set_hosts(self, hosts: Sequence[str]) -> None:
        """Name these hosts and show the banner; an empty list hides it."""
        self._hosts = tuple(hosts)
        if not self._hosts:
            self.hide()
            return
        self._message.setText(banner_text(self._hosts))
        self._message.setToolTip("\n".join(self._hosts))
        self.show()

    def _on_allow(self) -> None:
        self.hide()
        self.allow_requested.emit()

    def _on_dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


def banner_text(hosts: Sequence[str]) -> str:
    """ "Photos in this essay come from a.org and b.com. Loading them tells those sites ..." """
    shown = list(hosts[:_SHOWN_HOSTS])
    rest = len(hosts) - len(shown)
    if rest:
        named = ", ".join(shown) + f" and {rest} more site{'s' if rest > 1 else ''}"
    elif len(shown) == 1:
        named = shown[0]
    else:
        named = ", ".join(shown[:-1]) + " and " + shown[-1]
    who = "that site" if len(hosts) == 1 else "those sites"
    return (
        f"Photos in this essay are on {named}. They are not loaded yet: "
        f"loading them tells {who} that you opened the essay."
    )
