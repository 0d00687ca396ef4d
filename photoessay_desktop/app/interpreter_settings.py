"""Interpreter settings for a GUI process that decodes photos on worker threads.

Python hands its lock (GIL) from a running thread to a waiting one every 5 ms by default. While a
decode thread runs Python code (a JPEG header, an EXIF block), a key press then waited up to that
long, and the GUI thread's pauses sat right at 5 ms in the imaging benchmark. Handing over every
millisecond costs the workers a few more switches and gives the GUI thread its turn in time.
"""

from __future__ import annotations

import sys

GUI_SWITCH_INTERVAL_S = 0.001


def favour_the_gui_thread() -> None:
    """Make waiting threads (the GUI thread above all) get Python's lock within a millisecond."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
