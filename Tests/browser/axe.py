"""axe-core in Selenium. The axe-core build is the one bundled by the PyPI package
axe-playwright-python (4.x, with the WCAG 2.2 rules); it is injected into the page."""
import importlib.util
import pathlib

_spec = importlib.util.find_spec("axe_playwright_python")
AXE_SOURCE = (pathlib.Path(_spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_version(driver) -> str:
    driver.execute_script(AXE_SOURCE)
    return driver.execute_script("return axe.version")


def run_axe(driver) -> dict:
    driver.execute_script(AXE_SOURCE)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r)).catch(e => done({error: String(e)}));",
        RULE_TAGS)
