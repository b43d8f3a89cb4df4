"""The Nu HTML Checker (the vnu-jar npm package, run with Java 17), for every test that checks
pages are valid HTML. One Java run checks many pages: starting Java is the slow part."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"
VNU_TIMEOUT = 180  # seconds, for the single run over every page


def run_vnu(paths):
    """The checker's messages for `paths` (errors only), as parsed from its JSON output."""
    if not Path(JAVA).exists():
        raise AssertionError("Java not found: install Java 17 (Debian: openjdk-17-jre-headless; .ci/run does).")
    if not VNU_JAR.exists():
        raise AssertionError(f"{VNU_JAR} is missing: run `npm ci` (vnu-jar is a devDependency).")
    completed = subprocess.run(  # noqa: S603 - fixed command, our own files
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT,
        check=False,
    )
    if not completed.stdout.strip():
        raise AssertionError(f"The Nu HTML Checker gave no output (exit {completed.returncode}): {completed.stderr}")
    return json.loads(completed.stdout)["messages"]


def validity_problems(pages):
    """Check `pages` ({name: HTML bytes}) in one run; a line per error naming the page."""
    with tempfile.TemporaryDirectory(prefix="s4n-vnu-") as folder:
        files = {}
        for number, (name, content) in enumerate(pages.items(), start=1):
            path = Path(folder) / f"{number:03d}.html"
            path.write_bytes(content)
            files[path.name] = name
        messages = run_vnu(sorted(Path(folder) / file for file in files) if files else [])
    problems = []
    for message in messages:
        file = Path(unquote(urlsplit(message.get("url", "")).path)).name
        where = files.get(file, message.get("url", "?"))
        extract = (message.get("extract") or "").replace("\n", " ").strip()
        problems.append(f"{where} line {message.get('lastLine', '?')}: {message.get('message')}\n    {extract}")
    return problems
