"""Translations: which are current, outdated, unreviewed, missing or orphaned.

- status.py      pages -> the status matrix (pure core; states and precedence documented there)
- history.py     earlier versions of a Swedish page from git (read-only), for dates and diffs
- render.py      text / json / markdown / github reporters for `kb translations status`
- review.py      record a review (`mark-reviewed`) or an update (`mark-updated`) in front matter
- statuspage.py  the translators' status page written into the built site (MkDocs hook)
- frontmatter.py minimal front matter edits and atomic writes (also used by kb.scaffold)
- paths.py       a page and language from the command line -> files in docs/
- command.py     the thin `kb translations` click group
"""
