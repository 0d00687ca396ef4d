"""Read the caption and credit properties of a photo's XMP packet (dc, photoshop, Iptc4xmpCore).

The packet comes from strangers' files, so DTDs and entities are refused before parsing (no
entity expansion attacks). Values may be attributes or rdf:Alt/Seq/Bag lists; x-default wins.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from photoessay_desktop.imaging.metadata_text import clean_text

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XMP_FIELDS: dict[str, str] = {
    "{http://purl.org/dc/elements/1.1/}description": "dc:description",
    "{http://purl.org/dc/elements/1.1/}creator": "dc:creator",
    "{http://purl.org/dc/elements/1.1/}rights": "dc:rights",
    "{http://purl.org/dc/elements/1.1/}title": "dc:title",
    "{http://ns.adobe.com/photoshop/1.0/}Credit": "photoshop:Credit",
    "{http://ns.adobe.com/photoshop/1.0/}Headline": "photoshop:Headline",
    "{http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/}AltTextAccessibility": (
        "Iptc4xmpCore:AltTextAccessibility"
    ),
}
MAX_XMP_BYTES = 4 * 1024 * 1024


def read_xmp(packet: bytes | str | None) -> dict[str, str]:
    """Property name -> cleaned text for the XMP properties present; {} for a bad packet."""
    if not packet:
        return {}
    data = packet.encode("utf-8") if isinstance(packet, str) else packet
    if len(data) > MAX_XMP_BYTES or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return {}
    try:
        root = ElementTree.fromstring(data.strip(b"\x00 \r\n\t"))
    except ElementTree.ParseError:
        return {}
    found: dict[str, str] = {}
    for description in root.iter(f"{{{_RDF}}}Description"):
        for tag, name in XMP_FIELDS.items():
            if name in found:
                continue
            attribute = description.get(tag)
            if attribute is not None and clean_text(attribute):
                found[name] = clean_text(attribute)
                continue
            element = description.find(tag)
            if element is not None:
                value = _element_value(element)
                if value:
                    found[name] = value
    return found


def _element_value(element: ElementTree.Element) -> str:
    items = list(element.iter(f"{{{_RDF}}}li"))
    if not items:
        return clean_text("".join(element.itertext()))
    if element.find(f"{{{_RDF}}}Alt") is not None:
        for item in items:
            if item.get(_XML_LANG) == "x-default":
                return clean_text("".join(item.itertext()))
        return clean_text("".join(items[0].itertext()))
    texts = [clean_text("".join(item.itertext())) for item in items]
    return "; ".join(text for text in texts if text)
