"""The rehearsal loop every front end shares (terminal, Textual, voice later): a student
turn goes to the customer, the coach may add a tip, the store commits the turn before the
reply is shown, and at the end the conversation is graded and saved."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from bot.customer import Customer, CustomerTurn, ReplyKind
from bot.turn_record import Role, TurnRecord
from scoring.grader import grade
from scoring.tips import Coach
from scoring.transcript import from_turns

from .terminal import one_line

TurnSink = Callable[[TurnRecord], None]


class Rehearsal:
    def __init__(self, customer: Customer, coach: Coach | None = None,
                 on_turn: TurnSink | None = None) -> None:
        self.customer = customer
        self.coach = coach
        self.on_turn = on_turn
        self.turns: list[TurnRecord] = []
        # The keyboard and the microphone may both speak in the UI: one turn at a time.
        self.lock = threading.RLock()
        # Called on each turn before it is committed (the voice names its audio file here).
        self.prepare_turn: TurnSink | None = None

    @property
    def scenario(self):  # type: ignore[no-untyped-def]
        return self.customer.scenario

    @property
    def ended(self) -> bool:
        return self.customer.state.ended

    def _keep(self, turn: TurnRecord) -> TurnRecord:
        if self.prepare_turn:
            self.prepare_turn(turn)
        self.turns.append(turn)
        if self.on_turn:
            self.on_turn(turn)  # committed before anything is shown
        return turn

    def _customer(self, reply: CustomerTurn) -> list[TurnRecord]:
        """The reply's turns: at a transfer, the line of the person who puts the call through,
        then the words of the one who takes it, each under its speaker's name."""
        state = self.customer.state.snapshot()
        turns = []
        if reply.before:
            turns.append(self._keep(TurnRecord(
                role=Role.CUSTOMER, who=reply.before.speaker, text=reply.before.text,
                acts=[ReplyKind.HANDOVER.value], state=state)))
        if reply.text:
            turns.append(self._keep(TurnRecord(role=Role.CUSTOMER, who=reply.speaker,
                                               text=reply.text, acts=reply.parts,
                                               state=state)))
        return turns

    def open(self) -> TurnRecord | None:
        """The customer's first words (None on an inbound call: the student speaks first)."""
        opening = self.customer.opening()
        return next(iter(self._customer(opening)), None) if opening else None

    def say(self, text: str, *, asr_text: str | None = None, audio: str | None = None,
            cut_customer: bool = False) -> tuple[TurnRecord, list[TurnRecord]]:
        """The student's turn: (the recorded student turn with its tip, the customer's turns:
        none once the conversation has ended, two at a transfer). A spoken turn also carries
        what recognition heard, its kept audio file and whether it cut the customer off: they
        are committed with the turn."""
        with self.lock:
            return self._say(text, asr_text, audio, cut_customer)

    def _say(self, text: str, asr_text: str | None, audio: str | None, cut_customer: bool
             ) -> tuple[TurnRecord, list[TurnRecord]]:
        # Whatever the front end: no control character or escape sequence reaches the
        # customer, the store or a terminal that shows the transcript later.
        text = one_line(text)
        customer = self.customer
        events_before = set(customer.state.events)
        understanding, reply = customer.step(text)
        tip = None
        if self.coach:
            tip = self.coach.tip(customer.state.turn, understanding.acts, text, events_before,
                                 customer.state) or None
        turn = TurnRecord(
            role=Role.STUDENT, text=text, acts=sorted({a.value for a in understanding.acts}),
            entities=[e.as_dict() for e in understanding.entities],
            topics=sorted(understanding.topics),
            sentences=[s.as_dict() for s in understanding.sentences],
            state=customer.state.snapshot(), tip=tip, asr_text=asr_text, audio=audio,
            cut_customer=cut_customer)
        self._keep(turn)
        return turn, self._customer(reply)

    def cut(self, turn: TurnRecord, heard: float) -> None:
        """The student talked over this customer turn: it was heard for `heard` seconds."""
        turn.cut_after = round(heard, 2)

    def record(self) -> dict[str, Any]:
        """The conversation in the JSON shape `repliq run --json` writes."""
        state = self.customer.state
        return {"scenario": self.scenario.id, "outcome": self.customer.final_outcome(),
                "outcome_id": state.outcome, "ended_by": state.ended_by or "script_end",
                "turns": [turn.as_dict() for turn in self.turns]}

    def scorecard(self, report: dict[str, Any] | None = None) -> dict[str, Any] | None:
        if not any(turn.is_student for turn in self.turns):
            return None
        state = self.customer.state
        transcript = from_turns(self.turns, self.scenario.id, None,
                                self.customer.final_outcome(), state.outcome,
                                state.ended_by or "script_end")
        return grade(transcript, self.scenario, report).as_dict()
