"""Fixtures for the browser suite: the site built from Content/, served over HTTP on
loopback, and headless Chromium at desktop and phone widths."""
import http.server
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import threading
from functools import partial

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
PORTAL = os.environ.get("PORTAL", str(REPO / ".build/debug/portal"))
os.environ.setdefault("PAGEFIND", str(REPO / ".venv/bin/pagefind_extended"))
WIDTHS = {"desktop": 1280, "phone": 360}
HEIGHT = 800


def build_site(output: pathlib.Path, base_url: str | None = None) -> pathlib.Path:
    """Runs `portal build` on the real content and its synthetic assessments, with a
    record key so that the outcome pages exist; the suite tests what users get. The
    release ledger goes to a temporary folder, never into the repository's Content/."""
    output.parent.mkdir(parents=True, exist_ok=True)
    private = pathlib.Path(tempfile.mkdtemp(prefix="portal-key-"))  # never inside a served folder
    key = private / "record.key"
    key.write_text("6b1d9f3a7c5e2b4d8f0a1c3e5b7d9f2a", encoding="utf-8")
    command = [PORTAL, "build", "--content", str(REPO / "Content"), "--templates", str(REPO / "Templates"),
               "--output", str(output), "--anon-key-file", str(key), "--releases", str(private / "releases"),
               "--search", "on"]
    if base_url:
        command += ["--base-url", base_url]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)
    finally:
        shutil.rmtree(private, ignore_errors=True)  # the key and this build's ledger
    return output


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A plain static host: files as they are, and the site's 404.html for anything
    missing, as a web server configured with `ErrorDocument 404` does."""

    not_found_page: pathlib.Path | None = None

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code == 404 and self.not_found_page and self.not_found_page.exists():
            body = self.not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class Server:
    def __init__(self, root: pathlib.Path, not_found: pathlib.Path):
        handler = type("Handler", (SiteHandler,), {"not_found_page": not_found})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def workdir():
    path = pathlib.Path(tempfile.mkdtemp(prefix="portal-browser-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def site(workdir) -> pathlib.Path:
    return build_site(workdir / "root" / "site")


@pytest.fixture(scope="session")
def server(site):
    running = Server(site, site / "404.html")
    yield running.url
    running.stop()


@pytest.fixture(scope="session")
def subpath_site(workdir) -> pathlib.Path:
    """The site built for /portal/ and served from its parent folder."""
    return build_site(workdir / "sub" / "portal", base_url="/portal/")


@pytest.fixture(scope="session")
def subpath_server(subpath_site):
    running = Server(subpath_site.parent, subpath_site / "404.html")
    yield running.url
    running.stop()


def make_driver(width: int) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--lang=zh-CN", f"--window-size={width},{HEIGHT}", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_window_size(width, HEIGHT)
    # Headless Chromium may keep a default size; make the layout viewport exactly `width`.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


@pytest.fixture(scope="session", params=list(WIDTHS), ids=list(WIDTHS))
def browser(request):
    driver = make_driver(WIDTHS[request.param])
    driver.width_name = request.param
    yield driver
    driver.quit()


def console_errors(driver) -> list[str]:
    """Console messages of level SEVERE since the last call (reading clears them)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


# Every kind of page the generator makes, one representative each (path, kind).
PAGE_KINDS = [
    ("", "home"),
    ("tiers/", "tiers"),
    ("tiers/advanced/", "tier"),
    ("scenarios/", "scenarios"),
    ("scenarios/07/", "scenario"),
    ("scenarios/13/", "scenario-long"),
    ("indicators/", "indicators"),
    ("indicators/07/", "indicator-amount"),
    ("indicators/01/", "indicator"),
    ("matrix/", "matrix"),
    ("matrix/?area=production&row=12", "matrix-filtered"),
    ("compare/", "compare-index"),
    ("compare/basic-advanced/", "compare"),
    ("self-check/#m=3&s=--bb-aaaaaaaeeeeellll", "self-check"),
    ("plan/", "page"),
    ("errata/", "page-table"),
    ("no/such/page/", "404"),
    ("outcomes/", "outcomes"),
    ("outcomes/indicators/", "outcome-indicators"),
    ("outcomes/scenarios/", "outcome-scenarios"),
    ("outcomes/records/", "records"),
    ("outcomes/cohorts/", "cohorts"),
    ("outcomes/cohorts/FIRST/", "cohort"),
    ("outcomes/method/", "method"),
    ("search/?q=碳排放", "search"),
    ("data/", "data"),
]


def resolve(site: pathlib.Path, path: str) -> str:
    """Fills in paths that depend on the data: FIRST is the first listed cohort."""
    if "FIRST" in path:
        listing = (site / "outcomes/cohorts/index.html").read_text(encoding="utf-8")
        first = re.search(r'href="[./]*outcomes/cohorts/([a-z0-9-]+)/index.html"', listing).group(1)
        path = path.replace("FIRST", first)
    return path
