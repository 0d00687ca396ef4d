"""RemoteImageAccess: a file's essay asks first, an imported article is allowed, choices stick."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.imaging.remote_fetch import RemoteFetcher
from photoessay_desktop.imaging.remote_permissions import RemotePhotoPermissions
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.qt_models.remote_image_access import RemoteImageAccess

ESSAY = Essay(
    slides=(
        Slide(id="1", image="https://a.example.org/1.jpg"),
        Slide(id="2", image="https://b.example.org/2.jpg"),
    )
)


def access_for(tmp_path: Path) -> tuple[RemoteImageAccess, ImageLoader, list[list[str]]]:
    loader = ImageLoader(thread_count=1, remote=RemoteFetcher(tmp_path / "remote"))
    access = RemoteImageAccess(loader, RemotePhotoPermissions(tmp_path / "state.json"))
    asked: list[list[str]] = []
    access.hosts_to_ask_changed.connect(asked.append)
    return access, loader, asked


def blocked(loader: ImageLoader, ref: str) -> bool:
    reasons: list[str] = []
    loader.image_failed.connect(lambda _key, reason: reasons.append(reason))
    loader.request("probe", ref, QSize(10, 10))
    loader.cancel("probe")
    return any("not loaded until you allow" in reason for reason in reasons)


def test_an_essay_from_a_file_asks_then_remembers(qtbot: QtBot, tmp_path: Path) -> None:
    access, loader, asked = access_for(tmp_path)
    essay_path = tmp_path / "Київ.essay.json"
    access.essay_opened(ESSAY, essay_path)
    assert asked[-1] == ["a.example.org", "b.example.org"]
    assert blocked(loader, "https://a.example.org/1.jpg")
    with qtbot.waitSignal(access.hosts_allowed):
        access.allow()
    assert asked[-1] == []
    assert not blocked(loader, "https://a.example.org/1.jpg")
    # Next session: the same file opens without asking; another file still asks.
    again, _, asked_again = access_for(tmp_path)
    again.essay_opened(ESSAY, essay_path)
    assert asked_again[-1] == []
    again.essay_opened(ESSAY, tmp_path / "other.essay.json")
    assert asked_again[-1] == ["a.example.org", "b.example.org"]


def test_an_imported_article_is_allowed_and_its_saved_file_remembers(tmp_path: Path) -> None:
    access, loader, asked = access_for(tmp_path)
    access.essay_opened(ESSAY, None, imported=True)
    assert asked[-1] == []
    assert not blocked(loader, "https://b.example.org/2.jpg")
    access.essay_saved(tmp_path / "imported.essay.json")
    later, _, asked_later = access_for(tmp_path)
    later.essay_opened(ESSAY, tmp_path / "imported.essay.json")
    assert asked_later[-1] == []


def test_a_new_remote_photo_pasted_in_is_asked_about(tmp_path: Path) -> None:
    access, loader, asked = access_for(tmp_path)
    access.essay_opened(ESSAY, tmp_path / "e.essay.json")
    access.allow()
    extra = Slide(id="3", image="https://tracker.example.net/p.gif")
    access.essay_changed(ESSAY.model_copy(update={"slides": (*ESSAY.slides, extra)}))
    assert asked[-1] == ["tracker.example.net"]
    assert blocked(loader, "https://tracker.example.net/p.gif")
