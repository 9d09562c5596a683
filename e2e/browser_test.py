#!/usr/bin/env python3
"""Blason in a real browser (Chromium, headless, driven by selenium): sign up, create an
organisation and a badge class with an image, award it to two e-mails, open the public
assertion page in French and in English. Then, as an earner on a phone-sized window (390×844):
open the e-mail link, accept, switch to English, download the baked PNG, which 1EdTech's OB 2.0
validator must accept. Next, a badge application: the organisation opens applications, a person
applies on a phone in French with a PDF, the reviewer returns it, the applicant resubmits, the
reviewer approves. Then the Réseau page, clicked through by three organisations and an outsider:
partner requests declined, withdrawn, accepted and ended, endorsements of organisations and of
badge classes (one withdrawn), requests answered from a template or declined, the partner
filter, the daily digest checkbox, an external endorsement written from its e-mail link and
approved, badges shared both ways, and the whole filled page saved (reseau.png,
reseau-mutual.png). Last, the programme « La Normandie badge les compétences », clicked through in
French by a structure, the Region's reviewer and the earners: partnership, submission with the
four answers, candidacy, information asked and given, acceptance, endorsement, awards, the Region
badge proposal accepted on a phone and another declined, and the programme's dashboard.
Screenshots of each step go to --out."""
import argparse
import base64
import html
import json
import os
import re
import struct
import subprocess
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, png  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def replaced(page):
    """A wait condition: the old document is gone. Chromium may report a detached node either as
    stale or as an inspector error; both mean the next page is there."""
    def check(_driver):
        try:
            page.tag_name
            return False
        except WebDriverException:
            return True
    return check


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="test-output/screenshots")
    parser.add_argument("--obkit", required=True, help="the Open Badges verifier kit (for the baked PNG check)")
    parser.add_argument("--ob2-python", required=True, help="the python of the OB 2.0 validator's venv")
    parser.add_argument("--only", choices=["network"], help="run only this part (while working on it); the default is the whole test")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    report = Report("browser test")
    with Server() as server:
        if args.only == "network":
            network_flow(server, report, args)
            return report.finish()
        image = os.path.join(server.workdir, "badge.png")
        with open(image, "wb") as handle:
            handle.write(png(128, 128, (29, 122, 60)))
        driver = browser()
        driver.implicitly_wait(5)
        step = [0]

        def shot(name):
            step[0] += 1
            driver.save_screenshot(os.path.join(args.out, "%02d-%s.png" % (step[0], name)))

        def fill(name, value):
            field = driver.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)

        def submit():
            """Clicks the main form's button and waits for the next page to replace this one."""
            page = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            WebDriverWait(driver, 30).until(replaced(page))

        def click(by, value):
            page = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(by, value).click()
            WebDriverWait(driver, 30).until(replaced(page))

        try:
            driver.get(server.base + "/")
            report.check("home page is in French by default", driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr")
            shot("accueil")
            click(By.LINK_TEXT, "Créer un compte")
            fill("name", "Claire Formatrice")
            fill("email", "claire@structure.example.org")
            fill("password", "mot-de-passe-solide")
            shot("inscription")
            submit()
            report.check("sign-up leads to organisation creation", "/organisations/new" in driver.current_url, driver.current_url)

            fill("name", "Mission Insertion Caen")
            fill("contact_email", "contact@mission.example.org")
            fill("description_fr", "Accompagnement vers l'emploi.")
            shot("organisation")
            submit()
            report.check("organisation created, dashboard shown", "/dashboard" in driver.current_url and "Mission Insertion Caen" in driver.page_source)
            nav = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".main-nav a")]
            report.check("navigation mirrors the platform users know",
                         nav == ["Tableau de bord", "Outils de l'émetteur", "Outils du créateur", "Réseau", "La démarche", "Administration", "Rapports", "Aide"], nav)

            click(By.LINK_TEXT, "Outils du créateur")
            click(By.LINK_TEXT, "Créer un badge")
            fill("name_fr", "Accueillir le public")
            fill("name_en", "Welcoming the public")
            fill("description_fr", "Reconnaît la capacité à accueillir et orienter le public.")
            fill("description_en", "Recognises the ability to welcome and guide the public.")
            fill("criteria_fr", "- Accueillir une personne\n- L'orienter")
            fill("criteria_en", "- Welcome a person\n- Guide them")
            driver.find_element(By.NAME, "image").send_keys(image)
            fill("tags", "accueil, public")
            shot("badge-formulaire")
            submit()
            report.check("badge class created", "Badge créé." in driver.page_source and "/creator/badge-classes/" in driver.current_url, driver.current_url)
            images = driver.find_elements(By.CSS_SELECTOR, "img.badge-image")
            report.check("badge image shown with its name as text alternative",
                         any(i.get_attribute("alt") == "Accueillir le public" and i.get_property("naturalWidth") == 128 for i in images))

            click(By.LINK_TEXT, "Émettre ce badge")
            fill("recipients", "Camille Martin <camille.martin@example.org>\nyanis.benali@example.org")
            fill("evidence_url", "https://example.org/portfolio")
            shot("emission")
            submit()
            report.check("two awards made", "Badges émis : 2" in driver.page_source, driver.page_source[:500])
            shot("badge-emis")

            links = driver.find_elements(By.LINK_TEXT, "Page publique")
            public = [l.get_attribute("href") for l in links if "/assertions/" in (l.get_attribute("href") or "")]
            report.check("each award links to its public page", len(public) == 2, public)
            driver.get(public[0])
            report.check("public assertion page in French", "Ce badge est valide." in driver.page_source
                         and driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr")
            report.check("public page shows badge, issuer and criteria",
                         all(text in driver.page_source for text in ("Accueillir le public", "Mission Insertion Caen", "Critères d'obtention", "Accueillir une personne")))
            shot("assertion-fr")
            click(By.PARTIAL_LINK_TEXT, "EN –")
            report.check("public assertion page in English", "This badge is valid." in driver.page_source
                         and "Welcoming the public" in driver.page_source and "Guide them" in driver.page_source
                         and driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
            shot("assertion-en")
            downloads = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".downloads a")]
            report.check("baked PNG and SVG offered", any(d.endswith("/baked.png") for d in downloads) and any(d.endswith("/baked.svg") for d in downloads), downloads)

            # The earner, on a phone: the e-mail link (read from the outbox page, as no SMTP is configured here).
            driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button").click()
            with urllib.request.urlopen(urllib.request.Request(server.base + "/admin/mail", headers={"Accept": "text/html"})) as response:
                outbox = response.read().decode()
            link = re.search(r'href="(%s/claim/[^"]+)"' % re.escape(server.base), outbox.split("camille.martin@example.org", 1)[1])
            report.check("the award e-mail with its personal link is in the outbox", link is not None)
            driver.delete_all_cookies()  # the earner's phone is another device
            driver.set_window_size(390, 844)
            driver.get(link.group(1).replace("&amp;", "&"))
            report.check("the claim page fits a phone (no horizontal scroll)",
                         driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"))
            shot("telephone-lien")
            page = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.XPATH, "//button[normalize-space()='Accepter']").click()
            WebDriverWait(driver, 30).until(replaced(page))
            report.check("accepting opens the passport with the badge", "/passport" in driver.current_url
                         and "Accueillir le public" in driver.page_source and "Badge accepté" in driver.page_source, driver.current_url)
            shot("telephone-passeport")
            click(By.PARTIAL_LINK_TEXT, "EN –")
            report.check("the passport in English", "My passport" in driver.page_source and "Welcoming the public" in driver.page_source)
            shot("telephone-passport-en")
            png_link = driver.find_element(By.LINK_TEXT, "Download the badge as PNG").get_attribute("href")
            with urllib.request.urlopen(png_link) as response:
                baked = response.read()
            path = os.path.join(args.out, "baked-from-phone.png")
            with open(path, "wb") as handle:
                handle.write(baked)
            verdict = subprocess.run([args.ob2_python, os.path.join(args.obkit, "ob2", "ob2_verify.py"), "--png", path,
                                      "--recipient-email", "camille.martin@example.org"], capture_output=True, text=True)
            report.check("the downloaded baked PNG passes the OB 2.0 validator", verdict.returncode == 0 and '"valid": true' in verdict.stdout,
                         verdict.stdout[-800:])
            application_flow(server, report, args, shot)
            network_flow(server, report, args)
            programme_flow(server, report, args)
        finally:
            driver.quit()
    return report.finish()


def outbox_link(server, pattern, after=None):
    """The latest link matching `pattern` in the outbox page (no SMTP here, so every e-mail stays there)."""
    with urllib.request.urlopen(urllib.request.Request(server.base + "/admin/mail", headers={"Accept": "text/html"})) as response:
        page = response.read().decode()
    if after:
        page = page.split(after, 1)[1] if after in page else ""
    match = re.search(r'href="(%s%s[^"]*)"' % (re.escape(server.base), pattern), page)
    return match.group(1).replace("&amp;", "&") if match else None


def application_flow(server, report, args, shot):
    reviewer, applicant = browser(), browser()
    reviewer.implicitly_wait(5)
    applicant.implicitly_wait(5)
    applicant.set_window_size(390, 844)

    def go(driver, by, value):
        page = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(by, value).click()
        WebDriverWait(driver, 30).until(replaced(page))

    def fill(driver, name, value):
        field = driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)

    try:
        # The organisation opens applications on its badge class.
        reviewer.get(server.base + "/sign-in")
        fill(reviewer, "email", "claire@structure.example.org")
        fill(reviewer, "password", "mot-de-passe-solide")
        go(reviewer, By.CSS_SELECTOR, "main form button[type=submit]")
        go(reviewer, By.LINK_TEXT, "Outils du créateur")
        go(reviewer, By.PARTIAL_LINK_TEXT, "Accueillir le public")
        go(reviewer, By.LINK_TEXT, "Demandes de badge")
        fill(reviewer, "q1_label_fr", "Décrivez votre expérience d'accueil")
        fill(reviewer, "q2_label_fr", "Justificatif (PDF)")
        reviewer.find_element(By.CSS_SELECTOR, "select[name=q2_kind] option[value=file]").click()
        go(reviewer, By.XPATH, "//button[normalize-space()='Enregistrer et ouvrir les demandes']")
        report.check("applications are open", "Demandes ouvertes." in reviewer.page_source)
        apply_url = reviewer.find_element(By.LINK_TEXT, "Page publique de demande").get_attribute("href")
        qr = reviewer.find_element(By.CSS_SELECTOR, "img.qr-code")
        report.check("the apply page has a QR code", qr.get_property("naturalWidth") > 100)

        # A person applies on a phone, in French, with a PDF.
        applicant.get(apply_url)
        report.check("the apply page is in French and fits a phone", "Soumettez votre demande maintenant" in applicant.page_source
                     and applicant.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"))
        fill(applicant, "name", "Inès Moreau")
        fill(applicant, "email", "ines.moreau@example.org")
        questions = applicant.find_elements(By.CSS_SELECTOR, "textarea[name^='question-'], input[name^='question-']")
        text_field = [q for q in questions if q.get_attribute("type") != "file"][0]
        file_field = [q for q in questions if q.get_attribute("type") == "file"][0]
        text_field.send_keys("J'accueille le public d'une médiathèque depuis un an.")
        pdf = os.path.join(args.out, "justificatif.pdf")
        with open(pdf, "wb") as handle:
            handle.write(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
        file_field.send_keys(pdf)
        shot_with(applicant, args, "demande-telephone")
        go(applicant, By.XPATH, "//button[normalize-space()='Soumettez votre demande maintenant']")
        report.check("the applicant is asked to confirm by e-mail", "Vérifiez votre messagerie" in applicant.page_source)
        applicant.get(outbox_link(server, "/applications/confirm/"))
        report.check("confirming sends the application", "en cours d&apos;examen" in applicant.page_source or "en cours d'examen" in applicant.page_source)
        applicant_page = applicant.current_url

        # The reviewer returns it.
        reviewer.get(server.base + "/reviews")
        go(reviewer, By.LINK_TEXT, "Inès Moreau")
        report.check("the reviewer sees the answers and the PDF", "médiathèque" in reviewer.page_source and "justificatif.pdf" in reviewer.page_source)
        fill(reviewer, "comment", "Précisez depuis quand.")
        go(reviewer, By.XPATH, "//button[normalize-space()='Renvoyer au demandeur']")
        shot_with(reviewer, args, "evaluation-renvoi")

        # The applicant resubmits from their page.
        applicant.get(applicant_page)
        report.check("the applicant sees the request for changes", "Précisez depuis quand." in applicant.page_source
                     and "Compléter et renvoyer la demande" in applicant.page_source)
        field = applicant.find_element(By.CSS_SELECTOR, "form textarea[name^='question-'], form input[name^='question-'][type=text]")
        field.clear()
        field.send_keys("J'accueille le public d'une médiathèque depuis mars 2025.")
        go(applicant, By.XPATH, "//button[normalize-space()='Renvoyer ma demande']")
        report.check("the applicant resubmitted", "Demande renvoyée." in applicant.page_source)
        shot_with(applicant, args, "demande-renvoyee")

        # The reviewer approves.
        reviewer.refresh()
        report.check("the reviewer sees the new version", "depuis mars 2025" in reviewer.page_source and "Version 2" in reviewer.page_source)
        go(reviewer, By.XPATH, "//button[normalize-space()='Accepter']")
        report.check("the application is approved", "Décision enregistrée" in reviewer.page_source and "acceptée" in reviewer.page_source)
        applicant.get(applicant_page)
        report.check("the applicant sees it approved", "acceptée" in applicant.page_source)
        shot_with(applicant, args, "demande-acceptee")
        report.check("the badge e-mail is on its way to the applicant", outbox_link(server, "/claim/", after="ines.moreau@example.org") is not None)
    finally:
        reviewer.quit()
        applicant.quit()


def network_flow(server, report, args):
    """Three organisations, in French, clicking through every part of the Réseau page: partner
    requests declined, withdrawn, accepted and ended from either side; endorsements both ways, of
    an organisation and of a badge class, one withdrawn; a request answered from a template, one
    declined, one left pending; the partner filter's four links; the daily digest checkbox; an
    external endorsement written by an outsider from the e-mail link and approved; badges shared
    both ways. The filled page is saved whole (`reseau.png`), and under the mutual filter
    (`reseau-mutual.png`)."""
    a, b, c = browser(), browser(), browser()
    outsider = None
    for driver in (a, b, c):
        driver.implicitly_wait(5)
    image = os.path.join(server.workdir, "reseau-badge.png")
    with open(image, "wb") as handle:
        handle.write(png(128, 128, (122, 60, 29)))

    def go(driver, by, value):
        page = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(by, value).click()
        WebDriverWait(driver, 30).until(replaced(page))

    def button(driver, label, within="//main"):
        go(driver, By.XPATH, "%s//button[normalize-space()=\"%s\"]" % (within, label))

    def fill(driver, selector, value):
        field = driver.find_element(By.CSS_SELECTOR, selector)
        field.clear()
        field.send_keys(value)

    def choose(driver, within, name, label):
        driver.find_element(By.XPATH, "%s//select[@name='%s']/option[normalize-space()=\"%s\"]" % (within, name, label)).click()

    def text(driver, section):
        return driver.find_element(By.ID, section).text

    def partner(name):
        """The partner's entry in the list of the Réseau page."""
        return "//section[@id='partners']//li[@class='partner' and p/a/strong[normalize-space()=\"%s\"]]" % name

    def partners(driver):
        """The names the partner list shows (read at once: an empty list must not wait)."""
        return sorted(driver.execute_script(
            "return [...document.querySelectorAll('#partners li.partner > p strong')].map(e => e.textContent.trim())"))

    def network(driver):
        go(driver, By.XPATH, "//nav//a[normalize-space()='Réseau']")

    def join(driver, name, email, organisation, city):
        driver.get(server.base + "/sign-up")
        fill(driver, "input[name=name]", name)
        fill(driver, "input[name=email]", email)
        fill(driver, "input[name=password]", "mot-de-passe-solide")
        go(driver, By.CSS_SELECTOR, "main form button[type=submit]")
        fill(driver, "input[name=name]", organisation)
        fill(driver, "input[name=contact_email]", email)
        fill(driver, "input[name=city]", city)
        go(driver, By.CSS_SELECTOR, "main form button[type=submit]")

    def new_badge(driver, name, description):
        """Creates a badge class from « Outils du créateur »; returns its id."""
        go(driver, By.LINK_TEXT, "Outils du créateur")
        go(driver, By.LINK_TEXT, "Créer un badge")
        fill(driver, "input[name=name_fr]", name)
        fill(driver, "textarea[name=description_fr]", description)
        fill(driver, "textarea[name=criteria_fr]", "- Préparer\n- Réaliser")
        driver.find_element(By.NAME, "image").send_keys(image)
        go(driver, By.CSS_SELECTOR, "main form button[type=submit]")
        found = re.search(r"/creator/badge-classes/([0-9a-f-]{36})", driver.current_url)
        return found.group(1) if found and "Badge créé." in driver.page_source else None

    def ask_partnership(driver, search, name):
        network(driver)
        fill(driver, "input[name=search]", search)
        button(driver, "Rechercher")
        go(driver, By.XPATH, "//section[contains(@class,'add-partner')]//li[contains(., \"%s\")]/a[normalize-space()='Ajouter comme partenaire']" % name)
        button(driver, "Confirmer")
        return "Demande de partenariat envoyée." in driver.page_source

    def endorse(driver, name, comment="", badge=None, template=None):
        """« Endosser » in the partner's entry: the organisation, or one of its badge classes."""
        item = partner(name)
        driver.find_element(By.XPATH, item + "//summary[normalize-space()='Endosser']").click()
        if badge:
            choose(driver, item, "badge_class", badge)
        if template:
            choose(driver, item, "template", template)
        if comment:
            driver.find_element(By.XPATH, item + "//textarea[@name='comment']").send_keys(comment)
        button(driver, "Endosser", item)
        return "Endossement publié." in driver.page_source

    def ask_endorsement(driver, name, message, badge=None):
        item = partner(name)
        driver.find_element(By.XPATH, item + "//summary[normalize-space()='Demander un endossement']").click()
        if badge:
            choose(driver, item, "badge_class", badge)
        driver.find_element(By.XPATH, item + "//textarea[@name='message']").send_keys(message)
        button(driver, "Envoyer la demande", item)
        return "Demande envoyée." in driver.page_source

    def filter_link(labels):
        return "//section[@id='partners']//nav[contains(@class,'filters')]//a[%s]" % " or ".join("normalize-space()=\"%s\"" % l for l in labels)

    def filters(driver, expected):
        """Clicks each filter link in turn; returns {filter: (partners listed, link marked current)}
        beside what is expected."""
        seen = {}
        for labels in expected:
            go(driver, By.XPATH, filter_link(labels))
            seen[labels[0]] = (partners(driver), driver.find_element(By.XPATH, filter_link(labels)).get_attribute("aria-current") == "page")
        return seen, {labels[0]: (sorted(names), True) for labels, names in expected.items()}

    everyone = ("Tout", "Toutes")  # « Tout » is the wording users know; older builds read « Toutes ».
    we_endorse, they_endorse, mutual = ("nous les endossons",), ("ils nous endossent",), ("endossement mutuel",)

    def full_page(driver, name):
        """The whole document, not only the window (Chromium's capture beyond the viewport)."""
        size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = size.get("cssContentSize") or size["contentSize"]
        data = base64.b64decode(driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})["data"])
        with open(os.path.join(args.out, name), "wb") as handle:
            handle.write(data)
        height = struct.unpack(">I", data[20:24])[0]
        return height, driver.execute_script("return [document.documentElement.scrollHeight, window.innerHeight]")

    try:
        join(a, "Anne Alpha", "anne@alpha.example.org", "Atelier Alpha", "Rouen")
        join(b, "Bruno Beta", "bruno@beta.example.org", "Bureau Beta", "Caen")
        join(c, "Chloé Gamma", "chloe@gamma.example.org", "Collectif Gamma", "Le Havre")
        alpha_badge = new_badge(a, "Accueillir les visiteurs", "Accueillir et orienter les visiteurs d'un atelier.")
        beta_badge = new_badge(b, "Guider une visite", "Guider un groupe pendant une visite.")
        report.check("network: each side has a badge class", alpha_badge is not None and beta_badge is not None)

        network(a)
        report.check("the Réseau page has the sections users know", all(title in a.page_source for title in (
            "Endossements de partenaires", "Endossements externes", "Badges que nous avons endossés", "Badges partagés avec les partenaires",
            "Badges partagés avec nous", "Modèles d'endossement", "Envoyez-moi des notifications journalières")))
        report.check("partner request sent", ask_partnership(a, "Bureau", "Bureau Beta")
                     and "demande envoyée, en attente" in a.find_element(By.XPATH, partner("Bureau Beta")).text)

        # Gamma asks Alpha, which declines; Gamma asks Beta, then withdraws its request.
        report.check("network: Gamma asks Alpha to be its partner", ask_partnership(c, "Atelier", "Atelier Alpha"))
        report.check("network: Gamma asks Beta to be its partner", ask_partnership(c, "Caen", "Bureau Beta"))
        button(c, "Retirer la demande", partner("Bureau Beta"))
        report.check("network: Gamma withdraws its pending request to Beta", "Enregistré." in c.page_source
                     and partners(c) == ["Atelier Alpha"], partners(c))
        network(a)
        report.check("network: Alpha sees Gamma's request", "vous demande d'être partenaire" in a.find_element(By.XPATH, partner("Collectif Gamma")).text)
        button(a, "Refuser", partner("Collectif Gamma"))
        report.check("network: Alpha declines Gamma's request", "Enregistré." in a.page_source and partners(a) == ["Bureau Beta"], partners(a))
        network(c)
        report.check("network: the declined request is gone from Gamma's list too", partners(c) == [], partners(c))

        network(b)
        report.check("network: Beta does not see the withdrawn request", partners(b) == ["Atelier Alpha"], partners(b))
        button(b, "Accepter", partner("Atelier Alpha"))
        report.check("the other side accepts", "vous demande d" not in b.page_source
                     and "partenaire" in b.find_element(By.XPATH, partner("Atelier Alpha")).text)
        report.check("Beta endorses Alpha", endorse(b, "Atelier Alpha", "Un atelier sérieux et bienveillant."))

        # Alpha asks Gamma in turn, Gamma accepts and endorses Alpha.
        report.check("network: Alpha asks Gamma to be its partner", ask_partnership(a, "Havre", "Collectif Gamma"))
        network(c)
        button(c, "Accepter", partner("Atelier Alpha"))
        report.check("network: Gamma accepts", "Enregistré." in c.page_source)
        report.check("network: Gamma endorses Alpha", endorse(c, "Atelier Alpha", "Des ateliers ouverts à tous."))

        network(a)
        report.check("network: Alpha endorses Beta", endorse(a, "Bureau Beta", "Un bureau d'accueil efficace."))
        report.check("Alpha asks for an endorsement", ask_endorsement(a, "Bureau Beta", "Merci de nous recommander."))

        network(b)
        b.find_element(By.XPATH, "//section[@id='templates']//summary").click()
        fill(b, "#template-name-new", "Recommandation")
        fill(b, "#template-fr-new", "Nous recommandons ce partenaire.")
        button(b, "Enregistrer le modèle", "//section[@id='templates']")
        choose(b, "//section[@id='requests']", "template", "Recommandation")
        button(b, "Endosser", "//section[@id='requests']")
        report.check("Beta answers from its template", "Endossement publié." in b.page_source and "Nous recommandons ce partenaire." in text(b, "endorsed"))

        # Alpha's own template, and with it the endorsement of one of Beta's badge classes.
        network(a)
        a.find_element(By.XPATH, "//section[@id='templates']/details/summary").click()
        fill(a, "#template-name-new", "Badge reconnu")
        fill(a, "#template-fr-new", "Nous reconnaissons ce badge et les compétences qu'il atteste.")
        fill(a, "#template-en-new", "We recognise this badge and the skills it stands for.")
        button(a, "Enregistrer le modèle", "//section[@id='templates']")
        report.check("network: Alpha saves a template", "Badge reconnu" in text(a, "templates"))
        report.check("network: Alpha endorses Beta's badge class from its template",
                     endorse(a, "Bureau Beta", badge="Guider une visite", template="Badge reconnu"))
        endorsed = text(a, "endorsed")
        report.check("network: the badge class endorsement is under « Badges que nous avons endossés »",
                     "Bureau Beta — Guider une visite" in endorsed and "Nous reconnaissons ce badge et les compétences qu'il atteste." in endorsed, endorsed)
        status, body, _ = server.get("/badges/" + beta_badge)
        report.check("network: Beta's BadgeClass lists the endorsement", status == 200 and len(json.loads(body).get("endorsement") or []) == 1,
                     body[:300])

        # The filter, clicked: Beta and Alpha endorse each other; Gamma endorses Alpha only.
        seen, expected = filters(a, {everyone: ["Bureau Beta", "Collectif Gamma"], we_endorse: ["Bureau Beta"],
                                     they_endorse: ["Bureau Beta", "Collectif Gamma"], mutual: ["Bureau Beta"]})
        report.check("network: Alpha's filter links list the right partners", seen == expected, seen)
        report.check("network: the filter is a link clicked, its choice in the address", "filter=mutual" in a.current_url, a.current_url)
        seen, expected = filters(c, {everyone: ["Atelier Alpha"], we_endorse: ["Atelier Alpha"], they_endorse: [], mutual: []})
        report.check("network: Gamma's filter links list the right partners", seen == expected
                     and "Aucun partenaire." in text(c, "partners"), seen)

        # Requests: Gamma's is declined, Beta's stays pending.
        network(c)
        report.check("network: Gamma asks Alpha for an endorsement", ask_endorsement(c, "Atelier Alpha", "Pouvez-vous nous recommander ?"))
        report.check("network: Beta asks Alpha to endorse its badge class",
                     ask_endorsement(b, "Atelier Alpha", "Merci d'endosser notre badge de visite.", badge="Guider une visite"))
        network(a)
        requests = text(a, "requests")
        report.check("network: Alpha sees both requests", "Collectif Gamma" in requests and "Bureau Beta — Guider une visite" in requests, requests)
        button(a, "Refuser", "//section[@id='requests']//li[contains(., 'Collectif Gamma')]")
        requests = text(a, "requests")
        report.check("network: Alpha declines Gamma's request", "Enregistré." in a.page_source and "Collectif Gamma" not in requests
                     and "Bureau Beta" in requests, requests)

        # Ending partnerships: Gamma (the side that was asked) ends its partnership with Alpha;
        # Beta asks Gamma, Gamma accepts, Beta (the side that asked) ends it.
        network(c)
        button(c, "Mettre fin au partenariat", partner("Atelier Alpha"))
        report.check("network: Gamma ends the partnership with Alpha", "Enregistré." in c.page_source and partners(c) == [], partners(c))
        network(a)
        report.check("network: Alpha no longer lists Gamma", partners(a) == ["Bureau Beta"], partners(a))
        report.check("network: Beta asks Gamma to be its partner", ask_partnership(b, "Gamma", "Collectif Gamma"))
        network(c)
        button(c, "Accepter", partner("Bureau Beta"))
        network(b)
        report.check("network: Gamma accepted Beta", "Mettre fin au partenariat" in b.find_element(By.XPATH, partner("Collectif Gamma")).text)
        button(b, "Mettre fin au partenariat", partner("Collectif Gamma"))
        report.check("network: Beta ends the partnership with Gamma", "Enregistré." in b.page_source and partners(b) == ["Atelier Alpha"], partners(b))
        network(c)
        report.check("network: Gamma no longer lists Beta", partners(c) == [], partners(c))

        # The daily digest checkbox.
        network(a)
        report.check("network: the digest checkbox starts unticked", not a.find_element(By.ID, "field-digest").is_selected())
        a.find_element(By.XPATH, "//label[normalize-space()=\"Envoyez-moi des notifications journalières pour les demandes d'endossement en attente\"]").click()
        button(a, "Enregistrer", "//form[contains(@action, '/network/digest')]")
        report.check("network: the digest choice is saved", "Enregistré." in a.page_source and a.find_element(By.ID, "field-digest").is_selected())
        a.refresh()
        report.check("network: the digest box stays ticked after reload", a.find_element(By.ID, "field-digest").is_selected())

        # An external endorsement: asked by e-mail, written by the outsider, approved by Alpha.
        external = "//section[@id='external']"
        a.find_element(By.XPATH, external + "//summary[normalize-space()='Demander un endossement à une personne extérieure']").click()
        fill(a, "#external input[name=email]", "sophie.durand@example.org")
        choose(a, external, "badge_class", "Accueillir les visiteurs")
        fill(a, "#external textarea[name=message]", "Vous avez suivi nos ateliers : quelques mots ?")
        button(a, "Envoyer la demande", external)
        report.check("network: Alpha asks an outsider for an endorsement", "Demande envoyée." in a.page_source)
        mails = [m for m in outbox_mails(server) if "sophie.durand@example.org" in m[1]]
        link = next((l for l in mails[0][2] if "/endorse/" in l), None) if mails else None
        report.check("network: the outsider's e-mail with its link is in the outbox", link is not None
                     and mails[0][0] == "Atelier Alpha vous demande d'endosser « Accueillir les visiteurs »", mails)
        outsider = browser()  # another person, another browser: no session
        outsider.implicitly_wait(5)
        outsider.get(link)
        page = outsider.find_element(By.TAG_NAME, "main").text
        report.check("network: the outsider's page, signed out, names the organisation, the badge and the message",
                     outsider.find_element(By.TAG_NAME, "h1").text == "Endosser « Accueillir les visiteurs »"
                     and "Atelier Alpha vous demande d'endosser « Accueillir les visiteurs »" in page and "Vous avez suivi nos ateliers" in page
                     and not outsider.execute_script("return document.querySelector('form[action=\"/sign-out\"]')"), page[:300])
        fill(outsider, "input[name=name]", "Sophie Durand")
        fill(outsider, "input[name=affiliation]", "Université de Caen")
        fill(outsider, "textarea[name=comment]", "Des ateliers d'accueil exemplaires, j'en témoigne.")
        outsider.save_screenshot(os.path.join(args.out, "reseau-endossement-externe.png"))
        button(outsider, "Envoyer l'endossement")
        heading = outsider.find_element(By.TAG_NAME, "h1").text
        report.check("network: the outsider sees the thank-you message",
                     "Merci ! Votre endossement sera publié après validation." in outsider.find_element(By.TAG_NAME, "main").text)
        report.check("network: the thank-you page is a page, not « Erreur 200 »", "Erreur" not in heading and heading == "Endossements", heading)
        outsider.save_screenshot(os.path.join(args.out, "reseau-endossement-merci.png"))
        outsider.get(link)
        report.check("network: the link cannot be used twice", "Lien déjà utilisé" in outsider.find_element(By.TAG_NAME, "main").text
                     and outsider.execute_script("return document.querySelector('textarea[name=comment]') === null"),
                     outsider.find_element(By.TAG_NAME, "main").text[:200])
        network(a)
        row = external + "//li[contains(., 'Sophie Durand')]"
        report.check("network: the external endorsement awaits Alpha's approval",
                     "Sophie Durand, Université de Caen" in a.find_element(By.XPATH, row).text and "à valider" in a.find_element(By.XPATH, row).text
                     and "Accueillir les visiteurs" in a.find_element(By.XPATH, row).text)
        button(a, "Publier", row)
        item = a.find_element(By.XPATH, row).text
        report.check("network: Alpha approves it, it is published", "Enregistré." in a.page_source and "valide" in item and "à valider" not in item, item)
        status, body, _ = server.get(a.find_element(By.XPATH, row + "//a[normalize-space()='Open Badges']").get_attribute("href"))
        claim = json.loads(body).get("claim", {}) if status == 200 else {}
        report.check("network: its Open Badges Endorsement answers", claim.get("endorsementComment") == "Des ateliers d'accueil exemplaires, j'en témoigne.",
                     body[:300])
        status, body, _ = server.get("/badges/" + alpha_badge)
        report.check("network: Alpha's BadgeClass lists the external endorsement", status == 200 and len(json.loads(body).get("endorsement") or []) == 1,
                     body[:300])

        # Beta withdraws its first endorsement of Alpha; the one from the template stays.
        network(b)
        row = "//section[@id='endorsed']//li[contains(., 'Un atelier sérieux et bienveillant.')]"
        withdrawn = b.find_element(By.XPATH, row + "//a[normalize-space()='Open Badges']").get_attribute("href")
        button(b, "Retirer", row)
        endorsed = text(b, "endorsed")
        report.check("network: Beta withdraws one endorsement, it leaves its list", "Enregistré." in b.page_source
                     and "Un atelier sérieux et bienveillant." not in endorsed and "Nous recommandons ce partenaire." in endorsed, endorsed)
        status, body, _ = server.get(withdrawn)
        report.check("network: the withdrawn endorsement answers as revoked", status == 410 and json.loads(body).get("revoked") is True, (status, body[:200]))

        # Badges shared both ways, so that every section of the page has something.
        for driver, badge, name, instructions in ((a, "Accueillir les visiteurs", "Bureau Beta", "À remettre après une demi-journée d'accueil."),
                                                  (b, "Guider une visite", "Atelier Alpha", "À remettre après une visite guidée.")):
            network(driver)
            go(driver, By.LINK_TEXT, "Partager un badge avec les partenaires")
            choose(driver, "//main", "badge_class", badge)
            driver.find_element(By.XPATH, "//fieldset[@id='field-partners']//label[normalize-space()=\"%s\"]" % name).click()
            fill(driver, "textarea[name=instructions]", instructions)
            button(driver, "Partager")
            report.check("network: %s shares « %s »" % ("Alpha" if driver is a else "Beta", badge), "Badge partagé." in driver.page_source
                         and badge in text(driver, "shared-with-partners"))
        button(b, "Accepter", "//section[@id='shared-with-us']//tr[contains(., 'Accueillir les visiteurs')]")
        network(a)
        button(a, "Accepter", "//section[@id='shared-with-us']//tr[contains(., 'Guider une visite')]")
        report.check("network: Alpha accepts Beta's shared badge", "accepté" in a.find_element(
            By.XPATH, "//section[@id='shared-with-us']//tr[contains(., 'Guider une visite')]").text)

        # The whole page, every section filled, then under the mutual filter.
        network(a)
        go(a, By.XPATH, filter_link(everyone))
        empty = a.execute_script("""
            const placeholders = ["Aucun partenaire.", "Aucun endossement.", "Aucune demande en attente.", "Aucun badge partagé pour l'instant."];
            return [...document.querySelectorAll('main section[id]')].filter(s => !s.querySelector('li, tr')
                || placeholders.some(p => [...s.querySelectorAll(':scope > p')].some(e => e.textContent.trim() === p))).map(s => s.id)""")
        report.check("network: every section of Alpha's Réseau page is filled", empty == [], empty)
        report.check("network: Alpha's page shows Beta as mutual partner, the pending request and the external endorsement",
                     partners(a) == ["Bureau Beta"] and "Bureau Beta — Guider une visite" in text(a, "requests")
                     and "Sophie Durand" in text(a, "external"))
        height, (document, window) = full_page(a, "reseau.png")
        report.check("network: reseau.png holds the whole page, beyond the window", height >= document > window, (height, document, window))
        go(a, By.XPATH, filter_link(mutual))
        report.check("the mutual filter lists the partner", partners(a) == ["Bureau Beta"], partners(a))
        height, (document, window) = full_page(a, "reseau-mutual.png")
        report.check("network: reseau-mutual.png holds the whole page", height >= document, (height, document))
    except WebDriverException as error:
        report.check("network: every step can be clicked through", False, str(error).splitlines()[0])
        for name, driver in (("alpha", a), ("beta", b), ("gamma", c), ("outsider", outsider)):
            if driver:
                driver.save_screenshot(os.path.join(args.out, "reseau-failure-%s.png" % name))
    finally:
        for driver in (a, b, c, outsider):
            if driver:
                driver.quit()


def outbox_mails(server):
    """The e-mails of the outbox page as (subject, to, [links]), newest first."""
    with urllib.request.urlopen(urllib.request.Request(server.base + "/admin/mail", headers={"Accept": "text/html"})) as response:
        page = response.read().decode()
    mails = []
    for item in page.split("<li><details>")[1:]:
        subject = html.unescape(re.sub(r"<[^>]+>", "", item.split("</strong>", 1)[0]))
        to = html.unescape(re.sub(r"<[^>]+>", "", item.split("</strong>", 1)[1].split("<span", 1)[0])).strip(" —")
        mails.append((subject, to, [html.unescape(link) for link in re.findall(r'href="(http[^"]+)"', item)]))
    return mails


def programme_flow(server, report, args):
    """« La Normandie badge les compétences », in French, clicked through by a structure, the Region's
    reviewer (made with the command line) and the earners; one screenshot per step."""
    server.cli("user", "create", "--email", "instruction@normandie.fr", "--password", "mot-de-passe-solide", "--name", "Inès Instructrice",
               "--org", "region-normandie", "--role", "admin")
    structure, region, earner = browser(), browser(), browser()
    for driver in (structure, region, earner):
        driver.implicitly_wait(5)
    earner.set_window_size(390, 844)
    count = [0]
    image = os.path.join(args.out, "programme-badge.png")
    with open(image, "wb") as handle:
        handle.write(png(128, 128, (11, 79, 138)))

    def shot(driver, name, focus=None):
        """Saves the window, scrolled first to the part of the page the step is about (an XPath)."""
        if focus:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", driver.find_element(By.XPATH, focus))
        count[0] += 1
        driver.save_screenshot(os.path.join(args.out, "programme-%02d-%s.png" % (count[0], name)))

    def go(driver, by, value):
        page = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(by, value).click()
        WebDriverWait(driver, 30).until(replaced(page))

    def button(driver, label, within="//main"):
        go(driver, By.XPATH, "%s//button[normalize-space()=\"%s\"]" % (within, label))

    def fill(driver, selector, value):
        field = driver.find_element(By.CSS_SELECTOR, selector)
        field.clear()
        field.send_keys(value)

    def choose(driver, name, label):
        driver.find_element(By.XPATH, "//select[@name='%s']/option[normalize-space()=\"%s\"]" % (name, label)).click()

    def text(driver):
        return driver.find_element(By.TAG_NAME, "main").text

    def new_badge(name, description):
        go(structure, By.LINK_TEXT, "Outils du créateur")
        go(structure, By.LINK_TEXT, "Créer un badge")
        fill(structure, "input[name=name_fr]", name)
        fill(structure, "textarea[name=description_fr]", description)
        fill(structure, "textarea[name=criteria_fr]", "- Préparer\n- Réaliser\n- Faire le bilan")
        structure.find_element(By.NAME, "image").send_keys(image)
        go(structure, By.CSS_SELECTOR, "main form button[type=submit]")
        return "Badge créé." in structure.page_source

    try:
        # The structure: an account, its organisation, two badge classes.
        structure.get(server.base + "/sign-up")
        fill(structure, "input[name=name]", "Jeanne Dupont")
        fill(structure, "input[name=email]", "contact@maison-des-jeunes.example.org")
        fill(structure, "input[name=password]", "mot-de-passe-solide")
        go(structure, By.CSS_SELECTOR, "main form button[type=submit]")
        fill(structure, "input[name=name]", "Maison des jeunes de Caen")
        fill(structure, "input[name=contact_email]", "contact@maison-des-jeunes.example.org")
        fill(structure, "input[name=city]", "Caen")
        go(structure, By.CSS_SELECTOR, "main form button[type=submit]")
        report.check("programme: the structure has its organisation", "/dashboard" in structure.current_url)
        report.check("programme: the structure creates two badge classes", new_badge("Animer un atelier", "Animer un atelier collectif.")
                     and new_badge("Tenir un stand", "Tenir un stand d'information."))

        # The presentation, then « Rejoindre la démarche ».
        go(structure, By.LINK_TEXT, "La démarche")
        report.check("programme: the presentation shows the referential and the contact",
                     "Présentation des compétences attendues sur les badges Région" in text(structure) and "badges-formation@normandie.fr" in text(structure))
        shot(structure, "presentation")
        go(structure, By.LINK_TEXT, "Rejoindre la démarche")
        report.check("programme: the join page lists the six steps, the first done",
                     len(structure.find_elements(By.CSS_SELECTOR, "ol.checklist > li")) == 6
                     and "step-done" in structure.find_element(By.ID, "step-1").get_attribute("class"))
        shot(structure, "rejoindre")

        # Réseau › Ajouter un nouveau partenaire › Région Normandie › Confirmer; the Region accepts.
        go(structure, By.LINK_TEXT, "Réseau")
        fill(structure, "input[name=search]", "Région")
        button(structure, "Rechercher")
        go(structure, By.XPATH, "//li[contains(., 'Région Normandie')]/a[normalize-space()='Ajouter comme partenaire']")
        shot(structure, "partenaire-confirmer")
        button(structure, "Confirmer")
        report.check("programme: the structure asks the Region to be its partner", "Demande de partenariat envoyée." in structure.page_source)
        region.get(server.base + "/sign-in")
        fill(region, "input[name=email]", "instruction@normandie.fr")
        fill(region, "input[name=password]", "mot-de-passe-solide")
        go(region, By.CSS_SELECTOR, "main form button[type=submit]")
        go(region, By.LINK_TEXT, "Réseau")
        report.check("programme: the Region sees the request", "Maison des jeunes de Caen" in region.find_element(By.ID, "partners").text)
        shot(region, "region-demande-partenariat", "//section[@id='partners']")
        button(region, "Accepter", "//li[@class='partner' and contains(., 'Maison des jeunes de Caen')]")
        report.check("programme: the Region accepts the partnership", "Enregistré." in region.page_source)

        # The four answers, in the join page's form.
        go(structure, By.LINK_TEXT, "La démarche")
        go(structure, By.LINK_TEXT, "Rejoindre la démarche")
        report.check("programme: the partnership shows as done", "step-done" in structure.find_element(By.ID, "step-2").get_attribute("class"))
        choose(structure, "badge_class", "Animer un atelier")
        choose(structure, "competency", "Organiser")
        structure.find_element(By.CSS_SELECTOR, "label[for=level-0]").click()
        structure.find_element(By.CSS_SELECTOR, "label[for=covers_all-1]").click()
        structure.find_element(By.XPATH, "//input[@id='skill-organiser-1-0']/parent::div/parent::details/summary").click()
        structure.find_element(By.CSS_SELECTOR, "label[for=skill-organiser-1-0]").click()
        structure.find_element(By.CSS_SELECTOR, "label[for=skill-organiser-1-2]").click()
        fill(structure, "textarea[name=remarks]", "Atelier de 20 heures, évalué en situation.")
        shot(structure, "soumission-formulaire")
        button(structure, "Enregistrer et envoyer à la Région")
        report.check("programme: the badge is sent to the Region", "Votre demande de partage de badge est maintenant envoyée à la Région !" in structure.page_source)
        shot(structure, "soumission-envoyee")

        # The candidacy for the participant badge.
        go(structure, By.XPATH, "//main//a[normalize-space()='Demander le badge participant']")
        report.check("programme: the apply page shows the submitted badge", "Animer un atelier" in text(structure))
        fields = structure.find_elements(By.CSS_SELECTOR, "textarea[name^='question-'], input[name^='question-']")
        fields[0].send_keys("Nous accompagnons 200 jeunes par an vers l'emploi.")
        fields[1].send_keys("Jeanne Dupont, 02 31 00 00 00")
        shot(structure, "candidature")
        button(structure, "Soumettez votre demande maintenant")
        report.check("programme: the candidacy is sent", "Votre demande est envoyée." in structure.page_source)

        # The Region: the queue, the submission, a question.
        go(region, By.LINK_TEXT, "La démarche")
        go(region, By.LINK_TEXT, "Examen des candidatures")
        report.check("programme: the queue lists the candidacy", "Maison des jeunes de Caen" in region.find_element(By.ID, "candidacies").text)
        shot(region, "examen")
        go(region, By.XPATH, "//section[@id='candidacies']//a[normalize-space()='Animer un atelier']")
        report.check("programme: the referential is beside the answers", "non couverte" in text(region)
                     and "Identifier et prioriser les tâches" in text(region))
        fill(region, "form[action$='/info'] textarea[name=message]", "Combien d'heures dure l'atelier ?")
        shot(region, "soumission-region", "//form[contains(@action, '/info')]")
        button(region, "Envoyer la demande")
        report.check("programme: the Region asks for more information", "Combien d'heures dure l'atelier ?" in text(region))
        submission_url = region.current_url

        # The structure replies from the link in its e-mail.
        info = [m for m in outbox_mails(server) if m[0].startswith("Badge « Animer un atelier » : la Région demande des précisions")]
        report.check("programme: the information request is e-mailed to the structure", len(info) == 1
                     and info[0][1] == "contact@maison-des-jeunes.example.org", info)
        # The e-mail leads to « Rejoindre la démarche », whose table opens the submission.
        structure.get(next((link for link in info[0][2] if "/programmes/" in link), submission_url) if info else submission_url)
        go(structure, By.XPATH, "//main//table//a[normalize-space()='Animer un atelier']")
        report.check("programme: the structure reads the question", "Combien d'heures dure l'atelier ?" in text(structure))
        fill(structure, "textarea[name=message]", "Vingt heures, sur cinq semaines.")
        shot(structure, "reponse", "//form[contains(@action, '/reply')]")
        button(structure, "Répondre")
        report.check("programme: the structure replies", "Message envoyé." in structure.page_source)

        # The Region accepts the submission, linked at the level asked, then the candidacy.
        region.refresh()
        report.check("programme: the Region reads the reply", "Vingt heures, sur cinq semaines." in text(region))
        selected = region.find_element(By.CSS_SELECTOR, "select[name=final_level] option:checked").text
        fill(region, "textarea[name=note]", "Badge cohérent avec le référentiel.")
        shot(region, "acceptation-soumission", "//form[contains(@action, '/accept')]")
        button(region, "Accepter et rattacher")
        report.check("programme: the submission is accepted at the level asked", "Organiser" in selected and "Décision enregistrée" in region.page_source
                     and selected in text(region), selected)
        shot(region, "soumission-acceptee")
        go(region, By.LINK_TEXT, "La démarche")
        go(region, By.LINK_TEXT, "Examen des candidatures")
        go(region, By.XPATH, "//section[@id='candidacies']//h3/a[normalize-space()='Maison des jeunes de Caen']")
        report.check("programme: the candidacy links to the submission", "Animer un atelier" in region.find_element(By.ID, "linked").text)
        shot(region, "candidature-region", "//section[@id='linked']")
        button(region, "Accepter")
        report.check("programme: the Region accepts the candidacy", "Décision enregistrée" in region.page_source)
        shot(region, "candidature-acceptee")

        # The second badge is not kept.
        structure.get(server.base + "/programmes/normandie/join")
        structure.find_element(By.XPATH, "//details[@id='share']/summary").click()
        choose(structure, "badge_class", "Tenir un stand")
        choose(structure, "competency", "Communiquer")
        structure.find_element(By.CSS_SELECTOR, "label[for=level-1]").click()
        structure.find_element(By.CSS_SELECTOR, "label[for=covers_all-0]").click()
        button(structure, "Enregistrer et envoyer à la Région")
        region.get(server.base + "/programmes/normandie/review")
        go(region, By.XPATH, "//main//a[normalize-space()='Tenir un stand']")
        fill(region, "form[action$='/reject'] textarea[name=reason]", "Les compétences de communication ne sont pas évaluées.")
        shot(region, "refus-soumission", "//form[contains(@action, '/reject')]")
        button(region, "Ne pas retenir")
        report.check("programme: the Region does not keep the second badge", "Décision enregistrée" in region.page_source
                     and "Les compétences de communication ne sont pas évaluées." in text(region))

        # The structure is a participant; it asks the Region to endorse its linked badge.
        structure.get(server.base + "/programmes/normandie/join")
        report.check("programme: the structure sees its badge linked and its candidacy accepted",
                     "accepté et rattaché → Organiser" in text(structure) and "Demande du badge participant : acceptée" in text(structure))
        shot(structure, "participant")
        button(structure, "Demander un endossement — Animer un atelier")
        report.check("programme: the structure asks for the endorsement", "Demande envoyée." in structure.page_source)
        go(region, By.LINK_TEXT, "Réseau")
        request = "//section[@id='requests']//li[contains(., 'Maison des jeunes de Caen')]"
        region.find_element(By.XPATH, request + "//textarea[@name='comment']").send_keys("La Région Normandie reconnaît ce badge dans la démarche.")
        shot(region, "endossement", request)
        button(region, "Endosser", request)
        report.check("programme: the Region endorses the badge", "Endossement publié." in region.page_source
                     and "Animer un atelier" in region.find_element(By.ID, "endorsed").text)
        shot(region, "endossement-publie")

        # Three earners.
        structure.get(server.base + "/programmes/normandie/join")
        go(structure, By.LINK_TEXT, "Outils du créateur")
        go(structure, By.PARTIAL_LINK_TEXT, "Animer un atelier")
        go(structure, By.LINK_TEXT, "Émettre ce badge")
        fill(structure, "textarea[name=recipients]", "Léa Martin <lea@example.org>\nMax Petit <max@example.org>\nnoe@example.org")
        shot(structure, "emission", "//textarea[@name='recipients']")
        go(structure, By.CSS_SELECTOR, "main form button[type=submit]")
        report.check("programme: three awards made", "Badges émis : 3" in structure.page_source)
        mails = outbox_mails(server)
        proposals = {e: [m for m in mails if m[1] == e and m[0].startswith("Proposition d'acceptation du badge")]
                     for e in ("lea@example.org", "max@example.org", "noe@example.org")}
        report.check("programme: each earner gets one Region badge proposal", all(len(p) == 1 for p in proposals.values()),
                     {e: len(p) for e, p in proposals.items()})
        claim = {e: next((link for link in p[0][2] if "/claim/" in link), None) if p else None for e, p in proposals.items()}

        # On a phone: Léa accepts, Max declines, Noé does nothing.
        earner.get(claim["lea@example.org"])
        report.check("programme: the proposal page fits a phone", "Organiser" in text(earner)
                     and earner.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"))
        shot(earner, "proposition-telephone")
        button(earner, "Accepter")
        report.check("programme: Léa accepts the Region badge into her passport", "/passport" in earner.current_url and "Badge accepté" in earner.page_source)
        shot(earner, "passeport")
        earner.delete_all_cookies()
        earner.get(claim["max@example.org"])
        button(earner, "Refuser")
        report.check("programme: Max declines it", "Proposition refusée" in earner.page_source)
        shot(earner, "proposition-refusee")
        statuses = {}
        for person in ("max@example.org", "noe@example.org"):
            award = re.search(r"/claim/([0-9a-f-]{36})/", claim[person] or "")
            try:
                urllib.request.urlopen(server.base + "/assertions/" + (award.group(1) if award else "none"))
                statuses[person] = 200
            except urllib.error.HTTPError as error:
                statuses[person] = error.code
        report.check("programme: the declined and the pending Region badges are not public", statuses == {"max@example.org": 404, "noe@example.org": 404},
                     statuses)

        # The programme's dashboard, for the Region and for the structure.
        region.get(server.base + "/programmes/normandie")
        go(region, By.LINK_TEXT, "Tableau de bord de la démarche")
        report.check("programme: the Region's dashboard has its chart", len(region.find_elements(By.CSS_SELECTOR, "main svg")) > 0)
        shot(region, "tableau-de-bord")
        structure.get(server.base + "/programmes/normandie/dashboard")
        report.check("programme: the structure sees its own part", "Maison des jeunes de Caen" in text(structure))
        shot(structure, "tableau-de-bord-structure")
    except WebDriverException as error:
        # A step that cannot be clicked through is a failure like the others; the pages at that moment go beside the screenshots.
        report.check("programme: every step can be clicked through", False, str(error).splitlines()[0])
        for name, driver in (("structure", structure), ("region", region), ("earner", earner)):
            driver.save_screenshot(os.path.join(args.out, "programme-failure-%s.png" % name))
    finally:
        for driver in (structure, region, earner):
            driver.quit()


def shot_with(driver, args, name):
    driver.save_screenshot(os.path.join(args.out, "app-%s.png" % name))


if __name__ == "__main__":
    sys.exit(main())
