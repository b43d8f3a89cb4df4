"""What the member and network directory tests share."""

from bs4 import BeautifulSoup

# Values no filter offers, or that no field can take, in any filter of either directory.
WEIRD_VALUES = ["bogus", "%00", "\x00", "<script>alert(1)</script>", "Health", "😀", "x" * 5000, "100%", ""]


def error_summary(response):
    """(message, link target) for each problem in the error summary."""
    page = BeautifulSoup(response.content, "html.parser")
    return [(item.get_text(strip=True), item.a["href"]) for item in page.select(".nhsuk-error-summary__list li")]


def field_error(response, field_id):
    """The message beside a field, or None."""
    element = BeautifulSoup(response.content, "html.parser").select_one(f"#{field_id}-error")
    return element.get_text(" ", strip=True) if element else None


def field_value(response, field_id):
    """What a text field shows, or the chosen option of a select ("" for none)."""
    element = BeautifulSoup(response.content, "html.parser").select_one(f"#{field_id}")
    if element.name == "select":
        chosen = element.select_one("option[selected]")
        return chosen["value"] if chosen else ""
    return element["value"]


def page_title(response):
    return BeautifulSoup(response.content, "html.parser").title.get_text(strip=True)
