"""Legal references: find, verify and link citations of Swedish law (SFS).

- parse.py     citations in text -> Citation
- registry.py  data/laws.yml: names, abbreviations, replaced acts
- sources.py   official records (rkrattsbaser JSON, SE-Lex Markdown) -> snapshot records
- snapshot.py  data/sfs-snapshot.json: load, and write atomically
- refresh.py   rebuild the snapshot over HTTP or from saved responses
- check.py     citations + snapshot + page's reviewed date -> findings (pure core)
- report.py    text / json / github reporters
- links.py     link citations in rendered HTML (used by the MkDocs hooks)
- command.py   the thin `kb legal` click group
"""
