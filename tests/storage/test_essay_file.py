"""The project file: round trips, relative paths, atomic replace, one clear message per bad file."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.storage.essay_file import (
    MAX_FILE_BYTES,
    EssayFileError,
    essay_from_json,
    essay_to_json,
    load_essay,
    save_essay,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    # Storage tests run in a folder with a non-ASCII name, as a Ukrainian or Greek desk's would be.
    path = tmp_path / "Бахмут фото – ελληνικά"
    path.mkdir()
    return path


def sample_essay(folder: Path) -> Essay:
    return Essay(
        title="In Photos: Bakhmut",
        standfirst="Standfirst «quoted» text.",
        body=("First paragraph.", "Друге речення."),
        language="en",
        source_url="https://example.org/article",
        slides=(
            Slide(
                id="slide-1",
                image=str(folder / "photos" / "a b.jpg"),
                caption="Servicemen fire a howitzer.",
                credit="Aris Messinis / AFP",
                alt_text="Soldiers beside a field gun",
                notes="Pause here.",
                duration_seconds=7.5,
            ),
            Slide(id="slide-2", caption="A text slide", credit="Alex Babenko / Reuters"),
            Slide(id="slide-3", image="https://static.example.com/image/1360/77/a.jpg"),
        ),
        presentation=Presentation(auto_advance_seconds=6, loop=True),
    )


def write(folder: Path, text: str | bytes, name: str = "bad.essay.json") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def valid_payload() -> dict[str, object]:
    return {
        "format": "photoessay",
        "version": 1,
        "title": "T",
        "slides": [{"id": "a", "caption": "one"}, {"id": "b", "caption": "two"}],
    }


def test_save_then_load_gives_the_same_essay(folder: Path) -> None:
    essay = sample_essay(folder)
    path = folder / "essay.essay.json"
    save_essay(essay, path)
    assert load_essay(path) == essay


def test_local_paths_are_stored_relative_with_slashes(folder: Path) -> None:
    path = folder / "essay.essay.json"
    save_essay(sample_essay(folder), path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["format"] == "photoessay"
    assert stored["version"] == 1
    assert stored["slides"][0]["image"] == "photos/a b.jpg"
    assert stored["slides"][2]["image"].startswith("https://")
    assert stored["slides"][1]["image"] is None


def test_save_as_elsewhere_rewrites_paths_to_the_same_photos(folder: Path) -> None:
    essay = sample_essay(folder)
    elsewhere = folder / "deeper" / "still"
    elsewhere.mkdir(parents=True)
    save_essay(essay, elsewhere / "copy.essay.json")
    stored = json.loads((elsewhere / "copy.essay.json").read_text(encoding="utf-8"))
    assert stored["slides"][0]["image"] == "../../photos/a b.jpg"
    assert load_essay(elsewhere / "copy.essay.json").slides[0].image == essay.slides[0].image


def test_text_is_utf8_without_escapes_and_ends_with_newline(folder: Path) -> None:
    text = essay_to_json(sample_essay(folder), folder)
    assert "Друге речення." in text
    assert text.endswith("}\n")


def test_saving_twice_is_byte_identical(folder: Path) -> None:
    path = folder / "essay.essay.json"
    save_essay(sample_essay(folder), path)
    first = path.read_bytes()
    save_essay(load_essay(path), path)
    assert path.read_bytes() == first


def test_save_replaces_without_leaving_temporary_files(folder: Path) -> None:
    path = folder / "essay.essay.json"
    save_essay(sample_essay(folder), path)
    save_essay(sample_essay(folder).model_copy(update={"title": "New"}), path)
    assert load_essay(path).title == "New"
    assert sorted(p.name for p in folder.iterdir()) == ["essay.essay.json"]


def test_save_keeps_the_file_mode(folder: Path) -> None:
    path = folder / "essay.essay.json"
    save_essay(sample_essay(folder), path)
    path.chmod(0o600)
    save_essay(sample_essay(folder), path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_save_through_a_symlink_replaces_the_target_and_keeps_the_link(folder: Path) -> None:
    real = folder / "real.essay.json"
    save_essay(sample_essay(folder), real)
    link = folder / "link.essay.json"
    link.symlink_to(real)
    save_essay(sample_essay(folder).model_copy(update={"title": "Via link"}), link)
    assert link.is_symlink()
    assert load_essay(real).title == "Via link"


def test_save_into_a_missing_folder_says_so(folder: Path) -> None:
    with pytest.raises(EssayFileError, match="folder no longer exists"):
        save_essay(sample_essay(folder), folder / "gone" / "x.essay.json")


def test_a_bom_is_accepted(folder: Path) -> None:
    path = write(folder, b"\xef\xbb\xbf" + json.dumps(valid_payload()).encode())
    assert load_essay(path).title == "T"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "is empty"),
        ("   \n\n", "is empty"),
        ('{"format": "photoessay", "version": 1, "title": "T', "ends too early"),
        ("not json at all", "is not valid JSON"),
        ("[1, 2, 3]", "expected a JSON object"),
        ('{"version": 1}', 'no "format": "photoessay"'),
        ('{"format": "something-else", "version": 1}', 'no "format": "photoessay"'),
        ('{"format": "photoessay"}', "version: expected a whole number"),
        ('{"format": "photoessay", "version": "1"}', "version: expected a whole number"),
        ('{"format": "photoessay", "version": true}', "version: expected a whole number"),
        ('{"format": "photoessay", "version": 0}', "unknown format version 0"),
        (
            '{"format": "photoessay", "version": 9}',
            "newer version of PhotoEssay (file format version 9; this version reads up to 1)",
        ),
        (
            '{"format": "photoessay", "version": 1, "title": "a", "title": "b"}',
            '"title" appears twice',
        ),
    ],
)
def test_bad_files_give_one_clear_message(folder: Path, content: str, expected: str) -> None:
    path = write(folder, content)
    with pytest.raises(EssayFileError) as caught:
        load_essay(path)
    message = str(caught.value)
    assert expected in message
    assert str(path) in message
    assert "Traceback" not in message


def test_wrong_type_names_field_path_and_line(folder: Path) -> None:
    payload = valid_payload()
    payload["slides"] = [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d", "caption": 42}]
    text = json.dumps(payload, indent=2)
    path = write(folder, text)
    with pytest.raises(EssayFileError) as caught:
        load_essay(path)
    error = caught.value
    assert error.field == "slides[3].caption"
    assert "slides[3].caption: expected text" in str(error)
    assert error.line == text.splitlines().index('      "caption": 42') + 1


def test_missing_slide_id_is_named(folder: Path) -> None:
    payload = valid_payload()
    payload["slides"] = [{"caption": "no id"}]
    with pytest.raises(EssayFileError, match=r"slides\[0\]\.id: is missing"):
        load_essay(write(folder, json.dumps(payload, indent=2)))


def test_duplicate_slide_ids_point_at_the_second_one(folder: Path) -> None:
    payload = valid_payload()
    payload["slides"] = [{"id": "x"}, {"id": "y"}, {"id": "x"}]
    text = json.dumps(payload, indent=2)
    with pytest.raises(EssayFileError) as caught:
        load_essay(write(folder, text))
    assert caught.value.field == "slides[2].id"
    assert 'duplicate slide id "x"' in str(caught.value)
    assert caught.value.line == text.splitlines().index('      "id": "x"', 8) + 1


def test_unknown_fields_are_refused_not_dropped(folder: Path) -> None:
    payload = valid_payload()
    payload["slides"] = [{"id": "a", "captoin": "typo"}]
    with pytest.raises(EssayFileError, match=r"slides\[0\]\.captoin: is not a field"):
        load_essay(write(folder, json.dumps(payload)))


def test_several_problems_are_counted(folder: Path) -> None:
    payload = valid_payload()
    payload["title"] = 1
    payload["standfirst"] = 2
    with pytest.raises(EssayFileError, match=r"title: expected text \(and 1 more problem\)"):
        load_essay(write(folder, json.dumps(payload)))


@pytest.mark.parametrize(
    "image",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
    ],
)
def test_other_schemes_are_refused(folder: Path, image: str) -> None:
    payload = valid_payload()
    payload["slides"] = [{"id": "a", "image": image}]
    with pytest.raises(EssayFileError, match=r"slides\[0\]\.image: .*not allowed"):
        load_essay(write(folder, json.dumps(payload)))


def test_non_utf8_bytes_name_the_line(folder: Path) -> None:
    data = b'{"format": "photoessay",\n "version": 1,\n "title": "caf\xe9"}'
    with pytest.raises(EssayFileError, match=r"line 3: is not UTF-8 text \(byte 0xe9"):
        load_essay(write(folder, data))


def test_an_image_is_named_as_such(folder: Path) -> None:
    with pytest.raises(EssayFileError, match="is a JPEG image, not an essay file"):
        load_essay(write(folder, b"\xff\xd8\xff\xe0\x00\x10JFIF"))


def test_absurd_nesting_is_refused(folder: Path) -> None:
    depth = 200_000
    text = '{"format": "photoessay", "version": 1, "title": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(EssayFileError, match="nested too deeply"):
        load_essay(write(folder, text))


def test_moderate_nesting_in_a_field_is_a_type_error(folder: Path) -> None:
    text = '{"format": "photoessay", "version": 1, "title": ' + "[" * 500 + "]" * 500 + "}"
    with pytest.raises(EssayFileError, match="title: expected text"):
        load_essay(write(folder, text))


def test_a_1_gb_file_is_refused_before_reading(folder: Path) -> None:
    path = folder / "huge.essay.json"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(1024**3)
    with pytest.raises(EssayFileError, match=r"is 1\.0 GB; essay files are limited to 32 MB"):
        load_essay(path)


def test_a_file_just_over_the_limit_is_refused(folder: Path) -> None:
    path = folder / "big.essay.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(EssayFileError, match="limited to 32 MB"):
        load_essay(path)


def test_missing_file_and_folder(folder: Path) -> None:
    with pytest.raises(EssayFileError, match="does not exist"):
        load_essay(folder / "nothing.essay.json")
    with pytest.raises(EssayFileError, match="is a folder"):
        load_essay(folder)


def test_paths_resolve_against_the_files_folder(folder: Path) -> None:
    payload = valid_payload()
    payload["slides"] = [
        {"id": "a", "image": "photos/x.jpg"},
        {"id": "b", "image": "../outside.jpg"},
        {"id": "c", "image": "//host/share/y.jpg"},
    ]
    essay = load_essay(write(folder, json.dumps(payload)))
    assert essay.slides[0].image == os.path.join(folder, "photos", "x.jpg")
    assert essay.slides[1].image == os.path.join(folder.parent, "outside.jpg")
    assert essay.slides[2].image == "//host/share/y.jpg"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes_give_an_essay_or_the_one_error(folder: Path, data: bytes) -> None:
    path = write(folder, data, "fuzz.essay.json")
    try:
        load_essay(path)
    except EssayFileError as exc:
        assert str(path) in str(exc)


@settings(max_examples=150)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(["id", "image", "caption", "slides", "title", "body", "x"]),
                children,
            )
        ),
        max_leaves=20,
    )
)
def test_random_json_gives_an_essay_or_the_one_error(value: object) -> None:
    payload: dict[str, object] = {"format": "photoessay", "version": 1}
    if isinstance(value, dict):
        payload.update(value)
    else:
        payload["slides"] = value
    with contextlib.suppress(EssayFileError):
        essay_from_json(json.dumps(payload), Path("/tmp/x.essay.json"))
