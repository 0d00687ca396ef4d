"""The project file's name, version and size limit: constants shared by the loader and the peek.

Kept apart from essay_file so the slideshow's first frame can read a file without importing
pydantic; no code here.
"""

from __future__ import annotations

FORMAT_NAME = "photoessay"
FORMAT_VERSION = 1
# A 2,000-slide essay is about 1 MB; 32 MB leaves room for long notes while refusing, before
# reading a byte, the 1 GB file someone picked by mistake.
MAX_FILE_BYTES = 32 * 1024 * 1024
SUFFIX = ".essay.json"
