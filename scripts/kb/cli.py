"""The `kb` command: one entry point for the project's checks and tools."""
from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Tools for the knowledge base on honour-related violence and oppression."""


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
