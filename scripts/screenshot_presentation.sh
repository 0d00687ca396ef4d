#!/usr/bin/env bash
# Records the slideshow at 1920x1080 on a virtual X screen: a photo slide with a long caption on a
# bright photo, a text card, the title card, and the presenter view.
# Usage: scripts/screenshot_presentation.sh [OUT_FOLDER]   (default docs/screenshots)
# Needs the screenshot tool (Xvfb + xdotool + ImageMagick): SCREENSHOT=path/to/screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PHOTOESSAY_DEV_PYTHON:-.venv/bin/python}"
SCREENSHOT="${SCREENSHOT:-/work/shared/tools/screenshot}"
OUT="${1:-docs/screenshots}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# A demo essay: a near-white snowfield photo (the hardest case for white captions), a text card,
# two real sample photos, notes and a timing plan.
PYTHONPATH=. "$PYTHON" - "$WORK" <<'PY'
import shutil
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.storage.essay_file import save_essay

work = Path(sys.argv[1])
snow = Image.new("RGB", (3000, 2000), (250, 250, 252))
draw = ImageDraw.Draw(snow)
for y in range(1100, 2000):  # a bright snowfield under a white sky
    shade = 246 - (y - 1100) // 30
    draw.line([(0, y), (3000, y)], fill=(shade, shade, shade + 3))
for x in range(300, 2900, 420):  # fence posts and their soft shadows
    draw.rectangle([x, 1180, x + 26, 1400], fill=(120, 110, 100))
    draw.polygon([(x, 1400), (x + 26, 1400), (x + 160, 1440), (x + 130, 1440)], fill=(215, 218, 228))
snow.filter(ImageFilter.GaussianBlur(2)).save(work / "snowfield.jpg", quality=92)
photos = Path("sample_essays/lakes/photos")
for name in ("summer-1am.jpg", "by-the-water.jpg"):
    shutil.copy(photos / name, work / name)
long_caption = (
    "Snow has covered the fields around Kharkiv since the first week of December; farmers who "
    "stayed say the fences are all that shows where one plot ends and the next begins, and that "
    "the quiet after each shelling is the hardest part of the day."
)
slides = (
    Slide(
        id="snow",
        image=str(work / "snowfield.jpg"),
        caption=long_caption,
        credit="Aris Messinis / AFP",
        notes="Hold here. Mention the three families we followed; the next slide is the quote.",
        duration_seconds=45,
    ),
    Slide(
        id="quote",
        caption="\u201cWe do not leave, because the land would not know us when we came back.\u201d",
        credit="Olena, 71, farmer",
        notes="Read the quote slowly. Pause before moving on.",
        duration_seconds=20,
    ),
    Slide(
        id="lake",
        image=str(work / "summer-1am.jpg"),
        caption="One o'clock on a summer night: the sky never darkens.",
        credit="Risto Saukonp\u00e4\u00e4 / KDE Plasma wallpapers",
        duration_seconds=30,
    ),
    Slide(
        id="water",
        image=str(work / "by-the-water.jpg"),
        caption="By the water.",
        credit="Maciej Wiklo / KDE Plasma wallpapers",
        duration_seconds=30,
    ),
)
essay = Essay(
    title="The winter they stayed",
    standfirst="In the villages east of Kharkiv, the families who would not leave.",
    slides=slides,
    presentation=Presentation(),
)
save_essay(essay, work / "demo.essay.json")
PY

present() { PYTHONPATH=. "$PYTHON" -m photoessay_desktop present "$WORK/demo.essay.json" "$@"; }
"$SCREENSHOT" "$OUT/slideshow-photo.png" -w 3 -- bash -c "$(declare -f present); WORK='$WORK' PYTHON='$PYTHON' present --start 1"
"$SCREENSHOT" "$OUT/slideshow-text-card.png" -w 3 -- bash -c "$(declare -f present); WORK='$WORK' PYTHON='$PYTHON' present --start 2"
"$SCREENSHOT" "$OUT/slideshow-title-card.png" -w 3 -- bash -c "$(declare -f present); WORK='$WORK' PYTHON='$PYTHON' present"
# The presenter view in its rehearsal window, maximised by the keys after the wait: Right moves
# to slide 1 so the notes, the next slide and the plan show.
"$SCREENSHOT" "$OUT/presenter-view.png" -w 3 -k "Right" -- bash -c "$(declare -f present); WORK='$WORK' PYTHON='$PYTHON' present --presenter"
ls -l "$OUT"/slideshow-*.png "$OUT"/presenter-view.png
