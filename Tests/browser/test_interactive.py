"""The self-check and the matrix filters, in a real browser."""
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import Select, WebDriverWait


def derived_tier(browser) -> str:
    return WebDriverWait(browser, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
        lambda b: b.find_element(By.ID, "derived-tier")).get_attribute("data-tier")


def choose(browser, scenario: int, tier: str):
    Select(browser.find_element(By.ID, f"s{scenario}")).select_by_value(tier)


def choose_all(browser, scenarios, tier: str):
    for scenario in scenarios:
        choose(browser, scenario, tier)


def test_self_check_gives_the_tier_of_a_known_case(browser, server):
    browser.get(server + "self-check/")
    # No verdict before the first answer.
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#result .waiting"))
    assert not browser.find_elements(By.ID, "derived-tier")
    # Basic: five scenarios that count at basic, covering 生产作业 (09, 10, 12, 13, 14).
    choose_all(browser, (9, 10, 12, 13), "basic")
    assert derived_tier(browser) == "none"  # four: one short
    row = browser.find_element(By.CSS_SELECTOR, "#result-checks tr[data-tier=basic]")
    assert "还差 1 个场景" in row.text
    choose(browser, 14, "basic")
    assert derived_tier(browser) == "basic"
    # Advanced needs 10 scenarios at advanced or above covering 生产作业, 生产管理, 运营管理 and maturity 2.
    choose_all(browser, (7, 9, 10, 12, 13, 14, 16, 18, 25, 30), "advanced")
    Select(browser.find_element(By.ID, "maturity")).select_by_value("1")
    assert derived_tier(browser) == "basic"
    assert "成熟度还差 1 级" in browser.find_element(By.CSS_SELECTOR, "#result-checks tr[data-tier=advanced]").text
    Select(browser.find_element(By.ID, "maturity")).select_by_value("2")
    assert derived_tier(browser) == "advanced"
    # The answers are in the fragment: reopening the link restores them.
    url = browser.current_url
    assert "#m=2&s=" in url
    browser.get(server)
    browser.get(url)
    assert derived_tier(browser) == "advanced"
    assert Select(browser.find_element(By.ID, "s25")).first_selected_option.get_attribute("value") == "advanced"
    # Nothing was sent anywhere: the page made no request carrying the answers.
    entries = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert not [e for e in entries if "s=" in e]


def test_self_check_suggests_scenarios_for_a_missing_area(browser, server):
    browser.get(server + "self-check/#m=2&s=" + "-" * 40)
    choose_all(browser, (9, 10, 12, 13, 14), "advanced")
    assert derived_tier(browser) == "basic"
    suggestions = browser.find_elements(By.CSS_SELECTOR, "ol.suggestions li")
    assert suggestions, "no suggestions shown"
    # Advanced needs 生产管理 and 运营管理, which nothing covers yet: they come first.
    assert any(area in suggestions[0].text for area in ("生产管理", "运营管理"))


def test_matrix_filter_survives_a_reload_of_the_shared_url(browser, server):
    browser.get(server + "matrix/")
    form = browser.find_element(By.CSS_SELECTOR, "[data-matrix-controls]")
    assert form.is_displayed()
    Select(browser.find_element(By.ID, "filter-area")).select_by_value("management")
    browser.find_element(By.CSS_SELECTOR, "input[name=tier][value=basic]").click()
    link = browser.find_element(By.CSS_SELECTOR, "#s22 a[data-row-link]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    WebDriverWait(browser, 5, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: "row=22" in b.current_url)
    shared = browser.current_url
    assert "area=management" in shared and "tiers=advanced%2Cexcellent%2Cleading" in shared

    def check_view():
        visible = [r.get_attribute("id") for r in browser.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr[id]") if r.is_displayed()]
        assert "s22" in visible and "s07" in visible and "s09" not in visible
        assert len(visible) == 9  # 计划调度 2, 仓储物流 2, 安全管控 2, 能碳管理 2, 环保管理 1
        assert not browser.find_element(By.CSS_SELECTOR, "#s07 td[data-tier=basic]").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "#s07 td[data-tier=advanced]").is_displayed()
        assert "highlight" in browser.find_element(By.ID, "s22").get_attribute("class")

    check_view()
    browser.get(server)
    browser.get(shared)
    check_view()
    assert Select(browser.find_element(By.ID, "filter-area")).first_selected_option.get_attribute("value") == "management"


def test_matrix_without_javascript_shows_everything(server):
    from conftest import make_driver
    driver = make_driver(360)
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(server + "matrix/?area=management")
        rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr[id]") if r.is_displayed()]
        assert len(rows) == 40
        assert not driver.find_element(By.CSS_SELECTOR, "[data-matrix-controls]").is_displayed()
    finally:
        driver.quit()


def test_comparison_marks_new_scenarios_and_links_rows(browser, server):
    browser.get(server + "compare/basic-advanced/#s01")
    row = browser.find_element(By.ID, "s01")
    assert "先进级新增" in row.text
    assert browser.execute_script("return document.querySelector(':target').id") == "s01"
    new_rows = browser.find_elements(By.CSS_SELECTOR, "tr.change-new")
    assert len(new_rows) == 7
    browser.get(server + "scenarios/07/")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".compare-links a")]
    assert len(links) == 6 and all(link.endswith("#s07") for link in links)
    # Scenario 28 is defined at excellent and leading only: no row in basic → advanced.
    browser.get(server + "scenarios/28/")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".compare-links a")]
    assert len(links) == 5 and not any("basic-advanced" in link for link in links)


def test_copy_link_buttons_copy_the_link_with_its_fragment(browser, server):
    browser.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    browser.get(server + "scenarios/07/")
    button = browser.find_element(By.CSS_SELECTOR, "#advanced .copy-link")
    assert button.is_displayed()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    assert button.get_attribute("data-copied") == server + "scenarios/07/#advanced"
    copied = browser.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, () => done(null));")
    assert copied in (None, server + "scenarios/07/#advanced")  # clipboard reads may be refused headless
    browser.get(server + "compare/basic-advanced/")
    row_button = browser.find_element(By.CSS_SELECTOR, "#s12 .copy-link")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", row_button)
    row_button.click()
    assert row_button.get_attribute("data-copied").endswith("compare/basic-advanced/#s12")


def test_the_address_bar_and_copied_links_show_the_documented_folder_url(browser, server):
    browser.get(server + "scenarios/07/index.html#advanced")
    WebDriverWait(browser, 5).until(lambda b: b.current_url == server + "scenarios/07/#advanced")
    button = browser.find_element(By.CSS_SELECTOR, "#excellent .copy-link")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    assert button.get_attribute("data-copied") == server + "scenarios/07/#excellent"
    # Relative links still lead where they did.
    link = browser.find_element(By.CSS_SELECTOR, "#excellent .tier-more a")
    assert link.get_attribute("href") == server + "tiers/excellent/index.html"


def test_the_self_check_reads_for_a_manager(browser, server):
    browser.get(server + "self-check/")
    first = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, ".segment-answers select"))
    # The questions come first: the first scenario question within a screen and a half.
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top + scrollY", first)
    assert top < 1.5 * browser.execute_script("return innerHeight")
    # Maturity starts at 不确定, explained, and the result says what still depends on it.
    assert Select(browser.find_element(By.ID, "maturity")).first_selected_option.text == "不确定"
    assert "GB/T 39116-2020" in browser.find_element(By.ID, "maturity-hint").text
    choose_all(browser, (7, 9, 10, 12, 13, 14, 16, 18, 25, 30), "advanced")
    assert derived_tier(browser) == "basic"
    advanced = browser.find_element(By.CSS_SELECTOR, "#result-checks tr[data-tier=advanced]").text
    assert "成熟度未确定：需达到二级或以上" in advanced
    # Each scenario shows what every tier asks of it, and links to its page.
    details = browser.find_element(By.CSS_SELECTOR, "#s14 ~ details.tier-texts")
    browser.execute_script("arguments[0].open = true; arguments[0].scrollIntoView({block: 'center'})", details)
    assert "先进级" in details.text and details.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("scenarios/14/index.html")
    # The printed summary lists the answers and the link that reopens them.
    summary = browser.find_element(By.ID, "print-answers").get_attribute("textContent")
    assert "14 在线智能检测：先进级" in summary and "成熟度等级：不确定" in summary and "#m=0&s=" in summary


def test_the_self_check_sets_indicator_levels_beside_the_published_medians(browser, server):
    # Part one gives 基础级 (five basic scenarios covering 生产作业).
    browser.get(server + "self-check/#m=0&s=" + "-" * 40)
    choose_all(browser, (9, 10, 12, 13, 14), "basic")
    assert derived_tier(browser) == "basic"
    waiting = browser.find_element(By.CSS_SELECTOR, "#indicator-result .waiting")
    assert waiting.is_displayed() or waiting.get_attribute("textContent")
    Select(browser.find_element(By.ID, "i1")).select_by_value("3")
    Select(browser.find_element(By.ID, "i2")).select_by_value("4")
    Select(browser.find_element(By.ID, "i5")).select_by_value("n")
    Select(browser.find_element(By.ID, "i7")).select_by_value("2")
    rows = {r.get_attribute("data-indicator"): r for r in browser.find_elements(By.CSS_SELECTOR, "#indicator-result tr[data-indicator]")}
    assert len(rows) == 10
    cells = lambda no: [c.get_attribute("textContent") for c in rows[no].find_elements(By.TAG_NAME, "td")]
    assert cells("1")[0] == "3级" and cells("5")[0] == "不涉及" and cells("10")[0] == "未选"
    assert cells("7")[0] == "100–500万元"
    # Each answered row sets the answer beside the median of the group part one gives.
    assert "基础级" in browser.find_element(By.ID, "benchmark-note").text
    assert all(cells(no)[1] for no in ("1", "2", "7"))
    # Each graded row draws its median as a bar and the answer as a line across it;
    # 不涉及 and unanswered draw no line, never a level 0.
    def track(no):
        return rows[no].find_elements(By.CSS_SELECTOR, "svg.level-track")
    assert len(track("1")[0].find_elements(By.CSS_SELECTOR, "rect.answer-mark")) == 1
    assert float(track("2")[0].find_element(By.CSS_SELECTOR, "rect.answer-mark").get_attribute("x")) == 4 - 0.55
    assert not track("5")[0].find_elements(By.CSS_SELECTOR, "rect.answer-mark")
    assert not track("10")[0].find_elements(By.CSS_SELECTOR, "rect.answer-mark")
    assert track("1")[0].find_elements(By.CSS_SELECTOR, "rect.median-range")
    assert not track("7")  # an amount in bands: words only
    assert browser.find_element(By.ID, "track-key").is_displayed()
    # Another group, chosen by hand, is kept in the link and restored from it.
    Select(browser.find_element(By.ID, "benchmark-group")).select_by_value("advanced")
    assert "先进级" in browser.find_element(By.ID, "benchmark-note").text
    url = browser.current_url
    assert "&i=34--n-2---" in url and "&g=advanced" in url
    browser.get(server)
    browser.get(url)
    WebDriverWait(browser, 10).until(lambda b: "先进级" in b.find_element(By.ID, "benchmark-note").text)
    assert Select(browser.find_element(By.ID, "i2")).first_selected_option.get_attribute("value") == "4"
    # The printed summary has the indicator answers; nothing was fetched: the figures are in the page.
    summary = browser.find_element(By.ID, "print-answers").get_attribute("textContent")
    assert "指标01 研发设计数字化水平：3级；本组中位" in summary
    entries = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert not [e for e in entries if "/data/" in e or "i=" in e]


def in_view(browser, element) -> bool:
    """Whether the whole element lies inside the viewport (and is not covered by nothing)."""
    return browser.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;", element)


def test_the_self_check_verdict_and_next_step_are_in_view_after_any_answer(browser, server):
    browser.get(server + "self-check/#m=0&s=" + "-" * 40)
    for scenario in (3, 12, 24, 38):  # near the top, the middle and the end of the form
        field = browser.find_element(By.ID, f"s{scenario}")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        Select(field).select_by_index(1)
        derived_tier(browser)
        if browser.width_name == "desktop":
            # Beside the questions: the verdict, the next tier's gap, the scenarios that close
            # it and the way to keep the result, without scrolling anything.
            for selector in ("#derived-tier", "#next-gap", "ol.suggestions li:last-child", "#save-image"):
                assert in_view(browser, browser.find_element(By.CSS_SELECTOR, selector)), (scenario, selector)
        else:
            # On a phone: the bar at the bottom says the verdict and the next step (unless
            # the result itself is on screen).
            verdict = browser.find_element(By.ID, "derived-tier")
            next_gap = browser.find_element(By.ID, "next-gap")
            if in_view(browser, verdict) and in_view(browser, next_gap):
                continue
            bar = browser.find_element(By.ID, "live-verdict")
            assert in_view(browser, bar), scenario
            tier, gap = verdict.get_attribute("textContent"), next_gap.get_attribute("textContent")
            assert tier in bar.text and gap.split("；")[0].split("：")[1] in bar.text


def test_the_self_check_gap_table_explains_once_and_reads_at_phone_width(browser, server):
    browser.get(server + "self-check/#m=0&s=-----------b")
    derived_tier(browser)
    cells = browser.find_elements(By.CSS_SELECTOR, "#result-checks tr[data-tier] td:last-child")
    assert len(cells) == 4
    texts = [c.get_attribute("textContent") for c in cells]
    assert all("只计" not in text and "定义" not in text for text in texts), texts
    assert len(browser.find_elements(By.ID, "counted-note")) == 1
    lines = browser.execute_script(
        "return arguments[0].map(function (c) {"
        "  return Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight)); });", cells)
    assert max(lines) <= 4, lines


def test_the_self_check_result_can_be_kept_as_an_image(browser, server):
    browser.get(server + "self-check/#m=3&s=--bb-aaaaaaaeeeeellll")
    tier = browser.find_element(By.ID, "derived-tier").get_attribute("textContent")
    browser.find_element(By.ID, "save-image").click()
    image = WebDriverWait(browser, 5).until(lambda b: b.find_element(By.ID, "summary-image-img"))
    WebDriverWait(browser, 5).until(lambda b: image.is_displayed())
    assert image.get_attribute("src").startswith("data:image/png;base64,")
    assert tier in image.get_attribute("alt")
    size = browser.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image)
    assert size[0] >= 1000 and size[1] > size[0]  # sharp on a phone; every answer listed below
    assert "长按" in browser.find_element(By.CSS_SELECTOR, "#summary-image figcaption").text
    # A changed answer makes it stale: it goes until saved again.
    Select(browser.find_element(By.ID, "s1")).select_by_index(1)
    WebDriverWait(browser, 5).until(lambda b: not image.is_displayed())


def test_inside_wechat_the_self_check_offers_the_image_not_print(server):
    from conftest import make_driver
    driver = make_driver(360)
    try:
        wechat = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MicroMessenger/8.0.47.2560(0x28002F35) "
                  "WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64")
        driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": wechat})
        driver.get(server + "self-check/#m=3&s=--bb-aaaaaaaeeeeellll")
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "save-image").is_displayed())
        assert not driver.find_element(By.ID, "print-summary").is_displayed()
    finally:
        driver.quit()


def test_the_matrix_scrolls_with_the_page_and_a_filtered_table_fills_its_width(browser, server):
    browser.get(server + "matrix/?area=production&tiers=advanced")
    WebDriverWait(browser, 5).until(lambda b: b.find_element(By.CSS_SELECTOR, "[data-matrix-controls]").is_displayed())
    table = browser.find_element(By.CSS_SELECTOR, "table.matrix")
    if browser.width_name == "desktop":
        # One scroll: the box around the table does not scroll; the page does, and the
        # tier headings stay at the top of the window.
        box = browser.find_element(By.CSS_SELECTOR, ".matrix-scroll")
        assert browser.execute_script("return arguments[0].scrollHeight <= arguments[0].clientHeight + 1", box)
        browser.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + scrollY + 600)", table)
        heading = table.find_element(By.CSS_SELECTOR, "thead th[data-tier=advanced]")
        assert abs(heading.rect["y"] - browser.execute_script("return scrollY")) < 2
        # The shown columns fill the table: no empty columns beside them.
        shown = browser.execute_script(
            "return Array.from(arguments[0].tHead.rows[0].cells).filter(c => c.offsetParent)"
            ".reduce((w, c) => w + c.getBoundingClientRect().width, 0)", table)
        assert shown >= box.rect["width"] - 4, (shown, box.rect["width"])
    else:
        # The filters one under another, their left edges in line, within the screen.
        controls = browser.find_elements(By.CSS_SELECTOR, ".matrix-controls > .control")
        lefts = {round(c.rect["x"]) for c in controls}
        assert len(lefts) == 1, lefts
        assert all(c.rect["x"] + c.rect["width"] <= 360 for c in controls)
