"""Script injection: a copy of Content/ whose titles and texts carry <script>, javascript:
links, onerror= attributes, </title> and {{ }} is built with the search index, then every
output file is scanned (pages, Open Graph tags, JSON, the Pagefind index) and the pages
are opened in Chromium: nothing of it may run, and the Content-Security-Policy the pages
send must hold for the site's own scripts."""
import gzip
import html.parser
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest

from conftest import PORTAL, REPO, Server, console_errors

PAYLOAD = ('恶意<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">'
           '</title>{{layout.title}}[链接](javascript:window.__pwned=3)')
BODY = ('\n<script>window.__pwned=4</script>\n\n<div onmouseover="window.__pwned=5">悬停</div>\n\n'
        '[点我](javascript:window.__pwned=6) <a href="javascript:window.__pwned=7">原始链接</a>\n')


def poison(content: pathlib.Path):
    """Puts the payload in a scenario's name, tier text and notes, an indicator's name, a
    page's title and the site description (every page's meta and Open Graph tags)."""
    quoted = json.dumps(PAYLOAD, ensure_ascii=False)  # a YAML double-quoted scalar

    def edit(path, pattern, replacement):
        text = path.read_text(encoding="utf-8")
        changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
        assert changed != text, f"{path}: {pattern} not found"
        path.write_text(changed, encoding="utf-8")

    scenario = next((content / "scenarios").glob("07-*.md"))
    edit(scenario, r"^name: .*$", "name: " + quoted.replace("\\", "\\\\"))
    edit(scenario, r"^  basic: (.*)$", lambda m: "  basic: " + json.dumps(m.group(1) + PAYLOAD, ensure_ascii=False))
    scenario.write_text(scenario.read_text(encoding="utf-8") + BODY, encoding="utf-8")
    edit(next((content / "indicators").glob("01-*.md")), r"^name: .*$", "name: " + quoted.replace("\\", "\\\\"))
    edit(content / "pages/errata.md", r"^title: .*$", "title: " + quoted.replace("\\", "\\\\"))
    edit(content / "site.yaml", r"^description: .*$", "description: " + quoted.replace("\\", "\\\\"))


@pytest.fixture(scope="module")
def poisoned(workdir):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="poisoned-", dir=workdir))
    content = folder / "content"
    shutil.copytree(REPO / "Content", content)
    poison(content)
    output = folder / "site"
    subprocess.run([PORTAL, "build", "--content", str(content), "--templates", str(REPO / "Templates"),
                    "--output", str(output), "--search", "on"], check=True, capture_output=True, text=True)
    return output


class Scanner(html.parser.HTMLParser):
    """Collects what could run: script elements, event-handler attributes, javascript:
    URLs, and the titles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.titles, self.in_title, self.script, self.svg = [], [], False, None, 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:…>")
        if tag == "script":
            self.script = attributes
            if "src" not in attributes and attributes.get("type") != "application/json":
                self.problems.append("inline <script>")
        if tag == "svg":
            self.svg += 1
        if tag == "title" and not self.svg:  # (charts have <title>s of their own)
            self.in_title = True
            self.titles.append("")

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg -= 1
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.script = None

    def handle_data(self, data):
        if self.in_title:
            self.titles[-1] += data
        if self.script is not None and self.script.get("type") == "application/json" and "<" in data:
            self.problems.append("'<' inside an embedded JSON block")


def test_the_payload_reached_the_site(poisoned):
    # Without this, a build that dropped the content would pass every scan.
    page = (poisoned / "scenarios/07/index.html").read_text(encoding="utf-8")
    assert "恶意" in page and "&lt;script&gt;" in page
    assert "{{layout.title}}" in page, "{{ }} in content must stay literal text"
    names = [s["name"] for s in json.loads((poisoned / "data/scenarios.json").read_text(encoding="utf-8"))]
    assert PAYLOAD in names


def test_no_page_carries_runnable_markup(poisoned):
    pages = sorted(poisoned.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        scanner = Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        assert scanner.problems == [], f"{page.relative_to(poisoned)}: {scanner.problems}"
        assert len(scanner.titles) == 1, f"{page.relative_to(poisoned)}: {len(scanner.titles)} <title> elements"


def test_open_graph_and_meta_tags_hold_the_text_escaped(poisoned):
    page = (poisoned / "scenarios/07/index.html").read_text(encoding="utf-8")
    for prop in ("og:title", "og:description", "twitter:title"):
        match = re.search(rf'<meta (?:property|name)="{prop}" content="([^"]*)">', page)
        assert match, prop
        assert "<" not in match.group(1) and "&lt;script&gt;" in match.group(1)


def test_json_downloads_are_data(poisoned):
    for file in sorted((poisoned / "data").glob("*.json")):
        json.loads(file.read_text(encoding="utf-8"))  # parses: the payload is a string in it


def fragments(site: pathlib.Path):
    """The Pagefind index's page fragments: gzip, with Pagefind's signature before the JSON."""
    for file in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        data = gzip.decompress(file.read_bytes())
        yield json.loads(data[data.index(b"{"):])


def test_the_search_index_holds_the_payload_as_text(poisoned):
    # Pagefind stores the pages' text, so the escaped payload is in it as plain text (JSON
    # data); the search page must then show it as text (see the browser test below).
    # (The Chinese segmenter puts zero-width spaces between the words it finds.)
    contents = [fragment.get("content", "").replace("\u200b", "") for fragment in fragments(poisoned)]
    assert any("恶意<script>window.__pwned=1</script>" in content for content in contents)


@pytest.fixture(scope="module")
def poisoned_server(poisoned):
    running = Server(poisoned, poisoned / "404.html")
    yield running.url
    running.stop()


@pytest.mark.parametrize("path", ["", "scenarios/07/", "indicators/01/", "matrix/", "compare/basic-advanced/",
                                  "tiers/basic/", "errata/", "self-check/", "search/?q=恶意"])
def test_nothing_runs_in_the_browser(browser, poisoned_server, path):
    console_errors(browser)
    browser.get(poisoned_server + path)
    if path.startswith("search/"):
        browser.implicitly_wait(0)
        for _ in range(100):
            if browser.execute_script("return document.querySelectorAll('[data-search-results] li').length"):
                break
            browser.execute_script("return new Promise(r => setTimeout(r, 100))")
        assert browser.execute_script("return document.querySelectorAll('[data-search-results] li').length") > 0
        assert browser.execute_script(
            "return document.querySelectorAll('[data-search-results] script, [data-search-results] img').length") == 0
        # The payload is shown, as text.
        assert "<script>" in browser.execute_script("return document.querySelector('[data-search-results]').textContent")
    # Hover and click everything an attacker might have planted.
    browser.execute_script("document.querySelectorAll('main *').forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))")
    assert browser.execute_script("return window.__pwned === undefined"), "injected script ran"
    errors = console_errors(browser)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
