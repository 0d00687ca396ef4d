"""Finds remote photos the app has already downloaded, so an export can use them without fetching.

Reads imaging's download cache (the folder RemoteFetcher fills once the user allowed a host); it
never downloads, so an export still fetches nothing from other sites.
"""

from __future__ import annotations

from pathlib import Path

from photoessay_desktop.imaging.remote_fetch import RemoteFetcher, default_remote_folder
from photoessay_desktop.publishing.photo_source import RemoteCache


def downloaded_photos(folder: Path | None = None) -> RemoteCache:
    """A lookup url -> local copy (or None when not downloaded) over the download cache."""
    fetcher = RemoteFetcher(folder or default_remote_folder())

    def cached(url: str) -> Path | None:
        path = fetcher.cached_path(url)
        return path if path.is_file() else None

    return cached
