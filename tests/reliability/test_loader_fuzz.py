"""The loader under a fuzzer: the only outcomes are an Essay or the one clear EssayFileError.

Hypothesis mutates real essays (the lakes sample and a generated one) byte by byte and node by node,
and builds valid essays with awkward text and paths that must survive save and load unchanged.
Random bytes and random JSON are in tests/storage/test_essay_file.py.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.storage.essay_file import (
    EssayFileError,
    essay_from_json,
    essay_to_json,
    load_essay,
    save_essay,
)

REPO = Path(__file__).resolve().parents[2]
LAKES = REPO / "sample_essays" / "lakes" / "lakes.essay.json"
WHERE = Path("/essays/Бахмут/story.essay.json")


def _generated_text() -> bytes:
    essay = Essay(
        title="T «x»",
        body=("one", "два"),
        language="uk",
        source_url="https://example.org/a",
        slides=(
            Slide(id="a", image="/essays/Бахмут/photos/a.jpg", caption="c", duration_seconds=3),
            Slide(id="b", image="https://example.org/b.jpg", credit="AFP"),
            Slide(id="c", caption="text slide"),
        ),
        presentation=Presentation(auto_advance_seconds=5, loop=True),
    )
    return essay_to_json(essay, WHERE.parent).encode("utf-8")


SEEDS = [LAKES.read_bytes(), _generated_text()]


def _check(data: bytes) -> None:
    """Decode and parse like load_essay does; only an Essay or EssayFileError may come out."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # load_essay's byte-level path; exercised through a real file below
    try:
        result = essay_from_json(text, WHERE)
    except EssayFileError as exc:
        assert str(WHERE) in str(exc)
        assert "Traceback" not in str(exc)
        return
    assert isinstance(result, Essay)
    # Whatever loads must save and load back to the very same essay.
    assert essay_from_json(essay_to_json(result, WHERE.parent), WHERE) == result


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate", "byte"]))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=12))
        elif kind == "truncate":
            del data[at:]
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        else:
            data[at] = draw(st.sampled_from(b'{}[]",:\\0-eE.\x00\xff'))
    return bytes(data)


_JSON_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["", " ", "../../etc/passwd", "//host/share/a.jpg", "javascript:x", "\x00"])
)
_JSON = st.recursive(
    _JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_nodes(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_nodes(child, (*path, index)))
    return found


@st.composite
def tree_mutations(draw: st.DrawFn) -> str:
    tree = json.loads(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_nodes(tree)))
        if not path:
            continue
        parent = tree
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "copy"]))
        if action == "replace":
            parent[last] = draw(_JSON)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(_JSON)
        elif action == "copy" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return json.dumps(tree, ensure_ascii=draw(st.booleans()))


@settings(max_examples=200, deadline=None)
@given(byte_mutations())
def test_byte_mutations_of_real_essays(data: bytes) -> None:
    _check(data)


@settings(max_examples=200, deadline=None)
@given(tree_mutations())
def test_structural_mutations_of_real_essays(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(byte_mutations())
def test_byte_mutations_through_a_real_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.essay.json"
    path.write_bytes(data)
    try:
        load_essay(path)
    except EssayFileError as exc:
        assert str(path) in str(exc)


_AWKWARD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_NAME = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="/\\"),
    min_size=1,
    max_size=20,
).filter(lambda name: name not in (".", "..")) | st.sampled_from(
    [
        *("new\nline", "tab\tand\rreturn", " spaced ", "-dash", "~", "..dots", "*?<>|:", " "),
        *("\n", "IMG:0001", "https:x", "javascript:alert(1)", "C:", "a:b"),
    ]
)


@st.composite
def essays(draw: st.DrawFn, folder: Path) -> Essay:
    slides = []
    for index in range(draw(st.integers(0, 5))):
        where = draw(st.sampled_from(["inside", "parent", "absolute", "remote", "network", "none"]))
        name = draw(_NAME) + ".jpg"
        image = {
            "inside": str(folder / "photos" / name),
            "parent": str(folder.parent / "elsewhere" / name),
            "absolute": f"/srv/photos/{name}",
            "remote": "https://example.org/p.jpg",
            "network": "//fileserver/share/p.jpg",
            "none": None,
        }[where]
        slides.append(
            Slide(
                id=f"s{index}-{draw(st.text(min_size=1, max_size=5))}",
                image=image,
                caption=draw(_AWKWARD),
                credit=draw(_AWKWARD),
                notes=draw(_AWKWARD),
            )
        )
    return Essay(
        title=draw(_AWKWARD), body=tuple(draw(st.lists(_AWKWARD, max_size=3))), slides=tuple(slides)
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_awkward_essays_survive_save_and_load(tmp_path: Path, data: st.DataObject) -> None:
    folder = tmp_path / data.draw(_NAME, label="folder")
    folder.mkdir(exist_ok=True)
    essay = data.draw(essays(folder), label="essay")
    path = folder / (data.draw(_NAME, label="file") + ".essay.json")
    save_essay(essay, path, keep_backup=True)
    assert load_essay(path) == essay


def test_photo_names_that_look_like_schemes_or_blanks_survive(tmp_path: Path) -> None:
    names = ["IMG:0001.jpg", "https:x", " ", "\n", "javascript:alert(1)", "C:", "a:b"]
    slides = tuple(Slide(id=str(i), image=str(tmp_path / name)) for i, name in enumerate(names))
    path = tmp_path / "essay.essay.json"
    save_essay(Essay(slides=slides), path)
    stored = json.loads(path.read_text(encoding="utf-8"))["slides"]
    assert [slide["image"] for slide in stored] == [f"./{name}" for name in names]
    assert load_essay(path).slides == slides
