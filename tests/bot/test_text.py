"""How the customer's lines name things: a noun with its article."""

from __future__ import annotations

import pytest

from bot.text import with_article


@pytest.mark.parametrize(("name", "said"), [
    ("installation", "l’installation"),
    ("mise en service", "la mise en service"),
    ("frais de dossier", "les frais de dossier"),
    ("Remplacement express sous 48 h", "le remplacement express sous 48 h"),
    ("Réparation de la porte", "la réparation de la porte"),
])
def test_with_article(name: str, said: str) -> None:
    assert with_article(name) == said
