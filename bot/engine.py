"""Building the understanding engine and conversations: the one entry point front ends use.

    from bot.engine import start_conversation
    customer = start_conversation(scenario, variant="budget-serre", seed=3)
    understanding, reply = customer.step("Bonjour madame Martin !")
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from scenarios.model import Scenario

from .acts import NgramActClassifier
from .conduct import default_conduct
from .customer import Customer
from .model_cache import cached
from .nludata import load, nlu_files
from .rasa import RasaActScorer
from .understand import Understander


@lru_cache(maxsize=1)
def act_classifier() -> NgramActClassifier:
    """The built-in act classifier, trained from bot/data/nlu*.yml once per process, or read
    back from the cache when that data and code have not changed."""
    return cached("actes", nlu_files(), lambda: NgramActClassifier.train(load().examples),
                  NgramActClassifier)


def understander(today: date | None = None, rasa_url: str | None = None) -> Understander:
    """The built-in engine, or a running Rasa server when `rasa_url` is given."""
    if rasa_url:
        return Understander(RasaActScorer(rasa_url), today=today, conduct=default_conduct())
    return Understander(act_classifier(), today=today, conduct=default_conduct())


def start_conversation(scenario: Scenario, variant: str | None = None, seed: int = 0,
                       today: date | None = None, rasa_url: str | None = None) -> Customer:
    return Customer(scenario, understander(today, rasa_url), seed=seed, variant=variant)
