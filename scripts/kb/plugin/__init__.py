"""The `kb` MkDocs plugin: the site's build integration (registered by entry point in scripts/pyproject.toml)."""
from kb.plugin.plugin import KbPlugin

__all__ = ["KbPlugin"]
