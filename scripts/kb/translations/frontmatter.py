"""Small, minimal edits of a page's front matter text, and atomic writes.

The tools that write pages (`kb new …`, `kb translations mark-reviewed`) change
only the lines they must, so comments, key order and quoting that an editor
chose survive. Every result is parsed again before it is written.
"""
from __future__ import annotations

import re

import yaml

from kb.pages import FRONT_MATTER, FrontMatterError, split_front_matter


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if value and not value.startswith(("-", "?", "[", "{", "'", '"', "!", "&", "*", "|", ">", "%", "@", "`")) \
            and "\n" not in value:
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def set_block_keys(text: str, block: str, values: dict[str, str | None]) -> str:
    """Set `block.key: value` for each item in the front matter of a page's text.

    `values` holds already formatted YAML scalars, or None to remove the key.
    Existing keys keep their line (only the value changes); new keys are added
    at the end of the block.
    Raises FrontMatterError when the block is missing or not a block mapping.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        raise FrontMatterError("the page has no front matter (a block between `---` lines at the top)")
    head_start, head_end = match.span(1) if match.group(1) else (match.end(), match.end())
    lines = text[head_start:head_end].splitlines(keepends=True)
    newline = "\r\n" if text[head_start:head_end].endswith("\r\n") else "\n"
    start = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(block)}\s*:", line)), None)
    if start is None:
        raise FrontMatterError(f"front matter has no `{block}:` block")
    if lines[start].split(":", 1)[1].split("#", 1)[0].strip():
        raise FrontMatterError(
            f"`{block}:` is written on one line; write it as a block with one `key: value` per line",
            start + 2)
    end = start + 1   # one past the block's last line
    indent = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            break
        end = i + 1
        if indent is None:
            indent = line[: len(line) - len(line.lstrip())]
    indent = indent or "  "
    for key, value in values.items():
        pattern = re.compile(rf"{re.escape(indent)}{re.escape(key)}\s*:")
        found = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
        line = f"{indent}{key}: {value}{newline}"
        if value is None:
            if found is not None:
                del lines[found]
                end -= 1
        elif found is None:
            lines.insert(end, line)
            end += 1
        else:
            lines[found] = line
    new_text = text[:head_start] + "".join(lines) + text[head_end:]
    meta = split_front_matter(new_text)[0]   # raises FrontMatterError if we broke it
    written = meta.get(block) or {}
    for key, value in values.items():
        if value is None and key in written or \
                value is not None and written.get(key) != yaml.safe_load(f"k: {value}")["k"]:
            raise FrontMatterError(f"could not set `{block}.{key}` safely; edit the front matter by hand")
    return new_text
