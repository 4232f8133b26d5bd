"""Where the customer chooses between two options the student offers ("en boutique ou en
visio ?", "un bon d'achat ou une année de garantie ?"): she names one, the one her own words
lean to, and keeps to it if asked again. A choice of day or hour is an appointment, a fact
asked as a choice is a fact: those are answered where they belong."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..questions import choice_options
from ..text import fold
from ..topics import content_words
from .appointments import FORMS
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

# Parts that already answer the choice, or say no to what it is about.
_ANSWERED = {ReplyKind.FACT, ReplyKind.APPOINTMENT, ReplyKind.COUNTERPART, ReplyKind.CALLBACK}
# An option the customer cannot repeat as her own words ("qu'on vous rembourse"): she names it
# by its rank instead.
_SPEAKER_WORDS = {"je", "j", "vous", "on", "nous", "que", "qu", "me", "m", "te", "tu", "votre",
                  "vos", "ton", "ta", "tes", "mon", "ma", "mes", "notre", "nos"}


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    if any(p.kind in _ANSWERED or (p.stance == Stance.NEGATIVE and p.priority <= Priority.ANSWER)
           for p in parts):
        return
    for sentence in u.sentences:
        options = choice_options(sentence.text)
        if options is None or any(e.type == "date" for e in sentence.entities):
            continue
        taken = _choose(c, options)
        if c.state.appointment is not None:
            form = next((name for name, pattern in FORMS.items()
                         if pattern.search(fold(options[taken]))), None)
            if form:
                c.state.appointment["forme"] = form
        # Taking an option is wanting it: no "ça ne m'apporte rien" after it.
        parts.append(ReplyPart(Priority.ANSWER, _say(c, options, taken), ReplyKind.CHOICE,
                               stance=Stance.POSITIVE))
        return


def _choose(c: Customer, options: tuple[str, str]) -> int:
    """The option her own earlier words lean to ("je suis à Fives le vendredi" takes "à la
    boutique de Fives"), else one drawn once; the same one if she is asked again."""
    folded = [fold(option) for option in options]
    key = " | ".join(sorted(folded))
    if key in c.state.choices:  # what she chose is one of the very options of the key
        return folded.index(c.state.choices[key])
    said = set(content_words(" ".join([*c.state.fact_lines.values(), *c.state.last_lines])))
    leaning = [len(set(content_words(option)) & said) for option in options]
    taken = leaning.index(max(leaning)) if leaning[0] != leaning[1] else \
        c.voice.rng.randrange(2)
    c.state.choices[key] = folded[taken]
    return taken


def _say(c: Customer, options: tuple[str, str], taken: int) -> str:
    option = options[taken]
    if set(fold(option).replace("'", " ").split()) & _SPEAKER_WORDS:
        return c.bank("choice_first" if taken == 0 else "choice_second")
    option = option[0].lower() + option[1:] if option[1:2].islower() else option
    return c.bank("choice", option=option, Option=option[0].upper() + option[1:])
