"""The mixed workload, for locust: visitors browse, search and answer a diagnostic; members
sign in, then browse, search, reply to threads, answer diagnostics and join networks.

Read by `locust -f` (started by tests/resilience/load_run.py), with two environment
variables: S4N_LOAD_PLAN, the JSON file fault_members.py printed, and S4N_LOAD_OUT, a folder
where every request (start, end, status) and every accepted write are written when locust
quits, so the run can count afterwards what the database holds.

Each simulated person sends from their own loopback address (127.0.0.x), as real people
do from their own: the site's per-address sign-in limits then apply per person."""

import itertools
import json
import os
import random
import re
import time
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task
from requests.adapters import HTTPAdapter

PLAN = json.loads(Path(os.environ["S4N_LOAD_PLAN"]).read_text())
OUT = Path(os.environ["S4N_LOAD_OUT"])
PASSWORD = os.environ["S4N_LOAD_PASSWORD"]
SEARCH_WORDS = ["stroke", "network", "care", "pathway", "evaluation", "leadership", "children", "diabetes"]
RADIO = re.compile(r'name="(answer-[^"]+)"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="(answer-[^"]+)"')
SECONDS_BETWEEN_POSTS = 11  # the site asks for 10

numbers = itertools.count()
requests_seen = []
writes = []


class SourceAddressAdapter(HTTPAdapter):
    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


@events.request.add_listener
def remember(request_type, name, response_time, response, exception, start_time=None, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    start = start_time or (time.time() - response_time / 1000)
    requests_seen.append((round(start, 3), round(start + response_time / 1000, 3), status, request_type, name))


@events.quitting.add_listener
def save(environment, **kwargs):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "requests.json").write_text(json.dumps(requests_seen))
    (OUT / "writes.json").write_text(json.dumps(writes))


class Person(HttpUser):
    abstract = True
    wait_time = between(2, 6)

    def on_start(self):
        number = next(numbers)
        self.number = number
        self.client.mount("http://", SourceAddressAdapter(f"127.0.{1 + number // 250}.{2 + number % 250}"))

    def get(self, url, name=None):
        with self.client.get(url, name=name or url, catch_response=True) as response:
            if response.status_code == 200:
                response.success()
            return response

    def post(self, url, data, name):
        """A form sent as a browser does: with the CSRF cookie's token. Success is a redirect."""
        data = {"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""), **data}
        with self.client.post(url, data=data, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code == 302:
                response.success()
            else:
                response.failure(f"{response.status_code}")
            return response

    @task(6)
    def browse(self):
        url = random.choice(PLAN["browse"] + PLAN["open_threads"])
        self.get(url, name="browse" if url not in PLAN["browse"] else url)

    @task(3)
    def search(self):
        self.get(f"/search/?q={random.choice(SEARCH_WORDS)}", name="/search/")

    def answer_diagnostic(self):
        """Answer the first section of a diagnostic; returns (slug, accepted)."""
        if not PLAN["diagnostics"]:
            return None, False
        slug = random.choice(PLAN["diagnostics"])
        url = f"/diagnostics/{slug}/section/1/"
        page = self.get(url, name="/diagnostics/[slug]/section/1/")
        if page.status_code != 200:
            return slug, False
        answers = {}
        for name_a, value_a, value_b, name_b in RADIO.findall(page.text):
            answers.setdefault(name_a or name_b, value_a or value_b)
        answers["action"] = "next"
        response = self.post(url, answers, name="/diagnostics/[slug]/section/1/ POST")
        return slug, response.status_code == 302


class Visitor(Person):
    @task(1)
    def diagnostic(self):
        self.answer_diagnostic()


class Member(Person):
    def on_start(self):
        super().on_start()
        self.email = PLAN["members"][self.number % len(PLAN["members"])]
        self.joined = set()
        self.last_post = 0.0
        self.signed_in = False
        self.sign_in()
        if self.signed_in:
            self.reply()  # every member writes at least once

    def sign_in(self):
        self.get("/accounts/login/")
        response = self.post(
            "/accounts/login/", {"login": self.email, "password": PASSWORD}, name="/accounts/login/ POST"
        )
        self.signed_in = response.status_code == 302

    @task(3)
    def reply(self):
        if not self.signed_in:
            return self.sign_in()
        if time.time() - self.last_post < SECONDS_BETWEEN_POSTS or not PLAN["threads"]:
            return self.browse()
        thread = random.choice(PLAN["threads"])
        text = f"Load reply {uuid.uuid4().hex}"
        self.last_post = time.time()
        response = self.post(f"{thread}reply/", {"body": text, "post": "1"}, name="/community/[thread]/reply/ POST")
        writes.append({"kind": "reply", "text": text, "accepted": response.status_code == 302})

    @task(1)
    def diagnostic(self):
        if not self.signed_in:
            return self.sign_in()
        slug, accepted = self.answer_diagnostic()
        if slug:
            writes.append({"kind": "diagnostic", "email": self.email, "slug": slug, "accepted": accepted})

    @task(1)
    def join(self):
        if not self.signed_in:
            return self.sign_in()
        choices = [slug for slug in PLAN["open_networks"] if slug not in self.joined]
        if not choices:
            return self.browse()
        slug = random.choice(choices)
        response = self.post(f"/networks/{slug}/join/", {}, name="/networks/[slug]/join/ POST")
        accepted = response.status_code == 302
        if accepted:
            self.joined.add(slug)
        writes.append({"kind": "join", "email": self.email, "slug": slug, "accepted": accepted})
