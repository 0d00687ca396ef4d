#!/usr/bin/env bash
# Screenshots of the editor on the lakes sample, made under a virtual X server:
#   docs/screenshots/editor.png (1920x1080) and editor-1280x720.png for the README, and
#   $TMPDIR/photoessay-editor-2x.png (2560x1440 at scale 2) to look at, not to commit (over 1 MB).
# Usage: scripts/screenshot_editor.sh [PYTHON]
#   SCREENSHOT=path/to/screenshot overrides the capture tool (default /work/shared/tools/screenshot).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${1:-${PHOTOESSAY_DEV_PYTHON:-$root/.venv/bin/python}}
shot=${SCREENSHOT:-/work/shared/tools/screenshot}
essay=sample_essays/lakes/lakes.essay.json
mkdir -p "$root/docs/screenshots"
cd "$root"
export PYTHONPATH="$root"
"$shot" docs/screenshots/editor.png -s 1920x1080 -w 4 -- "$python" scripts/editor_for_screenshot.py "$essay" 3
"$shot" docs/screenshots/editor-1280x720.png -s 1280x720 -w 4 -- "$python" scripts/editor_for_screenshot.py "$essay" 3
QT_SCALE_FACTOR=2 "$shot" "${TMPDIR:-/tmp}/photoessay-editor-2x.png" -s 2560x1440 -w 4 -- "$python" scripts/editor_for_screenshot.py "$essay" 3
# Re-compress losslessly: the repository keeps files under 1 MB.
"$python" - <<'PY'
from pathlib import Path
from PIL import Image
for path in Path("docs/screenshots").glob("editor*.png"):
    Image.open(path).convert("RGB").save(path, optimize=True)
    print(path, path.stat().st_size)
PY
