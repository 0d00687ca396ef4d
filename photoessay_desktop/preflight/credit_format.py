"""The credit-format check: a credit that breaks the "Name / Agency" pattern of the others.

The essay's own credits set the house separator (" / " unless most credits agree on another);
a credit with another separator, a "Photo:" style prefix the others lack, trailing punctuation or
stray spaces is reported. A plain single source ("Reuters", "president.gov.ua") is fine.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from photoessay_desktop.domain.essay import Slide
from photoessay_desktop.preflight.essay_text import quote
from photoessay_desktop.preflight.finding import Finding, Severity

CODE = "credit-format"
HOUSE_SEPARATOR = " / "
# Separators between a photographer and an agency, as newsrooms type them; " / " first.
_SEPARATOR = re.compile(r" / |(?<=\S)/(?=\S)| ?/ | /|, | [-\u2013\u2014] | ?\| ?|; ")
# A label before the name: "©", "(c)", "Copyright", or a word such as "Photo" followed by ":" or
# "by". The word alone is not enough: "Picture Alliance" and "Image Bank" are agencies.
_PREFIX = re.compile(
    r"^\s*(?:(?:©|\(c\)|copyright\b)\s*:?"
    r"|(?:credits?|photo(?:graph)?s?|pictures?|images?|fotos?)\s*(?::|\bby\b|[\-\u2013\u2014]\s))"
    r"\s*",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[.,;:/|\-\u2013\u2014]$")
# Trailing dots that belong to the credit: initials and company abbreviations.
_ABBREVIATION = re.compile(r"(?:\b\w\.\w\.|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Ltda|S\.A)\.)$")
_SPACING = re.compile(r"^\s|\s$|\s{2,}|[\t\u00a0]")


def credit_format_findings(slides: Sequence[Slide]) -> list[Finding]:
    """One finding per credit that breaks the essay's pattern, listing everything wrong with it."""
    credits = [(number, slide.credit) for number, slide in enumerate(slides, start=1)]
    credits = [(number, credit) for number, credit in credits if credit.strip()]
    if not credits:
        return []
    # An essay repeats a handful of credits many times: judge each distinct credit once.
    uses = Counter(credit for _, credit in credits)
    separators = {credit: _separators(credit) for credit in uses}
    prefixed = {credit for credit in uses if _PREFIX.match(credit)}
    house = _house_separator(_weighted(separators, uses))
    example = next(
        (c.strip() for c, seps in separators.items() if seps == {house} and c not in prefixed), None
    )
    prefixes_are_house = sum(uses[credit] for credit in prefixed) * 2 > len(credits)
    messages: dict[str, str | None] = {}
    findings = []
    for number, credit in credits:
        if credit not in messages:
            problems = _problems(
                credit, separators[credit], house, example, prefixes_are_house=prefixes_are_house
            )
            messages[credit] = (
                f"Credit {_shown(credit)} {'; '.join(problems)}." if problems else None
            )
        message = messages[credit]
        if message is not None:
            findings.append(Finding(CODE, Severity.INFO, number, message, "credit"))
    return findings


def _weighted(separators: dict[str, set[str]], uses: Counter[str]) -> Counter[str]:
    """How many credits use each separator."""
    counts: Counter[str] = Counter()
    for credit, seps in separators.items():
        for sep in seps:
            counts[sep] += uses[credit]
    return counts


def _shown(credit: str) -> str:
    """The credit as typed (spaces kept, since they may be the problem), cut when very long."""
    return f'"{credit}"' if len(credit) <= 80 else f'"{credit[:79]}\u2026"'


def _separators(credit: str) -> set[str]:
    return {_canonical(found) for found in _SEPARATOR.findall(_PREFIX.sub("", credit.strip()))}


def _canonical(separator: str) -> str:
    stripped = separator.strip()
    return (
        HOUSE_SEPARATOR
        if stripped == "/" and separator == HOUSE_SEPARATOR
        else ("/" if stripped == "/" else f"{stripped} " if stripped in ",;" else f" {stripped} ")
    )


def _house_separator(counts: Counter[str]) -> str:
    # The house style " / " wins ties: it is what the credit field asks for.
    return min(
        counts, key=lambda sep: (-counts[sep], sep != HOUSE_SEPARATOR), default=HOUSE_SEPARATOR
    )


def _problems(
    credit: str, seps: set[str], house: str, example: str | None, *, prefixes_are_house: bool
) -> list[str]:
    problems = []
    prefix = _PREFIX.match(credit)
    if prefix and prefix.group().strip() and not prefixes_are_house:
        problems.append(f'starts with "{prefix.group().strip()}": give the name alone')
    if seps and house not in seps:
        other = " and ".join(f'"{sep}"' for sep in sorted(seps))
        like = f" (as in {quote(example, 50)})" if example else ""
        problems.append(
            f'separates name and agency with {other} where the other credits use "{house}"{like}'
        )
    stripped = credit.strip()
    if _TRAILING.search(stripped) and not _ABBREVIATION.search(stripped):
        problems.append(f'ends with "{stripped[-1]}"')
    if _SPACING.search(credit):
        problems.append("has stray spaces (at an end, doubled, a tab or a no-break space)")
    return problems
