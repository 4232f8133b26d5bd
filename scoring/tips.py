"""Live tips in training mode: at most one per turn, short, actionable, in French. They look
at the student's last turn and the customer's state; they never change the conversation."""

from __future__ import annotations

import re

from bot.questions import QuestionForm, question_form
from scenarios.model import Scenario
from scenarios.vocabulary import Act, CallDirection, Channel, Event, Kind, Phase

from .observations import FILLERS

# Questions that are closed by what they do (check, book, ask for the yes).
_CLOSED_BY_NATURE = {Act.QUESTION_CONTROLE, Act.DEMANDE_ENGAGEMENT, Act.PROPOSITION_RDV,
                     Act.RECAPITULATIF, Act.REFORMULATION, Act.QUESTION_ALTERNATIVE}


class Coach:
    """Gives the tip for each turn, never the same tip twice within three turns."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.given: list[tuple[int, str]] = []
        self.closed_in_a_row = 0

    def tip(self, turn: int, acts: set[Act], text: str, events_before: set[Event],
            state: object) -> str | None:
        for key, message in self._candidates(turn, acts, text, events_before, state):
            if all(k != key or turn - at > 3 for at, k in self.given):
                self.given.append((turn, key))
                return message
        return None

    def _candidates(self, turn: int, acts: set[Act], text: str, before: set[Event],
                    state: object) -> list[tuple[str, str]]:
        s = self.scenario
        events = set(getattr(state, "events", []))
        new = events - before
        facts = getattr(state, "facts_revealed", [])
        found: list[tuple[str, str]] = []
        outbound_phone = s.channel == Channel.TELEPHONE and not (
            s.call and s.call.direction == CallDirection.ENTRANT)
        if Act.IMPOLITESSE in acts:
            found.append(("politesse", "Restez courtois : une pression ou une pique fait perdre "
                                       "le client. Posez plutôt une question."))
        if Event.PRIX_ANNONCE in new and len(facts) < 2:
            found.append(("prix-tot", "Vous annoncez le prix avant de connaître ses besoins : "
                                      "posez d'abord des questions (budget, usage, décideur)."))
        if Event.CLOSING_PREMATURE in new:
            found.append(("closing-tot", "Trop tôt pour conclure : découvrez d'abord les "
                                         "besoins et traitez les objections."))
        if Event.CONCESSION_SANS_CONTREPARTIE in new:
            found.append(("contrepartie", "Jamais de concession sans contrepartie : « Si je "
                                          "fais cet effort, pouvez-vous… ? »"))
        if Event.OBJECTION_IGNOREE in new:
            found.append(("objection", "Le client a soulevé une objection : reformulez-la, "
                                       "répondez-y, puis vérifiez (« Cela vous rassure ? »)."))
        if Event.MONOLOGUE in new or len(text.split()) > 70:
            found.append(("monologue", "Faites plus court : deux ou trois phrases, puis une "
                                       "question au client."))
        if turn <= 2 and outbound_phone and Event.PRESENTATION_MANQUANTE in new:
            found.append(("croc", "Au téléphone, dites d'emblée qui vous êtes, votre "
                                  "entreprise et pourquoi vous appelez."))
        if Event.DROIT_LEGAL_NIE in new:
            found.append(("droit", "Attention : ce droit du consommateur s'applique. Ne le "
                                   "niez jamais ; proposez une solution conforme."))
        if Event.PROMESSE_HORS_POLITIQUE in new:
            # (Not always a promise: blaming the carrier is among what the policy forbids.)
            found.append(("politique", "Ceci sort de la politique de l'entreprise : restez "
                                       "dans ce que la fiche autorise."))
        if s.kind == Kind.RECLAMATION and turn == 1 and not acts & {Act.EMPATHIE, Act.EXCUSE}:
            found.append(("empathie", "Une cliente en colère : commencez par l'écouter et "
                                      "reconnaître son désagrément."))
        # Three turns in a row that each ask only closed questions; a turn that asks nothing
        # breaks the run, and the tip is given once per run (blind players saw it after a
        # goodbye, and after every turn once three closed questions had been asked).
        # A question counts as closed by its words (bot.questions), not by the act read; and
        # only in discovery: checking, proposing a slot or asking for the yes are closed by
        # nature, and a complaint is settled with precise questions (blind players saw the
        # tip at the close, on alternatives and during complaints).
        forms = [question_form(sentence) for sentence in re.split(r"(?<=[.!?…])\s+", text)
                 if sentence.rstrip().endswith("?")]
        closing = acts & _CLOSED_BY_NATURE or s.kind == Kind.RECLAMATION or getattr(
            state, "phase", None) in (Phase.NEGOCIATION, Phase.CONCLUSION)
        if forms and all(form == QuestionForm.FERMEE for form in forms) and not closing:
            self.closed_in_a_row += 1
        else:
            self.closed_in_a_row = 0
        if self.closed_in_a_row >= 3:
            self.closed_in_a_row = 0
            found.append(("ouverte", "Trois questions fermées de suite : ouvrez avec « Comment… "
                                     "? » ou « Qu'est-ce qui… ? »"))
        if len(facts) >= 3 and Event.PRIX_ANNONCE not in events and not getattr(
                state, "needs_understood", []) and Act.REFORMULATION not in acts:
            found.append(("reformuler", "Vous avez découvert plusieurs faits : reformulez-les "
                                        "(« Si je comprends bien, … »)."))
        fillers = FILLERS.findall(text)
        if len(fillers) >= 3:
            found.append(("tics", f"Attention aux tics de langage ({', '.join(fillers[:3])}) : "
                                  "marquez une pause à la place."))
        return found
