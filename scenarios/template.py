"""`repliq scenarios new ID`: a commented, already valid scenario for a teacher to adapt."""

from __future__ import annotations

from pathlib import Path

TEMPLATE = Path(__file__).with_name("template.yaml.in")
SCHEMA_URL_PLACEHOLDER = "https://repliq.invalid/schema.json"


def render_template(scenario_id: str, schema_path: Path) -> str:
    """The template text for `scenario_id`, pointing editors at the installed JSON Schema."""
    text = TEMPLATE.read_text(encoding="utf-8")
    return (text.replace("__ID__", scenario_id)
            .replace(SCHEMA_URL_PLACEHOLDER, schema_path.resolve().as_uri()))
