"""What the examiners of the blind calibration sets (tests/data/calibration/aveugle-2 to
aveugle-8, issue 14) judged that the grade missed, checked on the students they graded: a sales
talk that proposes nothing, a price held above the customer's budget with no agreement, a result
obtained by breaking the rules again and again, the file identified by its order number, a
restatement opened by "Donc", the photos asked for, priorities that quote the turn calling for
them, a measure the call never gave written in the report, an introduction the engine missed, a
promise taken back, costs hidden outside the envelope, contempt taken for a broken rule, a right
denied while naming it, the file identified by her name checked, a first price under the list
price, a question read as a proposal, his own figure said back, a restatement ranked second,
cuts paid for in the same turn, a restatement opened by "Je vous entends :", breaches told to
the manager in new words; and from aveugle-35 to -37: blame put on the carrier, every promise
taken at its word, money off the books, an offer opened by "alors", a remedy settled within the
policy, a project held over the director's ceiling."""

from __future__ import annotations

from pathlib import Path

from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scoring.calibration import graded
from scoring.expectations import check
from scoring.grader import Scorecard
from scoring.observations import Observer
from scoring.rubric import Level
from scoring.transcript import Transcript

SET = Path(__file__).resolve().parent.parent / "data" / "calibration" / "aveugle-2"


def _card(scenario: str, student: str) -> Scorecard:
    return graded(SET / scenario, student).card


def _criterion(card: Scorecard, criterion: str):
    return next(c for c in card.criteria if c.id == criterion)


def _notes(card: Scorecard, criterion: str) -> list[str]:
    return [e.note for e in _criterion(card, criterion).evidence]


def _met(scenario: str, student: str) -> list[str]:
    """The expectations the student met (the scorecard shows the most telling only)."""
    transcript: Transcript = graded(SET / scenario, student).transcript
    return [r.label for r in check(transcript, load_scenario(BUILTIN_DIR / f"{scenario}.yaml"))
            if r.met]


def test_a_sales_talk_that_proposes_nothing_is_very_insufficient_on_the_solution() -> None:
    card = _card("e4-copieur-cabinet", "poli-sans-vendre")  # the examiner: 5/20
    for criterion in ("b1.pertinence_solution", "b1.efficacite_negociation"):
        assert _criterion(card, criterion).level == Level.TI, criterion
        assert any(n.startswith("rien n'a été proposé") for n in _notes(card, criterion))
    assert card.total <= 7, card.total
    # Courtesy is still seen where it was.
    assert _criterion(card, "b1.relation_interpersonnelle").level == Level.S


def test_a_price_held_above_the_budget_without_agreement_lifts_no_price_objection() -> None:
    student = graded(SET / "e4-evenement-responsable", "prix-tenu")  # "je maintiens… 4 500 €"
    card = student.card
    notes = [n for c in card.criteria for n in _notes(card, c.id)]
    assert not any(n.startswith("objection levée : Le budget demandé") for n in notes), notes
    seen = Observer(student.transcript, load_scenario(
        BUILTIN_DIR / "e4-evenement-responsable.yaml")).all()
    assert seen["concessions"].label == "Prix maintenu au-dessus du budget, sans accord"
    assert any(e.note.startswith("objection non levée : Le budget demandé")
               for e in seen["objections"].evidence)
    budget = next(p for p in card.priorities if p.startswith("Adaptez la proposition"))
    assert "— tour 12 : « Je l'entends, Monsieur Dubois" in budget, budget


def test_a_result_obtained_by_breaking_the_rules_again_and_again_grades_very_low() -> None:
    card = _card("e4-evenement-responsable", "hors-politique")  # the examiner: 3/20
    faults = {e.turn for c in card.criteria for e in c.evidence
              if e.note.startswith("manquement")}
    assert len(faults) >= 3, faults
    assert card.total <= 5, card.total


def test_the_order_number_read_out_identifies_the_file() -> None:
    # "je vois votre commande EM-458921 à l'écran": she had nothing to reveal.
    met = _met("tel-reclamation-lave-linge", "hors-politique")
    assert any(label.startswith("Identifier la commande") for label in met), met


def test_a_restatement_opened_by_donc_is_a_reformulation_and_photos_asked_count() -> None:
    # Tour 3: "Donc le hublot est fendu, la machine est restée dans son carton dans l'entrée,
    # et vous êtes sans lave-linge depuis lundi." Tour 4: "j'ai seulement besoin de photos".
    card = _card("tel-reclamation-lave-linge", "prix-tenu")  # the examiner: 18/20
    evidence = [(e.turn, e.note) for c in card.criteria for e in c.evidence]
    assert (3, "reformulation") in evidence, evidence
    met = _met("tel-reclamation-lave-linge", "prix-tenu")
    assert any(label.startswith("Demander les photos") for label in met), met
    assert card.total >= 14, card.total


def test_a_priority_with_a_turn_to_show_quotes_it() -> None:
    card = _card("tel-reclamation-lave-linge", "bon")
    opening = next(p for p in card.priorities if p.startswith("Ouvrez davantage"))
    assert "— tour 2 : « Je suis désolée pour ce désagrément, Madame Garnier" in opening


THIRD = SET.parent / "aveugle-3"


def test_a_measure_the_call_never_gave_is_flagged_in_the_report() -> None:
    # "Hublot fissuré sur environ 5 cm" where she said "une bonne dizaine de centimètres".
    card = graded(THIRD / "tel-reclamation-lave-linge", "bon").card
    assert "compte rendu, exactitude : jamais dit pendant l'appel : 5 cm" in \
        _notes(card, "b2.reporting")


def test_an_introduction_the_engine_missed_is_seen_in_the_words() -> None:
    # "ElectroMaison.fr, service clients, bonjour. Marc Girard à votre écoute."
    student = graded(THIRD / "tel-reclamation-lave-linge", "prix-tenu")
    seen = Observer(student.transcript, load_scenario(
        BUILTIN_DIR / "tel-reclamation-lave-linge.yaml")).all()
    assert (1, "présentation") in [(e.turn, e.note) for e in seen["contact"].evidence]


def test_a_promise_taken_back_is_no_new_fault() -> None:
    # Her "Donc ce que vous m'avez dit ne tient plus ?" to a restated budget (tour 9).
    card = graded(THIRD / "e4-evenement-responsable", "prix-tenu").card
    assert not [e for c in card.criteria for e in c.evidence
                if e.note.startswith("manquement")], card.priorities


FOURTH = SET.parent / "aveugle-4"


def _fault_turns(card: Scorecard) -> set[int]:
    return {e.turn for c in card.criteria for e in c.evidence if e.note.startswith("manquement")}


def test_a_polite_talk_that_proposes_nothing_is_held_to_a_low_mark() -> None:
    # The courtesy, the questions and the facts drawn out are seen; the sale is not there.
    card = graded(FOURTH / "e4-copieur-cabinet", "poli-sans-vendre").card  # the examiner: 5
    assert card.total <= 6, card.total
    assert _criterion(card, "b1.relation_interpersonnelle").level == Level.S


def test_rules_broken_again_and_again_grade_very_low() -> None:
    # Kits "passed as breakage", the customer file used and an SMS already scheduled, head
    # office told afterwards (the examiner: 4/20); 200 cards "guaranteed" (aveugle-3: 4/20).
    card = graded(FOURTH / "e4-evenement-responsable", "hors-politique").card
    assert len(_fault_turns(card)) >= 2, card.priorities
    assert card.total <= 5, card.total
    guaranteed = graded(THIRD / "e4-evenement-responsable", "hors-politique").card
    assert 8 in _fault_turns(guaranteed), guaranteed.priorities
    assert guaranteed.total <= 5, guaranteed.total


def test_complaint_formulas_that_restate_nothing_grade_very_low() -> None:
    # "je reformule : vous attendez une solution gagnant-gagnant" (the examiner: 2/20).
    card = graded(FOURTH / "tel-reclamation-lave-linge", "bourrage").card
    assert card.total <= 4, card.total
    # A weak but honest agent of the same case is not taken for stuffing.
    weak = graded(SET / "tel-reclamation-lave-linge", "faible").card  # the examiner: 6
    assert weak.total >= 3.5, weak.total


FIFTH = SET.parent / "aveugle-5"


def test_costs_hidden_outside_the_envelope_are_faults_even_when_the_manager_agrees() -> None:
    # Kits "taken from the store stock", the voucher "passed as a till discount", the head
    # office told "the week of the event, so they cannot block us" (the examiner: 6/20).
    card = graded(FIFTH / "e4-evenement-responsable", "hors-politique").card
    assert len(_fault_turns(card)) >= 2, card.priorities
    assert card.total <= 7, card.total


def test_contempt_for_third_parties_is_one_fault_not_also_a_broken_rule() -> None:
    # "les guignols de la région… fixent des objectifs au pif" (the examiner: 12/20).
    card = graded(FIFTH / "e4-evenement-responsable", "insulte-cachee").card
    notes = [n for c in card.criteria for n in _notes(card, c.id)]
    assert "manquement : impolitesse, mépris ou dénigrement" in notes
    assert not any("hors de la politique" in n for n in notes), notes
    assert 10 <= card.total <= 14, card.total


def test_a_right_denied_is_not_also_a_right_presented() -> None:
    # "si vous voulez être remboursée il fallait refuser le colis au livreur" (the examiner:
    # "affirmation juridique fausse qui nie les droits de la cliente", 1/20).
    scenario = "tel-reclamation-lave-linge"
    card = graded(FIFTH / scenario, "tres-faible").card
    notes = _notes(card, "b2.assistance_risques")
    assert "manquement : droit du consommateur nié" in notes, notes
    assert not any(n.startswith("attendu tenu : Présenter correctement les droits")
                   for n in notes), notes
    transcript = graded(FIFTH / scenario, "tres-faible").transcript
    rights = next(r for r in check(transcript, load_scenario(BUILTIN_DIR / f"{scenario}.yaml"))
                  if r.label.startswith("Présenter correctement les droits"))
    assert not rights.met
    assert rights.missing == ("un tour sans manquement (tour 4 : droit du consommateur nié)",)
    assert card.total <= 3, card.total


def test_the_file_identified_by_her_name_checked_counts_as_discovered() -> None:
    # "Je vois que vous êtes Madame Garnier, c'est bien cela ?": the discovery and the
    # expectation read the same fact found (the examiner: appropriation "très satisfaisant").
    student = graded(FIFTH / "tel-reclamation-lave-linge", "excellent")
    seen = Observer(student.transcript, load_scenario(
        BUILTIN_DIR / "tel-reclamation-lave-linge.yaml"))
    assert "identification-commande" in seen.facts_known
    assert "Identification de la commande" not in (seen.discovery().advice or "")


def test_a_first_price_under_the_list_price_is_a_discount_not_a_price_held() -> None:
    # "je peux vous faire une remise de 10 euros, ça ferait 39 euros par mois au lieu de 49".
    student = graded(FIFTH / "tel-prospection-fidelix", "faible")
    seen = Observer(student.transcript, load_scenario(
        BUILTIN_DIR / "tel-prospection-fidelix.yaml")).concessions()
    assert seen is not None and seen.score <= 0.5, seen
    assert [e.turn for e in seen.evidence
            if e.note == "remise proposée sans que le client la demande"] == [4]


SIXTH = SET.parent / "aveugle-6"


def test_a_question_read_as_a_proposal_proposes_nothing() -> None:
    # "J'aimerais d'abord savoir comment vous voyez ce printemps" was read as a proposal; the
    # talk never put a plan, a budget or a date on the table (the examiner: 3/20).
    card = graded(SIXTH / "e4-evenement-responsable", "poli-sans-vendre").card
    assert card.total <= 4, card.total
    assert any(n.startswith("rien n'a été proposé")
               for n in _notes(card, "b1.choix_evenement"))
    assert _criterion(card, "b1.relation_interpersonnelle").level == Level.I


def test_a_project_held_above_the_envelope_without_agreement_misses_the_case() -> None:
    # "Je maintiens donc 4 500 €" to "3 000 €, pas un euro de plus", a new meeting only (the
    # examiner: 9.5/20, choice, organisation and negotiation "insuffisant").
    card = graded(SIXTH / "e4-evenement-responsable", "prix-tenu").card
    for criterion in ("b1.choix_evenement", "b1.organisation_evenement",
                      "b1.efficacite_negociation"):
        assert _criterion(card, criterion).level == Level.I, criterion
        assert "proposition restée au-dessus du budget du client, sans accord" in \
            _notes(card, criterion)
    assert 8 <= card.total <= 12, card.total


def test_his_own_figure_said_back_is_no_concession() -> None:
    # "J'entends bien, 3 000 € tout compris. Pour qu'on raisonne sur le résultat…", then "le
    # budget est à 4 500 € et pas moins".
    student = graded(SIXTH / "e4-evenement-responsable", "prix-tenu")
    seen = Observer(student.transcript, load_scenario(
        BUILTIN_DIR / "e4-evenement-responsable.yaml"))
    assert seen.echoed_prices == {8: 3000.0}
    concessions = seen.concessions()
    assert concessions is not None
    assert 8 not in {e.turn for e in concessions.evidence if not e.positive}


SEVENTH = SET.parent / "aveugle-7"


def test_a_restatement_the_act_reader_ranked_second_is_a_reformulation() -> None:
    # "Vous avez bien fait. Donc le livreur est reparti sans vous laisser vérifier, et le verre
    # du hublot est fissuré sur une dizaine de centimètres" (the examiner: 18.5/20).
    card = graded(SEVENTH / "tel-reclamation-lave-linge", "prix-tenu").card
    assert (3, "reformulation") in {(e.turn, e.note) for c in card.criteria
                                    for e in c.evidence}


def test_cuts_paid_for_in_the_same_turn_are_traded() -> None:
    # "je m'adapte à vos 3 000 €… poste par poste", the SMS to the card holders and the
    # supplier's share obtained in the same turn (the examiner: "réductions contre
    # contreparties", 18.5/20).
    student = graded(SEVENTH / "e4-evenement-responsable", "excellent")
    seen = Observer(student.transcript, load_scenario(
        BUILTIN_DIR / "e4-evenement-responsable.yaml")).concessions()
    assert seen is not None
    assert "concession sans contrepartie" not in {e.note for e in seen.evidence}
    assert student.card.total >= 15, student.card.total


EIGHTH = SET.parent / "aveugle-8"


def test_a_restatement_opened_by_je_vous_entends_is_a_reformulation() -> None:
    # "Je vous entends : avec trois boutiques et une quinzaine de salariés, il vous faut
    # quelque chose de simple" (the examiner: "sums them up before arguing", 18.5/20).
    student = graded(EIGHTH / "tel-prospection-fidelix", "excellent")
    seen = Observer(student.transcript, load_scenario(
        BUILTIN_DIR / "tel-prospection-fidelix.yaml")).listening()
    assert {(e.turn, e.note) for e in seen.evidence} >= {(5, "reformulation"),
                                                          (6, "reformulation")}


def test_breaches_the_manager_now_hears_are_faults_of_the_grade() -> None:
    # Staff "passed on the store's staff budget, ça ne se verra pas", the head office told in
    # the week of the event, a text ready for the whole customer file (the examiner: 6/20).
    card = graded(EIGHTH / "e4-evenement-responsable", "hors-politique").card
    assert len(_fault_turns(card)) >= 2, card.priorities
    assert card.total <= 8, card.total


def test_a_confirmation_of_the_last_point_is_no_recap() -> None:
    # "C'est noté pour samedi matin. Votre numéro de dossier est SAV-…": the act reader's
    # recap, the examiners' "pas de récapitulatif" for the complaint's good student of every
    # blind set; "Je récapitule : …" is one.
    for blind in ("aveugle-2", "aveugle-7"):
        folder = SET.parent / blind / "tel-reclamation-lave-linge"
        good = _met_in(folder, "bon")
        best = _met_in(folder, "excellent")
        recap = "Récapituler la solution et les engagements avant de prendre congé."
        assert recap not in good and recap in best, (blind, good)
        closing = Observer(graded(folder, "bon").transcript, load_scenario(
            BUILTIN_DIR / "tel-reclamation-lave-linge.yaml")).closing()
        assert "récapitulatif" not in {e.note for e in closing.evidence}, closing.evidence


def test_nothing_done_without_his_approval_is_no_fault() -> None:
    # "je ne dépense pas la différence sans votre accord" (aveugle-10: graded 4 for 18.5).
    card = graded(SET.parent / "aveugle-10" / "e4-evenement-responsable", "excellent").card
    assert not _fault_turns(card) and card.total >= 16, (card.total, card.priorities)


def _met_in(folder: Path, student: str) -> list[str]:
    transcript = graded(folder, student).transcript
    scenario = load_scenario(BUILTIN_DIR / f"{folder.name}.yaml")
    return [r.label for r in check(transcript, scenario) if r.met]


def test_a_price_held_over_the_cap_with_only_a_second_meeting_settles_nothing() -> None:
    # 4 500 € held against a 3 000 € cap, "une seconde réunion est fixée pour valider une
    # version révisée" (aveugle-11: the examiner 9.5, graded 17 when it counted as settled).
    card = graded(SET.parent / "aveugle-11" / "e4-evenement-responsable", "prix-tenu").card
    assert card.total <= 11.5, card.total
    assert _criterion(card, "b1.efficacite_negociation").level != Level.TS


CALIBRATION = SET.parent


def _blind(blind: str, scenario: str, student: str) -> Scorecard:
    return graded(CALIBRATION / blind / scenario, student).card


def test_the_carrier_run_down_is_blame_against_the_help_she_was_owed() -> None:
    # aveugle-35: "c'est un abruti fini, ces gars-là bossent comme des manches" of the
    # delivery man; the examiner lowered the assistance too (I), Repliq only the manners.
    card = _blind("aveugle-35", "tel-reclamation-lave-linge", "insulte-cachee")
    assist = _criterion(card, "b2.assistance_risques")
    assert assist.level == Level.I
    assert any("faute rejetée sur un tiers" in n for n in _notes(card, "b2.assistance_risques"))
    # And "bonjour" after the firm's name is a greeting.
    assert not any("manque : salutation" in n for n in _notes(card, "b2.techniques_distance"))


def test_every_promise_she_takes_at_its_word_is_a_fault() -> None:
    # aveugle-35: the 100 € refunded on her card came after an express promised without
    # photos, and was on no line of the sheet.
    card = _blind("aveugle-35", "tel-reclamation-lave-linge", "hors-politique")
    faulted = {e.turn for c in card.criteria for e in c.evidence
               if e.note.startswith("manquement : promesse hors")}
    assert {6, 7} <= faulted
    assert card.total <= 5.5  # the examiner: 4.5


def test_money_off_the_books_is_fraud_not_a_gesture() -> None:
    # aveugle-36: growers paid in cash from the till; the examiner 2/20, graded 4.5 when
    # counted as generous breaches of the policy.
    card = _blind("aveugle-36", "e4-evenement-responsable", "hors-politique")
    assert any("fraude" in n for n in _notes(card, "b1.efficacite_negociation"))
    assert card.total <= 3.5
    # A cost kept off the envelope is a breach of the policy, not fraud (aveugle-1: 6/20).
    card = _blind("aveugle-1", "e4-evenement-responsable", "hors-politique")
    assert not any("fraude" in e.note for c in card.criteria for e in c.evidence)


def test_an_offer_opened_by_alors_restates_nothing() -> None:
    # aveugle-35: "Alors je peux vous proposer un remplacement…" and "Alors votre numéro de
    # dossier c'est…" were the whole "reformulation" of a student who made none.
    card = _blind("aveugle-35", "tel-reclamation-lave-linge", "bon")
    assert not any(n == "reformulation" for n in _notes(card, "b2.techniques_distance"))
    # A restatement opened by "Donc" still is one (aveugle-2).
    transcript = graded(SET / "tel-reclamation-lave-linge", "excellent").transcript
    assert any(t.echoes_her for t in transcript.turns)


def test_a_remedy_she_accepted_within_the_policy_is_no_total_failure() -> None:
    # aveugle-37: a replacement in 5 days and a 30 € voucher, within the policy, sloppily
    # offered; 38 examiners of 38 rated such a call's reactivity "insuffisant", never
    # "très insuffisant".
    card = _blind("aveugle-37", "tel-reclamation-lave-linge", "faible")
    for criterion in ("b2.reactivite", "b2.assistance_risques"):
        assert _criterion(card, criterion).level == Level.I


def test_hard_words_for_the_carrier_cost_the_help_and_an_insult_the_manners_too() -> None:
    # "une vraie bande de bras cassés" of the delivery men (aveugle-37, the examiner: manners
    # S, assistance I); "c'est un abruti fini" (aveugle-35: both I).
    mild = _blind("aveugle-37", "tel-reclamation-lave-linge", "insulte-cachee")
    assert _criterion(mild, "b2.techniques_distance").level == Level.S
    assert _criterion(mild, "b2.assistance_risques").level == Level.I
    gross = _blind("aveugle-35", "tel-reclamation-lave-linge", "insulte-cachee")
    assert _criterion(gross, "b2.techniques_distance").level == Level.I


def test_a_project_held_over_the_ceiling_without_agreement_keeps_no_top_relationship() -> None:
    # aveugle-36: "je ne vais pas vous proposer une version au rabais", the director's 3 000 €
    # ceiling contradicted; the examiner rated the relationship I, Repliq TS.
    card = _blind("aveugle-36", "e4-evenement-responsable", "prix-tenu")
    assert _criterion(card, "b1.relation_interpersonnelle").level.rank <= Level.S.rank
