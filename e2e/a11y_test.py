#!/usr/bin/env python3
"""Accessibility of every page of the programme's end-to-end flow, in a real browser.

The flow of `programme_e2e.py` runs first (a structure, the Region's reviewer and three earners,
through HTTP), and every HTML page any of them was shown is remembered with the browser it was
shown in. Then Chromium opens each page again with that browser's session, in French and in
English, at 390×844 (a phone) and 1280×800, and runs axe-core (the copy bundled by the
axe-selenium-python package): any violation of impact "serious" or "critical" fails the test.
Screenshots of the guided path, the programme dashboard and an award page at both sizes are saved.

Then the keyboard: a new structure joins the programme without the mouse — sign-up, organisation,
badge class, partnership with the Region, the badge's four answers, the participant application,
the request for endorsement — with the Region answering through HTTP. Focus must always be visible.

    python a11y_test.py --out DIR --obkit PATH --ob2-python PATH     (BLASON_BIN: the blason binary)
"""
import argparse
import http.cookiejar
import os
import re
import sys
import tempfile
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, WebClient, delivering_to, mail_sink  # noqa: E402
import programme_e2e  # noqa: E402
from keyboard_flow import keyboard_join  # noqa: E402

from axe_selenium_python import Axe  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
NARROWEST = (320, 640)
LANGUAGES = ("fr", "en")
BLOCKING = ("serious", "critical")


class RecordingClient(WebClient):
    """The flow's browser, remembering every HTML page it was shown (after redirects)."""

    everyone = []

    def __init__(self, base):
        super().__init__(base)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.pages = []
        RecordingClient.everyone.append(self)

    def _open(self, request):
        status, url, body = super()._open(request)
        if status == 200 and body.lstrip().lower().startswith("<!doctype html"):
            parts = urllib.parse.urlsplit(url)
            path = parts.path + ("?" + parts.query if parts.query else "")
            if path not in self.pages:
                self.pages.append(path)
        return status, url, body


# Links not to follow while crawling: they end a session, use up a one-time link (and sign its
# holder in), or lead to something that is not a page.
SKIPPED_PREFIXES = ("/sign-out", "/claim/", "/passport/link/", "/applications/confirm/", "/reviewers/join/", "/passport/emails/verify",
                    "/password/reset/", "/endorse/", "/api/", "/styles/", "/keys/", "/ob3/", "/reviews/")
SKIPPED_SUFFIXES = (".png", ".svg", ".jws", ".jwt", ".json", ".csv", ".zip", "/image", "/logo", "/revocations")
UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def crawl(limit_per_client=40):
    """Every page reachable by a link from the pages each browser was shown, as that browser:
    one page per kind (ids set aside), at most `limit_per_client` more each."""
    kinds = {UUID_PATTERN.sub(":id", page) for client in RecordingClient.everyone for page in client.pages}
    tried = set()
    for client in list(RecordingClient.everyone):
        queue, added = list(client.pages), 0
        while queue and added < limit_per_client:
            page = queue.pop(0)
            status, _, body = client.get(page) if page not in client.pages else (200, None, client_page_body(client, page))
            if status != 200 or not body:
                continue
            for link in re.findall(r'href="(?:%s)?(/[^"#]*)"' % re.escape(client.base), body):
                link = link.replace("&amp;", "&")
                path = urllib.parse.urlsplit(link).path
                if "lang=" in link or path.startswith(SKIPPED_PREFIXES) or path.endswith(SKIPPED_SUFFIXES) or "/qr." in path:
                    continue
                kind = UUID_PATTERN.sub(":id", link)
                if kind in kinds or link in tried:
                    continue
                tried.add(link)
                before = len(client.pages)
                client.get(link)
                # A kind counts as seen once one of its pages opened (a pending proposal's answers 404).
                if len(client.pages) > before:
                    kinds.add(kind)
                    added += 1
                    queue.append(link)


def client_page_body(client, page):
    """The page as the client sees it now (fetched again: the flow may have moved on since)."""
    status, _, body = WebClient.get(client, page)
    return body if status == 200 else ""


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=fr-FR", "--hide-scrollbars"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)
    driver.set_script_timeout(60)
    return driver


def with_language(path, language):
    return path + ("&" if "?" in path else "?") + "lang=" + language


def take_session(driver, base, client):
    """Opens the browser on the client's session (its cookies)."""
    driver.get(base + "/healthz")
    driver.delete_all_cookies()
    for cookie in client.jar:
        driver.add_cookie({"name": cookie.name, "value": cookie.value, "path": cookie.path or "/"})


def audit(driver, base, report, out):
    """Runs axe on every remembered page; returns the number of distinct pages."""
    axe = Axe(driver)
    seen = set()
    runs = 0
    failures = []
    too_wide = []
    for client in RecordingClient.everyone:
        pages = [page for page in client.pages if page not in seen]
        if not pages:
            continue
        take_session(driver, base, client)
        for page in pages:
            seen.add(page)
            for language in LANGUAGES:
                for size, (width, height) in SIZES.items():
                    driver.set_window_size(width, height)
                    driver.get(base + with_language(page, language))
                    axe.inject()
                    result = axe.run()
                    runs += 1
                    blocking = [v for v in result["violations"] if v.get("impact") in BLOCKING]
                    for violation in blocking:
                        targets = [" ".join(node["target"]) for node in violation["nodes"]][:3]
                        failures.append("%s [%s %s] %s (%s): %s" % (page, language, size, violation["id"], violation["impact"], targets))
                # The narrowest screen the design is for: nothing wider than 320 px but inside a scrolling table.
                driver.set_window_size(*NARROWEST)
                driver.get(base + with_language(page, language))
                overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if overflow > 0:
                    culprits = driver.execute_script(
                        "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('main *')]"
                        ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-wrap'))"
                        ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right))")
                    too_wide.append("%s [%s] %d px too wide: %s" % (page, language, overflow, culprits))
        # Back to French for the next session's pages.
        driver.get(base + with_language("/", "fr"))
    report.check("axe-core finds no serious or critical violation on %d pages × %d languages × %d sizes (%d runs)"
                 % (len(seen), len(LANGUAGES), len(SIZES), runs), not failures, "\n".join(failures[:40]))
    report.check("every page fits a 320 px wide screen (wide tables scroll inside their frame)", not too_wide, "\n".join(too_wide[:20]))
    with open(os.path.join(out, "a11y-pages.txt"), "w") as handle:
        handle.write("\n".join(sorted(seen)) + "\n")
    return len(seen)


def screenshots(driver, base, out, report, structure, region):
    """The guided path, the programme dashboard and an award page, at both sizes."""
    award = next((page for client in RecordingClient.everyone for page in client.pages if re.match(r"^/assertions/[0-9a-f-]{36}$", page)), None)
    targets = [("guided-path", structure, "/programmes/%s/join" % programme_e2e.KEY),
               ("programme-dashboard", region, "/programmes/%s/dashboard" % programme_e2e.KEY),
               ("award-page", region, award)]
    saved = []
    for name, client, page in targets:
        if page is None:
            continue
        take_session(driver, base, client)
        for size, (width, height) in SIZES.items():
            driver.set_window_size(width, height)
            driver.get(base + with_language(page, "fr"))
            # The whole page, not just the first screen.
            full = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
            driver.set_window_size(width, min(max(height, full), 6000))
            path = os.path.join(out, "a11y-%s-%s.png" % (name, size))
            driver.save_screenshot(path)
            saved.append(path)
    report.check("screenshots of the guided path, the programme dashboard and an award page at both sizes", len(saved) == 6, saved)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="test-output/screenshots")
    parser.add_argument("--obkit", required=True)
    parser.add_argument("--ob2-python", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    report = Report("accessibility")
    root = tempfile.mkdtemp(prefix="blason-a11y-")
    sink = mail_sink(root)
    server = Server("sqlite:" + os.path.join(root, "blason.sqlite"), "a11y")
    server.env.update(delivering_to(sink))
    driver = None
    try:
        sink.start()
        with server:
            # The flow's own checks are the programme test's business: here they only build the pages.
            flow = Report("programme flow (set-up)")
            programme_e2e.procedure(server, sink, flow, args, web=RecordingClient)
            report.check("the programme's flow runs (set-up of the pages)", flow.failed == 0, "%d of its checks failed" % flow.failed)
            crawl()
            if os.environ.get("A11Y_DEBUG"):
                for client in RecordingClient.everyone:
                    print("client pages:", client.pages, file=sys.stderr)
            driver = browser()
            audit(driver, server.base, report, args.out)
            region, structure = RecordingClient.everyone[0], RecordingClient.everyone[1]
            screenshots(driver, server.base, args.out, report, structure, region)
            keyboard_join(driver, server, region, report, args.out)
    except Exception as error:  # noqa: BLE001  (a broken step is a failure, reported like the others)
        report.check("the accessibility test runs to its end", False, "%s: %s" % (type(error).__name__, error))
    finally:
        if driver is not None:
            driver.quit()
        sink.stop()
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
