"""How the customer takes the student's manners: the introduction, rudeness, monologues,
off-topic lines, thanks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.vocabulary import Act, CallDirection, Channel, Event, Kind, SpeakerRole

from ..conduct import Level as RudeLevel
from ..introduction import company_pattern, gives_own_name
from ..text import fold
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer


# Words that present what one sells.
_PITCH = re.compile(r"\b(on a (une|un|des)|nous avons (une|un|des)|on (vous )?propose|nous "
                    r"(vous )?proposons|je (vous )?propose|on fait (une|un|des|les)|on developpe|"
                    r"on vend|une solution (pour|de|qui)|"
                    # "Fidelix aide les boulangeries à fidéliser leurs clients" (beside the
                    # firm's name, blind play: hung up on "pourquoi vous m'appelez ?")
                    r"aid(e|ons) (les|des|vos)|accompagn(e|ons) (les|des|vos)|"
                    r"equip(e|ons) (les|des|vos)|"
                    # "avec notre appli vos clients ils commandent avant" (round 45)
                    r"(avec )?notre (appli|application|logiciel|solution|outil|service|offre))\b")


_IS_THE_PRODUCT = re.compile(r",? c'est (?:l'|la |le |une |un )(?:appli|application|solution|"
                             r"outil|logiciel|carte)")


def _firm_is_the_product(firm: str, folded: str) -> bool:
    """Whether the turn says the student's firm is what it sells: "Fidelix c'est l'appli qu'il
    vous faut, carte de fidélité sur téléphone" (aveugle-29: "Vous ne me dites toujours pas ce
    que vous voulez ?"); not a rival's ("FidCarte c'est une appli de grand-père")."""
    return any(_IS_THE_PRODUCT.match(folded, named.end())
               for named in company_pattern(firm).finditer(folded))


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    state, rules, acts = c.state, c.rules, u.acts
    # Only the first introduction and the first statement of purpose are acknowledged: later
    # on, "Je vous écoute" would answer a price or an argument.
    names_self = gives_own_name(u.text, c.scenario.brief.company.name)
    new_introduction = (Act.PRESENTATION in acts or names_self) and \
        state.record(Event.PRESENTATION_FAITE)
    # Saying what one sells in the opening ("on a un truc de carte de fidélité pour les
    # boulangeries") says why one calls, whatever the act read: a blind play heard "Je ne sais
    # toujours pas pourquoi vous m'appelez" right after it.
    # An argument read surely says it too, whatever the act ("on fait une solution de
    # fidélité avec du click and collect pour les boulangeries", read as a concession after
    # "je fais vite, promis": he hung up with "vous voulez quoi, au juste ?", blind play).
    # So does an offer named as one ("on a une solution pour les boulangeries, une carte de
    # fidélité sur le téléphone", said before a question: hung up on in a blind play).
    firm = fold(c.scenario.brief.company.name)
    pitching = bool(_PITCH.search(u.folded)) or _firm_is_the_product(firm, u.folded)
    # (Past the opening too while no purpose was said: a gatekeeper asked "C'est à quel
    # sujet ?" again right after "je suis de chez Fidelix, on fait une appli de fidélité…",
    # said at the fourth turn of a blind play.)
    # (Or what one sells said beside one's firm: "Ici Kevin de Fidelix, on fait les cartes de
    # fidélité sur téléphone" named no argument, and he hung up on "Je ne sais toujours pas
    # pourquoi vous m'appelez", round 42.)
    says_offer = (state.turn <= rules.opening_turns
                  or not state.happened(Event.OBJET_ANNONCE)) and (any(
        t in c.arguments and (score >= rules.argument_quoted_score or pitching or acts & {
            Act.ARGUMENT, Act.PROPOSITION_SOLUTION, Act.PROPOSITION_RDV})
        for t, score in u.topics.items()) or (pitching and bool(firm) and (
            # (Or once the firm was named when introducing oneself: "je suis Enzo de Fidelix"
            # then "avec notre appli vos clients commandent avant", round 45.)
            firm in u.folded or state.happened(Event.PRESENTATION_FAITE))))
    new_purpose = (Act.ANNONCE_OBJET in acts or says_offer) and \
        state.record(Event.OBJET_ANNONCE)
    introduced = state.happened(Event.PRESENTATION_FAITE)
    purpose = state.happened(Event.OBJET_ANNONCE)
    if state.turn == 1 and Act.SALUTATION in acts and not (introduced or purpose):
        parts.append(ReplyPart(Priority.COURTESY, c.bank("greet_back"), ReplyKind.GREETING_BACK))
    elif (new_introduction or new_purpose) and state.turn <= rules.opening_turns:
        # In the opening only: "D'accord, allez-y" in the middle of the meeting would answer
        # whatever else the student just said.
        # Face to face, she granted the meeting: she knows why the student came ("c'est à
        # quel sujet ?" to them rang false in blind plays).
        known = purpose or c.scenario.channel == Channel.FACE_A_FACE
        key = "purpose_ack" if known else "introduction_ack"
        parts.append(ReplyPart(Priority.COURTESY, c.bank(key), ReplyKind.INTRODUCTION))
    internal = c.scenario.kind == Kind.NEGOCIATION_INTERNE  # one's own manager
    inbound = c.scenario.call is not None and \
        c.scenario.call.direction == CallDirection.ENTRANT
    # Face to face, she granted the meeting and knows why the student came: a name is enough
    # (a student who said "Thomas Leroy, Bureau Plus, merci de me recevoir" then asked his
    # first question was taken for one who never introduced himself, in 54 of 198 blind
    # copier meetings, most of them introduced).
    face_to_face = c.scenario.channel == Channel.FACE_A_FACE
    done = introduced if inbound or face_to_face else introduced and purpose
    # A gatekeeper does not hang up on a caller who has not said who they are: she asks
    # (bot/customer/people.py).
    gatekeeper = c.speaker.role == SpeakerRole.BARRAGE
    if state.turn >= 2 and not internal and not done and not gatekeeper and \
            state.record(Event.PRESENTATION_MANQUANTE):
        c.move(mood=rules.missing_introduction_mood)
        if c.scenario.call is not None and not inbound:
            # Called by a stranger who has not said who or why, he asks, once; he hangs up
            # only if the next turn still does not say it (the scenario's outcomes).
            key = "purpose_asked" if introduced else "caller_asked"
            parts.append(ReplyPart(Priority.ANSWER, c.bank(key), ReplyKind.INTRODUCTION,
                                   stance=Stance.NEGATIVE))
    if Act.IMPOLITESSE in acts:
        state.record(Event.IMPOLITESSE)
        reaction = _rude_reaction(u, c.scenario.kind == Kind.RECLAMATION or gatekeeper,
                                  c.scenario.kind == Kind.RECLAMATION)
        if reaction in _LIGHT and Act.DEMANDE_ENGAGEMENT not in acts:
            # Running down her supplier or her machines is a fault, not an insult to her:
            # she says so and goes on (blind plays ended the meeting on the first line); so
            # is a joke taken back ("non je rigole" ended three meetings at once).
            # Asking her to sign in the same breath is pressure (below).
            c.move(rules.denigration_mood)
        else:
            # (A rude question is no pressure: "Ça doit être hyper chiant les impôts toute
            # la journée non ?" ended on "Je n'aime pas qu'on me force la main", blind play.)
            if Act.DEMANDE_ENGAGEMENT in acts or "pression" in u.rudeness.markers:
                state.record(Event.PRESSION)
            c.move(rules.rude_mood, rules.rude_patience)
        line = c.bank(reaction)
        if reaction == "denigration_reaction":
            line = _fair_to_what_was_proposed(c, u, line)
        parts.append(ReplyPart(Priority.ALARM, line, ReplyKind.RUDENESS,
                               stance=Stance.NEGATIVE))
    elif u.rudeness.level == RudeLevel.DOUBT:
        # A line that may be rude cools the customer a little, never more: a doubtful
        # reading must not end a conversation (bot/conduct.py).
        c.move(rules.doubtful_rude_mood)
    if u.word_count >= rules.monologue_words and not u.is_question \
            and state.questions_asked == 0:
        state.record(Event.MONOLOGUE)
        c.move(patience=rules.monologue_patience)
        lines, bank = c.speaker.lines.get_to_the_point, "get_to_the_point"
        if u.frame.offer is not None:
            # What it comes to was said: "…Le budget total c'est 4 500 euros." is not asked
            # "Concrètement, vous me demandez quoi ?" (round 53).
            lines = [line for line in lines if not _ASKS_WHAT_FOR.search(fold(line))]
            bank = "get_to_the_point_priced"
        parts.append(ReplyPart(Priority.INTERRUPTION, c.lines_or_bank(lines, bank),
                               ReplyKind.MONOLOGUE, stance=Stance.NEGATIVE))
    elif u.word_count > rules.too_long_words:
        c.move(patience=rules.too_long_patience)
        parts.append(ReplyPart(Priority.INTERRUPTION, c.bank("too_long"), ReplyKind.TOO_LONG,
                               stance=Stance.NEGATIVE))
    if acts == {Act.HORS_SUJET}:
        c.move(patience=rules.off_topic_patience)
        parts.append(ReplyPart(Priority.REACTION, c.bank("off_topic"), ReplyKind.OFF_TOPIC,
                               stance=Stance.NEGATIVE))
    if u.is_question:
        state.questions_asked += 1
    # Thanks are answered when they end the turn ("Parfait, merci !"); a "merci" that opens
    # a question ("Merci. Et combien imprimez-vous ?") only leads into it.
    if Act.REMERCIEMENT in acts and Act.PRISE_DE_CONGE not in acts and u.sentences and \
            Act.REMERCIEMENT in u.sentences[-1].act_ids:
        parts.append(ReplyPart(Priority.AFTERTHOUGHT, c.bank("thanks_back"), ReplyKind.THANKS))


# The reaction to a kind of rudeness that has words of its own: "Je ne vais pas me laisser
# bousculer" answered a calm reformulation, and "Je ne vous permets pas de me parler sur ce
# ton" a student who ran down her current supplier (blind reviewers marked both).
# A joke at her expense is met as one ("Pardon ? Je ne vous permets pas…" to "non je
# rigole" overstated it).
_REACTION_BY_MARKER = {"dénigrement": "denigration_reaction", "pression": "pressure_reaction",
                       "plaisanterie": "mockery_reaction", "familiarité": "familiarity_reaction"}
# Her question of what the student wants, or what it all comes to.
_ASKS_WHAT_FOR = re.compile(r"\b(?:demandez|proposez|voulez en venir|ca donne|combien)\b")


# Faults she says and goes on from: her supplier run down, a joke taken back, a "t'inquiète".
_LIGHT = {"denigration_reaction", "mockery_reaction", "familiarity_reaction"}


def light_first_fault(c: Customer, u: Understanding) -> bool:
    """Whether the turn's rudeness is a light fault (her supplier run down, a joke, a
    "t'inquiète") and the first rude turn of the conversation: she says so and goes on,
    whatever her mood ("Copitec c'est nul" ended a first meeting, round 45: too harsh)."""
    reaction = _rude_reaction(u, False)
    earlier = sum(Act.IMPOLITESSE in heard.acts for heard in c.state.heard[:-1])
    # (Nor a joke taken back at once, whatever came before: "…ma déclaration d'impôts, entre
    # nous ? Je rigole. Bon, le prix : 289 €…" ended the meeting after a rumour on her
    # supplier, round 56: "far too harsh".)
    withdrawn = reaction == "mockery_reaction" and _JOKE_TAKEN_BACK.search(u.folded) is not None
    return reaction in _LIGHT and Act.DEMANDE_ENGAGEMENT not in u.acts and (
        earlier == 0 or withdrawn)


_JOKE_TAKEN_BACK = re.compile(r"\b(?:je rigole|je plaisante|je blague|c'est pour rire|"
                              r"c'etait pour rire|je deconne)\b")


def _fair_to_what_was_proposed(c: Customer, u: Understanding, line: str) -> str:
    """Her reply to a jibe, true to whether anything was proposed: not "dites-moi plutôt ce
    que vous proposez" to a costed plan, nor "restons sur votre proposition" before any
    (round 43, both)."""
    proposed = bool(u.acts & _PROPOSING) or c.state.price_offered is not None or \
        bool(c.state.solutions_proposed)
    # (Nor "ce genre de jugement sur les gens" to "c'était de la daube", said of things,
    # round 49.)
    people = _PEOPLE_RUN_DOWN.search(u.folded) is not None
    fitting = [candidate for candidate in c.stock("denigration_reaction")
               if not (_ASKS_PROPOSAL if proposed else _KEEPS_TO_PROPOSAL).search(
                   fold(candidate)) and (people or not _ON_PEOPLE.search(fold(candidate)))]
    if line in fitting and line not in c.voice.used:
        return line
    # (Not one she said already: with the lines about people left out, "Épargnez-moi ce genre
    # de commentaire" came twice in a blind play, round 48.)
    # (Then one about people rather than one that takes back the proposal: "Dites-moi plutôt
    # ce que vous proposez" right after 265 € on 60 months, round 56.)
    unused = [candidate for candidate in c.stock("denigration_reaction")
              if candidate not in c.voice.used]
    fresh = [candidate for candidate in fitting if candidate not in c.voice.used] or \
        [candidate for candidate in unused if not (
            _ASKS_PROPOSAL if proposed else _KEEPS_TO_PROPOSAL).search(fold(candidate))] or unused
    return c.voice.pick(fresh) if fresh else line


_PROPOSING = {Act.PROPOSITION_SOLUTION, Act.ANNONCE_PRIX, Act.CONCESSION}
_ASKS_PROPOSAL = re.compile(r"\bce que (?:vous|toi),? (?:vous|tu) propos")
_KEEPS_TO_PROPOSAL = re.compile(r"\brestons sur (?:votre|ta) proposition")
_ON_PEOPLE = re.compile(r"\bles gens\b")
_PEOPLE_RUN_DOWN = re.compile(r"\b(?:nuls?|nulles?|incapables|amateurs|guignols|branques|charlots|"
                              r"clowns|rigolos|zigotos|escrocs|arnaqueurs|voleurs|bras casses)\b")


def _rude_reaction(u: Understanding, signs_nothing: bool, complaint: bool = False) -> str:
    """The bank of her reaction: the words of the one kind of rudeness found, when it has
    some, else the general one."""
    if complaint and set(u.rudeness.markers) == {"rejet"}:
        return "rejection_reaction"  # sent elsewhere: she says whose business it is
    kinds = {_REACTION_BY_MARKER.get(marker) for marker in u.rudeness.markers}
    kind = kinds.pop() if len(kinds) == 1 else None
    if kind == "pressure_reaction" and signs_nothing:
        # A customer calling about a complaint signs nothing, nor does an assistant: "Je ne
        # signe pas sous la pression" rang false to blind reviewers.
        return "pressure_reaction_complaint"
    return kind or "rude_reaction"
