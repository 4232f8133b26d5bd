"""A price made up against the brief's price list is a fault, whatever the customer made of
it: the director rarely caught "les 20 spots et le direct pour 700 €" (1 300 € in the
brief), and the grade followed him (issue 14, eight blind sets of eleven)."""

from __future__ import annotations

import pytest

from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scoring.calibration import graded
from scoring.rubric import Level
from scoring.tariffs import wrong_tariffs

from .test_misconduct import CALIBRATION, _quoted, card

EVENT = load_scenario(BUILTIN_DIR / "e4-evenement-responsable.yaml")

MADE_UP = [
    ("J'ai eu Loire Ondes FM, ils me font les 20 spots et le direct du samedi matin pour 700 € "
     "au lieu de 1 300.", "radio-direct", "à 700 €"),
    ("Ils nous font le direct gratuitement avec le pack 20 spots à 700 €.", "radio-direct",
     "offert"),
    ("Je leur dis que le direct est offert en échange de la visibilité.", "radio-direct",
     "offert"),
    ("Je suis sûre d'avoir le direct et les spots pour 700 €.", "radio-direct", "à 700 €"),
    ("Je m'arrange pour avoir les spots et le direct au prix des spots seuls, 700 €.",
     "radio-direct", "au prix de"),
    ("Et les deux horticulteurs acceptent 300 € chacun, je m'en arrange avec eux.",
     "horticulteur", "à 300 €"),
    ("Un intérimaire pour cinquante euros le week-end, c'est réglé.", "interimaire", "à 50 euros"),
]

AS_IN_THE_BRIEF = [
    "Radio : 20 spots sans direct, 700 €.",
    "Je garde les 20 spots mais je renonce au direct, ça fait 600 € de moins.",
    "Le projet complet, c'est 4 500 € : 1 300 € pour Loire Ondes FM avec les spots et le direct "
    "du samedi matin, 900 € d'animateurs, 600 € de kits.",
    "Je récapitule : les spots radio seuls à 700 € au lieu du pack avec direct, les points "
    "doublés à 300 € au lieu du bon de 5 €.",
    "Avec le direct de Loire Ondes FM, les flyers et un bon de 5 € par adhésion.",
    "Un seul intérimaire : on économise 225 €.",
    "Les kits de rempotage offerts aux participants, 300 kits à 2 €.",
    "Si Loire Ondes FM offrait le direct, on garderait tout.",
    "Vous pensez que la radio ferait le direct pour 700 € ?",
    "Le direct, c'est 600 € de plus que les spots seuls.",
]


@pytest.mark.parametrize(("said", "item", "how"), MADE_UP)
def test_an_item_stated_cheaper_or_free_than_the_brief_is_found(
        said: str, item: str, how: str) -> None:
    found = wrong_tariffs(said, EVENT)
    assert [w.tariff.id for w in found] == [item]
    assert how in found[0].detail and "la fiche dit" in found[0].detail


@pytest.mark.parametrize("said", AS_IN_THE_BRIEF)
def test_prices_of_the_brief_savings_and_questions_are_no_fault(said: str) -> None:
    assert wrong_tariffs(said, EVENT) == []


def test_a_scenario_without_a_price_list_finds_nothing() -> None:
    copier = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    assert wrong_tariffs("Le direct pour 1 €, cadeau.", copier) == []


RADIO = ("Et bonne nouvelle : j'ai appelé Loire Ondes FM, ils nous font les 20 spots et le direct "
         "du samedi pour 700 € au lieu de 1 300.")


def test_a_made_up_tariff_is_quoted_with_the_brief_price_and_lowers_the_mark() -> None:
    clean = card("e4-evenement-responsable")
    made_up = card("e4-evenement-responsable", 17, RADIO)
    assert made_up.total <= clean.total - 3, (clean.total, made_up.total)
    for criterion in ("b1.efficacite_negociation", "b1.analyses_propositions",
                      "b1.organisation_evenement"):
        notes = _quoted(made_up, criterion, 18)
        # (The brief's price as every amount is written: a narrow no-break space.)
        assert any("tarif contraire à la fiche" in n and "1\u202f300 €" in n for n in notes), notes
        result = next(c for c in made_up.criteria if c.id == criterion)
        assert result.level in (Level.TI, Level.I), (criterion, result.level)
    assert not any("tarif contraire" in e.note for c in clean.criteria for e in c.evidence)
    # The first priority names the item, the brief's price and the sentence that said it.
    first = made_up.priorities[0]
    assert first.startswith("Tour 18 : tarif contraire à la fiche"), first
    assert "la fiche dit 1 300 €" in first and "« Et bonne nouvelle : j'ai appelé" in first


def test_what_a_made_up_tariff_bought_is_no_strength() -> None:
    """aveugle-12: "Proposition de 2800 € dans le budget" was a strength beside a radio priced
    600 € where the brief says 1 300 € (the examiner: 6.5/20, "invented prices")."""
    student = graded(CALIBRATION / "aveugle-12" / "e4-evenement-responsable", "hors-politique")
    assert student.card.priorities[0].startswith("Tour 3 : tarif contraire à la fiche")
    assert not any(s.startswith("Proposition de") for s in student.card.strengths), \
        student.card.strengths
