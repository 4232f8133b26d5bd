"""The scenario file format: schema, loader, validator, JSON Schema for editors, and the
built-in scenarios.

Public API::

    from scenarios import load_scenario, check_file, ScenarioError
    scenario = load_scenario(path, variant="budget-serre")
"""

from .errors import ScenarioError, ScenarioIssue
from .model import Scenario
from .validate import check_file, load_scenario, validate_paths

__all__ = [
    "Scenario",
    "ScenarioError",
    "ScenarioIssue",
    "check_file",
    "load_scenario",
    "validate_paths",
]
