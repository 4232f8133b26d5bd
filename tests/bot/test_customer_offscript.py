"""What an off-script student gets (issue 13, sixth blind round): a gift no sales policy
allows is doubted and noted, an assistant offered a present to put the call through says no,
a price too low to be true is questioned even when another doubt was on its way, and a
polite offer is never read as a forbidden promise."""

from __future__ import annotations

from bot.engine import start_conversation
from bot.replies import Voice
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event


def _talk(scenario_id: str, variant: str | None, *lines: str) -> tuple[object, list[str]]:
    talk = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml", variant),
                              variant, 0)
    talk.opening()
    return talk, [talk.step(line)[1].text for line in lines]


_BOOKED = (
    "Bonjour monsieur Benali, Léa de Fidelix. Je vous appelle au sujet de la fidélisation de "
    "vos clients, vous avez deux minutes ?",
    "Avec Fidelix, vos clients ont leur carte de fidélité sur le téléphone et commandent la "
    "veille en click and collect. Thomas peut vous le montrer : mardi 15 h ou jeudi 14 h ?",
    "Mardi 15 h, parfait.")


def test_a_gift_outside_any_policy_is_doubted_and_noted() -> None:
    talk, replies = _talk("tel-prospection-fidelix", None, *_BOOKED,
                          "Et si vous signez mardi, je vous fais offrir une tablette pour la "
                          "caisse, cadeau.")
    assert any(line in replies[-1] for line in Voice.lines("gift_doubted")), replies[-1]
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)
    assert talk.state.appointment is not None  # the slot agreed still stands


def test_a_gesture_the_scenario_allows_is_not_doubted() -> None:
    talk, replies = _talk("tel-prospection-fidelix", None, *_BOOKED,
                          "Et le premier mois est offert, sans engagement.")
    assert not any(line in replies[-1] for line in Voice.lines("gift_doubted")), replies[-1]
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_the_assistant_offered_a_present_turns_it_down() -> None:
    _, replies = _talk(
        "tel-prospection-fidelix", "barrage",
        "Bonjour, Léa Morel de Fidelix, je vous appelle au sujet de la fidélité de vos "
        "clients.",
        "Et je vous promets, si vous me le passez, je vous fais offrir un an d'abonnement "
        "gratuit.")
    assert any(line in replies[-1] for line in Voice.lines("bribe_refused")), replies[-1]


def test_a_price_far_below_the_floor_is_questioned_before_anything_else() -> None:
    # A blind play: "je m'aligne et je fais mieux : 199 € par mois" heard only about the
    # length of the contract.
    talk, replies = _talk(
        "e4-copieur-cabinet", None,
        "Bonjour Madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
        "Combien de pages imprimez-vous par mois ?",
        "Vous avez des pannes avec vos copieurs actuels ?",
        "Je vous propose la MX-5000 à 199 € par mois, installation offerte. Vous signez ?")
    assert any(replies[-1].startswith(line) for line in Voice.lines("below_floor_doubt")), \
        replies[-1]
    assert not any(talk.state.objection_raised_at.get(o) == talk.state.turn
                   for o in talk.state.objections_raised)


def test_a_price_of_an_item_is_not_taken_for_an_absurd_offer() -> None:
    _, replies = _talk(
        "e4-evenement-responsable", None,
        "Bonjour monsieur Dubois, merci de me recevoir. Je viens vous présenter mon projet "
        "d'animation pour avril.",
        "Pour la carte fidélité, je garde le bon de 5 euros pour chaque nouvelle adhésion.")
    assert not any(line in replies[-1] for line in Voice.lines("price_absurd_low")), \
        replies[-1]


def test_asking_if_a_saturday_slot_suits_her_is_not_a_sunday_promise() -> None:
    talk, _ = _talk(
        "tel-reclamation-lave-linge", None,
        "ElectroMaison bonjour, Kévin à l'appareil, en quoi je peux vous aider ?",
        "Si vous nous envoyez des photos de la porte, on peut faire en express sous 48 h, "
        "du coup ça tomberait ce samedi matin, entre 8 h et 12 h. Ça vous irait ?")
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)
