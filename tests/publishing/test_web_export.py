"""The web page folder on disk: photos, warnings, replacing an earlier export and cancelling."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.export_control import (
    ExportCancelledError,
    ExportControl,
    ExportError,
    ExportProgress,
)
from photoessay_desktop.publishing.export_job import run_export_with_downloads
from photoessay_desktop.publishing.export_request import ExportFormat, ExportRequest
from photoessay_desktop.publishing.staged_output import EXPORT_MARKER
from photoessay_desktop.publishing.web_export import export_web_page, photo_stem
from tests.publishing.conftest import ARABIC, HOSTILE, make_photo
from tests.publishing.html_tree import parse

EssayMaker = Callable[..., Essay]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_exports_a_self_contained_folder(essay_maker: EssayMaker, photo_folder: Path) -> None:
    target = photo_folder / "web výstup"
    result = export_web_page(essay_maker(), target)

    assert result.path == str(target)
    assert sorted(p.name for p in target.iterdir()) == [
        EXPORT_MARKER,
        "essay-keys.js",
        "essay.css",
        "index.html",
        "photos",
    ]
    tree = parse((target / "index.html").read_text(encoding="utf-8"))
    images = list(tree.iter("img"))
    assert [i.attrs["alt"] for i in images] == [
        "Soldiers beside a howitzer in a field",
        HOSTILE,
        "Ukrainian soldiers walking",
    ]
    for image in images:
        for candidate in (image.attrs["srcset"] or "").split(", "):
            name, width = candidate.split(" ")
            with Image.open(target / name) as copy:
                assert f"{copy.width}w" == width
        with Image.open(target / (image.attrs["src"] or "")) as largest:
            assert (str(largest.width), str(largest.height)) == (
                image.attrs["width"],
                image.attrs["height"],
            )
    assert tree.find_class("caption")[-1].text() == ARABIC
    assert _leftovers(photo_folder) == []


def test_web_photos_are_upright_progressive_and_carry_no_camera_data(
    essay_maker: EssayMaker, photo_folder: Path
) -> None:
    target = photo_folder / "out"
    export_web_page(essay_maker(), target)

    names = sorted(p.name for p in (target / "photos").iterdir())
    # 1600 px wide: 640, 1280 and its own width; the 800x600 one turned upright (600 wide).
    assert names == [
        "01-s1-1280.jpg",
        "01-s1-1600.jpg",
        "01-s1-640.jpg",
        "02-s2-600.jpg",
        "05-s5-1280.jpg",
        "05-s5-1600.jpg",
        "05-s5-640.jpg",
    ]
    for name in names:
        with Image.open(target / "photos" / name) as copy:
            assert copy.info.get("progressive") == 1 or copy.info.get("progression") == 1
            assert "exif" not in copy.info
            assert len(copy.getexif()) == 0
    with Image.open(target / "photos" / "02-s2-600.jpg") as rotated:
        assert rotated.size == (600, 800)
        # Orientation 6 turns the bright left half to the top.
        assert sum(rotated.getpixel((300, 100))) > sum(rotated.getpixel((300, 700)))  # type: ignore[arg-type]


def test_remote_photo_not_downloaded_becomes_a_note_and_a_warning(
    essay_maker: EssayMaker, photo_folder: Path
) -> None:
    target = photo_folder / "out"
    result = export_web_page(essay_maker(), target)

    assert any("https://static.example.com/image/remote.jpg" in w for w in result.warnings)
    tree = parse((target / "index.html").read_text(encoding="utf-8"))
    note = tree.find_class("slide--missing")[0]
    assert "static.example.com" in note.find_class("missing-photo")[0].text()
    assert note.find_class("credit")[0].text() == "Alex Babenko / Reuters"
    assert "static.example.com" not in "".join(
        str(i.attrs.get("src")) + str(i.attrs.get("srcset")) for i in tree.iter("img")
    )


def test_remote_photo_in_the_local_cache_is_included(
    essay_maker: EssayMaker, photo_folder: Path
) -> None:
    cached = make_photo(photo_folder / "cache" / "remote.jpg", (700, 500))
    seen: list[str] = []

    def cache(url: str) -> Path | None:
        seen.append(url)
        return cached

    result = export_web_page(essay_maker(), photo_folder / "out", remote_cache=cache)
    assert seen == ["https://static.example.com/image/remote.jpg"]
    assert not any("downloaded" in w for w in result.warnings)
    assert (photo_folder / "out" / "photos" / "04-s4-700.jpg").exists()


def test_unreadable_and_missing_photos_are_left_out_with_a_warning(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg at all")
    essay = Essay(
        language="en",
        slides=(
            Slide(id="a", image=str(broken), caption="Broken", alt_text="x"),
            Slide(id="b", image=str(tmp_path / "gone.jpg"), caption="Gone", alt_text="x"),
        ),
    )
    result = export_web_page(essay, tmp_path / "out")
    assert len(result.warnings) == 2
    tree = parse((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert len(tree.find_class("missing-photo")) == 2
    assert list(tree.iter("img")) == []


def test_warns_about_missing_alt_text_and_language(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "p.jpg")
    essay = Essay(slides=(Slide(id="a", image=str(photo)),))
    warnings = export_web_page(essay, tmp_path / "out").warnings
    assert any("alt text" in w for w in warnings)
    assert any("no language" in w for w in warnings)


def test_progress_counts_up_to_the_total(essay_maker: EssayMaker, tmp_path: Path) -> None:
    seen: list[ExportProgress] = []
    export_web_page(essay_maker(), tmp_path / "out", control=ExportControl(on_progress=seen.append))
    assert seen[0].done == 0
    assert seen[-1].done == seen[-1].total == 5  # four photo slides and the page
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_cancel_midway_leaves_no_partial_folder_and_the_old_export(
    essay_maker: EssayMaker, photo_folder: Path
) -> None:
    target = photo_folder / "out"
    export_web_page(essay_maker(title="First version"), target)
    before = (target / "index.html").read_text(encoding="utf-8")
    steps: list[ExportProgress] = []

    def cancelled() -> bool:
        return len(steps) >= 2  # after the first photo was written

    control = ExportControl(on_progress=steps.append, is_cancelled=cancelled)
    with pytest.raises(ExportCancelledError):
        export_web_page(essay_maker(title="Second version"), target, control=control)

    assert (target / "index.html").read_text(encoding="utf-8") == before
    assert _leftovers(photo_folder) == []


def test_existing_export_is_replaced_only_when_the_new_one_is_complete(
    essay_maker: EssayMaker, photo_folder: Path
) -> None:
    target = photo_folder / "out"
    export_web_page(essay_maker(title="First version"), target)
    (target / "photos" / "stale-640.jpg").write_bytes(b"old")
    states: list[str] = []

    def look(_progress: ExportProgress) -> None:
        states.append((target / "index.html").read_text(encoding="utf-8"))

    export_web_page(essay_maker(title="Second version"), target, control=ExportControl(look))

    assert all("First version" in s for s in states)
    assert "Second version" in (target / "index.html").read_text(encoding="utf-8")
    assert not (target / "photos" / "stale-640.jpg").exists()
    assert _leftovers(photo_folder) == []


def test_refuses_to_replace_a_folder_that_is_not_an_export(
    essay_maker: EssayMaker, photo_folder: Path
) -> None:
    target = photo_folder / "My documents"
    target.mkdir()
    (target / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(ExportError, match="already holds other files"):
        export_web_page(essay_maker(), target)
    assert (target / "thesis.docx").read_bytes() == b"precious"
    assert _leftovers(photo_folder) == []

    empty = photo_folder / "empty"
    empty.mkdir()
    export_web_page(essay_maker(), empty)
    assert (empty / "index.html").exists()


def test_unwritable_place_is_a_clear_error(essay_maker: EssayMaker, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="a file"):
        export_web_page(essay_maker(), blocker / "out")


def test_photo_stems_are_safe_and_unique() -> None:
    assert photo_stem(3, "../../etc/passwd") == "03-etc-passwd"
    assert photo_stem(12, "Фото") == "12-photo"
    assert photo_stem(1, "A" * 300) == "01-" + "a" * 40


def test_a_huge_essay_of_text_exports_whole(tmp_path: Path) -> None:
    long_caption = ("Долгая подпись & <b>не разметка</b>. " * 60).strip()
    essay = Essay(
        title="Huge",
        language="ru",
        body=tuple(f"Paragraph {n}" for n in range(300)),
        slides=tuple(Slide(id=f"t{n}", caption=long_caption, credit=HOSTILE) for n in range(400)),
    )
    export_web_page(essay, tmp_path / "out")
    tree = parse((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert len(tree.find_class("slide--text")) == 400
    assert len(tree.find_class("body")) == 300
    assert {c.text() for c in tree.find_class("caption")} == {long_caption}


def test_malformed_photo_files_are_left_out_with_a_warning_each(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "document.jpg").write_bytes(b"%PDF-1.7\n%...")
    (folder / "a folder.jpg").mkdir()
    truncated = make_photo(folder / "truncated.jpg")
    truncated.write_bytes(truncated.read_bytes()[:300])
    names = ("empty.jpg", "document.jpg", "a folder.jpg", "truncated.jpg")
    essay = Essay(
        language="en",
        slides=tuple(
            Slide(id=str(n), image=str(folder / name), caption=name, alt_text="x")
            for n, name in enumerate(names)
        ),
    )
    result = export_web_page(essay, tmp_path / "out")
    assert len(result.warnings) == 4
    assert all(f"Slide {n}:" in w for n, w in enumerate(result.warnings, start=1))
    tree = parse((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert len(tree.find_class("missing-photo")) == 4
    assert list((tmp_path / "out" / "photos").iterdir()) == []


def test_photos_the_app_already_downloaded_are_used_and_nothing_is_fetched(
    essay_maker: EssayMaker, photo_folder: Path, tmp_path: Path
) -> None:
    from photoessay_desktop.imaging.remote_fetch import RemoteFetcher
    from photoessay_desktop.publishing.downloaded_photos import downloaded_photos

    downloads = tmp_path / "downloads"
    url = "https://static.example.com/image/remote.jpg"
    make_photo(RemoteFetcher(downloads).cached_path(url), (700, 500))
    cache = downloaded_photos(downloads)
    assert cache(url) is not None
    assert cache("https://static.example.com/other.jpg") is None

    request = ExportRequest(essay_maker(), ExportFormat.HTML, photo_folder / "out")
    result = run_export_with_downloads(replace(request, remote_cache=cache))
    assert not any("has not been downloaded" in w for w in result.warnings)
    assert (photo_folder / "out" / "photos" / "04-s4-700.jpg").exists()


def test_never_replaces_a_folder_holding_the_essays_own_photos(
    essay_maker: EssayMaker, photo_folder: Path
) -> None:
    target = photo_folder / "out"
    export_web_page(essay_maker(), target)
    inside = make_photo(target / "photos" / "kept.jpg")
    essay = Essay(slides=(Slide(id="a", image=str(inside), alt_text="x"),))
    with pytest.raises(ExportError, match="slide 1's photo is inside"):
        export_web_page(essay, target)
    assert inside.exists()
    assert _leftovers(photo_folder) == []
