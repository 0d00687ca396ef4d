"""RemoteFetcher against a real server on 127.0.0.1: the good, the slow, the wrong, the hostile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.remote_fetch import FetchLimits, RemoteFetcher, RemoteFetchError
from tests.imaging.photo_server import PhotoServer

QUICK = FetchLimits(
    max_bytes=2 * 1024 * 1024,
    connect_timeout=2.0,
    read_timeout=0.5,
    total_timeout=3.0,
    retries=1,
    retry_delay=0.05,
)


@pytest.fixture
def fetcher(tmp_path: Path) -> RemoteFetcher:
    return RemoteFetcher(tmp_path / "Кэш remote", fetch_limits=QUICK)


def failure(fetcher: RemoteFetcher, url: str) -> str:
    with pytest.raises(RemoteFetchError) as caught:
        fetcher.fetch(url)
    return str(caught.value)


def test_fetches_once_into_the_cache_folder(
    fetcher: RemoteFetcher, photo_server: PhotoServer
) -> None:
    url = photo_server.url("/photo.jpg?w=1200&q=80")
    path = fetcher.fetch(url)
    assert path.read_bytes() == photo_server.photo
    assert path == fetcher.cached_path(url)
    assert Image.open(path).size == (120, 80)
    assert fetcher.fetch(url) == path
    assert photo_server.hits["/photo.jpg"] == 1  # the second call came from the cache
    fetcher.forget(url)
    fetcher.fetch(url)
    assert photo_server.hits["/photo.jpg"] == 2


def test_generic_binary_type_is_accepted_when_the_bytes_are_a_photo(
    fetcher: RemoteFetcher, photo_server: PhotoServer
) -> None:
    assert fetcher.fetch(photo_server.url("/octet.jpg")).stat().st_size == len(photo_server.photo)


def test_follows_http_redirects(fetcher: RemoteFetcher, photo_server: PhotoServer) -> None:
    assert fetcher.fetch(photo_server.url("/redirect.jpg")).read_bytes() == photo_server.photo


@pytest.mark.parametrize("route", ["/redirect-ftp.jpg", "/redirect-file.jpg"])
def test_refuses_redirects_to_other_schemes(
    fetcher: RemoteFetcher, photo_server: PhotoServer, route: str
) -> None:
    message = failure(fetcher, photo_server.url(route))
    assert "127.0.0.1" in message and "not allowed" in message


def test_redirect_loop(fetcher: RemoteFetcher, photo_server: PhotoServer) -> None:
    assert "too many redirects" in failure(fetcher, photo_server.url("/loop.jpg"))


def test_404(fetcher: RemoteFetcher, photo_server: PhotoServer) -> None:
    message = failure(fetcher, photo_server.url("/missing.jpg"))
    assert message == "127.0.0.1: the server answered HTTP 404"
    assert photo_server.hits["/missing.jpg"] == 1  # a 404 is not retried


def test_503_is_retried_then_reported(fetcher: RemoteFetcher, photo_server: PhotoServer) -> None:
    assert "HTTP 503" in failure(fetcher, photo_server.url("/busy.jpg"))
    assert photo_server.hits["/busy.jpg"] == 2


def test_wrong_content_type(fetcher: RemoteFetcher, photo_server: PhotoServer) -> None:
    assert "text/html, not a photo" in failure(fetcher, photo_server.url("/page.jpg"))


def test_slow_server_times_out(fetcher: RemoteFetcher, photo_server: PhotoServer) -> None:
    assert "did not answer in time" in failure(fetcher, photo_server.url("/slow.jpg"))


def test_trickling_server_hits_the_overall_deadline(
    fetcher: RemoteFetcher, photo_server: PhotoServer
) -> None:
    # One byte every 100 ms never trips the read timeout; the deadline stops it.
    one_try = FetchLimits(read_timeout=1.0, total_timeout=0.8, retries=0)
    fetcher = RemoteFetcher(fetcher.cached_path("x").parent.parent, fetch_limits=one_try)
    assert "took too long" in failure(fetcher, photo_server.url("/trickle.jpg"))


def test_declared_oversize_is_refused_before_reading(
    fetcher: RemoteFetcher, photo_server: PhotoServer
) -> None:
    assert "500.0 MB, over 2.0 MB" in failure(fetcher, photo_server.url("/huge.jpg"))


def test_undeclared_oversize_is_cut_off_while_streaming(
    fetcher: RemoteFetcher, photo_server: PhotoServer, tmp_path: Path
) -> None:
    assert "over 0.5 MB" in failure(
        RemoteFetcher(tmp_path / "c", fetch_limits=FetchLimits(max_bytes=512 * 1024)),
        photo_server.url("/endless.jpg"),
    )
    assert not list((tmp_path / "c").rglob("*.part"))


def test_dropped_connection_is_retried_then_reported(
    fetcher: RemoteFetcher, photo_server: PhotoServer
) -> None:
    assert "dropped" in failure(fetcher, photo_server.url("/drop.jpg"))
    assert photo_server.hits["/drop.jpg"] == 2
    assert not fetcher.cached_path(photo_server.url("/drop.jpg")).exists()


def test_one_dropped_connection_is_survived_by_the_retry(
    fetcher: RemoteFetcher, photo_server: PhotoServer
) -> None:
    assert fetcher.fetch(photo_server.url("/flaky.jpg")).read_bytes() == photo_server.photo
    assert photo_server.hits["/flaky.jpg"] == 2


def test_same_allow_list_and_pixel_limit_as_local_files(
    fetcher: RemoteFetcher, photo_server: PhotoServer, tmp_path: Path
) -> None:
    assert "EPS" in failure(fetcher, photo_server.url("/eps.jpg"))
    strict = RemoteFetcher(tmp_path / "s", limits=DecodeLimits(max_pixels=1000), fetch_limits=QUICK)
    assert "limit" in failure(strict, photo_server.url("/bomb.png"))
    assert "limit" in failure(strict, photo_server.url("/photo.jpg"))
    assert not fetcher.cached_path(photo_server.url("/eps.jpg")).exists()


def test_nothing_but_http_is_ever_fetched(fetcher: RemoteFetcher) -> None:
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/a.jpg", "/local/path.jpg", "data:,x"):
        with pytest.raises(RemoteFetchError):
            fetcher.fetch(url)


def test_nobody_listening(fetcher: RemoteFetcher, photo_server: PhotoServer) -> None:
    url = f"http://127.0.0.1:{photo_server.port}/photo.jpg".replace(str(photo_server.port), "9")
    assert "cannot connect" in failure(fetcher, url)


def test_default_folder_is_in_the_platform_cache() -> None:
    from photoessay_desktop.imaging.remote_fetch import default_remote_folder

    assert default_remote_folder().name == "remote-photos"
    assert "PhotoEssay" in str(default_remote_folder())
