"""Accessibility: axe-core on every page kind at both widths, and the tier colours'
contrast computed from the stylesheet."""
import re

import pytest

from axe import axe_version, run_axe
from conftest import PAGE_KINDS, REPO, resolve

# Violations accepted, by rule id, with the reason. Keep this empty unless a rule is
# wrong for this site; every entry needs a justification a reviewer can check.
ACCEPTED: dict[str, str] = {}


@pytest.mark.parametrize("path,kind", PAGE_KINDS, ids=[k for _, k in PAGE_KINDS])
def test_no_serious_or_critical_violations(browser, server, site, path, kind):
    browser.get(server + resolve(site, path))
    result = run_axe(browser)
    assert "error" not in result, result.get("error")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical") and v["id"] not in ACCEPTED]
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — e.g. {v['nodes'][0]['target']}" for v in serious)
    assert not serious, f"{kind} at {browser.width_name}:\n{report}"


def test_axe_is_a_current_version(browser, server):
    browser.get(server)
    major, minor = (int(x) for x in axe_version(browser).split(".")[:2])
    assert (major, minor) >= (4, 8), "axe-core too old to know the WCAG 2.2 rules"


def hex_to_rgb(value: str) -> tuple[float, float, float]:
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(rgb) -> float:
    def channel(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(hex_to_rgb(a)), luminance(hex_to_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.parametrize("tier", ["basic", "advanced", "excellent", "leading"])
def test_tier_colours_meet_wcag_aa(tier):
    """Tier colours are text colours (badges, headings, links) on white, on their own
    tint, and on the grey wash of table headers: each must reach 4.5:1."""
    css = (REPO / "Templates/assets/site.css").read_text(encoding="utf-8")
    colour = re.search(rf"--{tier}:\s*(#[0-9a-fA-F]{{6}})", css).group(1)
    tint = re.search(rf"--{tier}-tint:\s*(#[0-9a-fA-F]{{6}})", css).group(1)
    wash = re.search(r"--wash:\s*(#[0-9a-fA-F]{6})", css).group(1)
    for background in ("#ffffff", tint, wash):
        ratio = contrast(colour, background)
        assert ratio >= 4.5, f"{tier} {colour} on {background}: {ratio:.2f}:1"
