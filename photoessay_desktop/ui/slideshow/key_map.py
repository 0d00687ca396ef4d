"""The slideshow's keys, declared once: windows read them to act, the help overlay to list them.

Clicker-safe bindings as PowerPoint, Keynote and reveal.js users expect. It maps keys to commands
and never acts on them itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoessay_desktop.document.slideshow_controller import Command

Key = Qt.Key

KEY_COMMANDS: dict[Key, Command] = {
    Key.Key_Right: Command.NEXT,
    Key.Key_Down: Command.NEXT_ROW,
    Key.Key_PageDown: Command.NEXT,
    Key.Key_Space: Command.NEXT,
    Key.Key_N: Command.NEXT,
    Key.Key_Return: Command.CONFIRM,
    Key.Key_Enter: Command.CONFIRM,
    Key.Key_Left: Command.PREVIOUS,
    Key.Key_Up: Command.PREVIOUS_ROW,
    Key.Key_PageUp: Command.PREVIOUS,
    Key.Key_Backspace: Command.ERASE,
    Key.Key_P: Command.PREVIOUS,
    Key.Key_Home: Command.FIRST,
    Key.Key_End: Command.LAST,
    Key.Key_G: Command.GO,
    Key.Key_B: Command.BLACK,
    Key.Key_Period: Command.BLACK,
    Key.Key_W: Command.WHITE,
    Key.Key_O: Command.OVERVIEW,
    Key.Key_T: Command.TIMER,
    Key.Key_R: Command.RESET_TIMER,
    Key.Key_Question: Command.HELP,
    Key.Key_F1: Command.HELP,
    Key.Key_C: Command.CAPTIONS,
    Key.Key_A: Command.PAUSE,
    Key.Key_S: Command.SWAP_SCREENS,
    Key.Key_Escape: Command.LEAVE,
}

_DIGITS = {getattr(Key, f"Key_{digit}"): digit for digit in range(10)}

# Ctrl/Alt/Meta chords belong to the desktop (Alt+Tab, Ctrl+Q), never to the show.
_FOREIGN = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)

HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("Right, Down, Page Down, Space, N, Enter, click", "next slide"),
    ("Left, Up, Page Up, Backspace, P, right click", "previous slide"),
    ("mouse wheel", "next / previous"),
    ("Home / End", "first / last"),
    ("digits then Enter, or digits then G", "go to that slide (0: title card)"),
    ("B or .  /  W", "black / white screen (any key returns)"),
    ("O", "overview of all slides"),
    ("C", "captions on / off"),
    ("A", "pause / resume auto-advance"),
    ("T / R", "show timer / reset timer"),
    ("S", "swap audience and presenter screens"),
    ("? or F1", "this help"),
    ("Esc", "leave the slideshow"),
)


def command_for(key: int, modifiers: Qt.KeyboardModifier) -> Command | int | None:
    """The command (or a digit 0-9) for a key press, None for keys the show ignores."""
    if modifiers & _FOREIGN:
        return None
    try:
        qt_key = Key(key)
    except ValueError:
        return None
    digit = _DIGITS.get(qt_key)
    if digit is not None:
        return digit
    return KEY_COMMANDS.get(qt_key)
