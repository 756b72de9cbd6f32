"""A console page in Chromium, as a social worker uses it: sign in (WeChat's web
authorisation through the stand-in, or a one-time link), open pages, fill and submit
forms, read what is shown, and keep a screenshot of each page at phone and desktop
widths."""

from __future__ import annotations

import re
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

PHONE, DESKTOP = (390, 844), (1280, 900)


def _detached(element: WebElement) -> bool:
    """The page it was on has gone. Selenium's `staleness_of` expects a stale-element
    error; in the middle of a navigation Chromium may instead answer that the node "does
    not belong to the document", which means the same."""
    try:
        element.is_enabled()
    except WebDriverException:  # StaleElementReferenceException is one of these
        return True
    return False


WAIT_SECONDS = 10


class Console:
    def __init__(
        self, driver: webdriver.Chrome, base: str, standin: str, shots: Path, test: str
    ) -> None:
        self.driver = driver
        self.base = base
        self.standin = standin
        self.shots = shots
        self.test = re.sub(r"\W+", "-", test).strip("-")

    # --- navigation ----------------------------------------------------------------

    def open(self, path: str) -> None:
        self.driver.get(path if path.startswith("http") else f"{self.base}{path}")

    @property
    def path(self) -> str:
        return str(self.driver.current_url).removeprefix(self.base).split("#")[0]

    def find(self, css: str) -> WebElement:
        return WebDriverWait(self.driver, WAIT_SECONDS).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
        )

    def all(self, css: str) -> list[WebElement]:
        return list(self.driver.find_elements(By.CSS_SELECTOR, css))

    def text(self, css: str = "main") -> str:
        return str(self.find(css).text)

    def fill(self, css: str, value: str) -> None:
        field = self.find(css)
        field.clear()
        field.send_keys(value)

    def set_date(self, css: str, day: str) -> None:
        """A date input's value (YYYY-MM-DD): typing into one depends on the browser's
        locale, so the value is set as its date picker sets it."""
        field = self.find(css)
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
            field,
            day,
        )

    def attach(self, css: str, file: Path) -> None:
        """Choose a file in a file input, as the person picking a photo does."""
        self.find(css).send_keys(str(file))

    def image_shown(self, css: str) -> bool:
        """The image has loaded and has pixels (not a broken-image icon)."""
        image = self.find(css)
        self.driver.execute_script("arguments[0].scrollIntoView()", image)
        return bool(
            WebDriverWait(self.driver, WAIT_SECONDS).until(
                lambda driver: driver.execute_script(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", image
                )
            )
        )

    def choose(self, css: str, value: str) -> None:
        self.find(f"{css} option[value='{value}']").click()

    def click(self, css: str) -> None:
        """Click and wait for the next page to load."""
        old = self.find("html")
        self.find(css).click()
        WebDriverWait(self.driver, WAIT_SECONDS).until(lambda _driver: _detached(old))

    def submit(self, form: str) -> None:
        self.click(f"{form} button[type=submit]")

    # --- signing in ----------------------------------------------------------------

    def sign_in_with_wechat(self, openid: str) -> None:
        """As inside WeChat: the console sends the browser to WeChat's authorisation
        page (the stand-in's), which returns with a code."""
        self.open("/console/sign-in")
        self.click("#wechat-sign-in")
        assert self.driver.current_url.startswith(self.standin), self.driver.current_url
        self.fill("#openid", openid)
        self.click("#allow")

    def sign_in_with_link(self, link: str) -> None:
        self.open(link)
        self.shoot("sign-in-link")
        self.click("#use-link")

    def sign_out(self) -> None:
        self.click("#sign-out")

    def forget_everyone(self) -> None:
        """No cookies left (the console and the stand-in share the host 127.0.0.1)."""
        self.open("/healthz")
        self.driver.delete_all_cookies()

    def session_cookie(self) -> dict[str, str]:
        return {c["name"]: c["value"] for c in self.driver.get_cookies()}

    # --- screenshots ---------------------------------------------------------------

    def shoot(self, page: str) -> None:
        """This page at phone and desktop widths."""
        self.shots.mkdir(parents=True, exist_ok=True)
        for label, (width, height) in (("phone", PHONE), ("desktop", DESKTOP)):
            self.driver.set_window_size(width, height)
            self.driver.save_screenshot(str(self.shots / f"{self.test}-{page}-{label}.png"))
        self.driver.set_window_size(*DESKTOP)
