"""What an examiner observes in a conversation, computed from the transcript: each
observation has a score between 0 and 1 (partial credit), the turns that raised or lowered
it (quoted), and the most useful advice with a better phrasing taken from this scenario."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from bot.introduction import gives_own_name, names_company
from bot.state import CustomerState
from bot.text import fold
from bot.topics import content_words
from scenarios.model import Scenario
from scenarios.vocabulary import Act, CallDirection, Channel, Event, Kind, Outcome

from .advice import advise, count, example
from .transcript import ECHO_WORDS, FIGURE, StudentTurn, Transcript, open_questions

# "genre" is a filler, "ce genre de" is not.
FILLERS = re.compile(r"\b(euh+|heu+|ben|du coup|en fait|voila|voilà|genre(?! d))\b",
                     re.IGNORECASE)
QUESTIONS = {Act.QUESTION_OUVERTE, Act.QUESTION_FERMEE, Act.QUESTION_ALTERNATIVE}
# Words a tele-adviser is taught to avoid: vague or negative (DOMAIN.md, « Voice and wording »).
VAGUE = re.compile(r"\b(normalement|je vais essayer|on va essayer|malheureusement|pas de souci|"
                   r"pas de soucis|pas de probleme|probleme|c'est pas possible|ce n'est pas "
                   r"possible|calmez-vous|c'est pas ma faute|ce n'est pas (de )?notre faute)\b")


@dataclass(frozen=True)
class Evidence:
    turn: int
    quote: str
    positive: bool
    note: str

    def as_dict(self) -> dict[str, object]:
        return {"turn": self.turn, "quote": self.quote, "effect": "+" if self.positive else "-",
                "note": self.note}


@dataclass
class Observation:
    name: str
    label: str  # what was observed, in French, for strengths and priorities
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    advice: str | None = None


def quote(turn: StudentTurn, limit: int = 90) -> str:
    text = " ".join(turn.text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def ev(turn: StudentTurn, positive: bool, note: str) -> Evidence:
    return Evidence(turn.number, quote(turn), positive, note)


def _new(turns: list[StudentTurn], index: int, attribute: str) -> list[str]:
    before = set(getattr(turns[index - 1].state, attribute)) if index else set()
    return [item for item in getattr(turns[index].state, attribute) if item not in before]


# Words of a technique phrase that make it a formula: the same opening said again ("Je
# comprends tout à fait votre inquiétude", three times) earns nothing more.
_FORMULA_WORDS = 4


def _distinct(turns: list[StudentTurn]) -> list[StudentTurn]:
    """The turns whose technique phrase was not said before in the same words."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for turn in turns:
        opening = tuple(re.findall(r"\w+", fold(turn.text))[:_FORMULA_WORDS])
        if opening not in seen:
            kept.append(turn)
        seen.add(opening)
    return kept


@lru_cache(maxsize=32)
def _case_words(dumped: str) -> frozenset[str]:
    return frozenset(content_words(dumped))


def _vocabulary(scenario: Scenario) -> frozenset[str]:
    """Every word of the case as the scenario writes it (facts, products, arguments, the
    customer's lines), stemmed as the topic matcher does."""
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(scenario.model_dump())
    return _case_words("\n".join(texts))


def introduced_in_words(turns: list[StudentTurn], scenario: Scenario) -> StudentTurn | None:
    """The first of the first two turns where the student gave a name and the company, in
    words the customer engine may have missed."""
    company = scenario.brief.company.name
    return next((t for t in turns[:2] if names_company(t.text, company)
                 and gives_own_name(t.text, company)), None)


# An identity checked by name ("Madame Garnier, c'est bien vous ?").
_IDENTITY_CHECK = re.compile(r"\b(?:c'est bien|vous etes bien|je parle bien a|bien vous)\b")
# A reference of letters and digits ("EM-458921"); a bare figure the student says ("12000")
# is a guess, not the file identified.
_REFERENCE = re.compile(r"(?=.*[a-z])(?=.*\d)[a-z0-9-]{5,}")


def with_facts_said(transcript: Transcript, scenario: Scenario) -> list[CustomerState]:
    """Each turn's state with the facts the student said themselves from the brief: an order
    number read out ("je vois votre commande EM-458921"), the customer's name asked to confirm.
    The customer had nothing to reveal, but the file was identified (an examiner rated it
    "très satisfaisant" where the expectation said "manque : fait découvert")."""
    values = {fact.id: [fold(str(v)) for v in fact.values.values() if str(v).strip()]
              for fact in scenario.facts}
    said: list[str] = []
    states = []
    for turn in transcript.turns:
        folded = fold(turn.text)
        checked = _IDENTITY_CHECK.search(folded) is not None
        for fact_id, written in values.items():
            if fact_id not in said and (
                    any(_REFERENCE.fullmatch(v) and v in folded for v in written) or (
                        checked and any(re.search(rf"\b{re.escape(v.split()[-1])}\b", folded)
                                        for v in written if not any(c.isdigit() for c in v)))):
                said.append(fact_id)
        states.append(replace(turn.state, facts_stated=[*turn.state.facts_stated, *said])
                      if said else turn.state)
    # An introduction in words the engine missed is one, as the contact observation reads it.
    introduced = introduced_in_words(transcript.turns, scenario)
    if introduced is not None:
        states = [replace(state, events=[*state.events, Event.PRESENTATION_FAITE])
                  if turn.number >= introduced.number and
                  Event.PRESENTATION_FAITE not in state.events else state
                  for turn, state in zip(transcript.turns, states, strict=True)]
    return states


def _events_at(turns: list[StudentTurn], index: int) -> set[Event]:
    before = set(turns[index - 1].state.events) if index else set()
    return set(turns[index].state.events) - before


# A restatement that takes up at least this many facts she gave sums her case up: it counts
# as two.
RICH_RESTATEMENT = 3
# What an argument answering a need the customer expressed, but that the student never
# reformulated, earns of the credit of one tied to a reformulated need.
UNLINKED_CREDIT = 0.5
# The share of the student's words that belong to the case below which the talk says nothing
# of it, and from which it is fully about it. Measured on the first blind calibration set
# (tests/data/calibration/aveugle-1): students who talked about the case 0.30–0.57, technique
# formulas without content and polite small talk that never sold 0.19–0.24.
SUBSTANCE_EMPTY = 0.22
SUBSTANCE_FULL = 0.34
# What the moves of the method (listening, questions, arguments, objections, closing…) keep of
# their credit when the talk says nothing of the case.
SUBSTANCE_FLOOR = 0.4
TECHNIQUE = ("discovery", "listening", "questioning", "arguments", "objections", "price_timing",
             "concessions", "closing", "next_step", "complaint")
# What a conversation where no price was ever put on the table earns for its concessions.
NOT_NEGOTIATED = 0.4
# Words of the case an open question by its grammar names to count as one (questioning).
CASE_QUESTION_WORDS = 2
# Words every case has (stemmed as content_words does): "quel est votre besoin en termes de
# disponibilités pour ce rendez-vous ?" names nothing of this one.
_ANY_CASE = frozenset({"besoin", "rend", "aujourd", "temp", "mois", "jour", "semain", "import",
                       "concret", "vraiment", "termes"})
# The note of a reformulation that restates nothing the customer said (the grade counts them
# to tell complaint stuffing from a weak but honest agent).
HOLLOW_REFORMULATION = "reformulation sans ce que le client a dit"
# The technique's stock formulas (DOMAIN.md's words said as words): once, each is a move; said
# again and again, a tic that stands in for content ("Si je comprends bien, vous voulez un
# outil. Je reformule : un outil, c'est important. Je comprends tout à fait votre inquiétude,
# c'est une excellente question", aveugle-15: the examiner 2/20, graded 5 because the customer's
# own words said back made the talk look like it was about the case).
STOCK_FORMULA = re.compile(
    r"si je comprends bien|je reformule|je comprends (?:tout a fait |parfaitement |bien )?"
    r"(?:votre|vos) (?:inquietude|preoccupation|besoin|attente)s?|(?:c'est une |tres |quelle )"
    r"(?:excellente|bonne|tres bonne) question|quels? (?:est|sont) (?:votre|vos) besoins?"
    r"|est-ce que (?:cela|ca) vous convient|caracteristique|avantage|preuve|repond parfaitement")
# What holding a price above the customer's budget, with no agreement, earns for them.
HELD_OVER_BUDGET = 0.5
# The first facts found matter most: the essential facts a student uncovers count with
# diminishing returns.
DISCOVERY_CURVE = 0.85


# The observations, by name, in the order they are computed (each may read those before it,
# as the complaint reads the discovery): declared with @observation on an Observer method.
OBSERVATIONS: list[str] = []


def observation(method: Callable[[Observer], Observation | None]
                ) -> Callable[[Observer], Observation | None]:
    OBSERVATIONS.append(method.__name__)
    return method


class Observer:
    """Computes every observation of one graded conversation."""

    def __init__(self, transcript: Transcript, scenario: Scenario) -> None:
        self.transcript = transcript
        self.scenario = scenario
        self.found: dict[str, Observation | None] = {}  # filled by all(), in OBSERVATIONS order
        self.turns = transcript.turns
        self.final = transcript.final
        self.phone = scenario.channel == Channel.TELEPHONE
        self.inbound = scenario.call is not None and \
            scenario.call.direction == CallDirection.ENTRANT
        self.internal = scenario.kind == Kind.NEGOCIATION_INTERNE
        self.customer = scenario.speaker(scenario.first_speaker)
        decision = [s for s in scenario.speakers if s.role.value == "decideur"]
        self.main = decision[0] if decision else self.customer

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The case's words (substance, questioning): the scenario dumped once a grade."""
        return _vocabulary(self.scenario)

    @cached_property
    def repeated_formulas(self) -> int:
        """How many times the student said a stock formula again (each one's first use is a
        move, not a tic). Fourteen blind sets: every keyword stuffer 6 or more, every other
        student 0 or 1."""
        said: dict[str, int] = {}
        for turn in self.turns:
            for formula in STOCK_FORMULA.findall(fold(turn.text)):
                said[formula] = said.get(formula, 0) + 1
        return sum(times - 1 for times in said.values())

    @cached_property
    def states(self) -> list[CustomerState]:
        """Each turn's state with the facts the student said from the brief (the expectations
        are read on them too)."""
        return with_facts_said(self.transcript, self.scenario)

    @cached_property
    def facts_known(self) -> frozenset[str]:
        """The facts the discovery found: those the customer revealed, and the file identified
        from the brief (an order number read out, her name checked), as the expectations read
        it. (Not every fact the student asserted: saying her situation is not discovering it;
        counted, it lowered the fit on three blind sets.)"""
        said = self.states[-1].facts_stated
        return frozenset([*self.final.facts_revealed,
                          *(set(said) - set(self.final.facts_stated))])

    @cached_property
    def echoed_prices(self) -> dict[int, float]:
        """The turns whose "price" was the customer's own figure said back, the student's
        price back up at the next turn ("J'entends bien, 3 000 € tout compris", then "le budget
        est à 4 500 € et pas moins", aveugle-6: counted as a concession for nothing): a
        restatement, not a concession."""
        said_back: dict[int, float] = {}
        for before, turn, after in zip(self.turns, self.turns[1:], self.turns[2:], strict=False):
            was, said, then = (before.state.price_offered, turn.state.price_offered,
                               after.state.price_offered)
            if was is not None and said is not None and then is not None and said < was <= then \
                    and said in self.transcript.figures_heard_before(turn):
                said_back[turn.number] = said
        return said_back

    @cached_property
    def last_price(self) -> float | None:
        """The price agreed, else the last one offered."""
        return self.final.price_agreed if self.final.price_agreed is not None else \
            self.final.price_offered

    def all(self) -> dict[str, Observation | None]:
        """Every observation, each computed once, in the order they were declared."""
        for name in OBSERVATIONS:
            self.found[name] = getattr(self, name)()
        found = self.found
        # Technique without substance: the moves of the method earn their credit in full only
        # when the talk is about the case (keyword stuffing and polite small talk were marked
        # 8–11/20 against an examiner's 2–5).
        substance = found["substance"]
        weight = SUBSTANCE_FLOOR + (1 - SUBSTANCE_FLOOR) * (substance.score if substance else 1)
        for name in TECHNIQUE:
            observation = found.get(name)
            if observation is not None:
                observation.score *= weight
        return dict(found)

    @observation
    def substance(self) -> Observation:
        """How much of what the student said is about the case: the share of their words
        (four letters or more) that belong to the scenario — its facts, products, arguments,
        the customer's own lines."""
        vocabulary = self.vocabulary
        counts = [(t, [w for w in content_words(t.text) if len(w) >= 4]) for t in self.turns]
        words = [w for _, found in counts for w in found]
        share = sum(w in vocabulary for w in words) / len(words) if words else 0.0
        score = max(0.0, min(1.0, (share - SUBSTANCE_EMPTY) / (SUBSTANCE_FULL - SUBSTANCE_EMPTY)))
        # (The longest turn that says least of the case shows what was empty.)
        said = [(t, sum(w in vocabulary for w in found) / len(found)) for t, found in counts
                if len(found) >= 6]
        evidence = []
        if said and score < 0.7:
            emptiest = min(said, key=lambda pair: (pair[1], -pair[0].words))[0]
            evidence.append(ev(emptiest, False, "propos sans rien de précis sur le cas"))
        elif said:
            fullest = max(said, key=lambda pair: (pair[1], pair[0].words))[0]
            evidence.append(ev(fullest, True, "propos précis, tirés du cas"))
        return Observation("substance", f"Propos concrets, tirés du cas ({share:.0%} des mots)",
                           score, evidence, None if score >= 0.7 else advise("substance"))

    # --- relationship -------------------------------------------------------------------

    @observation
    def contact(self) -> Observation:
        first = self.turns[:2]
        greeted = next((t for t in first if Act.SALUTATION in t.main_acts), None)
        # (The customer's record of the introduction and of the purpose, as the scenario's
        # expectations read them: the sheet never says "+ présentation" beside "attendu non
        # tenu : se présente".)
        introduced = self._first(Event.PRESENTATION_FAITE, within=3) or \
            introduced_in_words(self.turns, self.scenario)
        purpose = self._first(Event.OBJET_ANNONCE, within=3)
        thanked = next((t for t in self.turns if Act.REMERCIEMENT in t.main_acts), None)
        parts = [greeted, thanked]
        if not self.internal:
            parts.append(introduced)
            if not self.inbound:
                parts.append(purpose)
        score = sum(p is not None for p in parts) / len(parts)
        evidence = [ev(t, True, note) for t, note in (
            (greeted, "salutation"), (introduced, "présentation"), (purpose, "objet annoncé"),
            (thanked, "remerciement")) if t is not None]
        missing = [] if greeted else ["salutation"]
        if not self.internal and not introduced:
            missing.append("présentation (nom, entreprise)")
        if not self.internal and not self.inbound and not purpose:
            missing.append("objet de l'appel ou de la visite")
        if not thanked:
            missing.append("remerciement")
        if missing:
            evidence.append(ev(self.turns[0], False, "manque : " + ", ".join(missing)))
        advice = None if score >= 1 else advise(
            "prise_de_contact", client=self.customer.short_name,
            entreprise=self.scenario.brief.company.name, telephone=self.phone,
            objet=not self.internal and not self.inbound)
        return Observation("contact", "Prise de contact (salutation, présentation, objet)",
                           score, evidence, advice)

    @observation
    def customer_name(self) -> Observation:
        names = {fold(s.last_name) for s in self.scenario.speakers}
        uses = [t for t in self.turns if any(re.search(rf"\b{re.escape(n)}\b", fold(t.text))
                                             for n in names)]
        score = 0.0 if not uses else 0.7 if len(uses) == 1 else 1.0
        advice = None if score == 1 else advise("nom_du_client", nom=self.main.short_name)
        return Observation("customer_name", "Nom du client utilisé", score,
                           [ev(t, True, "nom du client") for t in uses[:2]], advice)

    @observation
    def politeness(self) -> Observation:
        rude = [t for t in self.turns if Act.IMPOLITESSE in t.main_acts]
        events = set(self.final.events)
        score = 1.0
        if Event.PRESSION in events:
            score = 0.3
        if Event.IMPOLITESSE in events or rude:
            score = 0.0 if len(rude) > 1 else min(score, 0.2)
        advice = None
        if rude:
            advice = advise("courtoisie", dit=quote(rude[0], 50))
        return Observation("politeness", "Courtoisie, sans pression sur le client", score,
                           [ev(t, False, "impolitesse ou pression") for t in rude], advice)

    @observation
    def listening(self) -> Observation:
        # A reformulation earns credit when it says again what the customer actually said (a
        # fact she gave, or one of her figures); "si je comprends bien, vous voulez le meilleur"
        # with none of it is a formula (keyword stuffing graded 9/20 against an examiner's 2).
        restating = [i for i, t in enumerate(self.turns)
                     if Act.REFORMULATION in t.main_acts and self._restates(i)]
        reformulations = [self.turns[i] for i in restating]
        hollow = [t for t in self.turns if Act.REFORMULATION in t.main_acts
                  and t not in reformulations]
        controls = _distinct([t for t in self.turns if Act.QUESTION_CONTROLE in t.main_acts])
        empathy = _distinct([t for t in self.turns if t.main_acts & {Act.EMPATHIE, Act.EXCUSE}])
        complaint = self.scenario.kind == Kind.RECLAMATION
        # Reformulation is the core of active listening; checks and empathy complete it.
        # (One restatement that takes up the whole case, "Si je résume : votre lave-linge…,
        # livré lundi…, le hublot fendu…, vos deux messages…", is worth two short ones: the
        # examiners of aveugle-3 gave TS to a call with just that one.)
        reformulated = min(1.0, sum(2 if self._sums_up_her(i) else 1 for i in restating) / 2)
        checked = min(1.0, float(len(controls)))
        if complaint or self.final.objections_raised:
            felt = min(1.0, len(empathy) / (2 if complaint else 1))
            score = 0.6 * reformulated + 0.2 * checked + 0.2 * felt
        else:
            score = 0.75 * reformulated + 0.25 * checked
        # Talking over the customer (voice sessions) is the opposite of listening.
        interruptions = [t for t in self.turns if t.cut_customer]
        score = max(0.0, score - 0.15 * min(3, len(interruptions)))
        evidence = [ev(t, True, "reformulation") for t in reformulations[:2]] + \
            [ev(t, True, "question de contrôle") for t in controls[:1]] + \
            [ev(t, True, "empathie") for t in empathy[:1]] + \
            [ev(t, False, HOLLOW_REFORMULATION) for t in hollow[:2]] + \
            [ev(t, False, "coupe la parole au client") for t in interruptions[:3]]
        advice = None
        if len(interruptions) >= 2 or (interruptions and complaint):
            advice = advise("ecoute_coupure")
        elif not reformulations:
            fact = next((f for f in self.scenario.facts if f.id in self.final.facts_revealed), None)
            advice = advise("ecoute_reformulation", fait=fact.label if fact else None)
        elif not controls:
            advice = advise("ecoute_controle")
        elif (complaint or self.final.objections_raised) and not empathy:
            advice = advise("ecoute_empathie")
        return Observation("listening", "Écoute active (reformulation, contrôle, empathie)",
                           score, evidence, advice)

    def _first(self, event: Event, within: int) -> StudentTurn | None:
        """The turn at which the event happened, among the first `within`."""
        return next((t for i, t in enumerate(self.turns[:within])
                     if event in _events_at(self.turns, i)), None)

    def _sums_up_her(self, index: int) -> bool:
        """Whether the turn says again RICH_RESTATEMENT facts she had given, or as many times
        ECHO_WORDS of her words."""
        before = self.turns[index - 1].state if index else None
        turn = self.turns[index]
        return before is not None and (
            len(set(turn.topics) & set(before.facts_revealed)) >= RICH_RESTATEMENT
            or turn.echoed >= RICH_RESTATEMENT * ECHO_WORDS)

    def _restates(self, index: int) -> bool:
        """Whether the turn says again something the customer had said: a fact she gave
        (its topic), or a figure of hers."""
        before = self.turns[index - 1].state if index else None
        if before is None:
            return False
        turn = self.turns[index]
        if set(turn.topics) & set(before.facts_revealed):
            return True
        said = {float(re.sub(r"\D", "", f)) for f in FIGURE.findall(turn.text)}
        # (Or her words taken up after a restating opener, as the transcript promoted it:
        # "Donc le livreur est reparti…" was both credited and called hollow.)
        return bool(said & self.transcript.figures_heard_before(turn)) or turn.echoes_her

    # --- discovery, arguments, objections -----------------------------------------------

    @observation
    def discovery(self) -> Observation:
        essential = [f for f in self.scenario.facts if f.essential] or list(self.scenario.facts)
        found = [f for f in essential if f.id in self.facts_known]
        ratio = len(found) / len(essential)
        opens = [t for t in self.turns if Act.QUESTION_OUVERTE in t.main_acts]
        closed = [t for t in self.turns if t.main_acts & {Act.QUESTION_FERMEE,
                                                     Act.QUESTION_ALTERNATIVE}]
        # How the questions were asked is the « questioning » observation; this one is what
        # was found.
        score = 0.85 * ratio ** DISCOVERY_CURVE + 0.15 * (1.0 if opens or closed else 0.0)
        evidence = []
        for index, turn in enumerate(self.turns):
            revealed = _new(self.turns, index, "facts_revealed")
            if revealed:
                labels = ", ".join(f.label for f in self.scenario.facts if f.id in revealed)
                evidence.append(ev(turn, True, f"fait découvert : {labels}"))
        missed = [f for f in essential if f.id not in self.facts_known]
        advice = None
        if missed:
            advice = advise("decouverte", fait=missed[0].label, trouves=len(found),
                            total=len(essential), exemple=example(missed[0].phrasings))
        elif len(opens) < 2:
            advice = advise("decouverte_ouverte")
        return Observation(
            "discovery", f"Découverte ({count(len(found), 'fait essentiel', 'faits essentiels')} "
                         f"sur {len(essential)}, "
                         f"{count(len(opens), 'question ouverte', 'questions ouvertes')})",
            score, evidence[:4], advice)

    @observation
    def questioning(self) -> Observation:
        """The funnel: open questions first, closed ones to pin facts down."""
        # An open question by its grammar counts when it asks about the case, whatever the act
        # reader ranked first ("Quels objectifs la direction régionale vous a-t-elle fixés pour
        # avril ?" was counted closed: "0 question ouverte sur 7" for a student the examiner
        # praised for discovery); "quel est votre besoin ?" asks about nothing in particular.
        vocabulary = self.vocabulary
        opens = [t for t in self.turns if Act.QUESTION_OUVERTE in t.main_acts or any(
            sum(w in vocabulary and w not in _ANY_CASE for w in content_words(q) if len(w) >= 4)
            >= CASE_QUESTION_WORDS
            for q in open_questions(t.text))]
        closed = [t for t in self.turns if t.main_acts & {Act.QUESTION_FERMEE,
                                                     Act.QUESTION_ALTERNATIVE} and t not in opens]
        total = len(opens) + len(closed)
        if not total:
            return Observation("questioning", "Questionnement (aucune question)", 0.0,
                               [ev(self.turns[0], False, "aucune question posée")],
                               advise("questionnement_absent"))
        share = len(opens) / total
        score = min(1.0, share / 0.4) * min(1.0, total / 4)
        evidence = [ev(t, True, "question ouverte") for t in opens[:2]]
        if not opens:
            evidence.append(ev(closed[0], False, "que des questions fermées"))
        advice = None if score >= 0.8 else advise("questionnement", ouvertes=len(opens),
                                                  total=total)
        asked = count(len(opens), "question ouverte", "questions ouvertes")
        return Observation("questioning", f"Questionnement en entonnoir ({asked} sur {total})",
                           score, evidence, advice)

    @observation
    def arguments(self) -> Observation | None:
        if not self.scenario.arguments:
            return None
        heard = [a for a in self.scenario.arguments if a.id in self.final.arguments_heard]
        tied = [a for a in heard if not a.needs or
                any(n in self.final.needs_understood for n in a.needs)]
        # A need the customer expressed (one of its facts came out) but the student never
        # reformulated: an argument answering it hits the mark without showing the link.
        expressed = {n.id for n in self.scenario.needs
                     if set(n.facts) & set(self.final.facts_revealed)}
        unlinked = [a for a in heard if a not in tied and set(a.needs) & expressed]
        proofs = [t for t in self.turns if Act.PREUVE in t.main_acts]
        # The customer's needs the argumentation actually answered.
        answered = {n for a in tied for n in a.needs}
        coverage = len(answered) / len(self.scenario.needs) if self.scenario.needs else 1.0
        linked = len(tied) + UNLINKED_CREDIT * len(unlinked)
        score = (0.35 * (linked / len(heard) if heard else 0) +
                 0.25 * min(1.0, len(heard) / 2) + 0.2 * (1.0 if proofs else 0.0) +
                 0.2 * coverage)
        evidence = []
        for index, turn in enumerate(self.turns):
            for argument_id in _new(self.turns, index, "arguments_heard"):
                argument = next(a for a in self.scenario.arguments if a.id == argument_id)
                good = argument in tied
                note = "" if good else (" répond à un besoin exprimé, sans le reformuler"
                                        if argument in unlinked
                                        else " sans lien avec un besoin exprimé")
                evidence.append(ev(turn, good, f"argument « {argument.label} »{note}"))
        unused = [a for a in self.scenario.arguments if a not in heard and (
            not a.needs or any(n in self.final.needs_understood for n in a.needs))]
        advice = None
        if score < 0.9:
            pick = unused[0] if unused else self.scenario.arguments[0]
            advice = advise("arguments", exemple=example(pick.phrasings))
        linked_label = count(len(tied), "argument relié", "arguments reliés")
        return Observation("arguments", f"Argumentation ({linked_label} aux besoins)", score,
                           evidence[:4], advice)

    @cached_property
    def over_budget_unsettled(self) -> bool:
        """The last proposal above the budget the customer gave, and no agreement: a second
        meeting to "validate a revised version" settles nothing (aveugle-11, 4 500 € held against
        a 3 000 € cap: the examiner's 9.5, graded 17 when a partial outcome counted as one)."""
        deal, price = self.scenario.negotiation, self.last_price
        return deal is not None and deal.customer_budget is not None and price is not None \
            and price > deal.customer_budget and self.transcript.outcome != Outcome.SUCCESS

    @observation
    def objections(self) -> Observation:
        raised = self.final.objections_raised
        treated = self.final.objections_treated
        ignored = self.final.objections_ignored
        if not raised:
            return Observation("objections", "Objections (aucune soulevée)", 0.75, [], None)
        # The customer may accept a clumsy answer; the grade gives full credit only to a
        # clear treatment (reformulate, argue, prove, answer the objection).
        answer_acts = {Act.TRAITEMENT_OBJECTION, Act.ARGUMENT, Act.PREUVE, Act.REFORMULATION,
                       Act.PROPOSITION_SOLUTION}
        # Argued away for a turn, back at the end: "Trop cher pour mon enveloppe.
        # Retravaillez-le." (aveugle-2, the examiner: "aucun budget n'est validé").
        standing = {o.id for o in self.scenario.objections if o.category.value == "prix"} \
            if self.over_budget_unsettled else set()
        credit = 0.0
        evidence = []
        for index, turn in enumerate(self.turns):
            for objection_id in _new(self.turns, index, "objections_treated"):
                objection = next(o for o in self.scenario.objections if o.id == objection_id)
                if objection_id in standing:
                    evidence.append(ev(turn, False, f"objection non levée : {objection.label}"
                                                    " (proposition restée au-dessus du budget)"))
                    continue
                clear = bool(turn.main_acts & answer_acts)
                credit += 1.0 if clear else 0.5
                evidence.append(ev(turn, True, f"objection levée : {objection.label}" +
                                   ("" if clear else " (réponse peu argumentée)")))
            for objection_id in _new(self.turns, index, "objections_ignored"):
                objection = next(o for o in self.scenario.objections if o.id == objection_id)
                evidence.append(ev(turn, False, f"objection ignorée : {objection.label}"))
        score = max(0.1, credit / len(raised) - 0.1 * len(ignored))
        pending = [o for o in self.scenario.objections if o.id in self.final.objections_pending]
        advice = None
        if pending:
            objection = pending[0]
            answer = next((a for a in self.scenario.arguments if a.id in (
                objection.treated_if[0].topics or [])), None)
            named = objection.label if objection.label.startswith("«") else \
                f"« {objection.label} »"
            advice = advise("objection", objection=named,
                            reponse=example(answer.phrasings) if answer else None)
        lifted = len(set(treated) & set(raised) - standing)
        return Observation("objections", f"Objections ({count(lifted, 'levée', 'levées')} sur "
                                         f"{len(raised)})", min(1.0, score), evidence, advice)

    # --- negotiation and closing ----------------------------------------------------------

    @observation
    def price_timing(self) -> Observation | None:
        deal = self.scenario.negotiation
        if deal is None:
            return None
        for index, turn in enumerate(self.turns):
            if Event.PRIX_ANNONCE in _events_at(self.turns, index):
                known = len(turn.state.facts_revealed)
                score = 1.0 if known >= 3 else 0.6 if known == 2 else 0.3 if known == 1 else 0.0
                if score == 1.0 and not turn.main_acts & {Act.ARGUMENT, Act.PREUVE}:
                    score = 0.8  # a bare price, not framed by benefits (the « sandwich »)
                good = score >= 0.6
                advice = None if good else advise(
                    "prix_moment", prix=f"{deal.list_price:g} {deal.unit}")
                facts_known = count(known, "fait découvert", "faits découverts")
                return Observation("price_timing", "Prix annoncé après la découverte", score,
                                   [ev(turn, good, f"prix annoncé après {facts_known}")], advice)
        score = 0.5 if self.transcript.outcome != Outcome.SUCCESS else 1.0
        return Observation("price_timing", "Annonce du prix", score, [], None if score == 1 else
                           advise("prix_absent"))

    @observation
    def within_budget(self) -> Observation | None:
        deal = self.scenario.negotiation
        if deal is None or deal.customer_budget is None:
            return None
        price = self.last_price
        if price is None:
            return Observation("within_budget", "Proposition dans le budget (aucun montant)",
                               0.0, [], advise("budget_absent"))
        inside = price <= deal.customer_budget
        # The turn that put that price on the table last (said again or first offered).
        said = [t for t in self.turns if Act.ANNONCE_PRIX in t.acts
                and t.state.price_offered == price] or \
            [t for t in self.turns if t.state.price_offered == price][:1] or self.turns[-1:]
        return Observation("within_budget", f"Proposition de {price:g} {deal.unit}"
                                            + (" dans le budget" if inside else
                                               " au-dessus du budget"),
                           1.0 if inside else 0.0, [ev(said[-1], inside,
                                                       f"dernière proposition : {price:g}")],
                           None if inside else advise("budget_depasse"))

    @observation
    def concessions(self) -> Observation | None:
        deal = self.scenario.negotiation
        if deal is None:
            return None
        said_back = self.echoed_prices
        given = [t for i, t in enumerate(self.turns)
                 if Event.CONCESSION_SANS_CONTREPARTIE in _events_at(self.turns, i)
                 and t.number not in said_back]
        traded = [t for i, t in enumerate(self.turns)
                  if Event.CONTREPARTIE_OBTENUE in _events_at(self.turns, i)]
        # A cut paid for in the same turn or later is traded all the same ("je m'adapte à vos
        # 3 000 €… poste par poste", then the file approved against the flyers dropped,
        # aveugle-7: the examiner's "réductions contre contreparties", 18.5/20).
        given = [t for t in given if not any(u.number >= t.number for u in traded)]
        echoed = {f"prix:{price:g}" for price in said_back.values()}
        conceded = [c for c in self.final.concessions_given
                    if not c.startswith("contrepartie:") and c not in echoed]
        obtained = len(self.final.counterparts_obtained)
        price_objections = {o.id for o in self.scenario.objections if o.category.value in (
            "prix", "concurrence")}
        unsolicited = []
        for index, turn in enumerate(self.turns[1:], start=1):
            before, after = self.turns[index - 1].state, turn.state
            lowered = before.price_offered is not None and after.price_offered is not None \
                and after.price_offered < before.price_offered
            # A first price already under the list price is a discount too ("je peux vous faire
            # une remise de 10 euros, ça ferait 39 au lieu de 49", aveugle-5: praised as "prix
            # tenu"); not an offer fitted to the budget the customer gave.
            lowered = lowered or (
                before.price_offered is None and after.price_offered is not None
                and after.price_offered < deal.list_price
                and (deal.customer_budget is None or after.price_offered > deal.customer_budget))
            if lowered and turn.number not in said_back and \
                    not set(before.objections_pending) & price_objections:
                unsolicited.append(turn)
        # Holding the price and conditions is best; each concession should buy something. A
        # price never put on the table was not held either ("polite, never sells": 5/20
        # against an examiner's 2).
        priced = Event.PRIX_ANNONCE in self.final.events or self.final.price_offered is not None
        score = 0.3 + 0.5 * min(1.0, obtained / len(conceded)) if conceded else \
            1.0 if priced else NOT_NEGOTIATED
        held_over = priced and not conceded and self.over_budget_unsettled
        if held_over:
            # Holding a price the customer cannot pay, with no agreement, is not negotiating
            # (aveugle-2: "je maintiens le projet à 4 500 €" to a 3 000 € budget, 9.5/20).
            score = HELD_OVER_BUDGET
        if unsolicited:
            score = min(score, 0.5)  # a discount the customer had not asked for
        if given:
            score = min(score, 0.3)
        evidence = [ev(t, False, "concession sans contrepartie") for t in given] + \
            [ev(t, False, "remise proposée sans que le client la demande")
             for t in unsolicited] + [ev(t, True, "contrepartie obtenue") for t in traded]
        advice = None
        if given:
            advice = advise("concession", exemple=next(
                (line for c in deal.counterparts if (line := example(c.phrasings))), None))
        label = "Concessions échangées contre des contreparties" if conceded else \
            "Prix maintenu au-dessus du budget, sans accord" if held_over else \
            "Prix tenu, sans concession" if priced else "Aucune négociation (prix jamais annoncé)"
        return Observation("concessions", label, score, evidence, advice)

    @observation
    def deal(self) -> Observation:
        outcome = self.transcript.outcome
        score = {Outcome.SUCCESS: 1.0, Outcome.PARTIAL: 0.6, Outcome.UNFINISHED: 0.3,
                 Outcome.FAILURE: 0.0}[outcome]
        deal, agreed = self.scenario.negotiation, self.final.price_agreed
        if outcome == Outcome.SUCCESS and deal and agreed is not None \
                and deal.floor_price is not None and deal.list_price > deal.floor_price:
            kept = (agreed - deal.floor_price) / (deal.list_price - deal.floor_price)
            score = 0.7 + 0.3 * max(0.0, min(1.0, kept))
        label = {Outcome.SUCCESS: "Objectif atteint", Outcome.PARTIAL: "Objectif atteint en partie",
                 Outcome.UNFINISHED: "Entretien sans résultat",
                 Outcome.FAILURE: "Entretien perdu"}[outcome]
        outcome_label = next((o.label for o in self.scenario.outcomes
                              if o.id == self.transcript.outcome_id), None)
        evidence = [ev(self.turns[-1], score >= 0.6, outcome_label)] if outcome_label else []
        return Observation("deal", label, score, evidence, None if score >= 0.8 else
                           advise("objectif", objectif=self.scenario.brief.objective))

    @observation
    def closing(self) -> Observation:
        asked = [t for t in self.turns if t.main_acts & {
            Act.DEMANDE_ENGAGEMENT, Act.PROPOSITION_RDV, Act.PROPOSITION_SOLUTION}]
        premature = Event.CLOSING_PREMATURE in self.final.events
        recap = [t for t in self.turns if Act.RECAPITULATIF in t.main_acts]
        leave = [t for t in self.turns if Act.PRISE_DE_CONGE in t.main_acts]
        # A recap commits when it carries figures or a date (what, how much, when).
        precise = [t for t in recap if any(e.get("type") in ("date", "montant", "duree")
                                           for e in t.entities)]
        score = 0.45 * (1.0 if asked and not premature else 0.4 if asked else 0.0) + \
            0.35 * (1.0 if precise else 0.5 if recap else 0.0) + 0.2 * (1.0 if leave else 0.0)
        evidence = [ev(t, True, "demande d'engagement") for t in asked[-1:]] + \
            [ev(t, True, "récapitulatif") for t in recap[:1]] + \
            [ev(t, True, "prise de congé") for t in leave[:1]]
        if premature:
            turn = next(t for i, t in enumerate(self.turns)
                        if Event.CLOSING_PREMATURE in _events_at(self.turns, i))
            evidence.append(ev(turn, False, "conclusion demandée avant la découverte"))
        advice = None
        if not asked:
            advice = advise("conclusion_engagement")
        elif not recap:
            advice = advise("conclusion_recapitulatif")
        elif not leave:
            advice = advise("conclusion_conge")
        return Observation("closing", "Conclusion (engagement, récapitulatif, prise de congé)",
                           score, evidence, advice)

    @observation
    def next_step(self) -> Observation:
        events = set(self.final.events)
        if Event.RDV_CONFIRME in events:
            score, note = 1.0, "rendez-vous fixé et confirmé"
        elif Event.RDV_FIXE in events:
            score, note = 0.7, "rendez-vous fixé, non reformulé"
        elif events & {Event.ACCORD, Event.ENGAGEMENT_DONNE}:
            score, note = 0.9, "accord ou engagement obtenu"
        elif Event.RAPPEL_FIXE in events:
            score, note = 0.5, "rappel daté"
        elif Event.DOCUMENTATION_PROMISE in events:
            score, note = 0.3, "documentation promise"
        else:
            score, note = 0.0, "aucune suite convenue"
        advice = None
        if score < 1 and self.scenario.appointment:
            slots = self.scenario.appointment.free_slots
            pair = " ou ".join(f"{s.day} à {s.start.replace(':', ' h ')}".replace(" h 00", " h")
                               for s in slots[:2])
            advice = advise("suite_creneaux", creneaux=pair)
        elif score < 0.9:
            advice = advise("suite")
        return Observation("next_step", f"Suite convenue ({note})", score,
                           [ev(self.turns[-1], score >= 0.7, note)], advice)

    # --- phone technique ---------------------------------------------------------------

    @observation
    def phone_opening(self) -> Observation | None:
        if not self.phone or self.inbound:
            return None
        first = self.turns[:2]
        introduced = any(Act.PRESENTATION in t.main_acts for t in first)
        purpose = any(Act.ANNONCE_OBJET in t.main_acts for t in first)
        score = (0.5 if introduced else 0.0) + (0.5 if purpose else 0.0)
        if Event.PRIX_ANNONCE in self.turns[0].state.events or any(
                e.get("type") == "montant" for e in self.turns[0].entities):
            score /= 2  # pitching the price in the first sentence is no opening
        return Observation("phone_opening", "Ouverture de l'appel en 20 secondes (qui, pourquoi)",
                           score, [ev(self.turns[0], score == 1, "ouverture")],
                           None if score == 1 else
                           advise("ouverture"))

    @observation
    def monologue(self) -> Observation:
        longest = max(self.turns, key=lambda t: t.words)
        events = set(self.final.events)
        score = 1.0 if longest.words <= 45 else 0.6 if longest.words <= 70 else 0.3
        if Event.MONOLOGUE in events:
            score = 0.0
        return Observation("monologue", f"Répliques courtes (la plus longue : {longest.words} "
                                        "mots)", score,
                           [ev(longest, score >= 0.6, f"{longest.words} mots")],
                           None if score >= 0.6 else
                           advise("monologue", dit=quote(longest, 40)))

    @observation
    def fillers(self) -> Observation:
        words = sum(t.words for t in self.turns) or 1
        hits = [(t, FILLERS.findall(t.text)) for t in self.turns]
        count = sum(len(found) for _, found in hits)
        rate = 100 * count / words
        score = 1.0 if rate <= 1 else 0.6 if rate <= 3 else 0.3
        worst = max(hits, key=lambda pair: len(pair[1]))
        evidence = [ev(worst[0], False, "tics : " + ", ".join(worst[1]))] if worst[1] else []
        return Observation("fillers", f"Langage sans tics ({rate:.1f} pour 100 mots)", score,
                           evidence, None if score == 1 else
                           advise("tics"))

    @observation
    def wording(self) -> Observation:
        hits = [(t, VAGUE.findall(fold(t.text))) for t in self.turns]
        hits = [(t, [h if isinstance(h, str) else h[0] for h in found]) for t, found in hits
                if found]
        said = sum(len(found) for _, found in hits)
        score = 1.0 if said == 0 else 0.6 if said == 1 else 0.3 if said <= 3 else 0.0
        evidence = [ev(t, False, "mots à éviter : " + ", ".join(found)) for t, found in hits[:3]]
        return Observation("wording", "Vocabulaire positif et précis", score, evidence,
                           None if said == 0 else advise("mots"))

    # --- complaint handling ---------------------------------------------------------------

    @observation
    def complaint(self) -> Observation | None:
        if self.scenario.policy is None:
            return None
        events = set(self.final.events)
        apology = [t for t in self.turns if Act.EXCUSE in t.main_acts]
        legal_ids = {p.id for p in self.scenario.policy.legal_points}
        rights = [t for t in self.turns if legal_ids & set(t.topics)]
        offered = {item for t in self.turns for item in t.state.solutions_proposed}
        choice = [t for t in self.turns if Act.QUESTION_ALTERNATIVE in t.main_acts]
        precise = [t for t in self.turns if any(e.get("type") in ("numero_commande", "email")
                                                for e in t.entities)
                   or re.search(r"\b(numero de dossier|ticket|dossier n|sav-)", fold(t.text))]
        discovery = self.found["discovery"].score  # type: ignore[union-attr]
        parts = {
            "excuses": 0.15 if apology else 0.0,
            "solution conforme acceptée": 0.2 if Event.SOLUTION_ACCEPTEE in events else 0.0,
            "engagement précis (numéro de dossier, courriel)":
                0.15 if Event.ENGAGEMENT_DONNE in events and precise else
                0.07 if Event.ENGAGEMENT_DONNE in events else 0.0,
            "aucune promesse hors politique":
                0.1 if Event.PROMESSE_HORS_POLITIQUE not in events else 0.0,
            "droits du consommateur respectés":
                0.1 if Event.DROIT_LEGAL_NIE not in events else 0.0,
            "droits expliqués": 0.1 if rights and Event.DROIT_LEGAL_NIE not in events else 0.0,
            "choix laissé au client": 0.1 if choice or len(offered) >= 2 else 0.0,
            "diagnostic du problème": 0.1 * discovery,
        }
        full = {"excuses": 0.15, "solution conforme acceptée": 0.2,
                "engagement précis (numéro de dossier, courriel)": 0.15,
                "aucune promesse hors politique": 0.1, "droits du consommateur respectés": 0.1,
                "droits expliqués": 0.1, "choix laissé au client": 0.1,
                "diagnostic du problème": 0.1}
        score = sum(parts.values())
        if Event.DROIT_LEGAL_NIE in events:
            score = min(score, 0.2)
        evidence = [ev(t, True, "excuses") for t in apology[:1]]
        # (A promise outside the policy and a right denied are faults, quoted as such in every
        # criterion they touch: scoring/misconduct.py.)
        for index, turn in enumerate(self.turns):
            for event in _events_at(self.turns, index):
                if event in (Event.SOLUTION_ACCEPTEE, Event.ENGAGEMENT_DONNE):
                    evidence.append(ev(turn, True, event.label))
        missing = [name for name, value in parts.items() if value < full[name] * 0.7]
        solution = self.scenario.policy.solutions[0]
        advice = None if not missing else advise(
            "reclamation", manques=missing,
            solution=example(solution.phrasings) or f"Je vous propose : {solution.label}.")
        return Observation("complaint", "Traitement de la réclamation (excuses, solution "
                                        "conforme, droits, engagement)", score, evidence,
                           advice)
