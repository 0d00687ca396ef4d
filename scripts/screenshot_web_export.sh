#!/usr/bin/env bash
# Exports the sample essay as a web page and screenshots it in headless Chromium at 390 and
# 1440 px wide. Usage: scripts/screenshot_web_export.sh [OUT_FOLDER]  (default docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PHOTOESSAY_DEV_PYTHON:-.venv/bin/python}"
PYTHONPATH=. "$PYTHON" -m tests.publishing.web_screenshots "${1:-docs/screenshots}"
