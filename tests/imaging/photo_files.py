"""Small generated photos for the imaging and loader tests: every odd format and every bad file.

Everything is made with Pillow at test time (a few kilobytes each), so the repository carries no
binary fixtures beyond the few real camera files in tests/data/photos.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

ORIENTATION_TAG = 0x0112
# Adobe RGB (1998) colorants adapted to D50, as in the published profile; gamma 563/256.
_ADOBE_RGB_COLORANTS = (
    (0.6097, 0.3111, 0.0195),
    (0.2053, 0.6257, 0.0609),
    (0.1492, 0.0632, 0.7446),
)
_D50 = (0.9642, 1.0, 0.8249)


def quadrants(size: tuple[int, int]) -> Image.Image:
    """An RGB image whose four quadrants are red, green, blue and white: shows any flip or turn."""
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    half_w, half_h = width // 2, height // 2
    image.paste((255, 0, 0), (0, 0, half_w, half_h))
    image.paste((0, 255, 0), (half_w, 0, width, half_h))
    image.paste((0, 0, 255), (0, half_h, half_w, height))
    return image


def save_jpeg(
    path: Path, image: Image.Image, *, orientation: int | None = None, **extra: object
) -> Path:
    """Save `image` as a JPEG, optionally tagged with an EXIF orientation."""
    params: dict[str, object] = {"quality": 95, **extra}
    if orientation is not None:
        exif = Image.Exif()
        exif[ORIENTATION_TAG] = orientation
        params["exif"] = exif.tobytes()
    image.save(path, "JPEG", **params)
    return path


def adobe_rgb_profile() -> bytes:
    """A minimal ICC v2 matrix/TRC profile with Adobe RGB (1998) primaries, built byte by byte."""

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(values: tuple[float, float, float]) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(s15(v) for v in values)

    description = b"Test Adobe RGB\0"
    desc = (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(description))
        + description
        + b"\0" * 12  # no Unicode or ScriptCode descriptions
        + b"\0" * 67
    )
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 563) + b"\0\0"
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(_D50)),
        (b"rXYZ", xyz(_ADOBE_RGB_COLORANTS[0])),
        (b"gXYZ", xyz(_ADOBE_RGB_COLORANTS[1])),
        (b"bXYZ", xyz(_ADOBE_RGB_COLORANTS[2])),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0public domain\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table = b""
    data = b""
    for signature, body in tags:
        while (offset + len(data)) % 4:
            data += b"\0"
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    body = struct.pack(">I", len(tags)) + table + data
    header = (
        struct.pack(">I", 128 + len(body))
        + b"none"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acspAPPL"
        + b"\0" * 24
        + s15(_D50[0])
        + s15(_D50[1])
        + s15(_D50[2])
        + b"\0" * 48
    )
    assert len(header) == 128, len(header)
    return header + body


def truncated_copy(source: Path, target: Path, keep: float = 0.5) -> Path:
    """Write the first `keep` fraction of `source` to `target`: a download cut short."""
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * keep)])
    return target


def png_header_claiming(path: Path, size: tuple[int, int]) -> Path:
    """A tiny PNG whose header claims `size`: a decompression bomb that costs nothing to make."""
    Image.new("L", (8, 8)).save(path, "PNG")
    data = bytearray(path.read_bytes())
    data[16:24] = struct.pack(">II", *size)  # IHDR width/height
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = struct.pack(">I", crc)
    path.write_bytes(bytes(data))
    return path


def iptc_segment(datasets: list[tuple[int, int, bytes]]) -> bytes:
    """A JPEG APP13 segment (Photoshop IRB 0x0404) holding these IPTC-IIM datasets."""
    iim = b"".join(
        b"\x1c" + bytes([record, number]) + struct.pack(">H", len(data)) + data
        for record, number, data in datasets
    )
    if len(iim) % 2:
        iim += b"\x00"
    irb = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    body = b"Photoshop 3.0\x00" + irb
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def jpeg_with_metadata(
    path: Path,
    *,
    iptc: list[tuple[int, int, bytes]] | None = None,
    xmp: str | None = None,
    exif: dict[int, str | bytes] | None = None,
) -> Path:
    """A small JPEG carrying the given IPTC datasets, XMP packet and EXIF string tags."""
    params: dict[str, object] = {}
    if exif:
        block = Image.Exif()
        for tag, value in exif.items():
            block[tag] = value
        params["exif"] = block.tobytes()
    if xmp is not None:
        params["xmp"] = xmp.encode("utf-8")
    Image.new("RGB", (16, 16), (90, 90, 90)).save(path, "JPEG", **params)
    if iptc:
        data = path.read_bytes()
        path.write_bytes(data[:2] + iptc_segment(iptc) + data[2:])
    return path


def xmp_packet(properties: str, namespaces: str = "") -> str:
    """An XMP packet with one rdf:Description holding `properties` (XML elements)."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
        f'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" {namespaces}>'
        f"{properties}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
