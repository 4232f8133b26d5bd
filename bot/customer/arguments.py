"""How the customer takes arguments and proofs: an argument lands when it answers a need
the customer has expressed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.model import Argument
from scenarios.vocabulary import Act, OutcomeType

from ..entities import normalise_numbers
from ..text import fold
from .listening import asks_opinion
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer


_SUMMING_UP = {Act.RECAPITULATIF, Act.DEMANDE_ENGAGEMENT, Act.CONCESSION, Act.ANNONCE_PRIX}


_PITCHING = {Act.ARGUMENT, Act.PREUVE, Act.TRAITEMENT_OBJECTION}
_NOT_ARGUING = {Act.EXCUSE, Act.REMERCIEMENT, Act.SALUTATION, Act.PRISE_DE_CONGE}


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    state, rules = c.state, c.rules
    # Of several arguments in one turn, she takes up the one that answers what she said
    # (a blind play heard "ce critère n'entre pas dans mon analyse" about the speed, beside
    # the 4-hour repairs she had been asking for).
    # A question she has just answered with a fact asked; it argued nothing ("la foire avait
    # donné quels résultats ?" got "Ça, c'est parler ma langue" after the figures, blind play).
    # Nor does an excuse or a thank-you ("je n'étais pas encore là et je n'ai pas trouvé le
    # bilan" is no argument about results indicators).
    told = {p.subject for p in parts if p.kind == ReplyKind.FACT}
    said = {hit.id for s in u.sentences
            if not told & {h.id for h in s.topics}
            and not (s.acts and s.acts[0].act in _NOT_ARGUING)
            for hit in s.topics}
    # (Of several tied ones, the one not taken up yet, then the one read most surely: the
    # 4-hour repairs, 0.82, rather than "de la marge sur le volume", 0.75, after her
    # breakdowns, round 45; "un vendeur alterne avec l'horticulteur sur les ateliers" is the
    # staff plan, 0.78, not the workshops, 0.61.)
    argued = sorted((c.arguments[t] for t in u.topics if t in c.arguments and t in said),
                    key=lambda argument: (not tied(c, argument),
                                          argument.id in state.arguments_heard,
                                          -u.topics[argument.id]))
    clear = {t for t, score in u.topics.items() if score >= rules.argument_quoted_score}
    # A summary of her needs put to her for checking ("Si je résume : … C'est bien cela ?")
    # asks for her yes, it pitches nothing (a blind play heard "Ce point-là est pertinent").
    # (Not a pitch of selling points she has not heard, opened by an exclamation read as a
    # restatement: "Alors ça, ça tombe bien ! Du coup la MX-5000 … scanne direct dans Cegid…
    # Ça vous parle ?" got "Oui, votre synthèse est juste", round 52.)
    pitches_new = any(s.acts and s.acts[0].act == Act.ARGUMENT and any(
        hit.id in c.arguments and hit.id not in state.arguments_heard for hit in s.topics)
        for s in u.sentences)
    checking = {Act.REFORMULATION, Act.QUESTION_CONTROLE} <= u.acts and \
        Act.PROPOSITION_SOLUTION not in u.acts and not pitches_new
    # A selling point first said in a comparison read as a recap ("À 289 euros, la couleur
    # est incluse, l'intervention est sous 4 heures…") is pitched all the same (round 45
    # replay: the 4 hours went unheard and the deal with them).
    first_in_recap = {Act.RECAPITULATIF, Act.ANNONCE_PRIX} <= u.acts and any(
        t in c.arguments and t not in state.arguments_heard and u.topics[t] >= _RECAP_ARGUMENT
        for t in said)
    pitching = (u.acts & _PITCHING or first_in_recap) and not checking
    for argument in argued[:1] if pitching else []:
        first_time = argument.id not in state.arguments_heard
        if first_time:
            state.arguments_heard.append(argument.id)
        else:
            # Heard before: her reaction to it was said ("Sans engagement, d'accord" again
            # would answer an earlier turn); she only notes it is not new. In a recap or an
            # offer it is part of the terms, not said again to her ("Oui, ce point-là, je l'ai
            # noté" to a recap and goodbye rang vague to blind reviewers).
            # Never answered (a loose mention, "en location avec la maintenance", drew her
            # breakdowns), it is not one she can say she was told: "Oui, vous me l'avez dit"
            # to the 4-hour repairs first said plainly rang false (round 51).
            if not u.acts & _SUMMING_UP and argument.id in state.arguments_answered:
                parts.append(ReplyPart(Priority.ECHO, c.bank("argument_again"),
                                       ReplyKind.ARGUMENT, argument.id))
            continue
        if tied(c, argument):
            if first_time:
                c.move(mood=rules.argument_tied_mood)
            # The scenario's reactions quote the argument: only for a clear match.
            lines = [line for line in argument.reactions if _quotes_only(line, u.text)] \
                if argument.id in clear else []
            parts.append(ReplyPart(Priority.REACTION, c.lines_or_bank(lines, "argument_ok"),
                                   ReplyKind.ARGUMENT, argument.id, stance=Stance.POSITIVE))
        else:
            c.move(mood=rules.argument_loose_mood)
            if state.outcome_type == OutcomeType.SUCCES:
                continue  # signed: "Ça ne m'intéresse pas." to a last selling point took it back
            parts.append(ReplyPart(Priority.ECHO, c.bank("argument_weak"), ReplyKind.ARGUMENT,
                                   argument.id, stance=Stance.NEGATIVE))
    if asks_opinion(u.folded) and any(p.kind == ReplyKind.ARGUMENT
                                      and p.priority == Priority.REACTION for p in parts):
        # "…Qu'en pensez-vous ?" after a selling point: her reaction to it is her opinion (a
        # stock "C'est intéressant. Ça répond à ce que je cherche." took its place).
        parts[:] = [p for p in parts if p.kind != ReplyKind.CONTROL]
    if Act.PREUVE in u.acts and (state.arguments_heard or state.objections_raised) and (
            _CITES_OTHERS.search(u.folded) or _EVIDENCE.search(u.folded)):
        # (Only what the turn shows: a feature explained, read as a proof, got "Ce témoignage
        # est précis, ça me rassure" with no testimony in it, round 55.)
        c.move(mood=rules.proof_mood)
        lines = c.stock("proof_ok")
        if not _CITES_OTHERS.search(u.folded):
            lines = [line for line in lines if not _OTHERS_LINE.search(fold(line))]
        parts.append(ReplyPart(Priority.ECHO, c.voice.pick(lines) if lines else
                               c.bank("proof_ok"), ReplyKind.PROOF, stance=Stance.POSITIVE))


def _quotes_only(line: str, said: str) -> bool:
    """Whether every figure of a reaction is one the student said: "Douze boulangeries sur
    Lille ? Lesquelles ?" answered a turn that named none (blind plays, twice)."""
    figures = set(re.findall(r"\d+", normalise_numbers(line)))
    return figures <= set(re.findall(r"\d+", normalise_numbers(said)))


# How surely a selling point must be read in a recap to count as pitched: a recap names many
# things, so only a clear mention (0.78 for "l'intervention est sous 4 heures" among ten).
_RECAP_ARGUMENT = 0.75


def tied(c: Customer, argument: Argument) -> bool:
    """An argument lands when it answers a need the customer has expressed, if only in part:
    "4 heures d'intervention" right after "les pannes, c'est notre gros souci" got "Ce n'est
    pas un critère que je retiens" while the 48 hours of today were still untold."""
    if not argument.needs:
        return bool(c.state.facts_revealed)
    state = c.state
    needs = {need.id: need for need in c.scenario.needs}
    return any(need in state.needs_understood or any(
        fact in state.facts_revealed for fact in needs[need].facts) for need in argument.needs
        if need in needs)


# What makes a turn a proof: others who bought it, or something checkable (a figure, a study,
# the contract, a trial), on folded text.
_CITES_OTHERS = re.compile(
    r"\b(?:nos clients|un (?:de nos )?clients?|une cliente|d'autres (?:clients|cabinets|"
    r"boulangeries|magasins|commerces|jardineries)|(?:des|plusieurs|\d+) (?:cabinets|"
    r"boulangeries|magasins|commerces|jardineries) (?:qui|comme|ont|l'ont)|confreres|"
    r"\d+ (?:cabinets|boulangeries|magasins|commerces|jardineries|clients)|"
    r"references?|temoign\w*|ailleurs|recommand\w*|avis clients?)\b")
_EVIDENCE = re.compile(r"\d|\b(?:etude|contrat|ecrit|garanti\w*|demonstration|demo|essai|"
                       r"tests?|certifi\w*|mesure\w*|chiffres?|preuve|resultats?)\b")
# Her words for the experience of others, said only when the turn cites some.
_OTHERS_LINE = re.compile(r"\b(?:temoignage|reference|ailleurs|d'autres|histoires|retours?|"
                          r"plu a|fait ses preuves)\b")
