"""Appointments, call-backs and documentation: the customer accepts only a day and an hour
within her free slots, says when she is free otherwise, and notes a call-back or a promised
brochure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.vocabulary import Act, Event, SpeakerRole

from ..entities import WEEKDAYS, Entity, extract
from ..questions import is_question
from ..replies import continued, line_sentences
from ..text import fold
from . import facts, people
from .reply import FREE_TIMES, Priority, ReplyKind, ReplyPart, Stance
from .requests import Request, asks

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

_DOC = re.compile(r"\b(documentation|brochure|plaquette|doc|catalogue)\b")
_NO_DOC = re.compile(r"\b(?:et pas|mais pas|plutot qu'|au lieu d')\s*(?:une|de|la|d')?\s*"
                     r"(?:doc|documentation|brochure|plaquette|catalogue)\b")
_SEND = re.compile(r"\b(envoi|envoie|envoyer|envoyons|transmet|transmettre|mail|e-mail|"
                   r"courriel)\b")
# The terms sent in writing: then "Mettez-moi tout ça par écrit" asks for what was just
# promised (blind reviewers, four times in one round).
_IN_WRITING = re.compile(r"\b(par ecrit|par (?:e-?)?mail|par courriel|recap\w*|je vous (?:envoie|"
                         r"transmets|fais parvenir|mets) (?:\w+ ){0,3}(?:proposition|contrat|"
                         r"devis|offre|tout|recap\w*|ecrit|confirmation|mail))")
# ("Je vous appelle lundi à 10 heures, cela vous convient ?" got "Je n'ai pas l'information
# sous la main", blind play: with a date, calling her is a call-back.)
# (Not "vous auriez dû être rappelée": a call-back that did not happen.)
_CALLBACK = re.compile(r"(?<!en )(?<!qui le )(?<!qui la )(?<!qui les )"
                       r"\b(rappel|rappelle|rappeler|rappellerai|recontacte)(?!ee?s?\b)\w*"
                       # (not a reminder: "en rappelant ce numéro", "je vous rappelle que…",
                       # "je vous rappelle votre numéro de dossier" set no call, blind play;
                       # nor "un e-mail de confirmation qui le rappelle", round 52: "Oui,
                       # rappelez-moi, on en reparlera" to a choice of delivery slots)
                       r"\b(?! qu| (?:le|ce|votre|la|les|vos|l') ?(?:numero|reference|"
                       r"dossier|code|mail|e-mail|adresse|montant|prix|conditions?)\b)"
                       r"|\bje vous (?:appelle|appellerai|telephone|telephonerai|passe un coup "
                       r"de fil)\b"
                       # (not the reason for this call: "je vous appelle simplement pour vous
                       # proposer une démonstration" got "Ça marche, j'attends votre appel")
                       r"(?! (?:simplement |juste |aujourd'hui |donc )?(?:pour|parce|au sujet|"
                       r"concernant|a propos|car|de la part)\b)|\bon s'appelle\b")
# A date for something other than meeting her: the delivery, the installation, a file to
# hand in. Blind plays heard "Non, ce créneau-là je suis pris" to "je vous fais le dossier
# pour jeudi" and "À quelle heure ?" to an installation date.
_OTHER_ERRAND = re.compile(r"\b(install\w*|livr\w*|formation|dossier|contrat|envoi\w*|"
                           r"demarrage|mise en service|ateliers?|evenement|"
                           # A report handed in ("je vous fais un bilan chiffré le lundi
                           # d'après") is no meeting in her diary (blind play: "Non, ce
                           # créneau-là je suis pris… et cette semaine").
                           r"bilan|compte rendu|rapport|"
                           # Someone told by mail ("je préviens le siège par mail le vendredi
                           # 4 avril, c'est bon pour vous ?"): "Plutôt le matin ou
                           # l'après-midi ?" to it, round 40.
                           # (Not "donnez-moi votre mail": asking her address is no errand.)
                           r"previen\w*|prevenir|inform(?:er|e|erai|erons|era|ez)|"
                           r"envoy\w*|par (?:e-)?mail|par courriel|"
                           r"week-end)\b")
# Coming to her premises: both a meeting and the form "visite" of one.
_ON_SITE = (r"passer|sur place|chez vous|dans vos locaux|ici|au cabinet|a votre cabinet|"
            r"au bureau|a votre bureau|a la boutique|en boutique|au magasin")
# ("Pouvons-nous nous revoir mardi à 10 heures pour finaliser ?" is a meeting: read as the
# written offer's deadline before it, a blind play's follow-up meeting was no meeting.)
# (Nor "on se refait un point mardi prochain", round 37: "Oui, ça concorde avec mes notes".)
_SEE_AGAIN = (r"(?:nous|se|vous|on) (?:revoir|retrouver)|on se (?:revoit|retrouve)|"
              r"nous (?:reverr|retrouver)\w*|(?:re)?f(?:ai|er)\w* un (?:petit |nouveau )?point")
# ("…que Thomas vous le montre en 30 minutes : mardi à 15 h ou jeudi à 10 h ?" is the demo,
# not a date for the week-ends the turn spoke of: a blind play heard "Plutôt le dimanche".)
_MEETING_WORDS = (r"rendez-vous|rdv|rencontr\w*|voir|vois|presenter|presente|"
                  r"(?:vous )?(?:le |la |les |l')?montr(?:e|er)|"
                  rf"{_SEE_AGAIN}|"
                  r"demo\w*|entretien|reunion|visio\w*|creneau|disponible|dispo|"
                  r"signer|signature|vos locaux|passer")
_MEETING = re.compile(rf"\b({_MEETING_WORDS}|{_ON_SITE})\b")
# Without the places, which a question about her business names as well ("le matin ou le
# midi, y a beaucoup de queue chez vous ?" got her free slots, blind play).
_MEETING_ASKED = re.compile(rf"\b({_MEETING_WORDS})\b")
# A visit or a delivery set for a day ("on peut livrer samedi", "le technicien passe jeudi").
_VISIT = re.compile(r"\b(?:livr\w*|intervention|intervenir|technicien|install\w*|rappel\w*|"
                    r"appel\w*|enlevement|reprise|depose\w*|venir|vienne|viendra)\b")
# A day in a case told as an example: "une panne signalée le jeudi à 10 heures, c'est un
# technicien sur place le jeudi à 14 heures".
_EXAMPLE = re.compile(r"\b(?:par exemple|imaginons|mettons|admettons|prenons|une panne|si "
                      r"(?:une|la|votre) (?:machine|panne|copieur)|quand (?:une|la) (?:machine|"
                      r"panne))\b")
# Words that put a day to her as an offer, even without a meeting's words ("je vous propose
# mardi", "mardi vous arrange ?").
_OFFER_WORDS = re.compile(r"\b(propos\w*|convien\w*|arrange\w*|libre|ok pour|d'accord pour)\b")
# "Je vois." acknowledges; it does not offer to meet.
_I_SEE = re.compile(r"\b(je|on) (vois|voit)\b")
FORMS = {"visio": re.compile(r"\b(visio\w*|teams|zoom|en ligne|a distance)\b"),
          "visite": re.compile(rf"\b(visite|boutique|magasin|{_ON_SITE})\b"),
          "téléphone": re.compile(r"\b(telephone|appel)\b")}


# Words that set a date for her ("je vous propose l'installation mardi", "on peut livrer
# jeudi"), as against an example that names a day ("une panne le jeudi matin est réglée le
# jeudi après-midi" got "Le jeudi, plutôt.", blind play).
_SETS_A_DATE = re.compile(r"\b(?:propos\w*|on (?:peut|pourrait)|je (?:peux|pourrais|vous mets"
                          r"|bloque|note|planifie|cale|fixe|prevois)|nous (?:pouvons|pourrions)"
                          r"|prevoir|planifier|caler|fixer|bloquer|reserver|ca vous (?:va|irait)"
                          r"|vous (?:convient|conviendrait|arrange))\b")


def _days_only_in_examples(u: Understanding) -> bool:
    """Whether every sentence that names a weekday tells it in an example, not as a
    question."""
    dated = [sentence for sentence in u.sentences if any(
        e.type == "date" and e.value.get("jour") in WEEKDAYS for e in sentence.entities)]
    return bool(dated) and all(_EXAMPLE.search(fold(sentence.text))
                               and not is_question(sentence.text) for sentence in dated)


def _offers_a_day(u: Understanding) -> bool:
    """Whether a sentence that names a weekday asks about it or sets it (not an example: "une
    panne le jeudi matin est réglée le jeudi après-midi. … Qu'en dites-vous ?")."""
    return any((is_question(sentence.text) or _SETS_A_DATE.search(fold(sentence.text)))
               and any(e.type == "date" and e.value.get("jour") in WEEKDAYS
                       for e in sentence.entities) for sentence in u.sentences)


# Her line asking for a slot, or naming the ones she can do.
_ASKS_SLOT = re.compile(r"\b(?:a quelle heure|quel jour|quel creneau|quand (?:ca|cela) vous"
                        r"|regardez le|plutot le (?:lundi|mardi|mercredi|jeudi|vendredi|samedi)"
                        r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi) entre)\b")


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    state = c.state
    folded = u.folded
    dates = proposed_times(u)
    if _IN_WRITING.search(folded):  # promised, or offered ("vous voulez un récap écrit ?")
        state.in_writing = True
    now_or_later = any(asks(Request.TIME, fold(sentence.text)) and _CALLBACK.search(
        fold(sentence.text)) for sentence in u.sentences)
    if now_or_later and state.patience >= c.rules.callback_rather_patience:
        # "Vous m'accordez deux minutes, ou préférez-vous que je vous rappelle à 15 heures ?":
        # unless pressed for time, she takes the two minutes; "Deux minutes. Allez-y.
        # D'accord, rappelez-moi à ce moment-là." took both (round 41).
        dates = []
    if _CALLBACK.search(folded) and dates:
        if state.record(Event.RAPPEL_FIXE):
            # After her yes, a call to follow up is taken as such: "Oui, rappelez-moi, on en
            # reparlera" put off a deal just signed (blind play).
            key = "confirm_ok" if state.happened(Event.ACCORD) else "callback_ok"
            parts.append(ReplyPart(Priority.ANSWER, c.bank(key), ReplyKind.CALLBACK,
                                   stance=Stance.POSITIVE))
        elif u.is_question:
            # The hour of a callback already agreed, asked to be sure ("à quelle heure
            # exactement ? Je rappelle genre à 15 h, ça va ?"), is confirmed (round 44).
            parts.append(ReplyPart(Priority.ANSWER, c.bank("confirm_ok"), ReplyKind.CALLBACK,
                                   stance=Stance.POSITIVE))
        return
    # (Not "pour vous envoyer quelque chose d'utile et pas une doc générique": "Pourquoi pas.
    # Mais je ne promets rien." to a question on his customers, blind play.)
    if _DOC.search(folded) and _SEND.search(folded) and not _NO_DOC.search(folded) and \
            state.record(Event.DOCUMENTATION_PROMISE):
        parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("documentation_ok"),
                               ReplyKind.DOCUMENTATION, stance=Stance.POSITIVE))
    appointment = c.scenario.appointment
    proposing = u.acts & {Act.PROPOSITION_RDV, Act.QUESTION_ALTERNATIVE,
                          Act.DEMANDE_ENGAGEMENT}
    if proposing == {Act.QUESTION_ALTERNATIVE} and not any(u.options):
        proposing = set()  # days as examples ("comme le midi ou le dimanche matin"), no choice
    if u.is_question and any(value.get("jour") in WEEKDAYS and value.get("heure")
                             for value in dates):
        # A day and an hour asked is a slot offered, whatever the act read ("Ok super, donc
        # mardi prochain, euh, 10 heures ici au cabinet ?" after she chose Tuesday got "Je
        # confirme, c'est correct" and no meeting, blind play).
        proposing |= {Act.PROPOSITION_RDV}
    if proposing and Act.PROPOSITION_RDV not in u.acts and _days_only_in_examples(u):
        # A request to sign beside a day given as an example ("une panne signalée le jeudi à
        # 10 h, c'est un technicien sur place le jeudi à 14 h. … êtes-vous prêt à valider ?")
        # offers no meeting: "Jeudi à 14 h : très bien, ça me convient" to it (round 46).
        proposing = set()
    if any(value.get("jour") in WEEKDAYS for value in dates) and asks(Request.CONSENT, folded) \
            and (_MEETING.search(_I_SEE.sub("", folded)) or _VISIT.search(folded)):
        # "…livrer ce samedi, 8 h-12 h. Cela vous convient ?"; not "on fait un apéro pour
        # l'équipe le dimanche soir, ça vous va ?" ("Non, ce créneau-là je suis pris", round 37).
        proposing |= {Act.PROPOSITION_RDV}
    if any(value.get("jour") in WEEKDAYS and value.get("heure") for value in dates) and \
            _ASKS_SLOT.search(fold(c.last_reply)):
        # A day and an hour said right after she asked for one or named her free slots ("Alors
        # jeudi à 14 heures, ici au cabinet." after "le jeudi entre 14 h et 15 h 30"): the
        # slot taken, whatever the act read (blind play: "C'est noté" and no meeting).
        proposing |= {Act.PROPOSITION_RDV}
    if not u.is_question and not any(value.get("heure") for value in dates) and \
            not _MEETING.search(_I_SEE.sub("", folded)) and not _OFFER_WORDS.search(folded):
        # A day said in passing, with nothing of a meeting: "je pense qu'on peut l'avoir pour
        # le samedi, gratuitement" (a TV host for the event's Saturday) got "Non, ce
        # créneau-là je suis pris" and his free slots (round 40).
        proposing = set()
    if Act.PROPOSITION_RDV not in u.acts and \
            not _MEETING_ASKED.search(_I_SEE.sub("", folded)) and \
            any(part.kind == ReplyKind.FACT for part in parts):
        # A question about her business that names days ("aux heures de pointe, le midi ou
        # le dimanche matin, qu'est-ce qui se passe ?") is answered with the fact, not taken
        # for a meeting offer ("Non, ce jour-là, je ne peux pas", blind play).
        proposing = set()
    # A recap that names the slot she agreed to ("…on vous livre samedi matin, dossier
    # SAV-204817. Vous avez d'autres questions ?") asks nothing of her diary: "Entendu, va pour
    # ce créneau" again answered the wrong question (blind play).
    # (Or the morning she chose: "Le matin, donc.")
    agreed_before = Act.RECAPITULATIF in u.acts and (
        any(line in c.voice.used for line in c.stock("slot_ok"))
        or any(day_part(chosen) for chosen in c.state.choices.values()))
    # (Two times of that day offered, "de 8 h à midi ou de 14 h à 18 h ?", are hers to choose
    # between, choices.py: "Entendu, va pour ce créneau" took neither, round 46.)
    if appointment is None and dates and proposing and _meets_her_day(c, dates) and \
            not _choice_of_what(u) and not agreed_before and not any(
                options is not None and day_parts_differ(options) for options in u.options):
        # The day she said she can do ("uniquement le samedi matin"), offered for a delivery
        # or a visit: she agrees (a blind play heard "Je vous le répète : uniquement le
        # samedi matin" to "samedi 8 h-12 h, ça va ?").
        # (In her words for a slot: "Bien noté, merci" is the adviser's, blind reviewers.)
        parts.append(ReplyPart(Priority.ANSWER, c.bank("slot_ok"), ReplyKind.CHOICE,
                               stance=Stance.POSITIVE))
        return
    if appointment is None and dates and (proposing or Act.RECAPITULATIF in u.acts) and \
            not _choice_of_what(u) and not agreed_before and _outside_her_days(c, u, parts):
        return
    if appointment is None or not dates:
        return
    if _confirms(c, u, dates, proposing, parts):
        return  # checked first: "mardi 15 h… je vous envoie la confirmation" is the meeting
    if (slot := _misremembered(c, u, dates)) is not None:
        # "C'est noté : lundi 14 h 30" when they agreed on Tuesday 15 h: she corrects it
        # (a blind play heard "Bon, d'accord. Envoyez-moi la confirmation" to it).
        # (First: a wrong date is what she reacts to before anything else in the turn.)
        parts.append(ReplyPart(Priority.INTERRUPTION, c.bank("slot_misremembered", slot=slot),
                               ReplyKind.APPOINTMENT))
        return
    if other_errand(u, signs_alone(c)):
        # Two dates put to her beside the request to sign ("…signer aujourd'hui. Mardi 14 ou
        # jeudi 16 : quelle date vous arrange ?") still want her choice (blind play: signed,
        # no date, twice).
        either = len(dates) >= 2 and bool(_EITHER.search(u.folded)) and u.is_question
        if proposing and (Act.DEMANDE_ENGAGEMENT not in u.acts or either) and \
                _offers_a_day(u) and any(value.get("jour") in WEEKDAYS for value in dates) \
                and not _choice_beyond_days(u):
            # Her diary is not at stake: she takes note of the date, or of one of the dates
            # offered (a single one beside a request to commit is answered by the deal).
            # (After her answer on the deal: "Bien, je signe. Le mardi, plutôt.")
            deal = Act.DEMANDE_ENGAGEMENT in u.acts or _SIGNING.search(folded)
            if deal and c.state.objections_pending and not c.state.happened(Event.ACCORD):
                # A day to sign is a yes to the deal: not chosen while her doubt stands
                # ("Encore une fois, 250 € chez Copitec…", then "Je dirais le lundi." to "on
                # fixe la signature lundi ou mardi ?", round 43); closing says what holds.
                return
            # (It answers its own sentence: beside her yes to do something, "Je m'en occupe
            # tout de suite", the day is still said, round 43.)
            asked = next((i for i, sentence in reversed(list(enumerate(u.sentences)))
                          if "?" in sentence.text and any(
                              e.type == "date" for e in sentence.entities)), None)
            parts.append(ReplyPart(Priority.FOLLOW_UP if deal else Priority.ANSWER,
                                   _errand_date(c, dates, u),
                                   ReplyKind.CHOICE, stance=Stance.POSITIVE, answers=asked))
        return
    if c.speaker.role == SpeakerRole.BARRAGE:
        # A gatekeeper books nothing in her manager's diary (a call-back, at most).
        if proposing:
            people.defer(c, parts)
        return
    # (Today is never one of her free times: the person called is at work, and "il peut
    # venir aujourd'hui à midi pile, pendant votre rush" got "Mettez-moi tout ça dans un
    # mail", then "Là, je ne saurais pas vous dire", round 40.)
    # (With its hour only: "aujourd'hui, vous payez 240 €" says now, not a day offered.)
    if not proposing or not any(value.get("jour") in WEEKDAYS or (
            value.get("jour") == _TODAY and value.get("heure")) for value in dates):
        return
    timed = {value.get("jour") for value in dates if value.get("heure")}
    for value in dates:
        day, hour = value.get("jour"), value.get("heure")
        if day not in WEEKDAYS or (hour is None and day in timed):
            continue  # "le mercredi 12 mars… d'accord pour mercredi 14 h ?" gives the hour
        slots = [s for s in appointment.free_slots if s.day == day]
        if slots and hour is None:
            parts.append(ReplyPart(Priority.ANSWER, c.bank("ask_time"), ReplyKind.APPOINTMENT))
            return
        fits = [s for s in slots if hour is not None and s.start <= hour and
                minutes(hour) + appointment.duration_min <= minutes(s.end)]
        if fits:
            state.appointment = {"jour": day, "heure": hour or "",
                                 "forme": meeting_form(folded) or ""}
            state.record(Event.RDV_FIXE)
            if Act.RECAPITULATIF in u.acts:
                state.record(Event.RDV_CONFIRME)
            ok = c.bank("slot_ok")
            if len(dates) > 1:  # which of the times she takes
                ok = continued(f"{day.capitalize()} à {spoken(hour or '')} :", ok, c.names)
            parts.append(ReplyPart(Priority.ANSWER, ok, ReplyKind.APPOINTMENT,
                                   stance=Stance.POSITIVE))
            return
    hint = " ou ".join(f"le {s.day} entre {spoken(s.start)} et {spoken(s.end)}"
                       for s in appointment.free_slots[:3])
    # A scenario's refusal that names another day ("Jeudi, impossible : réunion à Angers")
    # would answer a day nobody proposed.
    # Only the dates the turn puts to her: "18 % de leurs ventes du dimanche… Thomas vient
    # vous montrer" offers no Sunday, and got "Le week-end ? Vous plaisantez" (blind play).
    offered = [value for sentence in u.sentences
               if Act.PROPOSITION_RDV in sentence.act_ids
               or _SETS_A_DATE.search(fold(sentence.text))
               for value in (e.value for e in sentence.entities if e.type == "date")]
    days = {value.get("jour") for value in offered} - {None}
    hours = [value["heure"] for value in offered if value.get("heure")]
    weekend = bool(days & {"samedi", "dimanche"})
    morning = any(minutes(hour) < minutes("12:00") for hour in hours)
    lines = [line for line in appointment.slot_taken_lines
             if not any(re.search(rf"\b{day}\b", fold(line)) for day in WEEKDAYS
                        if day not in days)
             and (weekend or "week-end" not in fold(line))  # "Le week-end ? Vous plaisantez"
             and (morning or not re.search(r"\bmatin\b", fold(line)))
             and (days or hours or not _THAT_TIME.search(fold(line)))]
    if days or hours:
        hint = c.bank("slot_hint", slots=hint)
    else:
        # Nothing put to her, nothing to prefer hers to: "Ça m'arrangerait mieux le mardi…"
        # or "Essayez plutôt…" compared with a slot nobody offered (round 47).
        plain = [line for line in c.stock("slot_hint") if not _COMPARED.search(fold(line))]
        hint = c.voice.pick(plain).format(slots=hint) if plain else \
            c.bank("slot_hint", slots=hint)
    if not days and not hours:
        # Nothing was put to her: her free times are the answer to a meeting offered, with no
        # refusal of a day; to a day named in passing, nothing ("…même le dimanche. C'est vous
        # qui faites le pain ?" got "Le matin ? Impossible…", blind play).
        if _MEETING.search(_I_SEE.sub("", u.folded)):
            parts.append(ReplyPart(Priority.ANSWER, hint, ReplyKind.APPOINTMENT,
                                   subject=FREE_TIMES))
        return
    taken = c.lines_or_bank(lines, "slot_taken")
    parts.append(ReplyPart(Priority.ANSWER, f"{taken} {hint}",
                           ReplyKind.APPOINTMENT, FREE_TIMES, stance=Stance.NEGATIVE))


_TODAY = "aujourd'hui"
# A refusal that points at the day or hour offered ("ce jour-là", "à cette heure-là").
_THAT_TIME = re.compile(r"\b(?:ce jour-la|cette heure-la|a cette heure|ce creneau)\b")


_NOTING = re.compile(r"^\W*(?:(?:parfait|tres bien|super|ok|d'accord|merci)\W+)*(?:c'est note|je "
                     r"(?:note|vous confirme|recapitule)|donc|on se dit|on a dit)\b")


def _misremembered(c: Customer, u: Understanding, dates: list[dict[str, str]]) -> str | None:
    """The agreed slot, when the student sums the meeting up on another day and hour; None
    otherwise (a new slot offered is a proposal, read below)."""
    agreed = c.state.appointment
    if agreed is None or c.speaker.role == SpeakerRole.BARRAGE or not agreed.get("heure"):
        return None
    if not (Act.RECAPITULATIF in u.acts or any(_NOTING.search(fold(s.text))
                                               for s in u.sentences)):
        return None
    slots = {(d.get("jour"), d.get("heure")) for d in dates
             if d.get("jour") in WEEKDAYS and d.get("heure")}
    offered = u.is_question and bool(_SETS_A_DATE.search(u.folded))  # a new slot proposed
    if len(slots) != 1 or offered or other_errand(u, signs_alone(c)):
        return None
    (day, hour), = slots
    if (day, hour) == (agreed["jour"], agreed["heure"]):
        return None
    return _slot_words(agreed["jour"], agreed["heure"])


def _choice_of_what(u: Understanding) -> bool:
    """Whether the turn offers a choice of what is done, only one option being dated ("le
    technicien qui change la porte, ou l'autre modèle livré samedi matin ?"): hers to make
    (choices.py), not a day to agree to."""
    return any(options is not None and (not all(_DATED.search(fold(o)) for o in options)
                                        or day_parts_differ(options))
               for options in u.options)


def day_part(option: str) -> str | None:
    """The part of the day an option's hours fall in: "le créneau de 8 h à 12 h" is the
    morning, "celui de 14 h à 18 h" the afternoon."""
    folded = fold(option)
    if _AFTERNOON_WORD.search(folded):
        return "après-midi"
    if _MORNING_WORD.search(folded):
        return "matin"
    # The entity layer tells a time of day from a delay ("sous 48 h" is no afternoon: a blind
    # play's recap after the express option lost its agreed slot); a bare "8 h ou 14 h ?" it
    # reads as durations, hence the clock-hour fallback.
    clock = next((e.value["debut"] if e.type == "plage_horaire" else e.value["heure"]
                  for e in extract(option)
                  if e.type == "plage_horaire" or (e.type == "date" and "heure" in e.value)),
                 None)
    if clock is not None:
        hour = int(clock[:2])
    else:
        bare = next((m for m in _HOUR.finditer(folded) if int(m.group(1)) <= 23
                     and not _DELAY_BEFORE.search(folded[:m.start()])), None)
        if bare is None:
            return None
        hour = int(bare.group(1))
    return "matin" if hour < 12 else "après-midi"


def day_parts_differ(options: tuple[str, str]) -> bool:
    """Two times of one day put to her ("8 h-12 h ou 14 h-18 h ?"): a choice she makes, not
    a day she agrees to ("Uniquement le samedi matin… Très bien, ça me convient" chose
    nothing, blind play)."""
    parts = [day_part(option) for option in options]
    days = [set(WEEKDAY_NAMED.findall(fold(option))) for option in options]
    # ("mardi 10 h ou jeudi 14 h ?" is a choice of days: appointments.)
    return None not in parts and parts[0] != parts[1] and \
        (not days[0] or not days[1] or days[0] == days[1])


_HOUR = re.compile(r"\b(\d{1,2}) ?h(?:eures?)?\b")
_DELAY_BEFORE = re.compile(r"\b(?:sous|en|dans|d'ici|pendant|delai de) $")
# A weekday named in a folded text (choices.py reads options with it too).
WEEKDAY_NAMED = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b")
_MORNING_WORD = re.compile(r"\bmatin(?:ee)?\b")
_AFTERNOON_WORD = re.compile(r"\b(?:apres-midi|apres midi|aprem)\b")


def _meets_her_day(c: Customer, dates: list[dict[str, str]]) -> bool:
    """Whether a date offered falls on the day a fact she told names (its value `jour`)."""
    days = {str(c.facts[f].values["jour"]) for f in c.state.facts_revealed
            if "jour" in c.facts[f].values}
    return any(value.get("jour") in days for value in dates)


def _timed(entities: list[Entity]) -> bool:
    """Whether a sentence gives a time of day with its day: an hour, a range, "matin"."""
    return any(e.type == "plage_horaire" or (e.type == "date" and (
        "heure" in e.value or e.value.get("precision") in ("matin", "après-midi", "soir")))
        for e in entities)


def _outside_her_days(c: Customer, u: Understanding, parts: list[ReplyPart]) -> bool:
    """Days offered for a delivery or a visit that are not the one she can do (a fact whose
    value `jour` names it): she says when she can, not which of them she picks ("lundi de 8 h
    à 12 h ou mardi de 14 h à 18 h ?" got "Je dirais à 12 h", blind play)."""
    # The days of the options put to her, not "nos livraisons se font du lundi au samedi :"
    # before them.
    # (Or a slot said back: "Je note donc le créneau du lundi matin, entre 8 h et 12 h, c'est
    # bien cela ?" got "Exactement, vous résumez bien", blind play; a slot has its time of
    # day, "livrée lundi" none.)
    options = [option for pair in u.options if pair for option in pair]
    days = {day for option in options for day in WEEKDAY_NAMED.findall(fold(option))} if \
        options else {e.value.get("jour") for sentence in u.sentences
                      if "?" in sentence.text and _timed(sentence.entities)
                      for e in sentence.entities if e.type == "date"} & set(WEEKDAYS)
    fact = next((f for f in c.scenario.facts if "jour" in f.values), None)
    if not days or fact is None or str(fact.values["jour"]) in days or \
            any(p.subject == fact.id for p in parts):
        return False
    if fact.id not in c.state.facts_revealed:
        facts.reveal(c, fact, parts)
        for part in parts:
            if part.subject == fact.id:
                # Her day, said against the one offered, is a no: not followed by her yes to
                # it ("Le samedi matin, c'est tout. Ah bon ? Très bien, je note." to a Sunday
                # delivery, round 42).
                part.stance = Stance.NEGATIVE
        return True
    said = c.state.fact_lines[fact.id]
    parts.append(ReplyPart(Priority.ANSWER, continued(c.bank("repeat_prefix"),
                                                      line_sentences(said)[0], c.names),
                           ReplyKind.FACT, fact.id, stance=Stance.NEGATIVE))
    return True


_COMPARED = re.compile(r"\b(?:plutot|mieux|plus facile)\b")


def _choice_beyond_days(u: Understanding) -> bool:
    """Whether the turn offers a choice one option of which is no day ("une installation en
    début de semaine ou plutôt un vendredi ?"): hers to make (choices.py), not a date to note
    ("Exactement ce que j'avais noté" chose nothing, round 47)."""
    return any(options is not None and "?" in sentence.text
               and not all(WEEKDAY_NAMED.search(fold(option)) for option in options)
               for sentence, options in zip(u.sentences, u.options, strict=True))


def _errand_date(c: Customer, dates: list[dict[str, str]], u: Understanding) -> str:
    """"C'est noté." to one date, or to days that all go together ("le samedi et le
    dimanche": "Le samedi, plutôt." chose where nobody offered a choice, blind play); to
    "mardi 9 h ou mercredi 14 h ?" the first one that suits her ("Exactement ce que j'avais
    noté" chose nothing, in a blind play)."""
    # The days put to her as the choice, not a day the turn spoke of before it ("18 % de ses
    # ventes du dimanche… plutôt mardi à 15 h ou jeudi à 14 h 30 ?" got "Le dimanche,
    # plutôt", blind play).
    # (Nor a deadline asked in another question: "…retourné signé au plus tard vendredi ? Et
    # pour l'installation, mardi 14 ou jeudi 16 ?" got "Le vendredi, plutôt", blind play.)
    choosing = [sentence for sentence in u.sentences if "?" in sentence.text
                and _EITHER.search(fold(sentence.text))
                and sum(e.type == "date" for e in sentence.entities) >= 2]
    asked = [e.value for sentence in (choosing or u.sentences) if "?" in sentence.text
             for e in sentence.entities if e.type == "date"]
    # (Within the sentence too, the days of the options: "Si vous signez d'ici vendredi, je
    # peux bloquer une installation le mardi ou le mercredi…" got "Je dirais le vendredi",
    # round 55.)
    offered = [e.value for options in u.options if options for option in options
               for e in extract(option) if e.type == "date"
               and e.value.get("jour") in WEEKDAYS]
    if len(offered) >= 2:
        asked = offered
    days = [value for value in (asked if len(asked) >= 2 else dates)
            if value.get("jour") in WEEKDAYS]
    if len(days) < 2 or not _EITHER.search(u.folded):
        return c.bank("confirm_ok")
    taken = days[0]
    return c.bank("choice", **option_values(_slot_words(taken["jour"], taken.get("heure"))))


_EITHER = re.compile(r"\bou\b|\bsoit\b|\blequel\b|\blaquelle\b|\bplutot\b")


def _slot_words(day: str, hour: str | None) -> str:
    """A slot as she names it: "le jeudi à 14 h"."""
    return f"le {day}" + (f" à {spoken(hour)}" if hour else "")


def option_values(option: str) -> dict[str, str]:
    """The values of the `choice` lines: the option as said, and capitalised to open one."""
    return {"option": option, "Option": option[0].upper() + option[1:]}


def _confirms(c: Customer, u: Understanding, dates: list[dict[str, str]], proposing: set[Act],
              parts: list[ReplyPart]) -> bool:
    """A recap or a proposal naming the day (and hour) already agreed confirms it, whatever
    else the turn dates (a blind play lost its success to "mardi 15 h à la boutique… que je
    vous envoie la confirmation", read as a dispatch date)."""
    state = c.state
    if state.appointment is None or c.speaker.role == SpeakerRole.BARRAGE or not (
            proposing or Act.RECAPITULATIF in u.acts):
        return False
    for value in dates:
        day, hour = value.get("jour"), value.get("heure")
        if day == state.appointment["jour"] and hour in (None, state.appointment["heure"]):
            if form := meeting_form(u.folded):
                state.appointment["forme"] = form
            # Checked again ("Thomas vient mardi 15 h, c'est bon ?" once it was confirmed),
            # she says yes again: a blind play heard "Non. Le problème reste le même."
            state.record(Event.RDV_CONFIRME)
            ok = c.bank("confirm_ok")
            if len({(d.get("jour"), d.get("heure")) for d in dates}) > 1:
                # "mardi 10 h ou jeudi 14 h, lequel je note ?": she names hers ("Oui, ça
                # concorde avec mes notes" chose nothing, blind play).
                # Each way of naming it once: asked again, she confirms.
                template = c.unsaid("choice")
                if template is not None:
                    ok = template.format(
                        **option_values(_slot_words(day, state.appointment["heure"])))
            parts.append(ReplyPart(Priority.ANSWER, ok, ReplyKind.APPOINTMENT,
                                   stance=Stance.POSITIVE))
            return True
    return False


def meeting_form(folded: str) -> str | None:
    """How they will meet, when the text says it ("en visio", "à la boutique")."""
    return next((name for name, pattern in FORMS.items() if pattern.search(folded)), None)


def signs_alone(c: Customer) -> bool:
    """Whether she may sign herself: agreed, or a price on the table within her delegation."""
    deal, price = c.scenario.negotiation, c.state.price_offered
    return c.state.happened(Event.ACCORD) or (
        deal is not None and deal.authority_limit is not None and price is not None
        and price <= deal.authority_limit)


def other_errand(u: Understanding, signing: bool = False) -> bool:
    """Whether the turn's dates are for something other than meeting her (a delivery, an
    installation, a file to hand in, a deadline). Read clause by clause first: "je peux vous
    proposer l'installation le mardi à 9 h… laissez-moi vous présenter l'offre" dates the
    installation, and "signer d'ici vendredi" is a deadline, not a meeting (a blind play
    heard a meeting with the partner booked for an installation slot). Signing beside an
    installation dates the installation; `signing` alone too, when she may sign on her own
    (a time to sign within her delegation is no meeting with her partner: "Non, à ce
    moment-là M. Lefèvre est en rendez-vous client", blind plays, two rounds)."""
    # "le créneau d'installation" is the installation's, not a meeting's; "je vous présente le
    # bilan le 8 avril" is a report handed in, not a meeting ("En général, je suis libre le
    # mardi…" to it, round 38).
    folded = _REPORT_PRESENTED.sub("bilan", _ERRAND_SLOT.sub("", u.folded))
    clauses = _CLAUSE.split(folded)
    meeting = errand = False
    for index, clause in enumerate(clauses):
        if not _DATED.search(clause):
            continue
        # (Past a filler: "on se refait un point, euh, mardi prochain ça vous irait ?")
        before = next((said for said in reversed(clauses[:index]) if len(said.split()) > 1),
                      "")
        # A clause with only the date ("…, mardi 9 h ou mercredi 14 h ?") takes the words
        # of the clause before it ("quel créneau d'installation je bloque").
        if not (_MEETING.search(clause) or _OTHER_ERRAND.search(clause)
                or _DEADLINE.search(clause)):
            clause = before
        meeting |= bool(_MEETING.search(_unsigned(clause, signing))) and \
            not _DEADLINE.search(clause)
        errand |= bool(_OTHER_ERRAND.search(clause) or _DEADLINE.search(clause)
                       or (signing and _SIGNING.search(clause)))
    if meeting or errand:
        return errand and not meeting
    return bool(_OTHER_ERRAND.search(folded) or (signing and _SIGNING.search(folded))) \
        and not _MEETING.search(_unsigned(folded, signing))


def _unsigned(text: str, signing: bool) -> str:
    """The words that may make a meeting, signing left out when it is no meeting (with "le
    créneau" of it: "quel créneau pour la signature : jeudi 9 h ou vendredi 14 h ?")."""
    if signing and _SIGNING.search(text):
        # ("nous revoir jeudi à 10 h pour signer" within her delegation: a time to sign.)
        return _SIGNING.sub(" ", _SLOT_WORD.sub(" ", re.sub(_SEE_AGAIN, " ", text)))
    return _SIGNING.sub(" ", text) if _OTHER_ERRAND.search(text) else text


_REPORT_PRESENTED = re.compile(r"\b(?:present\w*|montr\w*) (?:le |un |mon |notre |les |nos )?"
                               r"(?:bilan|compte rendu|rapport|resultats?)\b")
_SLOT_WORD = re.compile(r"\b(?:creneau|rendez-vous|rdv|moment)\b")


_SIGNING = re.compile(r"\b(?:signer|signature|signez|signe|parapher)\b")


_ERRAND_SLOT = re.compile(r"\b(creneau|rendez-vous|rdv|date|jour)s? (de |d')(?=install|livr|"
                          r"formation)")
_CLAUSE = re.compile(r"[,;:.!?]|\bou\b")
_DATED = re.compile(rf"\b({'|'.join(WEEKDAYS)}|demain|\d{{1,2}} ?h(?:eures?)?)\b")
_DEADLINE = re.compile(rf"\b(d'ici|avant|au plus tard|jusqu'a)( le| la)? ({'|'.join(WEEKDAYS)}|"
                       r"demain|fin)\b")


def _any_such_day(sentence: str, entity: Entity) -> bool:
    """Whether a weekday is said of any such day, never offered: "une panne d'un jeudi réglée
    le jeudi même" got "Possible. Vous pensiez à quelle heure ?" (round 55)."""
    before = fold(sentence[:entity.start])
    after = fold(sentence[entity.start + len(entity.text):])
    return bool(_ANY_DAY_BEFORE.search(before) or _SAME_DAY_AFTER.match(after))


_ANY_DAY_BEFORE = re.compile(r"(?:\b(?:un|d'un|chaque|tous les)|\bn'importe quel)\s*$")
_SAME_DAY_AFTER = re.compile(r"\s*meme\b")
# Hours a "9 heures" beside a day can mean as a time of day, not a duration.
OPENING_HOURS = (7, 20)


def proposed_times(u: Understanding) -> list[dict[str, str]]:
    """The dates of the turn, with a day and its hour said apart put back together:
    "vendredi 14 à 9 h" comes out as a day and an hour, "9 heures, vendredi" as a duration
    and a day; in a meeting proposal both mean Friday at nine. Each hour goes with the day
    said before it ("vendredi 28 à 10 h ou jeudi 27 à 14 h": a blind play heard "Et
    l'heure ?" twice), and "jeudi 10 h ou 14 h" offers Thursday at either hour (a blind play
    heard "ce créneau-là ne va pas" and then Thursday 14 h offered back)."""
    dated = [(dict(e.value), e.start) for sentence in u.sentences for e in sentence.entities
             if e.type == "date" and not _any_such_day(sentence.text, e)]
    if not any(value.get("heure") and not value.get("jour") for value, _ in dated):
        dated += [({"heure": f"{int(e.value['valeur']):02d}:00"}, e.start) for e in u.entities
                  if e.type == "duree" and e.value.get("unite") == "heure"
                  and float(e.value.get("valeur", 0)).is_integer()
                  and OPENING_HOURS[0] <= e.value.get("valeur", 0) <= OPENING_HOURS[1]]
        dated.sort(key=lambda item: item[1])
    either = bool(_EITHER_HOUR.search(u.folded))
    dates: list[dict[str, str]] = []
    day: dict[str, str] | None = None
    for value, _ in dated:
        if value.get("jour") in WEEKDAYS:
            day = value
            dates.append(value)
        elif value.get("heure") and not value.get("jour") and day is not None:
            if not day.get("heure"):
                day["heure"] = value["heure"]
            elif either:
                dates.append({**day, "heure": value["heure"]})
            # (Else a later hour of the same day is not when it starts: "vendredi, à 9 h :
            # installation le matin, et formation à 14 h" is Friday at nine.)
        else:
            dates.append(value)
    bare = [d for d in dates if d.get("jour") in WEEKDAYS and not d.get("heure")]
    loose = [d for d in dates if d.get("heure") and not d.get("jour")]
    if len(bare) == 1 and loose:  # the hour said first: "9 heures, vendredi"
        bare[0]["heure"] = loose[0]["heure"]
        dates = [d for d in dates if d is not loose[0]]
    hours = {d["heure"] for d in dates if d.get("heure")}
    if bare and len(hours) == 1 and len(loose) <= 1 and _EITHER_DAY.search(u.folded):
        # One hour for two days: "mardi ou jeudi à 14 h 30", "14 h 30 : plutôt mardi ou
        # jeudi ?" offer both days at 14 h 30 (a blind play heard "Et l'heure ?").
        hour = hours.pop()
        for value in bare:
            value["heure"] = hour
        dates = [d for d in dates if d.get("jour")]
    return dates


_EITHER_DAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}) ou (?:le )?(?:{'|'.join(WEEKDAYS)})\b")


# "… 10 h ou 14 h", "… à 10 h ou à 14 h": two hours offered for one day.
_EITHER_HOUR = re.compile(r"\d ?h(?:\d\d| \d\d)?,? ou (?:a |plutot )?\d")


def spoken(clock: str) -> str:
    """"14:00" → "14 h", "08:30" → "8 h 30", as a French speaker says it."""
    if ":" not in clock:
        return clock
    hours, mins = clock.split(":")
    return f"{int(hours)} h" + (f" {mins}" if mins != "00" else "")


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)
