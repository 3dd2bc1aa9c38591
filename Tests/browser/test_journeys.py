"""What a person does on the site, in a real browser, at desktop and phone widths."""
import pytest
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PAGE_KINDS, console_errors, resolve

TIERS = ["basic", "advanced", "excellent", "leading"]


def open_page(browser, url):
    browser.get(url)
    browser.execute_script("return document.fonts && document.fonts.ready")
    return browser


def follow(browser, link, expected_end: str):
    """Clicks a link as a person would and waits for the browser to arrive at the page's
    documented address: the folder, without index.html (site.js)."""
    expected_end = expected_end.replace("/index.html", "/")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", link)
    link.click()
    WebDriverWait(browser, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: b.current_url.endswith(expected_end))
    WebDriverWait(browser, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: b.execute_script("return document.readyState") == "complete")


def in_view(browser, element) -> bool:
    """The element's top is on screen."""
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;", element)


def test_home_to_scenario_07_through_the_navigation(browser, server):
    open_page(browser, server)
    nav = browser.find_element(By.CSS_SELECTOR, "nav.site-nav")
    follow(browser, nav.find_element(By.LINK_TEXT, "典型场景"), "/scenarios/index.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "典型场景"
    current = browser.find_element(By.CSS_SELECTOR, "nav.site-nav a[aria-current='page']")
    assert current.text == "典型场景"
    follow(browser, browser.find_element(By.XPATH, "//a[normalize-space()='07 生产计划优化']"), "/scenarios/07/index.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "07 生产计划优化"
    crumbs = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".breadcrumbs li")]
    assert crumbs == ["首页", "典型场景", "计划调度"]


def test_direct_link_to_one_tier_shows_that_tier(browser, server):
    open_page(browser, server + "scenarios/07/#advanced")
    section = browser.find_element(By.ID, "advanced")
    assert browser.execute_script("return document.querySelector(':target') && document.querySelector(':target').id") == "advanced"
    assert in_view(browser, section)
    assert section.find_element(By.TAG_NAME, "h2").text.startswith("先进级")
    assert "考虑多因子约束条件自动生成生产计划" in section.text
    # The page scrolled to it: the basic tier above it is no longer at the top of the screen.
    basic_top = browser.execute_script("return document.getElementById('basic').getBoundingClientRect().top")
    assert basic_top < 0
    # The targeted tier is highlighted.
    shadow = browser.execute_script("return getComputedStyle(arguments[0]).boxShadow", section)
    assert shadow and shadow != "none"


def test_matrix_cell_leads_to_its_scenario_tier(browser, server):
    open_page(browser, server + "matrix/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "对照矩阵"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr[id^='s']")
    assert len(rows) == 40
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#s07 td.tier-excellent a"), "/scenarios/07/index.html#excellent")
    target = browser.find_element(By.ID, "excellent")
    assert in_view(browser, target)
    assert "应用高级优化算法" in target.text


def test_matrix_marks_undefined_tiers(browser, server):
    open_page(browser, server + "matrix/")
    cells = browser.find_elements(By.CSS_SELECTOR, "#s28 td.tier-cell")
    assert [("not-defined" in c.get_attribute("class")) for c in cells] == [True, True, False, False]


def test_indicator_page_lists_six_levels(browser, server):
    open_page(browser, server + "indicators/")
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "生产管理数字化水平"), "/indicators/03/index.html")
    levels = browser.find_elements(By.CSS_SELECTOR, "ol.levels > li")
    assert [li.get_attribute("id") for li in levels] == [f"level-{n}" for n in range(1, 7)]
    assert all(li.is_displayed() for li in levels)
    assert levels[2].text.startswith("3级")
    assert "MES系统" in levels[2].text


def assert_styled_404_leads_home(browser, url: str, home: str):
    """The 404 page served at `url` has the site's stylesheet and its link home works,
    although it is served at an arbitrary path."""
    open_page(browser, url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "页面未找到"
    header = browser.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.value_of_css_property("background-color") == "rgba(13, 42, 74, 1)"
    follow(browser, browser.find_element(By.LINK_TEXT, "返回首页"), home)


def test_unknown_url_gets_the_404_page(browser, server):
    assert_styled_404_leads_home(browser, server + "scenarios/99/", "/")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("内蒙古自治区智能工厂")


def test_the_404_page_keeps_its_styling_under_a_sub_path(browser, subpath_server):
    # A site published at /portal/: a missing page deep inside it still gets the site's look.
    assert_styled_404_leads_home(browser, subpath_server + "portal/scenarios/77/deeper/", "/portal/")


def test_print_shows_all_tiers_without_navigation(browser, server):
    open_page(browser, server + "scenarios/01/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in (".site-header", ".site-footer", ".breadcrumbs", ".pager", ".tier-jump"):
            assert browser.find_element(By.CSS_SELECTOR, selector).value_of_css_property("display") == "none", selector
        for tier in TIERS:
            section = browser.find_element(By.ID, tier)
            assert section.is_displayed(), tier
        assert "本层级未定义该场景" in browser.find_element(By.ID, "basic").text
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("path,kind", PAGE_KINDS, ids=[k for _, k in PAGE_KINDS])
def test_no_horizontal_overflow_and_no_console_errors(browser, server, site, path, kind):
    console_errors(browser)  # clear what earlier tests left
    open_page(browser, server + resolve(site, path))
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind} at {browser.width_name}: page is {overflow}px wider than the screen"
    errors = [e for e in console_errors(browser) if not (kind == "404" and "404 (Not Found)" in e)]
    assert errors == [], f"{kind}: console errors {errors}"


def test_outcomes_to_a_cohort_and_back_to_a_scenario(browser, server):
    open_page(browser, server + "outcomes/")
    assert "合成示例数据" in browser.find_element(By.CSS_SELECTOR, ".notice").text
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "分组结果"), "/outcomes/cohorts/index.html")
    first = browser.find_element(By.CSS_SELECTOR, "table.cohorts tbody a")
    name = first.text
    follow(browser, first, "/index.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    medians = browser.find_element(By.CSS_SELECTOR, ".level-chart table")
    assert medians.find_element(By.TAG_NAME, "caption").text == "各指标的中位等级"
    scenario = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='scenarios-title'] tbody a")
    follow(browser, scenario, "/scenarios/01/index.html")
    # The old per-assessment listing now explains itself and points to the cohorts.
    open_page(browser, server + "outcomes/records/")
    assert "不公布单份评估" in browser.find_element(By.TAG_NAME, "main").text


def test_indicator_charts_have_text_alternatives_and_tables(browser, server):
    open_page(browser, server + "outcomes/indicators/")
    sections = browser.find_elements(By.CSS_SELECTOR, "section.indicator-outcome")
    assert len(sections) == 10
    for section in sections:
        svg = section.find_element(By.CSS_SELECTOR, "svg.bars")
        assert svg.get_attribute("role") == "img"
        assert svg.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
        assert section.find_element(By.CSS_SELECTOR, "table.counts caption").text
