"""Objections: when the customer raises one, when an answer lifts it, and what happens when
the student ignores it. While one is pending the customer does not conclude."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from scenarios.model import Objection
from scenarios.vocabulary import Act, Event, ObjectionCategory, OutcomeType, Phase

from ..conditions import any_holds, holds
from ..entities import WEEKDAYS, extract, normalise_numbers
from ..frame import Role
from ..questions import is_question
from ..replies import continued, line_sentences
from ..state import HeardTurn
from ..text import euros, fold
from ..topics import content_words
from . import progress
from .facts import asks_budget, stated_budget_max
from .people import named
from .reply import FREE_TIMES, OPEN_DOUBT, PROTEST, Priority, ReplyKind, ReplyPart, Stance
from .requests import Request, asks

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

# Words that take up what the customer just objected: the answer is a treatment.
_ANSWERING = re.compile(r"\b(mais|justement|cependant|pourtant|toutefois|c'est vrai|"
                        r"je comprends|comparons|comparez|en fait|par contre|au contraire)\b")
_ANSWERING_ACTS = {Act.ARGUMENT, Act.PREUVE, Act.EMPATHIE, Act.REFORMULATION,
                   Act.ANNONCE_PRIX, Act.QUESTION_OUVERTE}
# Parts that give the student a slot in her diary, or take a promise at its word: a new doubt
# after them takes the yes back ("Mardi 15 h, entendu. Vous m'envoyez une doc et je vois.",
# "D'accord, je vous prends au mot. Je vais laisser un avis négatif partout."); it waits for
# another turn.
# (A doubt lifted may be followed by the next one, "bon, d'accord pour ça ; mais…"; a
# solution accepted may meet an objection to its terms, "en semaine ?": then only the
# objection is said, see reply.compose.)
_AGREEING = {ReplyKind.APPOINTMENT, ReplyKind.CALLBACK, ReplyKind.PROMISE, ReplyKind.DEAL}
# A doubt lifted with a line that gives the student the floor ("D'accord, mais vite alors. Je
# vous écoute.") is not followed by the next doubt in the same breath: a blind play heard "Je
# vous écoute. Ah non, internet, j'ai déjà donné. Merci bien." The next one waits for what
# the student says.
_GIVES_FLOOR = re.compile(r"\b(je (vous |t'|te )ecoute|allez-y|vas-y|posez vos questions|"
                          r"continuez|dites-moi|expliquez-moi)\b")
# Words that set figures against each other.
_COMPARING = re.compile(r"\b(compar\w*|au total|soit|contre|au lieu de|moins cher|economi\w*|"
                        r"revient a|en tout|tout compris|par rapport|par an|par mois|par "
                        r"adherent|par carte|par client|de moins|de plus|moins de|plus de|"
                        r"alors que)\b|\d (?:plus|\+) \d")
# Words that set one figure against another, for a figure said without its currency.
_SET_AGAINST = re.compile(r"\b(moins de|plus de|alors que|contre|au lieu de)\b")
# Digging into an objection, the "C" of CRAC (DOMAIN.md): asking what lies behind it.
_DIGGING = re.compile(
    r"(qu'est-ce qui (vous|te) (gene|genes|inquiete|derange|bloque|freine|retient|"
    r"fait (dire|peur|hesiter|douter))|qu'est ce qui (vous|te) (gene|inquiete|derange|bloque)|"
    r"c'est-a-dire|c'est a dire|pourquoi (ca|cela|donc|ca vous|vous dites)|en quoi|"
    r"qu'entendez-vous|qu'est-ce que vous (entendez|voulez dire)|dans quel sens|"
    r"expliquez-moi|precisez|quelle est (votre|ta) (crainte|inquietude|reticence|peur)|"
    r"(vous avez|tu as) peur de quoi|c'est quoi (le probleme|qui (vous|te) "
    r"(gene|bloque|derange|freine|retient))|"
    r"qu'est-ce qui coince|pour quelle raison|qu'est-ce qui pose probleme|"
    r"qu'est-ce qui s'(?:est|etait) passe|qu'est ce qui s'(?:est|etait) passe|"
    r"que s'(?:est|etait)-il passe|il s'(?:est|etait) passe quoi|"
    r"ca s'(?:est|etait) passe comment|racontez(-moi)?|"
    # "Vous avez perdu de l'argent comment, c'était quoi exactement ?" (blind play)
    r"c'(?:etait|est) quoi (?:exactement|au juste|le souci|le probleme)|"
    # "Mais c'était quoi qui rapportait rien, en fait ?" (blind play: "Vous ne m'écoutez pas")
    r"c'(?:etait|est) quoi qui|qu'est-ce qui (?:n')?(?:a|avait) (?:pas )?(?:marche|fonctionne|"
    r"rapporte|coince)|"
    # "Ah bon, vous avez essayé quoi avant ?" (round 49: read as ignoring it, he hung up)
    r"(?:vous avez|vous aviez|t'as|tu as|tu avais) essaye quoi|qu'est-ce que (?:vous avez|"
    r"vous aviez|tu as) essaye|"
    # "Qu'est-ce qui ne vous avait pas convenu exactement ?" (round 48: his weekend sales)
    r"qu'est-ce qui (?:ne )?(?:vous |t')?(?:a|avait) (?:pas )?(?:convenu|plu|deplu|decu)|"
    # The short surprised follow-ups of spoken French ("Ah bon, comment ça ? Ça s'était mal
    # passé ?"): they ask what lies behind it as much as "qu'est-ce qui vous gêne ?" does.
    r"comment ca(?= ?[?!.]|$)|pourquoi(?= ?[?!]|$)|ah bon(?= ?[?!]|$)|"
    # "Pourquoi, y a un souci ce week-end-là ?" (round 42: answered with her sales target)
    r"pourquoi\W+(?:il y a|y a|y'a) (?:un|des) (?:souci|soucis|probleme|problemes)|"
    r"(?:ca|cela) s'(?:est|etait) mal passe|(?:vous avez|tu as|t'as) eu (?:un|une|des) "
    r"(?:souci|soucis|probleme|problemes|mauvaise experience|mauvaises experiences)|"
    r"(?:il y a|y a) eu (?:un|des) (?:souci|soucis|probleme|problemes)|"
    r"ce qui (vous|te) (gene|inquiete|derange|bloque|freine), c'est|"
    # What he has already, asked after "on a déjà ce qu'il faut" ("vous avez quoi comme
    # système, c'est des cartes papier ?"): a rushed baker hung up on it, read as ignoring
    # his objection (blind plays, two rounds).
    r"(?:vous avez|vous utilisez|tu as|t'as) quoi(?: comme| en ce moment| aujourd'hui|$| ?[?,])|"
    r"c'est quoi (?:votre|vos|ton|ta|tes) (?:systeme|outil|solution|carte|appli\w*)|"
    # ("Ah ok, c'est quoi comme carte, c'est des cartes papier ?" got "C'est vrai que les
    # cartons, ils les perdent tout le temps", round 49.)
    r"c'(?:est|etait) quoi comme (?:systeme|outil|solution|carte|appli\w*|logiciel|truc|site))")
# Guesses offered after a digging question: ", c'est le prix ou la durée ?".
# (One guess too: "vous avez quoi comme système, c'est des cartes papier ?".)
_GUESSES = re.compile(r"^[^,?]*,\s*(?:c'est|plutot|est-ce)\b")
# A polite aside that leaves the question what it is ("vous avez eu quoi comme souci, si c'est
# pas indiscret ?": read as a question about something else, the doubt counted as ignored
# and the baker hung up, blind play).
_ASIDE = re.compile(r"\bsi (?:c'est|ce n'est) pas (?:trop )?indiscret|\bsi je (?:peux|puis) me "
                    r"permettre|\bsans indiscretion"
                    # Her words said back before the question ("vous dites qu'on vous a déjà
                    # fait le coup, c'était quoi comme truc en ligne ?", round 49).
                    r"|\b(?:vous (?:me )?(?:dites|disiez|avez dit|parlez)|tu (?:dis|parles))\b"
                    r"[^,?]*")
# Words that may follow the digging question without making it a question about something
# else ("qu'est-ce qui vous gêne, exactement ?").
_DIG_WORDS = {"exactement", "precisement", "alors", "donc", "vraiment", "au juste",
              "la-dedans", "la dedans", "dans ca", "dans tout ca", "madame", "monsieur", "mais",
              "et", "ok", "d'accord", "justement", "ah", "bon", "oh", "ben", "euh", "plus", "le",
              "la", "les", "ca", "cela", "encore"}


def digging_into(c: Customer, u: Understanding) -> Objection | None:
    """The pending objection the student asks about ("qu'est-ce qui vous gêne ?",
    "c'est-à-dire ?"), if the turn is that question and not a question about something else."""
    state = c.state
    pending = [o for o in state.objections_pending
               if state.objection_raised_at.get(o, state.turn) < state.turn]
    if not pending or not u.is_question:
        return None
    objection = c.objections[pending[-1]]  # the latest one is the one on the table
    # The question that digs is read alone: "Ah bon, ça s'est mal passé avant ? Parce que là
    # y a rien à créer…" asks about it whatever the argument after it (blind play).
    if len(u.sentences) > 1 and any(digs(fold(sentence.text), objection, u)
                                    for sentence in u.sentences if "?" in sentence.text):
        # (The doubt the digging sentence names, if another: "c'est-à-dire que 4 500 c'est
        # trop ?" asks about the budget, not the measure of results raised after it, round 42.)
        named = next((c.objections[o] for sentence in u.sentences if "?" in sentence.text
                      and digs(fold(sentence.text), objection, u)
                      for o in reversed(pending) if o in {h.id for h in sentence.topics}), None)
        return named or objection
    return objection if digs(u.folded, objection, u) else None


def asking_lifts(c: Customer, objection: Objection, u: Understanding) -> bool:
    """Whether the student's question about the doubt is what lifts it: a question that digs
    into it is about it whatever its words ("Ah bon, ça s'est mal passé ? Qu'est-ce qui vous a
    pas plu ?" after "internet, j'ai déjà donné" named neither the web nor the doubt, and got
    the vague "on m'en a déjà faites" instead of the story, round 49, twice)."""
    # (And it asks openly, whatever the classifier read: "vous avez essayé quoi avant ?")
    about = HeardTurn(frozenset(u.acts) | {Act.QUESTION_OUVERTE},
                      frozenset(u.topics) | {objection.id})
    return any_holds(objection.treated_if, c.state, u) or \
        any_holds(objection.treated_if, c.state, about)


def digs(folded: str, objection: Objection, u: Understanding) -> bool:
    """Whether these words ask what lies behind the objection, not about something else."""
    match = _DIGGING.search(folded)
    if match is None:
        return False
    # Every digging phrase is left out, not only the first ("Ah bon, comment ça ? Ça s'était
    # mal passé ?" is two ways of asking the same thing).
    asked = folded
    if _GUESSES.match(folded[match.end():]):
        # The doubts she might have, offered as guesses after the question ("c'est quoi qui
        # vous bloque, c'est le prix par rapport à Copitec ou la durée ?"), are still about it.
        asked = folded[:match.end()] + folded[match.end():].split(",", 1)[0]
    rest = [w for w in re.findall(r"[\w'-]+", _DIGGING.sub(" ", _ASIDE.sub(" ", asked)))
            if w not in _DIG_WORDS]
    # ("qu'est-ce qui vous gêne dans votre copieur actuel ?" is discovery)
    return len(rest) <= 4 or objection.id in u.topics


def answer_pending(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """The objections raised in earlier turns: lifted, dug into, insisted on, or ignored."""
    state = c.state
    dug = digging_into(c, u)
    asked_why = dug  # the doubt the student asks about, lifted or not
    if dug is not None and asking_lifts(c, dug, u):
        dug = None  # asking about it is what lifts it ("Il s'est passé quoi ?"): lifted below
    if dug is not None:
        _explain(c, dug, parts)
    if state.objections_pending and (
            (_ANSWERING.search(u.folded) and u.acts & _ANSWERING_ACTS) or _asserts_treatment(c, u)):
        u.context_acts.add(Act.TRAITEMENT_OBJECTION)
    if Act.TRAITEMENT_OBJECTION in u.acts:
        # Answering an objection is arguing: a treatment that asks for an argument or a
        # proof accepts an explicit objection answer with the right topics.
        u.context_acts.add(Act.ARGUMENT)
    treated_before = len(state.objections_treated)
    # Doubts said again only because the turn reads as a treatment, not by their own topic.
    by_the_act: list[tuple[str, ReplyPart]] = []
    for objection_id in list(state.objections_pending):
        raised_at = state.objection_raised_at.get(objection_id, state.turn)
        if raised_at >= state.turn:
            continue
        objection = c.objections[objection_id]
        if objection is dug:
            continue
        undercut = _undercuts(c, objection, u)
        if undercut and _below_floor(c):
            # Met on its figure, but too low to believe: her doubt about the price speaks
            # (negotiation), not "Copitec nous propose 230 €" to 199 € (blind play).
            state.objections_treated.append(objection_id)
            continue
        if any_holds(objection.treated_if, state, u) or _compares_costs(objection, u) or \
                _within_her_budget(c, objection, u) or undercut or (
                objection is asked_why and asking_lifts(c, objection, u)):
            state.objections_treated.append(objection_id)
            c.move(c.rules.objection_treated_mood, c.rules.objection_treated_patience)
            # Asked a question, she answers it first, then says where she stands ("Il y a
            # deux ans, une agence web… Bon. Je veux bien vous écouter…").
            answered = u.is_question and any(p.kind == ReplyKind.FACT for p in parts)
            if answered and not any(sentence.act_ids & _MAKING_A_CASE for sentence in
                                    u.sentences):
                # Only asked ("Qu'est-ce qui vous avait le plus satisfait dans la foire ?"),
                # she answers; "Vu comme ça, votre formule va plus loin" would concede to an
                # argument nobody made (blind plays, twice).
                continue
            line = c.voice.pick(_fitting(_true_to_figures(c, objection), u,
                                         _meeting_spoken_of(c, u)))
            if objection is asked_why and objection.behind and not answered:
                # Asked what the trouble was by the turn that settles it ("j'ai prévu deux
                # intérimaires… Pourquoi, y a un souci ce week-end-là ?"), she says what it
                # was, then that it now holds (round 42 heard her sales target instead).
                said = state.objection_explanations.setdefault(objection.id, [])
                behind = next((b for b in objection.behind if b not in said),
                              objection.behind[0])
                said.append(behind)
                line = f"{behind} {line}"
            parts.append(ReplyPart(Priority.FOLLOW_UP if answered else Priority.OBJECTION_LIFTED,
                                   line, ReplyKind.OBJECTION, stance=Stance.POSITIVE))
            continue
        if _beaten_still(c, objection, u):
            # It stays pending. She says it once per price, against the lowest figure of her
            # doubts ("240 € aujourd'hui", "230 € chez Copitec").
            if state.price_offered not in state.rival_compared:
                state.rival_compared.append(state.price_offered or 0)
                lowest = min((c.objections[o] for o in state.objections_pending
                              if _beaten_still(c, c.objections[o], u)),
                             key=lambda o: price_to_beat(c, o) or 0)
                parts.append(ReplyPart(Priority.FOLLOW_UP, _set_against(c, lowest),
                                       ReplyKind.OBJECTION, lowest.id, stance=Stance.NEGATIVE))
            continue
        addressed = objection_id in u.topics or Act.TRAITEMENT_OBJECTION in u.acts
        discovering = state.price_offered is None and any(
            p.kind == ReplyKind.FACT and p.priority == Priority.ANSWER for p in parts)
        if addressed and u.is_question and (discovering or not u.acts & _ANSWERS_OR_OFFERS):
            # Only asked about her situation ("Ah d'accord, 250. Mais niveau machines, elles
            # marchent bien ?"): she answers; "Copitec m'a fait une offre à 250 €. Pourquoi
            # je changerais ?" after each answer rang like a record stuck (round 38, three
            # times in a row); so is a question answered before any price, whatever its acts
            # were read as. The doubt stays pending.
            continue
        if addressed:
            # Said again and again, the same doubt becomes a record stuck ("Copitec nous
            # propose 250 €… Pourquoi je changerais ?" six times in one blind play): past a
            # few times she says where she stands, once, then lets it rest; it stays pending.
            times = state.objections_restated.get(objection_id, 0)
            if _REWORKING.search(u.folded):
                # "3 000 max. Bon ok je peux adapter." takes the doubt on board: "Je l'ai déjà
                # dit : c'est hors budget" to it answered nothing (blind play). It stays
                # pending until the reworked offer comes.
                continue
            state.objections_restated[objection_id] = times + 1
            if times < c.rules.restate_max:
                part = ReplyPart(Priority.FOLLOW_UP, _still(c, objection, u),
                                 ReplyKind.OBJECTION, stance=Stance.NEGATIVE)
                parts.append(part)
                if objection_id not in u.topics:
                    by_the_act.append((objection_id, part))
            elif times == c.rules.restate_max and not asks(Request.HOLDBACK, u.folded):
                # (Asked what holds her back, she names it however often she said it: closing
                # does. "Je crois que vous avez compris ce qui me retient" answered nothing.)
                parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("objection_standing"),
                                       ReplyKind.OBJECTION, stance=Stance.NEGATIVE))
        elif raised_at == state.turn - 1 and objection_id not in state.objections_ignored \
                and not _explores(objection, parts) and not _DIGGING.search(u.folded) \
                and not (objection.category == ObjectionCategory.PRIX
                         and asks_budget(u.folded)) and not takes_up_her_times(c, u) \
                and not asks(Request.HOLDBACK, u.folded) \
                and not (u.acts & {Act.REFORMULATION, Act.RECAPITULATIF}
                         and (Act.QUESTION_CONTROLE in u.acts or asks(Request.CHECK, u.folded))):
            # (Nor a recap of what she said, put to her check: "…face à une offre Copitec à
            # 230 euros. C'est bien cela ?" drew "Vous n'avez pas l'air de prendre l'offre de
            # Copitec au sérieux", round 48.)
            # (Nor "qu'est-ce qui vous manque pour vous décider ?": it asks her to say it
            # again, closing.holdback; "…et vous passez à autre chose ?" to it, round 45.)
            # (Nor "vous avez combien, alors ?" to "c'est hors budget": "Vous m'écoutez ?" to
            # it, blind play.)
            # ("Ah bon, c'est-à-dire ? Vous avez déjà un truc pour la fidélité ?" asks about
            # it: "Vous ne m'écoutez pas" to it was a false reproach, blind play.)
            _ignored(c, objection, parts)
    told_the_price = Act.ANNONCE_PRIX in u.acts and any(
        _asks_the_price(c.objections[o]) for o in state.objections_pending)
    if len(state.objections_treated) > treated_before or told_the_price:
        # The turn answered another of her doubts, or the price she asked ("c'est 49 euros
        # par mois…" to "ça coûte combien ?"): that answer is what she reacts to, not
        # "Encore une fois, internet, j'ai déjà donné" (round 45); the older doubt waits for
        # its own turn.
        # (By identity: parts of one priority compare equal.)
        parts[:] = [p for p in parts if all(p is not part for _, part in by_the_act)]
        for objection_id, _ in by_the_act:
            state.objections_restated[objection_id] -= 1


def takes_up_her_times(c: Customer, u: Understanding) -> bool:
    """Whether the turn puts to her a meeting right after she gave her free times: it follows
    her lead, it ignores nothing she said beside them ("En général, je suis libre le mardi
    entre 14 h et 16 h… Envoyez-moi une documentation" — "mardi à 14 h 30 ?" was met with
    "je n'ai plus le temps" and a hang-up, round 40)."""
    return Act.PROPOSITION_RDV in u.acts and any(
        line.split("{")[0] in c.last_reply for line in c.stock("slot_hint"))


def _fitting(lines: list[str], u: Understanding, meeting: bool) -> list[str]:
    """Her lines that name no day the student did not speak of: "Ah, le dimanche… c'est la
    folie" answered "c'est personnel, dites-lui que c'est Kevin" (blind play); nor a figure:
    "Dix jours ouvrés après la signature…" answered "je vous l'installe demain" (blind plays,
    two rounds); nor a meeting nobody spoke of ("On verra à la démo si ça les vaut" before
    any demo, blind play)."""
    said = set(_DAY.findall(u.folded))
    figures = _figures_in(u.text)
    # Nor a comparison nobody made ("Vu comme ça, la comparaison n'est effectivement pas la
    # même" to a price announced with what it includes, round 36).
    compared = bool(_COMPARED.search(u.folded))
    return [line for line in not_denied(lines, u) if set(_DAY.findall(fold(line))) <= said
            and _figures_in(line) <= figures
            and (compared or not _COMPARISON_WORD.search(fold(line)))
            and (meeting or not _MEETING_WORD.search(fold(line)))] or lines


_MEETING_WORD = re.compile(r"\b(?:demo\w*|rendez-vous|rdv|visio\w*)\b")
_COMPARISON_WORD = re.compile(r"\bcompar\w*")
_COMPARED = re.compile(r"\b(?:compar\w*|alors que|contre|au lieu de|moins cher|plus cher|par "
                       r"rapport|economi\w*|de moins|de plus|soit|au total|en tout|vous payez)\b")


def _meeting_spoken_of(c: Customer, u: Understanding) -> bool:
    """Whether a meeting is agreed or offered in this turn."""
    return c.state.appointment is not None or Act.PROPOSITION_RDV in u.acts or \
        bool(_MEETING_WORD.search(u.folded))


def not_denied(lines: list[str], u: Understanding) -> list[str]:
    """Her lines that count on nothing the student just said there will not be: "Avec… vos
    intérimaires, ça peut tenir" answered "pas d'intérimaires, pas de flyers", and "Le
    dimanche, vous faites avec l'intérim" answered "j'ai pas pris d'intérimaires" (blind
    play). All of them when every one does."""
    excluded = _roots(_NEGATED.findall(u.folded))
    return [line for line in lines if not _roots(content_words(line)) & excluded] or lines


# What a turn does beyond asking that her doubt may be said again to.
_ANSWERS_OR_OFFERS = {Act.ARGUMENT, Act.PREUVE, Act.PROPOSITION_SOLUTION, Act.CONCESSION,
                      Act.TRAITEMENT_OBJECTION, Act.DEMANDE_ENGAGEMENT, Act.ANNONCE_PRIX,
                      Act.DEMANDE_CONTREPARTIE, Act.RECAPITULATIF}
# The student taking a doubt on board, to come back with something reworked.
_REWORKING = re.compile(r"\b(?:je (?:peux|vais|dois|veux bien) (?:l'|le |la |les |vous )?"
                        r"(?:adapter|revoir|retravailler|ajuster|reprendre|refaire|recalculer|"
                        r"reduire|baisser)|j'ai (?:bien )?compris pour)\b")
# The word after a negation of having something: "pas d'intérimaires", "sans flyers".
_NEGATED = re.compile(r"\b(?:pas (?:pris |prevu |mis |besoin )?(?:d'|de |des )|sans |aucune? |"
                      r"plus (?:d'|de ))(\w+)")


def _figures_in(text: str) -> set[str]:
    """The numbers a line says, in digits or in words ("dix jours" → "10")."""
    return set(re.findall(r"\d+", normalise_numbers(fold(text))))


_DAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}|week-end)\b")
# What a turn must do, beyond asking, for her to say she is won over.
_MAKING_A_CASE = {Act.ARGUMENT, Act.PREUVE, Act.PROPOSITION_SOLUTION, Act.CONCESSION,
                  Act.REFORMULATION, Act.TRAITEMENT_OBJECTION}


def _asserts_treatment(c: Customer, u: Understanding) -> bool:
    """A statement on what the objection she asked last turn is about answers it, whatever
    act the words were read as: "Livraison et installation sous 10 jours ouvrés après la
    signature" to "Quels sont vos délais ?" was read as a recap, and a blind play heard
    "Vous pouvez installer avant, oui ou non ?" right after it."""
    state = c.state
    if u.rudeness.sure or Act.CONCESSION in u.acts:
        return False  # a rude turn or a bargain is no answer on the merits
    for objection_id in state.objections_pending:
        objection = c.objections[objection_id]
        if state.objection_raised_at.get(objection_id, state.turn) != state.turn - 1 or \
                not any(line.rstrip().endswith("?") and line in state.last_lines
                        for line in objection.lines):
            continue  # only her question of the last turn; features recited unasked do not
            # answer a doubt
        # Only a treatment by information (an argument, a proof) can be given as a plain
        # statement; empathy or an apology has to be said as such.
        grounds = {t for cond in objection.treated_if
                   if cond.acts and set(cond.acts) & {Act.ARGUMENT, Act.PREUVE}
                   for t in cond.topics or []}
        if any(not sentence.is_question and grounds & {hit.id for hit in sentence.topics}
               for sentence in u.sentences):
            return True
    return False


def _explores(objection: Objection, parts: list[ReplyPart]) -> bool:
    """A question she answers with a fact her objection's treatment rests on ("vous auriez
    combien de budget ?" after "c'est hors budget") explores the objection: "Vous m'écoutez ?"
    to it was a false reproach. The objection stays pending."""
    grounds = {ident for cond in objection.treated_if
               for ident in [*(cond.topics or []), *(cond.facts_revealed or [])]}
    return any(part.kind == ReplyKind.FACT and part.subject in grounds for part in parts)


def _within_her_budget(c: Customer, objection: Objection, u: Understanding) -> bool:
    """A price objection ("4 500 €, c'est hors budget") is met when the student brings the
    offer within the ceiling she said, however it is worded ("j'ai préparé une version à
    2 850 €" was read as an argument, and she kept saying "c'est hors budget", blind play)."""
    ceiling = stated_budget_max(c)
    price = c.state.price_offered
    offered = u.frame.offer is not None
    return objection.category == ObjectionCategory.PRIX and offered and price is not None \
        and ceiling is not None and price <= ceiling


def _undercuts(c: Customer, objection: Objection, u: Understanding) -> bool:
    """A price or competitor objection that names the price to beat ("Copitec nous propose
    230 €") is met on its figure when the student offers that much or less: "Vous êtes loin
    derrière" to 230 € matched, or "c'est plus cher qu'aujourd'hui" to 199 € against 240 €,
    contradicted the figures (blind plays, two rounds)."""
    price, to_beat = c.state.price_offered, price_to_beat(c, objection)
    return price is not None and to_beat is not None and u.frame.offer is not None and \
        price <= to_beat


def price_to_beat(c: Customer, objection: Objection) -> float | None:
    """The figure a price or competitor objection names as the one to beat ("Copitec nous
    propose 230 €"); only a price below our list price is one ("4 500 €, c'est hors budget"
    quotes the student's own)."""
    deal = c.scenario.negotiation
    if deal is None or objection.category not in (ObjectionCategory.PRIX,
                                                   ObjectionCategory.CONCURRENCE):
        return None
    return _lowest_amount_below(tuple(objection.lines), deal.list_price)


@lru_cache(maxsize=256)
def _lowest_amount_below(lines: tuple[str, ...], ceiling: float) -> float | None:
    """The lowest amount the lines name under `ceiling`: read once, not at every turn each
    pending objection is weighed (the entity extraction is the costly part)."""
    figures = [figure for line in lines for e in extract(line)
               if e.type == "montant" and (figure := e.value["montant"]) < ceiling]
    return min(figures) if figures else None


def _beaten_still(c: Customer, objection: Objection, u: Understanding) -> bool:
    """Whether the turn lowers the price in answer to her figure to beat, and stays above it:
    blind plays heard "Je vous parle d'une offre à 230 €, et vous passez à autre chose ?" to
    269 €, and the rival's offer said a third time while 259 € went without a word."""
    price, to_beat = c.state.price_offered, price_to_beat(c, objection)
    deal = c.scenario.negotiation
    return price is not None and to_beat is not None and price > to_beat and \
        u.frame.offer is not None and deal is not None and price < deal.list_price


def _set_against(c: Customer, objection: Objection) -> str:
    """The price on the table set against her figure to beat: a rival's offer, or what she
    pays today ("C'est un effort. Mais 269 €, ça reste au-dessus des 230 €…")."""
    key = "still_above_rival" if objection.category == ObjectionCategory.CONCURRENCE \
        else "still_above_today"
    return c.bank(key, price=euros(c.state.price_offered or 0),
                  rival=euros(price_to_beat(c, objection) or 0))


def _below_floor(c: Customer) -> bool:
    deal, price = c.scenario.negotiation, c.state.price_offered
    return deal is not None and deal.floor_price is not None and price is not None \
        and price < deal.floor_price


def _true_to_figures(c: Customer, objection: Objection) -> list[str]:
    """Her lines for an objection met, but not "vous êtes moins cher" while the price on the
    table is above the competitor's figure she raised ("D'accord, à périmètre égal, vous êtes
    moins cher" at 259 € against Copitec's 230 €, blind play)."""
    price = c.state.price_offered
    theirs = [float(n) for line in objection.lines
              for n in re.findall(r"\b\d{2,5}\b", normalise_numbers(line))]
    if price is None or not theirs or price <= min(theirs):
        return objection.accepted_lines
    return [line for line in objection.accepted_lines
            if not _CHEAPER.search(fold(line))] or objection.accepted_lines


_CHEAPER = re.compile(r"\b(?:vous etes|c'est|vous restez) (?:moins cher|plus avantageux)")


def _compares_costs(objection: Objection, u: Understanding) -> bool:
    """A price or competitor objection answered with figures compared ("vous payez 240 € plus
    90 € de couleur, soit 330 € ; chez nous 289 € tout compris") is answered on its meaning,
    whatever the words the scenario expected (DOMAIN.md: value, comparison of total cost)."""
    if objection.category not in (ObjectionCategory.PRIX, ObjectionCategory.CONCURRENCE):
        return False
    amounts = {e.value.get("montant") for e in u.entities if e.type == "montant"}
    # Said quickly, the second figure often comes without its currency ("la foire c'était
    # 2800 €, là mon projet serait à moins de 2000"): a bare figure of three digits or more
    # counts beside an amount, in an answer about this very objection.
    # So does a total worked out on this very objection ("en vrai vous payez 340 par mois chez
    # Copitec, 250 plus 90 ; nous à 259 la couleur est dedans", blind play: the competitor's
    # 250 € was then said a sixth time).
    compared = _COMPARING.search(u.folded)
    if amounts and objection.id in u.topics and (_SET_AGAINST.search(u.folded) or compared):
        whole = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", u.folded)
        amounts |= {float(n) for n in re.findall(r"\b\d{3,5}\b", whole)}
    return len(amounts) >= 2 and bool(compared)


def _explain(c: Customer, objection: Objection, parts: list[ReplyPart]) -> None:
    """Asked what lies behind it, she says it (the scenario's `precisions`, else what lies
    behind objections of its kind): a good question, never an objection ignored."""
    state = c.state
    said = state.objection_explanations.setdefault(objection.id, [])
    more = [line for line in objection.behind if line not in said]
    if said and not more:
        text = continued(c.bank("repeat_prefix"), said[-1], c.names)
    else:  # what she has not said yet
        text = c.voice.pick(more) if more else c.bank(f"dig_{objection.category.value}")
        if not said:
            c.move(c.rules.good_question_mood, c.rules.good_question_patience)
        said.append(text)
    parts.append(ReplyPart(Priority.ANSWER, text, ReplyKind.OBJECTION_EXPLAINED, objection.id))


def _asks_the_price(objection: Objection) -> bool:
    """Whether the objection is her asking the price ("Ça coûte combien, votre truc ?")."""
    # (Each line asks it, even when it goes on: "Et le prix ? Parce que c'est ça qui compte.")
    return objection.category == ObjectionCategory.PRIX and all(
        "?" in line for line in objection.lines)


def _still(c: Customer, objection: Objection, u: Understanding) -> str:
    """What still bothers her. Asked about it ("qu'est-ce qui vous gêne ?"), or once a
    general "ça ne règle pas ce qui me gêne" has been said, she says it again in her own
    words, as a repetition she owns ("Je vous l'ai dit : …")."""
    asks_price = _asks_the_price(objection)
    if asks_price and Act.ANNONCE_PRIX in u.acts:
        # "Ça coûte combien ?" has just been answered with the price: asking it again would
        # be absurd; the price is noted, and what the scenario expects next is still due.
        return c.bank("price_noted")
    insisted = any(line in c.state.last_lines for line in c.stock("objection_insist"))
    # A case made for it, then a question ("…Au Pain Doré, 18 % de leurs ventes du dimanche.
    # Ça vous dirait qu'on vous montre ça ?"): she says it does not lift her doubt yet, not her
    # doubt word for word (round 46: "Je vous le répète : internet…" to the proof).
    # (Once: after "ça ne me rassure pas", she says what it is again.)
    argued = bool(u.acts & {Act.ARGUMENT, Act.PREUVE}) and not insisted and \
        not asks(Request.HOLDBACK, u.folded)
    if not (u.is_question or insisted) or argued or (
            asks_price and c.state.happened(Event.PRIX_ANNONCE)):
        # (Told the price a turn ago, she does not ask it again: blind play, "Comme je vous
        # l'ai expliqué, et c'est combien, tout ça ?")
        if argued and Act.PREUVE in u.acts:
            return c.unsaid("proof_not_enough") or c.bank("objection_insist")
        return c.bank("objection_insist")
    return restated(c, objection, u)


def restated(c: Customer, objection: Objection, u: Understanding | None = None) -> str:
    """The objection said again in her words, as a repetition she owns ("Comme je vous le
    disais, Copitec nous propose 230 €…"; a question of hers: "Je vous le redemande : …").
    Told the student cannot go lower (`u`), she no longer asks him to ("Vous pouvez vous
    aligner ?" right after "en dessous de 259 je peux vraiment pas", round 43)."""
    said = c.voice.pick(_lines(c, objection) or objection.lines)  # drawn before the prefix
    offered_now = [f.value for f in u.frame.figures if f.role == Role.OFFER
                   and f.kind == "montant"] if u is not None else []
    deal = c.scenario.negotiation
    if u is not None and not offered_now and deal is not None:
        # (A bare figure in the price's range is one too: "Allez, 245, je m'arrangerai".)
        offered_now = [float(n) for n in re.findall(r"\b\d{2,5}\b", normalise_numbers(u.folded))
                       if deal.list_price * _BARE_PRICE[0] <= float(n)
                       <= deal.list_price * _BARE_PRICE[1]]
    if offered_now:
        # (The figure just put to her, even one she doubts: "Allez, 245, je m'arrangerai avec
        # mon chef" got "votre concurrent est à 250 €… Vous êtes au-dessus", round 56.)
        said = _not_above(said, min(offered_now))
    if u is not None and _HELD_FIRM.search(u.folded):
        kept = [sentence for sentence in line_sentences(said)
                if not _ASKS_TO_MATCH.search(fold(sentence))]
        said = " ".join(kept) or said
    prefix = "ask_again_prefix" if re.fullmatch(r"[^.!…]+\?", said.strip()) else \
        "repeat_prefix"
    return continued(c.bank(prefix), said, c.names)


def _figure_unheard(c: Customer, objection: Objection, line: str, u: Understanding) -> bool:
    """Whether a line of hers asks back a figure ("Dix jours ? …", "…et maintenant c'est
    10 ?") that neither the turn, nor she, nor her facts, nor the doubt itself (its label: the
    5 days announced on the site) gave; her own figures said as such (the rival's 250 €) she
    may say."""
    asked = " ".join(sentence for sentence in line_sentences(fold(line))
                     if sentence.endswith("?"))
    if not asked:
        return False
    known = _numbers(u.folded) | _numbers(fold(objection.label)) | {
        f"{value:g}" for value in c.said_figures} | {
        number for fact in c.scenario.facts for answer in fact.answers
        for number in _numbers(fold(answer))}
    return bool(_numbers(asked) - known)


def _numbers(folded: str) -> set[str]:
    return set(re.findall(r"\d+", normalise_numbers(folded).replace("\u202f", "")))


# The range, around the list price, in which a bare number is heard as a price.
_BARE_PRICE = (0.5, 1.5)


# The student holding a price ("en dessous de 259 je peux vraiment pas", "c'est mon dernier
# prix"), and her lines that ask him to move ("Vous pouvez vous aligner ?").
_HELD_FIRM = re.compile(r"\b(?:peux|peut|pourrai|pourrais) (?:vraiment )?pas (?:vraiment )?(?:"
                        r"descendre|aller|faire (?:mieux|moins)|m'aligner|nous aligner|vous "
                        r"suivre)|(?:en dessous|plus bas)(?: de \d+)?,? (?:je|on) (?:ne )?(?:peux|"
                        r"peut) (?:vraiment )?pas|c'est (?:mon|notre) (?:dernier|meilleur) prix|"
                        r"mon prix le plus bas|je suis (?:deja )?a l'os\b")
_ASKS_TO_MATCH = re.compile(r"\b(?:vous pouvez vous aligner|pouvez-vous vous aligner|tu peux "
                            r"t'aligner|vous faites mieux|tu fais mieux|faites (?:encore )?un "
                            r"effort|fais (?:encore )?un effort)\b")


def _ignored(c: Customer, objection: Objection, parts: list[ReplyPart]) -> None:
    state = c.state
    state.objections_ignored.append(objection.id)
    state.record(Event.OBJECTION_IGNOREE)
    effect = objection.if_ignored.effect
    c.move(effect.mood or c.rules.objection_ignored_mood,
           effect.patience or c.rules.objection_ignored_patience)
    parts.append(ReplyPart(Priority.FOLLOW_UP,
                           c.lines_or_bank(objection.if_ignored.lines, "objection_insist"),
                           ReplyKind.OBJECTION_IGNORED, stance=Stance.NEGATIVE))


def raise_new(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """At most one new objection per reply, when one of its conditions holds; one the
    student answered before it was voiced is treated at once ("prévenir l'objection")."""
    state = c.state
    if _no_new_doubt(c, u, parts):
        # No new doubt is voiced, but one the turn answers before it came up is settled all
        # the same: "Pour mesurer le résultat, je suivrai…" in the turn she agreed on was
        # lost, and the deal stayed "sous conditions" (blind play).
        for objection in c.scenario.objections:
            if objection.id not in state.objections_raised and \
                    objection.speaker in (None, state.speaker) and _own_lines(c, objection) \
                    and _raised(c, objection, u) and any_holds(objection.treated_if, state, u):
                _settled_unvoiced(c, objection)
        return
    for objection in c.scenario.objections:
        if objection.id in state.objections_raised:
            continue
        if objection.speaker not in (None, state.speaker) or not _own_lines(c, objection):
            continue
        if (state.happened(Event.PRIX_ANNONCE) or u.frame.offer is not None) and all(
                _ASKS_PRICE.search(fold(line)) for line in objection.lines):
            # "Et c'est combien, tout ça ?" one turn after "le vrai tarif, c'est 49 euros HT"
            # (round 40): the price told, the question is gone. So in the turn that says it
            # in passing ("…et c'est 49 euros par mois sans engagement", round 53).
            continue
        raised = _raised(c, objection, u)
        if raised and all(_figure_unheard(c, objection, line, u)
                          for line in _own_lines(c, objection)):
            # Each of its lines answers a figure nobody gave ("Dix jours ? Vous allez encore me
            # faire attendre…" to "le même modèle, ou laver votre linge au plus vite ?",
            # round 57): it waits for the figure.
            continue
        if raised:
            state.objections_raised.append(objection.id)
            state.objection_raised_at[objection.id] = state.turn
            if any_holds(objection.treated_if, state, u) or _forestalled(c, objection):
                state.objections_treated.append(objection.id)
                if objection.category == ObjectionCategory.PRIX and objection.accepted_lines \
                        and not any(p.kind == ReplyKind.OBJECTION for p in parts):
                    # A price above what she pays, announced with what makes it worth it:
                    # she weighs it aloud ("D'accord, je regardais seulement le loyer…"), a
                    # buyer attached to figures does not let 289 € against 240 € go by in
                    # silence (blind reviewers, round 32).
                    parts.append(ReplyPart(Priority.REACTION, c.voice.pick(_fitting(
                        objection.accepted_lines, u, _meeting_spoken_of(c, u))),
                        ReplyKind.OBJECTION, objection.id, stance=Stance.POSITIVE))
                continue
            if state.phase != Phase.CONCLUSION:
                state.phase = Phase.OBJECTIONS
            if _voiced_by_counterpart(objection, parts):
                state.objections_treated.append(objection.id)  # and accepted (negotiation)
                return
            lines = _lines(c, objection)
            if _asked_about(objection, u) or any(
                    p.kind == ReplyKind.FACT and p.priority == Priority.ANSWER for p in parts):
                # Asked about it ("y a-t-il des contraintes côté personnel ?"), she tells it;
                # "Non mais attendez : …" protests against a proposal nobody made (blind play).
                # Nor after answering a question: "Mardi ou jeudi après-midi. … Ah non,
                # internet, j'ai déjà donné. Merci bien." (blind play) takes the answer back.
                # Nor does she ask whether the student thought of what the student just asked
                # about ("de combien de personnes disposez-vous… ?" — "Le personnel, vous y
                # avez pensé ?", round 42).
                lines = [line for line in lines if not PROTEST.match(fold(line))
                         and not _THOUGHT_OF.search(fold(line))] or lines
            lines = [line for line in lines if not _figure_unheard(c, objection, line, u)] or lines
            line = c.voice.pick(_least_repeating(lines, parts, c.last_reply))
            _drop_choice_about(parts, line)
            if objection.category == ObjectionCategory.PRIX:
                # ("Ça reste raisonnable. Ah, quand même… c'est cher." says both.)
                parts[:] = [p for p in parts if p.kind != ReplyKind.PRICE]
            asking = _asking_sentence(objection, u)
            if asking is not None:
                # Asked about it ("des contraintes côté personnel ?"), the doubt is her answer
                # to that question: the fact the same words named goes ("Ce week-end-là, deux
                # vendeurs en congé. Le personnel, vous y avez pensé ? …" said it twice).
                said_twice = [p for p in parts if p.answers == asking and p.kind == ReplyKind.FACT]
                # (Only what the doubt's own question asks, when the sentence asks two: "De
                # quelle enveloppe disposez-vous, et y a-t-il des contraintes de personnel ?"
                # keeps its budget, round 45.)
                clause = next((ids for hits in u.sentences[asking].asked
                               for ids in [{hit.id for hit in hits}] if objection.id in ids),
                              None)
                if clause is not None:
                    said_twice = [p for p in said_twice if p.subject in clause]
                # (Nor a fact the question asks that is not what raises the doubt: "on fait un
                # logiciel de fidélité et de click-and-collect…, vous avez déjà une carte de
                # fidélité ?" lost the cards for "Internet, on a déjà donné", round 45.)
                # (When the question asks about the doubt itself, "des contraintes côté
                # personnel ?", every fact it drew goes, the holidays behind it too.)
                if objection.id not in {hit.id for hit in u.sentences[asking].topics}:
                    raising = {topic for cond in objection.when for topic in cond.topics or []}
                    said_twice = [p for p in said_twice
                                  if p.subject in raising | {objection.id}]
                progress.forget(c, said_twice)
                parts[:] = [p for p in parts if all(p is not q for q in said_twice)]
            parts.append(ReplyPart(Priority.FOLLOW_UP, line, ReplyKind.OBJECTION_RAISED,
                                   objection.id, stance=Stance.NEGATIVE, answers=asking))
            return


def _asking_sentence(objection: Objection, u: Understanding) -> int | None:
    """The question of the turn that asks about what raises the doubt, if one does."""
    return next((i for i in _naming(objection, u) if is_question(u.sentences[i].text)), None)


def _forestalled(c: Customer, objection: Objection) -> bool:
    """Whether an earlier turn of the student already answered this doubt with the argument
    its treatment names ("prévenir l'objection", DOMAIN.md): the indicators laid out before
    he asked "comment allez-vous mesurer le résultat ?" leave nothing to ask (a blind play
    heard him agree to the figures, then ask for them). Not a price or a rival's offer: a
    buyer still weighs the price when she hears it, whatever was said of its worth before."""
    if objection.category in _WEIGHED_WHEN_HEARD:
        return False
    # Only by its first treatment, the one the scenario names as the answer to it, and on
    # its subjects: the others, read after the doubt was voiced, take less ("un coût global"
    # compared before the term came up is no answer to "c'est long, comme engagement").
    # (The turn being answered is not in `heard` yet: the caller checks it.)
    first = objection.treated_if[0] if objection.treated_if else None
    return first is not None and first.topics is not None and \
        any(holds(first, c.state, turn) for turn in c.state.heard)


def settle_forestalled(c: Customer) -> None:
    """Asked for her yes, she counts as settled the doubts the student answered before they
    came up: the indicators laid out before "comment allez-vous mesurer le résultat ?" was
    asked left the deal "sous conditions" for want of indicators (round 38 tuning)."""
    state = c.state
    for objection in c.scenario.objections:
        if objection.id not in state.objections_raised and \
                objection.id not in state.objections_treated and \
                objection.speaker in (None, state.speaker) and _forestalled(c, objection):
            _settled_unvoiced(c, objection)


def _settled_unvoiced(c: Customer, objection: Objection) -> None:
    """A doubt the student answered before she voiced it: raised and treated this turn."""
    state = c.state
    state.objections_raised.append(objection.id)
    state.objection_raised_at[objection.id] = state.turn
    state.objections_treated.append(objection.id)


_WEIGHED_WHEN_HEARD = {ObjectionCategory.PRIX, ObjectionCategory.CONCURRENCE,
                       ObjectionCategory.ESCALADE}


# The words of her choice lines ("…, plutôt", "la deuxième solution"), not of the options.
_CHOSEN = {ReplyKind.CHOICE, ReplyKind.SOLUTION}  # a solution may be accepted by choosing it
_CHOICE_WORDS = set(content_words("plutôt mieux pense dirais première seconde deuxième solution"))


def _drop_choice_about(parts: list[ReplyPart], line: str) -> None:
    """An objection about what she was asked to choose is her answer: "Qu'on me rembourse,
    plutôt. Non, moi je veux être remboursée." said the choice twice, the second time as a
    refusal (blind play)."""
    said = _roots(content_words(line))
    parts[:] = [part for part in parts if part.kind not in _CHOSEN
                or not _roots(set(content_words(part.text)) - _CHOICE_WORDS) & said]


def _roots(words: Iterable[str]) -> set[str]:
    # "rembourse" and "remboursée" stem apart; their first seven letters do not. Short words
    # meet by chance ("par écrit" and "j'ai écrit deux fois").
    return {word[:7] for word in words if len(word) >= 7}


def raised_by(objection: Objection, topic: str) -> bool:
    """Whether a topic is one that raises the objection (in one of its `quand`)."""
    return any(topic in (cond.topics or []) for cond in objection.when)


def _voiced_by_counterpart(objection: Objection, parts: list[ReplyPart]) -> bool:
    """Whether the counterpart she has just granted raised this doubt in its own words: "60
    mois… Déjà que 48, je trouvais ça long. Mais si le prix baisse…" then "C'est long, comme
    engagement" said it twice (blind play). Said once, and settled by her yes."""
    return any(raised_by(objection, p.subject) for p in parts
               if p.kind == ReplyKind.COUNTERPART and p.stance == Stance.POSITIVE)


# A doubt that only asks the price ("Ça coûte combien, votre truc ?", "Et le prix ?").
_ASKS_PRICE = re.compile(r"\b(?:combien|le prix|vos prix|vos tarifs?|le tarif)\b[^.!]*\?")


def _no_new_doubt(c: Customer, u: Understanding, parts: list[ReplyPart]) -> bool:
    """Whether this reply already settles something a new doubt would take back."""
    # (A solution she picks among those offered too: "Je dirais en échange. … Alors
    # remboursez-moi !", round 40. Not a solution merely heard: "le Lavex est en rupture, pas
    # avant 10 jours" still gets "Dix jours ?", which her yes would have silenced.)
    picked = any(u.options)
    if any((part.kind in _AGREEING and part.stance == Stance.POSITIVE)
           or (picked and part.kind == ReplyKind.SOLUTION and part.stance == Stance.POSITIVE)
           # Asking the hour of the slot offered engages her as much: "Et l'heure ? Écoutez,
           # le plus simple : vous m'envoyez une doc par mail" took it back (blind play).
           or (part.kind == ReplyKind.APPOINTMENT and part.text.rstrip().endswith("?"))
           # So does naming her free times: "Regardez le mardi entre 14 h et 16 h… Écoutez,
           # le plus simple : vous m'envoyez une doc par mail" (round 40, and round 39's
           # reviewers: "lists precise free slots, then asks for documentation").
           or (part.kind == ReplyKind.APPOINTMENT and part.subject == FREE_TIMES)
           for part in parts) and \
            not any(part.priority <= Priority.ALARM for part in parts):  # (then unsaid)
        # "Mardi 15 h, entendu. Vous m'envoyez une doc et je vois." takes back the yes.
        return True
    if any(part.kind == ReplyKind.OBJECTION and part.stance == Stance.POSITIVE
           and _GIVES_FLOOR.search(fold(part.text)) for part in parts):
        return True  # she has just given ground on the price
    if any(part.kind == ReplyKind.COMMITMENT and part.subject == OPEN_DOUBT for part in parts):
        # Her "not yet" gives the doubt still open as its reason: a new one beside it piles
        # grievances ("Pas encore, non. Je vous le répète : Copitec… Vous êtes au-dessus.
        # C'est long, comme engagement. Et si nos besoins changent ?", round 49).
        return True
    # Agreed, confirmed, often already "au revoir": a new doubt after that ("Et c'est
    # combien, tout ça ?" to the student's thanks, in a blind play) reopens what is done.
    # A figure she does not believe: she says so, the next doubt waits.
    return c.state.outcome_type == OutcomeType.SUCCES or \
        any(part.kind == ReplyKind.PRICE_DOUBTED for part in parts)


def _raised(c: Customer, objection: Objection, u: Understanding) -> bool:
    """Whether one of its conditions holds; one with topics and no act needs a sure reading
    of one of them: "une intervention en 48 heures est trop lente" in a summary of her needs
    read "la location sur 48 mois" at 0.61, and she objected to a term nobody had named
    (blind plays, twice in one round)."""
    # A summary of her needs names many subjects at once, each read a little: "Aussi
    # longtemps…" answered one that named no term (blind plays, three rounds).
    summary = Act.REFORMULATION in u.acts and Act.QUESTION_CONTROLE in u.acts
    sure = c.rules.objection_topic_score_summary if summary else c.rules.objection_topic_score
    return any(holds(cond, c.state, u) and (
        not cond.topics or _named_now(cond.topics, u)) and (
        cond.acts is not None or not cond.topics
        or max(u.topics.get(topic, 0.0) for topic in cond.topics) >= sure)
        for cond in objection.when)


# A doubt said as a reproach that the student had not thought of it.
_THOUGHT_OF = re.compile(r"\b(?:vous y avez pense|tu y as pense|vous avez pense a|tu as pense a|"
                         r"vous n'en parlez pas|tu n'en parles pas|vous oubliez|tu oublies)\b")


def _asked_about(objection: Objection, u: Understanding) -> bool:
    """Whether the sentences that name what raises it are all questions."""
    naming = _naming(objection, u)
    return bool(naming) and all(is_question(u.sentences[i].text) for i in naming)


def _naming(objection: Objection, u: Understanding) -> list[int]:
    """The sentences of the turn that name what raises the doubt (its `quand` topics)."""
    topics = {topic for cond in objection.when for topic in cond.topics or []}
    return [i for i, sentence in enumerate(u.sentences)
            if topics & {hit.id for hit in sentence.topics}]


def _named_now(topics: list[str], u: Understanding) -> bool:
    """Whether a sentence names one of the topics other than as what has happened: "le
    lave-linge Lavex 8 kg, livré lundi ?" checks the order, it proposes no weekday delivery
    (blind plays heard "Non, non, non. J'ai déjà perdu une journée pour vous" four times)."""
    return any(hit.id in topics for sentence in u.sentences if not _PAST.search(sentence.text)
               for hit in sentence.topics)


# A participle with a day gone by ("livré lundi", "arrivée hier"), "le lendemain de", "il y a
# trois jours": what happened. Accented, so that "on vous livre lundi" stays a proposal.
_PAST = re.compile(rf"\b\w+(?:é|ée|és|ées|çu|çue)s? (?:{'|'.join(WEEKDAYS)}|hier|avant-hier)"
                   r"(?! (?:prochain|matin prochain))\b"
                   r"|\ble lendemain d|\bil y a \w+ (?:jours|semaines)\b", re.IGNORECASE)


def _least_repeating(lines: list[str], parts: list[ReplyPart], before: str = "") -> list[str]:
    """The lines that say least of what this reply, and the one before it, already say:
    after "On a FidCarte, une appli. Mais il faut la télécharger…", "On a déjà une appli de
    fidélité, FidCarte" said it twice (in one breath, a blind play; one reply later, round
    40); "Je suis déjà équipé, FidCarte. Pourquoi je changerais ?" moves on."""
    said = {word for text in (*(part.text for part in parts), before)
            for word in content_words(text)}
    if not said or len(lines) < 2:
        return lines
    overlap = {line: len(said & set(content_words(line))) for line in lines}
    least = min(overlap.values())
    return [line for line in lines if overlap[line] == least]


def _own_lines(c: Customer, objection: Objection) -> list[str]:
    """Its lines that are hers to say: "la décision revient à M. Lefèvre" is Mme Martin's,
    not M. Lefèvre's (blind play, with both in the room). Cheap: checked for every objection
    not yet raised, before its conditions."""
    return [line for line in objection.lines if not named(line, c.speaker)]


def _lines(c: Customer, objection: Objection) -> list[str]:
    """Its lines, but not one that quotes the list price when another price is on the table
    ("4 500 €, c'est hors budget" to a student who now asks 3 250 €), if another line says it
    without. Other figures (what she pays today) stay true whatever the offer."""
    lines = _own_lines(c, objection)
    deal, offered = c.scenario.negotiation, c.state.price_offered
    if deal is None or offered is None or offered == deal.list_price:
        return lines
    fitting = [line for line in lines if not any(
        e.type == "montant" and e.value["montant"] == deal.list_price for e in extract(line))]
    return [_not_above(line, offered) for line in fitting or lines]


def _not_above(line: str, offered: float) -> str:
    """The line without its "vous êtes au-dessus" when the price on the table is not above
    the figure it quotes ("votre concurrent est à 250 € pour renouveler. Vous êtes au-dessus."
    to 245 €, round 56)."""
    amounts = [e.value["montant"] for e in extract(line) if e.type == "montant"]
    if not amounts or offered > max(amounts):
        return line
    kept = [sentence for sentence in line_sentences(line) if not _ABOVE.search(fold(sentence))]
    return " ".join(kept) or line


# Her words that the offer is dearer than a figure she quotes.
_ABOVE = re.compile(r"\b(?:vous etes (?:nettement |largement |bien )?au-dessus|c'est plus cher|"
                    r"vous etes plus cher|au-dessus de (?:ce|leur))\b")
