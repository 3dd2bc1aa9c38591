"""Text reads on its background at 4.5 : 1 or more (WCAG AA), in light and dark mode at
phone and desktop width: every text node of the pages with coloured cells (heatmaps,
count tables, tracks, the matrix, highlighted rows), computed per node from its colour,
its opacity and the backgrounds under it; and every heatmap bucket, shown or not."""
import pathlib

import pytest

from conftest import make_driver, resolve

CONTRAST = (pathlib.Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")
PAGES = ["", "matrix/?area=production&row=12", "compare/basic-advanced/#s12", "outcomes/", "outcomes/indicators/",
         "outcomes/scenarios/", "outcomes/cohorts/FIRST/", "self-check/#m=3&s=--bb-aaaaaaaeeeeellll&i=34n-2-"]
SCHEMES = [(width, scheme) for width in (1280, 360) for scheme in ("light", "dark")]


@pytest.fixture(scope="module", params=SCHEMES, ids=[f"{w}-{s}" for w, s in SCHEMES])
def viewer(request):
    width, scheme = request.param
    driver = make_driver(width)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    yield driver
    driver.quit()


@pytest.mark.parametrize("path", PAGES)
def test_every_text_reads_on_its_background(viewer, server, site, path):
    viewer.get(server + resolve(site, path))
    count, low = viewer.execute_script(CONTRAST, "body")
    assert count > 20  # the page's text was read
    assert not low, low[:10]


def test_every_heatmap_bucket_reads_on_its_own_colour(viewer, server):
    """The buckets the data did not fill too: a cell of each, placed in the heatmap."""
    viewer.get(server + "outcomes/scenarios/")
    buckets = viewer.execute_script(
        "return Array.from(document.querySelectorAll('.heat-legend .swatch')).map(s => s.classList[1]);")
    assert len(buckets) >= 10
    viewer.execute_script(
        "var row = document.querySelector('table.heatmap tbody tr');"
        "arguments[0].forEach(function (bucket) { var td = document.createElement('td');"
        "  td.className = bucket; td.textContent = '12.3%'; row.appendChild(td); });", buckets)
    count, low = viewer.execute_script(CONTRAST, "table.heatmap tbody tr")
    assert count >= len(buckets)
    assert not low, low
