"""Defaults that front ends need before opening the store (no sqlite import)."""

from __future__ import annotations

import getpass
import os


def default_student() -> str:
    """$REPLIQ_STUDENT, else the account name: a student is not asked every time."""
    return os.environ.get("REPLIQ_STUDENT") or getpass.getuser()
