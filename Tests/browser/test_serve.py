"""`portal serve`: edit a scenario in a copy of the content and watch the open page
reload with the new text; a broken edit shows an overlay while the last good site stays."""
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PORTAL, REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serving(tmp_path):
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Content", content)
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen([PORTAL, "serve", "--port", str(port), "--content", str(content),
                                "--templates", str(REPO / "Templates"), "--output", str(tmp_path / "Public")],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise AssertionError("serve did not start: " + (tmp_path / "serve.log").read_text())
    yield url, content, tmp_path, log
    process.terminate()
    process.wait(timeout=10)
    log.close()


def test_an_edit_is_served_and_the_page_reloads(browser, serving):
    url, content, folder, log = serving
    browser.get(url + "scenarios/07/")
    WebDriverWait(browser, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: b.execute_script("return window.__portalReloadConnected === true"))
    browser.execute_script("window.__notReloaded = true")
    scenario = content / "scenarios" / "07-production-planning-optimisation.md"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("基于信息系统实现生产计划自动编制", "【预览测试】基于信息系统实现生产计划自动编制"), encoding="utf-8")
    saved = time.time()
    WebDriverWait(browser, 20, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: "【预览测试】" in b.find_element(By.ID, "basic").text)
    elapsed = time.time() - saved
    assert browser.execute_script("return window.__notReloaded === undefined"), "the page was not reloaded"
    print(f"save-to-reload: {elapsed * 1000:.0f} ms")
    # The files on disk never carry the reload script.
    assert "__portal" not in (folder / "Public/scenarios/07/index.html").read_text(encoding="utf-8")

    # A broken edit: the terminal and the page show the error, the last good site stays.
    scenario.write_text(text.replace("  leading:", "  leadng:"), encoding="utf-8")
    overlay = WebDriverWait(browser, 20, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda b: b.find_elements(By.ID, "portal-error-overlay"))
    assert "unknown field 'leadng'" in overlay[0].text
    assert "【预览测试】" in urllib.request.urlopen(url + "scenarios/07/").read().decode("utf-8")
    log.flush()
    deadline = time.time() + 5
    while "still serving the last good site" not in (folder / "serve.log").read_text() and time.time() < deadline:
        time.sleep(0.1)
    assert "07-production-planning-optimisation.md:9:3: error: unknown field 'leadng'" in (folder / "serve.log").read_text()
