"""Article import: the seed, each reading rule, and every input the import must refuse or repair."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Slide
from photoessay_desktop.storage.article_import import (
    MAX_ARTICLE_BYTES,
    ArticleImport,
    ArticleImportError,
    ImportNote,
    import_article,
    import_article_file,
)

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"
FOLDER = Path("/srv/Статьи ☕/essay (1)")


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Статьи ☕ 記事 (1)"
    folder.mkdir()
    return folder


def imported(text: str, folder: Path = FOLDER) -> ArticleImport:
    return import_article(text.encode("utf-8"), article_folder=folder)


def refusal(data: bytes) -> str:
    with pytest.raises(ArticleImportError) as caught:
        import_article(data, article_folder=FOLDER)
    return str(caught.value)


def test_the_seed_imports_to_ten_slides_as_written() -> None:
    result = import_article_file(SEED)
    essay = result.essay
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert (
        essay.title
        == lines[0]
        == ("In Photos: Russian Forces Inch Forward in Bakhmut at Terrible Human Cost")
    )
    assert (essay.standfirst, *essay.body) == tuple(lines[1:4])
    assert [slide.id for slide in essay.slides] == [f"slide-{n}" for n in range(1, 11)]
    assert sum(slide.has_image for slide in essay.slides) == 8
    assert [slide.has_image for slide in essay.slides].index(False) == 1
    assert not essay.slides[7].has_image
    texts = [line for line in lines[6:] if not line.startswith("![")]
    assert [t for s in essay.slides for t in (s.caption, s.credit)] == texts
    assert (
        essay.slides[0].image == "https://static.themoscowtimes.com/image/1360/77/000_33AR92J-2.jpg"
    )
    # The look-alike letters stay: the preflight, not the import, reports them.
    assert essay.slides[2].caption.startswith("\u0410 Ukrainian servicem\u0430n walks")
    assert essay.slides[-1].credit == "president.gov.ua"
    assert result.notes == (
        ImportNote(5, "this paragraph repeats line 3, so it is left out"),
        ImportNote(6, "this paragraph repeats line 4, so it is left out"),
    )


def test_the_seed_reads_the_same_with_bom_crlf_and_padding() -> None:
    text = SEED.read_text(encoding="utf-8")
    padded = "\ufeff\r\n  \r\n" + "\r\n\r\n".join(f"  {line}\t " for line in text.split("\n"))
    assert import_article(padded.encode(), article_folder=SEED.parent).essay == (
        import_article_file(SEED).essay
    )


def test_old_mac_line_ends_are_line_ends() -> None:
    essay = imported("T\rS\r![](a.jpg)\rC\rK").essay
    assert (essay.title, essay.standfirst, essay.slides[0].caption) == ("T", "S", "C")


def test_a_heading_mark_is_dropped_from_the_title_only() -> None:
    essay = imported("#   Title \n# Not a title\n![](a.jpg)\n# caption").essay
    assert essay.title == "Title"
    assert essay.standfirst == "# Not a title"
    assert essay.slides[0].caption == "# caption"
    assert imported("#\n![](a.jpg)").essay.title == ""
    assert imported("#Title\n![](a.jpg)").essay.title == "#Title"


def test_an_article_that_starts_with_an_image_has_no_title() -> None:
    result = imported("![a](x.jpg)\ncaption")
    assert result.essay.title == ""
    assert result.essay.slides[0].caption == "caption"
    assert result.notes == (ImportNote(1, "the article starts with an image, so it has no title"),)


def test_slides_take_an_optional_image_a_caption_and_a_credit() -> None:
    text = "\n".join(
        [
            "Title",
            "![one](1.jpg)",  # 1: image only, the next line is an image
            "![two](2.jpg)",  # 2: image, caption, credit
            "Caption two",
            "Credit two",
            "Caption three",  # 3: a text slide, its caption where a new slide is due
            "Credit three",
            "![four](4.jpg)",  # 4: image and caption, no credit before the next image
            "Caption four",
            "![five](5.jpg)",  # 5: the last slide may lack its credit
            "Caption five",
        ]
    )
    slides = imported(text).essay.slides
    folder = os.fspath(FOLDER)
    assert slides == (
        Slide(id="slide-1", image=f"{folder}/1.jpg", alt_text="one"),
        Slide(
            id="slide-2",
            image=f"{folder}/2.jpg",
            alt_text="two",
            caption="Caption two",
            credit="Credit two",
        ),
        Slide(id="slide-3", caption="Caption three", credit="Credit three"),
        Slide(id="slide-4", image=f"{folder}/4.jpg", alt_text="four", caption="Caption four"),
        Slide(id="slide-5", image=f"{folder}/5.jpg", alt_text="five", caption="Caption five"),
    )


def test_a_last_text_slide_may_lack_a_credit() -> None:
    slides = imported("T\n![](a.jpg)\nA\nB\nLast caption").essay.slides
    assert slides[-1] == Slide(id="slide-2", caption="Last caption")


def test_only_exact_repeats_of_paragraphs_are_dropped() -> None:
    result = imported("T\nOne.\nTwo.\none.\nOne.\n  Two.  \nT\n![](a.jpg)\nOne.\nOne.")
    essay = result.essay
    assert (essay.standfirst, essay.body) == ("One.", ("Two.", "one.", "T"))
    assert [note.line for note in result.notes] == [5, 6]
    # Captions may repeat: the preflight reports duplicate captions, the import keeps them.
    assert essay.slides[0].caption == essay.slides[0].credit == "One."


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("photos/a.jpg", "/srv/Статьи ☕/essay (1)/photos/a.jpg"),
        ("./photos/../a.jpg", "/srv/Статьи ☕/essay (1)/a.jpg"),
        ("../Фото/a.jpg", "/srv/Статьи ☕/Фото/a.jpg"),
        ("/mnt/photos/a.jpg", "/mnt/photos/a.jpg"),
        ("<my photo (1).jpg>", "/srv/Статьи ☕/essay (1)/my photo (1).jpg"),
        ("my%20photo.jpg", "/srv/Статьи ☕/essay (1)/my%20photo.jpg"),
        ("صور/לילה.jpg", "/srv/Статьи ☕/essay (1)/صور/לילה.jpg"),
        ("<C:\\Photos\\a (1).jpg>", "C:\\Photos\\a (1).jpg"),
        ("photos\\a.jpg", "/srv/Статьи ☕/essay (1)/photos\\a.jpg"),
        ("<C:/My Photos/a.jpg>", "C:/My Photos/a.jpg"),
        (
            "https://en.wikipedia.org/wiki/File:A_(b).jpg",
            "https://en.wikipedia.org/wiki/File:A_(b).jpg",
        ),
        ("HTTPS://A.example/x.jpg?a=1&amp;b=2", "HTTPS://A.example/x.jpg?a=1&b=2"),
    ],
)
def test_targets_become_absolute_paths_or_stay_web_addresses(target: str, expected: str) -> None:
    result = imported(f"T\n![alt]({target})\ncaption")
    assert result.essay.slides[0].image == expected
    assert result.essay.slides[0].alt_text == "alt"
    assert result.notes == ()


def test_a_protocol_relative_address_is_read_as_https() -> None:
    result = imported("T\n![a](//cdn.example/p.jpg)\ncaption")
    assert result.essay.slides[0].image == "https://cdn.example/p.jpg"
    assert result.notes == (
        ImportNote(
            2,
            'the address "//cdn.example/p.jpg" names no scheme; it is read as '
            '"https://cdn.example/p.jpg"',
        ),
    )


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("javascript:alert(1)", '"javascript:" addresses are not allowed'),
        ("JAVASCRIPT:alert(document.cookie)", '"javascript:" addresses are not allowed'),
        ("JaVaScRiPt&#58;alert(1)", '"javascript:" addresses are not allowed'),
        ("javascript\\:alert(1)", '"javascript:" addresses are not allowed'),
        ("< javascript:alert(1)>", '"javascript:" addresses are not allowed'),
        ("<java\tscript:alert(1)>", "control characters"),
        ("<a.jpg\x1b[31m>", "control characters"),
        ("vbscript:msgbox(1)", '"vbscript:" addresses are not allowed'),
        ("data:image/png;base64,iVBORw0KGgo=", '"data:" addresses are not allowed'),
        ("file:///etc/passwd", '"file:" addresses are not allowed'),
        ("FILE:///C:/x.jpg", '"file:" addresses are not allowed'),
        ("\\\\\\\\evil.example\\share\\a.jpg", "network share paths are not imported"),
        ("<\\\\\\\\evil.example\\share\\a.jpg>", "network share paths are not imported"),
        ("https://", "no host name"),
        ("<https://a.example/my photo.jpg>", "spaces or control characters"),
        ("", "the image has no address"),
        ("<  >", "the image has no address"),
    ],
)
def test_unsafe_targets_are_dropped_and_the_rest_imports(target: str, reason: str) -> None:
    result = imported(f"T\nStandfirst\n![Alt]({target})\nCaption\nCredit\n![b](b.jpg)\nNext")
    essay = result.essay
    assert essay.slides[0] == Slide(id="slide-1", caption="Caption", credit="Credit")
    assert essay.slides[1].image == f"{os.fspath(FOLDER)}/b.jpg"
    assert essay.standfirst == "Standfirst"
    [note] = result.notes
    assert note.line == 3
    assert reason in note.message
    assert "\x1b" not in note.message and "\t" not in note.message


def test_a_huge_data_address_is_shortened_in_the_note() -> None:
    target = "data:image/png;base64," + "A" * 1_000_000
    [note] = imported(f"T\n![]({target})\nC").notes
    assert len(note.message) < 300
    assert note.message.startswith('the image address "data:image/png;base64,AAAA')


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("![broken(x.jpg)", "never closed with ]"),
        ("![a](https://w.example/A_(b.jpg", "( that is never closed"),
        ("![a](https://w.example/A_(b.jpg)", "the address has a ( without its own )"),
        ("![a](<x.jpg)", "never closed with >"),
        ("![a](x.jpg) and more", "more text follows"),
    ],
)
def test_a_broken_image_line_is_read_as_text_and_reported(line: str, reason: str) -> None:
    result = imported(f"T\n![](a.jpg)\n{line}\ncredit")
    assert result.essay.slides[0].caption == line
    [note] = result.notes
    assert note.line == 3
    assert reason in note.message and note.message.endswith("it is read as text")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the article is empty: there is nothing to import"),
        (b"  \n\t\r\n \n", "the article is empty: it holds only blank lines"),
        (b"\xef\xbb\xbf", "the article is empty: there is nothing to import"),
        (b"\xef\xbb\xbf \r\n", "the article is empty: it holds only blank lines"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "this is not article text: it holds NUL bytes, as pictures and other binary files do",
        ),
        (b"Title\n![](a.jpg)\nCap\x00tion", "this is not article text: it holds NUL bytes"),
        (
            "Title\n![](a.jpg)\n".encode("utf-16"),
            "the article is UTF-16 text; save it as UTF-8 and import it again",
        ),
        (
            "Title\r\nStandfirst\r\n![](a.jpg)\r\nCafé crème".encode("latin-1"),
            "line 4 is not UTF-8 text (byte 0xE9); save the article as UTF-8 and import it again",
        ),
        (b"\xff\xd8\xff\xe0 JFIF", "line 1 is not UTF-8 text (byte 0xFF)"),
        (
            b"Title\nStandfirst\nBody\nCaption\nCredit",
            "the article has no slide: slides begin at the first image line, such as "
            "![alt text](photo.jpg), and there is none",
        ),
        (
            b"Title\n![broken(a.jpg)\nCaption",
            "the article has no slide: line 2 starts like an image but is not one (the [ that "
            "opens the alt text is never closed with ]), and slides begin at the first image line",
        ),
        (b"x" * (MAX_ARTICLE_BYTES + 1), "the article is 16.0 MB, more than the 16 MB"),
    ],
)
def test_unusable_articles_are_refused_with_one_clear_message(data: bytes, message: str) -> None:
    assert refusal(data).startswith(message)


def test_notes_read_as_sentences() -> None:
    assert str(ImportNote(3, "left out")) == "line 3: left out"
    assert str(ImportNote(None, "left out")) == "left out"


def test_a_file_resolves_its_images_against_its_own_folder(article_folder: Path) -> None:
    (article_folder / "Фото").mkdir()
    path = article_folder / "статья.txt"
    path.write_bytes("Заголовок\n![Ніч](<Фото/ніч (2).jpg>)\nПідпис\nАвтор / AFP".encode())
    slide = import_article_file(path).essay.slides[0]
    assert slide.image == os.path.join(article_folder, "Фото", "ніч (2).jpg")
    assert (slide.alt_text, slide.caption, slide.credit) == ("Ніч", "Підпис", "Автор / AFP")


def test_a_relative_file_path_resolves_against_the_working_folder(
    article_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (article_folder / "a.txt").write_text("T\n![](p.jpg)\nC", encoding="utf-8")
    monkeypatch.chdir(article_folder)
    essay = import_article_file(Path("a.txt")).essay
    assert essay.slides[0].image == os.path.join(article_folder, "p.jpg")


def test_a_50_mb_file_is_refused_without_reading_it_all(article_folder: Path) -> None:
    path = article_folder / "огромный.txt"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: the test stays fast and small on disk
    with pytest.raises(ArticleImportError) as caught:
        import_article_file(path)
    assert str(caught.value) == (
        f"{path}: the file is 50.0 MB, more than the 16 MB an article may have"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "cannot read the file (No such file or directory)"),
        ("папка", "this is a folder, not an article text file"),
    ],
)
def test_unreadable_paths_are_refused_naming_the_file(
    article_folder: Path, name: str, message: str
) -> None:
    (article_folder / "папка").mkdir()
    with pytest.raises(ArticleImportError) as caught:
        import_article_file(article_folder / name)
    assert str(caught.value) == f"{article_folder / name}: {message}"


def test_a_refused_file_is_named_with_the_line(article_folder: Path) -> None:
    path = article_folder / "latin.txt"
    path.write_bytes("Titre\nÉté".encode("latin-1"))
    with pytest.raises(ArticleImportError) as caught:
        import_article_file(path)
    assert str(caught.value).startswith(f"{path}: line 2 is not UTF-8 text (byte 0xC9)")
