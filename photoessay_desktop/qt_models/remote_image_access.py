"""The per-essay remote-photo decision, as the main window needs it: what to ask, what is allowed.

Joins the remembered permissions (imaging.remote_permissions) to the loader: an essay opened from
a file fetches nothing until the user allows its hosts; an imported article is allowed. It asks
nobody itself; the window shows the banner and calls allow(). No widgets here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.imaging.remote_permissions import RemotePhotoPermissions, essay_remote_hosts
from photoessay_desktop.qt_models.image_loader import ImageLoader


class RemoteImageAccess(QObject):
    """Tracks the open essay's remote hosts and tells the loader which it may fetch."""

    hosts_to_ask_changed = Signal(list)  # hosts the banner should name ([] hides it)
    hosts_allowed = Signal()  # the window re-requests its remote photos now

    def __init__(
        self,
        loader: ImageLoader,
        permissions: RemotePhotoPermissions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._permissions = permissions
        self._essay = Essay()
        self._path: Path | None = None
        self._session_allowed: frozenset[str] = frozenset()

    def essay_opened(self, essay: Essay, path: Path | None, *, imported: bool = False) -> None:
        """A new essay is on screen: from `path` (None: unsaved), or imported from an article."""
        self._essay = essay
        self._path = path
        hosts = essay_remote_hosts(essay)
        self._session_allowed = frozenset(hosts) if imported else frozenset()
        if imported and path is not None:
            self._permissions.allow(path, hosts)
        self._publish()

    def essay_changed(self, essay: Essay) -> None:
        """Slides were edited: a newly pasted remote photo may need asking about."""
        self._essay = essay
        self._publish()

    def essay_saved(self, path: Path) -> None:
        """Saved (perhaps under a new name): what was allowed stays allowed for that file."""
        self._path = path
        allowed = self._allowed()
        if allowed:
            self._permissions.allow(path, allowed)

    def allow(self) -> None:
        """The user allowed the hosts named in the banner: remember, then fetch."""
        hosts = essay_remote_hosts(self._essay)
        self._session_allowed |= frozenset(hosts)
        if self._path is not None:
            self._permissions.allow(self._path, hosts)
        self._publish()
        self.hosts_allowed.emit()

    def hosts_to_ask(self) -> list[str]:
        """The essay's hosts not allowed yet."""
        allowed = self._allowed()
        return [host for host in essay_remote_hosts(self._essay) if host not in allowed]

    def _allowed(self) -> frozenset[str]:
        stored = self._permissions.allowed_hosts(self._path) if self._path else frozenset()
        return stored | self._session_allowed

    def _publish(self) -> None:
        self._loader.set_allowed_hosts(self._allowed())
        self.hosts_to_ask_changed.emit(self.hosts_to_ask())
