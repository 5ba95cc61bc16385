""".github/workflows: valid workflows that only call the project's own entry points.

CI must run what a developer runs (`make lint`, `make test`), so every `run:` step may
only use make, the kb CLI, git and gh, or a CI-only script in .github/scripts/ (which is
tested here too); anything else belongs in the Makefile or kb.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb.cli import main

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
NAMES = sorted(p.name for p in WORKFLOWS.glob("*.yml"))
ALLOWED = {"make", "kb", ".venv/bin/kb", "git", "gh"}
SEPARATORS = {"&&", "||", ";", "|", "&", "(", ")"}
REDIRECTIONS = {">", ">>", "<", ">&", "&>"}
# Each action's first major version that runs on Node 24 (Node 20 is end of life), checked
# against the actions' own action.yml. A new action is added here after checking its runtime.
NODE24_FROM = {
    "actions/checkout": 5, "actions/setup-node": 5, "actions/setup-python": 6, "actions/cache": 5,
    "actions/upload-artifact": 6, "actions/download-artifact": 7, "actions/github-script": 8,
    "peter-evans/create-pull-request": 8, "peter-evans/create-issue-from-file": 6,
}


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
    for name in NAMES:
        for step in steps(load(name)):
            for command in commands(step.get("run", "")):
                if command[0] in ("kb", ".venv/bin/kb"):
                    yield command[1:]


def test_the_expected_workflows_exist():
    assert {"ci.yml", "scheduled.yml", "preview-cleanup.yml"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_workflows_are_valid_and_use_current_node24_actions(name):
    workflow = load(name)
    assert workflow["name"] and triggers(workflow)
    for job in workflow["jobs"].values():
        assert "ubuntu" in job["runs-on"] and job["steps"]
        assert job.get("timeout-minutes")
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                match = re.fullmatch(r"([\w.-]+/[\w.-]+)@v(\d+)", step["uses"])
                assert match, step["uses"]
                action, major = match.group(1), int(match.group(2))
                assert action in NODE24_FROM, f"{action}: check its runtime and add it to NODE24_FROM"
                assert major >= NODE24_FROM[action], f"{step['uses']} runs on Node 20; use @v{NODE24_FROM[action]}+"


@pytest.mark.parametrize("name", NAMES)
def test_run_steps_only_use_the_projects_entry_points(name):
    for step in steps(load(name)):
        for command in commands(step.get("run", "")):
            if command[:1] == ["bash"] and len(command) > 1 and command[1].startswith(".github/scripts/"):
                assert (ROOT / command[1]).is_file(), command
                continue
            assert command[0] in ALLOWED, f"{name}: `{' '.join(command)}` – put it in the Makefile or kb"


@pytest.mark.parametrize("name", ["ci.yml", "scheduled.yml"])
def test_container_jobs_mark_the_workspace_safe_before_anything_uses_git(name):
    for job in load(name)["jobs"].values():
        if "container" not in job:
            continue
        runs = [step.get("run", "") for step in job["steps"]]
        safe = [i for i, run in enumerate(runs) if 'safe.directory "$GITHUB_WORKSPACE"' in run]
        first_tool = next(i for i, run in enumerate(runs) if run.startswith(("make", ".venv/bin/kb")))
        assert safe and safe[0] < first_tool, "git config --global --add safe.directory must come first"
        checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0, "translation diffs need the full history"


@pytest.mark.parametrize("name", NAMES)
def test_gh_is_not_needed(name):
    """The CI image has no gh; GitHub's API is reached through actions/github-script."""
    for step in steps(load(name)):
        assert not any(command[0] == "gh" for command in commands(step.get("run", ""))), step


def test_the_checker_itself_catches_other_commands():
    assert commands("make test && curl -s x | sh\npip install y > log 2>&1") == \
        [["make", "test"], ["curl", "-s", "x"], ["sh"], ["pip", "install", "y"]]


def test_ci_runs_lint_and_test_on_pull_requests_with_python_311_and_keeps_the_site():
    workflow = load("ci.yml")
    assert {"pull_request", "workflow_dispatch"} <= set(triggers(workflow))
    job = workflow["jobs"]["test"]
    assert job["container"].startswith("python:3.11")
    assert job["env"]["KB_FORMAT"] == "github"
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs[1:] == ["make lint", "make test"]
    test_step = next(step for step in job["steps"] if step.get("run") == "make test")
    assert test_step["if"] == "${{ !cancelled() }}", "make test must run even when lint finds something"
    upload = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site/" and "cancelled()" in upload[0]["if"]


def test_ci_caches_pip_npm_and_the_debian_browser_packages():
    job = load("ci.yml")["jobs"]["test"]
    caches = [step["with"]["path"] for step in job["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert "~/.cache/pip" in caches
    node = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-node@"))
    assert node["with"]["cache"] == "npm"
    apt_config = (ROOT / job["env"]["APT_CONFIG"]).read_text(encoding="utf-8")
    archives = re.search(r'Dir::Cache::Archives "([^"]+)"', apt_config).group(1)
    assert archives.rstrip("/") in caches
    # apt creates a missing archives folder only inside its cache folder
    assert archives.startswith("/var/cache/apt/") and archives.rstrip("/") != "/var/cache/apt/archives"


def test_each_pull_request_gets_a_linked_preview_and_it_is_removed_on_close():
    workflow = load("ci.yml")
    preview = workflow["jobs"]["preview"]
    assert preview["needs"] == "test"
    assert "github.event.pull_request.head.repo.full_name == github.repository" in preview["if"]
    assert preview["permissions"]["contents"] == "write" and preview["permissions"]["pull-requests"] == "write"
    runs = " ".join(step.get("run", "") for step in preview["steps"])
    assert "bash .github/scripts/publish-preview.sh publish" in runs
    comment = next(step for step in preview["steps"] if step.get("uses", "").startswith("actions/github-script@"))
    assert "pr-preview/pr-${number}/" in comment["with"]["script"] and "createComment" in comment["with"]["script"]
    cleanup = load("preview-cleanup.yml")
    assert triggers(cleanup)["pull_request"]["types"] == ["closed"]
    assert "publish-preview.sh remove" in " ".join(s.get("run", "") for s in steps(cleanup))
    assert cleanup["concurrency"]["group"] == preview["concurrency"]["group"]


def git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@t.invalid",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@t.invalid"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def test_the_preview_script_publishes_and_removes_folders_on_gh_pages_with_git_only(tmp_path):
    git("init", "-q", "--bare", "origin.git", cwd=tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    git("init", "-q", cwd=work)
    git("commit", "-q", "--allow-empty", "-m", "init", cwd=work)
    git("remote", "add", "origin", str(tmp_path / "origin.git"), cwd=work)
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<h1>sv</h1>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<h1>en</h1>", encoding="utf-8")
    script = str(ROOT / ".github/scripts/publish-preview.sh")

    def published():
        return git("--git-dir", str(tmp_path / "origin.git"), "ls-tree", "-r", "--name-only", "gh-pages",
                   cwd=tmp_path).split()

    git_env_free = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    for number in ("7", "8"):
        subprocess.run(["bash", script, "publish", number, str(site)], cwd=work, env=git_env_free, check=True,
                       capture_output=True)
    assert published() == [".nojekyll", "pr-preview/pr-7/en/index.html", "pr-preview/pr-7/index.html",
                           "pr-preview/pr-8/en/index.html", "pr-preview/pr-8/index.html"]
    subprocess.run(["bash", script, "remove", "7"], cwd=work, env=git_env_free, check=True, capture_output=True)
    assert published() == [".nojekyll", "pr-preview/pr-8/en/index.html", "pr-preview/pr-8/index.html"]
    assert git("status", "--porcelain", cwd=work) == ""   # the checkout and its index are untouched
    refused = subprocess.run(["bash", script, "publish", "9", str(tmp_path / "nothing")], cwd=work,
                             env=git_env_free, capture_output=True, text=True)
    assert refused.returncode == 2 and "build the site first" in refused.stderr


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


def test_the_weekly_pull_request_runs_ci_with_or_without_the_automation_token():
    workflow = load("scheduled.yml")
    job = workflow["jobs"]["refresh"]
    create = next(s for s in job["steps"] if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert create["with"]["token"] == "${{ secrets.KB_AUTOMATION_TOKEN || github.token }}"
    dispatch = next(s for s in job["steps"] if "createWorkflowDispatch" in s.get("with", {}).get("script", ""))
    assert "HAS_AUTOMATION_TOKEN != 'true'" in dispatch["if"] and "'ci.yml'" in dispatch["with"]["script"]
    assert f"ref: '{create['with']['branch']}'" in dispatch["with"]["script"]
    assert workflow["permissions"]["actions"] == "write"
    assert "workflow_dispatch" in triggers(load("ci.yml"))
    assert "KB_AUTOMATION_TOKEN" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_make_targets_used_by_workflows_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for name in NAMES:
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
