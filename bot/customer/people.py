"""Who speaks and who is there: the gatekeeper who filters before putting the call through,
the person asked for ("M. Benali est là ?" — "C'est moi."), and two people at the same
meeting (the student turns to one by name; a question goes to the one who knows)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.model import Speaker
from scenarios.vocabulary import Channel, Event, SpeakerRole

from ..conditions import any_holds
from ..replies import continued
from ..text import fold
from .facts import reveal
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

# Asking for someone by name: "je pourrais parler à M. Benali", "c'est bien M. Benali ?",
# "M. Benali est là ?". The name must follow the request (or precede "est là"): a
# reformulation that ends "c'est bien ça, madame Martin ?" asks for nobody.
_REQUEST = (r"(parler (a|avec)|(me|le|la) passer|mettre en relation avec|joindre|"
            r"s'entretenir avec|avoir|c'est bien|(suis|parle)[- ](je )?bien (a|avec)|"
            r"etes[- ](vous )?bien|je cherche)")
_TITLE = r"((m\.?|mme|monsieur|madame) )?"
_PRESENT = r"(est|serait)[- ]?(il |elle )?(la|disponible|present|presente)\b"
# How a student names the person in charge without knowing their name.
# (Not someone else's boss: "je connais le chef d'entrepôt", "le responsable du SAV".)
_BOSS = re.compile(r"\b(le|la|votre|au|a la) (gerant|gerante|patron|patronne|responsable|"
                   r"directeur|directrice|decideur|dirigeant|dirigeante|boss|chef)\b"
                   r"(?! d'| de | du | des )")
# (Not "vous devriez en parler à votre patron", which speaks of her boss to her: "Oui, c'est
# moi." to it, round 56.)
_ASKING = re.compile(r"\b(?<!en )(parler|passer|joindre|avoir|voir|s'entretenir|cherche)\b")
# The student speaking of themselves ("je suis un peu le chef ici, je fais ce que je veux"
# got "Vous l'avez, c'est moi.", blind play).
_SELF_BOSS = re.compile(r"\b(?:je suis|moi,? c'est|c'est moi) (?:un peu |en quelque sorte |"
                        r"comme )?(?:le|la) (?:gerant|gerante|patron|patronne|responsable|"
                        r"directeur|directrice|decideur|boss|chef)\b")


def names(speaker: Speaker) -> list[str]:
    """How a student may call this person: "Mme Martin", "Monsieur Lefèvre", "Claire"."""
    last = fold(speaker.last_name)
    return [last, fold(speaker.first_name)]


def named(text: str, speaker: Speaker) -> bool:
    folded = fold(text)
    return any(re.search(rf"\b{re.escape(name)}\b", folded) for name in names(speaker))


def spoken_of(text: str, speaker: Speaker) -> bool:
    """Whether a line speaks of this person with a title ("c'est M. Lefèvre qui décide"): in
    his own mouth, himself in the third person. Not his name in his e-mail address."""
    folded = fold(text)
    return bool(re.search(rf"\b(?:m\.?|mme|monsieur|madame) {re.escape(fold(speaker.last_name))}\b",
                          folded))


def spoken_to(text: str, speaker: Speaker) -> bool:
    """Whether the student calls this person by name, to them: "Monsieur Lefèvre, qu'en
    pensez-vous ?", "…c'est bien ça, Claire ?". A name in the middle of a clause speaks of them
    ("les 280 € que Madame Martin a évoqués" was answered by her, in a blind play, though it
    asked him)."""
    folded = fold(text)
    return any(re.search(rf"(?:^|[.!?]\s+){_TITLE}{re.escape(name)}\b", folded)  # opening
               or re.search(rf"(?:[,;:]\s*|\b(?:merci|bonjour|pardon|alors|et|oui|non|bien)\s+)"
                            rf"{_TITLE}{re.escape(name)}\s*(?:[,.!?;:]|$)", folded)
               for name in names(speaker))


def present(c: Customer) -> list[Speaker]:
    """The people the student is talking to now (two at a meeting the decider joined)."""
    return [c.scenario.speaker(speaker_id) for speaker_id in c.state.present]


def choose_speaker(c: Customer, u: Understanding) -> None:
    """Who answers this turn, among the people in the room: the one the student names
    ("Monsieur Lefèvre, qu'en pensez-vous ?"), else the one who knows the fact asked, else
    whoever spoke last."""
    people = present(c)
    if len(people) < 2:
        return
    addressed = [p for p in people if spoken_to(u.text, p)]
    if len(addressed) == 1:
        c.state.speaker = addressed[0].id
        # "M. Lefèvre, c'est vous qui tranchez ?": the answer the scenario gives names him
        # ("la décision revient à M. Lefèvre"), so she gives it (a blind play heard him speak
        # of himself in the third person).
        # (Not when a choice is put to him: "Monsieur Lefèvre, c'est vous qui décidez : 48 mois
        # ou 60 mois ?" is his to answer; Mme Martin chose in his place, blind play.)
        others = [p for p in people if p is not addressed[0]]
        if others and not any(u.options) and any(
                _only_about(c, hit.id, addressed[0]) for sentence in u.sentences
                          if sentence.discovers for hit in sentence.topics):
            c.state.speaker = others[0].id
        return
    if _RECALLS.search(u.folded):
        # What the one speaking said, put back to them ("vous m'aviez dit que vous pouviez
        # signer vite, non ?" to M. Lefèvre got Mme Martin quoting his words as hers, round
        # 43): they answer.
        return
    for sentence in u.sentences:
        if not sentence.discovers:
            continue
        for hit in sentence.topics:
            said_by = c.state.fact_speakers.get(hit.id)
            if said_by and said_by in c.state.present:  # asked again: who said it says it
                c.state.speaker = said_by
                return
            fact = c.facts.get(hit.id)
            if fact and fact.known_by and fact.known_by != c.state.speaker \
                    and fact.known_by in c.state.present:
                c.state.speaker = fact.known_by
                return
            if _only_about(c, hit.id, c.speaker):
                # Every answer to it names the one speaking ("la décision revient à M.
                # Lefèvre"): the other person in the room gives it (a blind play heard M.
                # Lefèvre say it of himself).
                c.state.speaker = next(p.id for p in people if p.id != c.state.speaker)
                return


# The student recalling what was said to them ("vous m'aviez dit", "comme vous disiez").
_RECALLS = re.compile(r"\bvous (?:m'|nous )?(?:aviez|avez) (?:dit|explique|parle)\b"
                      r"|\bvous (?:me |nous )?disiez\b|\bcomme vous l'avez (?:dit|souligne)\b")


def _only_about(c: Customer, fact_id: str, speaker: Speaker) -> bool:
    """Whether every line of an untold fact speaks of `speaker` by name."""
    fact = c.facts.get(fact_id)
    return fact is not None and fact_id not in c.state.facts_revealed and \
        bool(fact.answers) and all(named(line, speaker) for line in fact.answers)


def asks_for(text: str, speaker: Speaker) -> bool:
    """Whether the student asks to speak to this person, by name."""
    folded = fold(text)
    return any(re.search(rf"\b{_REQUEST} {_TITLE}({re.escape(name)} )?{re.escape(last)}\b"
                         rf"|\b{re.escape(last)},? {_PRESENT}", folded)
               for last in [fold(speaker.last_name)] for name in [fold(speaker.first_name)])


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """The person asked for answers that it is them; a gatekeeper asks who calls and why
    before putting anyone through."""
    speaker = c.speaker
    if speaker.role == SpeakerRole.BARRAGE:
        _filter(c, u, speaker, parts)
    elif asks_for(u.text, speaker) or (  # "je voudrais parler à M. Benali" asks, with no "?"
            speaker.role == SpeakerRole.DECIDEUR and _BOSS.search(u.folded)
            and _ASKING.search(u.folded) and not _names_another(c, u)
            and not _SELF_BOSS.search(u.folded)):
        parts.append(ReplyPart(Priority.ANSWER, c.bank("its_me"), ReplyKind.ITS_ME))
    if c.scenario.channel == Channel.FACE_A_FACE:
        _not_here_yet(c, u, parts)


def _not_here_yet(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """Someone greeted or spoken to who has not joined the meeting yet ("Bonjour Madame
    Martin, bonjour Monsieur Lefèvre !" before he came in got "D'accord, allez-y", round
    36): she says he is not there yet."""
    for speaker in c.scenario.speakers:
        if speaker.id in c.state.present or speaker.role == SpeakerRole.BARRAGE:
            continue
        pronoun = "elle" if speaker.title == "Mme" else "il"
        if any(line.format(name=speaker.short_name, pronoun=pronoun) in c.voice.used
               for line in c.stock("not_here_yet")):
            return
        if spoken_to(u.text, speaker) or re.search(
                rf"\bbonjour,? {_TITLE}{re.escape(fold(speaker.last_name))}\b", u.folded):
            # (After what the turn asks, said once.)
            parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank(
                "not_here_yet", name=speaker.short_name, pronoun=pronoun), ReplyKind.NOT_HERE))
            return


def _names_another(c: Customer, u: Understanding) -> bool:
    """Whether the turn names, by title, someone other than this speaker ("C'est qui M.
    Lefèvre, c'est votre patron ?" asked Mme Martin about him: "Oui, c'est moi" from her,
    blind play); he need not be one of the scenario's speakers."""
    own = fold(c.speaker.last_name)
    return any(name != own for name in _TITLED.findall(u.folded))


_TITLED = re.compile(r"\b(?:m|mr|mme|monsieur|madame)\.? ([a-z][\w-]+)")


# Something offered to the gatekeeper herself ("je vous fais offrir une carte cadeau de 50
# euros, à vous perso"): a blind play heard "Bon, c'est à peu près ce que j'avais prévu".
_BRIBE = re.compile(r"\b(carte cadeau|cadeau|bon d'achat|\d+ ?(?:euros|€)|petit quelque chose)\b"
                    r"[^.?!]{0,40}\b(pour vous|a vous|vous perso|rien que pour vous)\b|"
                    r"\b(pour vous|a vous perso)\b[^.?!]{0,30}\b(cadeau|carte cadeau)\b")


def _filter(c: Customer, u: Understanding, gatekeeper: Speaker,
            parts: list[ReplyPart]) -> None:
    state = c.state
    if _BRIBE.search(u.folded):
        c.move(mood=c.rules.rude_mood)
        parts.append(ReplyPart(Priority.ALARM, c.bank("gatekeeper_bribe"), ReplyKind.GATEKEEPER,
                               stance=Stance.NEGATIVE))
        return
    target = c.scenario.speaker(gatekeeper.hands_over_to) if gatekeeper.hands_over_to \
        else None
    asked = bool(_BOSS.search(u.folded)) or (target is not None and named(u.text, target))
    introduced = state.happened(Event.PRESENTATION_FAITE)
    purpose = state.happened(Event.OBJET_ANNONCE)
    if not introduced and (asked or state.turn >= 2):
        # A gatekeeper's first filter: who is calling ("C'est de la part de qui ?").
        parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("gatekeeper_who"),
                               ReplyKind.GATEKEEPER))
    elif introduced and not purpose and (asked or state.turn >= 2):
        parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("gatekeeper_what"),
                               ReplyKind.GATEKEEPER))
    elif (asked or _she_asked_why(c)) and target is not None and \
            not any_holds(gatekeeper.hands_over_if, state, u) \
            and state.mood < _lowest_mood(gatekeeper):
        # Introduced and the purpose said, but she does not like the call: she refuses
        # (also when the caller answers her "c'est de la part de qui ?" after being rude to
        # her: "Très bien. Expliquez-moi." invited the pitch, blind play).
        parts.append(ReplyPart(Priority.FOLLOW_UP,
                               c.lines_or_bank(gatekeeper.lines.refusal, "gatekeeper_refusal"),
                               ReplyKind.GATEKEEPER))
    elif introduced and purpose and target is not None and \
            state.mood >= _lowest_mood(gatekeeper) and (asked or _she_asked_why(c)):
        # Asked for her manager and told who calls and why, she says where he is (what she
        # must have said before she puts the call through), rather than "D'accord.
        # Dites-moi." as if the pitch were for her (blind plays).
        told = set(state.facts_revealed)
        needed = [fact_id for cond in gatekeeper.hands_over_if
                  for fact_id in cond.facts_revealed or []
                  if fact_id not in told and fact_id in c.facts
                  and c.facts[fact_id].known_by in (None, gatekeeper.id)]
        if needed:
            reveal(c, c.facts[needed[0]], parts)


# Asking for him by pronoun ("vous pouvez me le passer finalement ?").
_PUT_THROUGH = re.compile(r"\b(?:me le passer|passez-le-moi|allez le chercher|le chercher)\b")


def asks_to_be_put_through(u: Understanding, target: Speaker) -> bool:
    """Whether the caller asks the gatekeeper for the person she guards, by name, by title
    ("le patron") or by pronoun."""
    return asks_for(u.text, target) or bool(_PUT_THROUGH.search(u.folded)) or bool(
        _BOSS.search(u.folded) and _ASKING.search(u.folded)) or named(u.text, target)


def _she_asked_why(c: Customer) -> bool:
    """Whether her last words asked who calls or why ("Je lui dis que c'est à quel
    propos ?"): she asked because the caller wants her manager."""
    asked = [*c.stock("gatekeeper_who"), *c.stock("gatekeeper_what")]
    return any(line in c.last_reply for line in asked)


def defer(c: Customer, parts: list[ReplyPart]) -> None:
    """A gatekeeper asked to book or to commit for her manager says she cannot, once per
    reply (a meeting proposal and a request to commit both asked it, and she said it twice);
    when she has said every way of putting it, she says she already has."""
    lines = c.stock("gatekeeper_defer")
    if any(p.kind == ReplyKind.CALLBACK for p in parts):
        return  # the callback she agreed is no meeting she would fix ("…je ne peux rien fixer")
    if any(p.kind == ReplyKind.GATEKEEPER and p.text.endswith(line[1:])
           for p in parts for line in lines):
        return
    repeated = all(line in c.voice.used for line in lines)
    line = c.bank("gatekeeper_defer")
    if repeated:
        line = continued(c.bank("repeat_prefix"), line, c.names)
    parts.append(ReplyPart(Priority.ANSWER, line, ReplyKind.GATEKEEPER))


def _lowest_mood(speaker: Speaker) -> int:
    """The mood a gatekeeper needs to put the call through (the lowest of her conditions)."""
    moods = [cond.mood_min for cond in speaker.hands_over_if if cond.mood_min is not None]
    return min(moods) if moods else 0


def join(c: Customer, target: Speaker) -> None:
    """The person handed over to takes the floor: on the phone the gatekeeper is gone, at a
    meeting the one who decides joins the people already in the room."""
    state = c.state
    if c.scenario.channel == Channel.FACE_A_FACE:
        if target.id not in state.present:
            state.present.append(target.id)
    else:
        state.present = [target.id]
    state.speaker = target.id
