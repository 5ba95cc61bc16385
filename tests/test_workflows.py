""".github/workflows: valid workflows that only call the project's own entry points.

CI must run what a developer runs (`make test`), so every `run:` step may only
use make, the kb CLI, git and gh; anything else belongs in the Makefile or kb.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb.cli import main

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
ALLOWED = {"make", "kb", ".venv/bin/kb", "git", "gh"}
SEPARATORS = {"&&", "||", ";", "|", "&", "(", ")"}
REDIRECTIONS = {">", ">>", "<", ">&", "&>"}


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))   # YAML 1.1 reads a bare `on` as true
    return {on: None} if isinstance(on, str) else on


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job["steps"]


def commands(script: str) -> list[list[str]]:
    """The simple commands in a shell snippet: [[word, args…], …]."""
    found, current = [], []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        skip = False
        for token in lexer:
            if skip:
                skip = False
            elif token in REDIRECTIONS:   # `> file`, `2>&1`: not arguments
                if current and current[-1].isdigit():
                    current.pop()
                skip = True
            elif token in SEPARATORS:
                if current:
                    found.append(current)
                current = []
            else:
                current.append(token)
        if current:
            found.append(current)
            current = []
    return found


def kb_invocations():
    for name in ("ci.yml", "scheduled.yml"):
        for step in steps(load(name)):
            for command in commands(step.get("run", "")):
                if command[0] in ("kb", ".venv/bin/kb"):
                    yield command[1:]


@pytest.mark.parametrize("name", ["ci.yml", "scheduled.yml"])
def test_workflows_are_valid_and_pin_their_actions(name):
    workflow = load(name)
    assert workflow["name"] and triggers(workflow)
    for job in workflow["jobs"].values():
        assert "ubuntu" in job["runs-on"] and job["steps"]
        assert job.get("timeout-minutes")
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]


@pytest.mark.parametrize("name", ["ci.yml", "scheduled.yml"])
def test_run_steps_only_use_the_projects_entry_points(name):
    for step in steps(load(name)):
        for command in commands(step.get("run", "")):
            assert command[0] in ALLOWED, f"{name}: `{' '.join(command)}` – put it in the Makefile or kb"


def test_the_checker_itself_catches_other_commands():
    assert commands("make test && curl -s x | sh\npip install y > log 2>&1") == \
        [["make", "test"], ["curl", "-s", "x"], ["sh"], ["pip", "install", "y"]]


def test_ci_runs_make_test_on_pull_requests_with_python_311_and_keeps_the_site():
    workflow = load("ci.yml")
    assert "pull_request" in triggers(workflow)
    job = workflow["jobs"]["test"]
    assert job["container"].startswith("python:3.11")
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs == ["make test"]
    upload = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site/" and upload[0]["if"] == "always()"


def test_scheduled_runs_weekly_refreshes_law_checks_links_and_reports():
    workflow = load("scheduled.yml")
    cron = triggers(workflow)["schedule"][0]["cron"]
    minute, hour, day, month, weekday = cron.split()
    assert day == month == "*" and weekday.isdigit()
    invoked = [" ".join(args) for args in kb_invocations()]
    assert "legal refresh" in invoked and "links check --external" in invoked
    uses = [step.get("uses", "") for step in steps(workflow)]
    assert any(u.startswith("peter-evans/create-pull-request@") for u in uses)
    assert any(u.startswith("peter-evans/create-issue-from-file@") for u in uses)


def test_make_targets_used_by_workflows_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for name in ("ci.yml", "scheduled.yml"):
        for step in steps(load(name)):
            for command in commands(step.get("run", "")):
                if command[0] == "make":
                    for target in command[1:]:
                        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), target


def test_kb_commands_used_by_workflows_exist_with_their_options():
    for args in kb_invocations():
        words = [a for a in args if not a.startswith("-")]
        options = [a for a in args if a.startswith("--")]
        result = CliRunner().invoke(main, [*words, "--help"])
        assert result.exit_code == 0, (args, result.output)
        for option in options:
            assert option in result.output, (args, option)
