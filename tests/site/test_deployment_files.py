"""The process definitions agree: the Procfile (make serve, container platforms), the image's
default command and compose.yaml run the same commands, and each names a command that exists."""

import json
import os
import re
import shlex
from pathlib import Path

import yaml
from django.core.management import get_commands
from django.test import SimpleTestCase

from tests.site.test_security import run_python

ROOT = Path(__file__).resolve().parent.parent.parent


def procfile():
    lines = (ROOT / "Procfile").read_text().splitlines()
    return {name: shlex.split(command) for name, command in (line.split(":", 1) for line in lines if line.strip())}


class DeploymentFilesTests(SimpleTestCase):
    def test_the_procfile_names_web_worker_and_scheduler(self):
        processes = procfile()
        self.assertEqual(set(processes), {"web", "worker", "scheduler"})
        self.assertEqual(processes["web"][:3], ["gunicorn", "--config", "gunicorn.conf.py"])
        for name in ("worker", "scheduler"):
            with self.subTest(name):
                self.assertEqual(processes[name][:2], ["python", "manage.py"])
                self.assertIn(processes[name][2], get_commands())

    def test_the_image_runs_the_web_process(self):
        cmd = re.search(r"^CMD (\[.*\])$", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
        self.assertEqual(json.loads(cmd.group(1)), procfile()["web"])

    def test_compose_runs_the_procfile_commands(self):
        services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
        processes = procfile()
        self.assertEqual(services["worker"]["command"], processes["worker"])
        self.assertEqual(services["scheduler"]["command"], processes["scheduler"])
        # The two app servers run the image's default command: the web process.
        for web in ("web1", "web2"):
            with self.subTest(web):
                self.assertNotIn("command", services[web])
                self.assertEqual(services[web]["volumes"], ["media:/app/media"])
        # Exactly one scheduler.
        self.assertEqual(
            [name for name, s in services.items() if s.get("command") == processes["scheduler"]], ["scheduler"]
        )


class GunicornSettingsTests(SimpleTestCase):
    def settings(self, **env):
        # gunicorn prints its settings, then (preload_app) fails to load this made-up app: fine.
        result = run_python(["-m", "gunicorn", "--config", "gunicorn.conf.py", "--print-config", "x:y"], **env)
        lines = [line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line]
        self.assertTrue(lines, result.stderr)
        return {name.strip(): value.strip() for name, value in lines}

    def test_defaults_for_a_container(self):
        config = self.settings()
        self.assertEqual(config["bind"], "['0.0.0.0:8000']")
        cores = len(os.sched_getaffinity(0))
        self.assertEqual(config["workers"], str(min(2 * cores + 1, 12)))
        self.assertEqual(config["accesslog"], "-")
        self.assertEqual(config["preload_app"], "True")

    def test_port_address_and_workers_from_the_environment(self):
        config = self.settings(PORT="9123", BIND_ADDRESS="127.0.0.1", WEB_CONCURRENCY="3", GUNICORN_TIMEOUT="45")
        self.assertEqual(config["bind"], "['127.0.0.1:9123']")
        self.assertEqual(config["workers"], "3")
        self.assertEqual(config["timeout"], "45")
