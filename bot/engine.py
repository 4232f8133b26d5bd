"""Building the understanding engine and conversations: the one entry point front ends use.

    from bot.engine import start_conversation
    customer = start_conversation(scenario, variant="budget-serre", seed=3)
    understanding, reply = customer.step("Bonjour madame Martin !")
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from scenarios.model import Scenario
from scenarios.vocabulary import Act

from .acts import NgramActClassifier
from .conduct import CONDUCT_DATA, conduct_examples, default_conduct
from .customer import Customer
from .entities import absolute_date
from .model_cache import cached
from .nludata import Example, load, nlu_files
from .rasa import RasaActScorer
from .replies import banks, style_banks
from .topics import discovery_intents
from .understand import Understander


@lru_cache(maxsize=1)
def act_classifier() -> NgramActClassifier:
    """The built-in act classifier, trained from bot/data/nlu*.yml once per process, or read
    back from the cache when that data and code have not changed."""
    return cached("actes", [*nlu_files(), CONDUCT_DATA], lambda: NgramActClassifier.train(
        load().examples + rude_examples()), NgramActClassifier)


# The rude lines of the conduct data also teach the act classifier's `impolitesse` class, which
# blind-written one-act examples (bot/data/nlu_part3.yml) otherwise drown: at full weight they
# would outnumber every other act; at 0.15 the historical test set keeps its macro-F1 (decision
# 0006). At run time rudeness is the conduct classifier's decision (bot/conduct.py).
RUDE_EXAMPLE_WEIGHT = 0.15


def rude_examples() -> list[Example]:
    rude, _ = conduct_examples()
    return [Example(text, Act.IMPOLITESSE.value, weight=RUDE_EXAMPLE_WEIGHT) for text in rude]


def understander(today: date | None = None, rasa_url: str | None = None) -> Understander:
    """The built-in engine, or a running Rasa server when `rasa_url` is given."""
    if rasa_url:
        return Understander(RasaActScorer(rasa_url), today=today, conduct=default_conduct())
    return Understander(act_classifier(), today=today, conduct=default_conduct())


@lru_cache(maxsize=1)
def warm_up() -> None:
    """What the engine reads or compiles on first use, done once per process when a
    conversation starts (while the student reads the brief) instead of inside the turn that
    first needs it: the reply banks and discovery patterns (0.15 s), and dateparser's French
    data for the rare absolute date (0.25 s, which made one student turn take half a second)."""
    banks(), style_banks(), discovery_intents()
    absolute_date("le 12 mars", date(2026, 1, 1))


def start_conversation(scenario: Scenario, variant: str | None = None, seed: int = 0,
                       today: date | None = None, rasa_url: str | None = None) -> Customer:
    warm_up()
    return Customer(scenario, understander(today, rasa_url), seed=seed, variant=variant)
