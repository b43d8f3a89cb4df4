"""Site-wide search (to be completed: see the search work)."""


def site_search(request):
    return {}
