"""Any request the OpenAPI schema describes, with any values and stray parameters, is answered
without a server error, and every error has the one JSON shape."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.api import create_app

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.one_of(
    TEXT,
    st.integers(-(10**20), 10**20).map(str),
    st.dates().map(str),
    st.sampled_from(["all", "asserted,negated", "ISR", "USAGOV", "Blinken", "csv", "week", "02"]),
)


@st.composite
def requests(draw: st.DrawFn, schema: dict[str, object]) -> tuple[str, list[tuple[str, str]]]:
    """A path of the schema with its path parameters filled, and some query parameters."""
    paths = schema["paths"]
    assert isinstance(paths, dict)
    path = draw(st.sampled_from(sorted(paths)))
    declared = paths[path]["get"].get("parameters", [])
    query_names = [p["name"] for p in declared if p["in"] == "query"]
    for parameter in declared:
        if parameter["in"] == "path":
            value = quote(draw(TEXT.filter(lambda t: t not in ("", ".", ".."))), safe="")
            path = path.replace("{" + parameter["name"] + "}", value)
    names = st.sampled_from(query_names) if query_names else st.nothing()
    params = draw(st.lists(st.tuples(st.one_of(names, TEXT), VALUES), max_size=5))
    return path, params


def test_no_request_makes_a_server_error(api_db: str) -> None:
    client = TestClient(create_app(api_db), raise_server_exceptions=False)
    schema = client.get("/openapi.json").json()

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(requests(schema))
    def check(request: tuple[str, list[tuple[str, str]]]) -> None:
        path, params = request
        response = client.get(path, params=params)
        assert response.status_code in (200, 400, 404), (path, params, response.text)
        if response.status_code != 200:
            error = response.json()["error"]
            assert set(error) == {"code", "message"} and error["message"]

    check()
