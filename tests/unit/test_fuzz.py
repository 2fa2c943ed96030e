"""Every route, fuzzed: hostile path segments, odd methods, htmx and forwarding headers,
conditional and range headers, odd encodings (``harness/hostile.py`` builds them from the URL
map), sent to the suite's app directly and through a declared proxy. No answer is a 5xx (but
oEmbed's 501 for a format it does not offer), nothing a request sends comes back in any answer,
and afterwards every page the cache kept for a hostile request's path is what a freshly
started app answers.

This is the quick profile (the same dozen requests per route in every run);
``python -m bench.fuzz`` sends 10,000 fresh ones over the whole map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from harness.hostile import HostileRequest, RealValues, cache_differences, hostile_requests, problems_with
from webapp import create_app


@pytest.fixture(scope="module")
def fresh():
    """An app started afresh, which no hostile request ever reaches."""
    return create_app(testing=True)


def test_hostile_requests_get_no_server_error_see_nothing_of_theirs_and_leave_the_cache_clean(
    app, fresh, each_route
):
    asked: set[str] = set()

    @settings(settings.get_profile("fuzz-quick"))
    @given(hostile_requests(app, RealValues.of(app), each_route))
    def answers_safely(hostile: HostileRequest) -> None:
        asked.add(hostile.path_info)
        response = hostile.send(app)
        assert not problems_with(hostile, response), hostile

    answers_safely()

    assert not cache_differences(app, fresh, asked)
