"""Writing to the terminal safely. Text that came from outside (a student's line, a name in
an imported file, a scenario) may hold escape sequences that move the cursor, retitle the
window or hide what follows (ESC, OSC, bidi overrides): they are removed before printing.
Rich's `strip_control_codes` keeps ESC itself, so the filter is ours."""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from typing import TextIO

# Format characters that reorder or hide text; the zero-width joiner family is kept
# (emoji and some scripts need it).
_BIDI = {"\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
         "\u2066", "\u2067", "\u2068", "\u2069"}
_KEEP = {"\n", "\t"}


def clean(text: object, keep_newlines: bool = True) -> str:
    """The text without control characters (C0, C1, DEL), line/paragraph separators or bidi
    overrides; an escape sequence loses its ESC and prints as harmless characters."""
    keep = _KEEP if keep_newlines else {"\t"}
    out = []
    for char in str(text):
        if char in keep:
            out.append(char)
        elif char in ("\u2028", "\u2029", "\r", "\n", "\x0b", "\x0c"):
            out.append(" ")
        elif unicodedata.category(char) == "Cc" or char in _BIDI:
            continue
        else:
            out.append(char)
    return "".join(out)


def one_line(text: object) -> str:
    """A student's line as a turn: one line, nothing a terminal would obey, no edge spaces.
    Empty means it is not a turn (an empty Enter, a blank script line): the loop that plays
    the line and the count of unplayed script lines must agree on that."""
    return clean(text, keep_newlines=False).strip()


def _write(stream: TextIO, text: str) -> None:
    stream.write(text + "\n")
    stream.flush()


def show(text: object = "") -> None:
    """One cleaned line (or block) on standard output."""
    _write(sys.stdout, clean(text))


def say(text: object) -> None:
    """One cleaned line on standard error; never raises (stderr may be closed or full)."""
    with contextlib.suppress(OSError, ValueError):
        _write(sys.stderr, clean(text))


def tolerant_streams() -> None:
    """A terminal or a pipe that is not UTF-8 gets '?' for what it cannot show, instead of
    a UnicodeEncodeError in the middle of a session."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="replace")
