"""The performance criteria a scenario may weight: those of the rubric (scoring/), worded as
in the référentiel de certification du BTS NDRC. Scenario files refer to them by identifier.
"""

from dataclasses import dataclass

from scoring.rubric import rubric


@dataclass(frozen=True)
class Criterion:
    id: str
    bloc: int
    competence: str
    label: str
    assessed: bool


CRITERIA: tuple[Criterion, ...] = tuple(
    Criterion(c.id, c.bloc, c.competence, c.label, c.assessed) for c in rubric().criteria)

CRITERIA_BY_ID: dict[str, Criterion] = {c.id: c for c in CRITERIA}
