"""The console in a real browser: Debian's headless Chromium driven by Selenium, against
the app served over HTTP (the same app the signed-XML helpers talk to), with WeChat's web
authorisation played by the stand-in. Screenshots of every page, at phone and desktop
widths, land in var/screenshots/."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

from config.settings import PROJECT_ROOT
from tests.support.browser import Console
from tests.support.wechat import StandIn

SCREENSHOTS = PROJECT_ROOT / "var" / "screenshots"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def live(make_app: Callable[..., Flask], standin: StandIn) -> Iterator[tuple[Flask, str]]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    app = make_app(public_base_url=url, wechat_oauth_base_url=standin.url)
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, url
    server.shutdown()


@pytest.fixture
def app(live: tuple[Flask, str]) -> Flask:
    """The app the chat helpers post signed XML to is the one the browser sees."""
    return live[0]


@pytest.fixture(scope="session")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    binary, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if binary is None or chromedriver is None:
        pytest.fail("Chromium is missing: `make test` installs chromium and chromium-driver")
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    browser = webdriver.Chrome(options=options, service=Service(chromedriver))
    browser.downloads = Path(downloads)  # type: ignore[attr-defined]
    yield browser
    browser.quit()


@pytest.fixture
def console(
    driver: webdriver.Chrome,
    live: tuple[Flask, str],
    standin: StandIn,
    request: pytest.FixtureRequest,
) -> Iterator[Console]:
    for old in driver.downloads.iterdir():  # type: ignore[attr-defined]
        old.unlink()
    page = Console(driver, live[1], standin.url, SCREENSHOTS, request.node.name)
    page.forget_everyone()
    yield page
    page.forget_everyone()
