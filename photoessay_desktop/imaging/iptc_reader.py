"""Read the IPTC-IIM caption and credit datasets of a photo, decoding its declared character set.

Record 1:90 names the character set (ESC % G is UTF-8); without it newsroom files are usually
UTF-8 or Windows-1252, so those are tried in turn. It must not guess beyond that or raise.
"""

from __future__ import annotations

from PIL import ImageFile, IptcImagePlugin

from photoessay_desktop.imaging.metadata_text import clean_text

# IIM record 2 datasets, by the names photo desks know them.
IPTC_FIELDS: dict[tuple[int, int], str] = {
    (2, 120): "Caption-Abstract",
    (2, 80): "By-line",
    (2, 110): "Credit",
    (2, 116): "Copyright Notice",
    (2, 105): "Headline",
    (2, 115): "Source",
}
_CHARSET_DATASET = (1, 90)
# ISO 2022 designations seen in IIM files, mapped to Python codecs.
_ESCAPES: dict[bytes, str] = {
    b"\x1b%G": "utf-8",
    b"\x1b%/I": "utf-8",
    b"\x1b-A": "latin-1",
    b"\x1b.A": "latin-1",
    b"\x1b-B": "iso8859-2",
    b"\x1b-F": "iso8859-7",
    b"\x1b-L": "iso8859-5",
    b"\x1b-M": "iso8859-9",
}


def read_iptc(image: ImageFile.ImageFile) -> dict[str, str]:
    """Field name -> cleaned text for the IPTC datasets present (repeated ones joined by "; ")."""
    try:
        info = IptcImagePlugin.getiptcinfo(image)
    except Exception:  # a damaged IRB block must cost the suggestion, never the photo
        return {}
    if not info:
        return {}
    codec = _declared_codec(info.get(_CHARSET_DATASET))
    found: dict[str, str] = {}
    for key, name in IPTC_FIELDS.items():
        raw = info.get(key)
        if raw is None:
            continue
        parts = raw if isinstance(raw, list) else [raw]
        texts = [clean_text(decode_iptc(part, codec)) for part in parts if isinstance(part, bytes)]
        joined = "; ".join(text for text in texts if text)
        if joined:
            found[name] = joined
    return found


def decode_iptc(data: bytes, codec: str | None) -> str:
    """Decode one dataset: the declared character set, else UTF-8, else Windows-1252."""
    if codec is not None:
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _declared_codec(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, bytes):
        return None
    return _ESCAPES.get(value.strip())
