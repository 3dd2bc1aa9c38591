"""Charts people read: bars as wide as their column with shares written on them and an
axis; a radar with every indicator's full name and its 1–6 scale."""
from selenium.webdriver.common.by import By


def test_bars_fill_their_column_and_say_their_shares(browser, server):
    browser.get(server + "outcomes/indicators/")
    svg = browser.find_element(By.CSS_SELECTOR, "svg.bars")
    column = browser.execute_script("return arguments[0].closest('.chart').getBoundingClientRect().width", svg)
    width = svg.rect["width"]
    assert width >= min(column, 576) - 2  # as wide as its column, up to 36 rem
    ticks = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "text.tick")]
    assert ticks == ["0%", "25%", "50%", "75%", "100%"]
    shares = [t.get_attribute("textContent") for t in svg.find_elements(By.CSS_SELECTOR, "text.share")]
    assert shares and all(s.endswith("%") or s == "不公布" for s in shares)
    legend = browser.find_element(By.CSS_SELECTOR, ".chart .legend").text
    assert "不公布的数字" in legend


def test_the_radar_names_every_indicator_in_full_with_its_scale(browser, server):
    browser.get(server + "outcomes/cohorts/")
    browser.find_element(By.CSS_SELECTOR, "main table a, main .cohort-list a").click()
    svg = browser.find_element(By.CSS_SELECTOR, "svg.radar")
    labels = ["".join(t.get_attribute("textContent").split()) for t in svg.find_elements(By.CSS_SELECTOR, "text.axis-label")]
    # Full names, not cut to six characters (the graded indicators of the real content).
    assert "研发设计数字化水平" in labels and "产业链供应链协同数字化水平" in labels
    rings = [t.get_attribute("textContent") for t in svg.find_elements(By.CSS_SELECTOR, "text.ring-label")]
    assert rings == ["1", "2", "3", "4", "5", "6"]
