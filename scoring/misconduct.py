"""Faults of conduct or of sales policy, found turn by turn, whether or not the customer hung
up: an examiner counts them in every bloc (rubric.yml, « manquements »)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.conduct import blames_third_party, gross
from bot.customer.reply import ReplyKind
from scenarios.model import Scenario
from scenarios.vocabulary import Act, Event

from .observations import Evidence, ev
from .rubric import Breach, rubric
from .tariffs import wrong_tariffs
from .transcript import StudentTurn, Transcript

_EVENTS = {Event.PRESSION: Breach.PRESSURE, Event.DROIT_LEGAL_NIE: Breach.RIGHT_DENIED,
           Event.PROMESSE_HORS_POLITIQUE: Breach.OUT_OF_POLICY}


@dataclass(frozen=True)
class Fault:
    turn: StudentTurn
    kind: Breach
    detail: str = ""  # what exactly broke the rule, where the turn alone does not say it
    said: str = ""  # the sentence that broke it, where the turn holds several

    @property
    def label(self) -> str:
        return rubric().misconduct.kinds[self.kind].label

    def touches(self, criterion: str) -> bool:
        return criterion in rubric().misconduct.kinds[self.kind].criteria

    @property
    def described(self) -> str:
        """Its label, with what exactly broke the rule when there is more to say."""
        return f"{self.label} ({self.detail})" if self.detail else self.label

    @property
    def evidence(self) -> Evidence:
        return ev(self.turn, False, f"manquement : {self.described}")


def faults(transcript: Transcript, scenario: Scenario) -> list[Fault]:
    """Every fault, in turn order: a rude turn each time (decided by the conduct layer, sure
    only; hard words for a third party are blame), the first pressure and right denied (the
    customer records each once), each promise outside the policy she takes at its word or
    doubts (not the recap that repeats it), money off the books she refuses, a price below the
    floor, an item of the brief's price list stated cheaper or free."""
    found: list[Fault] = []
    floor = scenario.negotiation.floor_price if scenario.negotiation else None
    before: set[Event] = set()
    promises = frauds = 0
    below = False
    for turn in transcript.turns:
        kinds: list[Breach] = []
        if Act.IMPOLITESSE in turn.acts:
            # (Hard words for the carrier are the blame, not an insult to her: the examiners
            # kept the call's manners "satisfaisant" 31 times in 38, its assistance
            # "insuffisant" 25 times.)
            blame = blames_third_party(turn.text)
            kinds += [Breach.BLAME] if blame else []
            kinds += [Breach.RUDENESS] if not blame or gross(turn.text) else []
        events = set(turn.state.events)
        kinds += [kind for event, kind in _EVENTS.items() if event in events - before]
        # (Her doubt says a guaranteed result or a gift no policy allows was promised.)
        # (Or another promise she took at its word; not the recap that says the same ones
        # again.)
        again = turn.state.promises > promises and Act.RECAPITULATIF not in turn.main_acts
        if (turn.answered_with(ReplyKind.CLAIM_DOUBTED) or again) \
                and Breach.OUT_OF_POLICY not in kinds and \
                Event.PROMESSE_RETIREE not in events - before:
            kinds.append(Breach.OUT_OF_POLICY)
        promises = turn.state.promises
        if turn.state.frauds > frauds:
            kinds.append(Breach.FRAUD)
        frauds = turn.state.frauds
        offered = turn.state.price_offered
        # (Her own figure said back is no offer, unless conceded as ours: "je vous aligne sur
        # Copitec, 240 €" after she said Copitec's 240 €, aveugle-20.)
        if floor is not None and offered is not None and offered < floor and not below and (
                Act.CONCESSION in turn.main_acts
                or offered not in transcript.figures_heard_before(turn)):
            kinds.append(Breach.BELOW_FLOOR)
            below = True
        before = events
        found += [Fault(turn, kind) for kind in dict.fromkeys(kinds)]
        # Read on the student's words, whatever the customer made of them.
        found += [Fault(turn, Breach.WRONG_TARIFF, wrong.detail, wrong.sentence)
                  for wrong in wrong_tariffs(turn.text, scenario)[:1]]
    return found

