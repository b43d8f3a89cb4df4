"""The one way tests check that a page's database queries do not grow with its content.

before = count_queries(self.client, url)
...  # add fifty more of what the page lists
assert_same_query_count(before, count_queries(self.client, url))
"""

from dataclasses import dataclass

from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext


@dataclass
class CountedRequest:
    """What one GET request gave back, and the SQL of every database query it made."""

    response: HttpResponse
    sql: list[str]

    @property
    def count(self) -> int:
        return len(self.sql)


def count_queries(client, url, params=None) -> CountedRequest:
    """GET ``url`` and count its queries. A first, uncounted GET of the same address warms the
    caches every request shares (content types, site root paths), so only the page's own
    queries are counted. The page must answer 200."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return CountedRequest(response, [query["sql"] for query in captured.captured_queries])


def assert_same_query_count(expected: CountedRequest, actual: CountedRequest) -> None:
    """Fail, showing both requests' SQL, unless they made the same number of queries."""
    if expected.count != actual.count:
        raise AssertionError(
            f"{actual.count} queries instead of {expected.count}.\n"
            "Expected:\n" + "\n".join(expected.sql) + "\nActual:\n" + "\n".join(actual.sql)
        )
