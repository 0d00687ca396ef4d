"""The display image loader: decodes photos in a thread pool and delivers QImages by signal.

Requests are keyed by the caller ("slide-12", "viewer"); a new request under the same key
supersedes the old one, cancelled requests are dropped before they start, results go into a
byte-bounded LRU cache, and neighbours can be prefetched. Thumbnails already in the disk cache are
read in batches (thumbnail_batch.py). When a photo changes on disk (photo_versions.py) its old
pixels are forgotten and `photo_changed` tells the views. The GUI thread never waits on a decode.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    QRunnable,
    QSize,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage

from photoessay_desktop.domain.image_ref import (
    ImageRefKind,
    UnsafeImageRefError,
    image_ref_kind,
    remote_host,
)
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.decode_process import DecodeProcessPool
from photoessay_desktop.imaging.file_version import FileVersion
from photoessay_desktop.imaging.remote_fetch import RemoteFetcher
from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache
from photoessay_desktop.qt_models.image_display_decoder import DisplayDecoder
from photoessay_desktop.qt_models.image_load_job import CANCELLED, JobRelay, LoadJob, LoadRunnable
from photoessay_desktop.qt_models.image_memory_cache import ImageCacheKey, ImageMemoryCache
from photoessay_desktop.qt_models.photo_reads import PhotoReads
from photoessay_desktop.qt_models.photo_versions import (
    BEFORE_FIRST_TICKET,
    DEFAULT_WATCHED_FILES,
    Observation,
    PhotoVersions,
)
from photoessay_desktop.qt_models.thumbnail_batch import (
    BATCH_ROWS,
    BatchRelay,
    ThumbnailBatch,
)

DEFAULT_MEMORY_CACHE_BYTES = 512 * 1024 * 1024
DEFAULT_THUMBNAIL_MAX_SIDE = 512
_PREFETCH_PRIORITY = -10


class ImageLoader(QObject):
    """Asynchronous, cancellable, cached photo decoding for every view of the essay.

    image_ready is emitted before request() returns when the image is already in memory (so a
    prefetched slide shows in the same event), otherwise later from the event loop.
    """

    image_ready = Signal(str, QImage)  # key, image (upright, sRGB, fitted)
    image_failed = Signal(str, str)  # key, reason to show on the placeholder
    # A photo shown this session changed on disk (or vanished): views showing it request it again.
    photo_changed = Signal(str)  # ref

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        thread_count: int | None = None,
        memory_cache_bytes: int = DEFAULT_MEMORY_CACHE_BYTES,
        limits: DecodeLimits | None = None,
        background: tuple[int, int, int] = (0, 0, 0),
        thumbnails: ThumbnailCache | None = None,
        thumbnail_max_side: int = DEFAULT_THUMBNAIL_MAX_SIDE,
        remote: RemoteFetcher | None = None,
        watched_files: int = DEFAULT_WATCHED_FILES,
    ) -> None:
        app = QCoreApplication.instance()
        if app is None:
            # Qt adopts the first thread that uses QImageReader as its main thread; with no
            # application yet that would be a worker, and key handling breaks (MEASURED.md).
            raise RuntimeError("create the QApplication before the ImageLoader")
        super().__init__(parent)
        threads = max(1, thread_count or os.cpu_count() or 2)
        # Decodes run below the GUI thread (a key press must not wait for a core); Windows and
        # macOS honour the pool's priority, on Linux each job lowers its own thread.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._pool.setThreadPriority(QThread.Priority.LowPriority)
        # Reads of cached thumbnails are short and the list waits for them: a pool of their own
        # at normal priority (lowered threads took a fifth longer over the warm list of 1,000).
        self._read_pool = QThreadPool(self)
        self._read_pool.setMaxThreadCount(threads)
        self._cache = ImageMemoryCache(memory_cache_bytes)
        self._decoder = DisplayDecoder(
            limits=limits or DecodeLimits(),
            background=background,
            thumbnails=thumbnails,
            thumbnail_max_side=thumbnail_max_side,
        )
        self._thumbnails = thumbnails
        self._thumbnail_max_side = thumbnail_max_side
        self._remote = remote
        self._allowed_hosts: frozenset[str] = frozenset()
        self._relay = JobRelay(self)
        self._relay.finished.connect(self._on_finished)
        self._batch_relay = BatchRelay(self)
        self._batch_relay.finished.connect(self._on_batch_finished)
        # Small local requests gather here until the event loop turns (or a batch is full):
        # the rows one paint of the list asks for become one pool job.
        self._gathering: list[LoadJob] = []
        self._gather_timer = QTimer(self)
        self._gather_timer.setSingleShot(True)
        self._gather_timer.setInterval(0)
        self._gather_timer.timeout.connect(self._start_batch)
        self._batches: set[ThumbnailBatch] = set()  # queued or running; Qt holds no reference
        self._jobs: dict[ImageCacheKey, LoadJob] = {}
        tickets = itertools.count()
        self._versions = PhotoVersions(self, tickets=tickets, watched_files=watched_files)
        # What the workers run holds no QObject: a job's last reference may go on a worker thread.
        self._reads = PhotoReads(
            self._decoder,
            thumbnails=thumbnails,
            background=background,
            remote=remote,
            tickets=tickets,
        )
        self._versions.changed.connect(self._on_photo_changed)
        self._key_jobs: dict[str, ImageCacheKey] = {}
        self._decodes_started = 0
        self._batches_started = 0
        self._closed = False  # after shutdown(): nothing new starts (see there)
        # Pillow decodes run in worker processes: they end with the app, never outlive it.
        app.aboutToQuit.connect(self.shutdown)

    # --- requests -------------------------------------------------------------------------

    def request(self, key: str, ref: str, size: QSize, *, priority: int = 0) -> None:
        """Deliver `ref` fitted into `size` (invalid size: full size) to `key` by signal."""
        cache_key = _cache_key(ref, size)
        self._detach(key, unless=cache_key)
        cached = self._cache.get(cache_key, self._versions.known(ref))
        if cached is not None:
            self.image_ready.emit(key, cached)
            return
        blocked = self._blocked_reason(ref)
        if blocked:
            self.image_failed.emit(key, blocked)
            return
        job = self._live_job(cache_key)
        if job is None:
            job = self._start(cache_key, priority, prefetch=False)
        elif priority > job.priority:
            self._reprioritise(job, priority)
        job.keys.add(key)
        self._key_jobs[key] = cache_key

    def cancel(self, key: str) -> None:
        """Forget the request under `key`; its decode is dropped if nobody else wants it."""
        self._detach(key, unless=None)

    def cancel_all_except(self, keys: Iterable[str]) -> None:
        """Drop every request whose key is not in `keys` (the rows still on screen)."""
        keep = set(keys)
        for key in [key for key in self._key_jobs if key not in keep]:
            self._detach(key, unless=None)

    def prefetch(self, refs: Sequence[str], size: QSize) -> None:
        """Decode `refs` at `size` into memory ahead of time; drop earlier prefetches not listed."""
        wanted = {_cache_key(ref, size) for ref in refs}
        for job in list(self._jobs.values()):
            if job.prefetch and job.cache_key not in wanted:
                job.prefetch = False
                if not job.keys:
                    self._drop(job)
        for ref in refs:
            cache_key = _cache_key(ref, size)
            if self._cache.has(cache_key, self._versions.known(ref)) or self._blocked_reason(ref):
                continue
            existing = self._live_job(cache_key)
            if existing is not None:
                existing.prefetch = True
            else:
                self._start(cache_key, _PREFETCH_PRIORITY, prefetch=True)

    def is_cached(self, ref: str, size: QSize) -> bool:
        """True when `ref` at `size` would be delivered at once."""
        return self._cache.has(_cache_key(ref, size), self._versions.known(ref))

    def invalidate(self, ref: str) -> None:
        """Forget every decoded size of `ref` (the file changed, or a failed fetch is retried)."""
        self._cache.invalidate_ref(ref)

    def check_photos(self) -> None:
        """Look again at every photo shown (the app does this itself when it becomes active)."""
        self._versions.check()

    def photo_seen(self, ref: str, version: FileVersion) -> None:
        """`ref` is on screen from `version`, decoded outside the loader (the show's first photo,
        decoded before the loader existed): watch it as if the loader had read it, so that a
        change on disk is announced with `photo_changed` like any other."""
        self._versions.observe(ref, version, BEFORE_FIRST_TICKET)

    @property
    def photo_versions(self) -> PhotoVersions:
        """What is known and watched about the photos shown (for tests and the status bar)."""
        return self._versions

    # --- remote permission ------------------------------------------------------------------

    def set_allowed_hosts(self, hosts: Iterable[str]) -> None:
        """The hosts whose photos may be fetched for the essay now open (lower-case names)."""
        self._allowed_hosts = frozenset(host.lower() for host in hosts)

    # --- introspection for tests, the benchmark and the status bar --------------------------

    @property
    def pending_count(self) -> int:
        """Decodes queued or running that are still wanted."""
        return sum(1 for job in self._jobs.values() if job.wanted)

    @property
    def decodes_started(self) -> int:
        """How many decodes were actually run (cancelled ones are not)."""
        return self._decodes_started

    @property
    def batches_started(self) -> int:
        """How many batches of cached thumbnails were queued (each is one pool job)."""
        return self._batches_started

    @property
    def memory_cache(self) -> ImageMemoryCache:
        """The in-memory cache (read its total_bytes; do not fill it from outside)."""
        return self._cache

    @property
    def decode_processes(self) -> DecodeProcessPool:
        """The worker processes Pillow decodes run in (for tests and diagnostics)."""
        return self._decoder.processes

    def shutdown(self) -> None:
        """Drop every request, end the decode worker processes and wait for the threads to be
        idle (quitting, or a closed show), so the loader can then be deleted from anywhere.

        A QThreadPool destroyed while a job runs waits inside Qt holding Python's lock, which the
        job needs to hand its result over: the process hangs (seen when a loader was deleted from
        a posted event). Waiting here, from Python, releases the lock while it waits."""
        self._closed = True
        self.cancel_all_except(())
        self._versions.stop()
        self._decoder.close()  # a decode in a worker process ends now, not when it is done
        self._start_batch()
        self._read_pool.waitForDone()
        self._pool.waitForDone()

    def wait_for_idle(self, msecs: int = -1) -> bool:
        """Block until both pools are idle: for shutdown and benchmarks only, never in a slot."""
        self._start_batch()
        deadline = QDeadlineTimer(msecs)  # negative: no deadline
        return bool(self._read_pool.waitForDone(deadline) and self._pool.waitForDone(deadline))

    # --- internals --------------------------------------------------------------------------

    def _run_on_pool(
        self, runnable: QRunnable, priority: int, pool: QThreadPool | None = None
    ) -> None:
        # After shutdown a late result (a queued signal) must not start more work: a job running
        # when the loader is deleted hangs the process (see shutdown).
        if not self._closed:
            (pool or self._pool).start(runnable, priority)

    def _live_job(self, cache_key: ImageCacheKey) -> LoadJob | None:
        # A cancelled job may still be running; it cannot be revived (its worker may already have
        # skipped the work), so a new wish gets a new job and the old result only fills the cache.
        job = self._jobs.get(cache_key)
        return None if job is None or job.cancelled else job

    def _start(self, cache_key: ImageCacheKey, priority: int, *, prefetch: bool) -> LoadJob:
        job = LoadJob(cache_key, self._reads.decode, priority, prefetch=prefetch)
        self._jobs[cache_key] = job
        if self._batchable(cache_key):
            self._gathering.append(job)
            if len(self._gathering) >= BATCH_ROWS:
                self._start_batch()
            elif not self._gather_timer.isActive():
                self._gather_timer.start()
        else:
            self._queue(job)
        return job

    def _queue(self, job: LoadJob) -> None:
        job.runnable = LoadRunnable(job, self._relay)
        self._run_on_pool(job.runnable, job.priority)

    def _batchable(self, cache_key: ImageCacheKey) -> bool:
        # Only sizes the disk cache keeps (the list's thumbnails) are worth looking up in a batch.
        return (
            self._thumbnails is not None
            and 0 < max(cache_key.width, cache_key.height) <= self._thumbnail_max_side
            and image_ref_kind(cache_key.ref) is ImageRefKind.LOCAL
        )

    def _start_batch(self) -> None:
        self._gather_timer.stop()
        jobs, self._gathering = self._gathering, []
        if not jobs:
            return
        batch = ThumbnailBatch(jobs, self._reads.read_cached, self._batch_relay)
        for job in jobs:
            job.batch = batch
        self._batches.add(batch)
        self._batches_started += 1
        self._run_on_pool(batch, batch.priority, self._read_pool)

    def _on_batch_finished(
        self, batch: ThumbnailBatch, results: list[tuple[LoadJob, QImage | None]]
    ) -> None:
        self._batches.discard(batch)
        for job, image in results:
            job.batch = None
            if image is not None:
                self._on_finished(job, image, "")
            elif job.cancelled or self._jobs.get(job.cache_key) is not job:
                self._on_finished(job, None, CANCELLED)
            else:
                self._queue(job)  # not in the disk cache (or damaged there): decode the photo

    def _reprioritise(self, job: LoadJob, priority: int) -> None:
        job.priority = priority
        batch = job.batch
        if batch is not None and self._read_pool.tryTake(batch):
            self._run_on_pool(batch, batch.priority, self._read_pool)
        elif job.runnable is not None and self._pool.tryTake(job.runnable):
            self._run_on_pool(job.runnable, priority)

    def _detach(self, key: str, *, unless: ImageCacheKey | None) -> None:
        current = self._key_jobs.get(key)
        if current is None or current == unless:
            return
        del self._key_jobs[key]
        job = self._jobs.get(current)
        if job is None:
            return
        job.keys.discard(key)
        if not job.wanted:
            self._drop(job)

    def _drop(self, job: LoadJob) -> None:
        job.cancelled = True
        # Never started: nothing will report back, so forget it now.
        if job in self._gathering:
            self._gathering.remove(job)
            self._jobs.pop(job.cache_key, None)
        elif job.batch is not None:
            batch = job.batch
            # A batch whose rows were all scrolled past is taken back out of the queue whole.
            if all(row.cancelled for row in batch.jobs) and self._read_pool.tryTake(batch):
                self._batches.discard(batch)
                for row in batch.jobs:
                    row.batch = None
                    if self._jobs.get(row.cache_key) is row:
                        del self._jobs[row.cache_key]
        elif job.runnable is not None and self._pool.tryTake(job.runnable):
            self._jobs.pop(job.cache_key, None)

    def _on_finished(self, job: LoadJob, image: QImage | None, reason: str) -> None:
        if self._jobs.get(job.cache_key) is job:
            del self._jobs[job.cache_key]
        if reason != CANCELLED:
            self._decodes_started += 1
        ref = job.cache_key.ref
        seen = Observation.FIRST
        if job.ticket is not None:
            seen = self._versions.observe(ref, job.version, job.ticket)
        if seen is Observation.CHANGED:
            self._forget_photo(ref, keep=job)
        if image is not None and not image.isNull() and seen is not Observation.OUTDATED:
            self._cache.put(job.cache_key, image, job.version)
        if seen is Observation.CHANGED:
            # After the cache holds the new pixels: a view asking again at this size gets them.
            QTimer.singleShot(0, self, lambda: self.photo_changed.emit(ref))
        if job.cancelled:
            return
        for key in sorted(job.keys):
            if self._key_jobs.get(key) != job.cache_key:
                continue
            del self._key_jobs[key]
            if image is not None and not image.isNull():
                self.image_ready.emit(key, image)
            else:
                self.image_failed.emit(key, reason or "the photo could not be decoded")

    def _on_photo_changed(self, ref: str) -> None:
        self._forget_photo(ref, keep=None)
        self.photo_changed.emit(ref)

    def _forget_photo(self, ref: str, *, keep: LoadJob | None) -> None:
        """Drop the old version's pixels and decode again what is under way for the old one."""
        self._cache.invalidate_ref(ref)
        for job in [j for j in self._jobs.values() if j.cache_key.ref == ref and j is not keep]:
            if job.cancelled:
                continue
            keys, prefetch = set(job.keys), job.prefetch
            job.keys.clear()
            job.prefetch = False
            self._drop(job)
            if self._jobs.get(job.cache_key) is job:
                del self._jobs[job.cache_key]  # running: its result will be OUTDATED or SAME
            fresh = self._start(job.cache_key, job.priority, prefetch=prefetch)
            fresh.keys = keys

    def _blocked_reason(self, ref: str) -> str:
        try:
            kind = image_ref_kind(ref)
        except UnsafeImageRefError as exc:
            return str(exc)
        if kind is ImageRefKind.NETWORK:
            return "photos on network paths (\\\\server\\share) are not opened"
        if kind is ImageRefKind.REMOTE:
            host = remote_host(ref).lower()
            if self._remote is None:
                return f"remote photo from {host}: fetching is not available here"
            if host not in self._allowed_hosts:
                return f"remote photo from {host}: not loaded until you allow this essay's photos"
        return ""


def _cache_key(ref: str, size: QSize) -> ImageCacheKey:
    if not size.isValid() or size.isEmpty():
        return ImageCacheKey(ref, 0, 0)
    return ImageCacheKey(ref, size.width(), size.height())
