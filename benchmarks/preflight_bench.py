"""How long check_essay takes on 1000-slide essays: the editor runs it after every edit.

One command, no arguments: `python benchmarks/preflight_bench.py`. Prints a table, then one JSON
line. Each case reports the median and best of several runs and its ratio to a floor measured in
the same run (reading every text once), since these shared machines drift. Target: under 50 ms.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.preflight import check_essay

SLIDES = 1000
RUNS = 15
TARGET_MS = 50.0

# Curly quotes and dashes as newsrooms type them: non-ASCII, so the cheap ASCII test fails.
ENGLISH = (
    "Ukrainian servicemen fire a 105mm howitzer toward Russian positions outside Bakhmut\u2019s "
    "\u201csalt mines\u201d \u2014 the town\u2019s {n}th day under fire, as Volodymyr Zelensky "
    "vowed to hold it."
)
UKRAINIAN = (
    "Українські військові ведуть вогонь з гаубиці по російських позиціях біля Бахмута, день {n}; "
    "президент Володимир Зеленський пообіцяв утримувати місто «скільки можливо»."
)
# Cyrillic captions naming Latin-script things: every caption takes the per-word path.
UKRAINIAN_WITH_LATIN = (
    "Військові НАТО та журналісти AFP і Reuters біля Бахмута, день {n}; президент "  # noqa: RUF001
    "Зеленський пообіцяв утримувати місто, а HIMARS продовжують працювати."  # noqa: RUF001
)
# The seed's flaws on every slide: a lone Cyrillic A, a Cyrillic a inside a word, two names.
FLAWED = (
    "\u0410 Ukrainian servicem\u0430n walks over the ruins of bridge {n} near Bovshiv and Borshiv."
)
CREDITS = ("Aris Messinis / AFP", "Alex Babenko / Reuters", "Sergei Shestak, AFP", "Reuters")


def essay(caption: str, *, images: bool = True, lead: str = ENGLISH) -> Essay:
    slides = tuple(
        Slide(
            id=f"s{n}",
            image=f"/photos/{n}.jpg" if images else None,
            caption=caption.format(n=n),
            credit=CREDITS[n % len(CREDITS)],
            alt_text=f"Soldiers beside a howitzer, photo {n}",
            notes=f"Pause here {n}",
        )
        for n in range(SLIDES)
    )
    return Essay(
        title=lead.format(n=0)[:60],
        standfirst=lead.format(n=0),
        body=(lead.format(n=1), lead.format(n=2)),
        slides=slides,
    )


def many_names() -> Essay:
    """Stress, not a real essay: 8,000 made-up names from few letters, so thousands of pairs."""
    rnd = random.Random(1)

    def name() -> str:
        syllables = rnd.randint(2, 4)
        return rnd.choice("BCDFGKLMNPRSTVZ") + "".join(
            rnd.choice("aeiou") + rnd.choice("bcdklmnprstvz") for _ in range(syllables)
        )

    slides = tuple(
        Slide(
            id=f"s{n}",
            image=f"/photos/{n}.jpg",
            caption=f"{name()} {name()} walks with {name()} near {name()}, said {name()}.",
            credit=f"{name()} {name()} / AFP",
            alt_text="People in a street",
        )
        for n in range(SLIDES)
    )
    return Essay(title="Names", slides=slides)


def floor(essay_: Essay) -> None:
    """The least any check must do: look at every text once."""
    for slide in essay_.slides:
        for text in (slide.caption, slide.credit, slide.alt_text, slide.notes):
            text.isascii()


def timed(function: Callable[[], object]) -> list[float]:
    """CPU milliseconds of each run: on a shared, busy machine wall time measures the neighbours."""
    function()  # warm up: the per-script regexes compile on first use
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        function()
        times.append((time.process_time() - start) * 1000)
    return times


def main() -> None:
    facts = {
        f"/photos/{n}.jpg": ImageFacts(ImageStatus.READABLE, 1600, 1067) for n in range(SLIDES)
    }
    cases = {
        "English, curly quotes, unique captions": essay(ENGLISH),
        "English, every caption with look-alikes": essay(FLAWED),
        "Ukrainian essay, Latin credits": essay(UKRAINIAN, lead=UKRAINIAN),
        "Ukrainian essay naming AFP, HIMARS": essay(UKRAINIAN_WITH_LATIN, lead=UKRAINIAN),
        "English essay, Ukrainian captions": essay(UKRAINIAN),
        "text slides only (no photos)": essay(ENGLISH, images=False),
        "stress: 8,000 made-up names, 2,400 pairs": many_names(),
    }
    results = []
    for name, case in cases.items():
        base = statistics.median(timed(lambda case=case: floor(case)))
        times = timed(lambda case=case: check_essay(case, facts))
        median = statistics.median(times)
        results.append(
            {
                "case": name,
                "slides": SLIDES,
                "findings": len(check_essay(case, facts)),
                "median_ms": round(median, 2),
                "best_ms": round(min(times), 2),
                "floor_ms": round(base, 3),
                "ratio_to_floor": round(median / base, 1) if base else None,
                "within_target": median < TARGET_MS,
            }
        )
    header = (
        f"{'case':44} {'findings':>8} {'median ms':>10} {'best ms':>8} {'floor ms':>9} "
        f"{'x floor':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in results:
        print(
            f"{row['case']:44} {row['findings']:>8} {row['median_ms']:>10} {row['best_ms']:>8} "
            f"{row['floor_ms']:>9} {row['ratio_to_floor']:>8}"
        )
    print(json.dumps({"benchmark": "preflight", "target_ms": TARGET_MS, "results": results}))


if __name__ == "__main__":
    main()
