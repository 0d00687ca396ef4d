"""The page text alone: structure a screen reader understands, and every piece of text escaped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.photo_source import MissingPhoto
from photoessay_desktop.publishing.web_images import WebImageFile, WebPhoto
from photoessay_desktop.publishing.web_page import render_page
from tests.publishing.conftest import ARABIC, HEBREW, HOSTILE
from tests.publishing.html_tree import parse

PHOTO = WebPhoto((WebImageFile("01-a-640.jpg", 640, 427), WebImageFile("01-a-1280.jpg", 1280, 853)))


def _essay(*slides: Slide, **fields: object) -> Essay:
    return Essay(title="Title", language="en", slides=slides).model_copy(update=fields)


def test_hostile_text_everywhere_is_shown_as_characters_and_never_as_markup() -> None:
    essay = Essay(
        title=HOSTILE,
        standfirst=HOSTILE,
        body=(HOSTILE,),
        language="en",
        source_url="https://example.com/?a=1&b=<x>",
        slides=(
            Slide(id="a", image="/p.jpg", caption=HOSTILE, credit=HOSTILE, alt_text=HOSTILE),
            Slide(id="b", caption=HOSTILE, credit=HOSTILE),
            Slide(id="c", image="https://x.example/p.jpg", caption=HOSTILE, credit=HOSTILE),
        ),
    )
    html = render_page(essay, [PHOTO, None, MissingPhoto(HOSTILE)])
    tree = parse(html)

    assert "<script>alert" not in html
    scripts = list(tree.iter("script"))
    assert [s.attrs.get("src") for s in scripts] == ["essay-keys.js"]
    assert all(s.text() == "" for s in scripts)
    assert next(tree.iter("h1")).text() == HOSTILE
    assert next(tree.iter("title")).text() == HOSTILE
    assert tree.find_class("standfirst")[0].text() == HOSTILE
    assert tree.find_class("body")[0].text() == HOSTILE
    assert next(tree.iter("img")).attrs["alt"] == HOSTILE
    assert [c.text() for c in tree.find_class("caption")] == [HOSTILE] * 3
    assert [c.text() for c in tree.find_class("credit")] == [HOSTILE] * 3
    assert tree.find_class("missing-photo")[0].text() == HOSTILE
    assert next(tree.iter("a")).attrs["href"] == "https://example.com/?a=1&b=<x>"


def test_each_photo_slide_is_a_figure_with_alt_from_alt_text_and_a_separate_credit() -> None:
    slide = Slide(id="a", image="/p.jpg", caption="The caption", credit="A. B. / AFP", alt_text="")
    figure = next(parse(render_page(_essay(slide), [PHOTO])).iter("figure"))

    img = next(figure.iter("img"))
    assert img.attrs["alt"] == ""  # empty alt text stays empty: never the caption
    caption = next(figure.iter("figcaption"))
    assert [c.text() for c in caption.find_class("caption")] == ["The caption"]
    assert [c.text() for c in caption.find_class("credit")] == ["A. B. / AFP"]


def test_images_have_size_srcset_sizes_and_only_the_first_loads_eagerly() -> None:
    slides = [Slide(id=str(i), image=f"/p{i}.jpg", alt_text="x") for i in range(4)]
    html = render_page(_essay(*slides), [PHOTO] * 4)
    images = list(parse(html).iter("img"))

    assert [i.attrs["loading"] for i in images] == ["eager", "lazy", "lazy", "lazy"]
    for image in images:
        assert image.attrs["width"] == "1280"
        assert image.attrs["height"] == "853"
        assert image.attrs["src"] == "photos/01-a-1280.jpg"
        assert image.attrs["srcset"] == "photos/01-a-640.jpg 640w, photos/01-a-1280.jpg 1280w"
        assert image.attrs["sizes"]


def test_text_slide_is_text_and_missing_photo_is_a_figure_with_a_note() -> None:
    essay = _essay(
        Slide(id="t", caption="First line\nSecond line", credit="Editors"),
        Slide(id="r", image="https://x.example/p.jpg", caption="Cap", credit="Cred"),
    )
    tree = parse(render_page(essay, [None, MissingPhoto("Photo not included.")]))

    text_slide = tree.find_class("slide--text")[0]
    assert text_slide.tag == "section"
    assert [p.text() for p in text_slide.find_class("caption")] == ["First line", "Second line"]
    assert list(tree.iter("img")) == []
    figure = next(tree.iter("figure"))
    assert figure.find_class("missing-photo")[0].attrs["role"] == "note"
    assert figure.find_class("credit")[0].text() == "Cred"


def test_language_sets_lang_and_direction_and_captions_find_their_own_direction() -> None:
    slide = Slide(id="a", image="/p.jpg", caption=ARABIC, credit=HEBREW, alt_text=ARABIC)
    arabic = parse(render_page(_essay(slide, language="ar"), [PHOTO]))
    html = next(arabic.iter("html"))
    assert (html.attrs["lang"], html.attrs["dir"]) == ("ar", "rtl")
    assert arabic.find_class("caption")[0].attrs["dir"] == "auto"
    assert arabic.find_class("caption")[0].text() == ARABIC
    assert arabic.find_class("credit")[0].text() == HEBREW

    english = next(parse(render_page(_essay(slide, language="en-GB"), [PHOTO])).iter("html"))
    assert (english.attrs["lang"], english.attrs["dir"]) == ("en-GB", "ltr")
    untagged = next(parse(render_page(_essay(slide, language=None), [PHOTO])).iter("html"))
    assert "lang" not in untagged.attrs


def test_empty_essay_still_makes_a_titled_page() -> None:
    tree = parse(render_page(Essay(), []))
    assert next(tree.iter("h1")).text() == "Untitled photo essay"
    assert list(tree.iter("figure")) == []


def test_control_characters_are_dropped_and_line_breaks_make_paragraphs() -> None:
    slide = Slide(id="a", caption="one\x00\x1etwo\r\nthree\u2028four\ud800", credit="x\x07y")
    tree = parse(render_page(_essay(slide), [None]))
    assert [p.text() for p in tree.find_class("caption")] == ["onetwo", "three\u2028four"]
    assert tree.find_class("credit")[0].text() == "xy"


_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))


@settings(max_examples=60, deadline=None)
@given(st.text(_PRINTABLE, min_size=1).filter(lambda t: bool(t.strip())))
def test_any_caption_comes_back_as_the_same_characters(caption: str) -> None:
    slide = Slide(id="a", image="/p.jpg", caption=caption, credit=caption, alt_text=caption)
    tree = parse(render_page(_essay(slide, title=caption), [PHOTO]))
    expected = caption.strip()
    assert tree.find_class("caption")[0].text() == expected
    assert tree.find_class("credit")[0].text() == expected
    assert next(tree.iter("img")).attrs["alt"] == caption.strip()
    assert next(tree.iter("h1")).text() == expected


def test_figures_are_named_by_their_caption_not_by_a_label() -> None:
    # aria-label would override the figcaption as the figure's accessible name.
    slide = Slide(id="a", image="/p.jpg", caption="Cap", alt_text="Alt")
    figure = next(parse(render_page(_essay(slide), [PHOTO])).iter("figure"))
    assert "aria-label" not in figure.attrs
    assert figure.attrs["id"] == "slide-1"
