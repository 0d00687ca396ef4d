"""Optional HEIC/HEIF support through the pillow-heif plug-in (the `heic` extra), when installed.

Registering adds the format to Pillow's registry for the whole process, so the composition root
calls enable_heif() once at start-up; without the package everything else works unchanged.
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
