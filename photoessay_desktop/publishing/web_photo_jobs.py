"""Makes the web copies of an essay's photos on a few threads, reporting each one as it is done.

Pillow releases the GIL while it decodes, resizes and encodes, so two cores make the export about
twice as fast. Cancelling stops queued photos at once and waits only for the ones in progress.
Results are keyed by slide number, so the page and the warnings keep the essay's order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.publishing.photo_source import MissingPhoto, unreadable_photo
from photoessay_desktop.publishing.web_images import WebPhoto, decode_for_web, write_web_photo

# Each worker holds one decoded 2048 px photo and its copies (~30 MB): four is plenty.
MAX_WORKERS = 4


@dataclass(frozen=True, slots=True)
class PhotoJob:
    """One slide's photo to publish: its number, the file stem for its copies, the local file."""

    number: int
    stem: str
    source: Path


@dataclass(frozen=True, slots=True)
class PhotoOutcome:
    """The copies made (or why there are none) and the warning to return, if any."""

    content: WebPhoto | MissingPhoto
    warning: str | None = None


def default_workers() -> int:
    """Threads for photo work: one per core, at most MAX_WORKERS."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _make_one(job: PhotoJob, folder: Path) -> PhotoOutcome:
    try:
        image = decode_for_web(job.source)
    except ImageDecodeError as exc:
        missing, warning = unreadable_photo(job.number, job.source, str(exc))
        return PhotoOutcome(missing, warning)
    with image:
        return PhotoOutcome(write_web_photo(image, folder, job.stem))


def make_web_photos(
    jobs: Sequence[PhotoJob],
    folder: Path,
    on_done: Callable[[int], None],
    workers: int | None = None,
) -> dict[int, PhotoOutcome]:
    """Publish every job's photo into folder; on_done(count) after each (it may raise to stop)."""
    outcomes: dict[int, PhotoOutcome] = {}
    pool = ThreadPoolExecutor(max_workers=workers or default_workers())
    try:
        futures = {pool.submit(_make_one, job, folder): job.number for job in jobs}
        for future in as_completed(futures):
            outcomes[futures[future]] = future.result()
            on_done(len(outcomes))
    finally:
        # After a cancel or an error: drop the queued photos, wait for the ones being written.
        pool.shutdown(wait=True, cancel_futures=True)
    return outcomes
