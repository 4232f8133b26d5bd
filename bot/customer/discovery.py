"""Where the customer reveals a hidden fact: only to a question about it, at most a few per
reply, and the same words again if asked twice (never a contradiction); an open question no
fact names gets what matters most to her and is still untold; a question the scenario does
not cover gets a deflection. Needs count as understood once their facts are
out or the student reformulates them."""

from __future__ import annotations

import copy
import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from scenarios.model import Fact, Need, Objection
from scenarios.vocabulary import Act, Channel, Event, Kind, ObjectionCategory

from ..conditions import any_holds
from ..entities import WEEKDAYS
from ..introduction import names_company
from ..questions import (
    PREFERENCE,
    QuestionForm,
    asks_opinion,
    choice_options,
    is_question,
)
from ..replies import continued, line_sentences
from ..text import fold, join_thousands
from ..topics import TopicHit, content_words, discovery_intents
from . import objections, people
from .appointments import meeting_form
from .facts import YES_NO, asks_budget, reveal, untold_budget
from .reply import Priority, ReplyKind, ReplyPart, Stance
from .requests import DOING_FOR_HER, Request, asks, asks_something_else

if TYPE_CHECKING:
    from ..understand import SentenceUnderstanding, Understanding
    from .core import Customer


# Acts of a turn that restates what she said or builds on it (a recap, a proposal): not a
# question about her facts.
_RESTATING = {Act.REFORMULATION, Act.RECAPITULATIF, Act.DEMANDE_ENGAGEMENT, Act.PROPOSITION_RDV,
              Act.PROPOSITION_SOLUTION}
# "À part les pannes, d'autres soucis ?": not the fact named, the next one (a blind play
# heard "Encore une fois, c'est notre gros souci").
_WHAT_ELSE = re.compile(r"\b(a part (?:ca|cela|les?|la|vos|votre)|en dehors d|d'autres? "
                        r"(?:trucs?|soucis?|problemes?|difficultes?|besoins?|points?|choses?|"
                        r"attentes?))\b")


# A question about the student's own affairs ("si je peux déduire mes frais", "pour mes
# impôts"): none of her business to answer here.
_HIS_OWN_AFFAIRS = re.compile(r"\b(?:si je (?:peux|dois|pourrais)|pour (?:mes|ma|mon))\b[^?]{0,40}"
                              r"\b(?:mes|ma|mon) (?:frais|impots|declaration|voiture|appart\w*|"
                              r"loyer perso|vacances|mutuelle|credit|copine|copain)\b")


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    state, rules = c.state, c.rules
    answered = 0
    unanswered_question = False
    off_topic = False  # the question she cannot answer is not about her business
    opinion_asked = False  # "…, on est d'accord ?": her agreement asked, not a fact
    action_asked: int | None = None  # the sentence: "Vous pouvez les envoyer aujourd'hui ?"
    # "Qu'est-ce qui vous gêne ?" right after an objection asks about it, not about a fact.
    # Unless asking about it is what lifts it: then she tells what lies behind it (a blind
    # play heard "Ça, je n'en sais rien" to "Internet, déjà donné ? Il s'est passé quoi ?").
    dug = objections.digging_into(c, u)
    digging = dug is not None and not objections.asking_lifts(c, dug, u)
    # A student who restates the facts (a reformulation, a recap, a request to conclude)
    # is not asking for them again: she does not repeat them back.
    # A proposal built on what she said ("samedi 8 h-12 h, ça va ?" after "uniquement le samedi
    # matin") is not a question about it either.
    restating = bool(u.acts & _RESTATING)
    told: set[str] = set()  # facts said in this reply: never said twice in it
    subjects = {topic.id for topic in c.scenario.topics}
    on_subject = False  # a question on one of her subjects that no fact answers
    also: list[tuple[int | None, TopicHit]] = []  # a second fact a question names beside the first
    repeats: list[ReplyPart] = []
    more_asked: list[ReplyPart] = []  # what she had not said of a told fact, asked on its own
    withheld: list[ReplyPart] = []
    # "…soit un bon d'achat, soit une extension. Que préférez-vous ?" asks her to choose
    # (choices.py), not about her situation.
    # (Not a sentence asking two questions: "De quelle enveloppe disposez-vous, et y a-t-il
    # des contraintes de personnel ou de procédure ?" is no choice, round 45: the budget went
    # unanswered.)
    choosing = [(i > 0 and choice_options(sentence.text) is None and u.options[i] is not None
                 and not (len(sentence.asked) >= 2 and _AND_ASKS.search(fold(sentence.text))))
                or _prefers(sentence, u.options[i], c.facts)
                for i, sentence in enumerate(u.sentences)]
    # A sentence asking two questions is read as two ("quelle part en couleur, et est-ce que
    # vous numérisez ?"): each gets its answer, up to the facts a reply holds.
    questions = [(index, sentence, picks, topics, clause)
                 for index, (sentence, picks) in enumerate(zip(u.sentences, choosing,
                                                               strict=True))
                 for topics, clause in (
                     zip(sentence.asked, sentence.asked_clauses, strict=True) if sentence.asked
                     else [((sentence.topics or _referred_to(u, index))
                            if _about_her(sentence) else [], sentence.text)])]
    if dug is not None and not digging and (behind := _behind(c, dug, u)) is not None:
        # Asked what lies behind a doubt that the asking lifts ("Ah bon, vous avez déjà
        # essayé un truc en ligne ? Ça s'est passé comment ?" after "Internet, on a déjà
        # donné"), she tells that story, not the facts its words happen to name (a blind play
        # heard the tills and the co-manager wife).
        reveal(c, behind, parts, unasked=True)
        told.add(behind.id)
        # (Its own sentence is skipped below; another question of the turn that clearly
        # names a fact still gets its answer: "…c'est trop ? Vous avez combien en fait comme
        # budget ?" lost the budget, round 42; "Ah bon, vous avez déjà essayé un truc en
        # ligne ? Ça s'est passé comment ?" is one question, the story answers it.)
        answered += 1
        # (A question of its own after the one that digs is asked all the same: "Mais c'était
        # quoi qui rapportait rien ? Vous avez déjà un truc pour la fidélité, genre une
        # appli ?" lost his FidCarte once the dig got the story, round 49 replay.)
        questions = [q for q in questions if q[3] and (
            q[3][0].score >= _CLEARLY_ASKED or (
                q[0] > 0 and "?" in q[1].text and not objections.digs(fold(q[1].text), dug, u)
                and "?" in u.sentences[q[0] - 1].text
                and objections.digs(fold(u.sentences[q[0] - 1].text), dug, u)))]
    # One fact per question asked, beyond the usual two when the turn asks more ("combien de
    # pages, quelle part en couleur, et comment vous classez les scans ?" got the volume
    # alone, round 39), up to what one reply can hold.
    asking = len({index for index, sentence, _, _, _ in questions
                  if sentence.discovers and sentence.is_question})
    limit = max(rules.facts_per_reply, min(asking, rules.questions_per_reply))
    rival_asked = _rival_offer_asked(c, u)
    # (Beside another answer, only when the offer is what is asked: "Combien vous payez chez
    # Copitec ?" asks the price, not whether they offered to renew.)
    offer_asked = rival_asked if _OFFER_ASKED.search(u.folded) else None
    for index, sentence, picks, topics, clause in questions:
        # "Vous me donnez votre mail pour l'invitation ?" closes the deal and asks for the
        # address: read as a request to commit, it still asks (blind play: "Entendu. C'est
        # clair." and no address).
        folded = fold(sentence.text)
        # (Only a question has an answer of its own: "si vous signez avant la fin du mois, je
        # peux descendre à 269" names the rent, and its answer is no reply to the turn.)
        slot = index if sentence.is_question else None
        contact = _asks_contact_in(sentence.text)
        if _LOSS.search(fold(clause)) and "?" in sentence.text and not answered:
            # "Ça vous a coûté combien, en temps perdu ?": no figure of hers says it (blind
            # plays heard the colour billed on top, the breakdowns again, the rent).
            parts.append(ReplyPart(Priority.ANSWER, c.bank("loss_not_counted"),
                                   ReplyKind.NOT_COUNTED, answers=slot))
            answered += 1
            continue
        if asks(Request.GO_AHEAD, folded):
            continue  # "Souhaitez-vous que je vous présente le loyer ?": see core
        if asks(Request.ACTION, folded) and "?" in sentence.text:
            action_asked = index
            if not contact:
                # "Pouvez-vous me le retourner signé au plus tard vendredi ?" asks her to do
                # it, not about who signs: "Au-delà, c'est M. Lefèvre qui décide" (blind play).
                continue
        # (Only the question that digs is answered by her explanation: "Mais c'était quoi
        # qui rapportait rien ? Vous avez déjà un truc pour la fidélité ?" asks a fact too.)
        # (Lifted by the same turn, it is answered where it is lifted: "j'ai prévu deux
        # intérimaires… Pourquoi, y a un souci ce week-end-là ?" got her sales target.)
        if (dug is not None and objections.digs(folded, dug, u)) or \
                not (sentence.discovers or contact) or picks or _asks_her(folded):
            continue  # ("vous avez vingt minutes à m'accorder ?" asks for her time: see core;
            # "qu'est-ce qui vous bloque ?" what holds her back: see closing)
        if _AGREE_TAG.search(folded) or (_NON_TAG.search(folded) and not any(
                hit.id in c.facts and hit.score >= _WEAK_FACT for hit in topics)) or (
                # The student's view put to her ("Pour 200 euros de plus que l'an dernier je
                # trouve que ça vaut le coup, non ?" got "Je vous l'ai dit : 2 800 € tout
                # compris", round 45), when it names nothing of hers still untold.
                _VIEW_TAG.search(folded) and not any(
                    hit.id in c.facts and hit.id not in state.facts_revealed
                    and hit.score >= _WEAK_FACT for hit in topics)):
            # "…faut les changer, on est d'accord ?" asks her to agree with an opinion: the
            # "accord" of its words read her signing limit back (blind play).
            opinion_asked = True
            continue
        if _asks_no_fact(c, sentence, folded):
            continue
        pieces = _ASKED_PART.split(clause)
        # (After a statement and a ";", only the question is asked: "J'ai bien noté votre
        # message sur les budgets ; pouvez-vous me dire ce que vous attendez en priorité ?"
        # got the budget cut, round 52.)
        if (not (topics and topics[0].score >= _CLEARLY_ASKED) or len(pieces) > 1) \
                and u.options[index] is None and _intent_asked("attentes", pieces[-1]) \
                and not asks_opinion(clause) and _next_need(c) is not None:
            # "Qu'attendez-vous en priorité de votre futur équipement d'impression ?" asks
            # what matters most (below), not the volume its last words name (round 50). Not
            # a statement before the question ("je viens faire le point sur vos besoins ;
            # nous disposons bien de vingt minutes ?" asks her time, round 49).
            continue
        # What this speaker knows, and what anyone in the room already said (repeated). A
        # gatekeeper who put the call through has left: what only she knew is not her
        # manager's to repeat ("Comme l'a dit Mme Caron, M. Benali ? Il est au fournil").
        facts = [hit for hit in topics if (
                 hit.id in state.facts_revealed
                 and state.fact_speakers.get(hit.id, state.speaker) in state.present) or (
                 hit.id in c.facts and c.facts[hit.id].known_by in (None, state.speaker))]
        if facts and facts[0].id in told:
            continue  # (the other half of "qui décide, et quel budget ?" asks the same fact)
        if not facts and asks_budget(folded) and answered < limit and \
                (budget := untold_budget(c)) is not None and _tellable(c, budget, u):
            # "c'est quoi votre problème alors, c'est combien que vous avez ?" named no topic:
            # her budget all the same (round 36: "Et sinon, pour ce qui nous occupe ?").
            reveal(c, budget, parts, unasked=True, answers=slot)
            told.add(budget.id)
            answered += 1
            continue
        if not facts and asks_budget(folded) and answered < limit and \
                (budget := untold_budget(c)) is not None and \
                (line := c.unsaid("budget_withheld")) is not None:
            # Not yet hers to tell (a student who has not earned it): she says so, in the
            # budget's words; asked twice, a director let it pass twice (round 48).
            parts.append(ReplyPart(Priority.ANSWER, line, ReplyKind.BUDGET_WITHHELD, budget.id,
                                   answers=slot))
            answered += 1
            continue
        lead = topics[0] if topics else None
        if lead is not None and lead.id in subjects and lead.id not in c.facts and (
                # (the second question of a turn, on a subject of hers alone: "…, et qu'est-ce
                # qui vous satisfait ou vous gêne avec vos copieurs ?", blind play)
                (answered and "?" in sentence.text
                 and not any(hit.id in c.facts for hit in topics))
                or (facts and facts[0].id not in state.facts_revealed
                    and facts[0].score < _WEAK_FACT
                    and lead.score - facts[0].score >= _SUBJECT_LEAD)):
            # Asked about a subject of hers the scenario gives no fact of ("comment
            # s'organise l'impression, avec vos deux copieurs ?"), she talks about it as a
            # customer does (below), not about the fact its weaker words name: a blind play
            # heard the price of the Copitec contract.
            on_subject = True
            if any(hit.id in c.objections for hit in topics):
                continue  # "…et avez-vous reçu une proposition de leur part ?": the offer
                # (below, or said already), not the next thing she has to say (round 36:
                # the 48 hours, twice)
            if answered and answered < limit and \
                    (fact := _next_essential(c, u, told)) is not None:
                # With another question answered, this one still gets its answer (blind
                # reviewers marked one of two questions answered, round 22).
                reveal(c, fact, parts, unasked=True, answers=slot)
                told.add(fact.id)
                answered += 1
            continue
        if _WHAT_ELSE.search(folded):  # not what was named: what else
            facts = [hit for hit in facts if hit.id not in state.facts_revealed]
        fresh = [hit for hit in facts if _tellable(c, c.facts[hit.id], u)]
        if fresh and facts[0].id in state.facts_revealed and \
                fresh[0].score < facts[0].score - _FRESH_GAP:
            # What the question names best is told already ("quelle part en couleur ?" once
            # she said 30 %): she says it again, not the weaker fact next to it (the colour
            # billed on top).
            fresh = []
        if fresh and _negotiated(c, topics, fresh[0]):
            # "Et pour le vendeur du rayon végétal, je peux compter sur lui le samedi et le
            # dimanche ?" asks for what is traded (negotiation.py), not the weekend's entries
            # its last words name (blind play).
            continue
        if fresh and answered < limit:
            fact = c.facts[fresh[0].id]
            # (A yes or no only to a yes-or-no question: "c'est quoi qui vous bloque ?" got
            # "Des pannes, oui, régulièrement", blind play.)
            reveal(c, fact, parts, unasked=sentence.form != QuestionForm.FERMEE, answers=slot)
            told.add(fact.id)
            answered += 1
            second = _also_named(c, fresh, folded)
            if second is not None:
                # "La numérisation des pièces et la confidentialité, comment ça se passe ?"
                # asks both (blind reviewers: "answers only confidentiality"); after the
                # other questions of the turn have their answer.
                also.append((slot, second))
        elif facts and facts[0].id in told | set(state.facts_revealed) and restating \
                and not contact and (
                    len(u.sentences) == 1 or sentence.act_ids & _RESTATING):
            # (A question of its own after the recap asks again: "Vous numérisez donc
            # beaucoup. Aujourd'hui, comment ça se passe une fois scanné ?")
            continue
        elif facts and facts[0].id in state.facts_revealed and _led_elsewhere(c, topics,
                                                                                  facts[0]):
            continue  # what it asks is answered elsewhere (a concession, an argument…)
        elif facts and facts[0].id in state.facts_revealed and facts[0].id not in told \
                and answered < limit:
            said = state.fact_lines.get(facts[0].id, "")
            by = state.fact_speakers.get(facts[0].id, state.speaker)
            details = " ".join(state.fact_details.get(facts[0].id, []))
            more = _more_of(c.facts[facts[0].id], f"{said} {details}") \
                if said and by == state.speaker and not _ASKED_AGAIN.search(folded) else ""
            if more and people.spoken_of(more, c.speaker):
                more = ""  # (not himself in the third person: "c'est M. Lefèvre qui décide")
            own = "?" in sentence.text and facts[0].score >= _WEAK_FACT and \
                facts[0].score >= max(hit.score for hit in topics)
            if more:
                # Asked again, she says what she had not said of it ("Aujourd'hui, on scanne
                # vers une adresse mail, on renomme, on classe…" to "comment ça se passe,
                # concrètement ?"), not "Je vous le répète" and the same words: blind
                # reviewers marked each such repeat.
                # (Beside something new it is left out, as a repeat is; unless a question of
                # its own asks it: "la fissure est-elle sur la vitre ou sur le cadre ? Et
                # avez-vous des photos ?" got the photos alone, blind play.)
                part = ReplyPart(Priority.ANSWER, more, ReplyKind.FACT, facts[0].id,
                                 answers=slot)
                (more_asked if own else repeats).append(part)
                answered += 1
            elif said and by != state.speaker and people.named(said, c.speaker):
                # What someone else said of him, he does not quote about himself ("Comme vous
                # l'a dit Mme Martin : … la décision revient à M. Lefèvre", said by M.
                # Lefèvre in a blind play).
                repeats.append(ReplyPart(Priority.ECHO, c.bank("about_me"), ReplyKind.FACT,
                                         facts[0].id, answers=slot))
                answered += 1
            elif said:
                prefix = c.bank("repeat_prefix") if by == state.speaker else c.bank(
                    "repeat_other_prefix", name=c.scenario.speaker(by).short_name)
                repeat = ReplyPart(Priority.ECHO, continued(prefix, _gist(said), c.names),
                                   ReplyKind.FACT, facts[0].id, answers=slot)
                if own and asking > 1:
                    # Asked again beside other questions, it is part of the answer ("Comme je
                    # vous disais, 30 % en couleur."), not a repeat stuck on.
                    more_asked.append(replace(repeat, priority=Priority.ANSWER))
                else:
                    repeats.append(repeat)
                answered += 1
        elif facts and answered < limit and u.is_question:
            # She knows but will not say it yet (its `revele_si` does not hold): she says so
            # instead of letting the question pass as if it had not been asked.
            # (Asked in so many words, in the budget's words; once each.)
            line = c.unsaid("budget_withheld") if asks_budget(folded) and \
                untold_budget(c) is c.facts[facts[0].id] else None
            withheld.append(
                ReplyPart(Priority.ANSWER, line, ReplyKind.BUDGET_WITHHELD, facts[0].id,
                          answers=slot) if line is not None
                else ReplyPart(Priority.ANSWER, c.bank("fact_withheld"),
                               ReplyKind.FACT_WITHHELD, facts[0].id, answers=slot))
            answered += 1
        elif elsewhere := _known_elsewhere(c, topics):
            # Asked what only someone else knows ("il fait une pause quand ?" to the
            # gatekeeper): she says who can tell, rather than letting the question pass.
            if not answered:
                name = c.scenario.speaker(elsewhere).short_name
                parts.append(ReplyPart(Priority.AFTERTHOUGHT, c.bank("other_knows", name=name),
                                       ReplyKind.DEFLECT))
        elif not topics and not asks_something_else(folded):
            unanswered_question = True  # (consent and "autre chose ?": see core)
            # (A favour for the student's own affairs too: "vous pourriez pas me dire si je
            # peux déduire mes frais kilométriques ?" got "Là, il faudrait que je vérifie
            # auprès des collaborateurs", round 41.)
            off_topic = off_topic or Act.HORS_SUJET in sentence.act_ids or \
                _HIS_OWN_AFFAIRS.search(folded) is not None
    for stated in _stated_facts(c, u):
        # The student says her situation as it is ("Copitec, c'est des machines de six ans et
        # le technicien en 48 h."): it is known from then on, and a comparison built on it
        # answers her doubt (read as nothing, it no longer did once such statements stopped
        # being read as questions).
        state.facts_stated.append(stated.id)
    for slot, second in also:
        if offer_asked is not None:
            break  # the offer asked beside it takes the second answer (below)
        # (One over the limit: what the same question names is part of its answer, "12 000
        # pages par mois… La couleur, c'est à peu près 30 %", round 43.)
        if answered <= limit and second.id not in told:
            reveal(c, c.facts[second.id], parts, unasked=True, answers=slot)
            told.add(second.id)
            answered += 1
    parts.extend(more_asked)
    if not told:
        # Beside something new, a fact said again is a reply stuck on ("Copitec intervient
        # sous 48 heures. Comme je vous l'ai expliqué, des pannes, oui…" in a blind play):
        # it is repeated only when it is all she has to answer.
        parts.extend(repeats)
    # "Je ne vais pas vous dire ça tout de suite" after an answer reads as taking the answer
    # back (blind play, right after the breakdowns): said only when it is all. Her budget
    # kept back in its own words cannot be misheard so: "quel budget, et qu'est-ce que vous
    # attendez ?" got the objective and not a word of the budget (round 49).
    parts.extend(p for p in withheld
                 if p.kind == ReplyKind.BUDGET_WITHHELD or not (told or repeats))
    # (Not one about a fact she has told: "comment ça se passe, une fois scanné ?" after the
    # scanning got the breakdowns, in a blind play.)
    # Nor is a question on a subject of hers the scenario gives no fact of ("vous avez deux
    # copieurs, c'est ça ? ils marchent bien ?"): "Je n'ai pas l'information sous la main",
    # about her own copiers, was absurd (blind plays, three rounds).
    # Small talk ("vous avez passé un bon week-end ?") is not about her situation: a blind
    # play heard her sales objective in answer.
    open_question = on_subject or any(s.discovers and not picks and not _asks_her(fold(s.text))
                                      and Act.HORS_SUJET not in s.act_ids
                                      and not (dug and objections.digs(fold(s.text), dug, u))
                                      and (
        (s.form == QuestionForm.OUVERTE and not any(hit.id in c.facts for hit in s.topics))
        or _WHAT_ELSE.search(fold(s.text))
        # ("…et qu'est-ce qui fonctionne ou ne fonctionne pas avec vos deux copieurs ?" is no
        # choice of hers either: "Je n'ai pas l'information sous la main", round 49.)
        # (Its subject may be the sentence before's: "…deux copieurs chez Copitec, c'est ça ?
        # Ils marchent encore bien ?", round 49.)
        or (s.form in (QuestionForm.FERMEE, QuestionForm.ALTERNATIVE) and named
            and (all(hit.id in subjects for hit in named) if s.topics
                 else named[0].id in subjects and not any(hit.id in c.facts for hit in named))
            and not _asks_no_fact(c, s, fold(s.text))))
        for i, (s, picks) in enumerate(zip(u.sentences, choosing, strict=True))
        for named in [s.topics or _referred_to(u, i)])
    asks_contact = _asks_contact(u)
    if not answered and not digging and _asks_priorities(u) and (
            need := _next_need(c, besides_told=bool(_BESIDES.search(u.folded)))):
        # "Pour vous, le plus important, c'est quoi ?": what matters most to her, in the
        # words of her strongest need not yet said, and the fact behind it if untold (blind
        # plays: "Je n'ai pas l'information sous la main", "48 heures de délai…").
        label = need.label[0].lower() + need.label[1:]
        parts.append(ReplyPart(Priority.ANSWER, c.bank("priority_need", need=label),
                               ReplyKind.NEED, need.id))
        state.needs_said.append(need.id)
        fact = next((c.facts[f] for f in need.facts
                     if f in c.facts and _tellable(c, c.facts[f], u)), None)
        if fact is not None:
            reveal(c, fact, parts, unasked=True)
        answered += 1
        unanswered_question = False
    # (Beside another answer too: "qui prendra la décision, et avez-vous reçu une proposition
    # de Copitec ?" got the decider alone, round 36.)
    rival = rival_asked if answered < limit and not digging and (
        not answered or offer_asked is not None) else None
    if rival is not None and (line := _plainly(rival)):
        # "Copitec vous a-t-il fait une proposition de renouvellement ?": the offer she has in
        # hand, said as it is (blind plays, three rounds: "je ne saurais pas vous dire"). It
        # is raised: the student now has it to answer.
        state.objections_raised.append(rival.id)
        state.objection_raised_at[rival.id] = state.turn
        parts.append(ReplyPart(Priority.ANSWER, line, ReplyKind.OBJECTION_RAISED, rival.id,
                               stance=Stance.NEGATIVE))
        answered += 1
        unanswered_question = False
    if open_question and not answered and not digging and not asks_contact:
        # "Comment ça se passe avec vos machines ?": an open question about her situation
        # that no fact names is answered as a customer does, with what matters most to her
        # and has not been said yet (the scenario's first essential fact she may tell).
        fact = _next_essential(c, u)
        if fact is not None:
            reveal(c, fact, parts, unasked=True)
            answered += 1
    if not answered and not digging and any(asks_opinion(s.text) for s in u.sentences) and \
            (fact := _contrasted(c, u)) is not None:
        # Asked what she thinks of an argument, she sets it against what she lives today
        # ("…sous 4 heures. Qu'en pensez-vous ?" — "Le contrat prévoit une intervention en
        # 48 heures…"): the untold fact behind the needs the argument answers, nothing else.
        # As a reaction: a doubt about a wild promise in the same turn comes first ("…doubler
        # votre chiffre en un mois, garanti. Ça vous dit ?"), and the fact is then left out.
        reveal(c, fact, parts, unasked=True, priority=Priority.REACTION)
        answered += 1
    if unanswered_question and not answered and asks_contact:
        # Everyone has an e-mail address, written in the scenario or not: "je n'ai pas
        # l'information" would be absurd. She gives the usual way to reach her.
        key = "contact_card" if c.scenario.channel == Channel.FACE_A_FACE else "contact_phone"
        parts.append(ReplyPart(Priority.ANSWER, c.bank(key), ReplyKind.CONTACT))
    elif unanswered_question and not answered and off_topic:
        # "Vous avez vu le match hier soir ?" got "Là, il faudrait que je vérifie auprès des
        # collaborateurs" (blind play): not her business, she says so.
        if not any(p.kind == ReplyKind.OFF_TOPIC for p in parts):
            parts.append(ReplyPart(Priority.REACTION, c.bank("off_topic"), ReplyKind.OFF_TOPIC,
                                   stance=Stance.NEGATIVE))
    elif unanswered_question and not answered and any(
            _CONTACT_CHECK.search(fold(sentence.text)) for sentence in u.sentences):
        # "Je vous l'envoie bien à l'adresse enregistrée sur votre compte ?" checks the
        # address the firm has: "Euh… on s'éloigne, là" to it (blind play).
        parts.append(ReplyPart(Priority.ANSWER, c.bank("contact_confirmed"),
                               ReplyKind.CONTACT))
    elif opinion_asked and not answered and not unanswered_question:
        parts.append(ReplyPart(Priority.AFTERTHOUGHT, c.bank("agree_tag"), ReplyKind.CONTROL))
    elif unanswered_question and not answered:
        parts.append(ReplyPart(Priority.AFTERTHOUGHT,
                               c.deflect(u),
                               ReplyKind.DEFLECT))
    # (A complaining customer does what moves her case on, however angry.)
    # (Asked alone too: "Vous pouvez faire ça aujourd'hui ?" about the photos got "Sur le
    # papier, oui. En pratique, je ne sais pas.", round 37.)
    alone = not any(p.priority <= Priority.FOLLOW_UP for p in parts)
    if action_asked is not None and (answered or alone) and (
            c.state.mood >= c.rules.control_yes_mood or c.scenario.kind == Kind.RECLAMATION):
        # Asked to do something beside a question she answers ("…l'express avec les photos
        # alors ? Vous pouvez les envoyer aujourd'hui ?"), she says she will: "Bien sûr que
        # j'ai des photos !" alone left the request unanswered (blind play).
        # (It answers its own sentence: beside the slot she chose, "Pouvez-vous m'envoyer la
        # photo cet après-midi ?" was left unanswered, round 40.)
        parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("action_agreed"),
                               ReplyKind.COMMITMENT, stance=Stance.POSITIVE,
                               answers=action_asked))
    for entity in u.entities:
        # (Not the firm's own address: "vous les envoyez à sav@electromaison.fr" obtained no
        # e-mail of hers, aveugle-33.)
        if entity.type == "email" and (state.email is None or entity.value == state.email) \
                and not names_company(entity.text, c.scenario.brief.company.name):
            state.record(Event.EMAIL_OBTENU)
    for need in c.scenario.needs:
        if need.id in state.needs_understood:
            continue
        discovered = need.facts and all(f in state.facts_revealed for f in need.facts)
        reformulated = Act.REFORMULATION in u.acts and need.id in u.topics
        if discovered or reformulated:
            state.needs_understood.append(need.id)


def _behind(c: Customer, objection: Objection, u: Understanding) -> Fact | None:
    """The untold fact of hers a doubt's treatment names: what lies behind it."""
    for condition in objection.treated_if:
        for fact_id in [*(condition.topics or []), *(condition.facts_revealed or [])]:
            fact = c.facts.get(fact_id)
            if fact is not None and fact_id not in c.state.facts_revealed and \
                    fact.known_by in (None, c.state.speaker) and _tellable(c, fact, u):
                return fact
    return None


# A pronoun that refers back to what the sentence before named ("…vous utilisez déjà
# FidCarte. Comment ça se passe, depuis que vous l'avez mise en place ?").
_REFERS_BACK = re.compile(r"\b(?:l'|la |le |les |ca |cela |en |y )(?:\w+ )?"
                          r"(?:avez|a|ont|utilisez|trouvez|mise?|marche|fonctionne|passe)\b"
                          r"|\bca se passe\b"
                          # "Ils ont quel âge, ils marchent encore bien ?" (round 49)
                          r"|\b(?:ils|elles) (?:ont|marchent|fonctionnent|tombent|sont)\b")


def _referred_to(u: Understanding, index: int) -> list[TopicHit]:
    """The topics of the statement just before a question that names none and points back
    at it: "Comment ça se passe avec vos clients, depuis que vous l'avez mise en place ?"
    after "vous utilisez déjà FidCarte" got her weekend sales (round 41)."""
    sentence = u.sentences[index]
    if index == 0 or not sentence.is_question or not _REFERS_BACK.search(fold(sentence.text)):
        return []
    before = u.sentences[index - 1]
    # (A check is no question of its own: "…vous aviez deux copieurs chez Copitec, c'est ça ?
    # Ils ont quel âge ?" asks about them, round 49.)
    checks = asks(Request.CHECK, fold(before.text)) or \
        _CHECK_TAG.search(fold(before.text)) is not None
    return [] if before.is_question and not checks else list(before.topics)


_CHECK_TAG = re.compile(r"\bc'est (?:bien )?ca\s*\?\s*$")
# The most words a question asking only her yes has ("Et vous, ça vous va ?").
_CONSENT_WORDS = 5
_QUESTION_WORD = re.compile(r"\b(?:quand|quel|quelle|quels|quelles|combien|comment|ou|"
                            r"pourquoi|qui)\b")


def _prefers(sentence: SentenceUnderstanding, options: tuple[str, str] | None,
             facts: Collection[str]) -> bool:
    """Whether a sentence asks which of two things she prefers ("Préférez-vous une
    installation dès maintenant, avant la période fiscale, ou à l'échéance de Copitec ?") and
    names none of her facts clearly: her choice (choices.py), not the fact its words half name
    (round 46: the story of her Thursday breakdowns). A subject that is no fact of hers does
    not count ("…la boutique du Vieux-Lille, ou plutôt une visio ?" names the demo, and got
    his weekend sales first, round 50)."""
    if options is None:
        return False
    # (Two forms of a meeting are hers to choose, preference said or not: "Thomas vient à la
    # boutique ou on fait ça en visio ?" got his weekend sales, round 53.)
    forms = {meeting_form(fold(option)) for option in options}
    return (None not in forms and len(forms) == 2) or (
        PREFERENCE.search(sentence.text) is not None and not any(
            hit.score >= _CLEARLY_ASKED and hit.id in facts for hit in sentence.topics))


# Asking whether she would like something ("ça vous dirait", "ça vous tente", "vous seriez
# partant"), and a meeting or a demo as that something.
_PUTS_TO_HER = re.compile(r"\b(?:ca|cela) vous (?:dirait|tente\w*|interesse\w*)|vous seriez "
                          r"(?:partant|d'accord|interesse)\w*|vous voulez (?:bien )?(?:qu'|que|"
                          r"une|un)\b")
_MEETING_THING = re.compile(r"\b(?:demo\w*|demonstration|rendez-vous|rdv|visio\w*|passe\w* vous "
                            r"voir|vienne|venir vous)\b")


def _asks_no_fact(c: Customer, sentence: SentenceUnderstanding, folded: str) -> bool:
    """A question whose words name a fact but that asks something else of her (blind plays,
    round 19)."""
    # A proposal put to her ("…je passe votre dossier en express et je peux vous livrer
    # samedi. Cela vous convient ?") asks her yes, not her order number.
    if asks(Request.CONSENT, folded) and Act.PROPOSITION_SOLUTION in sentence.act_ids:
        return True
    # Nor a meeting or a demo put to her ("est-ce que ça vous dirait une petite démo avec
    # mon collègue Thomas ?" got his weekend sales, round 56).
    if _PUTS_TO_HER.search(folded) and _MEETING_THING.search(folded):
        return True
    # Nor does a question that only asks her yes ("Êtes-vous d'accord ?" got who signs above
    # 300 €, its "accord" read as the signing limit, round 43).
    if asks(Request.CONSENT, folded) and len(folded.split()) <= _CONSENT_WORDS:
        return True
    # So does what the student says will be done for her ("Pour la livraison, je vous mets
    # dimanche matin, ça marche ?" got the story of the first delivery, round 42).
    # (Not "vous auriez un mail pour que je vous envoie la confirmation ?": her address.)
    if DOING_FOR_HER.search(folded) and not _QUESTION_WORD.search(folded) and \
            not _asks_contact_in(sentence.text) and "pour que" not in folded:
        return True
    # A counterpart asked as leave ("est-ce que vous m'autorisez à envoyer un SMS aux porteurs
    # de la carte ?") asks her yes (negotiation), not her loyalty-card figures: a blind play
    # heard the card objective, twice, and never the answer.
    if asks(Request.PERMISSION, folded) and any(hit.id in c.counterparts
                                                for hit in sentence.topics):
        return True
    # "jeudi ou vendredi ?" asks for a day (appointments), not "qui décide".
    # (Not days given as examples: "aux heures de pointe, comme le midi ou le dimanche
    # matin, qu'est-ce qui se passe ?" asks about her queue.)
    # (Nor "vous avez beaucoup de queue le midi ou le dimanche ?": "le midi" is no day, and
    # the queue went unanswered, round 46.)
    if c.scenario.appointment and sentence.form == QuestionForm.ALTERNATIVE and \
            (options := choice_options(sentence.text)) is not None and any(
            entity.type == "date" and entity.value.get("jour") in WEEKDAYS
            for entity in sentence.entities) and all(
            any(day in fold(option) for day in WEEKDAYS) for option in options):
        return True
    # A meeting put to her that names none of her facts ("est-ce que vous seriez d'accord pour
    # que mon collègue passe vous montrer ça, une démo d'une demi-heure ?") asks her yes
    # (appointments), not her week-end sales (round 45).
    # (Nor one whose words only brush a fact she has told: "On se revoit jeudi prochain pour
    # signer ?" got "c'est M. Lefèvre qui décide" again, with him in the room, round 48.)
    if Act.PROPOSITION_RDV in sentence.act_ids and not _QUESTION_WORD.search(folded) and \
            not any(hit.id in c.facts and (hit.score >= _WEAK_FACT
                                           or hit.id not in c.state.facts_revealed)
                    for hit in sentence.topics):
        return True
    # "Je cherche à joindre M. Benali, le gérant ?" asks for a person, not about her business
    # (a blind play heard "C'est moi-même. Quarante pour cent de mon chiffre…").
    if _ASKS_FOR_SOMEONE.search(folded):
        return True
    # A recap put to her check ("Donc jeudi 14 h 30, Thomas passe à la boutique du
    # Vieux-Lille, c'est bien ça ?") asks her to confirm it, not about her weekend sales (a
    # blind play heard "Quarante pour cent de mon chiffre…").
    if Act.RECAPITULATIF in sentence.act_ids and asks(Request.CHECK, folded):
        return True
    # "Vous signez maintenant ?" asks for her yes (closing.py), not the intervention delay its
    # "maintenant" reads like (round 38).
    if Act.DEMANDE_ENGAGEMENT in sentence.act_ids and _SIGN_ASKED.fullmatch(folded.strip()):
        return True
    # So does a check of her file that names none of her facts ("Il s'agit bien de la
    # commande EM-458921, livrée lundi ?" got "Uniquement le samedi matin", round 37).
    if asks(Request.CHECK, folded) and not any(hit.id in c.facts for hit in sentence.topics):
        return True
    # "deux ou trois photos" is a number, not a choice: "j'ai besoin de deux ou trois photos
    # du hublot." read as a question made her describe the door again.
    return not is_question(sentence.text) and bool(_FEW.search(folded)) and \
        Act.QUESTION_ALTERNATIVE in sentence.act_ids


def answer_unheard(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """When nothing else answers the turn, a question on her facts read as something else
    (the first figure said, read as a price announced) gets its fact: "240 euros pour les
    deux machines : la couleur et la maintenance sont-elles incluses, ou facturées en
    plus ?" got "Je vous écoute. Faites court." from a director who asks for figures, and
    "Et euh, vous imprimez beaucoup vous, genre par mois ?" got "Allez au bout de votre
    raisonnement" (round 55). Not an offer nor a request to sign: those are answered as such."""
    if any(p.priority < Priority.AFTERTHOUGHT for p in parts):
        return
    unheard = [sentence for sentence in u.sentences
               if sentence.text.rstrip().endswith("?") and sentence.topics
               and sentence.acts and sentence.acts[0].act in (Act.ANNONCE_PRIX, Act.CONCESSION)
               and Act.DEMANDE_ENGAGEMENT not in sentence.act_ids
               and not _OFFERS.search(fold(sentence.text))
               and not asks_something_else(fold(sentence.text))]
    if not unheard:
        return
    heard = replace(u, sentences=[
        replace(sentence, acts=[a for a in sentence.acts if a.act not in (
            Act.ANNONCE_PRIX, Act.CONCESSION)]) if any(sentence is s for s in unheard)
        else sentence for sentence in u.sentences])
    # Tried on the side: when no fact comes of it, nothing she would have said or drawn in
    # trying counts (the voice's draws decide every later line of the conversation).
    state, voice = copy.deepcopy(c.state.__dict__), (c.voice.rng.getstate(), set(c.voice.used),
                                                     list(c.voice.recent))
    answer: list[ReplyPart] = []
    react(c, heard, answer)
    told = [p for p in answer if p.kind == ReplyKind.FACT and p.priority == Priority.ANSWER]
    if told:
        parts[:] = [p for p in parts if p.priority < Priority.AFTERTHOUGHT] + told
        return
    c.state.__dict__.update(state)
    c.voice.rng.setstate(voice[0])
    c.voice.used = voice[1]
    c.voice.recent = c.state.last_lines  # (the voice shares the state's list of lines said)
    c.voice.recent[:] = voice[2]


# An amount put to her as an offer, not quoted: "je vous fais 259 € si vous signez ?".
_OFFERS = re.compile(r"\b(?:je (?:vous |te )?(?:fais|fait|offre|propose|descends|baisse|mets)|"
                     r"on (?:vous |te )?(?:fait|offre|propose)|remise|rabais|geste|si vous "
                     r"sign\w*|a ce prix)\b")


# A second question joined with "et" ("…, et y a-t-il des contraintes… ?").
_AND_ASKS = re.compile(r",\s*et (?:y a-t-il|est-ce qu|quel|quelle|combien|comment|qui|quand|ou)\b")
_VIEW_TAG = re.compile(r"\b(?:je trouve|je pense|a mon avis|pour moi)\b[^?]*,\s*(?:non|pas vrai|"
                       r"vous ne trouvez pas|hein)\s*\?\s*$")
_SIGN_ASKED = re.compile(r"(?:(?:bon|alors|donc|allez),? )?(?:on signe|vous signez|tu signes|"
                         r"signez-vous|on valide|vous validez|on y va|on fait comme ca|on part "
                         r"(?:la-dessus|sur (?:cette base|ca)))(?: (?:maintenant|aujourd'hui|"
                         r"tout de suite|alors|donc))? ?\??")
_AGREE_TAG = re.compile(r",\s*(?:on est d'accord|vous etes d'accord|vous ne trouvez pas|"
                        r"pas vrai)\s*\?\s*$")
# "…, c'est bien le coût par résultat, non ?" asks her agreement too (it got the weekend's
# entries, blind play), but "elles doivent tomber en panne tout le temps, non ?" asks about a
# fact of hers, and so does "les comptables ça imprime tout, non ?": only a tag on what she
# is asked to confirm ("c'est bien…") that names no fact clearly.
_NON_TAG = re.compile(r"\bc'est (?:bien|surtout|avant tout)\b.*,\s*(?:non|n'est-ce pas)\s*\?\s*$")
_ASKS_FOR_SOMEONE = re.compile(r"\b(?:joindre|parler a|parler avec|s'entretenir avec)\s+"
                               r"(?:m\.?|mme|monsieur|madame|le gerant|la gerante|le patron"
                               r"|la patronne|le responsable|la responsable)\b")


def _more_of(fact: Fact, said: str) -> str:
    """What her other answer lines for a fact add to what she has said of it: their sentences
    with words she has not said, from the line that adds most (at most two sentences)."""
    known = set(content_words(said))
    stems = _stems(said)
    figures = set(_FIGURE.findall(said))
    best: list[str] = []
    best_new = 0
    for line in fact.answers:
        if line in said:
            continue
        # (Not a sentence that gives again a figure she gave: "2 800 € tout compris, et 120
        # nouveaux adhérents" after "2 800 € de budget, 120 nouvelles cartes".)
        # (Nor one that says her wish again in other forms of its words: "…numériser
        # directement dans notre logiciel comptable, Cegid" after "…qu'elles partent
        # directement dans Cegid, notre logiciel de comptabilité", round 55.)
        fresh = [sentence for sentence in line_sentences(line)
                 if len(_stems(sentence) - stems) > len(_stems(sentence)) // 2
                 and not set(_FIGURE.findall(sentence)) & figures]
        new = len({w for sentence in fresh for w in content_words(sentence)} - known)
        if new > best_new:
            best, best_new = fresh[:2], new
    return " ".join(best) if best_new >= _MORE_WORDS else ""


# How many first letters of a word say which word it is, whatever its form ("numérise",
# "numériser"; "comptable", "comptabilité").
_STEM = 5


def _stems(text: str) -> set[str]:
    return {word[:_STEM] for word in content_words(text)}


# What a problem cost her, which she never counted: not her rent nor any figure she knows.
_LOSS = re.compile(r"\b(?:ca|cela) (?:vous |leur |nous )?a coute combien|"
                   # "Combien vous ont coûté, en heures de travail, les quatre jours… ?",
                   # "qu'est-ce que cette panne vous a concrètement coûté ?" (round 48)
                   r"\bcombien (?:vous|leur) (?:a|ont) coute|\bqu'est-ce que (?:ca|cela|cette "
                   r"panne|ces pannes|ce blocage) (?:vous|leur) a (?:concretement |vraiment )?"
                   r"coute|\bcombien (?:ca|cela) "
                   r"(?:vous |leur )?a coute|\bcombien (?:ca|cela) (?:vous |leur )?a-t-il coute|"
                   r"\bcombien (?:ca|cela) a-t-il pu (?:vous |leur )?couter|"
                   r"\b(?:temps|heures?|journees?|argent"
                   r"|chiffre d'affaires) perdu(?:e|s|es)?\b|\bvous avez perdu combien"
                   r"|\bcombien (?:de temps|d'heures|d'argent|de chiffre) (?:vous avez "
                   r"|avez-vous )?perdu")
_FEW = re.compile(r"\b(?:un|deux|trois|quatre|cinq|six|dix|\d+) ou (?:deux|trois|quatre|cinq|six|"
                  r"sept|dix|\d+)\b")
# Asked again because the student forgot ("Pardon, vous imprimez combien de pages par mois,
# déjà ?"): she says it again, not a detail.
_ASKED_AGAIN = re.compile(r"\b(deja|pardon|vous disiez|vous m'avez dit|rappelez-moi|redites|"
                          r"repetez|repeter)\b")
_FIGURE = re.compile(r"\d+(?:[\s\u00a0\u202f]\d{3})*")
# How far a subject of hers must lead the first fact a question names for the question to be
# about the subject (0.76 against 0.62 for "comment s'organise l'impression, avec vos deux
# copieurs ?").
_SUBJECT_LEAD = 0.1
# How much weaker than a fact already told the next fact a question names may be and still be
# what it asks for.
_FRESH_GAP = 0.05
# ... when that fact is named weakly: "comment se passent les pannes avec les machines
# actuelles ?" names the breakdowns (0.73) as much as the machines.
_WEAK_FACT = 0.7
# A second fact one question names: its score, and how far below the first it may be
# ("la numérisation… et la confidentialité" : 0.65 and 0.72).
_ALSO_NAMED = 0.63
_ALSO_NAMED_GAP = 0.1
# How clearly a question beside the story behind a doubt must name a fact to be answered too.
_CLEARLY_ASKED = 0.72
# How strongly a second fact its own keyword names must be heard.
_ALSO_NAMED_KEYED = 0.66
# New words a detail must bring to be worth saying rather than "je vous l'ai dit".
_MORE_WORDS = 3


def _led_elsewhere(c: Customer, topics: list[TopicHit], fact: TopicHit) -> bool:
    """Whether a question is about something else than the told fact its weaker words name:
    "Et pour le vendeur du rayon végétal, je peux compter sur lui le samedi et le dimanche ?"
    asks for a seller (0.87), not the weekend's entries again (0.74): blind reviewers marked
    "Encore une fois, comptez 2 500 entrées…" off."""
    lead = topics[0] if topics else None
    return lead is not None and lead.id not in c.facts and \
        lead.score - fact.score >= _SUBJECT_LEAD


def _negotiated(c: Customer, topics: list[TopicHit], fact: TopicHit) -> bool:
    """Whether a question is about a concession or a counterpart more than about the fact
    its weaker words name."""
    lead = topics[0] if topics else None
    return lead is not None and (lead.id in c.concessions or lead.id in c.counterparts) and \
        _led_elsewhere(c, topics, fact)


def _gist(line: str) -> str:
    """What she says again of a fact: its first sentence (two when it is a few words), not the
    whole line word for word (blind reviewers: "répète mot pour mot", even behind "comme je
    vous l'ai dit")."""
    # (Not her echo of the question: "M. Benali ? Il est au fournil, là." is said again as
    # "il est au fournil, là", not "Comme je vous le disais, m. Benali ?", blind play.)
    said = [s for s in line_sentences(line) if not s.endswith("?")] or line_sentences(line)
    # (Nor the yes of the first answer: "Des pannes, oui, régulièrement." said again to "c'est
    # quoi qui vous bloque ?" answered a question nobody asked, blind play.)
    said = [s for s in said if not YES_NO.search(fold(s))] or said
    return said[0] if len(said[0].split()) >= 4 or len(said) == 1 else " ".join(said[:2])


def _also_named(c: Customer, fresh: list[TopicHit], folded: str) -> TopicHit | None:
    """The second fact one question names beside the first ("X et Y, comment ça se
    passe ?"): as strong, or nearly, as the first, or named by a keyword of its own ("combien
    de pages par mois, en noir et en couleur ?" asks the colour share too: round 43, three
    plays got the volume alone)."""
    if len(fresh) < 2 or " et " not in folded:
        return None
    first, second = fresh[0], fresh[1]
    close = second.score >= _ALSO_NAMED and first.score - second.score <= _ALSO_NAMED_GAP
    own = {fold(k) for k in c.facts[second.id].keywords} - {
        fold(k) for k in c.facts[first.id].keywords}
    keyed = second.score >= _ALSO_NAMED_KEYED and any(
        re.search(rf"\b{re.escape(k)}\b", folded) for k in own)
    return second if close or keyed else None


def _next_essential(c: Customer, u: Understanding,
                    told: set[str] | None = None) -> Fact | None:
    """What matters most to her and is untold: the facts behind her needs first (her pains
    and wishes, in the scenario's order), then the other essential facts."""
    behind_needs = [c.facts[f] for need in c.scenario.needs for f in need.facts if f in c.facts]
    candidates = [*behind_needs, *(f for f in c.scenario.facts if f.essential)]
    return next((fact for fact in candidates if fact.essential
                 and fact.id not in (told or ()) and _tellable(c, fact, u)), None)


# Figures too common to say which fact a statement is about ("deux copieurs", "trois
# semaines"): a fact is recognised in the student's words by a figure of ten or more.
_DISTINCT_FIGURE = 10


def _stated_facts(c: Customer, u: Understanding) -> list[Fact]:
    """Facts of hers, neither told nor stated yet, that a statement of the student says with
    their figure and its unit."""
    found: list[Fact] = []
    for sentence in u.sentences:
        if sentence.is_question:
            continue
        said = _figures_with_units(sentence.text)
        for hit in sentence.topics:
            fact = c.facts.get(hit.id)
            if fact is None or fact.id in c.state.facts_revealed or \
                    fact.id in c.state.facts_stated or fact in found:
                continue
            values = {int(n) for value in fact.values.values()
                      for n in re.findall(r"\d+", str(value))}
            hers = {figure for line in fact.answers for figure in _figures_with_units(line)
                    if figure[0] in values and figure[0] >= _DISTINCT_FIGURE}
            if hers & said:
                found.append(fact)
    return found


# A figure and its unit ("48 h", "48 heures" → (48, "h")): "48 mois" of a contract is not the
# 48 hours of a repair.
_FIGURE = re.compile(r"(\d+)\s*(%|€|[a-zé]+)?")
_UNITS = {"heures": "h", "heure": "h", "euros": "€", "euro": "€", "eur": "€", "balles": "€",
          "jours": "j", "jour": "j", "pourcent": "%", "pages": "page", "minutes": "min"}


@lru_cache(maxsize=1024)  # her lines are read again at every turn that names their fact
def _figures_with_units(text: str) -> frozenset[tuple[int, str]]:
    return frozenset((int(number), _UNITS.get(unit or "", unit or ""))
                     for number, unit in _FIGURE.findall(join_thousands(text.lower())))


def _contrasted(c: Customer, u: Understanding) -> Fact | None:
    """The untold fact behind a need that an argument of this turn answers (read surely)."""
    argued = sorted((score, topic) for topic, score in u.topics.items()
                    if topic in c.arguments and score >= c.rules.argument_quoted_score)
    needs = {need.id: need for need in c.scenario.needs}
    for _, topic in reversed(argued):
        for need_id in c.arguments[topic].needs:
            for fact_id in needs[need_id].facts if need_id in needs else []:
                fact = c.facts.get(fact_id)
                if fact is not None and _tellable(c, fact, u):
                    return fact
    return None


def _about_her(sentence: SentenceUnderstanding) -> bool:
    """Whether a question may be about her affairs: one read first as off the subject ("vous
    avez vu le match du LOSC hier soir ?") is not, unless its words clearly name one of them
    (round 53: "De la queue, tous les dimanches" for an answer)."""
    # (Clearly off the subject: "Votre bureau, c'est bien à la boutique du Vieux-Lille ?",
    # read as much off the subject as a question, asks his address, round 38.)
    return not (sentence.acts and sentence.acts[0].act == Act.HORS_SUJET
                and sentence.acts[0].confidence >= _CLEARLY_OFF_TOPIC and not (
                    sentence.topics and sentence.topics[0].score >= _CLEARLY_ASKED))


# How surely a sentence must be read as off the subject for its stray topic to be ignored.
_CLEARLY_OFF_TOPIC = 0.6


def _tellable(c: Customer, fact: Fact, u: Understanding) -> bool:
    """Whether she may tell a fact now: untold, hers to tell, its `revele_si` holding."""
    state = c.state
    return fact.id not in state.facts_revealed and fact.known_by in (None, state.speaker) \
        and (not fact.revealed_if or any_holds(fact.revealed_if, state, u))


def _asks_priorities(u: Understanding) -> bool:
    """A question on what matters most to her ("qu'est-ce qui compte le plus pour vous ?")."""
    # ("Cela répond à vos priorités ?" asks whether the offer fits them: "Avant tout :
    # protéger les documents…" to it, blind play.)
    return any(is_question(sentence.text) and _intent_asked("attentes", sentence.text)
               and not asks_opinion(sentence.text) for sentence in u.sentences)


# Where a statement ends and the question after it begins.
_ASKED_PART = re.compile(r"[;:]")


def _intent_asked(name: str, text: str) -> bool:
    """Whether `text` asks the way of asking `name` of bot/data/discovery.yml."""
    return any(intent.name == name and intent.asked_in(fold(text))
               for intent in discovery_intents())


# "À part les pannes, c'est quoi qui compte pour vous ?": what she told is set aside (round
# 53: "Ce qui compte le plus pour moi : ne plus subir de pannes").
_BESIDES = re.compile(r"\b(?:a part|mis a part|en dehors d|hormis|outre)\b")


def _next_need(c: Customer, besides_told: bool = False) -> Need | None:
    """Her strongest need she has not named yet as what matters (the scenario's priorities,
    then its order); none once she has named them all. `besides_told`: nor one whose facts
    she has told."""
    said = set(c.state.needs_said)
    if besides_told:
        said |= {need.id for need in c.scenario.needs
                 if any(f in c.state.facts_revealed for f in need.facts)}
    needs = sorted(c.scenario.needs, key=lambda need: need.priority)
    return next((need for need in needs if need.id not in said), None)


# A question about an offer she was made ("avez-vous reçu une proposition de leur part pour le
# renouvellement ?").
_OFFER_ASKED = re.compile(r"\b(?:proposition|propose\w*|offre|renouvel\w*|devis)\b")


def _rival_offer_asked(c: Customer, u: Understanding) -> Objection | None:
    """A competitor's offer of hers (an objection of the competition kind, not voiced yet)
    that a question asks about."""
    state = c.state
    for sentence in u.sentences:
        if not (sentence.discovers and is_question(sentence.text)):
            continue
        for hit in sentence.topics:
            objection = c.objections.get(hit.id)
            if objection is not None and objection.category == ObjectionCategory.CONCURRENCE \
                    and hit.id not in state.objections_raised \
                    and objection.speaker in (None, state.speaker) \
                    and (hit.score >= c.rules.objection_topic_score or (
                        # "Ils vous ont fait une offre ?" after Copitec was named: its words
                        # say little, asking about an offer says the rest (round 41 heard
                        # "il faudrait que je vérifie auprès des collaborateurs").
                        hit.score >= _OFFER_TOPIC_SCORE
                        and _OFFER_ASKED.search(fold(sentence.text))
                        # (not the student's own: "je vous propose un rendez-vous…")
                        and not _OWN_OFFER.search(fold(sentence.text)))):
                return objection
    return None


# How clearly a question asking about an offer must name the rival's offer.
_OFFER_TOPIC_SCORE = 0.55
_OWN_OFFER = re.compile(r"\b(?:je|on|nous) (?:vous|te) (?:\w+ )?propos"
                        r"|\bnotre (?:offre|proposition)")


def _plainly(objection: Objection) -> str:
    """The first sentence of one of its lines that states the offer without weighing it
    against the student's ("Je dois vous dire que Copitec nous propose 250 € pour
    renouveler."), none when every line weighs it."""
    for line in objection.lines:
        first = line_sentences(line)[0]
        # (An offer, with its figure: "la foire aux plantes a fait mieux" is a comparison of
        # hers, not an offer she was made.)
        if not first.endswith("?") and not _WEIGHING.search(fold(first)) and \
                re.search(r"\d", first):
            return first
    return ""


# Words that weigh her offer against the student's: true only once a price is on the table.
_WEIGHING = re.compile(r"\b(au-dessus|derriere|mieux|moins cher|plus cher|aligner|vous etes)\b")


def _known_elsewhere(c: Customer, topics: list[TopicHit]) -> str | None:
    """The person who knows the fact asked, when it is not the one speaking and nobody has
    said it yet."""
    state = c.state
    return next((c.facts[hit.id].known_by for hit in topics if hit.id in c.facts
                 and hit.id not in state.facts_revealed
                 and c.facts[hit.id].known_by not in (None, state.speaker)), None)


def _asks_contact(u: Understanding) -> bool:
    """A question asking how to reach her ("à quelle adresse ?"); an e-mail merely mentioned
    in a recap ("vous recevrez un e-mail") asks nothing, unless the recap asks for the address
    ("À quelle adresse mail je vous envoie le contrat ?" read as a recap got "Ce point, je dois
    d'abord le vérifier", blind play)."""
    # ("Vous me donnez votre mail ?" read as a request to commit asks it too: "Je n'ai pas
    # l'information sous la main", blind play.)
    return any(_asks_contact_in(sentence.text) and (
        _ASKS_ADDRESS.search(fold(sentence.text))
        or (sentence.discovers and Act.RECAPITULATIF not in sentence.act_ids))
        for sentence in u.sentences)


_ASKS_ADDRESS = re.compile(
    r"\ba quelle (?:adresse|mail)\b|\bquel(?:le)?s? (?:est |sont )?(?:votre|vos) "
    r"(?:adresse|mail|e-mail|email|courriel|numero|coordonnees)\b"
    r"|\b(?:donner|donnez|laisser|laissez|communiquer|noter|dicter) (?:votre|vos)\b")


# Her address or number as the firm has it, asked to be confirmed.
_CONTACT_CHECK = re.compile(
    r"\b(?:adresse|mail|e-mail|email|courriel|numero de (?:telephone|portable)|coordonnees)"
    r"\b[^?]{0,40}\b(?:enregistre\w*|de votre compte|habituel\w*|qu'on a|que nous avons|"
    r"dans (?:votre|le) dossier|sur (?:votre|la) fiche)\b[^.!]*\?")


def _asks_contact_in(text: str) -> bool:
    return "?" in text and _intent_asked("coordonnees", text)


def _asks_her(folded: str) -> bool:
    """A question that asks her for her time, an action, what holds her back or whether she
    needs anything else, not a fact ("est-ce que je peux faire autre chose pour vous ?" got
    "Laissez-moi d'abord voir où vous voulez en venir", blind play)."""
    return any(asks(request, folded) for request in (Request.TIME, Request.ACTION,
                                                      Request.HOLDBACK, Request.ANYTHING_ELSE))
