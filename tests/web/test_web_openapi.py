"""GET /openapi.json describes the API; real answers validate against its schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema", reason="the OpenAPI tests need jsonschema (the [test] extra)")

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))
BROKEN = Path(__file__).resolve().parents[2] / "fixtures" / "broken"


@pytest.fixture(scope="module")
def spec(client):
    res = client.get("/openapi.json")
    assert res.status_code == 200
    return res.json()


def validate(spec: dict, name: str, instance) -> None:
    schema = {**spec["components"]["schemas"][name], "components": spec["components"]}
    jsonschema.Draft202012Validator(schema).validate(instance)


def test_the_document_is_openapi_3_1_and_names_every_route(spec, client):
    assert spec["openapi"] == "3.1.0"
    assert set(spec["paths"]) == {"/api/check", "/api/xlsx", "/api/fixed", "/api/info"}
    routes = {r.path for r in client.app.routes if getattr(r, "path", "").startswith("/api/")}
    assert routes == set(spec["paths"])
    for schema in spec["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    assert "20 MB" in spec["info"]["description"]


def test_one_report_answer_matches_the_schema(spec, client, upload):
    validate(spec, "CheckResponse", upload(client, SEEDS[0]).json())


def test_several_reports_with_review_match_the_schema(spec, client, upload):
    body = upload(client, *SEEDS).json()
    assert "review" in body
    validate(spec, "CheckResponse", body)


def test_unreadable_file_answer_matches_the_schema(spec, client, upload):
    res = upload(client, BROKEN / "zipbomb.docx")
    assert res.status_code == 422
    validate(spec, "CheckResponse", res.json())


def test_errors_and_info_match_the_schema(spec, client):
    validate(spec, "Error", client.post("/api/check", json={"text": ""}).json())
    validate(spec, "Info", client.get("/api/info").json())


def test_a_wrong_answer_would_fail_validation(spec, client, upload):
    body = upload(client, SEEDS[0]).json()
    body["files"][0]["diagnostics"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(spec, "CheckResponse", body)
