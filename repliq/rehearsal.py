"""The rehearsal loop every front end shares (terminal, Textual, voice later): a student
turn goes to the customer, the coach may add a tip, the store commits the turn before the
reply is shown, and at the end the conversation is graded and saved."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from bot.customer import Customer, CustomerTurn
from scoring.grader import grade
from scoring.tips import Coach
from scoring.transcript import from_record

from .terminal import clean

TurnSink = Callable[[dict[str, Any]], None]


class Rehearsal:
    def __init__(self, customer: Customer, coach: Coach | None = None,
                 on_turn: TurnSink | None = None) -> None:
        self.customer = customer
        self.coach = coach
        self.on_turn = on_turn
        self.turns: list[dict[str, Any]] = []
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

    def _keep(self, turn: dict[str, Any]) -> dict[str, Any]:
        if self.prepare_turn:
            self.prepare_turn(turn)
        self.turns.append(turn)
        if self.on_turn:
            self.on_turn(turn)  # committed before anything is shown
        return turn

    def _customer(self, reply: CustomerTurn) -> dict[str, Any] | None:
        if not reply.text:
            return None
        return self._keep({"speaker": "customer", "who": reply.speaker, "text": reply.text,
                           "acts": reply.parts, "entities": [], "topics": [],
                           "state": self.customer.state.snapshot()})

    def open(self) -> dict[str, Any] | None:
        """The customer's first words (None on an inbound call: the student speaks first)."""
        opening = self.customer.opening()
        return self._customer(opening) if opening else None

    def say(self, text: str, extra: dict[str, Any] | None = None
            ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The student's turn: (the recorded student turn with its tip, the reply). `extra`
        fields (the recognised text, the audio file) are stored with the turn."""
        with self.lock:
            return self._say(text, extra)

    def _say(self, text: str, extra: dict[str, Any] | None
             ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        # Whatever the front end: no control character or escape sequence reaches the
        # customer, the store or a terminal that shows the transcript later.
        text = clean(text, keep_newlines=False).strip()
        customer = self.customer
        events_before = set(customer.state.events)
        understanding, reply = customer.step(text)
        turn: dict[str, Any] = {
            "speaker": "student", "text": text,
            "acts": sorted({a.value for a in understanding.acts}),
            "entities": [e.as_dict() for e in understanding.entities],
            "topics": sorted(understanding.topics),
            "sentences": [s.as_dict() for s in understanding.sentences],
            "state": customer.state.snapshot(),
        }
        if self.coach:
            tip = self.coach.tip(customer.state.turn, understanding.acts, text, events_before,
                                 customer.state)
            if tip:
                turn["tip"] = tip
        turn.update(extra or {})
        self._keep(turn)
        return turn, self._customer(reply)

    def cut(self, turn: dict[str, Any], heard: float) -> None:
        """The student talked over this customer turn: it was heard for `heard` seconds."""
        turn["cut_after"] = round(heard, 2)

    def record(self) -> dict[str, Any]:
        state = self.customer.state
        return {"scenario": self.scenario.id, "outcome": self.customer.final_outcome(),
                "outcome_id": state.outcome, "ended_by": state.ended_by or "script_end",
                "turns": list(self.turns)}

    def scorecard(self, report: dict[str, Any] | None = None) -> dict[str, Any] | None:
        record = self.record()
        if not any(turn["speaker"] == "student" for turn in record["turns"]):
            return None
        return grade(from_record(record), self.scenario, report).as_dict()
