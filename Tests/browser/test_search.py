"""Search in Chinese: Pagefind's extended index, queried on the search page."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from search_queries import queries


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


def first_three(browser, server, texts: list[str]) -> dict[str, list[str]]:
    """The first three results for each query, through the search page's own search."""
    browser.get(server + "search/index.html")
    WebDriverWait(browser, 15).until(lambda b: b.execute_script("return typeof window.portalSearch === 'function'"))
    browser.set_script_timeout(180)
    return browser.execute_async_script("""
        const [texts, done] = [arguments[0], arguments[arguments.length - 1]];
        (async () => {
          const out = {};
          for (const text of texts) { out[text] = await window.portalSearch(text, 3); }
          done(out);
        })().catch((error) => done({ error: String(error) }));
    """, texts)


def test_the_query_set_finds_each_page_in_the_first_three(browser, server):
    cases = queries()
    assert len(cases) >= 100
    found = first_three(browser, server, [text for text, _ in cases])
    assert "error" not in found, found
    missed = [(text, found[text], pages) for text, pages in cases if not set(found[text]) & set(pages)]
    score = len(cases) - len(missed)
    print(f"query set: {score}/{len(cases)} with an expected page in the first three")
    assert missed == [], f"{score}/{len(cases)}; missed: " + "; ".join(f"{t} → {got}" for t, got, _ in missed)


def test_excerpts_are_clean_text_and_the_count_says_what_holds_the_words(browser, server):
    search(browser, server, "碳排放")
    status = browser.find_element(By.CSS_SELECTOR, "[data-search-status]").text
    excerpts = [p.text for p in browser.find_elements(By.CSS_SELECTOR, ".search-results > li > p")]
    assert excerpts and not any("zzterms" in e or "链接到" in e for e in excerpts), excerpts
    import re
    holding = re.match(r"(\d+) 个页面包含“碳排放”", status)
    assert holding, status
    exact = int(holding.group(1))
    # The pages counted as holding the words come first, and each excerpt shows them.
    assert all("碳排放" in e for e in excerpts[:exact])
    # A page with only 碳 (the basic tier page) is not counted as holding 碳排放.
    assert "另有" in status or exact == len(excerpts)
    _, links = search(browser, server, "智能仓储")
    assert links[0] == "scenarios/18/index.html"


def results_as_read(browser, server, query: str) -> dict:
    """What a reader sees for `query`: each result's title, excerpt and section links, and
    whether it is folded among the pages holding only some of the query's characters."""
    count, _ = search(browser, server, query)
    return browser.execute_script("""
      const read = (li, folded) => ({
        title: li.querySelector(':scope > h2 a').textContent,
        excerpt: (li.querySelector(':scope > p') || {textContent: ''}).textContent,
        marked: !!li.querySelector(':scope > p mark'),
        sections: [...li.querySelectorAll(':scope > .sub-results a')].map((a) => a.textContent),
        folded});
      return {
        status: document.querySelector('[data-search-status]').textContent,
        results: [...document.querySelectorAll('.search-results > li:not(.partial-results)')].map((li) => read(li, false))
          .concat([...document.querySelectorAll('.partial-results ol > li')].map((li) => read(li, true))),
        order: [...document.querySelectorAll('.search-results > li')].map((li) => li.classList.contains('partial-results'))};""")


def test_results_read_as_the_pages_do(browser, server):
    """Excerpts are sentences of the page's running text (no word lists, table cells or
    label dumps), cut at sentence marks; section links carry their visible names; pages
    that hold only some characters of the query are folded after those that hold it."""
    import re
    word_list = re.compile(r"(?:[\u4e00-\u9fff]{1,4} ){5,}")
    table_run = re.compile(r"\d+(\.\d+)?\s?%（|家（|×|<\d")
    label_dump = re.compile(r"要素环节|定义层级|典型场景 \d\d\.")
    asked = [text for text, _ in queries()][:40] + ["排产", "碳资产", "08", "设备", "仓储", "安全", "碳"]
    bad, excerpts, marked = [], 0, 0
    for query in asked:
        seen = results_as_read(browser, server, query)
        # Folded results, if any, come after every page that holds the query.
        assert seen["order"] == sorted(seen["order"]), (query, seen["order"])
        if "另有" in seen["status"]:
            assert any(r["folded"] for r in seen["results"]), (query, seen["status"])
        for result in seen["results"]:
            text = result["excerpt"]
            excerpts += 1
            marked += result["marked"]
            if "zzterms" in text or word_list.search(text) or table_run.search(text) or label_dump.search(text):
                bad.append((query, result["title"], text))
            if not re.search(r"[。；！？…]$", text.strip()):
                bad.append((query, result["title"], "not cut at a sentence mark: " + text))
            for section in result["sections"]:
                if "#" in section or "链接到" in section or "复制" in section:
                    bad.append((query, result["title"], "section link: " + section))
    print(f"excerpts: {excerpts} read, {marked} with the query marked, {len(bad)} that do not read well")
    assert bad == [], bad[:10]
