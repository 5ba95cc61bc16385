"""Translations: which are current, outdated, unreviewed, missing or orphaned, and whether they say the right thing.

- state.py         one translation's state (used by the banners, the status command and the content gate)
- status.py        pages -> the status matrix (pure core; states and precedence documented there)
- history.py       earlier versions of a Swedish page from git (read-only), for dates and diffs
- render.py        text / json / markdown / github reporters for `kb translations status`
- check.py         `kb translations check`: every translation against its Swedish source (codes KB5xx)
- glossary.py      data/glossary.yml: terms, definitions and approved renderings per language
- glossary_page.py the glossary page in every language (marker expanded by the kb plugin)
- tooltips.py      glossary tooltips in the rendered pages
- ui_strings.py    the UI strings per language; Material's own strings beside the site's overrides
- review.py        record a review (`mark-reviewed`) or an update (`mark-updated`) in front matter
- statuspage.py    the translators' status page written into the built site
- reviewview.py    the side-by-side review view per page and language, beside the status page
- po.py            a language's UI strings as a PO file and back (`export-po`, `import-po`)
- frontmatter.py   minimal front matter edits and atomic writes (also used by kb.scaffold)
- paths.py         a page and language from the command line -> files in docs/
- command.py       the thin `kb translations` click group
"""
