"""What rounds 52, 53 and 54's blind plays showed (issue 13; round 53 measured at 54e5c7f,
round 54 at 078de8a, all kept as dev data): a card number asked by the complaint's adviser, a
supposed total set right at once, a choice left for a bare yes, a priority asked after a
statement, a meeting's form lost beside her free times, a pitch opened by an exclamation taken
for a summary, an offer "qui expire ce soir", a figure or a name said twice in one reply, a
question the student answers at once, "c'est combien ?" right after the price, a promise kept
"entre nous" or taken back, two counterparts asked at once, a blame on the carrier lost beside a
new doubt, the student's own total at her envelope read as her figure."""

from __future__ import annotations

from bot.customer.reply import Priority, ReplyKind, ReplyPart, without_echoes
from bot.engine import understander
from bot.entities import extract
from bot.frame import Context, Role, read_frame
from bot.replies import Voice

from .plays import replay


def _says(key: str, text: str) -> bool:
    return any(line in text for line in Voice.lines(key))


def _roles(text: str, *hers: float) -> dict[float, Role]:
    frame = read_frame(text, [text], extract(text),
                       Context("", frozenset(hers)))
    return {figure.value: figure.role for figure in frame.figures}


# Round 52 (dev part).

def test_a_card_number_and_its_code_asked_by_the_adviser_are_refused() -> None:
    _, turns = replay("tel-reclamation-lave-linge.hors-delai.hors-script.t52-p2-1", 6)
    assert _says("card_refused_refund", turns[-1].text), turns[-1].text
    assert "je note" not in turns[-1].text.lower(), turns[-1].text


def test_a_total_supposed_and_set_right_at_once_is_no_price() -> None:
    roles = _roles("Si le fournisseur ne prend en charge que 300 € de kits, on serait à 3 150 € "
                   ": dans ce cas je réduis à 150 kits et je reste sous les 3 000 €.", 3000)
    assert roles[3150] == Role.OTHER and roles[300] == Role.OTHER, roles
    _, turns = replay("e4-evenement-responsable.siege-impose-date.competent.t52-p2-4", 6)
    assert "hors budget" not in turns[-1].text.lower(), turns[-1].text


def test_a_sum_that_comes_to_her_envelope_is_the_offer() -> None:
    roles = _roles("On garde les kits et les deux intérimaires, ce qui fait 3 000 € tout juste.",
                   3000)
    assert roles[3000] == Role.OFFER, roles


def test_a_choice_put_after_her_yes_is_chosen_not_answered_oui() -> None:
    _, turns = replay("e4-copieur-cabinet.budget-serre.oral.t52-p2-3", 10)
    assert "choix" in turns[-1].parts, turns[-1]
    assert not turns[-1].text.startswith("Oui"), turns[-1].text


def test_priorities_asked_after_a_statement_get_her_priority_not_the_statement_s_fact() -> None:
    _, turns = replay("e4-evenement-responsable.budget-2000.competent.t52-p3-5", 1)
    assert "fait:budget-disponible" not in turns[-1].parts, turns[-1]
    assert any(part.startswith("besoin:") for part in turns[-1].parts), turns[-1]


def test_a_meeting_s_form_asked_with_the_proposal_is_chosen_beside_her_free_times() -> None:
    _, turns = replay("tel-prospection-fidelix.base.competent.t52-p1-5", 4)
    assert "boutique" in turns[-1].text.lower(), turns[-1].text
    assert "mardi" in turns[-1].text.lower(), turns[-1].text


def test_how_long_the_rival_takes_to_come_is_the_response_time() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.oral.t52-p3-1", 3)
    assert "fait:delai-intervention" in turns[-1].parts, turns[-1]


def test_a_pitch_opened_by_an_exclamation_is_not_taken_for_a_summary() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.oral.t52-p2-7", 5)
    assert "synthèse" not in turns[-1].text, turns[-1].text
    assert any(part.startswith("argument:") for part in turns[-1].parts), turns[-1]


def test_an_offer_that_expires_tonight_is_doubted() -> None:
    _, turns = replay("e4-copieur-cabinet.base.hors-script.t52-p1-6", 8)
    assert _says("deadline_doubted", turns[-1].text), turns[-1].text


def test_the_figure_she_just_gave_is_not_said_again_by_her_doubt() -> None:
    _, turns = replay("e4-copieur-cabinet.base.hors-script.t52-p1-6", 7)
    assert turns[-1].text.count("240") == 1, turns[-1].text


def test_a_question_the_student_answers_at_once_asks_her_nothing() -> None:
    understanding = understander().understand(
        "Pourquoi plus cher ? Parce que vos quatre jours sans copieur vous ont coûté bien plus.")
    assert not understanding.sentences[0].is_question
    assert not understanding.sentences[0].discovers


# Round 53 (dev part).

def test_what_one_part_said_is_not_said_again_by_the_next() -> None:
    fact = ReplyPart(Priority.ANSWER, "Le contrat prévoit une intervention en 48 heures.",
                     ReplyKind.FACT, "delai-intervention")
    doubt = ReplyPart(Priority.FOLLOW_UP, "C’est vrai que leurs 250 €, c’est sans la couleur. "
                      "Et toujours avec 48 heures d’intervention.", ReplyKind.OBJECTION)
    said = without_echoes([fact, doubt])
    assert said[1].text == "C’est vrai que leurs 250 €, c’est sans la couleur.", said[1].text
    # (What is left must say something: not "49 ? FidCarte.")
    paid = ReplyPart(Priority.ANSWER, "Et je paie 39 euros par mois pour ça.", ReplyKind.FACT,
                     "abonnement-fidcarte")
    compared = ReplyPart(Priority.FOLLOW_UP, "49 ? FidCarte, c’est 39.", ReplyKind.OBJECTION)
    assert without_echoes([paid, compared])[1].text == "49 ? FidCarte, c’est 39."


def test_the_price_said_in_passing_is_not_asked_for() -> None:
    _, turns = replay("tel-prospection-fidelix.base.oral.t53-p3-6", 4)
    assert "combien" not in turns[-1].text.lower(), turns[-1].text


def test_a_promise_kept_off_the_record_after_she_asked_it_in_writing_is_refused() -> None:
    _, turns = replay("tel-prospection-fidelix.client-presse.hors-script.t53-p3-1", 6)
    assert _says("off_record_refused", turns[-1].text), turns[-1].text


def test_a_promise_taken_back_is_remarked() -> None:
    _, turns = replay("tel-reclamation-lave-linge.rupture-stock.hors-script.t53-p2-3", 6)
    assert "Ça me va" not in turns[-1].text, turns[-1].text
    assert _says("promise_withdrawn", turns[-1].text), turns[-1].text
    _, turns = replay("tel-reclamation-lave-linge.hors-delai.hors-script.t53-p3-7", 5)
    assert _says("promise_withdrawn", turns[-1].text), turns[-1].text


def test_two_counterparts_asked_at_once_both_get_her_answer() -> None:
    _, turns = replay("e4-evenement-responsable.siege-impose-date.competent.t53-p1-7", 6)
    parts = turns[-1].parts
    assert "contrepartie:renfort-autre-rayon" in parts, parts
    assert "contrepartie:acces-fichier-fidelite" in parts, parts


def test_besides_what_she_told_her_next_priority_is_said() -> None:
    _, turns = replay("e4-copieur-cabinet.base.hors-script.t53-p1-3", 4)
    assert "panne" not in turns[-1].text.split(".")[-2].lower(), turns[-1].text
    assert any(part.startswith("besoin:") for part in turns[-1].parts), turns[-1]


def test_how_long_a_print_stays_on_the_tray_is_not_her_contract_s_end() -> None:
    _, turns = replay("e4-copieur-cabinet.base.hors-script.t53-p1-3", 6)
    assert "fait:fin-contrat" not in turns[-1].parts, turns[-1]


def test_a_machine_imposed_before_any_question_is_a_premature_closing() -> None:
    _, turns = replay("e4-copieur-cabinet.base.hors-script.t53-p1-3", 1)
    assert turns[-1].text != "Oui, bonjour.", turns[-1].text
    assert _says("deal_nothing_presented", turns[-1].text), turns[-1].text


def test_an_off_topic_question_gets_no_fact() -> None:
    _, turns = replay("tel-prospection-fidelix.barrage.hors-script.t53-p1-2", 8)
    assert "fait:file-attente-dimanche" not in turns[-1].parts, turns[-1]
    assert "hors-sujet" in turns[-1].parts, turns[-1]


def test_the_meeting_s_form_asked_again_is_chosen() -> None:
    _, turns = replay("tel-prospection-fidelix.barrage.hors-script.t53-p1-2", 11)
    assert "boutique" in turns[-1].text.lower(), turns[-1].text
    assert "fait:ventes-week-end" not in turns[-1].parts, turns[-1]


def test_photos_asked_to_be_taken_get_her_yes_not_her_wish_for_a_gesture() -> None:
    _, turns = replay("tel-reclamation-lave-linge.base.competent.t53-p1-5", 5)
    assert "fait:attente-geste" not in turns[-1].parts, turns[-1]
    assert "engagement" in turns[-1].parts, turns[-1]


def test_the_carrier_blamed_is_answered_before_a_doubt_of_her_own() -> None:
    _, turns = replay("tel-reclamation-lave-linge.client-tres-agressif.oral.t53-p3-4", 3)
    assert "prestataire" in turns[-1].text, turns[-1].text


def test_a_long_turn_that_ends_on_its_price_is_not_asked_what_it_asks() -> None:
    _, turns = replay("e4-evenement-responsable.siege-impose-date.oral.t53-p1-6", 2)
    assert "vous me demandez quoi" not in turns[-1].text, turns[-1].text


def test_her_signing_limit_in_the_tight_budget_meeting_names_the_partners_ceiling() -> None:
    _, turns = replay("e4-copieur-cabinet.budget-serre.oral.t53-p2-7", 9)
    said = turns[-1].text
    assert "300" not in said or "250" in said, said


def test_equipment_promised_for_tomorrow_is_doubted() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.hors-script.t53-p1-1", 2)
    assert _says("promise_too_fast", turns[-1].text), turns[-1].text
    assert "12 000" in turns[-1].text, turns[-1].text  # and the volume asked is still told


def test_a_personal_invitation_is_turned_down() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.hors-script.t53-p1-1", 7)
    assert _says("invitation_refused", turns[-1].text), turns[-1].text


# Round 54 (dev part).

def test_the_student_s_own_total_at_her_envelope_is_an_offer_within_it() -> None:
    roles = _roles("Ah ouais 2 800, nous on fait 2 000 et on vise 150 cartes, donc c'est mieux.",
                   2800, 2000)
    assert roles[2000] == Role.OFFER, roles
    assert _roles("Avec Copitec on fait 240 par mois, c'est ça ?", 240)[240] != Role.OFFER
    _, turns = replay("e4-evenement-responsable.budget-2000.oral.t54-p3-7", 7)
    assert "ne rentre pas" not in turns[-1].text, turns[-1].text
