"""Checks that the schema alone cannot make: cross-references between parts of a scenario,
coherent figures and outcomes that can actually be reached."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .criteria import CRITERIA_BY_ID
from .messages import closest
from .model import Condition, Scenario
from .vocabulary import Channel, Event, OutcomeType

Loc = tuple[Any, ...]
Report = Callable[[Loc, str], None]


def fmt(value: float) -> str:
    """A number as a French reader writes it (259, 12,5)."""
    return (f"{value:g}").replace(".", ",")


def check_scenario(scenario: Scenario, report: Report) -> None:
    topics = _check_namespace(scenario, report)
    _check_references(scenario, topics, report)
    _check_negotiation(scenario, report)
    _check_grading(scenario, report)
    _check_outcomes(scenario, report)
    for loc, condition, context in _conditions(scenario):
        _check_condition(scenario, loc, condition, context, report)
    for index, fact in enumerate(scenario.facts):
        if not fact.phrasings and not fact.keywords:
            report(("faits", index, "id"),
                   f"le fait « {fact.id} » ne peut jamais être révélé : ni phrases ni mots_cles "
                   "— attendu : des exemples de questions (phrases) ou des mots-clés")
    if scenario.channel == Channel.TELEPHONE and scenario.call is None:
        report(("canal",), "scénario au téléphone sans section « appel » — attendu : "
                           "appel: avec sens (sortant ou entrant) et heure")
    if scenario.appointment:
        for index, slot in enumerate(scenario.appointment.free_slots):
            if slot.start >= slot.end:
                report(("rendez_vous", "creneaux_libres", index),
                       f"créneau du {slot.day} de {slot.start} à {slot.end} : la fin n'est pas "
                       "après le début — attendu : debut avant fin (ex. 14:00 → 16:00)")


def _duplicates(items: list[Any], section: str, report: Report, seen: dict[str, Loc]) -> None:
    for index, item in enumerate(items):
        loc = (*section.split("."), index, "id")
        if item.id in seen:
            report(loc, f"identifiant « {item.id} » déjà utilisé dans "
                        f"« {_where(seen[item.id])} » — attendu : un identifiant unique")
        else:
            seen[item.id] = loc


def _where(loc: Loc) -> str:
    return ".".join(str(part) for part in loc if isinstance(part, str) and part != "id")


def _topic_sections(scenario: Scenario) -> Iterator[tuple[str, list[Any]]]:
    yield "sujets", scenario.topics
    yield "faits", scenario.facts
    yield "besoins", scenario.needs
    yield "arguments", scenario.arguments
    yield "objections", scenario.objections
    if scenario.negotiation:
        yield "negociation.contreparties", scenario.negotiation.counterparts
        yield "negociation.concessions", scenario.negotiation.concessions
    if scenario.policy:
        yield "politique.solutions", scenario.policy.solutions
        yield "politique.gestes", scenario.policy.gestures
        yield "politique.interdits", scenario.policy.forbidden
        yield "politique.points_legaux", scenario.policy.legal_points


def _check_namespace(scenario: Scenario, report: Report) -> set[str]:
    """Everything the student can talk about shares one namespace of ids."""
    seen: dict[str, Loc] = {}
    for section, items in _topic_sections(scenario):
        _duplicates(items, section, report, seen)
    _duplicates(scenario.speakers, "interlocuteurs", report, {})
    _duplicates(scenario.outcomes, "issues", report, {})
    _duplicates(scenario.variants, "variantes", report, {})
    _duplicates(scenario.grading.expectations, "evaluation.attendus", report, {})
    if scenario.negotiation:
        _duplicates(scenario.negotiation.tariffs, "negociation.tarifs", report, {})
    return set(seen)


def _unknown(kind: str, value: str, known: list[str]) -> str:
    guess = closest(value, known)
    # A message is one readable line: past a dozen ids, the list would drown it.
    shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    hint = f"vouliez-vous dire « {guess} » ?" if guess else (
        "un identifiant parmi : " + shown if known else f"d'abord déclarer {kind}")
    return f"« {value} » ne désigne aucun {kind} du scénario — attendu : {hint}"


class Known:
    """The ids a reference may name: a set to test (a list made every lookup scan all the
    ids, quadratic with thousands of facts), the list in file order for suggestions."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.members = set(ids)


def _check_references(scenario: Scenario, topics: set[str], report: Report) -> None:
    speakers = Known([s.id for s in scenario.speakers])
    facts = Known([f.id for f in scenario.facts])
    needs = Known([n.id for n in scenario.needs])
    counterparts = Known([c.id for c in scenario.negotiation.counterparts]
                         if scenario.negotiation else [])

    def ref(loc: Loc, value: str | None, known: Known, kind: str) -> None:
        if value is not None and value not in known.members:
            report(loc, _unknown(kind, value, known.ids))

    ref(("premier_interlocuteur",), scenario.first_speaker, speakers, "interlocuteur")
    for index, speaker in enumerate(scenario.speakers):
        ref(("interlocuteurs", index, "passe_a"), speaker.hands_over_to, speakers,
            "interlocuteur")
        if speaker.hands_over_to == speaker.id:
            report(("interlocuteurs", index, "passe_a"),
                   f"« {speaker.id} » se passe la parole à lui-même — attendu : un autre "
                   "interlocuteur")
        if speaker.hands_over_to and not speaker.hands_over_if:
            report(("interlocuteurs", index, "passe_a"),
                   "passe_a sans passe_si — attendu : les conditions du passage de parole")
    for index, fact in enumerate(scenario.facts):
        ref(("faits", index, "interlocuteur"), fact.known_by, speakers, "interlocuteur")
    for index, objection in enumerate(scenario.objections):
        ref(("objections", index, "interlocuteur"), objection.speaker, speakers,
            "interlocuteur")
    for index, need in enumerate(scenario.needs):
        for position, fact_id in enumerate(need.facts):
            ref(("besoins", index, "faits", position), fact_id, facts, "fait")
    for index, argument in enumerate(scenario.arguments):
        for position, need_id in enumerate(argument.needs):
            ref(("arguments", index, "besoins", position), need_id, needs, "besoin")
    if scenario.negotiation:
        for index, concession in enumerate(scenario.negotiation.concessions):
            for position, cp in enumerate(concession.counterparts):
                ref(("negociation", "concessions", index, "contreparties", position), cp,
                    counterparts, "contrepartie")
        tariffs = Known([t.id for t in scenario.negotiation.tariffs])
        for index, tariff in enumerate(scenario.negotiation.tariffs):
            for position, included in enumerate(tariff.includes):
                ref(("negociation", "tarifs", index, "comprend", position), included, tariffs,
                    "poste de la liste des tarifs")
    sorted_topics = Known(sorted(topics))
    objections = Known([o.id for o in scenario.objections])
    for loc, condition, _ in _conditions(scenario):
        for position, topic in enumerate(condition.topics or []):
            ref((*loc, "sujets", position), topic, sorted_topics, "sujet")
        for position, fact_id in enumerate(condition.facts_revealed or []):
            ref((*loc, "faits_reveles", position), fact_id, facts, "fait")
        for key, values in (("objections_traitees", condition.objections_treated),
                            ("objections_ignorees", condition.objections_ignored)):
            for position, objection_id in enumerate(values or []):
                ref((*loc, key, position), objection_id, objections, "objection")
        ref((*loc, "interlocuteur"), condition.speaker, speakers, "interlocuteur")


def _check_negotiation(scenario: Scenario, report: Report) -> None:
    deal = scenario.negotiation
    if deal is None:
        return
    loc = ("negociation",)
    if deal.floor_price is not None and deal.floor_price > deal.list_price:
        report((*loc, "prix_plancher"),
               f"le prix plancher ({fmt(deal.floor_price)}) dépasse le prix catalogue "
               f"({fmt(deal.list_price)}) — attendu : un plancher inférieur ou égal au prix "
               "catalogue")
    if deal.target_price is not None:
        if deal.target_price > deal.list_price:
            report((*loc, "prix_cible"),
                   f"le prix cible ({fmt(deal.target_price)}) dépasse le prix catalogue "
                   f"({fmt(deal.list_price)}) — attendu : une cible entre le plancher et le "
                   "prix catalogue")
        if deal.floor_price is not None and deal.target_price < deal.floor_price:
            report((*loc, "prix_cible"),
                   f"le prix cible ({fmt(deal.target_price)}) est sous le plancher "
                   f"({fmt(deal.floor_price)}) — attendu : une cible entre le plancher et le "
                   "prix catalogue")
    for index, concession in enumerate(deal.concessions):
        if concession.price_min is None:
            continue
        where = (*loc, "concessions", index, "prix_min")
        if deal.floor_price is not None and concession.price_min < deal.floor_price:
            report(where, f"la concession « {concession.id} » descend à "
                          f"{fmt(concession.price_min)}, sous le plancher "
                          f"({fmt(deal.floor_price)}) — attendu : un prix au moins égal au "
                          "plancher")
        if concession.price_min > deal.list_price:
            report(where, f"la concession « {concession.id} » fixe un prix "
                          f"({fmt(concession.price_min)}) au-dessus du prix catalogue "
                          f"({fmt(deal.list_price)}) — attendu : une baisse de prix")


def _check_grading(scenario: Scenario, report: Report) -> None:
    grading = scenario.grading
    total = sum(c.weight for c in grading.criteria)
    if abs(total - grading.total_weight) > 1e-6:
        report(("evaluation", "total_poids"),
               f"la somme des poids ({fmt(total)}) ne fait pas le total déclaré "
               f"({fmt(grading.total_weight)}) — attendu : des poids dont la somme vaut "
               "total_poids")
    known = sorted(CRITERIA_BY_ID)
    graded: dict[str, int] = {}
    for index, item in enumerate(grading.criteria):
        loc = ("evaluation", "criteres", index, "critere")
        if item.criterion not in CRITERIA_BY_ID:
            guess = closest(item.criterion, known)
            hint = f"vouliez-vous dire « {guess} » ?" if guess else \
                "un identifiant de critère listé dans docs/scenarios.md"
            report(loc, f"critère « {item.criterion} » inconnu du référentiel — attendu : {hint}")
        elif not CRITERIA_BY_ID[item.criterion].assessed:
            report(loc, f"le critère « {item.criterion} » ne s'observe pas dans un entretien "
                        "(voir scoring/data/rubric.yml) — attendu : un critère évaluable, par "
                        "exemple b1.relation_interpersonnelle")
        elif item.criterion in graded:
            report(loc, f"critère « {item.criterion} » déjà évalué plus haut — attendu : "
                        "chaque critère une seule fois")
        graded.setdefault(item.criterion, index)
    for index, expectation in enumerate(grading.expectations):
        if expectation.criterion not in graded:
            report(("evaluation", "attendus", index, "critere"),
                   f"l'attendu « {expectation.id} » se rattache au critère "
                   f"« {expectation.criterion} », qui n'est pas évalué dans ce scénario — "
                   "attendu : un critère listé dans evaluation.criteres")


def _check_outcomes(scenario: Scenario, report: Report) -> None:
    if not any(o.type == OutcomeType.SUCCES for o in scenario.outcomes):
        report(("issues",), "aucune issue de type « succes » — attendu : au moins une issue "
                            "de réussite")
    if not any(o.type == OutcomeType.ECHEC for o in scenario.outcomes):
        report(("issues",), "aucune issue de type « echec » — attendu : au moins une issue "
                            "d'échec (le client met fin à l'entretien)")


def _conditions(scenario: Scenario) -> Iterator[tuple[Loc, Condition, str]]:
    """Every condition of the scenario, exceptions (`sauf`) included, with its location and
    what it belongs to."""
    for loc, condition, context in _top_conditions(scenario):
        yield loc, condition, context
        while condition.unless is not None:
            loc, condition, context = (*loc, "sauf"), condition.unless, "unless"
            yield loc, condition, context


def _top_conditions(scenario: Scenario) -> Iterator[tuple[Loc, Condition, str]]:
    for index, outcome in enumerate(scenario.outcomes):
        for position, condition in enumerate(outcome.when):
            yield ("issues", index, "si", position), condition, f"outcome:{index}"
    for index, objection in enumerate(scenario.objections):
        for position, condition in enumerate(objection.when):
            yield ("objections", index, "quand", position), condition, "trigger"
        for position, condition in enumerate(objection.treated_if):
            yield ("objections", index, "traitee_si", position), condition, "treatment"
    for index, speaker in enumerate(scenario.speakers):
        for position, condition in enumerate(speaker.hands_over_if):
            yield ("interlocuteurs", index, "passe_si", position), condition, "handover"
    for index, fact in enumerate(scenario.facts):
        for position, condition in enumerate(fact.revealed_if):
            yield ("faits", index, "revele_si", position), condition, "reveal"
    for index, expectation in enumerate(scenario.grading.expectations):
        for position, condition in enumerate(expectation.when):
            yield ("evaluation", "attendus", index, "si", position), condition, "expectation"


def _check_condition(scenario: Scenario, loc: Loc, condition: Condition, context: str,
                     report: Report) -> None:
    if context.startswith("outcome:"):
        outcome = scenario.outcomes[int(context.split(":")[1])]
        lead = f"l'issue « {outcome.id} » ne peut jamais être atteinte"
    elif context == "unless":
        outcome = None
        lead = "cette exception (sauf) ne peut jamais s'appliquer"
    else:
        outcome = None
        lead = "cette condition ne peut jamais être remplie"

    if not condition.model_fields_set:
        report(loc, "condition vide — attendu : au moins un test (actes, sujets, evenements, "
                    "tour_min...)")
        return
    pairs = (
        ("tour_min", condition.turn_min, "tour_max", condition.turn_max),
        ("prix_min", condition.price_min, "prix_max", condition.price_max),
        ("humeur_min", condition.mood_min, "humeur_max", condition.mood_max),
        ("patience_min", condition.patience_min, "patience_max", condition.patience_max),
        ("nb_faits_reveles_min", condition.facts_revealed_min, "nb_faits_reveles_max",
         condition.facts_revealed_max),
    )
    for low_key, low, high_key, high in pairs:
        if low is not None and high is not None and low > high:
            report((*loc, low_key), f"{lead} : {low_key} ({fmt(low)}) est supérieur à "
                                    f"{high_key} ({fmt(high)}) — attendu : {low_key} ≤ "
                                    f"{high_key}")
    if condition.facts_revealed_min is not None and \
            condition.facts_revealed_min > len(scenario.facts):
        report((*loc, "nb_faits_reveles_min"),
               f"{lead} : {condition.facts_revealed_min} faits révélés exigés, le scénario en "
               f"compte {len(scenario.facts)} — attendu : au plus {len(scenario.facts)}")
    uses_price = condition.price_min is not None or condition.price_max is not None
    if uses_price and scenario.negotiation is None:
        report(loc, f"{lead} : elle teste un prix et le scénario n'a pas de section "
                    "« negociation » — attendu : une section negociation, ou pas de prix_min / "
                    "prix_max")
    deal = scenario.negotiation
    if (outcome is not None and outcome.type != OutcomeType.ECHEC and deal is not None
            and deal.floor_price is not None and condition.price_max is not None
            and condition.price_max < deal.floor_price):
        report((*loc, "prix_max"),
               f"{lead} : elle exige un prix d'au plus {fmt(condition.price_max)}, sous le "
               f"plancher ({fmt(deal.floor_price)}) que le client n'obtient jamais — attendu : "
               "un prix_max au moins égal au plancher")
    appointment_events = {Event.RDV_FIXE, Event.RDV_CONFIRME}
    if scenario.appointment is None and appointment_events & set(condition.events or []):
        report((*loc, "evenements"),
               f"{lead} : elle attend un rendez-vous et le scénario n'a pas de section "
               "« rendez_vous » — attendu : une section rendez_vous avec des créneaux libres")
