#!/usr/bin/env bash
# Rebuilds sample_essays/bakhmut/ from the seed article through the real `photoessay import`.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m photoessay_desktop import tests/data/seed_article.txt \
    -o sample_essays/bakhmut/bakhmut.essay.json --language en
