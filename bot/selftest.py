"""`repliq scenarios essai`: a scenario tried against a bank of generic student lines
(bot/data/probes.yml), to find before any student does what a teacher otherwise finds by
hand: facts no ordinary question reaches, keywords so general they fire on lines about
nothing, phrasings that do not even trigger their own topic, objections that no answer can
treat, and student moves the engine misreads (closings, goodbyes, firmness, rudeness)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from scenarios.model import Scenario, Topic
from scenarios.vocabulary import Act
from scenarios.yamlfile import LDict, line_of

from .topics import TopicMatcher, scenario_topics
from .understand import Understander

PROBES_PATH = Path(__file__).parent / "data" / "probes.yml"


class Severity(StrEnum):
    PROBLEM = "problème"  # a student will meet it in an ordinary conversation
    WARNING = "à vérifier"  # likely, but the teacher may have a reason


@dataclass(frozen=True)
class Finding:
    line: int | None  # in the scenario file; None for what the engine misreads
    severity: Severity
    message: str  # French: what is wrong — what to do


@dataclass(frozen=True)
class Probes:
    questions: tuple[str, ...]
    neutral: tuple[str, ...]
    closings: tuple[str, ...]
    goodbyes: tuple[str, ...]
    firm: tuple[str, ...]
    rude: tuple[str, ...]
    answers: tuple[str, ...]


@cache
def probes() -> Probes:
    data = YAML(typ="safe").load(PROBES_PATH.read_text(encoding="utf-8"))
    return Probes(**{name: tuple(lines) for name, lines in data.items()})


def _find(data: Any, topic_id: str) -> LDict | None:
    """The mapping that declares `topic_id` (facts, needs, arguments, objections, topics,
    counterparts, solutions…), wherever the scenario puts it."""
    if isinstance(data, LDict):
        if data.get("id") == topic_id:
            return data
        children = data.values()
    elif isinstance(data, list):
        children = data
    else:
        return None
    for child in children:
        found = _find(child, topic_id)
        if found is not None:
            return found
    return None


def _locate(data: LDict, topic: Topic, *rest: Any) -> int:
    """`fichier:ligne` of the topic, or of one of its phrasings or keywords."""
    node = _find(data, topic.id)
    if node is None:
        return 1
    return line_of(node, rest) if rest else node.line


def _alone(topic: Topic, keyword: str) -> TopicMatcher:
    return TopicMatcher([topic.model_copy(update={"keywords": [keyword], "phrasings": []})])


def check_topics(scenario: Scenario, data: LDict) -> list[Finding]:
    matcher = TopicMatcher.for_scenario(scenario)
    bank = probes()
    findings: list[Finding] = []
    reached = {hit.id for line in bank.questions for hit in matcher.match(line)}
    for fact in scenario.facts:
        if fact.id not in reached:
            findings.append(Finding(
                _locate(data, fact), Severity.PROBLEM if fact.essential
                else Severity.WARNING,
                f"fait « {fact.id} » ({fact.label}) : aucune question ordinaire d'étudiant ne "
                "le fait révéler — ajoutez des phrases et des mots-clés tels qu'un étudiant "
                "les dirait, avec des mots de tous les jours"))
    topics = scenario_topics(scenario)
    for topic in topics:
        for index, phrase in enumerate(topic.phrasings):
            if topic.id not in {hit.id for hit in matcher.match(phrase)}:
                findings.append(Finding(
                    _locate(data, topic, "phrases", index), Severity.WARNING,
                    f"« {phrase} » ne déclenche pas son propre sujet « {topic.id} » (les noms "
                    "propres et les mots vides ne comptent pas) — reformulez avec les mots "
                    "du sujet"))
        for index, keyword in enumerate(topic.keywords):
            alone = _alone(topic, keyword)  # built once: a matcher costs more than a match
            fired = [line for line in bank.neutral if alone.match(line)]
            if fired:
                findings.append(Finding(
                    _locate(data, topic, "mots_cles", index), Severity.PROBLEM,
                    f"mot-clé « {keyword} » de « {topic.id} » trop général : il se déclenche "
                    f"sur « {fired[0]} », qui ne parle pas de ce sujet — remplacez-le par "
                    "une expression propre au sujet"))
    return findings


def check_objections(scenario: Scenario, data: LDict, engine: Understander) -> list[Finding]:
    """An objection whose every way out asks for acts no answer produces, or for topics
    nothing matches, cannot be treated: the student is stuck whatever they say."""
    matcher = TopicMatcher.for_scenario(scenario)
    producible: set[Act] = set()
    for line in (*probes().answers, *probes().questions):
        producible |= engine.understand(line).acts
    matchable = {hit.id for topic in scenario_topics(scenario) for phrase in topic.phrasings
                 for hit in matcher.match(phrase)}
    findings = []
    for index, objection in enumerate(scenario.objections):
        possible = [c for c in objection.treated_if
                    if (c.acts is None or set(c.acts) & producible)
                    and (c.topics is None or set(c.topics) & matchable)]
        if objection.treated_if and not possible:
            wanted = sorted({a.value for c in objection.treated_if for a in c.acts or []}
                            | {t for c in objection.treated_if for t in c.topics or []})
            findings.append(Finding(
                line_of(data, ("objections", index, "traitee_si")), Severity.PROBLEM,
                f"objection « {objection.id} » impossible à traiter : aucune réponse ne donne "
                f"ce qu'attend « traitee_si » ({', '.join(wanted)}) — ajoutez une condition "
                "avec des actes courants (traitement_objection, argument) ou des sujets "
                "dont les phrases sont reconnues"))
    return findings


def check_engine(engine: Understander) -> list[Finding]:
    """Generic moves the engine must read right, whatever the scenario."""
    bank = probes()
    expected = ((bank.closings, Act.DEMANDE_ENGAGEMENT, True, "conclusion non reconnue"),
                (bank.goodbyes, Act.PRISE_DE_CONGE, True, "prise de congé non reconnue"),
                (bank.rude, Act.IMPOLITESSE, True, "impolitesse non reconnue"),
                (bank.firm, Act.IMPOLITESSE, False, "fermeté polie lue comme impolie"))
    findings = []
    for lines, act, wanted, problem in expected:
        for line in lines:
            if (act in engine.understand(line).acts) != wanted:
                findings.append(Finding(None, Severity.WARNING, f"{problem} : « {line} »"))
    return findings


def run(scenario: Scenario, data: LDict, engine: Understander) -> list[Finding]:
    return [*check_topics(scenario, data), *check_objections(scenario, data, engine),
            *check_engine(engine)]
