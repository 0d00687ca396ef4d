#!/usr/bin/env bash
# Registers PhotoEssay with the desktop for the current user (no root): the application icon, the
# menu entry and the *.essay.json file type, so project files open in PhotoEssay on double-click.
# Usage: scripts/install_desktop_integration.sh [--uninstall]
set -euo pipefail
res=$(cd "$(dirname "$0")/../photoessay_desktop/resources" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/photoessay.desktop" "$data/icons/hicolor/scalable/apps/photoessay.svg" \
        "$data/mime/packages/photoessay-mime.xml"
else
  install -Dm644 "$res/photoessay.desktop" "$data/applications/photoessay.desktop"
  install -Dm644 "$res/photoessay.svg" "$data/icons/hicolor/scalable/apps/photoessay.svg"
  install -Dm644 "$res/photoessay-mime.xml" "$data/mime/packages/photoessay-mime.xml"
fi
# Refresh the caches where the tools exist; a missing tool only delays the change to next login.
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
if [ "${1:-}" != "--uninstall" ] && command -v xdg-mime >/dev/null; then
  xdg-mime default photoessay.desktop application/x-photoessay+json || true
fi
echo "done"
