"""A conversation as grading sees it: the record written by `repliq run --json` (or built
live by the rehearsal loop), checked and turned into typed turns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.customer.reply import ReplyKind
from bot.recap import sums_up
from bot.state import CustomerState
from bot.text import fold
from bot.topics import STOPWORDS
from bot.turn_record import TurnRecord
from scenarios.vocabulary import Act, Event, Outcome, Phase


class TranscriptError(ValueError):
    """A transcript that cannot be graded; the message is French and says what to do."""


@dataclass
class StudentTurn:
    number: int  # 1-based, as shown to the student
    text: str
    acts: set[Act]
    topics: dict[str, float]
    entities: list[dict[str, Any]]
    state: CustomerState
    reply: str = ""
    # What each part of the customer's reply answered, as recorded: ReplyKind labels
    # ("impolitesse", "fait:volume-mensuel"); read them with `answered_with`.
    reply_to: list[str] = field(default_factory=list)
    # What the student clearly did: each sentence's best act and the high-precision cues.
    # The customer reacts to near-ties too (lenient); grading counts only these.
    main_acts: set[Act] = field(default_factory=set)
    cut_customer: bool = False  # by voice: the student talked over the customer
    echoed: int = 0  # how many of her words a restatement opener takes up (`echoes`)

    @property
    def echoes_her(self) -> bool:
        """Opened as a restatement and taking up ECHO_WORDS of her words so far."""
        return self.echoed >= ECHO_WORDS

    @property
    def words(self) -> int:
        return len(self.text.split())

    def answered_with(self, kind: ReplyKind) -> bool:
        """Whether the customer's reply to this turn held a part of that kind (its label is
        the kind, followed by an id for the kinds that name their subject)."""
        if kind.value.endswith(":"):
            return any(label.startswith(kind.value) for label in self.reply_to)
        return kind.value in self.reply_to


@dataclass
class Transcript:
    scenario_id: str
    variant: str | None
    outcome: Outcome
    outcome_id: str | None
    ended_by: str
    turns: list[StudentTurn] = field(default_factory=list)

    @property
    def final(self) -> CustomerState:
        return self.turns[-1].state

    def heard_before(self, turn: StudentTurn) -> str:
        """What the customer said before this student turn (her replies, in order)."""
        return " ".join(t.reply for t in self.turns[:turn.number - 1])

    def figures_heard_before(self, turn: StudentTurn) -> set[float]:
        """The amounts and quantities the customer said before this turn ("12 000", "240")."""
        return {float(re.sub(r"\D", "", figure))
                for figure in FIGURE.findall(self.heard_before(turn))}


# A figure as people write it: "12 000", "12\u202f000", "240".
FIGURE = re.compile(r"\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?!\d)|\d+")


class _TurnView:
    """What `bot.conditions.holds` needs of an understanding: acts and topics."""

    def __init__(self, turn: StudentTurn) -> None:
        self.acts = turn.acts
        self.topics = turn.topics


def view(turn: StudentTurn) -> Any:
    return _TurnView(turn)


def state_from_snapshot(data: dict[str, Any]) -> CustomerState:
    fields = set(CustomerState.__dataclass_fields__)
    values = {key: value for key, value in data.items() if key in fields}
    values["phase"] = Phase(values.get("phase", "contact"))
    values["events"] = [Event(e) for e in values.get("events", []) if e in Event._value2member_map_]
    return CustomerState(**values)


# A sentence's best act earns credit only when the engine is not merely guessing: a reading at
# 0.13 ("C'est le délai normal, madame." taken for empathy) is no evidence of a technique.
MIN_CREDITED_CONFIDENCE = 0.15


def _main_acts(turn: TurnRecord, acts: set[Act]) -> set[Act]:
    sentences = turn.sentences
    if not sentences:
        return set(acts)
    main: set[Act] = set()
    for sentence in sentences:
        scored = [a for a in sentence.get("acts", []) if a.get("id") in Act._value2member_map_]
        for rank, act in enumerate(scored):
            confidence = float(act.get("confidence", 0))
            if (rank == 0 and confidence >= MIN_CREDITED_CONFIDENCE) or confidence >= 0.85:
                main.add(Act(act["id"]))
    return main & acts if main & acts else main


# A restatement the act reader missed ("Donc le hublot est fendu, la machine est restée dans
# son carton et vous êtes sans lave-linge depuis lundi", aveugle-2: read as an argument): a
# sentence opened as a restatement that takes up ECHO_WORDS of the customer's own words.
_RESTATING = re.compile(r"(?:^|[.!?…]\s+)(?:donc|alors|justement|si je (?:comprends|resume|"
                        r"vous suis)|en resume|autrement dit|pour resumer|vous me dites|vous m'"
                        r"avez dit|c'est-a-dire)\b"
                        # "Je vous entends : avec trois boutiques et une quinzaine de salariés,
                        # il vous faut quelque chose de simple" (aveugle-8, the examiner: "sums
                        # them up before arguing")
                        r"|\bje vous (?:entends|ai bien entendu|ai bien compris)\s*:"
                        r"|\bce que vous me (?:decrivez|dites|racontez|"
                        r"expliquez)\b|\b(?:comme )?vous (?:me )?(?:disiez|l'avez dit)\b")
ECHO_WORDS = 2
# "Alors je peux vous proposer…", "alors je vois bien la commande…": the opener leads into what
# the adviser does or reads in the file, not into her words said back (aveugle-35: two such
# sentences were the whole "reformulation" of a student the examiner found had none).
_ACTING = re.compile(r"\s*,?\s*(?:je|j'|on|nous)\b(?!\s*(?:resume|recapitule|reformule))")
_WEAK_OPENER = {"donc", "alors", "justement"}
# Words anyone says, that echo nobody: "Alors votre numéro de dossier…, vous allez recevoir…"
# took up her "votre", "allez" and "numéro" (aveugle-35).
_NOT_HERS = STOPWORDS | {"allez", "encore", "madame", "monsieur", "merci", "bonjour", "d'accord",
                         "c'est", "juste", "vraiment", "toujours", "avoir", "faire", "parce",
                         "apres", "avant", "depuis", "n'est", "qu'il", "qu'on", "numero"}
_CONTENT_WORD = re.compile(r"[a-z0-9][a-z0-9'-]{4,}")


def echoes(text: str, heard: set[str]) -> int:
    """How many of `heard` (the customer's words so far) the turn takes up from its restating
    opener on; 0 without one. ECHO_WORDS or more is a restatement."""
    folded = fold(text)
    opening = next((m for m in _RESTATING.finditer(folded)
                    if m.group(0).strip(" .!?…") not in _WEAK_OPENER
                    or not _ACTING.match(folded, m.end())), None)
    if opening is None:
        return 0
    return len(set(_CONTENT_WORD.findall(folded[opening.start():])) - _NOT_HERS & heard)


# An open question by its grammar (scoring/observations.py, questioning). Not "mardi ou
# jeudi ?", nor "Combien… ?", which DOMAIN.md counts with the closed ones.
_OPEN_QUESTION = re.compile(
    r"(?:^|[.!?…:;]\s*)(?:(?:et|alors|donc|mais|dites-moi|justement),?\s+)?"
    r"(?:comment|pourquoi|qu'est-ce|que\s|qu'|quels?\s|quelles?\s|quoi|sur quoi|"
    r"a quoi|en quoi|de quoi|avec quoi|dans quelle|de quelle|a quel|a quelle)([^?.!]*)\?")


def open_questions(text: str) -> list[str]:
    """The open questions of a turn, by their grammar, folded."""
    return [match.group(0) for match in _OPEN_QUESTION.finditer(fold(text))
            if " ou " not in match.group(0)]


def _outcome(value: Any) -> Outcome:
    # A record from an older Repliq, or one stopped before its end, may lack it.
    try:
        return Outcome(value)
    except ValueError:
        return Outcome.UNFINISHED


def from_record(record: dict[str, Any]) -> Transcript:
    """A transcript from a `repliq run --json` record. Raises TranscriptError."""
    if not isinstance(record, dict) or "scenario" not in record or "turns" not in record:
        raise TranscriptError("ce fichier n'est pas une transcription Repliq — attendu : la "
                              "sortie de « repliq run --json » (clés scenario et turns)")
    if not isinstance(record["turns"], list):
        raise TranscriptError("« turns » n'est pas une liste de tours — attendu : la sortie "
                              "de « repliq run --json »")
    turns = []
    for position, item in enumerate(record["turns"], start=1):
        try:
            turns.append(TurnRecord.from_dict(item))
        except (TypeError, ValueError) as exc:
            raise TranscriptError(f"{exc} (tour {position} de la transcription) — attendu : "
                                  "des objets {speaker, text, acts, topics, entities, "
                                  "state}") from None
    return from_turns(turns, str(record["scenario"]), record.get("variant"),
                      record.get("outcome"), record.get("outcome_id"),
                      str(record.get("ended_by", "script_end")))


def from_turns(turns: list[TurnRecord], scenario_id: str, variant: str | None, outcome: Any,
               outcome_id: str | None, ended_by: str) -> Transcript:
    """A transcript from the turns as played (the live rehearsal) or as read back. Raises
    TranscriptError when the student said nothing."""
    transcript = Transcript(scenario_id, variant, _outcome(outcome), outcome_id, ended_by)
    number = 0
    for turn in turns:
        if turn.is_student:
            number += 1
            acts = {Act(a) for a in turn.acts if a in Act._value2member_map_}
            transcript.turns.append(StudentTurn(
                number, turn.text, acts, {t: 1.0 for t in turn.topics}, list(turn.entities),
                state_from_snapshot(turn.state), main_acts=_main_acts(turn, acts),
                cut_customer=turn.cut_customer))
        elif transcript.turns:
            transcript.turns[-1].reply = turn.text
            transcript.turns[-1].reply_to = list(turn.acts)
    heard: set[str] = set()  # her words before each turn, gathered as we go
    for turn in transcript.turns:
        if Act.RECAPITULATIF in turn.acts and not sums_up(turn.text, turn.entities):
            turn.acts.discard(Act.RECAPITULATIF)
            turn.main_acts.discard(Act.RECAPITULATIF)
        # (Also when the act reader saw it but did not rank it first: "Vous avez bien fait.
        # Donc le livreur est reparti…", aveugle-7, was credited with no reformulation.)
        turn.echoed = echoes(turn.text, heard)
        if Act.REFORMULATION not in turn.main_acts and turn.echoes_her:
            turn.acts.add(Act.REFORMULATION)
            turn.main_acts.add(Act.REFORMULATION)
        heard |= set(_CONTENT_WORD.findall(fold(turn.reply)))

    if not transcript.turns:
        raise TranscriptError("aucune réplique de l'étudiant dans cette transcription — rien à "
                              "évaluer (jouez d'abord un entretien avec « repliq run »)")
    return transcript


def read(path: Path) -> Transcript:
    """Read a transcript file. Raises TranscriptError with a clear French message."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TranscriptError(f"{path} : fichier introuvable — attendu : une transcription "
                              "écrite par « repliq run --json »") from None
    except UnicodeDecodeError:
        raise TranscriptError(f"{path} : ce n'est pas un fichier texte UTF-8 — attendu : une "
                              "transcription JSON") from None
    try:
        record = json.loads(text)
    except RecursionError:
        raise TranscriptError(f"{path} : imbrication trop profonde — attendu : une "
                              "transcription écrite par « repliq run --json »") from None
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{path}:{exc.lineno}: JSON tronqué ou invalide ({exc.msg}) — "
                              "attendu : la transcription complète écrite par « repliq run "
                              "--json »") from None
    try:
        return from_record(record)
    except TranscriptError as exc:
        raise TranscriptError(f"{path} : {exc}") from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        # A field of the wrong type (a hand-edited file): said in one line, never a crash.
        raise TranscriptError(f"{path} : transcription mal formée ({type(exc).__name__}: "
                              f"{exc}) — attendu : le fichier écrit par « repliq run --json », "
                              "sans modification") from None
