"""Optional HEIC/HEIF support through the pillow-heif plug-in (the `heic` extra), when installed.

Registering adds the format to Pillow's registry for the whole process. photo_open.py calls
enable_heif() on the first file no other plug-in opens (importing pillow-heif costs about 20 ms, too
much for start-up); without the package everything else works unchanged.
"""

from __future__ import annotations

import importlib


def enable_heif() -> bool:
    """Register pillow-heif's opener if the package is installed; True when HEIC photos open."""
    try:
        plugin = importlib.import_module("pillow_heif")
    except ImportError:
        return False
    plugin.register_heif_opener()
    return True
