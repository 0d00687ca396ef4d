"""RemotePhotoPermissions: nothing allowed at first, remembered per essay, never in the essay."""

from __future__ import annotations

import json
from pathlib import Path

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.imaging.remote_permissions import (
    RemotePhotoPermissions,
    default_permissions_file,
    essay_remote_hosts,
)

ESSAY = Essay(
    title="Bakhmut",
    slides=(
        Slide(id="1", image="https://static01.NYT.com/images/a.jpg"),
        Slide(id="2", image="https://static01.nyt.com/images/b.jpg"),
        Slide(id="3", image="http://cdn.afp.com/c.jpg"),
        Slide(id="4", image="/photos/local.jpg"),
        Slide(id="5"),
    ),
)


def test_hosts_of_an_essay_are_distinct_sorted_and_lower_case() -> None:
    assert essay_remote_hosts(ESSAY) == ("cdn.afp.com", "static01.nyt.com")
    assert essay_remote_hosts(Essay()) == ()


def test_nothing_is_allowed_for_an_essay_opened_from_a_file(tmp_path: Path) -> None:
    permissions = RemotePhotoPermissions(tmp_path / "state" / "remote.json")
    essay_path = tmp_path / "Бахмут.essay.json"
    assert permissions.allowed_hosts(essay_path) == frozenset()
    assert permissions.hosts_to_ask(ESSAY, essay_path) == ("cdn.afp.com", "static01.nyt.com")


def test_allowance_is_remembered_per_essay_across_sessions(tmp_path: Path) -> None:
    state = tmp_path / "state" / "remote.json"
    essay_path = tmp_path / "Бахмут.essay.json"
    other = tmp_path / "other.essay.json"
    RemotePhotoPermissions(state).allow(essay_path, ["static01.nyt.com"])
    again = RemotePhotoPermissions(state)
    assert again.allowed_hosts(essay_path) == {"static01.nyt.com"}
    assert again.hosts_to_ask(ESSAY, essay_path) == ("cdn.afp.com",)
    assert again.allowed_hosts(other) == frozenset()  # another essay asks for itself
    again.allow(tmp_path / "." / "Бахмут.essay.json", ["CDN.afp.com"])
    assert RemotePhotoPermissions(state).hosts_to_ask(ESSAY, essay_path) == ()
    again.revoke(essay_path)
    assert RemotePhotoPermissions(state).allowed_hosts(essay_path) == frozenset()


def test_the_choice_is_not_written_into_the_essay_folder(tmp_path: Path) -> None:
    essays = tmp_path / "essays"
    essays.mkdir()
    state = tmp_path / "state" / "remote.json"
    RemotePhotoPermissions(state).allow(essays / "a.essay.json", ["x.org"])
    assert list(essays.iterdir()) == []
    data = json.loads(state.read_text(encoding="utf-8"))
    assert list(data["essays"].values()) == [["x.org"]]


def test_a_damaged_state_file_means_asking_again(tmp_path: Path) -> None:
    state = tmp_path / "remote.json"
    for junk in ("{not json", "[]", '{"essays": {"/a": "x.org"}}', ""):
        state.write_text(junk, encoding="utf-8")
        assert RemotePhotoPermissions(state).allowed_hosts(Path("/a")) == frozenset()


def test_default_file_is_in_the_platform_state_folder() -> None:
    assert default_permissions_file().name == "remote-photo-permissions.json"
    assert "PhotoEssay" in str(default_permissions_file())
