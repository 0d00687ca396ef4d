"""read_photo_metadata: IPTC (and its charsets), XMP, EXIF; sources, conflicts, boilerplate."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from photoessay_desktop.imaging.metadata_text import is_meaningful
from photoessay_desktop.imaging.photo_metadata import (
    PhotoMetadata,
    metadata_from_fields,
    read_photo_metadata,
)
from tests.imaging.photo_files import jpeg_with_metadata, xmp_packet

REAL = Path(__file__).parent.parent / "data" / "photos"
UTF8 = (1, 90, b"\x1b%G")


def test_olympus_boilerplate_and_space_padded_fields_suggest_nothing() -> None:
    # kite.jpg: EXIF "OLYMPUS DIGITAL CAMERA   ", space-padded Artist/Copyright, XMP "x-default".
    for name in ("kite.jpg", "cold-ripple.jpg"):
        assert read_photo_metadata(REAL / name) == PhotoMetadata(), name


def test_real_exif_description_becomes_the_caption() -> None:
    meta = read_photo_metadata(REAL / "colorful-cups.jpg")
    assert meta.caption is not None
    assert meta.caption.value.startswith("Colorful cups. Aarhus, Denmark.")
    assert meta.caption.source == "EXIF ImageDescription"
    assert meta.credit is None  # digiKam's "x-default" placeholders are not credits


def test_real_photographer_found_in_three_agreeing_sources() -> None:
    meta = read_photo_metadata(REAL / "fallen-leaf.jpg")
    assert meta.credit is not None
    assert meta.credit.value == "Martin Klapetek"
    assert meta.credit.source == "XMP dc:creator"
    assert not meta.credit.disagrees  # IPTC By-line and EXIF Artist say the same


def test_iptc_utf8_declared(photo_dir: Path) -> None:
    path = jpeg_with_metadata(
        photo_dir / "a.jpg",
        iptc=[
            UTF8,
            (2, 120, "Бахмут: мешканці ховаються в підвалі".encode()),
            (2, 80, b"Aris Messinis"),
            (2, 110, b"AFP"),
            (2, 105, "Ukraine — the siege".encode()),
        ],
    )
    meta = read_photo_metadata(path)
    assert meta.caption is not None and meta.caption.value == "Бахмут: мешканці ховаються в підвалі"
    assert meta.caption.source == "IPTC Caption-Abstract"
    assert meta.credit is not None and meta.credit.value == "Aris Messinis / AFP"
    assert meta.credit.source == "IPTC By-line + IPTC Credit"
    assert meta.headline is not None and meta.headline.value == "Ukraine — the siege"


def test_iptc_latin1_without_declaration(photo_dir: Path) -> None:
    path = jpeg_with_metadata(
        photo_dir / "b.jpg", iptc=[(2, 80, "Risto Saukonpää".encode("latin-1"))]
    )
    meta = read_photo_metadata(path)
    assert meta.credit is not None and meta.credit.value == "Risto Saukonpää"


def test_iptc_declared_cyrillic_iso8859_5(photo_dir: Path) -> None:
    path = jpeg_with_metadata(
        photo_dir / "c.jpg",
        iptc=[(1, 90, b"\x1b-L"), (2, 120, "Київ".encode("iso8859-5"))],
    )
    meta = read_photo_metadata(path)
    assert meta.caption is not None and meta.caption.value == "Київ"


def test_repeated_bylines_are_joined(photo_dir: Path) -> None:
    path = jpeg_with_metadata(
        photo_dir / "d.jpg", iptc=[UTF8, (2, 80, b"Ann Lee"), (2, 80, b"Bo Yu")]
    )
    meta = read_photo_metadata(path)
    assert meta.credit is not None and meta.credit.value == "Ann Lee; Bo Yu"


def test_xmp_fields_and_alt_text(photo_dir: Path) -> None:
    packet = xmp_packet(
        "<dc:description><rdf:Alt><rdf:li xml:lang='uk'>Опис</rdf:li>"
        "<rdf:li xml:lang='x-default'>Residents shelter in a basement</rdf:li></rdf:Alt>"
        "</dc:description>"
        "<dc:creator><rdf:Seq><rdf:li>Evgeniy Maloletka</rdf:li></rdf:Seq></dc:creator>"
        "<photoshop:Credit>AP</photoshop:Credit>"
        "<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang='x-default'>"
        "A woman lights a candle</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>"
    )
    meta = read_photo_metadata(jpeg_with_metadata(photo_dir / "e.jpg", xmp=packet))
    assert meta.caption is not None and meta.caption.value == "Residents shelter in a basement"
    assert meta.caption.source == "XMP dc:description"
    assert meta.credit is not None and meta.credit.value == "Evgeniy Maloletka / AP"
    assert meta.alt_text is not None and meta.alt_text.value == "A woman lights a candle"


def test_xmp_properties_as_attributes(photo_dir: Path) -> None:
    packet = xmp_packet("").replace('rdf:about=""', 'rdf:about="" photoshop:Credit="Reuters"')
    meta = read_photo_metadata(jpeg_with_metadata(photo_dir / "f.jpg", xmp=packet))
    assert meta.credit is not None and meta.credit.value == "Reuters"
    assert meta.credit.source == "XMP photoshop:Credit"


def test_disagreeing_sources_are_reported(photo_dir: Path) -> None:
    path = jpeg_with_metadata(
        photo_dir / "g.jpg",
        iptc=[UTF8, (2, 120, b"Old caption from the wire")],
        xmp=xmp_packet(
            "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>New caption"
            "</rdf:li></rdf:Alt></dc:description>"
        ),
        exif={270: "new caption."},
    )
    meta = read_photo_metadata(path)
    assert meta.caption is not None
    assert (meta.caption.value, meta.caption.source) == ("New caption", "XMP dc:description")
    assert meta.caption.disagrees
    # EXIF differs only in case and full stop: that is agreement, not a conflict worth showing.
    assert [(d.value, d.source) for d in meta.caption.disagreeing] == [
        ("Old caption from the wire", "IPTC Caption-Abstract")
    ]


def test_exif_utf8_and_copyright_with_editor_part(photo_dir: Path) -> None:
    # Editors write UTF-8 bytes into EXIF's "ASCII" strings; Pillow reads them back as Latin-1.
    exif: dict[int, str | bytes] = {
        315: "José Álvarez".encode(),
        33432: "© 2024 José Álvarez\x00Desk".encode(),
    }
    path = jpeg_with_metadata(photo_dir / "h.jpg", exif=exif)
    meta = read_photo_metadata(path)
    assert meta.credit is not None and meta.credit.value == "José Álvarez"
    assert meta.copyright is not None and meta.copyright.value == "© 2024 José Álvarez"


def test_hostile_xmp_with_entities_is_ignored(photo_dir: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + xmp_packet("<photoshop:Credit>&b;</photoshop:Credit>")
    )
    meta = read_photo_metadata(jpeg_with_metadata(photo_dir / "i.jpg", xmp=bomb))
    assert meta.credit is None and meta.problem == ""


def test_malformed_xmp_and_iptc_do_not_hide_the_rest(photo_dir: Path) -> None:
    path = jpeg_with_metadata(
        photo_dir / "j.jpg", xmp="<x:xmpmeta><unclosed", exif={315: "Jane Doe"}
    )
    meta = read_photo_metadata(path)
    assert meta.credit is not None and meta.credit.value == "Jane Doe"


def test_unreadable_files_report_a_problem(photo_dir: Path) -> None:
    empty = photo_dir / "empty.jpg"
    empty.write_bytes(b"")
    assert "empty" in read_photo_metadata(empty).problem
    assert "not found" in read_photo_metadata(photo_dir / "missing.jpg").problem


def test_agency_already_in_byline_is_not_doubled() -> None:
    meta = metadata_from_fields({"IPTC By-line": "Aris Messinis / AFP", "IPTC Credit": "AFP"})
    assert meta.credit is not None and meta.credit.value == "Aris Messinis / AFP"


@given(
    st.sampled_from(
        [
            "OLYMPUS DIGITAL CAMERA",
            "SONY DSC",
            "x-default",
            "",
            "   ",
            "Untitled",
            "KODAK Digital Still Camera",
            "EXIF_JPEG_PICTURE",
            "DIGITAL CAMERA",
        ]
    )
)
def test_boilerplate_is_never_meaningful(value: str) -> None:
    from photoessay_desktop.imaging.metadata_text import clean_text

    assert not is_meaningful(clean_text(value))


@settings(max_examples=50)
@given(
    # Generated long enough up front: filtering short strings away starved Hypothesis.
    st.text(min_size=13, max_size=60).filter(
        lambda s: any(c.isalpha() for c in s) and len(s.strip()) > 12
    )
)
def test_real_sentences_survive(value: str) -> None:
    from photoessay_desktop.imaging.metadata_text import clean_text

    assert is_meaningful(clean_text(value))
