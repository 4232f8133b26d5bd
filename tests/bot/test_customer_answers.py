"""The customer answers what the student actually said (issue 13): an hour said apart from
its day still sets the meeting, a refusal never names a day nobody proposed, a "merci" that
opens a question is no thanks to answer."""

from __future__ import annotations

from bot.customer import Customer
from bot.engine import start_conversation
from bot.replies import Voice
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event


def _after(scenario_id: str, first_line: str, seed: int = 0) -> Customer:
    """A conversation after the student's first line."""
    talk = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml"), None, seed)
    talk.opening()
    talk.step(first_line)
    return talk


def _manager() -> Customer:
    # The event manager is free on Friday from 8:30 to 9:30 (meetings of 30 minutes).
    return _after("e4-evenement-responsable",
                  "Bonjour monsieur Dubois, je voudrais qu'on se revoie pour valider le projet.")


_COMPLAINT_OPENING = "ElectroMaison, service client, Julie à l'appareil, bonjour."


def test_a_day_and_its_hour_said_apart_set_the_meeting() -> None:
    for line in ("Le matin, vendredi 14 à 9h, si ça vous va ?",
                 "Ben 9 heures, vendredi matin, dans votre bureau ?"):
        talk = _manager()
        _, reply = talk.step(line)
        assert talk.state.happened(Event.RDV_FIXE), (line, reply.text)
        assert "quelle heure" not in reply.text


def test_a_slot_refused_names_no_day_the_student_did_not_propose() -> None:
    talk = _manager()
    _, reply = talk.step("Vendredi à 9 h 30 alors, avant l'ouverture ?")
    assert not talk.state.happened(Event.RDV_FIXE)  # 9:30 + 30 min ends after his slot
    assert "jeudi" not in reply.text.lower().split("essayez")[0]
    assert "Jeudi, impossible" not in reply.text


def test_a_thanks_that_opens_a_question_is_not_answered_as_thanks() -> None:
    talk = _after("e4-copieur-cabinet",
                  "Bonjour madame Martin, Léa Morel de Bureau Plus, je viens pour vos copieurs.")
    _, reply = talk.step("Merci. Combien de pages imprimez-vous par mois ?")
    assert "remerciement" not in reply.parts
    _, reply = talk.step("Très bien, merci beaucoup pour ces précisions.")
    assert "remerciement" in reply.parts


def test_a_choice_offered_gets_one_option_named_and_kept_to() -> None:
    for seed in (0, 1, 2):
        talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING, seed)
        question = "Vous préférez qu'on échange par téléphone ou par écrit ?"
        _, first = talk.step(question)
        assert "choix" in first.parts, first.text
        chosen = first.text.split(".")[0]  # (a doubt may follow: "J'ai écrit deux fois…")
        named = "téléphone" if "téléphone" in chosen else "écrit"
        assert named in chosen and ("écrit" if named == "téléphone" else "téléphone") \
            not in chosen
        _, again = talk.step("Pardon : " + question[0].lower() + question[1:])
        assert named in again.text  # she keeps to what she chose


def test_an_option_in_the_students_words_is_named_by_its_rank() -> None:
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    _, reply = talk.step("Vous voulez que je vous écrive ou que je vous envoie un SMS ?")
    assert "choix" in reply.parts
    assert "vous écrive" not in reply.text and "vous envoie" not in reply.text
    assert any(rank in reply.text for rank in ("premi", "second", "deuxième"))


def test_an_option_the_student_says_as_we_do_is_said_back_in_her_words() -> None:
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    _, reply = talk.step("Vous préférez que nous vous appelions ou que nous vous écrivions ?")
    assert "choix" in reply.parts
    assert "qu’on m’appelle" in reply.text.lower() or "qu’on m’écrive" in reply.text.lower(), \
        reply.text


def test_options_offered_before_que_choisissez_vous_get_a_choice_not_a_shrug() -> None:
    """A blind play heard "Ça, je n'en sais rien, ce n'est pas mon problème" to a gesture
    offered as two options followed by "Que choisissez-vous ?"."""
    for seed in (0, 1):
        talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING, seed)
        _, reply = talk.step("Pour m'excuser, je vous offre un bon d'achat de 30 euros, ou si "
                             "vous préférez une extension de garantie d'un an. Que "
                             "choisissez-vous ?")
        assert "choix" in reply.parts, reply.text
        assert "bon d’achat" in reply.text.replace("'", "’") or "garantie" in reply.text


def test_a_question_about_her_situation_is_not_answered_by_a_rank() -> None:
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    _, reply = talk.step("Est-ce que la machine fonctionne malgré tout, ou est-elle "
                         "inutilisable ?")
    assert "choix" not in reply.parts
    assert not any(rank in reply.text for rank in ("première", "seconde", "deuxième"))


def test_soit_soit_then_que_preferez_vous_is_a_choice_not_a_question_about_her() -> None:
    """A blind play offered "soit un bon d'achat…, soit une extension…. Qu'est-ce que vous
    préférez ?" and heard her delivery slot, the first thing she had not said yet."""
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    _, reply = talk.step("Pour le temps perdu, je peux vous offrir soit un bon d'achat de 30 "
                         "euros, soit une extension de garantie d'un an. Qu'est-ce que vous "
                         "préférez ?")
    assert "choix" in reply.parts, reply.text
    assert "creneau-samedi" not in talk.state.facts_revealed


def test_anything_else_gets_no_and_a_consent_question_gets_an_answer() -> None:
    talk = _after("e4-copieur-cabinet",
                  "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.")
    _, reply = talk.step("Avant de commencer, avez-vous d'autres questions ?")
    assert reply.text in Voice.lines("nothing_else"), reply.text
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    _, reply = talk.step("Le livreur reprendra l'ancienne machine, vous êtes d'accord ?")
    assert "rapport" not in reply.text and not any(
        reply.text == line for line in talk.speaker.lines.deflect), reply.text


def test_a_project_cut_below_what_makes_sense_is_no_trap_to_its_manager() -> None:
    """"Il y a forcément un loup" / "Vous bradez ?" was said by the director who had capped
    the budget himself (blind play): to him a budget too small leaves nothing of the event."""
    talk = _after("e4-evenement-responsable",
                  "Bonjour monsieur Dubois, je viens vous présenter le projet de week-end.")
    _, reply = talk.step("Je vous propose le projet complet à 1 600 euros, tout compris.")
    assert "prix invraisemblable" in reply.parts, reply.text
    assert any(line in reply.text for line in Voice.lines("below_floor_thin")), reply.text


def test_a_caller_who_says_who_and_why_is_not_hung_up_on_for_not_saying_it() -> None:
    """"Je ne sais même pas qui vous êtes" right after the introduction was a false reason."""
    for opening, follow in (
            ("Oui bonjour, c'est Manon de chez Fidelix, je vous appelle pour vous parler de "
             "la fidélité de vos clients, vous avez une minute ?",
             "En fait c'est une carte sur le téléphone, le client donne son numéro en caisse."),
            ("Bonjour Monsieur Benali, Hugo Lenoir, de Fidelix à Lille.",
             "Nous aidons les commerces du quartier à faire revenir leurs clients. Comment "
             "faites-vous aujourd'hui ?")):
        talk = _after("tel-prospection-fidelix", opening)
        _, reply = talk.step(follow)
        assert not talk.state.happened(Event.PRESENTATION_MANQUANTE), reply.text
        # He may still hang up for another reason (his lack of time, left unanswered).
        assert talk.state.outcome not in ("raccroche-presentation", "raccroche-objet"), reply.text


def test_a_word_half_read_as_leave_taking_does_not_end_the_call() -> None:
    talk = _after("tel-prospection-fidelix",
                  "Kevin, de Fidelix, je vous appelle pour la fidélité de vos clients. Allez, "
                  "vite, je sais que c'est bientôt midi.")
    assert not talk.state.ended
    _, reply = talk.step("Merci pour votre temps, au revoir.")
    assert talk.state.ended and talk.state.ended_by == "student", reply.text


def test_a_contact_question_the_scenario_does_not_cover_gets_a_way_to_write() -> None:
    talk = _after("e4-copieur-cabinet", "Bonjour Madame Martin, Léa Morel de Bureau Plus.")
    _, reply = talk.step("À quelle adresse e-mail puis-je vous envoyer le contrat ?")
    assert reply.text in Voice.lines("contact_card"), reply.text


def test_a_settled_complaint_closed_with_a_goodbye_is_a_success() -> None:
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    for line in (
            "Je suis vraiment désolée, madame. Vous pouvez me donner votre numéro de commande ?",
            "Merci. Je vous propose un remplacement express : une machine neuve livrée samedi "
            "matin et reprise de l'ancienne.",
            "Je récapitule : machine neuve samedi matin, reprise de l'ancienne, dossier "
            "SAV-204517 et un e-mail de confirmation dans l'heure. Ça vous va ?",
            "Merci madame, bonne journée."):
        _, reply = talk.step(line)
    # Settled: a success, or a partial one when she is still cross (not "unfinished").
    assert Event.SOLUTION_ACCEPTEE in talk.state.events, reply.text
    assert talk.final_outcome().value in ("success", "partial"), reply.text


def test_a_deal_reached_stands_when_her_patience_runs_out_afterwards() -> None:
    from scenarios.vocabulary import OutcomeType

    talk = _after("tel-prospection-fidelix", "Bonjour Monsieur Benali, Léa Morel de Fidelix, "
                  "je vous appelle pour la fidélité de vos clients.")
    # The demonstration was agreed; she is pleased but her time is up.
    talk.state.outcome, talk.state.outcome_type = "rdv-demo-confirme", OutcomeType.SUCCES
    # (Patience spent: a slot confirmed no longer costs any, so none is left to spend.)
    talk.state.objections_raised, talk.state.mood, talk.state.patience = [], 80, 0
    _, reply = talk.step("Donc on dit mardi 15 h avec Thomas, c'est bien ça ?")
    assert talk.state.ended and talk.final_outcome().value == "success", reply.text
    assert reply.text in talk.speaker.lines.goodbye or reply.text in Voice.lines("goodbye")


def test_settling_a_complaint_with_nothing_proposed_asks_what() -> None:
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    _, reply = talk.step("Bon, on fait comme ça, d'accord ?")
    assert not talk.state.happened(Event.SOLUTION_ACCEPTEE)
    assert "engager" not in reply.text  # not a prospect's "je ne peux pas m'engager"


def test_an_e_mail_mentioned_in_a_recap_asks_for_no_address() -> None:
    talk = _after("tel-reclamation-lave-linge", _COMPLAINT_OPENING)
    _, reply = talk.step("Je récapitule : machine neuve samedi, et vous recevrez un e-mail de "
                         "confirmation. Ça vous va ?")
    assert reply.text not in Voice.lines("contact_phone"), reply.text
