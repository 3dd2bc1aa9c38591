"""Search in Chinese: Pagefind's extended index, queried on the search page."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait


def search(browser, server, query: str) -> tuple[str, list[str]]:
    browser.get(server + "search/index.html?q=" + urllib.parse.quote(query))
    status = WebDriverWait(browser, 15, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "[data-search-status]").get_attribute("data-count") and
        b.find_element(By.CSS_SELECTOR, "[data-search-status]"))
    links = [a.get_attribute("href").split(server, 1)[1] for a in browser.find_elements(By.CSS_SELECTOR, ".search-results h2 a")]
    return status.get_attribute("data-count"), links


def test_a_chinese_term_finds_the_pages_that_hold_it(browser, server):
    count, links = search(browser, server, "碳排放")
    # 碳排放 occurs in scenario 23's texts, in the three tier pages that list them, and in the plan.
    expected = {"scenarios/23/index.html", "tiers/advanced/index.html", "tiers/excellent/index.html",
                "tiers/leading/index.html", "plan/index.html"}
    assert expected <= set(links), f"missing {expected - set(links)}"
    # Navigation is not indexed: pages that only mention it in a menu or pager are not found.
    assert "scenarios/22/index.html" not in links and "scenarios/24/index.html" not in links


def test_nonsense_finds_nothing(browser, server):
    count, links = search(browser, server, "qwxzv镕")
    assert count == "0" and links == []


def test_header_search_box_leads_to_results_and_filters_apply(browser, server):
    browser.get(server + "tiers/")
    box = browser.find_element(By.ID, "site-search-q")
    assert box.is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "[data-search-fallback]").is_displayed()
    box.send_keys("危险作业")
    box.submit()
    WebDriverWait(browser, 15, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: b.find_element(By.CSS_SELECTOR, "[data-search-status]").get_attribute("data-count"))
    assert "q=%E5%8D%B1" in browser.current_url  # ?q=危险作业, linkable
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".search-results h2 a")]
    assert any(link.endswith("scenarios/21/index.html") for link in links)
    browser.find_element(By.CSS_SELECTOR, "input[name=kind][value=典型场景]").click()
    WebDriverWait(browser, 15, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: "kind=" in b.current_url)
    WebDriverWait(browser, 15, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: all("/scenarios/" in a.get_attribute("href")
                                                   for a in b.find_elements(By.CSS_SELECTOR, ".search-results h2 a")))


def test_without_javascript_the_header_links_to_the_scenario_index(server):
    from conftest import make_driver
    driver = make_driver(360)
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(server + "matrix/")
        link = driver.find_element(By.CSS_SELECTOR, "[data-search-fallback]")
        assert link.is_displayed() and link.get_attribute("href").endswith("scenarios/index.html")
        assert not driver.find_element(By.CSS_SELECTOR, "[data-site-search]").is_displayed()
    finally:
        driver.quit()
