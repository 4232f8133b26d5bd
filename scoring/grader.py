"""The scorecard: per criterion of the scenario, a level (TI / I / S / TS) and a score with
its evidence and one concrete improvement; the /20 mark from the scenario's weights; the
session's three strengths and three priorities. Same transcript, same scorecard."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.conditions import any_holds
from scenarios.model import Scenario
from scenarios.vocabulary import Outcome

from .call_report import FIELD_LABELS, check_report
from .observations import Evidence, Observation, Observer, ev
from .rubric import Level, rubric
from .transcript import Transcript, view

# Which observations make each criterion, with their weights.
RECIPES: dict[str, dict[str, float]] = {
    # Courtesy is the floor, not the achievement: active listening and open questions make
    # the relationship.
    "b1.relation_interpersonnelle": {"contact": 0.15, "customer_name": 0.15,
                                     "politeness": 0.1, "listening": 0.45,
                                     "questioning": 0.15},
    "b1.diagnostic": {"discovery": 0.6, "listening": 0.2, "questioning": 0.2},
    "b1.information_collectee": {"discovery": 1.0},
    # A solution is pertinent to the needs found: discovery weighs in.
    "b1.pertinence_solution": {"arguments": 0.4, "objections": 0.25, "discovery": 0.25,
                               "questioning": 0.1},
    "b1.personnalisation": {"customer_name": 0.25, "arguments": 0.35, "listening": 0.25,
                            "questioning": 0.15},
    "b1.efficacite_negociation": {"price_timing": 0.25, "concessions": 0.25, "deal": 0.3,
                                  "closing": 0.2},
    "b1.engagements": {"closing": 0.5, "next_step": 0.3, "politeness": 0.2},
    "b1.evolutivite": {"next_step": 0.7, "closing": 0.3},
    "b1.choix_prospection": {"phone_opening": 0.15, "discovery": 0.25, "questioning": 0.1,
                             "next_step": 0.2, "price_timing": 0.15, "objections": 0.15},
    "b1.choix_evenement": {"arguments": 0.45, "discovery": 0.25, "deal": 0.3},
    # Organising means knowing the constraints (discovery) and answering them.
    "b1.organisation_evenement": {"objections": 0.35, "discovery": 0.35, "deal": 0.15,
                                  "within_budget": 0.15},
    "b1.analyses_propositions": {"arguments": 0.4, "objections": 0.3, "closing": 0.3},
    # On the phone, technique is also listening, the customer's name and positive words.
    "b2.techniques_distance": {"contact": 0.1, "phone_opening": 0.15, "listening": 0.3,
                               "customer_name": 0.1, "wording": 0.1, "closing": 0.1,
                               "next_step": 0.1, "monologue": 0.05, "fillers": 0.05},
    "b2.appropriation_dossier": {"discovery": 0.5, "customer_name": 0.2, "listening": 0.3},
    # Proactivity needs the need understood and acted upon, not only objections answered.
    # "Je vais essayer", "normalement": the opposite of proactivity.
    "b2.reactivite": {"objections": 0.3, "discovery": 0.2, "questioning": 0.1,
                      "listening": 0.1, "next_step": 0.1, "deal": 0.05, "wording": 0.15},
    "b2.assistance_risques": {"complaint": 0.6, "discovery": 0.2, "listening": 0.2},
}
# A conversation the customer ended in failure shows every criterion at best insufficient
# (an examiner does not rate the technique of a call that was hung up as satisfactory), and
# very insufficient when the student's own conduct ended it.
FAILURE_CAP = 0.45
MISCONDUCT_CAP = 0.29
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


def grade(transcript: Transcript, scenario: Scenario,
          report: dict[str, Any] | None = None) -> Scorecard:
    observations = Observer(transcript, scenario).all()
    if scenario.grading.call_report:
        observations["report"] = _report_observation(report, transcript, scenario)
    expectations = _expectations(transcript, scenario)
    misconduct = MISCONDUCT & {e.value for e in transcript.final.events}
    courteous = _courteous(observations) and not misconduct
    results = []
    for item in scenario.grading.criteria:
        recipe = RECIPES.get(item.criterion, {"deal": 1.0})
        if item.criterion == "b2.reporting":
            recipe = {"report": 1.0}
        parts = [(observations[name], weight) for name, weight in recipe.items()
                 if observations.get(name) is not None]
        total_weight = sum(weight for _, weight in parts) or 1.0
        score = sum(o.score * w for o, w in parts) / total_weight  # type: ignore[union-attr]
        evidence = [e for o, _ in parts for e in o.evidence]  # type: ignore[union-attr]
        weakest = min((o for o, _ in parts if o.advice), key=lambda o: o.score,  # type: ignore
                      default=None)
        advice = weakest.advice if weakest else None  # type: ignore[union-attr]
        mine = expectations.get(item.criterion)
        if mine:
            met = [name for name, ok, _ in mine if ok]
            score = (1 - EXPECTATIONS_SHARE) * score + EXPECTATIONS_SHARE * len(met) / len(mine)
            for name, ok, turn in mine:
                evidence.append(ev(turn, True, f"attendu tenu : {name}") if ok and turn else
                                Evidence(0, "", False, f"attendu non tenu : {name}"))
            missed = [name for name, ok, _ in mine if not ok]
            if missed and (advice is None or score >= 0.5):
                advice = f"Attendu du scénario à tenir : {missed[0].rstrip('.')}."
        if transcript.outcome == Outcome.FAILURE and item.criterion != "b2.reporting":
            score = min(score, MISCONDUCT_CAP if misconduct else FAILURE_CAP)
        elif item.criterion in COURTEOUS_FLOOR and courteous:
            score = max(score, COURTEOUS_FLOOR[item.criterion])
        evidence = sorted(_unique(evidence), key=lambda e: (e.turn, not e.positive))[:6]
        label = rubric().criterion(item.criterion).label
        results.append(CriterionResult(item.criterion, label, item.weight,
                                       max(0.0, min(1.0, score)), evidence, advice))
    weights = sum(r.weight for r in results) or 1.0
    total = round(sum(r.score * r.weight for r in results) / weights * 20 * 2) / 2
    used = {name: o for name, o in observations.items() if o is not None and any(
        name in RECIPES.get(r.id, {}) or (r.id == "b2.reporting" and name == "report")
        for r in results)}
    ranked = sorted(used.values(), key=lambda o: (-o.score, o.name))
    strengths = [o.label for o in ranked if o.score >= 0.7][:3]
    priorities = [o.advice for o in reversed(ranked) if o.advice and o.score < 0.75][:3]
    return Scorecard(scenario.id, total, results, strengths, priorities)  # type: ignore[arg-type]


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


def _expectations(transcript: Transcript,
                  scenario: Scenario) -> dict[str, list[tuple[str, bool, Any]]]:
    """Each scenario expectation, met at some turn or not, grouped by criterion."""
    found: dict[str, list[tuple[str, bool, Any]]] = {}
    for expectation in scenario.grading.expectations:
        turn = next((t for t in transcript.turns
                     if any_holds(expectation.when, t.state, view(t))), None)
        found.setdefault(expectation.criterion, []).append(
            (expectation.label, turn is not None, turn))
    return found


def _report_observation(report: dict[str, Any] | None, transcript: Transcript,
                        scenario: Scenario) -> Observation:
    last = transcript.turns[-1]
    if report is None:
        return Observation("report", "Compte rendu d'appel", 0.0,
                           [ev(last, False, "aucun compte rendu rédigé")],
                           "Rédigez le compte rendu d'appel : contact, besoin détecté, "
                           "objections, résultat, prochaine action et date.")
    checks = check_report(report, transcript, scenario)
    # Rigour: every imprecise field costs, beyond its own share.
    score = max(0.0, sum(c.ok for c in checks) / len(checks)
                - 0.1 * sum(1 for c in checks if c.ok < 1))
    evidence = [Evidence(0, f"{FIELD_LABELS[c.field]} : {c.note}", c.ok >= 1, "compte rendu")
                for c in checks]
    weak = [FIELD_LABELS[c.field] for c in checks if c.ok < 1]
    return Observation("report", "Compte rendu d'appel rigoureux", score, evidence,
                       None if not weak else "Complétez le compte rendu : " + ", ".join(weak)
                       + " (ce qui a été dit, précisément, avec la date).")
