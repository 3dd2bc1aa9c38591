"""Every internal link and fragment resolves, in the files and over HTTP, also when the
site is published under a sub-path."""
import html.parser
import posixpath
import urllib.error
import urllib.parse
import urllib.request


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append(value)


def parse(text: str) -> Links:
    parser = Links()
    parser.feed(text)
    return parser


def is_internal(link: str) -> bool:
    return not urllib.parse.urlsplit(link).scheme and not link.startswith("//") and not link.startswith("mailto:")


def check_files(root, base_path="/") -> list[str]:
    """Resolves links between the files of a built site without a server."""
    pages = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
    parsed = {path: parse(p.read_text(encoding="utf-8")) for path, p in pages.items() if path.endswith(".html")}
    broken = []
    for path, page in parsed.items():
        for link in filter(is_internal, page.links):
            target, _, fragment = link.partition("#")
            target = target.split("?")[0]
            if not target:
                resolved = path
            elif target.startswith("/"):
                if not target.startswith(base_path):
                    broken.append(f"{path}: {link} is outside {base_path}")
                    continue
                resolved = target[len(base_path):]
            else:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if resolved in ("", ".") or resolved.endswith("/"):
                resolved = (resolved.rstrip("./") + "/index.html").lstrip("/")
            if resolved not in pages and resolved + "/index.html" in pages:
                resolved += "/index.html"
            if resolved not in pages:
                broken.append(f"{path}: {link} → no file {resolved}")
            elif fragment and fragment not in parsed.get(resolved, Links()).ids:
                broken.append(f"{path}: {link} → no id {fragment!r} in {resolved}")
    return sorted(broken)


def crawl(start: str) -> tuple[int, list[str]]:
    """Follows every internal link from `start` over HTTP; every page must answer 200 and
    every fragment must name an element of the page it points at."""
    seen: dict[str, Links] = {}
    queue = [start]
    broken = []
    wanted_fragments: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: HTTP {error.code}")
            seen[url] = Links()
            continue
        seen[url] = parse(body.decode("utf-8")) if kind == "text/html" else Links()
        for link in filter(is_internal, seen[url].links):
            absolute, fragment = urllib.parse.urldefrag(urllib.parse.urljoin(url, link))
            if not absolute.startswith(start):
                broken.append(f"{url}: {link} leaves the site ({absolute})")
                continue
            if fragment:
                wanted_fragments.append((url, absolute, fragment))
            if absolute not in seen:
                queue.append(absolute)
    for source, target, fragment in wanted_fragments:
        if fragment not in seen.get(target, Links()).ids:
            broken.append(f"{source}: #{fragment} not found in {target}")
    return len(seen), sorted(set(broken))


def test_links_resolve_in_the_files(site):
    assert check_files(site) == []


def test_links_resolve_over_http(server):
    count, broken = crawl(server)
    assert broken == []
    assert count >= 70  # pages, JSON, CSS: the whole site is reachable from the home page


def test_links_resolve_under_a_sub_path(subpath_site, subpath_server):
    assert check_files(subpath_site, base_path="/portal/") == []
    count, broken = crawl(subpath_server + "portal/")
    assert broken == []
    assert count >= 70
    # The 404 page, served for any missing URL under the sub-path, links back into it.
    try:
        urllib.request.urlopen(subpath_server + "portal/scenarios/77/", timeout=10)
        raise AssertionError("a missing page must answer 404")
    except urllib.error.HTTPError as error:
        assert error.code == 404
        page = parse(error.read().decode("utf-8"))
    assert "/portal/assets/site.css" in page.links
    assert all(link.startswith("/portal/") or link.startswith("#") for link in filter(is_internal, page.links))


def test_checker_finds_a_broken_link(site, tmp_path):
    copy = tmp_path / "copy"
    import shutil
    shutil.copytree(site, copy)
    page = copy / "scenarios/07/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="#advanced"', 'href="#advancd"'), encoding="utf-8")
    (copy / "scenarios/08/index.html").unlink()
    broken = check_files(copy)
    assert any("#advancd" in b or "'advancd'" in b for b in broken)
    assert any("scenarios/08/index.html" in b for b in broken)
