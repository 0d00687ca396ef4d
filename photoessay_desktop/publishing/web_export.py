"""Exports an essay as a self-contained web page folder: index.html, a stylesheet and web photos.

Everything is written to a folder beside the target and moved into place only when complete. Nothing
is fetched from other sites: a remote photo not already in the local cache becomes a text figure
with a visible note, and the result carries a warning. No Qt here: the CLI runs it on a server.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.publishing.export_control import ExportControl, ExportResult
from photoessay_desktop.publishing.photo_source import PhotoSources, RemoteCache
from photoessay_desktop.publishing.staged_output import staged_folder
from photoessay_desktop.publishing.web_images import decode_for_web, write_web_photo
from photoessay_desktop.publishing.web_page import (
    KEYS_SCRIPT,
    PHOTOS_FOLDER,
    STYLESHEET,
    SlideContent,
    render_page,
)

_SLUG = re.compile(r"[^a-z0-9]+")


def photo_stem(number: int, slide_id: str) -> str:
    """A safe, unique file stem for slide `number`: its position and an ASCII slug of its id."""
    slug = _SLUG.sub("-", slide_id.lower()).strip("-")[:40].strip("-")
    return f"{number:02d}-{slug or 'photo'}"


def _slide_content(number: int, slide: Slide, sources: PhotoSources, photos: Path) -> SlideContent:
    source = sources.source(number, slide)
    if not isinstance(source, Path):
        return source
    if not slide.alt_text.strip():
        sources.warnings.append(
            f"Slide {number} has no alt text, so screen readers announce the photo without "
            "describing it."
        )
    try:
        image = decode_for_web(source)
    except ImageDecodeError as exc:
        return sources.unreadable(number, source, str(exc))
    with image:
        return write_web_photo(image, photos, photo_stem(number, slide.id))


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
    done = 0
    control.report(done, total, "Preparing the web page")
    with staged_folder(target) as folder:
        photos = folder / PHOTOS_FOLDER
        photos.mkdir()
        sources = PhotoSources(remote_cache, allow_network_paths=allow_network_paths)
        contents: list[SlideContent] = []
        for number, slide in enumerate(essay.slides, start=1):
            contents.append(_slide_content(number, slide, sources, photos))
            if slide.image is not None:
                done += 1
                control.report(done, total, f"Photo {number} of {len(essay.slides)}")
        _copy_assets(folder)
        (folder / "index.html").write_text(render_page(essay, contents), encoding="utf-8")
        control.report(total, total, "Moving the web page into place")
    if not essay.language:
        sources.warnings.append(
            "The essay has no language set, so the page does not tell screen readers which "
            "language to read it in."
        )
    return ExportResult(str(target), tuple(sources.warnings))
