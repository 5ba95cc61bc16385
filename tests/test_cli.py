"""The CLI contract shared by every `kb` command: exit statuses and error messages."""
from __future__ import annotations

import click
from click.testing import CliRunner

from kb import cli
from kb.findings import EXIT_ERROR, EXIT_USAGE, KbError


def test_a_data_error_anywhere_is_a_message_with_file_and_line_and_exit_status_3():
    @click.command("boom")
    def boom() -> None:
        raise KbError("entry 3: missing `source`", "data/contacts.yml", 12, hint="add the page the number is from")

    cli.main.add_command(boom)
    try:
        result = CliRunner().invoke(cli.main, ["boom"])
    finally:
        cli.main.commands.pop("boom")
    assert result.exit_code == EXIT_ERROR
    assert "data/contacts.yml:12: entry 3: missing `source`" in result.output
    assert "hint: add the page" in result.output and "Traceback" not in result.output


def test_a_usage_error_is_exit_status_2():
    result = CliRunner().invoke(cli.main, ["no-such-command"])
    assert result.exit_code == EXIT_USAGE
