"""Exports an essay as a self-contained web page folder: index.html, a stylesheet and web photos.

Everything is written to a folder beside the target and moved into place only when complete. Nothing
is fetched from other sites: a remote photo not already in the local cache becomes a text figure
with a visible note, and the result carries a warning. No Qt here: the CLI runs it on a server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.publishing.export_control import ExportControl, ExportError, ExportResult
from photoessay_desktop.publishing.photo_source import PhotoSources, RemoteCache
from photoessay_desktop.publishing.staged_output import staged_folder
from photoessay_desktop.publishing.web_page import (
    KEYS_SCRIPT,
    PHOTOS_FOLDER,
    STYLESHEET,
    SlideContent,
    render_page,
)
from photoessay_desktop.publishing.web_photo_jobs import PhotoJob, make_web_photos

_SLUG = re.compile(r"[^a-z0-9]+")


def photo_stem(number: int, slide_id: str) -> str:
    """A safe, unique file stem for slide `number`: its position and an ASCII slug of its id."""
    slug = _SLUG.sub("-", slide_id.lower()).strip("-")[:40].strip("-")
    return f"{number:02d}-{slug or 'photo'}"


def _alt_text_warning(number: int) -> str:
    return (
        f"Slide {number} has no alt text, so screen readers announce the photo without "
        "describing it."
    )


@dataclass
class _Plan:
    """What each slide will show (photos filled in later), its warnings, and the photos to make."""

    contents: list[SlideContent] = field(default_factory=list)
    warnings: dict[int, list[str]] = field(default_factory=dict)
    jobs: list[PhotoJob] = field(default_factory=list)


def _plan(essay: Essay, sources: PhotoSources) -> _Plan:
    # Where each slide's photo comes from is settled first, in essay order, before any pixels.
    plan = _Plan()
    for number, slide in enumerate(essay.slides, start=1):
        before = len(sources.warnings)
        source = sources.source(number, slide)
        plan.warnings[number] = sources.warnings[before:]
        if isinstance(source, Path):
            plan.jobs.append(PhotoJob(number, photo_stem(number, slide.id), source))
            if not slide.alt_text.strip():
                plan.warnings[number].append(_alt_text_warning(number))
            plan.contents.append(None)  # replaced by the photo once it is made
        else:
            plan.contents.append(source)
    return plan


def _refuse_photos_inside(target: Path, jobs: list[PhotoJob]) -> None:
    # Replacing the target deletes what is in it: never the essay's own photos.
    folder = target.resolve()
    for job in jobs:
        if job.source.resolve().is_relative_to(folder):
            raise ExportError(
                f"slide {job.number}'s photo is inside {target}, which the export would replace; "
                "choose another folder"
            )


def _copy_assets(folder: Path) -> None:
    assets = resources.files("photoessay_desktop.publishing").joinpath("web_assets")
    for name in (STYLESHEET, KEYS_SCRIPT):
        (folder / name).write_bytes(assets.joinpath(name).read_bytes())


def export_web_page(
    essay: Essay,
    target: Path,
    *,
    control: ExportControl | None = None,
    remote_cache: RemoteCache | None = None,
    allow_network_paths: bool = False,
) -> ExportResult:
    """Write essay as a web page folder at target, replacing an earlier export there when done.

    Raises ExportError (clear message) when the folder cannot be written and ExportCancelledError
    when control says so; in both cases the target is left as it was.
    """
    control = control or ExportControl()
    total = sum(1 for slide in essay.slides if slide.image is not None) + 1
    control.report(0, total, "Preparing the web page")
    sources = PhotoSources(remote_cache, allow_network_paths=allow_network_paths)
    plan = _plan(essay, sources)
    _refuse_photos_inside(target, plan.jobs)
    done = total - 1 - len(plan.jobs)  # photos left out (remote, unreadable path) count as done
    with staged_folder(target) as folder:
        photos = folder / PHOTOS_FOLDER
        photos.mkdir()
        made = make_web_photos(
            plan.jobs,
            photos,
            lambda count: control.report(
                done + count, total, f"Photo {done + count} of {total - 1}"
            ),
        )
        for number, outcome in made.items():
            plan.contents[number - 1] = outcome.content
            if outcome.warning:
                plan.warnings[number].append(outcome.warning)
        _copy_assets(folder)
        (folder / "index.html").write_text(render_page(essay, plan.contents), encoding="utf-8")
        control.report(total, total, "Moving the web page into place")
    found = [warning for number in sorted(plan.warnings) for warning in plan.warnings[number]]
    if not essay.language:
        found.append(
            "The essay has no language set, so the page does not tell screen readers which "
            "language to read it in."
        )
    return ExportResult(str(target), tuple(found))
