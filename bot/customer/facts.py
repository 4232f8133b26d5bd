"""Where she tells a fact: the line she says of it, what it does to her mood and patience,
and what the state keeps of it (to say it again, or more of it, later). Discovery tells the
facts she is asked about; a gatekeeper tells the one her manager's availability hangs on."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.model import Fact
from scenarios.vocabulary import Event

from ..replies import line_sentences
from ..text import fold
from .reply import Priority, ReplyKind, ReplyPart

if TYPE_CHECKING:
    from .core import Customer


def reveal(c: Customer, fact: Fact, parts: list[ReplyPart], unasked: bool = False,
           priority: Priority = Priority.ANSWER, asked: bool = True,
           answers: int | None = None) -> None:
    """Tell a fact; `unasked` when no yes-or-no question asked it (an open question she
    answers with what matters most to her, or one that asks what or how); `priority` lower
    when it is a reaction rather than an answer; `asked` False when no question drew it out
    (her budget given as her reason to say no): no good question to reward; `answers` the
    student's sentence it answers."""
    state, rules = c.state, c.rules
    lines = fact.answers
    if unasked:
        # "Des pannes, oui, régulièrement" answers "vous avez des pannes ?", not "comment vous
        # utilisez vos copieurs ?" (blind plays, twice): not a line that says yes or no.
        lines = [line for line in lines if not YES_NO.search(fold(line_sentences(line)[0]))] \
            or lines
    # Not a line about herself in the third person: "Pour un contrat de ce montant, c'est M.
    # Lefèvre qui décide. C'est pour ça qu'il a voulu être là." said by M. Lefèvre (blind
    # play); her own words for it when every line names her.
    from .people import spoken_of  # (people tells facts too: imported here, not at the top)
    own = [line for line in lines if not spoken_of(line, c.speaker)]
    line = c.voice.pick(own) if own else c.bank("about_me")
    state.facts_revealed.append(fact.id)
    state.fact_lines[fact.id] = line
    state.fact_speakers[fact.id] = state.speaker
    if asked:
        c.move(rules.good_question_mood, rules.good_question_patience)
    parts.append(ReplyPart(priority, line, ReplyKind.FACT, fact.id, answers=answers))
    if "email" in fact.values:
        state.email = str(fact.values["email"])
        state.record(Event.EMAIL_OBTENU)


YES_NO = re.compile(r"\b(?:oui|non)\b")


def stated_budget_max(c: Customer) -> float | None:
    """The ceiling the customer has told the student (a revealed fact's `budget_max`)."""
    ceilings = [float(value) for fact_id in c.state.facts_revealed
                for key, value in c.facts[fact_id].values.items()
                if key.startswith("budget_max") and isinstance(value, int | float)]
    return min(ceilings) if ceilings else None


def untold_budget(c: Customer) -> Fact | None:
    """The fact that gives her budget in figures, while she has not told it."""
    return next((fact for fact in c.facts.values() if fact.id not in c.state.facts_revealed
                 and any(key.startswith("budget") and isinstance(value, int | float)
                         for key, value in fact.values.items())), None)


# Her budget asked for ("vous avez combien ?", "c'est combien que vous avez ?", "quel est votre
# budget ?"), in words no topic of the scenario may name.
_ASKS_BUDGET = re.compile(r"\b(?:vous avez combien|t'as combien|combien (?:vous (?:avez|pouvez|"
                          r"pourriez)|avez-vous|pouvez-vous|tu (?:as|peux))|combien que (?:vous|"
                          r"tu) (?:avez|as|pouvez|peux)|quel (?:est )?"
                          r"(?:votre |ton )?(?:budget|montant maximum|enveloppe)|c'est quoi "
                          r"(?:votre|ton) budget|(?:votre|ton) budget (?:max\w*|c'est combien)"
                          # "vous auriez combien à mettre ?", "y a un budget max ?" (round 43:
                          # "Vous m'écoutez ? Je vous dis que c'est hors budget.")
                          r"|combien (?:vous auriez|tu aurais|vous pourriez mettre|a mettre)"
                          # "c'est combien qu'on a, exactement ?", "combien on a de budget"
                          # (round 48: the director let it pass twice)
                          r"|combien (?:qu')?on a\b|on a combien\b"
                          r"|(?:il y a|y a|y'a|vous avez|avez-vous) (?:un|une) (?:budget|"
                          r"enveloppe|plafond)(?: max\w*)?)\b"
                          # ("vous avez combien de copieurs ?" counts machines: round 48)
                          r"(?!\s*(?:de |d'|des )(?!budget|argent|l'argent|marge|sous|euros))")


def asks_budget(folded: str) -> bool:
    """Whether a (folded) line asks how much she can spend."""
    return bool(_ASKS_BUDGET.search(folded))
