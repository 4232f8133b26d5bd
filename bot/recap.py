"""What makes a turn read as a recap one: the customer (a commitment heard) and the grade (a
recap credited) decide it the same way."""

from __future__ import annotations

import re
from collections.abc import Sized

from .text import fold

# A recap says so or restates the terms ("Je récapitule : …", "Donc on est d'accord : …"); the
# act reader also takes a confirmation of the last point for one ("C'est noté pour samedi
# matin, votre dossier est le SAV-…", which the examiners of eight blind sets called "pas de
# récapitulatif" for the complaint's good student, every time).
_RECAP_SAID = re.compile(r"recapitul|\bresum|\bje reprends\b|on est (?:bien )?d'accord|"
                         r"pour etre (?:sur|sure|clair|claire)\b|pour que (?:ce soit|tout soit) "
                         r"clair|\bfaisons le point|\bje fais le point|\ben bref\b")
RECAP_TERMS = 4


def sums_up(text: str, entities: Sized) -> bool:
    """Whether a turn read as a recap is one: it says so, or restates RECAP_TERMS terms the
    entity layer found (amounts, dates, durations, references, contact details)."""
    return bool(_RECAP_SAID.search(fold(text))) or len(entities) >= RECAP_TERMS
