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
from .model_cache import cached
from .nludata import Example, load, nlu_files
from .rasa import RasaActScorer
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


def start_conversation(scenario: Scenario, variant: str | None = None, seed: int = 0,
                       today: date | None = None, rasa_url: str | None = None) -> Customer:
    return Customer(scenario, understander(today, rasa_url), seed=seed, variant=variant)
