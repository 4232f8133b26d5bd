"""The scorecard: per criterion of the scenario, a level (TI / I / S / TS) and a score with
its evidence and one concrete improvement; the /20 mark from the scenario's weights; the
session's three strengths and three priorities. Same transcript, same scorecard."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from scenarios.model import Scenario
from scenarios.vocabulary import Act, Event, Kind, Outcome

from .advice import advise
from .call_report import FIELD_LABELS, check_report
from .expectations import ExpectationResult, check
from .misconduct import Fault, faults
from .observations import HOLLOW_REFORMULATION, Evidence, Observation, Observer, ev, quote
from .rubric import POLICY_BREACHES, Level, rubric
from .transcript import FIGURE, Transcript

# A conversation the customer ended in failure shows every criterion at best insufficient
# (an examiner does not rate the technique of a call that was hung up as satisfactory), and
# very insufficient when the student's own conduct ended it.
FAILURE_CAP = 0.45
MISCONDUCT_CAP = 0.29
# A call or meeting the customer cut short within a few turns because of the student leaves an
# examiner nothing to credit: over eighteen blind sets, examiners gave such students 1 to 1.5
# /20 (phone) where every criterion at MISCONDUCT_CAP gave 2 to 3.5.
CUT_SHORT_TURNS = 4
CUT_SHORT_CAP = 0.15
MISCONDUCT = {"impolitesse", "pression", "monologue", "presentation_manquante",
              "patience_epuisee", "droit_legal_nie"}
EXPECTATIONS_SHARE = 0.15
# The grid keeps "très insuffisant" in the relationship for rudeness, pressure or contempt and a
# customer who ends the exchange: a courteous student who listens little is "insuffisant", in
# the middle of that level (decision 0007: the floor that best fits the examiner's marks).
COURTEOUS_FLOOR = {"b1.relation_interpersonnelle": 0.425}


def level_of(score: float) -> Level:
    if score >= 0.8:
        return Level.TS
    if score >= 0.55:
        return Level.S
    if score >= 0.3:
        return Level.I
    return Level.TI


# The share of a criterion's points each level is worth, as examiners convert the grid's
# levels into a mark: the thresholds of `level_of` mapped onto these bands (TI up to 22.5 %,
# I up to 42.5 %, S up to 85 %, TS the rest). Fitted on the 288 students of the blind sets
# aveugle-1 to -8 (minimum mean gap per scenario, steps of 2.5 %; the same I and TS bounds on
# every half of the sets, 0.1 point less gap on the half left out): the examiners' own levels
# read as marks give TI 1.3, I 6.3, S 12 and TS 18 /20, where with I up to half and S up to
# four fifths an "insuffisant" everywhere earned 7-8 and a merely good student 13-16.
LEVEL_BANDS = ((0.0, 0.0), (0.3, 0.225), (0.55, 0.425), (0.8, 0.85), (1.0, 1.0))


def points(score: float) -> float:
    """The share of the criterion's points a score earns, level by level (LEVEL_BANDS)."""
    for (low, low_share), (high, high_share) in pairwise(LEVEL_BANDS):
        if score <= high:
            return low_share + (score - low) / (high - low) * (high_share - low_share)
    return 1.0


def out_of_20(score: float) -> float:
    return round(score * 40) / 2


@dataclass
class CriterionResult:
    id: str
    label: str
    weight: float
    score: float  # 0..1
    evidence: list[Evidence] = field(default_factory=list)
    advice: str | None = None

    @property
    def level(self) -> Level:
        return level_of(self.score)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "weight": self.weight,
                "level": self.level.value, "level_label": rubric().level_names[self.level],
                "score": out_of_20(self.score), "evidence": [e.as_dict() for e in self.evidence],
                "advice": self.advice}


@dataclass
class Scorecard:
    scenario: str
    total: float  # /20
    criteria: list[CriterionResult]
    strengths: list[str]
    priorities: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"scenario": self.scenario, "total": self.total,
                "criteria": [c.as_dict() for c in self.criteria],
                "strengths": self.strengths, "priorities": self.priorities}


# What each imprecise field of the call report costs beyond its own share.
REPORT_IMPRECISION = 0.05
# Below this substance (scoring/observations.py), the talk says next to nothing of the case:
# every criterion is capped at EMPTY_TALK_CAP.
EMPTY_TALK = 0.3
EMPTY_TALK_CAP = 0.35
# Talk with nothing of the case at all (substance 0: a fifth of its words or fewer from the
# case) is "très insuffisant": the examiners gave keyword stuffing 2 to 3.5/20. In a
# complaint, much of a fair answer is the relationship's words (apologies, empathy): a weak
# but decent agent there got 6/20 from the examiner, so only stuffing (HOLLOW_IN_VOID) is.
VOID_TALK_CAP = 0.22
# In a complaint, void talk is stuffing when it restates, at least this often, what the customer
# never said (aveugle-4: "je reformule : vous attendez une solution gagnant-gagnant", 2/20).
HOLLOW_IN_VOID = 2
# Empty talk is void too when it says stock formulas again this often (Observer.
# repeated_formulas): the customer's own words parroted back lift its substance a little above
# nothing ("vous voulez des résultats… vous demandez à voir", aveugle-15: 2/20, graded 5).
STUFFED = 5
# Evidence shown per criterion: the turns that decided its level, most telling first.
EVIDENCE_SHOWN = 6
# Of two pieces of evidence from equally weighted observations, the one on the side of the
# level (a "+" for a good level, a "−" for a poor one) tells more of why.
OFF_SIDE_RELEVANCE = 0.6
# An expectation of the scenario, met or missed, weighs as its share of the score.
EXPECTATION_RELEVANCE = EXPECTATIONS_SHARE
# At most this many session-wide notes (an expectation missed names no turn): the quoted turns
# are what a student can learn from.
UNQUOTED_SHOWN = 2


def grade(transcript: Transcript, scenario: Scenario,
          report: dict[str, Any] | None = None) -> Scorecard:
    observer = Observer(transcript, scenario)
    observations = observer.all()
    if scenario.grading.call_report:
        observations["report"] = _report_observation(report, transcript, scenario)
    found = faults(transcript, scenario)
    expectations: dict[str, list[ExpectationResult]] = {}
    for result in check(transcript, scenario, found, observer.states):
        expectations.setdefault(result.criterion, []).append(result)
    misconduct = MISCONDUCT & {e.value for e in transcript.final.events}
    # (What a lost conversation caps every criterion at: the same for all of them.)
    lost_cap = FAILURE_CAP if not misconduct else \
        CUT_SHORT_CAP if len(transcript.turns) <= CUT_SHORT_TURNS else MISCONDUCT_CAP
    substance = observations.get("substance")
    empty = substance is not None and substance.score < EMPTY_TALK
    stuffed = observer.repeated_formulas >= STUFFED
    courteous = _courteous(observations) and not misconduct and not found
    proposed = _proposed(transcript)
    rules = rubric()
    settled = scenario.kind.value in rules.remedy_agreed.kinds and not found and \
        not misconduct and transcript.outcome != Outcome.FAILURE and \
        Event.SOLUTION_ACCEPTEE in transcript.final.events
    no_proposal_caps = rules.no_proposal.caps_for(scenario.kind.value)
    results = []
    for item in scenario.grading.criteria:
        recipe = _recipe(item.criterion)
        parts = [(observations[name], weight) for name, weight in recipe.items()
                 if observations.get(name) is not None]
        total_weight = sum(weight for _, weight in parts) or 1.0
        score = sum(o.score * w for o, w in parts) / total_weight  # type: ignore[union-attr]
        # (Each piece of evidence with the weight of what it shows, to choose the telling ones.)
        weighed = [(e, w) for o, w in parts for e in o.evidence]  # type: ignore[union-attr]
        weakest = min((o for o, _ in parts if o.advice), key=lambda o: o.score,  # type: ignore
                      default=None)
        advice = weakest.advice if weakest else None  # type: ignore[union-attr]
        mine = expectations.get(item.criterion)
        if mine:
            met = [e for e in mine if e.met]
            score = (1 - EXPECTATIONS_SHARE) * score + EXPECTATIONS_SHARE * len(met) / len(mine)
            weighed += [(e.evidence, EXPECTATION_RELEVANCE) for e in mine]
            missed = [e.label for e in mine if not e.met]
            if missed and (advice is None or score >= 0.5):
                advice = advise("attendu", attendu=missed[0])
        if transcript.outcome == Outcome.FAILURE and item.criterion != "b2.reporting":
            score = min(score, lost_cap)
        elif item.criterion in COURTEOUS_FLOOR and courteous:
            score = max(score, COURTEOUS_FLOOR[item.criterion])
        if settled and item.criterion in rules.remedy_agreed.floors:
            score = max(score, rules.remedy_agreed.floors[item.criterion])
        mine_faults = [f for f in found if f.touches(item.criterion)]
        if item.criterion != "b2.reporting" and (empty or stuffed):
            # Talk that says nothing of the case is "insuffisant" at best, however polished its
            # form (the examiners of aveugle-1 rated keyword stuffing I or TI everywhere).
            if score > EMPTY_TALK_CAP and substance is not None:
                weighed += [(e, 1.0) for e in substance.evidence]
            # Stock formulas said again and again are void talk even where the customer's
            # offered slots or a demonstration gave it some words of the case (aveugle-20).
            void = stuffed or (
                substance.score == 0  # type: ignore[union-attr]
                and (scenario.kind != Kind.RECLAMATION
                     or _hollow(observations) >= HOLLOW_IN_VOID))
            score = min(score, VOID_TALK_CAP if void else EMPTY_TALK_CAP)
        if not proposed and item.criterion in no_proposal_caps:
            score = min(score, no_proposal_caps[item.criterion])
            weighed.append((Evidence(0, "", False, rules.no_proposal.label), 1.0))
        elif observer.over_budget_unsettled and item.criterion in rules.over_budget.caps:
            score = min(score, rules.over_budget.caps[item.criterion])
            weighed.append((Evidence(0, "", False, rules.over_budget.label), 1.0))
        if item.criterion != "b2.reporting":
            capped = _with_faults(score, item.criterion, found, scenario)
            if capped < score and not mine_faults:
                mine_faults = found  # what lowered it is shown with it
            score = capped
        if mine_faults and mine_faults[0].touches(item.criterion) and \
                not (advice or "").startswith("Restez"):
            advice = _fault_advice(mine_faults[0])
        evidence = _telling(weighed, mine_faults, score) if item.criterion != "b2.reporting" \
            else _unique([e for e, _ in weighed])  # (every field of the report, in order)
        label = rubric().criterion(item.criterion).label
        results.append(CriterionResult(item.criterion, label, item.weight,
                                       max(0.0, min(1.0, score)), evidence, advice))
    weights = sum(r.weight for r in results) or 1.0
    total = round(sum(points(r.score) * r.weight for r in results) / weights * 20 * 2) / 2
    if not proposed and any(r.id in rules.no_proposal.caps for r in results):
        total = min(total, rules.no_proposal.max_mark_for(scenario.kind.value))
    used = {name: o for name, o in observations.items() if o is not None and any(
        name in _recipe(r.id) for r in results)}
    ranked = sorted(used.values(), key=lambda o: (-o.score, o.name))
    # A strength is shown with the turn that proves it; a session with a fault of conduct has
    # none in the relationship it broke.
    broken = (_BROKEN_BY_FAULT if found else set()) | (
        _BROKEN_BY_BREACH if any(f.kind in POLICY_BREACHES for f in found) else set())
    strengths = [o.label for o in ranked if o.score >= 0.7 and any(
        e.positive and e.turn for e in o.evidence) and o.name not in broken][:3]
    priorities = [_fault_advice(f) for f in found[:1]] + \
        [_backed(o) for o in reversed(ranked) if o.advice and o.score < 0.75]
    return Scorecard(scenario.id, total, results, strengths,  # type: ignore[arg-type]
                     list(dict.fromkeys(priorities))[:3])


# How much of the student's turn a priority quotes.
PRIORITY_QUOTE = 60


def _backed(observation: Observation) -> str:
    """The observation's advice with the turn that calls for it, when one does ("Adaptez la
    proposition… — tour 12 : « Je maintiens le projet à 4 500 €… »"); advice that already
    quotes the student's words, or a move never made (no turn to show), stays as it is."""
    advice = observation.advice or ""
    turn = next((e for e in observation.evidence if not e.positive and e.turn), None)
    if turn is None or advice.startswith("Tour ") or turn.quote[:20] in advice:
        return advice
    return f"{advice.rstrip()} — tour {turn.turn} : « {_clipped(turn.quote)} »"


def _clipped(said: str) -> str:
    """The student's words cut to PRIORITY_QUOTE characters for a priority."""
    return said if len(said) <= PRIORITY_QUOTE else \
        said[:PRIORITY_QUOTE - 1].rstrip(" ,;:…") + "…"


# Observations a fault of conduct says the opposite of: never a strength beside one.
_BROKEN_BY_FAULT = {"politeness", "contact", "listening", "concessions", "complaint"}
# And what a breach of the sales policy bought: "Proposition de 2800 € dans le budget" was a
# strength beside a radio priced 600 € where the brief says 1 300 € (aveugle-12).
_BROKEN_BY_BREACH = {"within_budget", "deal", "next_step", "objections"}


# What puts something on the table: a price, a solution, a commitment, an appointment or a
# call back asked for, or agreed.
_PROPOSING = {Act.ANNONCE_PRIX, Act.PROPOSITION_SOLUTION, Act.DEMANDE_ENGAGEMENT,
              Act.PROPOSITION_RDV}
_PROPOSED = {Event.PRIX_ANNONCE, Event.SOLUTION_PROPOSEE, Event.RDV_FIXE, Event.RAPPEL_FIXE,
             Event.ACCORD, Event.ENGAGEMENT_DONNE}


def _proposed(transcript: Transcript) -> bool:
    """Whether anything was put on the table: an event of the customer's, or a turn whose main
    act proposes something of the case (a subject of it, or a figure). "J'aimerais d'abord
    savoir comment vous voyez ce printemps" read as a proposal spared a polite talk that never
    sold its cap (aveugle-6: the examiner 3/20, Repliq 6.5)."""
    return bool(set(transcript.final.events) & _PROPOSED) or any(
        t.main_acts & _PROPOSING and (t.topics or FIGURE.search(t.text))
        for t in transcript.turns)


def _recipe(criterion: str) -> dict[str, float]:
    # (A criterion the rubric gives no observations is judged on the result alone.)
    return rubric().criterion(criterion).recipe or {"deal": 1.0}


def _with_faults(score: float, criterion: str, found: list[Fault],
                 scenario: Scenario) -> float:
    """The score under the caps of the faults: the criteria a fault touches at most « très
    insuffisant », the others lowered too (rubric.yml, « manquements »)."""
    if not found:
        return score
    rules = rubric().misconduct
    for fault in found:
        kind = rules.kinds[fault.kind]
        touched = kind.touched_cap if kind.touched_cap is not None else rules.touched_cap
        others = kind.others_cap if kind.others_cap is not None else rules.others_cap
        score = min(score, touched if fault.touches(criterion) else others)
    turns = len({f.turn.number for f in found})
    touched = any(f.touches(criterion) for f in found)
    if turns > 1 and not touched:
        score = min(score, rules.repeated_cap)
    if turns >= rules.many_by_kind.get(scenario.kind.value, rules.many):
        if all(f.kind in POLICY_BREACHES for f in found):
            caps = rules.many_policy_touched_cap, rules.many_policy_others_cap
        else:
            caps = rules.many_touched_cap, rules.many_others_cap
        score = min(score, caps[0] if touched else caps[1])
    return score


def _fault_advice(fault: Fault) -> str:
    """The fault, what exactly broke the rule where the turn alone does not say it, and the
    words that did: the sentence of the made-up tariff, not the turn's opening."""
    return advise("manquement", tour=fault.turn.number, manquement=fault.described,
                  dit=_clipped(fault.said) if fault.said else quote(fault.turn, PRIORITY_QUOTE))


def _telling(weighed: list[tuple[Evidence, float]], mine: list[Fault],
             score: float) -> list[Evidence]:
    """The evidence that decided the level: the faults first, then the heaviest observations'
    evidence on the side of the level; shown in turn order (session-wide notes last)."""
    good = score >= 0.55
    ranked = sorted(_unique([e for e, _ in weighed]),
                    key=lambda e: -max(w * (1.0 if e.positive == good else OFF_SIDE_RELEVANCE)
                                       for x, w in weighed if x == e))
    ranked = _unique([f.evidence for f in mine] + ranked)
    quoted = [e for e in ranked if e.turn]
    unquoted = [e for e in ranked if not e.turn]
    room = max(UNQUOTED_SHOWN, EVIDENCE_SHOWN - len(quoted))
    chosen = [e for e in ranked if e.turn or e in unquoted[:room]][:EVIDENCE_SHOWN]
    return sorted(chosen, key=lambda e: (e.turn == 0, e.turn, not e.positive))


def _hollow(observations: dict[str, Observation | None]) -> int:
    """How many reformulations restated nothing the customer had said."""
    listening = observations.get("listening")
    return 0 if listening is None else sum(
        e.note == HOLLOW_REFORMULATION for e in listening.evidence)


def _courteous(observations: dict[str, Observation | None]) -> bool:
    """Polite from greeting to goodbye, with at least a greeting or an introduction."""
    politeness, contact = observations.get("politeness"), observations.get("contact")
    return (politeness is not None and politeness.score >= 1.0
            and contact is not None and contact.score >= 0.5)


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, str]] = set()
    kept = []
    for item in evidence:
        key = (item.turn, item.note)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _report_observation(report: dict[str, Any] | None, transcript: Transcript,
                        scenario: Scenario) -> Observation:
    last = transcript.turns[-1]
    if report is None:
        return Observation("report", "Compte rendu d'appel", 0.0,
                           [ev(last, False, "aucun compte rendu rédigé")],
                           advise("compte_rendu_absent"))
    checks = check_report(report, transcript, scenario)
    # Rigour: every imprecise field costs a little beyond its own share (at 0.1 each, a vague
    # but honest report the examiners of aveugle-1 rated "insuffisant" came out at 0).
    score = max(0.0, sum(c.ok for c in checks) / len(checks)
                - REPORT_IMPRECISION * sum(1 for c in checks if c.ok < 1))
    # Every field check is shown (one evidence each: they were once folded into one).
    evidence = [Evidence(0, "", c.ok >= 1, f"compte rendu, {FIELD_LABELS[c.field].lower()} : "
                                           f"{c.note}") for c in checks]
    weak = [FIELD_LABELS[c.field] for c in checks if c.ok < 1]
    return Observation("report", "Compte rendu d'appel rigoureux", score, evidence,
                       None if not weak else advise("compte_rendu",
                                                    rubriques=[w.lower() for w in weak]))
