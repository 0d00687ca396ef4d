"""Which remote photo hosts the user allowed, per essay file, kept in the app's own state folder.

A remote photo in an essay someone sent is a tracking pixel, so nothing is fetched until the user
allows the hosts. The choice is stored under platformdirs' state folder keyed by the essay's path,
never in the essay file, which may come from a stranger. It fetches nothing itself.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_ref import is_remote, remote_host
from photoessay_desktop.imaging.atomic_write import replace_file

_FORMAT = 1


def default_permissions_file() -> Path:
    """Where the remembered choices live by default."""
    state = platformdirs.user_state_dir("PhotoEssay", appauthor=False)
    return Path(state) / "remote-photo-permissions.json"


def essay_remote_hosts(essay: Essay) -> tuple[str, ...]:
    """The distinct hosts of the essay's http(s) photos, sorted, lower-case."""
    hosts = {
        remote_host(slide.image).lower()
        for slide in essay.slides
        if slide.image is not None and is_remote(slide.image)
    }
    return tuple(sorted(host for host in hosts if host))


class RemotePhotoPermissions:
    """The remembered per-essay host allowances, read from and written to one JSON file."""

    def __init__(self, state_file: Path) -> None:
        self._file = state_file
        self._essays: dict[str, frozenset[str]] = self._load()

    def allowed_hosts(self, essay_path: Path) -> frozenset[str]:
        """Hosts the user allowed for the essay saved at `essay_path` (empty if none)."""
        return self._essays.get(_essay_key(essay_path), frozenset())

    def hosts_to_ask(self, essay: Essay, essay_path: Path) -> tuple[str, ...]:
        """The essay's hosts the user has not allowed yet: what the banner names."""
        allowed = self.allowed_hosts(essay_path)
        return tuple(host for host in essay_remote_hosts(essay) if host not in allowed)

    def allow(self, essay_path: Path, hosts: Iterable[str]) -> None:
        """Remember `hosts` as allowed for this essay (added to earlier ones) and save."""
        key = _essay_key(essay_path)
        self._essays[key] = self._essays.get(key, frozenset()) | {h.lower() for h in hosts}
        self._save()

    def revoke(self, essay_path: Path) -> None:
        """Forget every allowance for this essay and save."""
        if self._essays.pop(_essay_key(essay_path), None) is not None:
            self._save()

    def _load(self) -> dict[str, frozenset[str]]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # missing or damaged: ask again rather than fetch without asking
        essays = data.get("essays") if isinstance(data, dict) else None
        if not isinstance(essays, dict):
            return {}
        return {
            str(path): frozenset(h for h in hosts if isinstance(h, str))
            for path, hosts in essays.items()
            if isinstance(hosts, list)
        }

    def _save(self) -> None:
        payload = {
            "format": _FORMAT,
            "essays": {path: sorted(hosts) for path, hosts in sorted(self._essays.items())},
        }
        text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
        replace_file(self._file, text.encode("utf-8"))


def _essay_key(essay_path: Path) -> str:
    return os.path.normcase(os.path.abspath(essay_path))
