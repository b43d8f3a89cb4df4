"""The benchmark's baseline (bench/README.md): a fixed response through the whole middleware
stack and nothing else, so each page's speed can be given as a share of it. Routed only when
the BENCH_BASELINE setting is on."""

from django.http import HttpResponse

BODY = "Source4Networks benchmark baseline.\n"


def baseline(request):
    return HttpResponse(BODY, content_type="text/plain; charset=utf-8")
