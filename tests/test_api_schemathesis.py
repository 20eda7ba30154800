"""Property: no request the OpenAPI spec allows makes the API answer 5xx (schemathesis)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from contactline.api import create_app
from contactline.store import open_store
from test_api import TOKEN, fill, serve

schemathesis = pytest.importorskip("schemathesis")


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db: Path = tmp_path_factory.mktemp("schemathesis") / "api.db"
    fill(db)
    yield from serve(create_app(open_store(str(db)), token=TOKEN))


def test_api_schemathesis_no_server_errors(live_url: str) -> None:
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_url(f"{live_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def no_server_error(case: object) -> None:
            case.call_and_validate(checks=[not_a_server_error])  # type: ignore[attr-defined]

        no_server_error()
