"""The load and fault scenario against a private production stack (faultstack.py), bounded
in time, printing its figures:

    python -m tests.resilience.fault_run                 # 100 users, 3 minutes (make resilience)
    python -m tests.resilience.fault_run --users 20 --run-time 20 --db-down-at 8 --db-down-for 5

1. Load: locust drives the mixed workload (load_locustfile.py). PostgreSQL is stopped
   (pg_ctl -m fast) `--db-down-at` seconds in, for `--db-down-for` seconds: meanwhile the site
   must answer the styled 503 and nothing else; once PostgreSQL is back, the time until the
   site answers again is measured. Afterwards every accepted write is looked for in the
   database, and every thread's reply counter checked against its posts.
2. Redis stopped: pages serve, sign-in works, each rate limit fails in its direction.
3. The worker stopped: password reset emails wait in the queue, then go out once each.

Exit status 0 only when every check passed."""

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

from tests.resilience.faultstack import PASSWORD, ROOT, FaultStack

LOCUSTFILE = Path(__file__).with_name("load_locustfile.py")
OUTAGE_TEXT = "part of the service is unavailable"


class Checks:
    def __init__(self):
        self.results = []

    def check(self, name, passed, detail=""):
        self.results.append((name, bool(passed), detail))
        print(f"  [{'ok' if passed else 'FAILED'}] {name}{': ' + str(detail) if detail else ''}", flush=True)
        return passed

    @property
    def passed(self):
        return all(passed for _name, passed, _detail in self.results)


# -- helpers -------------------------------------------------------------------------------------


def browser(stack):
    session = requests.Session()
    session.headers["User-Agent"] = "s4n-fault-run"
    return session


def send_form(session, stack, url, data):
    """GET the form (for the CSRF cookie) and POST it, not following the redirect."""
    session.get(stack.url + url, timeout=30)
    data = {"csrfmiddlewaretoken": session.cookies.get("csrftoken", ""), **data}
    return session.post(stack.url + url, data=data, allow_redirects=False, timeout=30)


def sign_in(stack, address):
    session = browser(stack)
    response = send_form(session, stack, "/accounts/login/", {"login": address, "password": PASSWORD})
    return session, response


def styled_503(response):
    body = response.text
    return (
        response.status_code == 503
        and response.headers.get("Retry-After") == "30"
        and 'class="nhsuk-header' in body
        and "Sorry, the service is unavailable" in body
        and "Traceback" not in body
        and "Error" not in body.split("<title>")[1].split("</title>")[0]
    )


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# -- 1. load with the database stopped mid-way ---------------------------------------------------


def counter_drift(stack):
    """Per thread, reply_count minus the replies it has: unchanged by a consistent write."""
    rows = stack.sql(
        "SELECT t.id, t.reply_count - COUNT(p.id) FILTER (WHERE NOT p.is_opening) "
        "FROM discussions_thread t LEFT JOIN discussions_post p ON p.thread_id = t.id GROUP BY t.id"
    )
    return dict(rows)


def probe_outage(stack, stop_event, seen):
    """While PostgreSQL is down: what a visitor gets from a page that needs the database."""
    while not stop_event.is_set():
        with contextlib.suppress(requests.RequestException):
            response = requests.get(stack.url + "/search/?q=outage", timeout=10)
            seen.append((time.time(), response.status_code, styled_503(response), len(response.content)))
        time.sleep(0.25)


def database_outage(stack, seconds, checks):
    stopped_at = time.time()
    stack.stop_postgres()
    stop_event, seen = threading.Event(), []
    prober = threading.Thread(target=probe_outage, args=(stack, stop_event, seen))
    prober.start()
    time.sleep(seconds)
    stop_event.set()
    prober.join()
    stack.start_postgres()  # returns once PostgreSQL accepts connections
    back_at = time.time()
    # Recovered: ten answers in a row from pages that need the database (both workers).
    in_a_row, recovered_at = 0, None
    while time.time() - back_at < 60:
        with contextlib.suppress(requests.RequestException):
            ok = requests.get(stack.url + "/search/?q=recovery", timeout=10).status_code == 200
            in_a_row = in_a_row + 1 if ok else 0
            if ok and recovered_at is None:
                recovered_at = time.time()
            if not ok:
                recovered_at = None
            if in_a_row >= 10:
                break
        time.sleep(0.05)
    recovery = (recovered_at - back_at) if recovered_at else None
    statuses = Counter(status for _t, status, _styled, _size in seen)
    checks.check(
        "database down: every probe got the styled 503 (site header, Retry-After, no traceback)",
        seen and all(styled for _t, _status, styled, _size in seen),
        f"{len(seen)} probes, statuses {dict(statuses)}",
    )
    checks.check(
        "database back: the site recovered by itself within 5 s",
        recovery is not None and recovery <= 5,
        f"{recovery:.2f} s" if recovery is not None else "not within 60 s",
    )
    return {"stopped_at": stopped_at, "back_at": back_at, "recovery": recovery, "probes": len(seen)}


def run_load(stack, plan, args, out, checks):
    plan_file = out / "plan.json"
    plan_file.write_text(json.dumps(plan))
    env = {
        **os.environ,
        "S4N_LOAD_PLAN": str(plan_file),
        "S4N_LOAD_OUT": str(out),
        "S4N_LOAD_PASSWORD": PASSWORD,
    }
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.run_time}s",
        "--host",
        stack.url,
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "30",
        "--exit-code-on-error",
        "0",
    ]
    drift_before = counter_drift(stack)
    started = time.time()
    with open(out / "locust.log", "wb") as log:
        locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        outage = None
        if args.db_down_for > 0:
            time.sleep(max(0, started + args.db_down_at - time.time()))
            outage = database_outage(stack, args.db_down_for, checks)
        locust.wait(timeout=args.run_time + 120)
    seen = json.loads((out / "requests.json").read_text())
    writes = json.loads((out / "writes.json").read_text())

    # 5xx: only a 503 while the database was down (from its stop to its recovery) is expected.
    window = (outage["stopped_at"] - 1, outage["back_at"] + (outage["recovery"] or 60) + 1) if outage else None
    unexpected, during_outage = Counter(), Counter()
    for start, end, status, _method, _name in seen:
        in_window = window and start <= window[1] and end >= window[0]
        if status >= 500 or status == 0:
            (during_outage if in_window and status == 503 else unexpected)[status] += 1
    statuses = Counter(status for _s, _e, status, _m, _n in seen)
    latencies = [(end - start) * 1000 for start, end, *_rest in seen]
    figures = {
        "users": args.users,
        "run time (s)": args.run_time,
        "requests": len(seen),
        "requests/s": round(len(seen) / args.run_time, 1),
        "statuses": dict(sorted(statuses.items())),
        "4xx by page": dict(Counter(f"{status} {name}" for _s, _e, status, _m, name in seen if 400 <= status < 500)),
        "5xx outside the outage": sum(unexpected.values()),
        "503 during the outage": sum(during_outage.values()),
        "median latency (ms)": round(statistics.median(latencies)) if latencies else 0,
        "p95 latency (ms)": round(percentile(latencies, 0.95)),
    }
    checks.check("load: no 5xx (nor dropped connection) outside the database outage", not unexpected, dict(unexpected))

    # Every accepted write is in the database; nothing half-written.
    replies = [w for w in writes if w["kind"] == "reply"]
    accepted_texts = {w["text"] for w in replies if w["accepted"]}
    found_texts = {row[0] for row in stack.sql("SELECT body FROM discussions_post WHERE body LIKE 'Load reply %%'")}
    refused_but_saved = {w["text"] for w in replies if not w["accepted"]} & found_texts
    joins = {(w["email"], w["slug"]) for w in writes if w["kind"] == "join" and w["accepted"]}
    found_joins = set(
        stack.sql(
            "SELECT u.email, n.slug FROM networks_membership m JOIN auth_user u ON u.id = m.user_id "
            "JOIN networks_network n ON n.id = m.network_id WHERE u.email LIKE 'load%%'"
        )
    )
    answers = {(w["email"], w["slug"]) for w in writes if w["kind"] == "diagnostic" and w["accepted"]}
    found_answers = set(
        stack.sql(
            "SELECT u.email, i.slug FROM diagnostics_response r JOIN auth_user u ON u.id = r.user_id "
            "JOIN diagnostics_instrumentversion v ON v.id = r.version_id "
            "JOIN diagnostics_instrument i ON i.id = v.instrument_id "
            "WHERE u.email LIKE 'load%%' AND r.answers::text <> '{}'"
        )
    )
    accepted = len(accepted_texts) + len(joins) + len(answers)
    found = len(accepted_texts & found_texts) + len(joins & found_joins) + len(answers & found_answers)
    figures.update(
        {
            "writes accepted (replies/joins/answers)": (
                f"{accepted} ({len(accepted_texts)}/{len(joins)}/{len(answers)})"
            ),
            "writes found": found,
            "writes lost": accepted - found,
            "replies refused but saved (whole)": len(refused_but_saved),
        }
    )
    checks.check(
        "load: every accepted write is in the database", accepted == found and accepted > 0, f"{found}/{accepted}"
    )
    drift_after = counter_drift(stack)
    changed = {pk for pk, drift in drift_after.items() if drift != drift_before.get(pk, 0)}
    checks.check("load: every thread's reply counter matches its replies (no partial write)", not changed, changed)
    if outage:
        figures["database down (s)"] = args.db_down_for
        figures["recovery after the database returned (s)"] = (
            round(outage["recovery"], 2) if outage["recovery"] is not None else "none"
        )
    return figures


# -- 2. Redis stopped ----------------------------------------------------------------------------


def redis_outage(stack, plan, checks):
    stack.stop_redis()
    try:
        pages = [*plan["browse"], "/search/?q=stroke", *plan["open_threads"][:1]]
        statuses = {url: requests.get(stack.url + url, timeout=30).status_code for url in pages}
        checks.check("redis down: pages serve", set(statuses.values()) == {200}, statuses)
        member = plan["members"][-1]
        session, response = sign_in(stack, member)
        account = session.get(stack.url + "/account/", allow_redirects=False, timeout=30)
        checks.check(
            "redis down: sign-in works and the session holds",
            response.status_code == 302 and account.status_code == 200,
            f"sign-in {response.status_code}, account page {account.status_code}",
        )
        thread = plan["threads"][0]
        first = send_form(session, stack, f"{thread}reply/", {"body": "Redis down reply one", "post": "1"})
        second = send_form(session, stack, f"{thread}reply/", {"body": "Redis down reply two", "post": "1"})
        checks.check(
            "redis down: posting fails open (two replies within the 10 s wait both accepted)",
            (first.status_code, second.status_code) == (302, 302),
            f"{first.status_code}, {second.status_code}",
        )
        if plan["request_networks"]:
            slug = plan["request_networks"][0]
            joined = send_form(session, stack, f"/networks/{slug}/join/", {})
            pending = stack.sql(
                "SELECT m.status FROM networks_membership m JOIN auth_user u ON u.id = m.user_id "
                "JOIN networks_network n ON n.id = m.network_id WHERE u.email = %s AND n.slug = %s",
                (member, slug),
            )
            checks.check("redis down: asking to join fails open", joined.status_code == 302 and pending, f"{pending}")
        window_opened = stack.sql("SELECT now()")[0][0]
        network = (plan["open_networks"] + plan["request_networks"])[0]
        contact = send_form(
            session, stack, f"/networks/{network}/contact/", {"subject": "Outage", "message": "Sent in an outage"}
        )
        checks.check(
            "redis down: contacting a network fails closed (503, message not sent)",
            contact.status_code == 503 and "cannot be sent just now" in contact.text,
            contact.status_code,
        )
        visitor = browser(stack)
        signup = send_form(
            visitor,
            stack,
            "/accounts/signup/",
            {
                "display_name": "Outage Person",
                "email": "outage@resilience.example.org",
                "password1": PASSWORD,
                "terms": "on",
            },
        )
        created = stack.sql("SELECT COUNT(*) FROM auth_user WHERE email = 'outage@resilience.example.org'")[0][0]
        checks.check(
            "redis down: sign-up fails closed (refused with a message, no account)",
            signup.status_code == 200 and OUTAGE_TEXT in signup.text and created == 0,
            signup.status_code,
        )
        reset = send_form(browser(stack), stack, "/accounts/password/reset/", {"email": member})
        checks.check(
            "redis down: password reset fails closed (refused with a message)",
            reset.status_code == 200 and OUTAGE_TEXT in reset.text,
            reset.status_code,
        )
        # Emails the refused forms would have queued (the fan-out of earlier replies' notifications
        # may queue others meanwhile).
        queued = stack.sql(
            "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE enqueued_at >= %s AND ("
            "args_kwargs::text LIKE '%%contact_network%%' OR args_kwargs::text LIKE '%%password_reset%%' "
            "OR args_kwargs::text LIKE '%%email_confirmation%%' "
            "OR args_kwargs::text LIKE '%%account_already_exists%%')",
            (window_opened,),
        )[0][0]
        time.sleep(3)  # time for the worker to send anything wrongly queued
        sent = [m for m in stack.mailbox.snapshot() if {member, "outage@resilience.example.org"} & set(m[0])]
        checks.check(
            "redis down: no email queued or sent by the refused forms", queued == 0 and not sent, f"{queued}, {sent}"
        )
    finally:
        stack.start_redis()
    session, response = sign_in(stack, plan["members"][-2])
    checks.check("redis back: sign-in works", response.status_code == 302, response.status_code)


# -- 3. the worker stopped -----------------------------------------------------------------------


def worker_outage(stack, plan, checks, count=10):
    stack.stop_worker()
    recipients = plan["members"][:count]
    subject = re.compile("password", re.IGNORECASE)

    def resets():
        return Counter(
            to for tos, title in stack.mailbox.snapshot() if subject.search(title) for to in tos if to in recipients
        )

    before = resets()
    visitor = browser(stack)
    for address in recipients:
        send_form(visitor, stack, "/accounts/password/reset/", {"email": address})
    time.sleep(3)
    waiting = stack.sql("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'")[0][0]
    checks.check(
        "worker down: the emails wait in the queue",
        resets() == before and waiting >= count,
        f"{waiting} tasks waiting, {sum((resets() - before).values())} sent",
    )
    stack.start_worker()
    deadline = time.time() + 60
    while time.time() < deadline and sum((resets() - before).values()) < count:
        time.sleep(0.5)
    time.sleep(3)  # anything sent twice would arrive by now
    sent = resets() - before
    doubled = sum(n - 1 for n in sent.values() if n > 1)
    lost = count - len(sent)
    checks.check(
        "worker back: each email went out once (none lost, none doubled)",
        lost == 0 and doubled == 0,
        f"{count} queued, {len(sent)} received, {lost} lost, {doubled} doubled",
    )
    return {"emails queued while the worker was down": count, "emails lost": lost, "emails doubled": doubled}


def drain_queue(stack, timeout=240):
    """Seconds until the worker has run every queued task (the load queues many emails)."""
    started = time.time()
    while time.time() - started < timeout:
        if not stack.sql("SELECT 1 FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"):
            break
        time.sleep(1)
    return round(time.time() - started)


def task_states(stack):
    return dict(stack.sql("SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY status"))


# -- the whole scenario --------------------------------------------------------------------------


def scenario(args):
    checks, figures = Checks(), {}
    began = time.time()
    with tempfile.TemporaryDirectory(prefix="s4n-load-") as out, FaultStack(workers=args.workers) as stack:
        print(f"Stack in {stack.dir}: site {stack.url}, PostgreSQL :{stack.pg_port}, Redis :{stack.redis_port}")
        plan = stack.prepare(members=args.members, demo=not args.light)
        print(
            f"Prepared in {time.time() - began:.0f} s {stack.timings}: {len(plan['members'])} members, "
            f"{len(plan['threads'])} threads, {len(plan['diagnostics'])} diagnostics"
        )
        stack.start_web()
        stack.start_worker()
        print(f"1. Load: {args.users} users for {args.run_time} s, PostgreSQL stopped at {args.db_down_at} s")
        figures.update(run_load(stack, plan, args, Path(out), checks))
        print("2. Redis stopped")
        redis_outage(stack, plan, checks)
        print("3. The worker stopped")
        figures.update(worker_outage(stack, plan, checks))
        drained = drain_queue(stack)
        states = task_states(stack)
        figures["queue drained after the scenario in (s)"] = drained
        figures["tasks by state at the end"] = states
        figures["emails received by the SMTP server"] = len(stack.mailbox.snapshot())
        figures["worker restarts after losing the database (run_worker)"] = stack.worker_restarts
        figures["tasks put back in the queue after a worker died mid-task"] = stack.tasks_requeued
        checks.check(
            "tasks: every queued task ran, none failed",
            set(states) == {"SUCCESSFUL"},
            states,
        )
        if not checks.passed:
            (Path(out) / "web.log").write_text(stack.log("web"))
            print("web log (last lines):\n" + "\n".join(stack.log("web").splitlines()[-40:]))
    figures["scenario duration (s)"] = round(time.time() - began)
    print("\nFigures")
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"  {name:<{width}}  {value}")
    failed = [name for name, passed, _detail in checks.results if not passed]
    print(f"\n{len(checks.results) - len(failed)} of {len(checks.results)} checks passed")
    return checks, figures


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--spawn-rate", type=float, default=20)
    parser.add_argument("--run-time", type=int, default=180, help="seconds of load")
    parser.add_argument("--db-down-at", type=float, default=60, help="seconds into the load")
    parser.add_argument("--db-down-for", type=float, default=10)
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--light", action="store_true", help="a thread and two networks instead of the demo content")
    return parser.parse_args(argv)


def main(argv=None):
    checks, _figures = scenario(arguments(argv))
    return 0 if checks.passed else 1


if __name__ == "__main__":
    sys.exit(main())
