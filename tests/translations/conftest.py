"""The small project copy (and its git variant) from tests/scaffold/conftest.py."""
from scaffold.conftest import git_project, project  # noqa: F401
