"""JSON Schema of the mini-program metadata, generated from the pydantic model.

The committed copy (linkscan/schemas/miniprogram.schema.json) is what API users and platforms read;
a unit test fails when it drifts from the model. Regenerate with:

    python -m linkscan.miniprogram.schema
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from linkscan.miniprogram.model import MAX_URL, MiniProgramMetadata

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "miniprogram.schema.json"
SCHEMA_ID = "https://linkscan.example/schemas/miniprogram.schema.json"


def metadata_json_schema() -> dict[str, Any]:
    schema = MiniProgramMetadata.model_json_schema(mode="validation")
    # The model also accepts a bare URL string for a link (PageLink's "before" validator); say so here.
    links = schema["$defs"]["Page"]["properties"]["links"]
    links["items"] = {"anyOf": [{"type": "string", "maxLength": MAX_URL}, links["items"]]}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render_schema() -> str:
    return json.dumps(metadata_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(render_schema(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema())
