"""`make check`: rebuild the site and run every content check, with a short summary.

For editors: one command after a change, problems in the files you changed
first, then the errors that were there before (from main), warnings elsewhere
only counted. The checks are the same commands CI runs (`mkdocs build --strict`,
`kb content check`, `kb translations check`, `kb legal check`, `kb links check`); this module only runs
them with `--format json` and sorts what they report. Unit and browser tests
are `make test`.

    python -m kb.checkall [--site-dir DIR] [--base REF]

Exit status: 0 no errors, 1 errors found (or the build failed), 3 a check could
not run.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kb.findings import ERROR, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, WARNING, Finding

BIN = Path(sys.executable).parent
# kb legal check reports a status per citation; these fail the check (see kb.legal).
LEGAL_ERRORS = {"repealed", "unknown-law", "unknown-provision"}
BUILD_LINE = re.compile(r"^(WARNING|ERROR)\s*-\s*(.*)$")
WHERE = re.compile(r"(?P<file>(?:docs|overrides|data)/[^\s:'\"]+|mkdocs\.yml)(?::(?P<line>\d+))?")
DOC_FILE = re.compile(r"Doc file '(?P<file>[^']+)'")   # MkDocs names pages relative to docs/


@dataclass
class Step:
    name: str
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    failed: str = ""      # why the step itself could not run (tool error), else ""
    skipped: str = ""


def as_finding(item: dict) -> Finding | None:
    """A finding from any kb check's JSON (legal citations carry a status instead of a severity)."""
    severity = item.get("severity")
    code = item.get("code") or item.get("status") or "?"
    if severity is None:
        status = item.get("status", "")
        if status == "ok":
            return None
        severity = ERROR if status in LEGAL_ERRORS else WARNING
    return Finding(str(item.get("file", "")), int(item.get("line") or 0), int(item.get("column") or 0),
                   str(code), str(item.get("message", "")), str(item.get("hint", "")), severity)


def build_findings(output: str) -> list[Finding]:
    """MkDocs' WARNING/ERROR lines as findings, named after the file they mention when they do."""
    found = []
    for line in output.splitlines():
        match = BUILD_LINE.match(line.strip())
        if not match:
            continue
        message = match.group(2).strip()
        page = DOC_FILE.search(message)
        where = WHERE.search(message)
        if page:
            file, line_number = f"docs/{page.group('file')}", 0
        elif where:
            file, line_number = where.group("file"), int(where.group("line") or 0)
        else:
            file, line_number = "mkdocs.yml", 0
        found.append(Finding(file, line_number, 0, "build", message,
                             "fix this first: the strict build stops on every warning", ERROR))
    return found


def changed_files(base: str, root: Path) -> set[str] | None:
    """Files changed since the branch left `base` plus uncommitted ones; None when git cannot tell."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)

    merge_base = git("merge-base", "HEAD", base)
    if merge_base.returncode != 0:
        return None
    files = set(git("diff", "--name-only", merge_base.stdout.strip()).stdout.split())
    for line in git("status", "--porcelain", "--untracked-files=all").stdout.splitlines():
        files.add(line[3:].split(" -> ")[-1].strip('"'))
    return files


def order(findings: list[Finding], changed: set[str] | None) -> tuple[list[Finding], list[Finding]]:
    """(findings in changed files, the others); each sorted errors first, then by place."""
    def key(f: Finding):
        return (f.severity != ERROR, f.file, f.line, f.column, f.code)

    mine = [f for f in findings if changed is not None and f.file in changed]
    others = [f for f in findings if f not in mine]
    return sorted(mine, key=key), sorted(others, key=key)


def render(steps: list[Step], changed: set[str] | None, base: str) -> str:
    findings = [f for step in steps for f in step.findings]
    mine, others = order(findings, changed)
    out = []

    def show(f: Finding):
        out.append(f"  {f.location()}: {f.code} {f.severity}: {f.message}")
        if f.hint:
            out.append(f"      hint: {f.hint}")

    if changed is None:
        out.append(f"(git cannot compare with {base}: all problems are listed together)")
    elif mine:
        out.append(f"== In the files you changed since {base} ({len(mine)}) ==")
        for f in mine:
            show(f)
    else:
        out.append(f"== In the files you changed since {base}: no problems ==")
    other_errors = [f for f in others if f.severity == ERROR]
    other_warnings = Counter(f.code for f in others if f.severity != ERROR)
    if other_errors:
        out.append("")
        out.append(f"== Errors ({len(other_errors)}) ==" if changed is None else
                   f"== Errors in other files ({len(other_errors)}; they were there before your change "
                   "unless you moved or renamed something) ==")
        for f in other_errors:
            show(f)
    if other_warnings:
        counts = ", ".join(f"{code} ×{n}" for code, n in sorted(other_warnings.items()))
        out.append("")
        out.append(f"Warnings in other files: {counts} (run the step's command to see them)")
    out.append("")
    out.append("== Summary ==")
    for step in steps:
        errors = sum(f.severity == ERROR for f in step.findings)
        warnings = len(step.findings) - errors
        if step.skipped:
            state = f"skipped: {step.skipped}"
        elif step.failed:
            state = f"COULD NOT RUN: {step.failed}"
        elif errors:
            state = f"{errors} error(s), {warnings} warning(s)"
        else:
            state = f"ok, {warnings} warning(s)" if warnings else "ok"
        out.append(f"  {step.name:<14} {state:<48} {step.seconds:5.1f}s")
    new_errors = sum(f.severity == ERROR for f in mine)
    total_errors = sum(f.severity == ERROR for f in findings)
    if any(step.failed for step in steps):
        out.append("Result: a check could not run; see its message above.")
    elif total_errors:
        out.append(f"Result: {total_errors} error(s), {new_errors} of them in your changes. "
                   "Fix the errors; CI will stop on them.")
    else:
        out.append("Result: no errors. Warnings do not stop a merge, but read them.")
    return "\n".join(out)


def last_line(result: subprocess.CompletedProcess) -> str:
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1].strip() if lines else ""


def run_json(step: Step, command: list[str], root: Path) -> None:
    """Run one kb check with --format json and collect its findings into `step`."""
    start = time.monotonic()
    env = {**os.environ, "KB_FORMAT": "json"}
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    step.seconds = time.monotonic() - start
    if result.returncode not in (EXIT_CLEAN, EXIT_FINDINGS):
        step.failed = last_line(result) or f"exit status {result.returncode}"
        return
    try:
        items = json.loads(result.stdout)
    except ValueError as exc:
        step.failed = f"unreadable output ({exc})"
        return
    step.findings = [f for f in (as_finding(item) for item in items) if f is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", default="site", help="where to build the site (default: site)")
    parser.add_argument("--base", default=None,
                        help="compare with this branch (default: origin/main if it exists, else main)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    base = args.base or ("origin/main" if subprocess.run(
        ["git", "rev-parse", "--verify", "-q", "origin/main"], cwd=root, capture_output=True).returncode == 0
        else "main")
    kb = str(BIN / "kb")

    build = Step("strict build")
    start = time.monotonic()
    env = {k: v for k, v in os.environ.items() if k != "KB_SERVE_LANG"}
    print("Building the site (all languages; about half a minute) …", file=sys.stderr, flush=True)
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--clean", "-d", args.site_dir],
                            cwd=root, env=env, capture_output=True, text=True)
    build.seconds = time.monotonic() - start
    build.findings = build_findings(result.stdout + result.stderr)
    if result.returncode != 0 and not build.findings:
        build.findings = [Finding("mkdocs.yml", 0, 0, "build",
                                  last_line(result) or f"the build stopped (exit status {result.returncode})",
                                  "run `make build` to see the whole output", ERROR)]
    steps = [build]
    for name, command in (("content check", [kb, "content", "check"]),
                          ("translations", [kb, "translations", "check"]),
                          ("legal check", [kb, "legal", "check"])):
        step = Step(name)
        run_json(step, [*command, "--format", "json"], root)
        steps.append(step)
    links = Step("links check")
    if result.returncode != 0:
        links.skipped = "the build failed"
    else:
        run_json(links, [kb, "links", "check", args.site_dir, "--format", "json"], root)
    steps.append(links)

    print(render(steps, changed_files(base, root), base))
    if any(step.failed for step in steps):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(f.severity == ERROR for step in steps for f in step.findings) else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
