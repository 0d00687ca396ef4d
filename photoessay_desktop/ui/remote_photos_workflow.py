"""Asks before loading an essay's web photos: shows the remote-photos banner for hosts not yet
allowed, and on "Load Remote Photos" remembers the choice for that essay file and lets the loader
and the slide list fetch from those hosts.

Fetching and remembering are injected (imaging's loader and permission store in the app); without
them the banner stays hidden and web photos keep their "not fetched" placeholder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_ref import is_remote, remote_host
from photoessay_desktop.qt_models.slide_list_model import SlideListModel
from photoessay_desktop.ui.remote_photos_banner import RemotePhotosBanner

AllowHosts = Callable[[Iterable[str]], None]


class RemotePermissions(Protocol):
    """Per-essay-file memory of allowed hosts (imaging.remote_permissions has this shape)."""

    def allowed_hosts(self, essay_path: Path) -> frozenset[str]: ...

    def allow(self, essay_path: Path, hosts: Iterable[str]) -> None: ...


def remote_hosts(essay: Essay) -> tuple[str, ...]:
    """The distinct lower-case hosts of the essay's web photos, sorted."""
    hosts = {
        remote_host(slide.image).lower()
        for slide in essay.slides
        if slide.image is not None and is_remote(slide.image)
    }
    return tuple(sorted(host for host in hosts if host))


class RemotePhotosWorkflow(QObject):
    """Keeps the banner, the loader's allowed hosts and the list's placeholders in step."""

    def __init__(
        self,
        banner: RemotePhotosBanner,
        document: EssayDocument,
        model: SlideListModel,
        permissions: RemotePermissions | None,
        allow_hosts: AllowHosts | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._banner = banner
        self._document = document
        self._model = model
        self._permissions = permissions
        self._allow_hosts = allow_hosts
        self._allowed: frozenset[str] = frozenset()
        self._dismissed: frozenset[str] = frozenset()
        banner.allow_requested.connect(self.allow_all)
        banner.dismissed.connect(self._on_dismissed)
        document.essay_replaced.connect(self._on_essay_replaced)
        document.path_changed.connect(self._on_path_changed)
        document.slides_inserted.connect(self._refresh_banner)
        document.slide_changed.connect(self._refresh_banner)

    @property
    def allowed(self) -> frozenset[str]:
        return self._allowed

    def _apply(self, hosts: frozenset[str]) -> None:
        self._allowed = hosts
        if self._allow_hosts is not None:
            self._allow_hosts(hosts)
        self._model.set_allowed_hosts(hosts)

    def _on_essay_replaced(self) -> None:
        path = self._document.path
        remembered = (
            self._permissions.allowed_hosts(path)
            if self._permissions is not None and path is not None
            else frozenset()
        )
        self._dismissed = frozenset()
        self._apply(frozenset(remembered))
        self._refresh_banner()

    def _refresh_banner(self, *_args: object) -> None:
        if self._allow_hosts is None:
            self._banner.set_hosts([])
            return
        skip = self._allowed | self._dismissed
        self._banner.set_hosts([h for h in remote_hosts(self._document.essay) if h not in skip])

    def allow_all(self) -> None:
        """Load the photos from every host the banner named, and remember it for this file."""
        hosts = frozenset(self._banner.hosts)
        path = self._document.path
        if self._permissions is not None and path is not None:
            self._permissions.allow(path, hosts)
        self._apply(self._allowed | hosts)
        self._banner.set_hosts([])

    def allow_essay_hosts(self) -> None:
        """Allow every host of the open essay: the user chose this text, as when importing an
        article, so its photos are what they asked for, not a stranger's tracking pixels."""
        self._apply(self._allowed | frozenset(remote_hosts(self._document.essay)))
        self._refresh_banner()

    def _on_path_changed(self) -> None:
        # An imported article becomes a file on its first save: remember its hosts for that file,
        # so reopening it does not ask about photos the user already chose to fetch.
        path = self._document.path
        if self._permissions is not None and path is not None and self._allowed:
            self._permissions.allow(path, self._allowed)

    def _on_dismissed(self) -> None:
        # "Not Now" holds for this opening of the essay; the next opening asks again.
        self._dismissed = self._dismissed | frozenset(self._banner.hosts)
