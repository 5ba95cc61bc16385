"""Scaffolding: `kb new page` (page.py) and `kb new translation` (translation.py).

Both write new files atomically and never overwrite one; command.py is the thin
`kb new` click group. See CONTRIBUTING.md for the editor's side.
"""
