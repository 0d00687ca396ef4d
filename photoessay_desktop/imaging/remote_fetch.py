"""Fetch an http(s) photo into the cache folder under strict limits, for the loader's workers.

Connect and read timeouts plus an overall deadline, a byte cap enforced while streaming,
redirects followed only to http(s), and the same format allow-list and pixel limit as local files
before a download is kept. It never fetches another scheme and never decides permission itself.
http.client and ssl (with the email package behind them) load on the first download, not when the
editor starts (issue #5).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import platformdirs

from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.imaging.photo_open import open_photo

if TYPE_CHECKING:
    import http.client

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024
# Photo CDNs send image/* or, now and then, a generic binary type; the allow-list decides then.
_GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", ""})


def default_remote_folder() -> Path:
    """Where fetched remote photos are kept by default: the platform's per-user cache folder."""
    return Path(platformdirs.user_cache_dir("PhotoEssay", appauthor=False)) / "remote-photos"


class RemoteFetchError(ImageDecodeError):
    """A remote photo that could not be fetched; the reason names the host."""


class _RetryableError(Exception):
    """A failure worth one more try (dropped connection, timeout, 5xx)."""


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long to wait and how much to accept from a photo server."""

    max_bytes: int = 50 * 1024 * 1024
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    max_redirects: int = 5
    retries: int = 1
    retry_delay: float = 0.5


class RemoteFetcher:
    """Downloads photos into `folder` (one file per URL) and returns their local paths."""

    def __init__(
        self,
        folder: Path,
        *,
        limits: DecodeLimits | None = None,
        fetch_limits: FetchLimits | None = None,
        user_agent: str = "PhotoEssay/0.1",
    ) -> None:
        self._folder = folder
        self._limits = limits or DecodeLimits()
        self._fetch = fetch_limits or FetchLimits()
        self._user_agent = user_agent

    def cached_path(self, url: str) -> Path:
        """Where the photo from `url` is kept once fetched."""
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self._folder / digest[:2] / f"{digest}.photo"

    def forget(self, url: str) -> None:
        """Drop the cached copy so the next fetch downloads again."""
        self.cached_path(url).unlink(missing_ok=True)

    def fetch(self, url: str) -> Path:
        """The local path of the photo at `url`, downloaded if needed; raises RemoteFetchError."""
        host = _checked_host(url)
        target = self.cached_path(url)
        if target.is_file():
            return target
        attempts = self._fetch.retries + 1
        for attempt in range(attempts):
            try:
                return self._download(url, host, target)
            except _RetryableError as exc:
                if attempt + 1 == attempts:
                    raise RemoteFetchError(f"{host}: {exc}") from None
                time.sleep(self._fetch.retry_delay * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _download(self, url: str, host: str, target: Path) -> Path:
        deadline = time.monotonic() + self._fetch.total_timeout
        current = url
        for _ in range(self._fetch.max_redirects + 1):
            connection, response = self._open(current, host)
            try:
                if response.status in _REDIRECTS:
                    location = response.getheader("Location")
                    if not location:
                        raise RemoteFetchError(f"{host}: a redirect without a destination")
                    current = urljoin(current, location)
                    _checked_host(current, original=host)
                    continue
                return self._receive(response, host, target, deadline)
            finally:
                connection.close()
        raise RemoteFetchError(f"{host}: too many redirects")

    def _open(
        self, url: str, host: str
    ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
        import http.client
        import ssl

        parts = urlsplit(url)
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(
                parts.hostname or "",
                parts.port,
                timeout=self._fetch.connect_timeout,
                context=ssl.create_default_context(),
            )
        else:
            connection = http.client.HTTPConnection(
                parts.hostname or "", parts.port, timeout=self._fetch.connect_timeout
            )
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            connection.connect()
            if connection.sock is not None:
                connection.sock.settimeout(self._fetch.read_timeout)
            connection.request(
                "GET",
                path,
                headers={"User-Agent": self._user_agent, "Accept": "image/*"},
            )
            response = connection.getresponse()
        except TimeoutError:
            connection.close()
            raise _RetryableError("the server did not answer in time") from None
        except ssl.SSLError as exc:
            connection.close()
            raise RemoteFetchError(f"{host}: a secure connection failed ({exc.reason})") from None
        except OSError as exc:
            connection.close()
            raise _RetryableError(f"cannot connect ({exc.strerror or exc})") from None
        except http.client.HTTPException as exc:
            connection.close()
            raise _RetryableError(
                f"the server broke the connection ({type(exc).__name__})"
            ) from None
        if response.status in _RETRYABLE_STATUS:
            connection.close()
            raise _RetryableError(f"the server is busy or failing (HTTP {response.status})")
        return connection, response

    def _receive(
        self, response: http.client.HTTPResponse, host: str, target: Path, deadline: float
    ) -> Path:
        if response.status != 200:
            raise RemoteFetchError(f"{host}: the server answered HTTP {response.status}")
        content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        if not content_type.startswith("image/") and content_type not in _GENERIC_TYPES:
            raise RemoteFetchError(f"{host}: the server sent {content_type}, not a photo")
        cap = self._fetch.max_bytes
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise RemoteFetchError(f"{host}: the photo is {_mb(int(declared))}, over {_mb(cap)}")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.{id(response)}.part")
        try:
            received = self._stream(response, partial, host, cap, deadline)
            if declared and declared.isdigit() and received < int(declared):
                raise _RetryableError("the connection dropped before the photo was complete")
            try:
                with open_photo(partial, self._limits):
                    pass  # the allow-list and the pixel limit, before the file is kept
            except ImageDecodeError as exc:
                raise RemoteFetchError(f"{host}: {exc}") from None
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def _stream(
        self,
        response: http.client.HTTPResponse,
        partial: Path,
        host: str,
        cap: int,
        deadline: float,
    ) -> int:
        import http.client

        received = 0
        with partial.open("wb") as stream:
            while True:
                if time.monotonic() > deadline:
                    raise _RetryableError("the download took too long")
                try:
                    chunk = response.read1(_CHUNK)
                except TimeoutError:
                    raise _RetryableError("the server stopped sending") from None
                except (http.client.IncompleteRead, ConnectionError, OSError):
                    raise _RetryableError(
                        "the connection dropped before the photo was complete"
                    ) from None
                if not chunk:
                    return received
                received += len(chunk)
                if received > cap:
                    raise RemoteFetchError(f"{host}: the photo is over {_mb(cap)}")
                stream.write(chunk)


def _checked_host(url: str, original: str | None = None) -> str:
    try:
        kind = image_ref_kind(url)
    except UnsafeImageRefError as exc:
        where = f"{original}: " if original else ""
        raise RemoteFetchError(f"{where}a redirect to a refused address ({exc})") from None
    if kind is not ImageRefKind.REMOTE:
        raise RemoteFetchError(f"{original or url}: only http(s) photos are fetched")
    return urlsplit(url).hostname or ""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
