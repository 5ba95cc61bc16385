"""Findings and their reporters, shared by every `kb … check` command.

A check is a pure function that returns `Finding`s; it never prints or exits.
The command picks a reporter (text for people, JSON for machines, GitHub
workflow annotations for CI) and sets the exit code with `exit_code`.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

import click

ERROR = "error"
WARNING = "warning"
FORMATS = ("text", "json", "github")

# Exit codes shared by every `kb` command (the CLI contract, see README).
EXIT_CLEAN = 0      # nothing wrong (warnings alone are clean)
EXIT_FINDINGS = 1   # the check ran and found errors
EXIT_USAGE = 2      # bad arguments or options (click's own UsageError uses 2)
EXIT_ERROR = 3      # the tool could not run: unreadable data, broken config, I/O error


class KbError(Exception):
    """A data or tool error that stops a command or the build, with where and how to fix it.

    Every module's own error (front matter, registry, snapshot, contacts …) derives
    from this, so the CLI and the MkDocs plugin each convert errors in one place.
    """

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None, line: int = 0,
                 hint: str = ""):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def location(self) -> str:
        if not self.path:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} (hint: {self.hint})" if self.hint else text


class ToolError(click.ClickException):
    """What a command raises for a KbError: prints `error: …` and exits with EXIT_ERROR."""

    exit_code = EXIT_ERROR

    def __init__(self, error: Exception | str):
        super().__init__(str(error))


@dataclass(frozen=True, order=True)
class Finding:
    file: str          # path relative to the project (or the rendered page)
    line: int          # 1-based; 0 when the finding is about the whole file
    column: int        # 1-based; 0 when unknown
    code: str          # stable code, e.g. KB103 (documented where the check lives)
    message: str       # what is wrong, in one sentence
    hint: str = ""     # how to fix it
    severity: str = ERROR

    def location(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where


def exit_code(findings) -> int:
    """EXIT_FINDINGS when any finding is an error, else EXIT_CLEAN (warnings do not fail a run)."""
    return EXIT_FINDINGS if any(f.severity == ERROR for f in findings) else EXIT_CLEAN


def summary(findings) -> str:
    errors = sum(f.severity == ERROR for f in findings)
    warnings = len(findings) - errors
    files = len({f.file for f in findings})
    if not findings:
        return "no problems found"
    return f"{errors} error(s), {warnings} warning(s) in {files} file(s)"


def render_text(findings) -> str:
    lines = []
    for f in sorted(findings):
        lines.append(f"{f.location()}: {f.code} {f.severity}: {f.message}")
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    lines.append(summary(findings))
    return "\n".join(lines)


def render_json(findings) -> str:
    return json.dumps([asdict(f) for f in sorted(findings)], ensure_ascii=False, indent=2)


def _escape(value: str, *, property: bool = False) -> str:
    """GitHub workflow-command escaping (data vs. property values)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(findings) -> str:
    lines = []
    for f in sorted(findings):
        props = [f"file={_escape(f.file, property=True)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_escape(f.code, property=True)}")
        text = f.message + (f" Hint: {f.hint}" if f.hint else "")
        lines.append(f"::{f.severity} {','.join(props)}::{_escape(text)}")
    lines.append(summary(findings))
    return "\n".join(lines)


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}


def format_option():
    """The `--format` option every check command shares."""
    return click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
                        envvar="KB_FORMAT", show_default=True,
                        help="text for people, json for tools, github for CI annotations (env: KB_FORMAT)")


def report(findings, output_format: str) -> int:
    """Print the findings in the chosen format and return the exit code."""
    click.echo(RENDERERS[output_format](findings))
    return exit_code(findings)
