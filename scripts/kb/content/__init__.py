"""Content gates: `kb content check` checks every page in docs/.

Each rule has a stable code so an editor can look a message up here. Errors
fail `make test` (and CI); warnings are printed but do not fail the run.

| code  | severity | rule |
| ----- | -------- | ---- |
| KB101 | error    | the front matter is not valid YAML (the line is where the parser stopped) |
| KB102 | error    | the page has no front matter, or it is not a mapping of `key: value` lines |
| KB103 | error    | a required field is missing (title, description, audience, owner, reviewed, sources; `translation` on translations) |
| KB104 | error    | an unknown key (a typo such as `reviwed:`, or a field the schema does not have) |
| KB105 | error    | a field has the wrong type or a malformed value (dates are unquoted YYYY-MM-DD, lists are lists, …) |
| KB106 | error    | a Swedish source page has a `translation` block (only translations have one) |
| KB107 | error    | a source's `url` is a placeholder (`https://…/…`, example.org, TODO), not the address read |
| KB108 | error    | `owner` is not one of the units that own pages (kb.content.schema.OWNERS) |
| KB111 | warning  | `reviewed` is more than 12 months ago: review the page and update the date |
| KB112 | error    | `reviewed` is more than 18 months ago: the page must be reviewed before it is published again |
| KB113 | error    | a date lies in the future |
| KB121 | error    | a forbidden element: <script>, <iframe>, <object>, <embed> or <style> |
| KB122 | error    | an inline event handler attribute (onclick=, onload=, …) |
| KB123 | error    | a javascript: URL |
| KB124 | error    | an image, media file, stylesheet or script loaded from another host |
| KB131 | error    | an image without alt text |
| KB132 | error    | the page does not have exactly one level-1 heading |
| KB133 | error    | a heading skips a level (e.g. ## followed by ####) |
| KB134 | error    | the page has no text: nothing but headings and comments |
| KB141 | error    | a translation whose Swedish source page does not exist |
| KB142 | warning  | a translation whose Swedish source changed after it was translated (`source_hash` differs) |
| KB151 | error    | a phone number that is not in data/contacts.yml (every number needs its source and date checked) |
| KB152 | error    | a registered phone number written another way (+46 8 …, 08/…, no hyphen): write it as the registry does |

The front matter schema is documented in the developers' guide and checked by
`kb.content.schema`; the Markdown rules live in `kb.content.markdown`. Fenced
code blocks and inline code are ignored by the Markdown rules, so pages can
show examples of what is forbidden.
"""
