"""`kb translations …`: the translation status matrix and recording reviews."""
from __future__ import annotations

import os
from pathlib import Path

import click

from kb.findings import KbError, ToolError, format_option, report
from kb.pages import FrontMatterError
from kb.translations import check, render, review, status
from kb.translations.paths import UsageError

ROOT_OPTION = click.option(
    "--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=".",
    show_default=True, help="the project folder (with docs/ and mkdocs.yml)")


def fail(error: Exception, root: Path | None = None) -> None:
    """Turn a known error into a clear message and exit status 1 (never a traceback)."""
    if isinstance(error, FrontMatterError):
        path = getattr(error, "path", None)
        where = f"{os.path.relpath(path, root or '.')}:{error.line}: " if path else ""
        raise click.ClickException(f"{where}{error.message}")
    raise click.ClickException(str(error))


@click.group()
def translations() -> None:
    """Translation status and reviews (see CONTRIBUTING.md, "Översättningar")."""


@translations.command("status")
@click.option("--format", "output_format", type=click.Choice(render.FORMATS), default="text",
              show_default=True,
              help="text: matrix, totals and a diff of the Swedish source for each outdated "
                   "translation; json: [{page, lang, state, source_changed_on}]; markdown: the "
                   "same as text for a pull request; github: CI warnings")
@ROOT_OPTION
def status_command(output_format: str, root: Path) -> None:
    """Every Swedish page × every language: current, outdated, machine, missing or orphan.

    Always exits 0: an outdated or unreviewed translation is a warning, never an error.
    """
    if not (root / "docs").is_dir():
        raise click.UsageError(f"{root / 'docs'}: no such folder; run in the project folder or pass --root")
    try:
        entries = status.collect(root)
        click.echo(render.RENDERERS[output_format](entries, root), nl=False)
    except FrontMatterError as error:
        fail(error, root)


@translations.command("mark-reviewed")
@click.argument("page")
@click.argument("lang")
@click.option("--reviewer-role", required=True,
              help='the reviewer\'s role, e.g. "Auktoriserad translator" (never a name)')
@click.option("--scope", type=click.Choice(review.SCOPES), default="full", show_default=True,
              help="what the review covered: full = the whole text against the Swedish page; "
                   "language = language and terms only; changes = only what changed in the Swedish text")
@click.option("--source-current", is_flag=True,
              help="confirm that you reviewed an outdated translation against the current Swedish text")
@ROOT_OPTION
def mark_reviewed_command(page: str, lang: str, reviewer_role: str, scope: str, source_current: bool,
                          root: Path) -> None:
    """Record that a qualified human translator reviewed PAGE's LANG translation.

    A page for people at risk cannot be marked reviewed while the language's UI
    strings (quick exit, emergency line, notices) are unreviewed.
    """
    try:
        path = review.mark_reviewed(root, page, lang, reviewer_role, source_current=source_current, scope=scope)
    except (FrontMatterError, UsageError, OSError) as error:
        fail(error, root)
    click.echo(f"{os.path.relpath(path, root)}: marked reviewed")


@translations.command("mark-updated")
@click.argument("page")
@click.argument("lang")
@click.option("--source-commit", metavar="COMMIT", default=None,
              help="The commit whose Swedish text you translated from, if the Swedish page has changed again "
                   "since you started (default: the Swedish text as it is now).")
@ROOT_OPTION
def mark_updated_command(page: str, lang: str, source_commit: str | None, root: Path) -> None:
    """Record that PAGE's LANG translation was updated to the current Swedish text.

    Sets translation.source_hash and translated_on; status goes back to machine
    until a qualified translator reviews the new text (`mark-reviewed`).
    """
    try:
        path = review.mark_updated(root, page, lang, source_commit=source_commit)
    except (FrontMatterError, UsageError, OSError) as error:
        fail(error, root)
    click.echo(f"{os.path.relpath(path, root)}: follows the current Swedish text (status: machine)")


@translations.command("check")
@format_option()
@ROOT_OPTION
def check_command(output_format: str, root: Path) -> None:
    """Every translation against its Swedish source (codes KB5xx, see kb/translations/check.py).

    Errors (exit 1): numbers, phone numbers, dates, SFS citations, links or headings that
    differ; avoided glossary renderings; a quick-exit label that is not the control's;
    an untranslated copy; phone numbers in Arabic-Indic digits. Warnings: approved
    glossary renderings not used, Latin runs the browser reorders in right-to-left text.
    """
    if not (root / "docs").is_dir():
        raise click.UsageError(f"{root / 'docs'}: no such folder; run in the project folder or pass --root")
    try:
        findings = check.check_project(root)
    except KbError as error:
        raise ToolError(error) from None
    raise SystemExit(report(findings, output_format))


@translations.command("export-po")
@click.argument("lang")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="the file to write (default: print to standard output)")
@ROOT_OPTION
def export_po_command(lang: str, output: Path | None, root: Path) -> None:
    """A language's UI strings as a PO file for translation tools (msgctxt = key, msgid = Swedish)."""
    from kb.translations import po, ui_strings
    from kb.translations.paths import check_lang
    try:
        check_lang(lang)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    text = po.export(lang, root / "overrides" / "partials" / "languages", ui_strings.installed_material_templates())
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{output}: {text.count('msgctxt ')} UI strings")
    else:
        click.echo(text, nl=False)


@translations.command("import-po")
@click.argument("lang")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@ROOT_OPTION
def import_po_command(lang: str, file: Path, root: Path) -> None:
    """Write the changed strings of a translated PO file into the language's UI strings file.

    Set "kb.ui_review": "reviewed" there yourself once a qualified translator has checked them.
    """
    from kb.translations import po, ui_strings
    from kb.translations.paths import check_lang
    try:
        check_lang(lang)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    try:
        changed = po.import_po(lang, file.read_text(encoding="utf-8"), root / "overrides" / "partials" / "languages",
                               ui_strings.installed_material_templates(), str(file))
    except KbError as error:
        raise ToolError(error) from None
    click.echo(f"overrides/partials/languages/{lang}.html: {len(changed)} string(s) changed"
               + (f" ({', '.join(changed)})" if changed else ""))
