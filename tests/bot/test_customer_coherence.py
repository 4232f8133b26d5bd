"""What a reply never does, whatever the student says (issue 13, blind plays): a question gets
an answer or an honest "je ne sais pas", not a listening noise; a slot just accepted is not
taken back by a new doubt in the same breath, and the customer who agreed it does not hang
up while the student settles it; no line is said twice in a conversation unless she says she
repeats it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.engine import start_conversation
from bot.replies import Voice, says_again
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event

from .test_dialogues import FILES, play


def _talk(scenario_id: str, variant: str | None, *lines: str) -> tuple[object, list]:
    talk = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml", variant),
                              variant, 0)
    talk.opening()
    return talk, [talk.step(line)[1] for line in lines]


def test_a_question_nobody_can_answer_gets_a_deflection_not_a_listening_noise() -> None:
    _, turns = _talk("e4-copieur-cabinet", None,
                     "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                     "Vous avez des enfants, madame Martin ?")
    assert not any(line in turns[1].text for line in Voice.lines("filler_listen")), turns[1]


_BOOKING = [
    "Bonjour monsieur Benali, Léa de Fidelix. Je vous appelle au sujet de la fidélisation de "
    "vos clients, vous avez deux minutes ?",
    "Avec Fidelix vos clients ont leur carte sur le téléphone et commandent la veille en click "
    "and collect, sans faire la queue. C'est 49 euros HT par mois sans engagement.",
    "Le mieux c'est que Thomas Girard notre commercial vous montre, c'est 30 min. Vous "
    "préférez mardi 15h ou jeudi 14h30 ?",
    "Et en boutique ou en visio ?",
    "Parfait, c'est noté. Je peux avoir votre mail pour la confirmation ?",
]


def test_a_slot_accepted_is_not_taken_back_nor_hung_up_on_while_it_is_settled() -> None:
    talk, turns = _talk("tel-prospection-fidelix", None, *_BOOKING)
    accepted = next(t for t in turns if "rendez-vous" in t.parts)
    assert not any(p.startswith("objection:") for p in accepted.parts), accepted
    assert talk.state.happened(Event.EMAIL_OBTENU) and not talk.state.ended, \
        [t.text for t in turns]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_sentence_is_said_twice_unless_she_says_she_repeats_it(path: Path) -> None:
    record, _ = play(path)
    said: set[str] = set()
    for turn in (t for t in record["turns"] if t["speaker"] == "customer"):
        again = says_again(turn["text"]) or any(
            prefix.rstrip(" ,:") in turn["text"]
            for prefix in [*Voice.lines("repeat_prefix"), *Voice.lines("repeat_other_prefix")])
        for sentence in re.split(r"(?<=[.!?…])\s+", turn["text"]):
            if len(sentence) >= 12:  # "Oui.", "D'accord." are not lines one notices
                assert again or sentence not in said, (sentence, turn["text"])
                said.add(sentence)
