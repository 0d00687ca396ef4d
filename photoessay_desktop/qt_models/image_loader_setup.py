"""Build the app's ImageLoader from the user's preferences: pixel limit, memory bound, disk cache.

Kept apart from the loader so tests build loaders with plain arguments, and the composition root
has one call to make. It reads preferences; it never writes them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from photoessay_desktop.imaging.decode_limits import DecodeLimits, megapixels
from photoessay_desktop.imaging.remote_fetch import FetchLimits, RemoteFetcher
from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.settings.preferences import Preferences

_MB = 1024 * 1024


def decode_limits(preferences: Preferences) -> DecodeLimits:
    """The allow-list with the user's pixel limit (HEIC too when the plug-in is installed: the
    photo opener registers it on the first HEIC file, so start-up does not import it)."""
    return DecodeLimits(max_pixels=megapixels(preferences.photo_pixel_limit_mp))


def image_loader_from_preferences(
    parent: QObject | None,
    preferences: Preferences,
    *,
    thumbnail_folder: Path,
    remote_folder: Path | None = None,
) -> ImageLoader:
    """The loader the app uses; remote fetching only when `remote_folder` is given."""
    limits = decode_limits(preferences)
    remote = None
    if remote_folder is not None:
        fetch = FetchLimits(max_bytes=preferences.remote_photo_max_mb * _MB)
        remote = RemoteFetcher(remote_folder, limits=limits, fetch_limits=fetch)
    return ImageLoader(
        parent,
        memory_cache_bytes=preferences.image_memory_cache_mb * _MB,
        limits=limits,
        thumbnails=ThumbnailCache(thumbnail_folder),
        remote=remote,
    )
