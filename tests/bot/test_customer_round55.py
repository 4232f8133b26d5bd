"""What rounds 55 and 56's blind plays showed (issue 13; measured at 778ffa6 and c58a190, kept
as dev data). Round 55: a
question on her figures read as a price announced, a slot refused and the visit closed in one
breath, "qu'est-ce qui vous manque ?" after her yes, an apology read as a reproach, a delay
that truly ran out said as the end of it, a guarantee cut to six months, a choice left to her
mid-sentence, two people or two days to pick from, a proof with nothing to prove, a day said
of any such day, an admitted pretext, and a price agreed above the ceiling she had said. Round
56: a figure compared with hers read as the offer, a jibe answered by asking for a proposal
just made, a personal number handed to partners, "parlez-en à votre patron" heard as asking
for him, a joke taken back ending a meeting, "nous avons bien vingt minutes ?", a price a
little over her budget, "vous êtes au-dessus" below the rival's figure, a demo put to her
answered with a fact. Round 57: a doubt asking back a figure nobody gave."""

from __future__ import annotations

import io
from pathlib import Path

from bot.conduct import markers
from bot.customer import Customer, CustomerTurn
from bot.customer.requests import Request, asks
from bot.engine import start_conversation, understander
from bot.frame import Context, Role
from bot.questions import offered_options
from bot.replies import Voice
from bot.text import fold
from repliq.run_cmd import converse, script_lines
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR

from .plays import replay


def _says(key: str, text: str) -> bool:
    return any(line.split("{")[0] in text for line in Voice.lines(key))


def test_a_question_on_her_figure_read_as_a_price_still_gets_the_fact() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p1-2", 4)
    assert "fait:pages-couleur-facturees" in turns[-1].parts, turns[-1]
    assert "Faites court" not in turns[-1].text, turns[-1].text


def test_an_offer_in_figures_is_not_taken_for_a_question_on_her_facts() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p1-2", 3,
                      "Je vous fais 259 euros si vous signez aujourd'hui, ça vous va ?")
    assert not any(label.startswith("fait:") for label in turns[-1].parts), turns[-1]


def test_a_slot_she_refuses_keeps_the_student_there() -> None:
    talk, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p3-5", 13)
    assert "Ce créneau-là ne va pas" in turns[-1].text, turns[-1].text
    assert "Merci pour votre visite" not in turns[-1].text, turns[-1].text
    assert not talk.state.ended


def test_two_hours_of_one_day_she_takes_the_one_in_her_free_times() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p3-5", 12)
    assert "après-midi" in turns[-1].text, turns[-1].text


def test_asked_what_still_holds_her_back_after_her_yes_she_says_nothing() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.oral.t13-p1-5", 19)
    assert _says("holdback_agreed", turns[-1].text), turns[-1].text


def test_an_apology_for_an_unanswered_message_is_not_a_reproach() -> None:
    u = understander().understand("Merci, madame, j'ai vos deux messages : vous auriez dû avoir "
                                  "une réponse, et je m'en excuse.")
    assert not u.rudeness.sure
    reproach = understander().understand("Vous auriez dû le voir à la livraison et mettre une "
                                         "réserve sur le bon.")
    assert reproach.rudeness.sure
    _, turns = replay("tel-reclamation-lave-linge.rupture-stock.competent.t55-p2-5", 3)
    assert "courtois" not in turns[-1].text, turns[-1].text


def test_a_withdrawal_delay_run_out_with_nothing_offered_is_pressed() -> None:
    _, turns = replay("tel-reclamation-lave-linge.hors-delai.oral.t55-p2-3", 3)
    assert _says("expired_right_pressed", turns[-1].text), turns[-1].text


def test_the_withdrawal_run_out_beside_the_guarantee_offered_denies_nothing() -> None:
    talk, turns = replay("tel-reclamation-lave-linge.hors-delai.competent.t40-p3-1", 5)
    assert "droit_legal_nie" not in [event.value for event in talk.state.events]
    assert not talk.state.ended, turns[-1].text


def test_a_guarantee_cut_to_six_months_is_a_right_denied() -> None:
    talk, _ = replay("tel-reclamation-lave-linge.base.hors-script.t55-p3-4", 10)
    assert "droit_legal_nie" in [event.value for event in talk.state.events]


def test_a_choice_left_to_her_mid_sentence_is_made_by_her_own_times() -> None:
    assert offered_options("Dossier SAV-1, livraison samedi, matin ou après-midi, vous "
                           "choisissez, mais vite hein.") == ("matin", "après-midi")
    _, turns = replay("tel-reclamation-lave-linge.base.hors-script.t55-p3-4", 8)
    assert "choix" in turns[-1].parts and "matin" in turns[-1].text, turns[-1].text


def test_which_of_two_people_offers_the_two_people() -> None:
    assert offered_options("Et qui de Sophie ou de Mathieu préférez-vous libérer ?") == (
        "Sophie", "Mathieu")
    _, turns = replay("e4-evenement-responsable.siege-impose-date.competent.t55-p3-1", 11)
    assert "et qui" not in turns[-1].text, turns[-1].text


def test_two_days_offered_beside_a_deadline_are_chosen_between() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.competent.t55-p2-4", 10)
    assert "vendredi" not in turns[-1].text, turns[-1].text
    assert "mardi" in turns[-1].text or "mercredi" in turns[-1].text, turns[-1].text


def test_a_feature_explained_is_not_praised_as_a_testimony() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.hors-script.t55-p1-1", 6)
    assert "témoignage" not in turns[-1].text, turns[-1].text


def test_a_day_said_of_any_such_day_is_no_meeting_offered() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p1-2", 7)
    assert "quelle heure" not in turns[-1].text, turns[-1].text


def test_an_admitted_pretext_and_a_rumour_on_her_supplier_are_remarked() -> None:
    _, turns = replay("tel-prospection-fidelix.base.hors-script.t55-p1-5", 3)
    assert turns[-1].text != "On a déjà une carte de fidélité.", turns[-1].text
    rumour = understander().understand("FidCarte c'est fini, ils vont fermer d'ici la fin de "
                                       "l'année, tout le monde migre chez nous.")
    assert rumour.rudeness.sure


def test_a_price_agreed_above_the_ceiling_she_said_is_said_so() -> None:
    talk, turns = replay("e4-copieur-cabinet.budget-serre.competent.t55-p1-6", 12)
    assert talk.state.price_agreed and talk.state.price_agreed > 250
    assert "250" in " ".join(turn.text for turn in turns[-2:]), turns[-1].text


# Round 56 (dev part).

def test_a_figure_said_to_exceed_hers_is_not_the_offer() -> None:
    u = understander().understand(
        "Je récapitule : 259 euros hors taxe par mois. Comme le montant dépasse 250 euros, "
        "souhaitez-vous une note pour M. Lefèvre ?", Context("", frozenset({250.0})))
    assert u.frame.offer is not None and u.frame.offer.amount == 259, u.frame.offer
    assert {f.value: f.role for f in u.frame.figures}[250] == Role.QUOTE


def test_a_jibe_after_an_offer_does_not_ask_for_a_proposal() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.hors-script.t56-p1-2", 10)
    assert "ce que vous, vous proposez" not in turns[-1].text, turns[-1].text


def test_her_number_handed_to_partners_is_refused() -> None:
    _, turns = replay("tel-prospection-fidelix.deja-equipe.hors-script.t56-p1-4", 8)
    assert "partenaires" in turns[-1].text.lower() or "ne sortent pas" in turns[-1].text, \
        turns[-1].text
    assert "c’est bon pour moi" not in turns[-1].text, turns[-1].text


def test_telling_her_to_speak_to_her_boss_is_not_asking_for_him() -> None:
    _, turns = replay("e4-copieur-cabinet.base.hors-script.t56-p2-3", 1)
    assert "c’est moi" not in turns[-1].text, turns[-1].text


def test_a_joke_taken_back_does_not_end_the_meeting() -> None:
    talk, turns = replay("e4-copieur-cabinet.decideur-present.hors-script.t56-p2-5", 3)
    assert not talk.state.ended, turns[-1].text


def test_checking_the_time_planned_is_asking_for_her_time() -> None:
    assert asks(Request.TIME, fold("Nous avons bien une vingtaine de minutes ?"))
    assert not asks(Request.TIME, fold("On a 12 000 pages par mois."))


def test_a_price_a_little_over_her_budget_is_a_little_over() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.competent.t56-p3-1", 7)
    assert "Ouh là" not in turns[-1].text, turns[-1].text


def test_a_price_below_the_rival_s_is_not_above_it() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.hors-script.t56-p1-2", 14)
    assert "Vous êtes au-dessus" not in turns[-1].text, turns[-1].text


def test_a_demo_put_to_her_gets_no_fact_of_her_sales() -> None:
    _, turns = replay("tel-prospection-fidelix.client-presse.oral.t56-p1-7", 3)
    assert "fait:ventes-week-end" not in turns[-1].parts, turns[-1]


def test_a_price_agreed_above_the_partners_limit_she_said_is_said_so() -> None:
    talk, turns = replay("e4-copieur-cabinet.budget-serre.competent.t56-p1-3", 13)
    assert talk.state.price_agreed and talk.state.price_agreed > 250
    assert "250" in turns[-1].text, turns[-1].text


# Round 57 (dev part).

def test_a_doubt_that_asks_back_a_figure_nobody_gave_waits_for_it() -> None:
    _, turns = replay("tel-reclamation-lave-linge.rupture-stock.competent.t57-p3-7", 4)
    assert "Dix jours" not in turns[-1].text, turns[-1].text
    _, turns = replay("tel-reclamation-lave-linge.rupture-stock.competent.t57-p3-7", 3,
                      "Pour le même modèle, il faut attendre le réassort : dix jours.")
    assert "objection:attendre-5-jours" in turns[-1].parts, turns[-1]


def _reply(scenario_id: str, *lines: str) -> tuple[Customer, CustomerTurn]:
    """The customer, and her reply to the last of `lines`, in a conversation started afresh."""
    customer = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml"))
    customer.opening()
    for line in lines:
        _, reply = customer.step(line)
    return customer, reply


def test_a_call_back_promised_for_tomorrow_is_no_delivery_promised_for_tomorrow() -> None:
    # A flawless agent of the blind calibration set (aveugle-2): "je vous rappelle demain
    # vendredi pour vous confirmer que la livraison est bien programmée" was read as delivering
    # tomorrow, doubted as a promise outside the policy and the call ended in failure.
    folder = Path(__file__).resolve().parent.parent / "data" / "calibration" / "aveugle-2"
    scenario = load_scenario(BUILTIN_DIR / "tel-reclamation-lave-linge.yaml")
    lines = script_lines(folder / "tel-reclamation-lave-linge" / "prix-tenu.txt")
    record = converse(start_conversation(scenario), lines, False, io.StringIO())
    assert record["outcome"] != "failure", record["outcome_id"]
    events = record["turns"][-1]["state"]["events"] if record["turns"][-1]["speaker"] == \
        "etudiant" else record["turns"][-2]["state"]["events"]
    assert "promesse_hors_politique" not in events
    # A machine delivered tomorrow is still doubted.
    customer, reply = _reply("tel-reclamation-lave-linge",
                             "Bonjour madame, service clients ElectroMaison, je vous écoute.",
                             "Je vous livre un Lavex neuf demain matin, c'est promis.")
    assert "promesse douteuse" in reply.parts or customer.state.happened(
        "promesse_hors_politique"), reply


def test_contempt_for_carriers_and_clients_of_the_calibration_sets_is_rude() -> None:
    # Insults the blind calibration examiners sanctioned and the conduct layer let pass.
    assert markers("Ces livreurs, une vraie bande de bourrins, ils balancent les cartons.")
    assert markers("Les agences web, vous êtes tombé dans le panneau, c'est tout.")
    assert markers("La foire, c'est un truc de petits vieux qui échangent des boutures.")
    # Self-criticism and plain words are not.
    assert not markers("C'est pas malin de ma part, j'ai oublié votre dossier.")
    assert not markers("Le livreur a posé le carton dans l'entrée, c'est bien ça ?")


def test_the_procedure_skipped_and_a_mailing_already_scheduled_are_not_let_pass() -> None:
    # Breaches of the blind calibration sets the store director answered "Validé. Vous avez
    # bien travaillé." (aveugle-1 and aveugle-2, hors-politique).
    greeting = "Bonjour monsieur Dubois, je viens vous présenter le projet de printemps."
    for line in ("Pour le siège, pas besoin d'attendre leur validation, je les préviendrai le "
                 "lundi d'après.",
                 "Et pour la com, j'ai déjà programmé un SMS à tous les porteurs de la carte, il "
                 "part jeudi.",
                 "Je leur ai dit que vous étiez d'accord pour leur donner le fichier des porteurs.",
                 "Pour tenir l'enveloppe, je passe les 750 € du bon sur le budget du siège."):
        _, reply = _reply("e4-evenement-responsable", greeting, line)
        assert "promesse douteuse" in reply.parts, (line, reply)
    _, reply = _reply("e4-evenement-responsable", "Bonjour monsieur Dubois, j'ai prévu de "
                      "déposer le dossier au siège dès que vous l'aurez validé.")
    assert "promesse douteuse" not in reply.parts, reply
