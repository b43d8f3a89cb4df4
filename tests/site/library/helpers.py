"""Reading library pages the way a person would: the titles listed, the count, the messages."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    """Titles of the items listed, in order."""
    return [link.get_text(strip=True) for link in soup(response).select('ul[aria-labelledby="results-count"] h3 a')]


def result_count_text(response):
    return soup(response).select_one("#results-count").get_text(strip=True)


def error_summary(response):
    """(message, link target) for each problem in the error summary."""
    items = soup(response).select(".nhsuk-error-summary__list li")
    return [(item.get_text(strip=True), item.a["href"] if item.a else None) for item in items]


def field_error(response, field_id):
    """The error message shown beside a filter field, or None."""
    element = soup(response).select_one(f"#{field_id}-error")
    return element.get_text(" ", strip=True) if element else None


def page_title(response):
    return soup(response).title.get_text(strip=True)


def inset_messages(response):
    return [element.get_text(" ", strip=True) for element in soup(response).select("main .nhsuk-inset-text p")]


def summary_rows(response, index=0):
    """{key: value text} of the index-th summary list on the page."""
    lists = soup(response).select("dl.nhsuk-summary-list")
    rows = lists[index].select(".nhsuk-summary-list__row")
    return {row.select_one("dt").get_text(strip=True): row.select_one("dd").get_text(" ", strip=True) for row in rows}


def selected_values(response, name):
    """The values of a filter field that the form shows as chosen."""
    page = soup(response)
    checked = [box["value"] for box in page.select(f'form.s4n-filters input[name="{name}"][checked]')]
    selected = [option["value"] for option in page.select(f'form.s4n-filters select[name="{name}"] option[selected]')]
    return checked + selected


def select_options(response, name):
    return [option["value"] for option in soup(response).select(f'form.s4n-filters select[name="{name}"] option')]
