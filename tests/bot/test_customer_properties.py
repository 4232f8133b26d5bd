"""Whatever the student says, the customer keeps the scenario's rules: no deal below the
floor, no appointment outside a free slot, a revealed fact is never contradicted, no crash;
with several people, each says only what they know, a gatekeeper never agrees to anything,
and only someone in the room (or on the line) speaks."""

from __future__ import annotations

import copy
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.customer import Customer, CustomerTurn, minutes
from bot.engine import start_conversation
from bot.state import CustomerState
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.model import Scenario
from scenarios.vocabulary import Event, SpeakerRole

SCENARIOS = sorted(path.stem for path in BUILTIN_DIR.glob("*.yaml"))
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]


@lru_cache(maxsize=16)
def scenario(name: str, variant: str | None) -> Scenario:
    return load_scenario(BUILTIN_DIR / f"{name}.yaml", variant)


prices = st.integers(min_value=50, max_value=6000)
turns = st.one_of(
    st.sampled_from([
        "Bonjour, je suis Léa Morel de la société Bureau Plus.",
        "Je vous appelle pour vous présenter notre solution.",
        "Combien de pages imprimez-vous par mois ?",
        "Quel est votre budget ?", "Qui décide chez vous ?",
        "Comment ça se passe aujourd'hui ?", "Si je comprends bien, c'est la fiabilité.",
        "Je comprends tout à fait votre agacement.", "Je suis vraiment désolée.",
        "Je vous propose un remplacement express sous 48 heures.",
        "On peut valider la commande aujourd'hui ?", "Vous signez ou pas ?",
        "Si vous vous engagez sur 60 mois, je fais un effort.", "Qu'en pensez-vous ?",
        "Je récapitule ce que nous avons convenu.", "Merci, au revoir.", "euh", "",
        "Il fait beau aujourd'hui.", "Vous n'y connaissez rien.",
        "Pourrais-je parler à M. Benali, s'il vous plaît ?", "C'est bien M. Benali ?",
        "Léa Morel, de Fidelix, c'est au sujet de la fidélité de vos clients.",
        "Je ne vais pas le retenir longtemps, deux minutes.",
        "Monsieur Lefèvre, qu'en pensez-vous ?", "Madame Martin, combien de pages ?",
        "Et vous, monsieur, qui décide ?",
    ]),
    prices.map(lambda p: f"Le prix est de {p} € HT par mois."),
    prices.map(lambda p: f"Je peux descendre à {p} €, on signe ?"),
    st.tuples(st.sampled_from(DAYS), st.integers(7, 19), st.sampled_from([0, 30])).map(
        lambda t: f"Je vous propose {t[0]} à {t[1]} h {t[2]:02d} en visio ?"),
    st.text(max_size=80),
)


def check_people(customer: Customer, before: CustomerState, reply: CustomerTurn) -> None:
    state, sc = customer.state, customer.scenario
    if reply.text:
        assert reply.speaker in state.present
    for fact_id in state.facts_revealed:
        if fact_id not in before.facts_revealed:
            assert customer.facts[fact_id].known_by in (None, reply.speaker)
            assert state.fact_speakers[fact_id] == reply.speaker
    for objection_id in state.objections_raised:
        if objection_id not in before.objections_raised:
            assert customer.objections[objection_id].speaker in (None, state.speaker)
    if sc.speaker(before.speaker).role == SpeakerRole.BARRAGE:  # she cannot commit anyone
        for event in (Event.ACCORD, Event.RDV_FIXE):
            assert not state.happened(event) or before.happened(event)


def check(customer: Customer, revealed_lines: dict[str, str]) -> None:
    state, sc = customer.state, customer.scenario
    deal = sc.negotiation
    if state.happened(Event.ACCORD) and deal and deal.floor_price is not None \
            and state.price_agreed is not None:
        assert state.price_agreed >= deal.floor_price
    if state.appointment and sc.appointment:
        day, hour = state.appointment["jour"], state.appointment["heure"]
        assert any(slot.day == day and slot.start <= hour and
                   minutes(hour) + sc.appointment.duration_min <= minutes(slot.end)
                   for slot in sc.appointment.free_slots)
    for fact_id, line in state.fact_lines.items():
        assert revealed_lines.setdefault(fact_id, line) == line
    assert 0 <= state.mood <= 100 and 0 <= state.patience <= 100


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(SCENARIOS), seed=st.integers(0, 5),
       lines=st.lists(turns, min_size=1, max_size=25), data=st.data())
def test_customer_never_breaks_the_scenario_rules(name: str, seed: int, lines: list[str],
                                                  data: st.DataObject) -> None:
    base = scenario(name, None)
    variant = data.draw(st.sampled_from([None, *[v.id for v in base.variants]]))
    customer = start_conversation(scenario(name, variant), variant, seed)
    customer.opening()
    revealed: dict[str, str] = {}
    for line in lines:
        before = copy.deepcopy(customer.state)
        _, reply = customer.step(line)
        assert isinstance(reply.text, str)
        check(customer, revealed)
        check_people(customer, before, reply)
        if customer.state.ended:
            break
