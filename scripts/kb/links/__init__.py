"""`kb links check`: links in the built site (internal) and in the content (external).

Why our own checker and not LinkChecker or mkdocs-htmlproofer: both are
generic. This site is eight languages built by mkdocs-static-i18n with
fallbacks, so a finding is only useful if it names the Markdown file an editor
must change (`docs/x.en.md`, or the Swedish `docs/x.md` a fallback page was
rendered from) and tells theme links (navigation, language switcher, hreflang,
sitemap) apart from links in the text. LinkChecker crawls over HTTP and takes
minutes for the whole site; htmlproofer runs inside every one of the eight
builds and re-parses pages per language. Reading the built files directly
takes about a second for all languages.

Libraries: selectolax (the Lexbor HTML5 parser; an order of magnitude faster
than BeautifulSoup/html5lib and spec-compliant) parses the pages; httpx
(maintained, HTTP/1.1 with connection pooling, async, timeouts per phase)
checks external links.

Finding codes:

| code  | severity | meaning |
| ----- | -------- | ------- |
| KB401 | error    | an internal link or resource (href/src) points to a file that does not exist in the built site |
| KB402 | error    | a link's #fragment is not an id on the target page (headings get different ids per language) |
| KB403 | error    | sitemap.xml (a URL or hreflang alternate) or a search index (a result's page or #anchor) points to something that does not exist |
| KB411 | error    | an external link is broken (HTTP 4xx/5xx after retries) |
| KB412 | warning  | an external link redirects permanently (301/308): update it to the new address |
| KB413 | error    | an external host did not answer (timeout or connection error) after retries |
| KB414 | error    | a malformed external URL (no host, or spaces in it) |
| KB415 | warning  | an external host still answers 429 Too Many Requests after the retries (checked again next run) |
"""
