"""The `kb` command: one entry point for the project's checks and tools."""
from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Tools for the knowledge base on honour-related violence and oppression."""


# Each command group lives in its own module; register it here.
# (Keep this list sorted.)
