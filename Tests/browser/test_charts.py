"""Charts people read: bars with shares written on them and an axis; each indicator's
median on a track under the levels 1–6; every label at least 12 px as displayed."""
import pytest
from selenium.webdriver.common.by import By

from conftest import resolve


def test_bars_fill_their_column_and_say_their_shares(browser, server):
    browser.get(server + "outcomes/indicators/")
    svg = browser.find_element(By.CSS_SELECTOR, "svg.bars")
    column = browser.execute_script("return arguments[0].closest('.chart').getBoundingClientRect().width", svg)
    width = svg.rect["width"]
    assert width >= min(column, 400) - 2  # as wide as its column, up to its 400 units (labels stay 15 px)
    ticks = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "text.tick")]
    assert ticks == ["0%", "25%", "50%", "75%", "100%"]
    shares = [t.get_attribute("textContent") for t in svg.find_elements(By.CSS_SELECTOR, "text.share")]
    assert shares and all(s.endswith("%") or s == "不公布" for s in shares)
    legend = browser.find_element(By.CSS_SELECTOR, ".chart .legend").text
    assert "不公布的数字" in legend


def test_a_cohort_shows_each_indicator_median_on_a_track_under_the_levels(browser, server):
    browser.get(server + "outcomes/cohorts/")
    browser.find_element(By.CSS_SELECTOR, "main table a, main .cohort-list a").click()
    table = browser.find_element(By.CSS_SELECTOR, ".level-chart .level-table")
    names = [th.get_attribute("textContent") for th in table.find_elements(By.CSS_SELECTOR, "tbody th")]
    # Full names (the graded indicators of the real content), each on its row.
    assert any("研发设计数字化水平" in n for n in names) and any("产业链供应链协同数字化水平" in n for n in names)
    scale = [s.get_attribute("textContent") for s in table.find_elements(By.CSS_SELECTOR, "thead .level-scale span")]
    assert scale == ["1", "2", "3", "4", "5", "6"]
    # The bar covers exactly the levels the row states ("4–6级" covers 4, 5 and 6).
    for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
        value = row.find_element(By.TAG_NAME, "td").get_attribute("textContent")
        bars = row.find_elements(By.CSS_SELECTOR, "rect.median-range")
        levels = [int(n) for n in value.replace("级", "").replace("–", " ").split() if n.isdigit()]
        if not levels:
            assert not bars
            continue
        x, width = float(bars[0].get_attribute("x")), float(bars[0].get_attribute("width"))
        assert (x + 1, x + width) == (levels[0], levels[-1]), value
    key = browser.find_element(By.CSS_SELECTOR, ".level-chart .chart-key").text
    assert "色条" in key and "1–6" in key


# Every text a chart draws, at the size it is displayed: SVG text scaled by its drawing's
# transform, HTML text (legends, scales, keys) by its computed size.
LABEL_SIZES = """
var sizes = [];
document.querySelectorAll('svg text').forEach(function (t) {
  if (!t.getClientRects().length || !t.textContent.trim()) return;
  sizes.push([t.textContent.trim(), t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize)]);
});
document.querySelectorAll('.chart figcaption, .legend li, .heat-legend li, .level-scale span, .chart-key, '
    + '.progress-status, .progress-note').forEach(function (e) {
  if (!e.getClientRects().length) return;
  sizes.push([e.textContent.trim().slice(0, 20), parseFloat(getComputedStyle(e).fontSize)]);
});
return sizes;
"""


@pytest.mark.parametrize("path", ["outcomes/", "outcomes/indicators/", "outcomes/scenarios/", "outcomes/cohorts/FIRST/",
                                  "self-check/#m=3&s=--bb-aaaaaaaeeeeellll&i=34n-2-"])
def test_every_chart_label_is_at_least_12_px_as_displayed(browser, server, site, path):
    browser.get(server + resolve(site, path))
    sizes = browser.execute_script(LABEL_SIZES)
    assert sizes, "no chart text found"
    small = [(text, round(size, 1)) for text, size in sizes if size < 11.95]
    assert not small, small
