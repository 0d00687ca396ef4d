"""Measure the web and PDF exports against a floor taken in the same run.

The floor is what no export can avoid: decoding each photo once at the largest size it needs
(imaging's decode_image, one thread). Run `python benchmarks/bench_export.py`; it prints seconds
per photo and ratios to the floor, and asserts nothing (shared, noisy machines). Input: the ten
2560x1600 sample photos in tests/data/photos.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from photoessay_desktop.domain.essay import Essay, Slide  # noqa: E402
from photoessay_desktop.imaging.decode import decode_image  # noqa: E402
from photoessay_desktop.publishing.pdf_document import export_pdf  # noqa: E402
from photoessay_desktop.publishing.web_export import export_web_page  # noqa: E402
from photoessay_desktop.publishing.web_images import MAX_HEIGHT, WEB_WIDTHS  # noqa: E402

PHOTOS = sorted((ROOT / "tests" / "data" / "photos").glob("*.jpg"))


def seconds(work: object, repeat: int = 2) -> float:
    """Best wall-clock time of `repeat` runs of work() (wall, not CPU: the export uses threads)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    app = QGuiApplication(["bench", "-platform", "offscreen"])
    essay = Essay(
        title="Benchmark",
        language="en",
        slides=tuple(
            Slide(id=f"s{n}", image=str(p), caption="Caption", credit="Credit", alt_text="Alt")
            for n, p in enumerate(PHOTOS)
        ),
    )
    count = len(PHOTOS)
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        floor = seconds(lambda: [decode_image(p, fit=(WEB_WIDTHS[-1], MAX_HEIGHT)) for p in PHOTOS])
        web = seconds(lambda: export_web_page(essay, out / "web"))
        pdf = seconds(lambda: export_pdf(essay, out / "essay.pdf"))
        size = sum(f.stat().st_size for f in (out / "web" / "photos").iterdir())
    print(f"{count} photos, {os.cpu_count()} cores")
    print(f"floor: decode at 2048 px        {floor / count * 1000:7.0f} ms/photo")
    for label, total in (("web page (3 widths, threads)", web), ("PDF (one page a photo)", pdf)):
        print(f"{label:32}{total / count * 1000:7.0f} ms/photo  {total / floor:4.2f}x floor")
    print(f"web photos on disk              {size / count / 1024:7.0f} KB/photo (all widths)")
    del app


if __name__ == "__main__":
    main()
