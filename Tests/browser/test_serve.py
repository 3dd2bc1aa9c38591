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


def raw_request(url: str, text: str) -> bytes:
    """Sends `text` as is (no client library tidying the path) and returns the reply head."""
    host, port = url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(text.encode("latin-1"))
        reply = b""
        while b"\r\n\r\n" not in reply:
            chunk = connection.recv(4096)
            if not chunk:
                break
            reply += chunk
        return reply


def upgrade(url: str, origin: str | None) -> str:
    host = url.split("//")[1].rstrip("/")
    lines = [f"GET /__portal/ws HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"]
    if origin:
        lines.append(f"Origin: {origin}")
    return raw_request(url, "\r\n".join(lines) + "\r\n\r\n").split(b"\r\n")[0].decode()


def test_the_reload_socket_takes_only_its_own_pages(serving):
    url, _, _, _ = serving
    host = url.split("//")[1].rstrip("/")
    assert " 101 " in upgrade(url, f"http://{host}")
    assert " 403 " in upgrade(url, "http://evil.example")
    assert " 403 " in upgrade(url, None)


def rss_kb(pid: int) -> int:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def test_a_huge_frame_is_never_buffered(serving):
    url, _, folder, _ = serving
    host, port = url.split("//")[1].rstrip("/").split(":")
    pid = int(subprocess.run(["pgrep", "-f", f"portal-serve.*--port {port}"], capture_output=True, text=True).stdout.split()[0])
    before = rss_kb(pid)
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall((f"GET /__portal/ws HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                            f"Origin: http://{host}:{port}\r\n\r\n").encode())
        assert b" 101 " in connection.recv(4096)
        # A binary frame announced as 2^62 bytes, then 48 MB of it (bounded: stops by itself).
        connection.sendall(bytes([0x82, 0xFF]) + (1 << 62).to_bytes(8, "big") + b"\0\0\0\0")
        connection.settimeout(0.5)
        sent, block = 0, b"x" * (1 << 20)
        deadline = time.time() + 10
        while sent < 48 << 20 and time.time() < deadline:
            try:
                sent += connection.send(block)
            except (socket.timeout, BlockingIOError):
                break  # the server reads nothing: the connection's buffers are full
            except OSError:
                break
    grown = rss_kb(pid) - before
    assert grown < 16 * 1024, f"portal serve grew by {grown} kB while a client sent {sent >> 20} MB in one frame"


@pytest.mark.parametrize("path", ["/.portal-output", "/index.html%00.txt", "/scenarios%2F07/index.html", "/scenarios%5C07/",
                                  "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"])
def test_hidden_files_and_smuggled_paths_are_not_served(serving, path):
    url, _, folder, _ = serving
    host = url.split("//")[1].rstrip("/")
    status = raw_request(url, f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").split(b"\r\n")[0].decode()
    assert " 404 " in status or " 400 " in status, f"{path}: {status}"
