"""The JSON Schema of scenario files, published at scenarios/schema.json so that editors
(yaml-language-server) complete and check them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import Scenario

SCHEMA_PATH = Path(__file__).with_name("schema.json")


def json_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Généré par « repliq scenarios schema --write » : ne pas modifier à la main.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(schema_text(), encoding="utf-8")
    return path
