"""The harness's report (serve_bench.py): the table of pages against the baseline, the first
visits' Lighthouse scores and weights, and the files written to bench/results/."""

import json
import os
import platform
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# For each page's first visit (Lighthouse, mobile profile): performance at least this, the other
# three categories 100, and at most this many kilobytes transferred.
LIGHTHOUSE_PERFORMANCE = 95
LIGHTHOUSE_KB = 100


def compare(rows, path):
    """Each row's p95 as a multiple of the same page's p95 in an earlier run (its .json): issue
    12 asks that p95 on `large` be at most 1.5 times p95 on `small`."""
    earlier = json.loads(Path(path).read_text())
    p95 = {row["name"]: row["p95_ms"] for row in earlier["pages"]}
    for row in rows:
        if p95.get(row["name"]):
            row["p95_growth"] = row["p95_ms"] / p95[row["name"]]
    return earlier["data"]


def table(rows, compared_with=None):
    growth = [f"p95 ÷ {compared_with}'s"] if compared_with else []
    lines = [
        "| "
        + " | ".join(["page", "group", "req/s", "× baseline", "median ms", "p95 ms", "p99 ms", *growth])
        + " | statuses | target | met |",
        "|---|---|--:|--:|--:|--:|--:|" + "--:|" * len(growth) + "---|---|---|",
    ]
    for row in rows:
        ratio = f"{row['ratio']:.1%}" if row["ratio"] is not None else "–"
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(row["statuses"].items()))
        if row["errors"]:
            statuses += " (errors: " + ", ".join(f"{kind} {count}" for kind, count in row["errors"].items()) + ")"
        met = ("yes" if row["met"] else "no") if row["target"] else ""
        grew = ""
        if compared_with:
            grew = f" {row['p95_growth']:.2f} |" if row.get("p95_growth") else " – |"
        lines.append(
            f"| {row['name']} | {row['group']} | {row['rps']:.1f} | {ratio} | {row['p50_ms']:.1f} | "
            f"{row['p95_ms']:.1f} | {row['p99_ms']:.1f} |{grew} {statuses} | {row['target']} | {met} |"
        )
    return "\n".join(lines)


def lighthouse_table(rows):
    lines = [
        "| page | performance | accessibility | best practices | SEO | KB transferred | short of 100 | met |",
        "|---|--:|--:|--:|--:|--:|---|---|",
    ]
    for row in rows:
        problems = "; ".join(problem.split(": ", 1)[1] for problem in row["problems"]) or ""
        lines.append(
            f"| {row['name']} | {row['performance']} | {row['accessibility']} | {row['best-practices']} | "
            f"{row['seo']} | {row['kb']:.1f} | {problems} | {'yes' if row['met'] else 'no'} |"
        )
    return "\n".join(lines)


def git(*command):
    found = subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True, check=False)
    return found.stdout.strip()


def report(args, rows, data, started, first_visits=()):
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += "+changes"
    machine = platform.node() or "machine"
    when = datetime.now(UTC)
    mode = (
        "smoke (a few requests per page, no timing claims)"
        if args.smoke
        else (f"wrk, {args.connections} connections, {args.duration}s per page after {args.warmup}s warm-up")
    )
    header = [
        f"# Benchmark {when:%Y-%m-%d %H:%M} UTC, commit {commit}, {machine}",
        "",
        f"- data: `{args.data}` — " + ", ".join(f"{count:,} {name}" for name, count in data.items()),
        f"- site: gunicorn, {args.workers} workers" + (" on core 0" if args.pin else "") + ", production settings",
        f"- load: {mode}" + (" on core 1" if args.pin and not args.smoke else ""),
        f"- machine: {platform.machine()}, {os.cpu_count()} CPUs, load average before the run "
        + " ".join(f"{value:.2f}" for value in os.getloadavg()),
        f"- took {time.perf_counter() - started:.0f}s",
        "",
        "",
    ]
    compared_with = compare(rows, args.compare) if args.compare else None
    if compared_with:
        header.insert(-2, f"- p95 compared with the run in `{Path(args.compare).name}` (`{compared_with}` data)")
    text = "\n".join(header) + table(rows, compared_with) + "\n"
    if first_visits:
        text += (
            f"\nFirst visits (Lighthouse, mobile profile; target: performance ≥{LIGHTHOUSE_PERFORMANCE}, "
            f"the others 100, ≤{LIGHTHOUSE_KB} KB transferred)\n\n" + lighthouse_table(first_visits) + "\n"
        )
    out_dir = Path(args.output_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{when:%Y-%m-%d-%H%M}-{commit}-{machine}" + ("-smoke" if args.smoke else "")
    (out_dir / f"{stem}.md").write_text(text)
    (out_dir / f"{stem}.json").write_text(
        json.dumps(
            {
                "when": when.isoformat(timespec="seconds"),
                "commit": commit,
                "machine": machine,
                "data": args.data,
                "counts": data,
                "mode": mode,
                "pages": rows,
                "first_visits": list(first_visits),
            },
            indent=2,
        )
    )
    print()
    print(text)
    print(f"Written to {out_dir / stem}.md and .json", flush=True)
