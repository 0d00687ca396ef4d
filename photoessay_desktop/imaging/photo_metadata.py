"""Caption, credit and related suggestions from a photo's IPTC, XMP and EXIF, with their sources.

One reader for the whole app: it says where each value came from and which other sources
disagree, and ignores camera boilerplate and blank fields. It suggests; it never edits an essay.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFile

from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.imaging.iptc_reader import read_iptc
from photoessay_desktop.imaging.metadata_text import (
    clean_text,
    is_meaningful,
    repair_mojibake,
    same_text,
)
from photoessay_desktop.imaging.photo_open import open_photo
from photoessay_desktop.imaging.xmp_reader import read_xmp

_EXIF_FIELDS = {270: "ImageDescription", 315: "Artist", 33432: "Copyright"}


@dataclass(frozen=True, slots=True)
class SourcedValue:
    """One value and the field it was read from, e.g. ("Aris Messinis", "IPTC By-line")."""

    value: str
    source: str


@dataclass(frozen=True, slots=True)
class MetadataSuggestion:
    """The value to suggest, its source, and differing values found in other sources."""

    value: str
    source: str
    disagreeing: tuple[SourcedValue, ...] = ()

    @property
    def disagrees(self) -> bool:
        """True when another source holds a different value (worth showing the user)."""
        return bool(self.disagreeing)


@dataclass(frozen=True, slots=True)
class PhotoMetadata:
    """Suggestions for a slide from its photo; None where nothing meaningful was found."""

    caption: MetadataSuggestion | None = None
    credit: MetadataSuggestion | None = None
    headline: MetadataSuggestion | None = None
    alt_text: MetadataSuggestion | None = None
    copyright: MetadataSuggestion | None = None
    problem: str = ""  # why nothing could be read (unreadable file), else ""


# Candidate fields in order of preference: XMP is Unicode by definition, IPTC may be legacy
# Latin-1, EXIF strings are nominally ASCII.
_CAPTION = ("XMP dc:description", "IPTC Caption-Abstract", "EXIF ImageDescription")
_PERSON = ("XMP dc:creator", "IPTC By-line", "EXIF Artist")
_AGENCY = ("XMP photoshop:Credit", "IPTC Credit")
_HEADLINE = ("XMP photoshop:Headline", "IPTC Headline", "XMP dc:title")
_ALT_TEXT = ("XMP Iptc4xmpCore:AltTextAccessibility",)
_COPYRIGHT = ("XMP dc:rights", "IPTC Copyright Notice", "EXIF Copyright")


def read_photo_metadata(path: Path, *, limits: DecodeLimits | None = None) -> PhotoMetadata:
    """Read the suggestions of the photo at `path`; never raises for a bad file (see .problem)."""
    try:
        with open_photo(path, limits or DecodeLimits()) as image:
            fields = collect_fields(image)
    except ImageDecodeError as exc:
        return PhotoMetadata(problem=str(exc))
    return metadata_from_fields(fields)


def collect_fields(image: ImageFile.ImageFile) -> dict[str, str]:
    """Every meaningful raw field, keyed "STANDARD name" (e.g. "IPTC By-line")."""
    fields: dict[str, str] = {}
    for name, value in read_xmp(image.info.get("xmp")).items():
        fields[f"XMP {name}"] = value
    for name, value in read_iptc(image).items():
        fields[f"IPTC {name}"] = value
    for name, value in _read_exif(image).items():
        fields[f"EXIF {name}"] = value
    return {key: value for key, value in fields.items() if is_meaningful(value)}


def metadata_from_fields(fields: dict[str, str]) -> PhotoMetadata:
    """Choose suggestions from collected fields (separate from reading, so it is easy to test)."""
    return PhotoMetadata(
        caption=_suggest(fields, _CAPTION),
        credit=_suggest_credit(fields),
        headline=_suggest(fields, _HEADLINE),
        alt_text=_suggest(fields, _ALT_TEXT),
        copyright=_suggest(fields, _COPYRIGHT),
    )


def _suggest(fields: dict[str, str], sources: tuple[str, ...]) -> MetadataSuggestion | None:
    present = [SourcedValue(fields[name], name) for name in sources if name in fields]
    if not present:
        return None
    first, *rest = present
    disagreeing = tuple(other for other in rest if not same_text(other.value, first.value))
    return MetadataSuggestion(first.value, first.source, disagreeing)


def _suggest_credit(fields: dict[str, str]) -> MetadataSuggestion | None:
    # News credits read "Photographer / Agency"; the two halves live in different fields.
    person = _suggest(fields, _PERSON)
    agency = _suggest(fields, _AGENCY)
    if person is None or agency is None:
        return person or agency
    disagreeing = person.disagreeing + agency.disagreeing
    if agency.value.casefold() in person.value.casefold():
        return MetadataSuggestion(person.value, person.source, disagreeing)
    if person.value.casefold() in agency.value.casefold():
        return MetadataSuggestion(agency.value, agency.source, disagreeing)
    return MetadataSuggestion(
        f"{person.value} / {agency.value}", f"{person.source} + {agency.source}", disagreeing
    )


def _read_exif(image: ImageFile.ImageFile) -> dict[str, str]:
    try:
        exif = image.getexif()
    except Exception:  # a damaged EXIF block must cost the suggestion, never the photo
        return {}
    found: dict[str, str] = {}
    for tag, name in _EXIF_FIELDS.items():
        raw = exif.get(tag)
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8", errors="replace")
        if not isinstance(raw, str):
            continue
        # EXIF Copyright may hold "photographer\0editor"; the photographer's part comes first.
        first = next((part for part in raw.split("\x00") if part.strip()), "")
        value = clean_text(repair_mojibake(first))
        if value:
            found[name] = value
    return found
