"""The rubric: every performance criterion of blocs 1 and 2, worded as in the référentiel,
with what each level looks like in a conversation (scoring/data/rubric.yml)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from ruamel.yaml import YAML

RUBRIC_PATH = Path(__file__).parent / "data" / "rubric.yml"


class Level(StrEnum):
    TI = "TI"
    I = "I"  # noqa: E741 - the official abbreviation of « insuffisant »
    S = "S"
    TS = "TS"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class RubricCriterion(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str
    bloc: int
    competence: str
    label: str = Field(alias="libelle")
    assessed: bool = Field(alias="evalue")
    observed: str | None = Field(None, alias="observe")
    reason: str | None = Field(None, alias="motif")
    levels: dict[Level, str] = Field(default_factory=dict, alias="niveaux")
    # The observations it is made of, with their weights (scoring/observations.py).
    recipe: dict[str, float] = Field(default_factory=dict, alias="observations")


class Breach(StrEnum):
    """A fault of conduct or of sales policy, counted in every bloc (see `Misconduct`)."""

    RUDENESS = "impolitesse"
    PRESSURE = "pression"
    RIGHT_DENIED = "droit_nie"
    OUT_OF_POLICY = "hors_politique"
    BELOW_FLOOR = "sous_plancher"
    WRONG_TARIFF = "tarif_faux"
    BLAME = "faute_rejetee"
    FRAUD = "fraude"


# The breaches of the sales policy (the others are of conduct): a turn that commits one meets
# no expectation, whatever its criterion ("pas besoin de photos, je vous crois sur parole" names
# the photos, it does not ask for them: aveugle-2 and -4), and what it bought (a deal, a
# proposal within budget) is no strength.
POLICY_BREACHES = frozenset({Breach.RIGHT_DENIED, Breach.OUT_OF_POLICY, Breach.BELOW_FLOOR,
                             Breach.WRONG_TARIFF})


class BreachRule(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    label: str = Field(alias="libelle")
    criteria: list[str] = Field(alias="criteres")  # the criteria it touches
    # Its own caps, when it weighs more or less than a breach of the sales policy.
    touched_cap: float | None = Field(None, alias="plafond_touche")
    others_cap: float | None = Field(None, alias="plafond_autres")


class Misconduct(BaseModel):
    """What a breach costs: the criteria it touches at most `touched_cap`, the others at most
    `others_cap` (`repeated_cap` beyond one breach)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    touched_cap: float = Field(alias="plafond_touche")
    others_cap: float = Field(alias="plafond_autres")
    repeated_cap: float = Field(alias="plafond_autres_repete")
    # From `many` faults at distinct turns on: a student who gets the result by breaking the
    # rules again and again.
    many: int = Field(alias="nombreux")
    # Where it takes more (a complaint: the examiners weigh a gesture made to the customer
    # beside a sound phone technique, 6 to 8.5/20 for three breaches).
    # (Keyed by the scenario kind's value: scenarios imports this module, not the reverse.)
    many_by_kind: dict[str, int] = Field(default_factory=dict, alias="nombreux_par_type")
    many_touched_cap: float = Field(alias="plafond_touche_nombreux")
    many_others_cap: float = Field(alias="plafond_autres_nombreux")
    # When every one of them breaks the sales policy, with no fault of conduct beside: the
    # examiners of fourteen blind sets weighed a polite student who bought the deal with
    # breaches less harshly than a rude one (5 to 5.5/20 where the caps above gave 3.5 to 4).
    many_policy_touched_cap: float = Field(alias="plafond_touche_nombreux_politique")
    many_policy_others_cap: float = Field(alias="plafond_autres_nombreux_politique")
    kinds: dict[Breach, BreachRule] = Field(alias="types")


class NoProposalForKind(BaseModel):
    """What a kind of talk adds to the rule: caps of its own, a lower mark."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    caps: dict[str, float] = Field(default_factory=dict, alias="plafonds")
    max_mark: float | None = Field(None, alias="note_max")


class NoProposal(BaseModel):
    """A sales talk that never proposed anything: the criteria of the solution and the
    negotiation at most their cap."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    label: str = Field(alias="libelle")
    caps: dict[str, float] = Field(alias="plafonds")
    max_mark: float = Field(alias="note_max")  # out of 20, whatever the other criteria
    # Keyed by the scenario kind's value, as `nombreux_par_type`.
    by_kind: dict[str, NoProposalForKind] = Field(default_factory=dict, alias="par_type")

    def caps_for(self, kind: str) -> dict[str, float]:
        extra = self.by_kind.get(kind)
        return {**self.caps, **extra.caps} if extra else self.caps

    def max_mark_for(self, kind: str) -> float:
        extra = self.by_kind.get(kind)
        return extra.max_mark if extra and extra.max_mark is not None else self.max_mark


class OverBudget(BaseModel):
    """A proposal left above the budget the customer gave, with no agreement: the case asked
    to fit it, the criteria of the choice and the negotiation at most their cap."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    label: str = Field(alias="libelle")
    caps: dict[str, float] = Field(alias="plafonds")


class RemedyAgreed(BaseModel):
    """A complaint settled within the policy: the customer accepted an allowed remedy and no
    fault was made. The criteria of the remedy are at least their floor."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    kinds: list[str] = Field(alias="types")  # the scenario kinds' values it applies to
    floors: dict[str, float] = Field(alias="planchers")


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    blocs: dict[int, str]
    level_names: dict[Level, str] = Field(alias="niveaux")
    criteria: list[RubricCriterion] = Field(alias="criteres")
    misconduct: Misconduct = Field(alias="manquements")
    no_proposal: NoProposal = Field(alias="sans_proposition")
    over_budget: OverBudget = Field(alias="hors_budget")
    remedy_agreed: RemedyAgreed = Field(alias="remede_accepte")

    def criterion(self, criterion_id: str) -> RubricCriterion:
        return next(c for c in self.criteria if c.id == criterion_id)


@lru_cache(maxsize=1)
def rubric() -> Rubric:
    data = YAML(typ="safe").load(RUBRIC_PATH.read_text(encoding="utf-8"))
    return Rubric.model_validate(data)
