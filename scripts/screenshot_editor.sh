#!/usr/bin/env bash
# Screenshots of the editor on the lakes sample, made under a virtual X server:
#   docs/screenshots/editor.png (1920x1080) and docs/screenshots/editor-1280x720.png.
# Usage: scripts/screenshot_editor.sh [PYTHON]   (needs /work/shared/tools/screenshot or SCREENSHOT=...)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${1:-${PHOTOESSAY_DEV_PYTHON:-$root/.venv/bin/python}}
shot=${SCREENSHOT:-/work/shared/tools/screenshot}
mkdir -p "$root/docs/screenshots"
cd "$root"
export PYTHONPATH="$root"
"$shot" docs/screenshots/editor.png -s 1920x1080 -w 4 -- \
  "$python" scripts/editor_for_screenshot.py sample_essays/lakes/lakes.essay.json 2
"$shot" docs/screenshots/editor-1280x720.png -s 1280x720 -w 4 -- \
  "$python" scripts/editor_for_screenshot.py sample_essays/lakes/lakes.essay.json 2
