"""A structure joins « La Normandie badge les compétences » with the keyboard alone, in Chromium:
Tab and Shift+Tab to move, Enter to follow a link or press a button, Space to tick, the arrow keys
for radio buttons and lists, typing for text (and a file's path for the badge image, as the file
chooser takes it). The Region answers through HTTP. Every element that takes the focus must show it.
"""
import os
import re
import urllib.parse

from blason_e2e import png
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

KEY = "normandie"
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
NAME = "Atelier clavier"
EMAIL = "contact@atelier-clavier.example.org"
BADGE = "Badge clavier"


class Keyboard:
    def __init__(self, driver):
        self.driver = driver
        self.unfocused = []

    def press(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def active(self):
        return self.driver.switch_to.active_element

    def focus_visible(self, element):
        """An outline or a shadow drawn around the focused element."""
        return self.driver.execute_script(
            "const s = getComputedStyle(arguments[0]);"
            "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';", element)

    def tab_to(self, match, what, limit=200):
        """Presses Tab until the focused element matches; checks each focus is visible on the way."""
        for _ in range(limit):
            self.press(Keys.TAB)
            element = self.active()
            if element.tag_name in ("a", "button", "input", "select", "textarea", "summary") and not self.focus_visible(element):
                label = "%s %s" % (element.tag_name, (element.get_attribute("name") or element.text or "")[:40])
                if label not in self.unfocused:
                    self.unfocused.append(label)
            if match(element):
                return element
        raise AssertionError("Tab never reached %s on %s" % (what, self.driver.current_url))

    def activate(self, element_match, what, key=Keys.ENTER):
        """Tabs to an element and presses Enter; waits for the next page when one loads."""
        self.tab_to(element_match, what)
        page = self.driver.find_element("tag name", "html")
        self.press(key)
        try:
            WebDriverWait(self.driver, 10).until(lambda _d: _stale(page))
        except WebDriverException:
            pass

    def follow(self, path, what=None):
        """A link to `path` (to a path starting with it when it ends with /), not a language switch."""
        def match(element):
            href = element.get_attribute("href") or ""
            if element.tag_name != "a" or "lang=" in href:
                return False
            target = urllib.parse.urlsplit(href).path
            return target.startswith(path) if path.endswith("/") else target == path
        self.activate(match, what or "the link to " + path)

    def press_button(self, text):
        self.activate(lambda e: e.tag_name == "button" and text in e.text, "the button « %s »" % text)

    def type_into(self, name, text):
        self.tab_to(lambda e: e.get_attribute("name") == name, "the field " + name)
        self.press(text)

    def choose(self, name, label):
        """A list: focused, then the arrow keys until the option is chosen."""
        element = self.tab_to(lambda e: e.get_attribute("name") == name, "the list " + name)
        for _ in range(40):
            if self.driver.execute_script("return arguments[0].selectedOptions[0].text", element).startswith(label):
                return
            self.press(Keys.ARROW_DOWN)
        raise AssertionError("no option %s in %s" % (label, name))

    def radio(self, name, value):
        self.tab_to(lambda e: e.get_attribute("name") == name, "the radio buttons " + name)
        for _ in range(6):
            if self.active().get_attribute("value") == value:
                if not self.active().is_selected():
                    self.press(Keys.SPACE)
                return
            self.press(Keys.ARROW_DOWN)
        raise AssertionError("no radio %s=%s" % (name, value))


def _stale(element):
    try:
        element.tag_name
        return False
    except WebDriverException:
        return True


def keyboard_join(driver, server, region, report, out):
    keys = Keyboard(driver)
    driver.delete_all_cookies()
    driver.set_window_size(1280, 800)
    driver.get(server.base + "/?lang=fr")

    # The first Tab reaches the skip link, shown; Enter takes the focus to the content.
    keys.press(Keys.TAB)
    skip = keys.active()
    report.check("keyboard: the first Tab reaches the skip link, and it shows", "skip-link" in (skip.get_attribute("class") or "")
                 and skip.rect["x"] >= 0 and keys.focus_visible(skip), skip.rect)

    # Sign-up, the organisation, a badge class.
    keys.follow("/sign-up")
    keys.type_into("name", "Claire Clavier")
    keys.type_into("email", EMAIL)
    keys.type_into("password", "mot-de-passe-solide")
    keys.press_button("Créer")
    keys.type_into("name", NAME)
    keys.type_into("contact_email", EMAIL)
    keys.type_into("description_fr", "Ateliers numériques pour les jeunes.")
    keys.press_button("Créer")
    report.check("keyboard: the structure signs up and creates its organisation", "/dashboard" in driver.current_url, driver.current_url)
    image = os.path.join(server.workdir, "clavier.png")
    with open(image, "wb") as handle:
        handle.write(png(128, 128, (120, 40, 90)))
    keys.follow("/creator/badge-classes")
    keys.follow("/creator/badge-classes/new")
    keys.type_into("name_fr", BADGE)
    keys.type_into("description_fr", "Utiliser le clavier pour naviguer.")
    keys.type_into("criteria_fr", "- Naviguer sans souris")
    keys.tab_to(lambda e: e.get_attribute("name") == "image", "the image field").send_keys(image)
    keys.press_button("Créer")
    report.check("keyboard: the structure creates its badge class", BADGE in driver.page_source and "/creator/badge-classes/" in driver.current_url,
                 driver.current_url)

    # « Rejoindre la démarche »: the partnership, which the Region accepts.
    def join_page():
        # « La démarche » in the menu leads to the programme's page (the only one), which offers to join.
        keys.follow("/programmes")
        if not driver.current_url.split("?")[0].endswith("/programmes/%s" % KEY):
            keys.follow("/programmes/%s" % KEY)
        keys.follow("/programmes/%s/join" % KEY)

    join_page()
    keys.press_button("Ajouter la Région comme partenaire")
    _, _, page = region.get("/network")
    block = page[page.find(NAME):] if NAME in page else ""
    partnership = re.search(r'action="/network/partnerships/(%s)/accept"' % UUID, block)
    if partnership:
        region.post("/network/partnerships/%s/accept" % partnership.group(1))
    join_page()
    report.check("keyboard: the partnership with the Region is done", "step-done" in driver.find_element("id", "step-2").get_attribute("class"))

    # The badge and its four answers.
    keys.choose("badge_class", BADGE)
    keys.choose("competency", "Organiser")
    keys.radio("level", "1")
    keys.radio("covers_all", "no")
    keys.activate(lambda e: e.tag_name == "summary" and e.text.startswith("Organiser") and "I" in e.text, "the skills of Organiser level I",
                  key=Keys.ENTER)
    for index in (0, 2):
        keys.tab_to(lambda e, i=index: e.get_attribute("id") == "skill-organiser-1-%d" % i, "skill %d" % index)
        keys.press(Keys.SPACE)
    keys.type_into("remarks", "Atelier de 12 heures.")
    keys.press_button("Enregistrer et envoyer à la Région")
    report.check("keyboard: the badge is sent with its four answers",
                 "Votre demande de partage de badge est maintenant envoyée à la Région !" in driver.page_source, driver.current_url)

    # The participant application.
    join_page()
    keys.follow("/apply/", "the participant application")
    answered = []
    for number, answer in enumerate(("Des ateliers pour 50 jeunes par an.", "Claire Clavier, 02 31 00 00 01")):
        field = keys.tab_to(lambda e: (e.get_attribute("name") or "").startswith("question-") and e.get_attribute("name") not in answered,
                            "question %d" % (number + 1))
        answered.append(field.get_attribute("name"))
        keys.press(answer)
    keys.press_button("Soumettez votre demande maintenant")
    report.check("keyboard: the participant application is sent", "Votre demande est envoyée." in driver.page_source, driver.current_url)

    # The Region accepts the submission and the candidacy (through HTTP).
    _, _, page = region.get("/programmes/%s/review" % KEY)
    for submission in set(re.findall(r'/programmes/%s/submissions/(%s)' % (KEY, UUID), page)):
        _, _, detail = region.get("/programmes/%s/submissions/%s" % (KEY, submission))
        if BADGE in detail and "/accept" in detail:
            level = re.search(r'<option value="(%s)" selected' % UUID, detail.replace('selected="selected"', "selected"))
            region.post("/programmes/%s/submissions/%s/accept" % (KEY, submission), {"final_level": level.group(1) if level else "", "note": "Bien."})
    for application in set(re.findall(r'/reviews/(%s)' % UUID, page)):
        _, _, detail = region.get("/reviews/%s" % application)
        if NAME in detail and "/approve" in detail:
            region.post("/reviews/%s/approve" % application)

    # The endorsement, asked from the guided path; the Region endorses.
    join_page()
    keys.activate(lambda e: e.tag_name == "button" and "Demander un endossement" in e.text and BADGE in e.text, "the endorsement request")
    report.check("keyboard: the endorsement is asked", "Demande envoyée." in driver.page_source, driver.current_url)
    _, _, page = region.get("/network")
    for request in set(re.findall(r'action="/network/requests/(%s)/accept"' % UUID, page)):
        region.post("/network/requests/%s/accept" % request, {"comment": "La Région reconnaît ce badge."})
    join_page()
    done = [step for step in range(1, 7) if "step-done" in driver.find_element("id", "step-%d" % step).get_attribute("class")]
    driver.save_screenshot(os.path.join(out, "a11y-keyboard-guided-path.png"))
    report.check("keyboard: a structure completes « Rejoindre la démarche » without the mouse (6 steps done)", done == list(range(1, 7)), done)
    report.check("keyboard: every focused element shows its focus", not keys.unfocused, keys.unfocused)
