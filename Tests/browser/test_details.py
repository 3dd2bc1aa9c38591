"""What a careful reader notices: every section reachable from home, figures linked to
their progress, downloads all listed, no label that repeats its heading, links to one
item on every page that lists items, the pager's buttons alike."""
import re

from selenium.webdriver.common.by import By

from conftest import PAGE_KINDS, resolve


def test_home_leads_to_the_outcomes_and_from_each_target_to_its_progress(browser, server):
    browser.get(server)
    entries = {e.find_element(By.CLASS_NAME, "entry-title").text: e for e in browser.find_elements(By.CSS_SELECTOR, ".entries a")}
    assert "评估结果" in entries and entries["评估结果"].get_attribute("href").endswith("outcomes/index.html")
    # No card says its title twice (勘误与转录说明 / 勘误与转录说明).
    for title, entry in entries.items():
        texts = entry.find_elements(By.CLASS_NAME, "entry-text")
        assert not texts or texts[0].text != title, title
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".target-progress a")]
    assert len(links) == len(browser.find_elements(By.CSS_SELECTOR, ".targets .target"))
    for link in links:
        browser.get(link)
        anchor = link.split("#")[1]
        target = browser.find_element(By.ID, anchor)  # a tier's progress, or the per-year one's title
        assert target.find_elements(By.CLASS_NAME, "progress-head") or "progress-year-title" in target.get_attribute("class")
    # The figures the site writes itself space a number from its unit, as everywhere else.
    browser.get(server)
    for figure in browser.find_elements(By.CSS_SELECTOR, ".target-figure"):
        assert not re.search(r"\d[家个]", figure.text), figure.text


def test_the_footer_lists_every_download_including_the_outcomes(browser, server):
    browser.get(server + "tiers/")
    files = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".footer-data a")]
    for name in ("scenarios.csv", "indicators.csv", "outcomes.csv", "outcomes.json"):
        assert name in files, files


def test_an_indicator_page_links_to_its_published_distribution(browser, server):
    browser.get(server + "indicators/03/")
    link = browser.find_element(By.CSS_SELECTOR, ".tier-more a").get_attribute("href")
    assert link.endswith("outcomes/indicators/index.html#i03")
    browser.get(link)
    assert "生产管理" in browser.find_element(By.ID, "i03").text


def test_tier_and_indicator_pages_copy_a_link_to_one_item(browser, server):
    for path, target in (("tiers/advanced/", "#s07"), ("tiers/advanced/", "#condition-1"), ("indicators/01/", "#level-3")):
        browser.get(server + path)
        button = browser.find_element(By.CSS_SELECTOR, f"button[data-copy-link='{target}']")
        assert browser.find_element(By.ID, target[1:]).is_displayed()
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        assert button.get_attribute("data-copied").endswith(path + target)


def test_no_heading_is_followed_by_a_tag_repeating_it(browser, server, site):
    for path, _ in PAGE_KINDS:
        browser.get(server + resolve(site, path))
        repeated = browser.execute_script(
            "return Array.from(document.querySelectorAll('.segment-area')).filter(function (tag) {"
            "  var heading = tag.parentElement.cloneNode(true); heading.querySelector('.segment-area').remove();"
            "  return heading.textContent.trim() === tag.textContent.trim(); }).map(t => t.textContent);")
        assert not repeated, (path, repeated)


def test_the_pager_buttons_are_alike(browser, server):
    browser.get(server + "scenarios/07/")
    buttons = browser.find_elements(By.CSS_SELECTOR, ".pager a")
    assert len(buttons) == 2
    widths = {round(b.rect["width"]) for b in buttons}
    if browser.width_name == "phone":
        assert len(widths) == 1, widths  # one above the other, the same width
