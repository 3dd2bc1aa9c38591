"""`make screenshots`: PNGs of every page kind at desktop and phone width, in light and
dark mode, for people to look at when they change templates. Written to screenshots/
(git-ignored)."""
import pathlib
import sys
import tempfile

from conftest import PAGE_KINDS, REPO, WIDTHS, Server, build_site, make_driver, resolve


def main() -> int:
    out = REPO / "screenshots"
    out.mkdir(exist_ok=True)
    site = build_site(pathlib.Path(tempfile.mkdtemp(prefix="portal-shots-")) / "site")
    server = Server(site, site / "404.html")
    try:
        for (name, width), scheme in [(w, s) for w in WIDTHS.items() for s in ("light", "dark")]:
            driver = make_driver(width)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            try:
                for path, kind in PAGE_KINDS:
                    driver.get(server.url + resolve(site, path))
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                           {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": width < 600})
                    target = out / f"{kind}-{name}{'' if scheme == 'light' else '-dark'}.png"
                    target.write_bytes(driver.get_screenshot_as_png())
                    print(target.relative_to(REPO))
            finally:
                driver.quit()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
