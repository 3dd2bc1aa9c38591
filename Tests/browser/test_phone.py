"""Phone-first reading: at 360 px no number, year, percentage or code is split across
lines; comparisons and the matrix never scroll sideways inside the page; the header
keeps to the top 15% of the screen. On a desktop, text lines stay within 45 em."""
import pytest

from conftest import make_driver

PAGES = ["index.html", "tiers/index.html", "tiers/advanced/index.html", "scenarios/index.html", "scenarios/07/index.html",
         "indicators/index.html", "indicators/07/index.html", "matrix/index.html", "compare/index.html",
         "compare/basic-advanced/index.html", "self-check/index.html", "data/index.html", "outcomes/index.html",
         "outcomes/indicators/index.html", "outcomes/scenarios/index.html", "outcomes/cohorts/index.html",
         "outcomes/method/index.html", "annex-1/index.html", "errata/index.html"]

# Runs of digits and Latin letters (with % . - : /) in the main content that the browser
# drew on more than one line.
SPLIT_RUNS = """
const split = [];
const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.parentElement.offsetParent) { continue; }  // not drawn
  for (const match of node.textContent.matchAll(/[0-9A-Za-z][0-9A-Za-z%.:/\\-]*[0-9A-Za-z%]/g)) {
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) { split.push(match[0]); }
  }
}
return split;
"""

SIDEWAYS = """
return [...document.querySelectorAll("main *")].filter((el) => {
  const style = getComputedStyle(el);
  return /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
}).map((el) => el.className || el.tagName);
"""


@pytest.fixture(scope="module")
def phone():
    driver = make_driver(360)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def desktop():
    driver = make_driver(1280)
    yield driver
    driver.quit()


@pytest.mark.parametrize("page", PAGES)
def test_no_number_or_code_is_split_on_a_phone(phone, server, page):
    phone.get(server + page)
    assert phone.execute_script(SPLIT_RUNS) == []


@pytest.mark.parametrize("page", ["compare/basic-advanced/index.html", "compare/advanced-leading/index.html", "matrix/index.html",
                                  "outcomes/cohorts/index.html", "outcomes/index.html", "outcomes/indicators/index.html",
                                  "outcomes/scenarios/index.html", "outcomes/cohorts/basic-2025/index.html", "self-check/index.html"])
def test_comparisons_the_matrix_lists_and_count_tables_do_not_scroll_sideways_on_a_phone(phone, server, page):
    phone.get(server + page)
    assert phone.execute_script(SIDEWAYS) == []
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360


def test_the_phone_header_takes_at_most_15_percent_of_the_screen(phone, server):
    phone.get(server + "tiers/advanced/index.html")
    header, screen = phone.execute_script("return [document.querySelector('.site-header').getBoundingClientRect().height, innerHeight]")
    assert header <= 0.15 * screen


@pytest.mark.parametrize("page", ["scenarios/07/index.html", "tiers/advanced/index.html", "outcomes/index.html", "annex-3/index.html"])
def test_desktop_lines_stay_within_45_em(desktop, server, page):
    desktop.get(server + page)
    widest = desktop.execute_script("""
      let widest = 0;
      for (const el of document.querySelectorAll('main p, main li, main dd')) {
        const range = document.createRange(); range.selectNodeContents(el);
        const em = parseFloat(getComputedStyle(el).fontSize);
        for (const r of range.getClientRects()) { widest = Math.max(widest, r.width / em); }
      }
      return widest;""")
    assert widest <= 45.5


def test_a_tier_page_lists_its_segments_to_jump_to(phone, server):
    phone.get(server + "tiers/advanced/index.html")
    links = phone.find_elements("css selector", ".page-toc a")
    assert len(links) >= 10
    target = links[-1].get_attribute("href").split("#", 1)[1]
    assert phone.find_element("id", target)


@pytest.mark.parametrize("page", ["index.html", "self-check/index.html", "outcomes/index.html", "indicators/index.html"])
def test_every_section_is_one_tap_away_on_a_phone_and_the_current_one_shows(phone, server, page):
    """Every link of the main navigation lies whole inside the screen (no sideways
    scrolling to find it), and the page's own section is one of them."""
    phone.get(server + page)
    boxes = phone.execute_script("""
      return [...document.querySelectorAll('nav.site-nav a')].map(a => {
        const r = a.getBoundingClientRect();
        return {text: a.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                current: a.getAttribute('aria-current') === 'page'};
      });""")
    assert len(boxes) >= 7
    outside = [b["text"] for b in boxes if b["left"] < 0 or b["right"] > 360 or b["bottom"] > phone.execute_script("return innerHeight")]
    assert outside == []
    if page != "index.html":
        assert any(b["current"] for b in boxes)
    # The search field's hint is shown whole.
    fits = phone.execute_script("""
      const i = document.querySelector('#site-search-q');
      if (!i || i.offsetParent === null) { return true; }
      const style = getComputedStyle(i), context = document.createElement('canvas').getContext('2d');
      context.font = style.font;
      const room = i.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(i.placeholder).width <= room;""")
    assert fits is True
