#!/usr/bin/env python3
"""E-mail end to end, against a real SMTP server (aiosmtpd, e2e/smtp_sink.py) on loopback.

1. Awarding a badge to three addresses delivers three e-mails, each in its recipient's language,
   whose link opens the claim page; accepting shows the badge in the earner's space.
2. Badge applications, every review method, each applicant's e-mails counted on the SMTP server
   (per address, once the expected ones arrived and a quiet spell shows no more follow):
   - single reviewer, returned, resubmitted, approved: confirm, received, returned (quoting the
     reviewer's comment), award, approved (with the reviewer's message); the award passes 1EdTech's
     OB 2.0 validator;
   - single reviewer, reject: confirm, received, rejected (giving the reason), in English for an
     applicant who applied in English, and no award;
   - automatic approval: confirm, received, award, approved;
   - claim code: the right code gives confirm, received, award, approved; a wrong code is refused
     and sends nothing;
   - jury of three, threshold 2, votes no, yes, yes: confirm, received, award, approved, and the
     award passes the OB 2.0 validator.
3. Outage: with the SMTP server stopped, 50 awards are made; the Blason server is killed with
   SIGKILL and restarted; the SMTP server is started; all 50 e-mails arrive exactly once.
"""
import argparse
import base64
import http.cookiejar
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, delivering_to, mail_sink, multipart, png, text_of, wait_for  # noqa: E402


class Browser:
    """A cookie-keeping HTTP client that submits forms with their anti-forgery token."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.last = ""

    def get(self, url):
        with self.opener.open(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=30) as response:
            self.last = response.read().decode()
            return response.status, response.geturl(), self.last

    def post(self, url, fields):
        token = re.search(r'name="_csrf" value="([^"]+)"', self.last)
        data = dict(fields, _csrf=token.group(1) if token else "")
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(urllib.request.Request(url, data=body, headers={"Accept": "text/html"}), timeout=30) as response:
            self.last = response.read().decode()
            return response.status, response.geturl(), self.last


def outbox_states(database):
    """The outbox rows of the outage's recipients by status, read from the server's SQLite file."""
    with sqlite3.connect(database.removeprefix("sqlite:")) as db:
        rows = db.execute("SELECT status, count(*) FROM outbox_messages WHERE to_address LIKE 'outage%' GROUP BY status").fetchall()
    return dict(rows)


def api(server, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(server.base + path, data=json.dumps(body).encode() if body is not None else None, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def setup_issuer(server):
    server.cli("user", "create", "--email", "issuer@e2e.test", "--password", "e2e-password-123", "--org", "Structure Mail")
    image = os.path.join(server.workdir, "badge.png")
    with open(image, "wb") as handle:
        handle.write(png())
    badge = json.loads(server.cli("badge", "create", "--org", "structure-mail", "--name", "Accueillir le public", "--name-en", "Welcoming the public",
                                  "--description", "Accueillir.", "--criteria", "Accueillir.", "--image", image).stdout)
    token = api(server, "POST", "/api/v1/tokens", body={"email": "issuer@e2e.test", "password": "e2e-password-123", "name": "e2e"})["token"]
    return badge["id"].rsplit("/", 1)[-1], token


# What an applicant's e-mails are called, by step and language (%s is the badge's name).
SUBJECTS = {
    "fr": {"confirm": "Confirmez votre demande du badge « %s »", "received": "Demande reçue : « %s »",
           "returned": "Votre demande « %s » est à compléter", "award": "Vous avez reçu le badge « %s »",
           "approved": "Demande acceptée : « %s »", "rejected": "Demande non retenue : « %s »"},
    "en": {"confirm": "Confirm your application for the badge “%s”", "received": "Application received: “%s”",
           "returned": "Your application “%s” needs changes", "award": "You have received the badge “%s”",
           "approved": "Application approved: “%s”", "rejected": "Application declined: “%s”"},
}
# Once the expected e-mails are in, this long without another shows that no more are coming: the
# outbox dispatcher polls every 200 ms and retries after 1 s (see delivering_to).
QUIET = 2.0


def expected(badge_name, steps, language="fr"):
    return sorted(SUBJECTS[language][step] % badge_name for step in steps)


def to(sink, address):
    """The messages the SMTP server received for `address`."""
    return [m for m in sink.messages() if m["To"].addresses[0].addr_spec == address]


def settled(sink, address, count, timeout=60):
    """The messages for `address` once `count` of them arrived and QUIET seconds passed without another."""
    wait_for(lambda: len(to(sink, address)) >= count, timeout)
    time.sleep(QUIET)
    return to(sink, address)


def subjects(messages):
    return sorted(m["Subject"] for m in messages)


def with_subject(messages, subject):
    return next((m for m in messages if m["Subject"] == subject), None)


def html_of(message):
    part = message.get_body(preferencelist=("html",)) if message else None
    return part.get_content() if part else ""


def api_error(server, method, path, token=None, body=None):
    """Calls the API expecting a refusal: (status, problem document)."""
    try:
        return 200, api(server, method, path, token, body)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def create_badge_class(server, token, name_fr, name_en):
    """A badge class of Structure Mail, made through the API (multipart, with its image)."""
    body, kind = multipart({"name_fr": name_fr, "name_en": name_en, "description_fr": name_fr + ".", "criteria_fr": name_fr + "."},
                           {"image": ("badge.png", "image/png", png())})
    request = urllib.request.Request(server.base + "/api/v1/organisations/structure-mail/badge-classes", data=body, method="POST",
                                     headers={"Content-Type": kind, "Accept": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["id"].rsplit("/", 1)[-1]


def open_applications(server, token, badge, method, **settings):
    """Opens applications on `badge` with one required question; returns that question's id."""
    form = api(server, "PUT", "/api/v1/badge-classes/%s/application-form" % badge, token, dict(settings, reviewMethod=method, questions=[
        {"kind": "short-text", "label": {"fr": "Votre expérience", "en": "Your experience"}, "required": True}]))
    return form["questions"][0]["id"].lower()


def confirm_address(sink, address):
    """Follows the link of the confirmation e-mail for `address`; returns the applicant's page URL."""
    wait_for(lambda: len(to(sink, address)) >= 1, 60)
    found = to(sink, address)
    link = re.search(r"(http://\S+/applications/confirm/\S+)", text_of(found[0])) if found else None
    if not link:
        return None
    status, page_url, _ = Browser().get(link.group(1))
    return page_url if status == 200 and "/applications/" in page_url else None


def ob2_verdict(args, award_id, server, address):
    verdict = subprocess.run([args.ob2_python, os.path.join(args.obkit, "ob2", "ob2_verify.py"), server.base + "/assertions/" + award_id,
                              "--recipient-email", address], capture_output=True, text=True)
    return verdict.returncode == 0 and '"valid": true' in verdict.stdout, verdict.stdout[-600:]


def application_flow(server, sink, badge, token, report, args):
    """A person applies through the API, confirms by e-mail, is asked for more, resubmits through
    their page, and is approved; every step e-mails them."""
    form = api(server, "PUT", "/api/v1/badge-classes/%s/application-form" % badge, token, {
        "reviewMethod": "single", "questions": [
            {"kind": "short-text", "label": {"fr": "Votre expérience"}, "required": True},
            {"kind": "file", "label": {"fr": "Justificatif"}, "maxFileBytes": 1048576}]})
    experience, proof = form["questions"][0]["id"].lower(), form["questions"][1]["id"].lower()
    pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
    application = api(server, "POST", "/api/v1/badge-classes/%s/applications" % badge, token, {
        "name": "Dana Diallo", "email": "dana@example.org",
        "answers": {experience: "Deux ans", proof: {"name": "preuve.pdf", "contentBase64": base64.b64encode(pdf).decode()}}})
    mine = lambda: to(sink, "dana@example.org")  # noqa: E731
    report.check("the confirmation e-mail arrives", wait_for(lambda: len(mine()) >= 1, 60), len(mine()))
    confirm = re.search(r"(http://\S+/applications/confirm/\S+)", text_of(mine()[0])).group(1)
    browser = Browser()
    status, page_url, _ = browser.get(confirm)
    report.check("confirming sends the application", "/applications/" in page_url and status == 200, page_url)
    comment = "Ajoutez la date de votre formation, s'il vous plaît."
    api(server, "POST", "/api/v1/applications/%s/decision" % application["id"], token, {"action": "return", "comment": comment})
    report.check("the applicant is told to complete it", wait_for(lambda: len(mine()) >= 3, 60), [m["Subject"] for m in mine()])
    returned = with_subject(mine(), SUBJECTS["fr"]["returned"] % "Accueillir le public")
    report.check("the “to complete” e-mail quotes the reviewer's comment (text and HTML)",
                 returned is not None and comment in text_of(returned) and comment in html_of(returned), returned and text_of(returned))
    body, kind = multipart({"_csrf": re.search(r'name="_csrf" value="([^"]+)"', browser.get(page_url)[2]).group(1),
                            "question-" + experience: "Deux ans, depuis mars 2024"}, {})
    request = urllib.request.Request(page_url + "/resubmit", data=body, headers={"Content-Type": kind, "Accept": "text/html"})
    with browser.opener.open(request, timeout=30) as response:
        report.check("the applicant resubmits from their page", response.status == 200)
    message = "Bravo pour votre engagement auprès du public."
    decided = api(server, "POST", "/api/v1/applications/%s/decision" % application["id"], token, {"action": "approve", "message": message})
    report.check("the application is approved with an award", decided["status"] == "approved" and decided.get("awardId"))
    arrived = settled(sink, "dana@example.org", 5)
    report.check("one e-mail per step, counted on the SMTP server (exactly 5)",
                 subjects(arrived) == expected("Accueillir le public", ["confirm", "received", "returned", "award", "approved"]), subjects(arrived))
    approved = with_subject(arrived, SUBJECTS["fr"]["approved"] % "Accueillir le public")
    report.check("the approval e-mail carries the reviewer's message (text and HTML)",
                 approved is not None and message in text_of(approved) and message in html_of(approved), approved and text_of(approved))
    valid, detail = ob2_verdict(args, decided["awardId"], server, "dana@example.org")
    report.check("the award of the approved application passes the OB 2.0 validator", valid, detail)


def rejection_flow(server, sink, badge, token, report):
    """A second person, applying in English on the same single-reviewer form, is rejected with a reason."""
    address, reason = "eli@example.org", "The proof of training is missing; apply again once you have it."
    form = api(server, "GET", "/api/v1/badge-classes/%s/application-form" % badge, token)
    experience = form["questions"][0]["id"].lower()
    application = api(server, "POST", "/api/v1/badge-classes/%s/applications" % badge, token, {
        "name": "Eli Martin", "email": address, "language": "en", "answers": {experience: "Three years"}})
    report.check("reject: the applicant confirms their address", confirm_address(sink, address) is not None, subjects(to(sink, address)))
    decided = api(server, "POST", "/api/v1/applications/%s/decision" % application["id"], token, {"action": "reject", "comment": reason})
    report.check("reject: the application is rejected, without an award", decided["status"] == "rejected" and not decided.get("awardId"), decided)
    arrived = settled(sink, address, 3)
    report.check("reject: exactly confirm, received, rejected, counted on the SMTP server",
                 subjects(arrived) == expected("Welcoming the public", ["confirm", "received", "rejected"], "en"), subjects(arrived))
    report.check("reject: the applicant's e-mails are in English, the language they applied in",
                 arrived and all(m["Content-Language"] == "en" for m in arrived), [m["Content-Language"] for m in arrived])
    rejected = with_subject(arrived, SUBJECTS["en"]["rejected"] % "Welcoming the public")
    report.check("reject: the rejection e-mail gives the reason (text and HTML)",
                 rejected is not None and reason in text_of(rejected) and reason in html_of(rejected), rejected and text_of(rejected))


def automatic_flow(server, sink, token, report, args):
    """Automatic approval: confirming the address is enough for the badge."""
    name, address = "Orienter les visiteurs", "fanny@example.org"
    badge = create_badge_class(server, token, name, "Guiding visitors")
    question = open_applications(server, token, badge, "automatic")
    application = api(server, "POST", "/api/v1/badge-classes/%s/applications" % badge, token, {
        "name": "Fanny Roux", "email": address, "answers": {question: "Un an à l'accueil"}})
    report.check("automatic: the applicant confirms their address", confirm_address(sink, address) is not None, subjects(to(sink, address)))
    decided = api(server, "GET", "/api/v1/applications/%s" % application["id"], token)
    report.check("automatic: confirming approves it with an award", decided["status"] == "approved" and decided.get("awardId"), decided["status"])
    arrived = settled(sink, address, 4)
    report.check("automatic: exactly confirm, received, award, approved, counted on the SMTP server",
                 subjects(arrived) == expected(name, ["confirm", "received", "award", "approved"]), subjects(arrived))
    if decided.get("awardId"):
        valid, detail = ob2_verdict(args, decided["awardId"], server, address)
        report.check("automatic: the award passes the OB 2.0 validator", valid, detail)


def claim_code_flow(server, sink, token, report, args):
    """Claim code: a wrong code is refused and e-mails nobody; the right one gives the badge."""
    name, right, wrong = "Animer un atelier", "gael@example.org", "hugo@example.org"
    badge = create_badge_class(server, token, name, "Running a workshop")
    question = open_applications(server, token, badge, "claim-code", claimCode="FORUM-2026")
    path = "/api/v1/badge-classes/%s/applications" % badge
    refused = api_error(server, "POST", path, token, {"name": "Hugo Petit", "email": wrong, "answers": {question: "Aucune"}, "claimCode": "FORUM-2025"})
    report.check("claim code: a wrong code is refused (422, on claim_code)",
                 refused[0] == 422 and any(e.get("field") == "claim_code" for e in refused[1].get("errors", [])), refused)
    # The right applicant mistypes it first: that try must not e-mail them either.
    first = api_error(server, "POST", path, token, {"name": "Gaël Bernard", "email": right, "answers": {question: "Deux ateliers"}, "claimCode": "FORUM 2062"})
    report.check("claim code: the applicant's own mistyped code is refused too", first[0] == 422, first)
    application = api(server, "POST", path, token, {"name": "Gaël Bernard", "email": right, "answers": {question: "Deux ateliers"},
                                                   "claimCode": "forum-2026"})
    report.check("claim code: the applicant confirms their address", confirm_address(sink, right) is not None, subjects(to(sink, right)))
    decided = api(server, "GET", "/api/v1/applications/%s" % application["id"], token)
    report.check("claim code: the right code approves it with an award", decided["status"] == "approved" and decided.get("awardId"), decided["status"])
    arrived = settled(sink, right, 4)
    report.check("claim code: exactly confirm, received, award, approved, counted on the SMTP server",
                 subjects(arrived) == expected(name, ["confirm", "received", "award", "approved"]), subjects(arrived))
    # The wrong code was tried before everything above was delivered: anything it sent would be in by now.
    report.check("claim code: a wrong code sends no e-mail at all", to(sink, wrong) == [], subjects(to(sink, wrong)))
    if decided.get("awardId"):
        valid, detail = ob2_verdict(args, decided["awardId"], server, right)
        report.check("claim code: the award passes the OB 2.0 validator", valid, detail)


def jury_flow(server, sink, token, report, args):
    """A jury of three reviewers with threshold 2: one votes no, two yes; the second yes approves."""
    name, address = "Coordonner un projet", "ines@example.org"
    jurors = ["jure%d@e2e.test" % i for i in (1, 2, 3)]
    tokens = []
    for juror in jurors:
        server.cli("user", "create", "--email", juror, "--password", "e2e-password-123", "--org", "structure-mail", "--role", "reviewer")
        tokens.append(api(server, "POST", "/api/v1/tokens", body={"email": juror, "password": "e2e-password-123", "name": "e2e"})["token"])
    badge = create_badge_class(server, token, name, "Coordinating a project")
    question = open_applications(server, token, badge, "jury", jury=jurors, juryThreshold=2)
    application = api(server, "POST", "/api/v1/badge-classes/%s/applications" % badge, token, {
        "name": "Inès Haddad", "email": address, "answers": {question: "Un projet de quartier"}})
    report.check("jury: the applicant confirms their address", confirm_address(sink, address) is not None, subjects(to(sink, address)))
    votes = "/api/v1/applications/%s/votes" % application["id"]
    after = [api(server, "POST", votes, juror_token, {"vote": vote, "comment": "Mon avis : %s" % ("oui" if vote else "non")})
             for juror_token, vote in zip(tokens, [False, True, True])]
    report.check("jury: after one no and one yes it is still pending", [a["status"] for a in after[:2]] == ["pending", "pending"],
                 [a["status"] for a in after])
    report.check("jury: the second yes approves it with an award", after[2]["status"] == "approved" and after[2].get("awardId"), after[2])
    arrived = settled(sink, address, 4)
    report.check("jury: exactly confirm, received, award, approved, counted on the SMTP server",
                 subjects(arrived) == expected(name, ["confirm", "received", "award", "approved"]), subjects(arrived))
    invitation = "Invitation à évaluer les demandes du badge « %s »" % name
    report.check("jury: each juror, who has an account, is told once that they review this badge (a link to their queue, no sign-in link)",
                 all(subjects(to(sink, juror)) == [invitation] and "/reviews" in text_of(to(sink, juror)[0])
                     and "/reviewers/join/" not in text_of(to(sink, juror)[0]) for juror in jurors),
                 [subjects(to(sink, juror)) for juror in jurors])
    if after[2].get("awardId"):
        valid, detail = ob2_verdict(args, after[2]["awardId"], server, address)
        report.check("jury: the award of the jury's approval passes the OB 2.0 validator", valid, detail)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--obkit", required=True)
    parser.add_argument("--ob2-python", required=True)
    args = parser.parse_args()
    report = Report("e-mail end to end")
    root = tempfile.mkdtemp(prefix="blason-mail-")
    sink = mail_sink(root)
    sink.start()
    env_extra = delivering_to(sink)
    database = "sqlite:" + os.path.join(root, "blason.sqlite")
    try:
        server = Server(database)
        server.env.update(env_extra)
        with server:
            badge, token = setup_issuer(server)
            api(server, "POST", "/api/v1/badge-classes/%s/awards" % badge, token, {"recipients": [
                {"email": "anne@example.org", "name": "Anne", "language": "fr"},
                {"email": "bill@example.org", "name": "Bill", "language": "en"},
                {"email": "carla@example.org"}]})
            report.check("three e-mails arrive", wait_for(lambda: len(sink.messages()) >= 3, 60), len(sink.messages()))
            messages = {m["To"].addresses[0].addr_spec: m for m in sink.messages()}
            report.check("exactly three", len(sink.messages()) == 3, len(sink.messages()))
            bill, anne = messages.get("bill@example.org"), messages.get("anne@example.org")
            report.check("Bill's e-mail is in English", bill is not None and bill["Content-Language"] == "en"
                         and bill["Subject"] == "You have received the badge “Welcoming the public”", bill and bill["Subject"])
            report.check("Anne's e-mail is in French", anne is not None and anne["Content-Language"] == "fr"
                         and anne["Subject"] == "Vous avez reçu le badge « Accueillir le public »", anne and anne["Subject"])
            report.check("Carla's e-mail is in French by default", messages.get("carla@example.org", {}).get("Content-Language") == "fr")
            report.check("each has a plain-text and an HTML part",
                         all(m.get_body(preferencelist=("plain",)) and m.get_body(preferencelist=("html",)) for m in messages.values()))
            links = {address: re.search(r"(http://\S+/claim/\S+)", text_of(message)).group(1) for address, message in messages.items()}
            opened = {address: Browser().get(url) for address, url in links.items()}
            report.check("each of the three links opens its claim page, in the e-mail's language",
                         all(status == 200 and ("Welcoming the public" if address == "bill@example.org" else "Accueillir le public") in page
                             for address, (status, _, page) in opened.items()), sorted(links))
            link = links["bill@example.org"]
            browser = Browser()
            browser.get(link)
            status, url, page = browser.post(link + "/accept", {})
            report.check("accepting shows the badge in the earner's space", url.endswith("/passport") and "Accueillir le public" in page, url)
            application_flow(server, sink, badge, token, report, args)
            rejection_flow(server, sink, badge, token, report)
            automatic_flow(server, sink, token, report, args)
            claim_code_flow(server, sink, token, report, args)
            jury_flow(server, sink, token, report, args)

        # Outage: SMTP down, 50 awards, SIGKILL, restart, SMTP back: 50 e-mails exactly once.
        sink.stop()
        sink.directory = os.path.join(root, "mail-after-outage")
        os.makedirs(sink.directory)
        server = Server(database)
        server.env.update(env_extra)
        server.__enter__()
        recipients = [{"email": "outage%02d@example.org" % i} for i in range(50)]
        api(server, "POST", "/api/v1/badge-classes/%s/awards" % badge, token, {"recipients": recipients})
        time.sleep(3)  # the dispatcher tries and fails a few times meanwhile
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(10)
        restarted = Server(database)
        restarted.env.update(env_extra)
        restarted.port, restarted.base = server.port, server.base
        restarted.env["BLASON_PUBLIC_URL"] = server.base
        with restarted:
            sink.start()
            arrived = wait_for(lambda: len(sink.messages()) >= 50, 120)
            # Every row marked sent, then longer than a claim lasts: a message whose claim had gone
            # stale would be sent again within that time, and arrive before the count.
            settled_rows = wait_for(lambda: outbox_states(database) == {"sent": 50}, 60)
            time.sleep(int(env_extra["BLASON_MAIL_CLAIM_TIMEOUT"]) + 3)
            report.check("the outbox has every one of the 50 rows sent, none pending or being sent", settled_rows, outbox_states(database))
            outage = sink.messages()
            report.check("all 50 e-mails arrive after the outage", arrived, len(outage))
            report.check("each exactly once", len(outage) == 50 and len({m["To"].addresses[0].addr_spec for m in outage}) == 50
                         and len({m["Message-ID"] for m in outage}) == 50, len(outage))
    finally:
        sink.stop()
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
