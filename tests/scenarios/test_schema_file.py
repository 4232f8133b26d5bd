"""The JSON Schema published for editors must match the pydantic models."""

from __future__ import annotations

import json

import jsonschema

from scenarios.schema import SCHEMA_PATH, schema_text


def test_published_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "scenarios/schema.json est périmé : lancez « repliq scenarios schema --write »")


def test_published_schema_is_valid_json_schema_with_french_keys() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "fiche_sujet" in schema["properties"]
    assert schema["additionalProperties"] is False
