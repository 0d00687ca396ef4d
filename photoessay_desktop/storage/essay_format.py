"""The project file's name, version and size limit: constants shared by the loader and the peek.

Kept apart from essay_file so the first frames of the show and the editor can read a file without
importing pydantic; no code here.
"""

from __future__ import annotations

from photoessay_desktop.domain.essay_name import ESSAY_SUFFIX

FORMAT_NAME = "photoessay"
FORMAT_VERSION = 1
# A 2,000-slide essay is about 1 MB; 32 MB leaves room for long notes while refusing, before
# reading a byte, the 1 GB file someone picked by mistake.
MAX_FILE_BYTES = 32 * 1024 * 1024
SUFFIX = ESSAY_SUFFIX
