"""Several people (issue 13): a gatekeeper asks who calls and why before putting the call
through, the person asked for says it is them, and at a meeting the decider joins the people
already in the room, who each answer what they know and what they are asked by name."""

from __future__ import annotations

from bot.customer import Customer
from bot.engine import start_conversation
from bot.replies import Voice
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event


def _talk(scenario_id: str, variant: str | None, *lines: str) -> tuple[Customer, list[str]]:
    talk = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml", variant),
                              variant, 0)
    talk.opening()
    replies = [talk.step(line)[1].text for line in lines]
    return talk, replies


def _gatekeeper(*lines: str) -> tuple[Customer, list[str]]:
    return _talk("tel-prospection-fidelix", "barrage", *lines)


def _meeting(*lines: str) -> tuple[Customer, list[str]]:
    return _talk("e4-copieur-cabinet", "decideur-present", *lines)


_WHO = Voice.lines("gatekeeper_who")
_WHAT = Voice.lines("gatekeeper_what")


def test_the_gatekeeper_asks_who_calls_then_what_about_and_never_hangs_up_for_it() -> None:
    talk, replies = _gatekeeper("Bonjour, je pourrais parler à M. Benali ?",
                                "Léa Morel, de la société Fidelix.")
    assert any(line in replies[0] for line in _WHO), replies[0]
    assert any(line in replies[1] for line in _WHAT), replies[1]
    assert not any(line in replies[1] for line in _WHO)
    assert not talk.state.ended
    assert not talk.state.happened(Event.PRESENTATION_MANQUANTE)
    assert talk.state.speaker == "julie"


def test_the_gatekeeper_does_not_ask_what_she_was_told() -> None:
    _, replies = _gatekeeper(
        "Bonjour madame, Léa Morel de la société Fidelix, je vous appelle au sujet de la "
        "fidélisation de vos clients. Est-ce que je pourrais parler à M. Benali ?")
    assert not any(line in replies[0] for line in [*_WHO, *_WHAT]), replies[0]


# The caller says who she is and why; Julie objects that he does not take salespeople, and
# the caller answers that objection.
_PAST_HER_OBJECTION = (
    "Bonjour, Léa Morel de la société Fidelix, je vous appelle au sujet de la fidélité de "
    "vos clients.",
    "Je comprends, je ne vais pas le retenir longtemps, deux minutes.")


def test_the_gatekeeper_puts_the_call_through_and_leaves_the_line() -> None:
    talk, replies = _gatekeeper(*_PAST_HER_OBJECTION)
    _, turn = talk.step("Je pourrais parler à M. Benali, s'il vous plaît ?")
    assert talk.state.happened(Event.TRANSFERT), [*replies, turn.text]
    assert talk.state.speaker == "karim-benali" and talk.state.present == ["karim-benali"]
    # Her "je vous le passe" is hers, said before his first words, not glued into them.
    assert turn.before is not None and turn.before.speaker == "julie"
    assert turn.before.text in Voice.lines("handover")
    assert turn.speaker == "karim-benali"
    assert turn.text in talk.scenario.speaker("karim-benali").lines.greeting


def test_the_transfer_is_two_turns_each_under_its_speakers_name() -> None:
    from repliq.rehearsal import Rehearsal

    talk = start_conversation(load_scenario(BUILTIN_DIR / "tel-prospection-fidelix.yaml",
                                            "barrage"), "barrage", 0)
    rehearsal = Rehearsal(talk)
    rehearsal.open()
    for line in _PAST_HER_OBJECTION:
        rehearsal.say(line)
    _, replies = rehearsal.say("Je pourrais parler à M. Benali, s'il vous plaît ?")
    assert [turn.who for turn in replies] == ["julie", "karim-benali"]
    assert [turn.who for turn in rehearsal.turns if turn.is_customer][-2:] == \
        ["julie", "karim-benali"]


def test_told_who_calls_and_why_the_gatekeeper_says_where_he_is() -> None:
    """"C'est pour une solution de fidélité…" got "D'accord. Dites-moi." from Julie, as if
    the pitch were for her (blind plays)."""
    talk, replies = _gatekeeper(
        "Bonjour, Julien Moreau de Fidelix, je souhaiterais parler à M. Benali s'il vous "
        "plaît.", "C'est pour une solution de fidélité et de click and collect pour les "
        "boulangeries, ça prend deux minutes.")
    assert "Dites-moi" not in replies[-1], replies[-1]
    assert "benali-au-fournil" in talk.state.facts_revealed or \
        talk.state.happened(Event.TRANSFERT)


def test_the_person_asked_for_says_it_is_them() -> None:
    _, replies = _talk("tel-prospection-fidelix", None, "Bonjour, c'est bien M. Benali ?")
    assert any(line in replies[0] for line in Voice.lines("its_me")), replies[0]
    assert "patron" not in replies[0]


def test_the_boss_asked_for_by_title_says_it_is_him() -> None:
    _, replies = _talk("tel-prospection-fidelix", None,
                       "Yo, bonjour ! C'est Fidelix. Je peux parler au boss ?")
    assert any(line in replies[0] for line in Voice.lines("its_me")), replies[0]


_INTRO = ("Bonjour Madame Martin, Léa Morel de Bureau Plus, merci de me recevoir. Je viens "
          "vous présenter nos solutions d'impression.")
_PRICE = "Notre offre complète est à 289 € HT par mois, maintenance incluse."


def test_at_a_meeting_the_decider_walks_in_and_both_stay() -> None:
    talk, replies = _meeting(_INTRO, "Combien de pages imprimez-vous par mois ?", _PRICE)
    assert talk.state.present == ["claire-martin", "philippe-lefevre"]
    assert talk.state.speaker == "philippe-lefevre"
    lefevre = talk.scenario.speaker("philippe-lefevre")
    assert replies[2] in lefevre.lines.greeting  # he speaks; nobody "transfers" anything
    # What Mme Martin was about to say is not counted as said.
    assert not talk.state.objections_raised or all(
        talk.state.objection_raised_at[o] < talk.state.turn for o in talk.state.objections_raised)


def test_at_a_meeting_each_person_answers_when_named_and_repeats_only_what_they_said() -> None:
    talk, _ = _meeting(_INTRO, "Combien de pages imprimez-vous par mois ?", _PRICE)
    _, to_her = talk.step("Madame Martin, combien de pannes avez-vous eues cette année ?")
    assert to_her.speaker == "claire-martin"
    _, to_him = talk.step("Monsieur Lefèvre, combien de pages imprimez-vous par mois ?")
    assert to_him.speaker == "philippe-lefevre"
    # He did not give the volume: he says who did, not "je vous l'ai déjà dit".
    assert "Mme Martin" in to_him.text, to_him.text
    assert not any(to_him.text.startswith(p) for p in Voice.lines("repeat_prefix"))


def test_a_question_asked_again_goes_to_the_person_who_answered_it() -> None:
    talk, _ = _meeting(_INTRO, "Combien de pages imprimez-vous par mois ?", _PRICE)
    _, reply = talk.step("Pardon, vous imprimez combien de pages par mois, déjà ?")
    assert reply.speaker == "claire-martin", reply.text


def test_the_gatekeeper_books_nothing_in_her_managers_diary() -> None:
    talk, replies = _gatekeeper(
        "Bonjour, Léa Morel de la société Fidelix, je vous appelle au sujet de la fidélité de "
        "vos clients.", "Je vous propose mardi à 14 h pour une démonstration, ça vous va ?")
    assert not talk.state.happened(Event.RDV_FIXE)
    assert any(line in replies[-1] for line in Voice.lines("gatekeeper_defer")), replies[-1]


def test_asked_what_only_her_manager_knows_the_gatekeeper_names_him() -> None:
    _, replies = _gatekeeper(
        *_PAST_HER_OBJECTION,
        "Le week-end, vous faites combien du chiffre de la boulangerie, à peu près ?")
    assert any(line.format(name="M. Benali") in replies[2]
               for line in Voice.lines("other_knows")), replies[2]


def test_the_gatekeeper_says_when_to_call_back_and_keeps_his_mobile_number() -> None:
    _, replies = _gatekeeper(
        "Bonjour madame, Léa Morel de la société Fidelix.",
        "Quel est le meilleur moment pour le rappeler, dans la journée ?",
        "Vous pourriez me donner son numéro de portable ?")
    assert "14 h" in replies[1], replies[1]
    assert "portable" in replies[2] or "ligne directe" in replies[2], replies[2]
