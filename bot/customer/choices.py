"""Where the customer chooses between two options the student offers ("en boutique ou en
visio ?", "un bon d'achat ou une année de garantie ?"): she names one, the one her own words
lean to, and keeps to it if asked again. A choice of day or hour is an appointment, a fact
asked as a choice is a fact: those are answered where they belong."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.vocabulary import Act, Event

from ..entities import WEEKDAYS, extract
from ..replies import stock_lines
from ..text import fold
from ..topics import content_words
from .appointments import (
    WEEKDAY_NAMED,
    day_part,
    day_parts_differ,
    meeting_form,
    minutes,
    option_values,
)
from .closing import accepts_deal
from .facts import stated_budget_max
from .reply import Priority, ReplyKind, ReplyPart, Stance
from .requests import Request, asks

if TYPE_CHECKING:
    from ..understand import SentenceUnderstanding, Understanding
    from .core import Customer

# Parts that already answer the choice, or say no to what it is about.
_ANSWERED = {ReplyKind.FACT, ReplyKind.APPOINTMENT, ReplyKind.COUNTERPART, ReplyKind.CALLBACK}
_OFFERING = {Act.PROPOSITION_RDV, Act.PROPOSITION_SOLUTION, Act.CONCESSION,
             Act.DEMANDE_ENGAGEMENT, Act.ARGUMENT}
# An option the customer cannot repeat as her own words ("qu'on vous rembourse"): she names it
# by its rank instead.
_SPEAKER_WORDS = {"je", "j", "me", "m", "mon", "ma", "mes", "notre", "nos", "te", "tu", "ton",
                  "ta", "tes"}
# Left in her version of an option, the student's "vous" would still be the student's.
_LEFT_OVER = {"vous", "votre", "vos", "nous", "je", "j"}
# An option cut in the middle of a clause ("garder exactement le modèle Lavex que", "un peu
# avant pour que nos équipes"): said back, it is half a sentence (blind plays); she names it
# by its rank instead.
_DANGLING = re.compile(r"\b(que|qu|pour|de|d|a|dans|nos|les|le|la|des|du|un|une|et|avec|"
                       r"sans|en|deux|trois|sur|par|au|aux|ce|cette|ces|si|quand)\W*$|"
                       r"\bque \w+ \w+\W*$")


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    if any(p.stance == Stance.NEGATIVE and p.priority <= Priority.ANSWER for p in parts):
        return
    if asks(Request.HOLDBACK, u.folded) or asks(Request.ANYTHING_ELSE, u.folded):
        # "c'est trop cher ou c'est moi ?" asks what holds her back (closing.py); "vous avez
        # d'autres questions ou c'est bon pour vous ?" whether she wants anything more
        # (listening.py): "Plutôt la première, je pense" to it, round 39.
        return
    # Two choices put in one turn ("le créneau de 8 h à 12 h ou celui de 14 h à 18 h ? Et
    # pour le temps perdu, au choix un bon d'achat ou une extension de garantie") are both
    # made: the second was left unanswered (round 41).
    chosen: list[tuple[str, str]] = []
    for index, (sentence, options) in enumerate(zip(u.sentences, u.options, strict=True)):
        if options is None or (chosen and _same_choice(chosen, options)):
            continue
        if _SIGNING.search(fold(sentence.text)) and not c.state.happened(Event.ACCORD) and \
                not accepts_deal(c)[0]:
            # A day to sign is a yes to the deal: not chosen while she still says no
            # ("Encore une fois, 250 € chez Copitec…", then "Je dirais le lundi." to "on fixe
            # la signature lundi ou mardi ?", round 43).
            continue
        # (The first option may lie in the sentence before: "…soit un autre modèle. Soit un
        # technicien… Vous préférez quoi ?")
        said = " ".join(s.text for s in u.sentences[max(0, index - 1):index + 1])
        # A fact answers the choice only when the choice is about it: the photos asked in
        # the sentence before "un bon d'achat ou une extension : qu'est-ce qui vous
        # arrange ?" left the gesture unchosen (blind play).
        about = {hit.id for hit in sentence.topics}
        # Nor a fact only one option names: "un autre modèle en 48 heures, ou un technicien
        # samedi matin ?" got "Uniquement le samedi matin" and no choice (blind play).
        matcher = c.understander.topics
        named = [{hit.id for hit in matcher.match(option)} if matcher else about
                 for option in options]
        # A question about her situation with examples of the answer ("vous aviez des
        # chiffres de fréquentation ou de chiffre d'affaires ?") is answered by the fact she
        # tells: "Plutôt de chiffre d'affaires, je pense" after it answered nothing (blind
        # play). An offer of two things to do is still hers to choose.
        asking = not sentence.act_ids & _OFFERING
        # (Her day said as a fact still leaves the morning or the afternoon to choose:
        # "Uniquement le samedi matin" to "8 h-12 h ou 14 h-18 h ?" then says "Donc le matin.")
        # (A fact that answers another sentence does not: "Laquelle, Wazemmes ou le
        # Vieux-Lille ? Et votre adresse mail ?" got the address and no shop, round 41.)
        answered = any(p.kind in _ANSWERED and p.answers in (None, index) and (
            p.kind != ReplyKind.FACT or asking or (
                p.subject in about and all(p.subject in ids for ids in named)))
            for p in parts) and not day_parts_differ(options)
        # "Mardi 14 h 30 à la boutique, ou vous préférez en visio ?": the slot is answered
        # with the meeting, the form is hers to choose ("Ça me va." alone chose nothing).
        if c.state.appointment is not None:
            options = _with_form(sentence.text, options)
        forms = {meeting_form(fold(option)) for option in options}
        # (Nor do her free times, given to a meeting proposed in passing: "…en boutique ou en
        # visio. Vous préférez qu'on se voie en boutique ou en visio ?" got her free
        # afternoons and no form, round 52.)
        of_form = None not in forms and len(forms) == 2 and (
            c.state.appointment is not None or any(
                p.kind == ReplyKind.APPOINTMENT and p.stance != Stance.NEGATIVE for p in parts))
        # A choice of days is a meeting's (appointments.py); two times of one day offered by
        # a scenario without meetings ("livraison samedi, soit le matin de 8 h à 12 h, soit
        # l'après-midi…") is hers to choose: nobody answered it (blind play).
        # (Not a choice of what is done, one of them on a day: "le technicien qui change la
        # porte, ou qu'on vous livre l'autre modèle samedi matin ?" got "Ça me va.")
        # (Unless an option names no day nor hour: "une installation en début de semaine ou
        # plutôt un vendredi ?" is hers to choose, round 47.)
        dated = any(e.type == "date" for e in sentence.entities) and (
            c.scenario.appointment is not None
            or all(WEEKDAY_NAMED.search(fold(option)) for option in options)) and all(
            WEEKDAY_NAMED.search(fold(option)) or re.search(r"\d", option)
            for option in options)
        if dated and day_parts_differ(options) and any(p.kind == ReplyKind.CALLBACK
                                                        for p in parts):
            # A call back on a day, "plutôt le matin ou l'après-midi ?": the time of day is
            # hers to choose ("Entendu, ça me laisse le temps de réfléchir" chose none, round
            # 37).
            dated = False
        if not of_form and (answered or dated
                            or any(p.kind == ReplyKind.CHOICE for p in parts)):
            continue
        # (On the sentence's words: "vous avez deux minutes, là, ou c'est le rush ?" has
        # "là" and "le rush" for options.)
        now, _, later = fold(sentence.text).rpartition(" ou ")
        if _NOW.search(now) and _LATER.search(later):
            # "Vous avez deux minutes ou je repasse ?" asks whether now suits her: she lets
            # him go on ("La première solution, plutôt" to it, round 47).
            parts.append(ReplyPart(Priority.ANSWER, c.bank("purpose_ack"), ReplyKind.CHOICE,
                                   stance=Stance.POSITIVE, answers=index))
            chosen.append(options)
            continue
        around = u.sentences[max(0, index - 1):index + 1]  # the choice and the one before
        days = _weekdays_named(around)
        taken = _choose(c, options, _spans(said, options), days)
        if c.state.appointment is not None and (form := meeting_form(fold(options[taken]))):
            c.state.appointment["forme"] = form
        _close_on(c, options, taken)
        if not of_form and _not_her_day(parts, days, index):
            # Two times of a day she cannot do ("mardi, de 8 h à 12 h ou de 14 h à 18 h ?"
            # to "le samedi matin, c'est tout"): her day is the answer, not a pick (round 46).
            continue
        within = _within_her_times(parts, around, days, options, index, about)
        if within is not None:
            # Both times offered on the one day she can ("samedi, de 8 h à midi ou de 14 h à
            # 18 h ?"): she picks, she does not protest "je ne pose plus un seul jour" as if a
            # weekday had been put to her (round 46, twice). Her times are told all the same,
            # in these words (the slot she can do is then agreed when put to her).
            parts[:] = [p for p in parts if p is not within]  # (parts compare by priority)
            said = _say(c, options, taken, lead="choice_within_her_times")
            c.state.fact_lines[within.subject] = said
        else:
            said = _say(c, options, taken, any(p.kind == ReplyKind.FACT
                                               and p.answers in (None, index) for p in parts))
        # (Only a choice of form alone: "mardi à 15 h dans votre boutique, ou jeudi à 9 h 30
        # en visio ?" is a slot too, which the meeting's answer already takes.)
        form_only = of_form and not any(re.search(r"\d", option)
                                        or WEEKDAY_NAMED.search(fold(option))
                                        for option in options)
        meeting = next((p for p in parts if p.kind == ReplyKind.APPOINTMENT
                        and p.stance != Stance.NEGATIVE), None) if form_only else None
        if meeting is not None and c.state.appointment is not None and \
                _SLOT_WORDS.search(fold(meeting.text)):
            # Her yes to the slot itself ("D'accord pour ce créneau") stays, the form beside
            # it (round 36 replayed: without it she asked for a brochure and hung up).
            meeting = None
        if meeting is not None:
            # The form chosen, then her free times: one answer to the meeting proposed ("En
            # boutique, plutôt. En général, je suis libre le mardi…"), not a third part the
            # reply plan would leave out; her bare yes to the slot asked again ("Oui.
            # Clair.") is the choice itself (round 53).
            if meeting.text in stock_lines():
                parts[:] = [p for p in parts if p is not meeting]  # (parts compare by priority)
                parts.append(ReplyPart(Priority.ANSWER, said, ReplyKind.CHOICE,
                                       stance=Stance.POSITIVE, answers=index))
            else:
                meeting.text = f"{said} {meeting.text}"
                meeting.answers = index  # (beside the e-mail asked too, round 49 replayed)
            chosen.append(options)
            continue
        # A solution accepted by choosing it is said once, by its name ("Par un appareil neuf,
        # plutôt."), not beside "Super, on fait comme ça !".
        agreed = next((p for p in parts if p.kind == ReplyKind.SOLUTION
                       and p.stance == Stance.POSITIVE), None)
        if agreed is not None and not chosen:
            agreed.text = said
            agreed.answers = index
        else:
            # Taking an option is wanting it: no "ça ne m'apporte rien" after it.
            parts.append(ReplyPart(Priority.ANSWER, said, ReplyKind.CHOICE,
                                   stance=Stance.POSITIVE, answers=index))
        chosen.append(options)
        if len(chosen) == _CHOICES_PER_TURN:
            return


_SIGNING = re.compile(r"\bsign(?:er|ature|ons|ez|e)\b")
# What names a slot in her answer to a meeting ("D'accord pour ce créneau", "Mardi à 15 h").
_SLOT_WORDS = re.compile(r"\b(?:creneau|rendez-vous|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                         r"dimanche|matin|apres-midi)\b|\d")
# Now or later: time asked for at once, or to come back ("deux minutes ou je repasse ?").
_NOW = re.compile(r"\b(?:minutes?|instants?|moment|maintenant|tout de suite)\b")
_LATER = re.compile(r"\b(?:je (?:re)?passe|je (?:vous )?rappelle|je reviens|plus tard|une autre "
                    r"fois|un autre (?:jour|moment)|"
                    # "Vous avez deux minutes, là, ou c'est le rush ?" (round 48)
                    r"c'est le rush|c'est (?:la )?(?:cohue|folie|coup de feu)|vous etes "
                    r"(?:occupee?|deborde\w*|en plein rush)|(?:ce n'est|c'est) pas le moment)\b")
# How many choices one reply makes.
_CHOICES_PER_TURN = 2


def _same_choice(chosen: list[tuple[str, str]], options: tuple[str, str]) -> bool:
    """Whether these options were already chosen between in this turn (said twice)."""
    words = set(content_words(" ".join(options)))
    return any(len(words & set(content_words(" ".join(pair)))) * 2 >= len(words)
               for pair in chosen)


def _spans(text: str, options: tuple[str, str]) -> tuple[str, str]:
    """Each option with the words the student said after it, up to the next one ("un autre
    modèle 8 kilos équivalent, même prix, en express sous 48 heures" for the option "un autre
    modèle 8"): what she weighs is all that was said of it."""
    folded = fold(text)
    first, second = (folded.find(fold(option)) for option in options)
    if first < 0 or second <= first:
        return options
    # The first from where its clause starts: "…: recevoir au plus vite une machine neuve en
    # échange, ou plutôt être remboursée ?" said "au plus vite" of the exchange (round 40).
    start = max(text.rfind(mark, 0, first) for mark in ":?.!") + 1
    return text[start:second], text[second:]


def _choose(c: Customer, options: tuple[str, str],
            spans: tuple[str, str] | None = None, days: set[str] | None = None) -> int:
    """The option her own earlier words lean to ("je suis à Fives le vendredi" takes "à la
    boutique de Fives"), else one drawn once; the same one if she is asked again."""
    folded = [fold(option) for option in options]
    key = " | ".join(sorted(folded))
    if key in c.state.choices:  # what she chose is one of the very options of the key
        return folded.index(c.state.choices[key])
    if (again := _chosen_before(c, folded)) is not None:
        return again
    said = set(content_words(" ".join([*c.state.fact_lines.values(), *c.state.last_lines])))
    leaning = [len(_option_words(option) & said) for option in options]
    # Between two priced versions, the one she can accept: a blind play heard the director
    # choose the version below what he had just said empties the project.
    fits = [_acceptable(c, _price(option)) for option in options]
    if fits[0] != fits[1] and None not in fits:
        leaning = [int(bool(fit)) for fit in fits]
    # Between two hours, the one in her free times: "jeudi, 10 h ou 14 h ?" got "Plutôt le
    # matin", then her own "Ce créneau-là ne va pas" to Thursday 10 h (round 55).
    free = [_in_her_times(c, option, days or set()) for option in options]
    if free[0] != free[1] and None not in free:
        leaning = [int(bool(fit)) for fit in free]
    # Between the fast way and the slow one, the fast: "l'express avec la photo, ou le
    # remplacement standard sous cinq jours ?" got the five days from a mother without a
    # washing machine (blind play), her own words having named the five days.
    # (What was said of each option counts: "un autre modèle 8 kilos…, en express sous
    # 48 heures", cut at its first words, lost its "express" and she took the technician
    # after saying "si c'est en express, je préfère", blind play.)
    said_of = [fold(span) for span in spans or options]
    fast = [bool(_FAST.search(option)) and not _SLOW.search(option) for option in said_of]
    if fast[0] != fast[1]:
        leaning = [int(quick) for quick in fast]
    # Her yes given, between signing now and meeting again, signing: "Oui, c'est entendu : je
    # signe. Je dirais qu'on se revoie mardi à 10 heures." took it back (round 51 replay).
    signing = [bool(_SIGNING.search(option)) for option in said_of]
    if c.state.happened(Event.ACCORD) and signing[0] != signing[1]:
        leaning = [int(sign) for sign in signing]
    if day_parts_differ(options):
        # Her own times decide between two parts of a day, not a word said in passing nor a
        # "vite" after the second option: the mother free only on Saturday mornings took
        # "l'après-midi" (round 55 replayed).
        free = set(content_words(" ".join(
            line for fact in c.scenario.facts if "jour" in fact.values
            and fact.known_by in (None, c.state.speaker) for line in fact.answers)))
        times = [len(_option_words(option) & free) for option in options]
        if times[0] != times[1]:
            leaning = times
    if leaning[0] == leaning[1]:
        # What she knows and has not said yet leans too: the mother who can only do Saturday
        # morning takes the morning before she has said why.
        known = set(content_words(" ".join(
            line for fact in c.scenario.facts if fact.known_by in (None, c.state.speaker)
            for line in fact.answers)))
        leaning = [len(_option_words(option) & known) for option in options]
    taken = leaning.index(max(leaning)) if leaning[0] != leaning[1] else \
        c.voice.rng.randrange(2)
    c.state.choices[key] = folded[taken]
    return taken


def _in_her_times(c: Customer, option: str, days: set[str]) -> bool | None:
    """Whether the hour an option names falls in her free times (on the days the turn names,
    else on any); None when the scenario has no meetings or the option names no hour."""
    meeting = c.scenario.appointment
    hour = next((e.value["heure"] for e in extract(option)
                 if e.type == "date" and "heure" in e.value), None)
    if hour is None and (bare := _BARE_HOUR.search(fold(option))) and int(bare.group(1)) <= 23:
        hour = f"{int(bare.group(1)):02d}:{bare.group(2) or '00'}"
    if meeting is None or hour is None:
        return None
    return any(minutes(slot.start) <= minutes(hour) < minutes(slot.end)
               for slot in meeting.free_slots if not days or slot.day in days)


# "10 h", "14 h 30", "9h": an hour said alone, which the entity layer may read as a duration.
_BARE_HOUR = re.compile(r"\b(\d{1,2}) ?h(?:eures?)? ?(\d{2})?\b")


def _option_words(option: str) -> set[str]:
    """An option's words, with the part of the day its hours fall in: "le créneau de 8 h à
    12 h" is the morning for the mother who can only do Saturday morning (blind play:
    "Uniquement le samedi matin. Donc l'après-midi.")."""
    part = day_part(option)
    return set(content_words(f"{option} {part or ''}"))


def _with_form(text: str, options: tuple[str, str]) -> tuple[str, str]:
    """The options of a meeting's form when the student named the first form in passing:
    "qu'il passe à la boutique du Vieux-Lille mardi à 14 h 30, ou qu'on le fasse en visio ?"
    offers the boutique or the visio, not "à 14 h 30" (a blind play heard "Noté.")."""
    forms = [meeting_form(fold(option)) for option in options]
    if forms[0] is not None or forms[1] is None:
        return options
    words = text.split(" ou ")[0].split()
    at = next((i for i, word in enumerate(words)
               if (form := meeting_form(fold(word))) is not None and form != forms[1]), None)
    if at is None:
        return options
    start = at
    while start > 0 and fold(words[start - 1]) in _FORM_LEAD:
        start -= 1
    end = at + 1
    while end < len(words) and end - at < 3 and not WEEKDAY_NAMED.search(fold(words[end])) \
            and not words[end][:1].isdigit() and words[end - 1][-1:] not in ",;:":
        end += 1
    return " ".join(words[start:end]).rstrip(",;:"), options[1]


_FORM_LEAD = {"a", "au", "en", "la", "le", "l'", "chez", "dans", "vos", "votre", "par"}


def _chosen_before(c: Customer, folded: list[str]) -> int | None:
    """The option she took when the same two were offered in other words ("un bon d'achat de
    30 euros sur le site ou une extension d'un an ?", then "le bon d'achat ou l'année de
    garantie en plus ?"): a blind play heard her take the voucher, then the warranty."""
    words = [set(content_words(option)) for option in folded]
    for chosen in c.state.choices.values():
        mine = set(content_words(chosen))
        near = [len(w & mine) / max(1, min(len(w), len(mine))) for w in words]
        best = near.index(max(near))
        if near[best] >= _SAME_OPTION and near[1 - best] < _SAME_OPTION:
            return best
    return None


_LEAD_WORDS = {"à", "a", "au", "aux", "en", "le", "la", "les", "l'", "un", "une", "des", "du",
               "par", "sur", "chez", "avec", "dans", "plutôt", "plutot"}
_HOURS_TAIL = re.compile(r"\s+(?:de|entre|des|dès)\s+\d.*$")
# Share of its words an option must have in common with one she chose to be that one.
_SAME_OPTION = 0.5


_SIGNING = re.compile(r"\bsign\w*")
_FAST = re.compile(r"\b(?:express|rapide|vite|48 ?h|48 heures|24 ?h|demain|tout de suite|"
                   r"des aujourd'hui|immediat\w*)\b")
_SLOW = re.compile(r"\b(?:standard|normal|(?:cinq|5|dix|10|quinze|15) jours|semaines?)\b")


def _close_on(c: Customer, options: tuple[str, str], taken: int) -> None:
    """Choosing between two priced versions ("la version à 1 775 € ou celle à 1 975 € ?",
    the alternative close of DOMAIN.md) is agreeing to the one she takes, if she can."""
    prices = [_price(option) for option in options]
    price = prices[taken]
    if None in prices or price is None or c.state.happened(Event.ACCORD) or \
            not _acceptable(c, price):
        return
    c.state.price_offered = price
    if accepts_deal(c)[0]:
        c.state.record(Event.ACCORD)
        c.state.price_agreed = price


def _price(option: str) -> float | None:
    """The amount an option names ("celle à 1 975 € avec la radio", "deux mille euros")."""
    entity = next((e for e in extract(option) if e.type == "montant"), None)
    return float(entity.value["montant"]) if entity is not None else None


def _acceptable(c: Customer, price: float | None) -> bool | None:
    """Whether a price is one she may agree to (not under the floor, not over the ceiling she
    told); None when there is no price or no negotiation."""
    deal = c.scenario.negotiation
    if deal is None or price is None:
        return None
    ceiling = stated_budget_max(c) or deal.customer_budget
    return (deal.floor_price is None or price >= deal.floor_price) and \
        (ceiling is None or price <= ceiling)


def _weekdays_named(sentences: list[SentenceUnderstanding]) -> set[str]:
    return {e.value.get("jour") for sentence in sentences for e in sentence.entities
            if e.type == "date"} & set(WEEKDAYS)


def _not_her_day(parts: list[ReplyPart], days: set[str], index: int) -> bool:
    """Whether a fact of hers in the reply names a weekday other than the `days` offered."""
    return bool(days) and any(
        p.kind == ReplyKind.FACT and p.answers in (None, index - 1, index)
        and any(day in fold(p.text) for day in WEEKDAYS)
        and not any(day in fold(p.text) for day in days) for p in parts)


def _within_her_times(parts: list[ReplyPart], sentences: list[SentenceUnderstanding],
                      days: set[str], options: tuple[str, str], index: int,
                      about: set[str]) -> ReplyPart | None:
    """The fact of hers the choice would be answered with, when both options fall on the one
    weekday that fact names (among the `days` said in the choice or the sentence before it):
    two times of that day, only one of which she can do."""
    if not days or not day_parts_differ(options):
        return None
    about = about | {hit.id for sentence in sentences for hit in sentence.topics}
    # (The day of the options, not today's: "Nous sommes jeudi : je peux vous proposer
    # samedi, de 8 h à midi ou de 14 h à 18 h.")
    for part in parts:
        named = {day for day in days if day in fold(part.text)}
        if part.kind == ReplyKind.FACT and part.answers in (None, index - 1, index) and \
                part.subject in about and len(named) == 1 and not any(
                    day in fold(option) for option in options for day in WEEKDAYS
                    if day not in named):
            return part
    return None


def _say(c: Customer, options: tuple[str, str], taken: int, after_fact: bool = False,
         lead: str | None = None) -> str:
    """Her choice in words; after a fact of hers that settles it, as its consequence ("Plutôt
    le matin, je pense" after "Uniquement le samedi matin" hedged what she had just said
    firmly, blind plays)."""
    lead = lead or ("choice_after_fact" if after_fact else "choice")
    # "le matin de 8 h à 12" (an option cut at its length) is "le matin": the hours are the
    # student's to say back.
    option = _in_her_words(_HOURS_TAIL.sub("", options[taken]) or options[taken])
    if day_parts_differ(options) and (part := day_part(options[taken])) is not None:
        # ("Alors le créneau.", "8 h à 12 h, donc.": the part of the day is what she chose.)
        option = "le matin" if part == "matin" else "l’après-midi"
    if _words(options[taken]) & _SPEAKER_WORDS or _words(option) & _LEFT_OVER or \
            _DANGLING.search(fold(option)):
        return c.bank(f"{lead}_first" if taken == 0 else f"{lead}_second")
    # ("À la boutique ou en visio ?" said back as "Plutôt À la boutique", blind play.)
    first = option.split()[0]
    # (Not a name: "Laquelle, Wazemmes ou le Vieux-Lille ?" got "Donc wazemmes.", round 41.)
    named = first[:1].isupper() and first.lower() not in _LEAD_WORDS and \
        fold(first) not in WEEKDAYS and len(option.split()) == 1
    option = option[0].lower() + option[1:] if not named and (
        option[1:2].islower() or first.lower() in _LEAD_WORDS) else option
    return c.bank(lead, **option_values(option))


def _words(text: str) -> set[str]:
    return set(fold(text).replace("'", " ").split())


# "que nous vous remboursions" said back by her: "qu'on me rembourse".
_WE_DO = re.compile(r"(?i)^(?:que nous|qu'on)\s+(?:(vous|v')\s*)?(\w+?)(?:ions|ons)?\b")
_YOURS = {"votre": "notre", "vos": "nos", "Votre": "Notre", "Vos": "Nos"}


def _in_her_words(option: str) -> str:
    """The student's option as the customer says it: the student's "nous… vous" become
    her "on… me", "vos collaborateurs" hers. What cannot be turned keeps its speaker words
    (she then names the option by its rank)."""
    match = _WE_DO.match(option)
    if match:
        stem = match.group(2)
        if option[match.end(2):match.end()]:  # "-ions": the subjunctive of her "on"
            stem += stem[-1] + "e" if stem.endswith(("el", "et")) else "e"  # rappelle
        verb = stem
        me = ("m’" if verb[:1].lower() in "aeiouéèêh" else "me ") if match.group(1) else ""
        option = f"qu’on {me}{verb}{option[match.end():]}"
    return " ".join(_YOURS.get(word, word) for word in option.split())
