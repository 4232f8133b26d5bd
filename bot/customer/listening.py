"""How the customer takes signs of listening: reformulation, empathy, control questions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from scenarios.vocabulary import Act, Event, Kind

from ..questions import checks_fit, is_question
from ..text import fold, join_thousands
from ..topics import content_words
from .reply import Priority, ReplyKind, ReplyPart, Stance
from .requests import Request, asks

if TYPE_CHECKING:
    from ..understand import SentenceUnderstanding, Understanding
    from .core import Customer


# The student's own lateness (a complaint's "retard" is the delivery's, and is hers).
_LATE = re.compile(r"\b(?:(?:pour|de|du) (?:mon|ce|le|notre) retard|je suis en retard|"
                   r"excusez(?:-moi)? (?:mon|du) retard|j'arrive en retard|les bouchons|"
                   r"des bouchons|(?:desole|pardon|excus\w*)[^.?!]{0,30}\bminutes? de retard)\b")
# Sorry for his own conduct ("désolé pour les blagues hein", round 46: "D'accord. Merci de le
# relever." thanked him as if he had noticed her trouble).
_OWN_FAULT = re.compile(r"\b(?:desole|pardon|excus\w*)\b[^.?!]{0,25}\b(?:les |mes |la |ma |cette "
                        r")?(?:blagues?|plaisanteries?|ton|familiarite|remarques?|propos|"
                        r"maladroit|emballe|emporte|enerve)\b")


# The words of empathy or apology a thank-you answers.
_CARING = re.compile(
    r"\b(?:je (?:vous |te )?comprends|je comprends (?:bien|tout a fait|parfaitement)|"
    r"comprehensible|desole\w*|navre\w*|excus\w*|pardon|regrett\w*|j'entends|"
    r"vous avez (?:bien )?raison|je (?:me mets|me mettrais) a votre place|"
    r"(?:c'est|ca a du etre|ca doit etre) (?:vraiment |tres |tellement )?(?:penible|"
    r"desagreable|embetant|frustrant|stressant|difficile|agacant|enervant|inadmissible|"
    r"inacceptable|normal)|je suis (?:vraiment |sincerement )?(?:desole|navre)|"
    r"merci (?:de|pour) votre (?:patience|confiance|temps|accueil))\b")


_OR = re.compile(r"\bou\b(?! (?:pas|non|quoi|bien)\b)")


def _puts_a_choice(u: Understanding) -> bool:
    """Whether a question of the turn offers her a choice between two things, and no other
    question checks the restatement ("…C'est bien cela ? Et pour la décision, c'est vous qui
    validez, ou faut-il l'accord de M. Lefèvre ?" checks the recap, then asks the choice: her
    yes went missing, round 48)."""
    choosing = [sentence.is_question and (Act.QUESTION_ALTERNATIVE in sentence.act_ids
                                          or _OR.search(fold(sentence.text)) is not None)
                for sentence in u.sentences]
    checked_apart = any(not chooses and sentence.is_question
                        and asks(Request.CHECK, fold(sentence.text))
                        for sentence, chooses in zip(u.sentences, choosing, strict=True))
    return any(choosing) and not checked_apart


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# How close an address read back must be to hers to be hers misheard, not another one (the
# firm's own "sav@electromaison.fr" is not her "sophie.garnier@orange.fr").
_SAME_ADDRESS = 70


def _address_corrected(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """Her e-mail address read back wrong is put right ("…sur k.benali@boulangeries-benali.fr"
    got "Noté", round 45)."""
    said = {address.lower() for address in _ADDRESS.findall(u.text)}
    if not said:
        return
    for fact_id in c.state.facts_revealed:
        fact = c.facts.get(fact_id)
        own = sorted({a.lower() for line in (fact.answers if fact else [])
                      for a in _ADDRESS.findall(line)})
        if own and not said & set(own) and any(
                fuzz.ratio(address, own[0]) >= _SAME_ADDRESS for address in said):
            parts.append(ReplyPart(Priority.ANSWER, c.bank("email_corrected", email=own[0]),
                                   ReplyKind.FACT, fact_id))
            return


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    state, rules, acts = c.state, c.rules, u.acts
    _address_corrected(c, u, parts)
    complaint = c.scenario.kind == Kind.RECLAMATION
    choice = _puts_a_choice(u)
    checked = False
    if Act.REFORMULATION in acts and (state.facts_revealed or complaint) and \
            restates_her_words(c, u):
        c.move(mood=rules.reformulation_mood, patience=rules.reformulation_patience)
        # Said before another question ("…Nous disons donc mardi 10 h ou jeudi 14 h, lequel je
        # note ?"), the restatement is not what she answers: "Oui, ça concorde avec mes notes"
        # chose no day (blind play).
        # Nor when another sentence asks something, before or after ("Par contre c'est quoi
        # le pire pour vous ? Et vous êtes sur quel logiciel de compta." got "Oui, votre
        # synthèse est juste", and "Quelle synthèse ? Je vous demandais ce qui vous embête"
        # got "C'est bien ce que j'ai dit", blind play).
        other_question = any(_asks_other(sentence) for sentence in u.sentences)
        # Her yes goes to the restating sentences themselves: "Avant de détailler le projet,
        # j'aimerais bien comprendre vos attentes." before two questions that named her fair
        # got "Oui, c'est bien ça" from the questions' words (round 40).
        restating = " ".join(s.text for s in u.sentences if Act.REFORMULATION in s.act_ids)
        if choice:
            # A choice put to her ("…c'est l'écart avec vos 240 € qui vous gêne, ou le budget
            # global ?", "juste une rayure ou vraiment le hublot est cassé ?") is not answered
            # by a yes: "Oui, c'est ça." / "Tout à fait." chose nothing (round 45, three
            # replies).
            pass
        elif other_question and _answered_beside(parts) and \
                restates_her_words(c, u, restating):
            # …unless that other question has its answer too: then she confirms, and answers
            # ("Oui, c'est ça. La couleur, c'est à peu près 30 %."), each in its turn; a plain
            # yes ("Voilà. Rien à ajouter." before what she adds contradicted it).
            parts.append(ReplyPart(Priority.ANSWER, c.bank("check_yes"),
                                   ReplyKind.REFORMULATION, stance=Stance.POSITIVE,
                                   answers=_checking_sentence(u)))
            checked = True
        elif not other_question:
            parts.append(ReplyPart(Priority.ECHO, c.bank("reformulation_ok"),
                                   ReplyKind.REFORMULATION, stance=Stance.POSITIVE))
            # "Si je résume : … C'est bien cela ?" checks the summary: her "c'est bien ça"
            # answers it ("Exactement ce que j'avais noté" beside it was one answer too many).
            checked = True
    if any(sentence.is_question and asks(Request.ANYTHING_ELSE, fold(sentence.text))
           for sentence in u.sentences[-1:]):
        # "Est-ce que je peux faire autre chose pour vous ?", "Vous avez d'autres
        # questions ?" end the call's business: "Oui, c'est bien ça" and "Bon… merci de le
        # reconnaître" answered them as a check and an apology (blind play). (A complaint's
        # recap that ends on it may be answered with the solution agreed: complaint.py; else
        # her "non, rien d'autre" comes when nothing else is said.)
        if not (complaint and Act.RECAPITULATIF in acts):
            parts.append(ReplyPart(Priority.ANSWER, c.bank("nothing_else"), ReplyKind.CONTROL,
                                   stance=Stance.POSITIVE))
        return
    check = next((i for i, sentence in enumerate(u.sentences) if sentence.is_question
                  and asks(Request.CHECK, fold(sentence.text))), None)
    if not checked and not (Act.QUESTION_CONTROLE in acts and state.arguments_heard) and \
            check is not None and not choice:
        # Her file checked beside an apology ("Il s'agit bien de la commande EM-458921,
        # livrée lundi ?"): she says yes; "Bon, c'est déjà mieux" to the apology alone left it
        # unanswered (round 37).
        # (Beside another answer, a plain yes: "Exactement, vous résumez bien" to "il s'agit
        # bien de la commande EM-458921 ?" praised a summary nobody made.)
        beside = _answered_beside(parts)
        parts.append(ReplyPart(Priority.ANSWER, c.bank("check_yes" if beside
                                                       else "reformulation_ok"),
                               ReplyKind.REFORMULATION, stance=Stance.POSITIVE,
                               answers=check if beside else None))
        checked = True
    if acts & {Act.EMPATHIE, Act.EXCUSE}:
        gain = rules.empathy_mood_complaint if complaint else rules.empathy_mood
        c.move(mood=gain)
        key = "empathy_still_angry" if state.mood < rules.still_angry_mood else "empathy_ok"
        if not complaint and _LATE.search(u.folded):
            # Sorry for being late is not sorry for her trouble: "D'accord. Merci de le
            # relever." answered "désolée pour le retard, y avait des bouchons" (blind play).
            key = "late_ack"
        elif _OWN_FAULT.search(u.folded):
            key = "own_fault_ack"
        # Thanked only for words of empathy or apology: a jibe read as empathy ("la compta,
        # ça doit pas être marrant tous les jours", Copitec's worn-out copiers) got "J'apprécie
        # cette attention" and "D'accord. Merci de le relever" (round 41, four replies off).
        if key != "empathy_ok" or _CARING.search(u.folded):
            parts.append(ReplyPart(Priority.ECHO, c.bank(key), ReplyKind.EMPATHY,
                                   stance=Stance.NEGATIVE if key == "empathy_still_angry"
                                   else Stance.POSITIVE))
    # (Asked what she thinks of it however the question was read: "Vu sous cet angle, qu'en
    # dites-vous ?" after a cost comparison got "je ne saurais pas vous dire", round 43.)
    # (A plan with its figures asks it too: "…Total : exactement 3 000 €. Qu'en pensez-vous ?"
    # got only "Comment allez-vous mesurer le résultat ?", round 43.)
    opinion = asks_opinion(u.folded)
    if (Act.QUESTION_CONTROLE in acts or opinion) and (
            state.arguments_heard or (opinion and state.price_offered is not None)) \
            and not checked:
        key = "control_yes" if state.mood >= rules.control_yes_mood \
            and not state.objections_pending else "control_doubt"
        if key == "control_yes" and _REASSURED.search(u.folded):
            # "Est-ce que cela vous rassure ?" asks whether her worry is met: "Exactement ce
            # que j'avais noté" to it answered nothing (blind play).
            key = "reassured"
        elif key == "control_yes" and checks_fit(u.text) and not complaint:
            # Whether the offer meets her needs, even after a recap: "Je confirme, c'est
            # correct" confirmed a summary nobody asked her to check (blind play).
            key = "control_opinion"
        elif key == "control_yes" and (complaint or state.happened(Event.ACCORD)
                                     or Act.RECAPITULATIF in acts):
            # "Ça vous va ?" after a recap, a settled complaint or a deal checks an
            # agreement: "oui, ça me va", not a prospect's "ça m'intéresse".
            key = "confirm_ok"
        elif key == "control_yes" and asks_opinion(u.folded):
            # "Qu'en pensez-vous ?" asks what she thinks: "Après réflexion, oui." answered a
            # yes-or-no nobody asked (blind play).
            key = "control_opinion"
        stance = Stance.NEGATIVE if key == "control_doubt" else Stance.POSITIVE
        # Her view, asked outright, answers its sentence: said even beside a new doubt.
        asked = next((i for i, sentence in enumerate(u.sentences)
                      if asks_opinion(fold(sentence.text))), None) if opinion else None
        parts.append(ReplyPart(Priority.REACTION, c.bank(key), ReplyKind.CONTROL, stance=stance,
                               answers=asked))


def _answered_beside(parts: list[ReplyPart]) -> bool:
    """Whether a question of the turn already has its own answer in the reply."""
    return any(p.answers_a_question for p in parts)


def _checking_sentence(u: Understanding) -> int:
    """The sentence that asks her to confirm a restatement: the question that asks nothing
    else ("…, c'est bien ça ?"), else the restatement itself."""
    return next((i for i, sentence in enumerate(u.sentences)
                 if sentence.is_question and not _asks_other(sentence)),
                next((i for i, sentence in enumerate(u.sentences)
                      if Act.REFORMULATION in sentence.act_ids), 0))


def _asks_other(sentence: SentenceUnderstanding) -> bool:
    """Whether a sentence asks her something other than to confirm a restatement."""
    if not (sentence.is_question or is_question(sentence.text)):
        return False
    acts = sentence.act_ids
    if asks_opinion(fold(sentence.text)):
        return True  # "Qu'en pensez-vous jusque-là ?" after a plan: "Exact." (round 36)
    if Act.QUESTION_CONTROLE in acts:
        return False
    # "Si je comprends bien, vous imprimez 12 000 pages ?" checks the restatement itself;
    # "je vous demandais ce qui vous embête" restates nothing of hers and asks.
    return Act.REFORMULATION not in acts or bool(
        acts & {Act.QUESTION_OUVERTE, Act.QUESTION_ALTERNATIVE}) or not sentence.text.rstrip(
        ).endswith("?")


_REASSURED = re.compile(r"\b(?:ca|cela) vous rassure|\bvous etes rassure")
_OPINION = re.compile(r"\b(?:qu'en pensez|qu'en dites|vous en pensez quoi|qu'est-ce que vous en "
                      r"(?:pensez|dites)|comment (?:vous )?(?:voyez|trouvez)|ca vous inspire"
                      r"|votre avis)\b")


def asks_opinion(folded: str) -> bool:
    """Whether the turn asks what she thinks ("qu'en pensez-vous ?"), not a yes or no."""
    return bool(_OPINION.search(folded))


# Content words a restatement must share with what she said ("si je comprends bien, vos
# machines tombent en panne" shares "machine", "panne").
_RESTATED_WORDS = 2


def restates_her_words(c: Customer, u: Understanding, restating: str = "") -> bool:
    """Whether the turn gives back something she said: a reformulation with no word nor
    figure of hers ("si je comprends bien, vous êtes intéressée ?") restates nothing, and
    "Exact, rien à corriger" to it rang false in blind plays."""
    said = " ".join([*c.state.fact_lines.values(), *c.state.last_lines])
    theirs = set(content_words(said))
    shared = theirs & set(content_words(restating or u.text))
    figures = {str(int(f.value)) for f in u.frame.figures}
    digits = join_thousands(said)
    return len(shared) >= _RESTATED_WORDS or any(figure in digits for figure in figures)
