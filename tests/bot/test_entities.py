"""Entities as students type them and as a speech recogniser writes them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.entities import days_said, extract

TODAY = date(2026, 11, 23)


def values(text: str) -> list[tuple[str, object]]:
    return [(e.type, e.value) for e in extract(text, TODAY)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Le loyer est de 289 € HT par mois sur 48 mois", [
        ("montant", {"montant": 289.0, "devise": "EUR", "taxe": "HT", "periode": "mois"}),
        ("duree", {"valeur": 48.0, "unite": "mois"})]),
    ("deux cent quatre-vingt-neuf euros par mois", [
        ("montant", {"montant": 289.0, "devise": "EUR", "periode": "mois"})]),
    ("ça fait 4 500 euros", [("montant", {"montant": 4500.0, "devise": "EUR"})]),
    ("je peux descendre à 2,5 k€", [("montant", {"montant": 2500.0, "devise": "EUR"})]),
    ("une remise de 10 %", [("pourcentage", 10.0)]),
    ("quatre-vingt-dix pour cent des clients", [("pourcentage", 90.0)]),
    # "pour cent" after no number is a price said aloud, not a percentage.
    ("un intérimaire pour cent euros le week-end", [
        ("montant", {"montant": 100.0, "devise": "EUR"})]),
    ("Thomas peut passer mardi prochain à 14 h ?", [
        ("date", {"jour": "mardi", "precision": "prochain", "heure": "14:00"})]),
    ("jeudi 15 h 30 en visio", [("date", {"jour": "jeudi", "heure": "15:30"})]),
    ("mardi à quatorze heures trente", [("date", {"jour": "mardi", "heure": "14:30"})]),
    ("demain matin à 9h", [("date", {"jour": "demain", "precision": "matin",
                                      "heure": "09:00"})]),
    ("le 12 mars", [("date", {"date": "2027-03-12"})]),
    ("c'est karim.benali@boulangeries-benali.fr", [
        ("email", "karim.benali@boulangeries-benali.fr")]),
    ("rappelez-moi au 06 12 34 56 78", [("telephone", "0612345678")]),
    ("ma commande EM-458921", [("numero_commande", "EM-458921")]),
    ("une intervention sous 4 heures ouvrées", [("duree", {"valeur": 4.0, "unite": "heure"})]),
])
def test_entity_values(text: str, expected: list[tuple[str, object]]) -> None:
    assert values(text) == expected


def test_no_entity_in_plain_talk() -> None:
    assert values("Bonjour madame, comment allez-vous ?") == []


@pytest.mark.parametrize(("text", "days"), [
    ("le délai de rétractation c'est 14 jours", [14]),
    ("en express sous 48 h, sinon 2 semaines", [2, 14]),
    ("comptez 36 heures", []),
    ("sous 5 jours ouvrés", [5]),
    ("pas de délai dans cette phrase", []),
])
def test_days_said(text: str, days: list[float]) -> None:
    assert days_said(extract(text)) == days
