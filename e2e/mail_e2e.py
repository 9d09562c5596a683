#!/usr/bin/env python3
"""E-mail end to end, against a real SMTP server (aiosmtpd, e2e/smtp_sink.py) on loopback.

1. Awarding a badge to three addresses delivers three e-mails, each in its recipient's language,
   whose link opens the claim page; accepting shows the badge in the earner's space.
2. A badge application goes through every step (confirm the address, returned, resubmitted,
   approved): the applicant gets one e-mail per step, counted on the SMTP server, and the award
   passes 1EdTech's OB 2.0 validator.
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
import subprocess
import sys
import tempfile
import time
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
    mine = lambda: [m for m in sink.messages() if m["To"].addresses[0].addr_spec == "dana@example.org"]  # noqa: E731
    report.check("the confirmation e-mail arrives", wait_for(lambda: len(mine()) >= 1, 60), len(mine()))
    confirm = re.search(r"(http://\S+/applications/confirm/\S+)", text_of(mine()[0])).group(1)
    browser = Browser()
    status, page_url, _ = browser.get(confirm)
    report.check("confirming sends the application", "/applications/" in page_url and status == 200, page_url)
    api(server, "POST", "/api/v1/applications/%s/decision" % application["id"], token, {"action": "return", "comment": "Ajoutez une date."})
    report.check("the applicant is told to complete it", wait_for(lambda: len(mine()) >= 3, 60), [m["Subject"] for m in mine()])
    body, kind = multipart({"_csrf": re.search(r'name="_csrf" value="([^"]+)"', browser.get(page_url)[2]).group(1),
                            "question-" + experience: "Deux ans, depuis mars 2024"}, {})
    request = urllib.request.Request(page_url + "/resubmit", data=body, headers={"Content-Type": kind, "Accept": "text/html"})
    with browser.opener.open(request, timeout=30) as response:
        report.check("the applicant resubmits from their page", response.status == 200)
    decided = api(server, "POST", "/api/v1/applications/%s/decision" % application["id"], token, {"action": "approve", "message": "Bravo"})
    report.check("the application is approved with an award", decided["status"] == "approved" and decided.get("awardId"))
    report.check("one e-mail per step, counted on the SMTP server", wait_for(lambda: len(mine()) >= 5, 60)
                 and sorted(m["Subject"] for m in mine()) == sorted([
                     "Confirmez votre demande du badge « Accueillir le public »", "Demande reçue : « Accueillir le public »",
                     "Votre demande « Accueillir le public » est à compléter", "Vous avez reçu le badge « Accueillir le public »",
                     "Demande acceptée : « Accueillir le public »"]), [m["Subject"] for m in mine()])
    award_url = server.base + "/assertions/" + decided["awardId"]
    verdict = subprocess.run([args.ob2_python, os.path.join(args.obkit, "ob2", "ob2_verify.py"), award_url, "--recipient-email", "dana@example.org"],
                             capture_output=True, text=True)
    report.check("the award of the approved application passes the OB 2.0 validator", verdict.returncode == 0 and '"valid": true' in verdict.stdout,
                 verdict.stdout[-600:])


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
            link = re.search(r"(http://\S+/claim/\S+)", text_of(bill)).group(1)
            browser = Browser()
            status, _, page = browser.get(link)
            report.check("the link opens the claim page", status == 200 and "Welcoming the public" in page or "Accueillir le public" in page)
            status, url, page = browser.post(link + "/accept", {})
            report.check("accepting shows the badge in the earner's space", url.endswith("/passport") and "Accueillir le public" in page, url)
            application_flow(server, sink, badge, token, report, args)

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
            time.sleep(5)  # anything sent twice would arrive now
            outage = sink.messages()
            report.check("all 50 e-mails arrive after the outage", arrived, len(outage))
            report.check("each exactly once", len(outage) == 50 and len({m["To"].addresses[0].addr_spec for m in outage}) == 50
                         and len({m["Message-ID"] for m in outage}) == 50, len(outage))
    finally:
        sink.stop()
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
