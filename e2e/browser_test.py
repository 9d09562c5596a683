#!/usr/bin/env python3
"""Blason in a real browser (Chromium, headless, driven by selenium): sign up, create an
organisation and a badge class with an image, award it to two e-mails, open the public
assertion page in French and in English. Then, as an earner on a phone-sized window (390×844):
open the e-mail link, accept, switch to English, download the baked PNG, which 1EdTech's OB 2.0
validator must accept. Last, a badge application: the organisation opens applications, a person
applies on a phone in French with a PDF, the reviewer returns it, the applicant resubmits, the
reviewer approves. Screenshots of each step go to --out."""
import argparse
import json
import os
import re
import subprocess
import sys
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
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    report = Report("browser test")
    with Server() as server:
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
                         nav == ["Tableau de bord", "Outils de l'émetteur", "Outils du créateur", "Réseau", "Administration", "Rapports", "Aide"], nav)

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
    """Two organisations, in French: partner request and acceptance, endorsements both ways, a
    request answered from a template; the Réseau page is saved as a screenshot."""
    a, b = browser(), browser()
    for driver in (a, b):
        driver.implicitly_wait(5)

    def go(driver, by, value):
        page = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(by, value).click()
        WebDriverWait(driver, 30).until(replaced(page))

    def fill(driver, selector, value):
        field = driver.find_element(By.CSS_SELECTOR, selector)
        field.clear()
        field.send_keys(value)

    def join(driver, name, email, organisation):
        driver.get(server.base + "/sign-up")
        fill(driver, "input[name=name]", name)
        fill(driver, "input[name=email]", email)
        fill(driver, "input[name=password]", "mot-de-passe-solide")
        go(driver, By.CSS_SELECTOR, "main form button[type=submit]")
        fill(driver, "input[name=name]", organisation)
        fill(driver, "input[name=contact_email]", email)
        fill(driver, "input[name=city]", "Rouen")
        go(driver, By.CSS_SELECTOR, "main form button[type=submit]")

    try:
        join(a, "Anne Alpha", "anne@alpha.example.org", "Atelier Alpha")
        join(b, "Bruno Beta", "bruno@beta.example.org", "Bureau Beta")
        go(a, By.LINK_TEXT, "Réseau")
        report.check("the Réseau page has the sections users know", all(title in a.page_source for title in (
            "Endossements de partenaires", "Endossements externes", "Badges que nous avons endossés", "Badges partagés avec les partenaires",
            "Badges partagés avec nous", "Modèles d'endossement", "Envoyez-moi des notifications journalières")))
        fill(a, "input[name=search]", "Bureau")
        go(a, By.XPATH, "//button[normalize-space()='Rechercher']")
        go(a, By.LINK_TEXT, "Ajouter comme partenaire")
        go(a, By.XPATH, "//button[normalize-space()='Confirmer']")
        report.check("partner request sent", "Demande de partenariat envoyée." in a.page_source)

        go(b, By.LINK_TEXT, "Réseau")
        go(b, By.XPATH, "//li[@class='partner']//button[normalize-space()='Accepter']")
        report.check("the other side accepts", "vous demande d" not in b.page_source and "Atelier Alpha" in b.page_source)
        b.find_element(By.XPATH, "//li[@class='partner']//summary[normalize-space()='Endosser']").click()
        b.find_element(By.CSS_SELECTOR, "li.partner textarea[name=comment]").send_keys("Un atelier sérieux et bienveillant.")
        go(b, By.XPATH, "//li[@class='partner']//button[normalize-space()='Endosser']")
        report.check("Beta endorses Alpha", "Endossement publié." in b.page_source)

        a.refresh()
        a.find_element(By.XPATH, "//li[@class='partner']//summary[normalize-space()='Endosser']").click()
        a.find_element(By.CSS_SELECTOR, "li.partner textarea[name=comment]").send_keys("Un bureau d'accueil efficace.")
        go(a, By.XPATH, "//li[@class='partner']//button[normalize-space()='Endosser']")
        a.find_element(By.XPATH, "//li[@class='partner']//summary[normalize-space()='Demander un endossement']").click()
        a.find_element(By.CSS_SELECTOR, "li.partner textarea[name=message]").send_keys("Merci de nous recommander.")
        go(a, By.XPATH, "//li[@class='partner']//button[normalize-space()='Envoyer la demande']")
        report.check("Alpha asks for an endorsement", "Demande envoyée." in a.page_source)

        b.refresh()
        b.find_element(By.XPATH, "//section[@id='templates']//summary").click()
        fill(b, "#template-name-new", "Recommandation")
        fill(b, "#template-fr-new", "Nous recommandons ce partenaire.")
        go(b, By.XPATH, "//section[@id='templates']//button[normalize-space()='Enregistrer le modèle']")
        b.find_element(By.XPATH, "//section[@id='requests']//select[@name='template']/option[normalize-space()='Recommandation']").click()
        go(b, By.XPATH, "//section[@id='requests']//button[normalize-space()='Endosser']")
        report.check("Beta answers from its template", "Endossement publié." in b.page_source and "Nous recommandons ce partenaire." in b.page_source)

        a.get(server.base + "/network?filter=mutual")
        report.check("the mutual filter lists the partner", "Bureau Beta" in a.find_element(By.ID, "partners").text)
        a.save_screenshot(os.path.join(args.out, "reseau.png"))
    finally:
        a.quit()
        b.quit()


def shot_with(driver, args, name):
    driver.save_screenshot(os.path.join(args.out, "app-%s.png" % name))


if __name__ == "__main__":
    sys.exit(main())
