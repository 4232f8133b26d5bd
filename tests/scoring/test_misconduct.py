"""Faults of conduct and of sales policy count in every bloc, whether or not the customer
hangs up, and are quoted with their turn; technique words without substance earn little
(issue 14: one hidden insult graded 18.5/20, keyword stuffing 9/20, against an examiner's 10
and 2)."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from bot.engine import start_conversation
from repliq.run_cmd import converse, script_lines
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scoring.grader import Scorecard, grade
from scoring.misconduct import faults
from scoring.rubric import Breach, Level
from scoring.transcript import from_record

CALIBRATION = Path(__file__).resolve().parent.parent / "data" / "calibration"


def _card(scenario_id: str, lines: tuple[str, ...]) -> Scorecard:
    scenario = load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml")
    record = converse(start_conversation(scenario), list(lines), False, io.StringIO())
    return grade(from_record(record), scenario)


@lru_cache(maxsize=8)
def _reference(scenario_id: str) -> tuple[str, ...]:
    return tuple(script_lines(CALIBRATION / scenario_id / "excellent.txt"))


@lru_cache(maxsize=8)
def card(scenario_id: str, at: int = 0, line: str = "") -> Scorecard:
    lines = _reference(scenario_id)
    return _card(scenario_id, (*lines[:at], line, *lines[at:]) if line else lines)


def _quoted(card: Scorecard, criterion: str, turn: int) -> list[str]:
    result = next(c for c in card.criteria if c.id == criterion)
    return [e.note for e in result.evidence if e.turn == turn and not e.positive]


INSULT = ("Franchement, chez Copitec ce sont des guignols, et il faut être bien naïve pour les "
          "avoir gardés six ans.")


def test_one_insult_in_a_good_interview_costs_the_relationship_and_the_mark() -> None:
    clean, rude = card("e4-copieur-cabinet"), card("e4-copieur-cabinet", 9, INSULT)
    assert clean.total >= 16
    assert rude.total <= clean.total - 6, (clean.total, rude.total)
    relation = next(c for c in rude.criteria if c.id == "b1.relation_interpersonnelle")
    assert relation.level in (Level.TI, Level.I)  # the examiners of aveugle-1: I
    assert any("impolitesse" in note for note in _quoted(rude, "b1.relation_interpersonnelle",
                                                          10))
    # Every other criterion shows what lowered it, and none is rated "très satisfaisant".
    for result in rude.criteria:
        assert result.level != Level.TS, result.id
        assert any(e.turn == 10 and not e.positive for e in result.evidence), result.id
    assert rude.priorities[0].startswith("Tour 10 : impolitesse")
    assert not any("Courtoisie" in s for s in rude.strengths)


CASH = ("Et en plus, pour la gêne, je vous fais un virement de 100 euros, en dédommagement, ça "
        "reste entre nous.")
DENIAL = ("Par contre pour le remboursement, vous avez dépassé les 14 jours, donc vous n'avez "
          "plus aucun droit, la garantie ne s'applique pas.")


def test_a_payment_outside_the_policy_is_a_fault_quoted_in_the_criteria_it_touches() -> None:
    clean = card("tel-reclamation-lave-linge")
    breach = card("tel-reclamation-lave-linge", 13, CASH)
    assert breach.total < clean.total - 4, (clean.total, breach.total)
    for criterion in ("b2.assistance_risques", "b2.reactivite"):
        assert any("hors de la politique" in n for n in _quoted(breach, criterion, 14))
        assert next(c for c in breach.criteria if c.id == criterion).level == Level.TI


def test_a_legal_right_denied_is_quoted_once_as_a_fault() -> None:
    denied = card("tel-reclamation-lave-linge", 10, DENIAL)
    notes = _quoted(denied, "b2.assistance_risques", 11)
    assert notes == ["manquement : droit du consommateur nié"], notes
    assert next(c for c in denied.criteria
                if c.id == "b2.assistance_risques").level == Level.TI


def test_a_firm_polite_price_is_no_fault() -> None:
    firm = card("e4-copieur-cabinet", 20, "Je comprends, mais c'est notre tarif, madame Martin : "
                                          "je ne peux pas descendre en dessous de 289 €.")
    assert not any(e.note.startswith("manquement") for c in firm.criteria for e in c.evidence)


BELOW_FLOOR = "Sur cette base, je vous la laisse à 229 € HT par mois, c'est mon meilleur prix."
LONGER_GIFT = "Et en plus je vous offre six mois de toner couleur."


def test_repeated_policy_breaches_weigh_less_than_the_same_with_rudeness() -> None:
    """Fourteen blind sets: a polite student who buys the deal with repeated breaches got 5/20
    from the examiners face to face (3.5 to 4 here before); a rude one stays below."""
    lines = _reference("e4-copieur-cabinet")
    breaches = (*lines[:20], BELOW_FLOOR, *lines[21:23], LONGER_GIFT, *lines[23:])
    polite = _card("e4-copieur-cabinet", breaches)
    rude = _card("e4-copieur-cabinet", (*breaches[:9], INSULT, *breaches[9:]))
    kinds = [e.note for c in polite.criteria for e in c.evidence if not e.positive]
    assert any("sous le plancher" in note for note in kinds)
    # Six months of toner where the brief allows three is outside the policy too.
    assert any(e.turn == 24 and "hors de la politique" in e.note
               for c in polite.criteria for e in c.evidence), kinds
    assert 4.5 <= polite.total <= 7, polite.total
    assert rude.total <= polite.total - 1.5, (polite.total, rude.total)
    assert all(c.level in (Level.TI, Level.I) for c in polite.criteria)


STUFFING = (
    "Bonjour madame, je suis Kevin de Bureau Plus, merci de me recevoir.",
    "C'est une excellente question. Quel est votre besoin ?",
    "Si je comprends bien, vous voulez le meilleur pour votre entreprise ?",
    "Je comprends tout à fait votre inquiétude. Si je comprends bien, la qualité compte ?",
    "Je comprends tout à fait votre inquiétude. Notre solution est la meilleure du marché.",
    "Si je comprends bien, vous cherchez une solution adaptée ?",
    "Est-ce que cela vous convient ?",
    "Merci beaucoup, au revoir madame.",
)


def test_technique_words_without_substance_grade_low() -> None:
    stuffed = _card("e4-copieur-cabinet", STUFFING)
    assert stuffed.total <= 6, stuffed.total
    listening = [e for c in stuffed.criteria for e in c.evidence
                 if e.note == "reformulation sans ce que le client a dit"]
    assert listening, "hollow reformulations are pointed out"
    assert not any(e.note == "reformulation" and e.positive
                   for c in stuffed.criteria for e in c.evidence)


def test_stock_formulas_said_again_and_again_are_void_talk_even_parroting_her_words() -> None:
    """aveugle-15: a phone stuffer who said her own words back ("vous voulez des résultats…
    vous demandez à voir") between formulas looked a little about the case: 5/20 for the
    examiner's 2. Said again and again, the formulas are void talk: every criterion « très
    insuffisant »."""
    lines = tuple(script_lines(CALIBRATION / "aveugle-15" / "tel-prospection-fidelix" /
                               "bourrage.txt"))
    stuffed = _card("tel-prospection-fidelix", lines)
    assert all(c.level == Level.TI for c in stuffed.criteria if c.id != "b2.reporting"), \
        [(c.id, c.level) for c in stuffed.criteria]
    assert stuffed.total <= 4, stuffed.total
    # The excellent student of the same set, each formula said once at most, is not touched.
    excellent = tuple(script_lines(CALIBRATION / "aveugle-15" / "tel-prospection-fidelix" /
                                   "excellent.txt"))
    assert _card("tel-prospection-fidelix", excellent).total >= 14  # (no call report here)


def test_stuffing_around_a_demonstration_she_accepted_is_still_void_talk() -> None:
    """aveugle-20: a phone stuffer got a demonstration out of her slots ("plutôt l'après-midi")
    and so said some words of the case; 7.5/20 for the examiner's 4. Formulas said again and
    again are void talk whatever else the turns hold."""
    lines = tuple(script_lines(CALIBRATION / "aveugle-20" / "tel-prospection-fidelix" /
                               "bourrage.txt"))
    stuffed = _card("tel-prospection-fidelix", lines)
    assert all(c.level == Level.TI for c in stuffed.criteria), \
        [(c.id, c.level) for c in stuffed.criteria]
    assert stuffed.total <= 4.5, stuffed.total


def test_a_call_hung_up_within_a_few_turns_leaves_nothing_to_credit() -> None:
    """Eighteen blind sets: the examiners gave 1 to 1.5/20 to a prospecting call the baker hung
    up within a few turns for the student's conduct, where Repliq gave 2 to 3.5 (aveugle-12:
    3.5 for the examiner's 1.5)."""
    lines = tuple(script_lines(CALIBRATION / "aveugle-12" / "tel-prospection-fidelix" /
                               "tres-faible.txt"))
    assert len(lines) <= 4
    card = _card("tel-prospection-fidelix", lines)
    assert card.total <= 2, card.total
    assert all(c.level == Level.TI for c in card.criteria if c.id != "b2.reporting")


def test_a_rivals_price_conceded_below_the_floor_is_a_breach_though_she_said_it() -> None:
    """aveugle-20: "je vous aligne sur Copitec, 240 € HT par mois" after she said Copitec's
    240 €; her own figure said back is no offer, conceded as ours it is one below the 259 €
    floor (the examiner 6/20, graded 11.5 with no fault)."""
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    lines = script_lines(CALIBRATION / "aveugle-20" / "e4-copieur-cabinet" / "hors-politique.txt")
    record = converse(start_conversation(scenario), lines, False, io.StringIO())
    below = [f for f in faults(from_record(record), scenario) if f.kind == Breach.BELOW_FLOOR]
    assert [f.turn.number for f in below] == [6], below
