"""Measure article import and markdown export against a floor taken in the same run.

The floor is what no importer can avoid: decoding the bytes and splitting them into lines. Run
`python benchmarks/bench_article.py`; it prints times and ratios, it asserts nothing (shared,
noisy machines). Inputs: the seed article repeated to many slides, and hostile 4 MB files.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from photoessay_desktop.storage.article_export import export_article  # noqa: E402
from photoessay_desktop.storage.article_import import (  # noqa: E402
    ArticleImportError,
    import_article,
)

FOLDER = ROOT / "tests" / "data"
MB = 1024 * 1024


def best_cpu_seconds(work: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def floor(data: bytes) -> None:
    for line in re.split(r"\r\n|\r|\n", data.decode("utf-8-sig")):
        line.strip()


def importing(data: bytes) -> Callable[[], object]:
    def run() -> object:
        try:
            return import_article(data, article_folder=FOLDER)
        except ArticleImportError as exc:
            return exc

    return run


def inputs() -> dict[str, bytes]:
    seed = (FOLDER / "seed_article.txt").read_bytes()
    slides = seed.split(b"\n", 6)[6]
    return {
        "seed (10 slides)": seed,
        "seed x100 (1000 slides)": seed + b"\n" + b"\n".join([slides] * 99),
        "4 MB data: address": b"T\n![](data:image/png;base64," + b"A" * (4 * MB) + b")\nC",
        "4 MB of [": b"T\n![" + b"[" * (4 * MB),
        "4 MB of repeated paragraphs": b"T\n" + b"para\n" * (4 * MB // 5) + b"![](a.jpg)",
    }


def main() -> None:
    for name, data in inputs().items():
        base = max(best_cpu_seconds(lambda data=data: floor(data)), 1e-6)
        took = best_cpu_seconds(importing(data))
        print(f"import {name:32} {took * 1000:9.1f} ms  {took / base:6.1f}x the decode+split floor")
    essay = import_article(inputs()["seed x100 (1000 slides)"], article_folder=FOLDER).essay
    took = best_cpu_seconds(lambda: export_article(essay, output_folder=FOLDER))
    print(f"export 1000 slides                       {took * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
