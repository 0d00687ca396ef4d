"""Article export: the text it writes, the paths it makes relative, and each loss it warns about."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.storage.article_export import ArticleExport, export_article
from photoessay_desktop.storage.article_import import import_article, import_article_file

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"
OUT = Path("/srv/Редакция/essays")


def photo(number: int, **fields: object) -> Slide:
    values: dict[str, object] = {
        "id": f"slide-{number}",
        "image": f"/srv/Редакция/essays/photos/{number}.jpg",
        "caption": f"Caption {number}",
        "credit": "Aris Messinis / AFP",
    }
    return Slide.model_validate({**values, **fields})


def exported(essay: Essay, folder: Path = OUT) -> ArticleExport:
    return export_article(essay, output_folder=folder)


def test_the_seed_exports_to_text_that_imports_to_the_same_essay() -> None:
    essay = import_article_file(SEED).essay
    result = exported(essay)
    assert result.warnings == ()
    assert result.text.startswith(
        "# In Photos: Russian Forces Inch Forward in Bakhmut at Terrible Human Cost\n\n"
        "While analysts are divided"
    )
    assert "\n\nA building in Bakhmut burns following a Russian military strike.\n" in result.text
    assert result.text.endswith("Monastery in Kyiv.\npresident.gov.ua\n")
    again = import_article(result.text.encode(), article_folder=OUT)
    assert again.essay == essay
    assert again.notes == ()


def test_writes_the_documented_layout() -> None:
    essay = Essay(
        title="Lakes",
        standfirst="Standfirst.",
        body=("Body.",),
        slides=(photo(1, alt_text="A [lake] & sky"), Slide(id="slide-2", caption="Text only")),
    )
    assert exported(essay).text == (
        "# Lakes\n\nStandfirst.\n\nBody.\n\n"
        "![A \\[lake\\] & sky](photos/1.jpg)\nCaption 1\nAris Messinis / AFP\n\n"
        "Text only\n"
    )


@pytest.mark.parametrize(
    ("image", "target"),
    [
        ("/srv/Редакция/essays/photos/a b (1).jpg", "<photos/a b (1).jpg>"),
        ("/srv/Редакция/Фото/a.jpg", "../Фото/a.jpg"),
        ("/mnt/x.jpg", "../../../mnt/x.jpg"),
        ("/srv/Редакция/essays/javascript:alert(1)", "./javascript:alert(1)"),
        ("/srv/Редакция/essays/http:x.jpg", "./http:x.jpg"),
        ("/srv/Редакция/essays/C:\\x.jpg", "./C:\\x.jpg"),
        ("/srv/Редакция/essays/ a.jpg", "<./ a.jpg>"),
        ("/srv/Редакция/essays/a&amp;b\\(c).jpg", "a\\&amp;b\\\\(c).jpg"),
        ("C:\\Photos\\a.jpg", "C:\\Photos\\a.jpg"),
        ("https://en.wikipedia.org/wiki/A_(b)", "https://en.wikipedia.org/wiki/A_(b)"),
        ("https://a.example/x.jpg?a=(1", "<https://a.example/x.jpg?a=(1>"),
    ],
)
def test_paths_are_written_relative_with_slashes_and_read_back(image: str, target: str) -> None:
    essay = Essay(title="T", slides=(photo(1, image=image),))
    result = exported(essay)
    assert f"![]({target})\n" in result.text
    assert result.warnings == ()
    assert import_article(result.text.encode(), article_folder=OUT).essay == essay


def test_an_empty_title_and_one_that_looks_like_markup_read_back() -> None:
    for title in ("", "# Not a heading", "![a](b.jpg)"):
        essay = Essay(title=title, slides=(photo(1),))
        result = exported(essay)
        assert result.warnings == ()
        assert import_article(result.text.encode(), article_folder=OUT).essay == essay


@pytest.mark.parametrize(
    ("essay", "warning"),
    [
        (Essay(title="T", language="uk", slides=(photo(1),)), 'the language ("uk") is not kept'),
        (
            Essay(title="T", source_url="https://a.example/", slides=(photo(1),)),
            "the source address is not kept",
        ),
        (
            Essay(title="T", presentation=Presentation(loop=True), slides=(photo(1),)),
            "the slideshow settings (auto-advance, loop) are not kept",
        ),
        (Essay(title="T\nsub", slides=(photo(1),)), "the title has a line break"),
        (Essay(title=" T", slides=(photo(1),)), "the spaces around the title are trimmed"),
        (
            Essay(title="T", body=("B",), slides=(photo(1),)),
            "the standfirst is empty, so the first body paragraph reads back as the standfirst",
        ),
        (
            Essay(title="T", standfirst="S", body=("",), slides=(photo(1),)),
            "body paragraph 1 is empty and is left out",
        ),
        (
            Essay(title="T", standfirst="S", body=("B", "S"), slides=(photo(1),)),
            "body paragraph 2 repeats an earlier paragraph, and the import drops repeats",
        ),
        (
            Essay(title="T", standfirst="![a](b.jpg)", slides=(photo(1),)),
            "the standfirst reads back as an image line",
        ),
        (
            Essay(title="T"),
            "the essay has no slides, and an article needs at least one image line to import",
        ),
        (
            Essay(title="T", slides=(Slide(id="a", caption="C"), photo(2))),
            "slide 1 has no photo: slides begin at the first photo",
        ),
        (Essay(title="T", slides=(photo(1, notes="Say hello"),)), "slide 1: presenter notes"),
        (
            Essay(title="T", slides=(photo(1, duration_seconds=4.0),)),
            "slide 1: its own display time is not kept",
        ),
        (
            Essay(title="T", slides=(photo(1, caption="Two\r\nlines"),)),
            "the caption of slide 1 has a line break; it is written on one line",
        ),
        (
            Essay(title="T", slides=(photo(1, credit="AFP "),)),
            "the spaces around the credit of slide 1 are trimmed",
        ),
        (
            Essay(title="T", slides=(photo(1, caption="![x](y.jpg)"),)),
            "the caption of slide 1 reads back as an image line",
        ),
        (
            Essay(title="T", slides=(photo(1, alt_text="a\nb"),)),
            "the alt text of slide 1 has a line break",
        ),
        (
            Essay(title="T", slides=(photo(1), Slide(id="b", alt_text="x", caption="C"))),
            "slide 2: alt text without a photo is not kept",
        ),
        (
            Essay(title="T", slides=(photo(1), Slide(id="b", credit="AFP"))),
            "slide 2 has a credit but no caption, so the credit reads back as its caption",
        ),
        (
            Essay(title="T", slides=(photo(1), Slide(id="b"))),
            "slide 2 has no photo, caption or credit, so it is left out",
        ),
        (
            Essay(title="T", slides=(photo(1, credit=""), Slide(id="b", caption="C"))),
            "slide 1 has no credit, so the text of slide 2 (which has no photo) reads back as "
            "part of slide 1",
        ),
        (
            Essay(title="T", slides=(photo(1, caption="", credit=""), Slide(id="b", caption="C"))),
            "slide 1 has no caption or credit, so the text of slide 2",
        ),
        (
            Essay(title="T", slides=(photo(1, image="/srv/a\nb.jpg"),)),
            "slide 1: the photo path has a line break, so the photo is left out",
        ),
        (
            Essay(title="T", slides=(photo(1, image="/srv/a\x1bb.jpg"),)),
            "slide 1: the photo path holds control characters, and the import leaves it out",
        ),
        (
            Essay(title="T", slides=(photo(1, image="\\\\server\\share\\a.jpg"),)),
            "slide 1: the photo is on a network share, and the import leaves such paths out",
        ),
        (
            Essay(title="T", slides=(photo(1, image="/srv/a.jpg "),)),
            "slide 1: the photo path ends with a space, which the import trims",
        ),
    ],
)
def test_each_loss_is_named_in_a_warning(essay: Essay, warning: str) -> None:
    result = exported(essay)
    assert any(text.startswith(warning) for text in result.warnings), result.warnings


def test_line_breaks_are_joined_so_the_rest_keeps_its_place() -> None:
    essay = Essay(
        title="T",
        slides=(photo(1, caption="Line one\n  line two", alt_text="a\r\nb"), photo(2)),
    )
    again = import_article(exported(essay).text.encode(), article_folder=OUT).essay
    assert again.slides[0].caption == "Line one line two"
    assert again.slides[0].alt_text == "a b"
    assert again.slides[1] == photo(2)


def test_a_path_with_a_line_break_is_left_out_but_its_slide_stays() -> None:
    essay = Essay(title="T", slides=(photo(1), photo(2, image="/srv/a\nb.jpg")))
    again = import_article(exported(essay).text.encode(), article_folder=OUT).essay
    assert again.slides[1] == Slide(id="slide-2", caption="Caption 2", credit="Aris Messinis / AFP")


def test_export_and_import_agree_inside_a_non_ascii_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Фото ☕ (1)"
    (folder / "photos").mkdir(parents=True)
    essay = Essay(
        title="Ночь",
        standfirst="مرحبا",
        slides=(photo(1, image=str(folder / "photos" / "ніч [1].jpg"), alt_text="ніч"),),
    )
    article = folder / "article.md"
    article.write_text(exported(essay, folder).text, encoding="utf-8")
    assert import_article_file(article).essay == essay
