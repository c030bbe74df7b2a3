"""Schemathesis fuzzes every operation of the service's own OpenAPI spec: no input may cause a 5xx.

(The schemathesis pytest plugin does not run under pytest 9, so each operation's strategy is
driven by hypothesis directly.)"""
import hypothesis
import pytest
import schemathesis
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    app = create_app(Settings(database=tmp_path_factory.mktemp("fuzz") / "db.sqlite", max_documents=5,
                              max_document_chars=5_000))
    with TestClient(app):  # runs the lifespan: models loaded, the service ready
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_input_causes_a_server_error(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {"POST /v1/briefs", "POST /v1/jobs",
                                                                        "GET /v1/jobs/{job_id}"}
    seen = []
    for operation in operations:
        @hypothesis.settings(max_examples=30, deadline=None, database=None, derandomize=True,
                             suppress_health_check=list(hypothesis.HealthCheck))
        @hypothesis.given(case=operation.as_strategy())
        def fuzz(case):
            response = case.call()
            seen.append(response.status_code)
            assert response.status_code < 500, (case.method, case.path, case.body, response.text[:300])

        fuzz()
    print(f"\nfuzzed {len(operations)} operations, {len(seen)} calls, statuses {sorted(set(seen))}")
    assert len(seen) >= 30 * len(operations) // 2
