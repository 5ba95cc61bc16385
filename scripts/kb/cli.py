"""The `kb` command: one entry point for the project's checks and tools."""
from __future__ import annotations

import click

from kb.findings import KbError, ToolError


class KbGroup(click.Group):
    """The one place a data or tool error (KbError) becomes the CLI's message and exit status 3.

    Commands let KbError propagate; click turns ToolError into `Error: path:line: message`.
    Exit statuses: 0 clean, 1 findings, 2 usage (click), 3 data or tool error.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KbError as error:
            raise ToolError(error) from None


@click.group(cls=KbGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Tools for the knowledge base on honour-related violence and oppression.

    Exit status: 0 clean, 1 findings (errors), 2 usage error, 3 data or tool error.
    """


# Each command group lives in its own module; register it here.
# (Keep this list sorted.)
from kb.content.command import content  # noqa: E402
from kb.legal.command import legal  # noqa: E402
from kb.links.command import links  # noqa: E402
from kb.scaffold.command import new  # noqa: E402
from kb.translations.command import translations  # noqa: E402

main.add_command(content)
main.add_command(legal)
main.add_command(links)
main.add_command(new)
main.add_command(translations)
