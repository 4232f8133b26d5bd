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
from .customer import Customer
from .nludata import load
from .understand import Understander


@lru_cache(maxsize=1)
def act_classifier() -> NgramActClassifier:
    """The built-in act classifier, trained once per process from bot/data/nlu*.yml."""
    return NgramActClassifier.train(load().examples)


def understander(today: date | None = None) -> Understander:
    return Understander(act_classifier(), today=today)


def start_conversation(scenario: Scenario, variant: str | None = None, seed: int = 0,
                       today: date | None = None) -> Customer:
    return Customer(scenario, understander(today), seed=seed, variant=variant)
