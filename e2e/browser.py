"""Starts Debian's chromium through Playwright, the same way for the tests and the screenshot script."""

from playwright.sync_api import Browser, BrowserContext, Playwright

CHROMIUM = "/usr/bin/chromium"
# No sandbox because containers lack the user namespaces it needs; the rest keeps chromium
# from phoning Google services in the background, which slows runs and makes them flaky.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Wide enough for the admin changelist's columns; the screenshots must be at least 800 px wide.
VIEWPORT = {"width": 1280, "height": 900}


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_context(browser: Browser, base_url: str) -> BrowserContext:
    """A separate visitor: its own cookies (session) and its own localStorage."""
    return browser.new_context(base_url=base_url, viewport=VIEWPORT)
