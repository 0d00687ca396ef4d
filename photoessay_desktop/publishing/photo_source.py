"""Finds the local file behind each slide's photo for an export, or says why there is none.

Shared by the web and PDF exports so both treat a remote photo the same way: it is used only when
the local cache already holds it (an export never fetches), and a network-share photo only when
the user allowed those. Reading the pixels is imaging's job, not this module's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from photoessay_desktop.domain.essay import Slide
from photoessay_desktop.domain.image_ref import ImageRefKind, remote_host

# Where a caller finds an already-downloaded copy of a remote photo (None: not downloaded).
RemoteCache = Callable[[str], Path | None]


@dataclass(frozen=True, slots=True)
class MissingPhoto:
    """A slide whose photo is not in the export; `note` tells the reader why, in plain words."""

    note: str


def no_remote_cache(_url: str) -> Path | None:
    """The cache of a caller that has downloaded nothing."""
    return None


class PhotoSources:
    """Resolves slide photos to local files, collecting the warnings an export returns."""

    def __init__(
        self, remote_cache: RemoteCache | None = None, *, allow_network_paths: bool = False
    ) -> None:
        self._remote_cache = remote_cache or no_remote_cache
        self._allow_network_paths = allow_network_paths
        self.warnings: list[str] = []

    def source(self, number: int, slide: Slide) -> Path | MissingPhoto | None:
        """The file to read for slide `number` (1-based), a MissingPhoto, or None (text slide)."""
        ref = slide.image
        if ref is None:
            return None
        kind = slide.image_kind
        if kind is ImageRefKind.REMOTE:
            cached = self._remote_cache(ref)
            if cached is not None:
                return cached
            self.warnings.append(
                f"Slide {number}: the photo at {ref} has not been downloaded, so the export shows "
                "its caption and credit with a note instead (an export fetches nothing)."
            )
            return MissingPhoto(
                f"Photo not included: it is on {remote_host(ref)} and had not been downloaded "
                "when this export was made."
            )
        if kind is ImageRefKind.NETWORK and not self._allow_network_paths:
            self.warnings.append(
                f"Slide {number}: the photo is on a network share ({ref}), which PhotoEssay may "
                "not open; allow network photos in Preferences to include it."
            )
            return MissingPhoto("Photo not included: it is on a network share.")
        return Path(ref)

    def unreadable(self, number: int, path: Path, reason: str) -> MissingPhoto:
        """Record that the file for slide `number` could not be decoded, and say so on the page."""
        missing, warning = unreadable_photo(number, path, reason)
        self.warnings.append(warning)
        return missing


def unreadable_photo(number: int, path: Path, reason: str) -> tuple[MissingPhoto, str]:
    """The note on the page and the warning for a photo file imaging could not decode."""
    return (
        MissingPhoto(f"Photo not included: {reason}."),
        f"Slide {number}: the photo was left out ({reason}): {path}",
    )
