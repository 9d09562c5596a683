#!/usr/bin/env python3
"""« La Normandie badge les compétences », end to end, out of process: a real `blason serve` on a
fresh SQLite file, delivering its e-mails to a real SMTP server (aiosmtpd, e2e/smtp_sink.py) on
loopback, driven through HTTP only, as a structure and the Region would through their browsers.

The Region's reviewer is made with the command line, as an operator sets up staff. A structure
signs up, creates its organisation and a badge class, asks the Region to be its partner (accepted),
submits its badge with the procedure's four answers, applies for the participant badge; the Region
asks for more information, the structure replies, the Region accepts the submission and the
candidacy; the structure asks the Region to endorse its linked badge, the Region does. The structure
awards its badge to three earners: each gets exactly one Region badge proposal, counted on the SMTP
server; one accepts from the e-mail's link, one declines, one does nothing. 1EdTech's OB 2.0
validator must accept the structure's award, the accepted Region award (whose evidence is the
structure's award) and the participant badge; the declined and pending proposals stay 404 at every
public URL.

    python programme_e2e.py --obkit PATH --ob2-python PATH     (BLASON_BIN: the blason binary)
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, WebClient, delivering_to, mail_sink, png, text_of, wait_for  # noqa: E402

KEY = "normandie"
PASSWORD = "mot-de-passe-solide"
REGION_EMAIL = "instruction@normandie.fr"
CONTACT = "badges-formation@normandie.fr"
STRUCTURE = "Maison des jeunes de Caen"
STRUCTURE_EMAIL = "contact@maison-des-jeunes.example.org"
BADGE = "Animer un atelier"
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
PROPOSAL_SUBJECT = {"fr": "Proposition d'acceptation du badge", "en": "Proposal: accept the badge"}


def found(pattern, page, group=1):
    match = re.search(pattern, page)
    return match.group(group) if match else None


def contains(page, text):
    """Whether the page shows `text`, whatever the HTML escaping of its apostrophes."""
    return text in html.unescape(page)


def main_text(page):
    """The visible text of a page's main element, for failure details."""
    body = page.split("<main", 1)[-1].split("</main>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def recipient(message):
    return message["To"].addresses[0].addr_spec


def claim_link(message):
    return found(r"(http://\S+/claim/%s/\S+)" % UUID, text_of(message))


def award_id(link):
    return found(r"/claim/(%s)/" % UUID, link or "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--obkit", required=True, help="the Open Badges verifier kit")
    parser.add_argument("--ob2-python", required=True, help="the python of the OB 2.0 validator's venv")
    args = parser.parse_args()
    report = Report("programme end to end")
    root = tempfile.mkdtemp(prefix="blason-programme-")
    sink = mail_sink(root)
    server = Server("sqlite:" + os.path.join(root, "blason.sqlite"), "programme")
    server.env.update(delivering_to(sink))
    try:
        sink.start()
        with server:
            procedure(server, sink, report, args)
    except Exception as error:  # noqa: BLE001  (a broken step is a failure, reported like the others)
        report.check("the procedure runs to its end", False, "%s: %s" % (type(error).__name__, error))
    finally:
        sink.stop()
    return report.finish()


def procedure(server, sink, report, args, web=WebClient):
    """The flow; `web(base)` makes each browser (the two-node test passes one that spreads its
    requests over both nodes)."""
    def mail(to, subject_start=None):
        return [m for m in sink.messages() if recipient(m) == to and (subject_start is None or str(m["Subject"]).startswith(subject_start))]

    def verify(url, email):
        verdict = subprocess.run([args.ob2_python, os.path.join(args.obkit, "ob2", "ob2_verify.py"), url, "--recipient-email", email],
                                 capture_output=True, text=True, timeout=300)
        return verdict.returncode == 0 and '"valid": true' in verdict.stdout, verdict.stdout[-800:] + verdict.stderr[-400:]

    # The Region's reviewer, made with the command line, signs in.
    created = json.loads(server.cli("user", "create", "--email", REGION_EMAIL, "--password", PASSWORD, "--name", "Inès Instructrice",
                                    "--org", "region-normandie", "--role", "admin").stdout)
    report.check("the command line makes the Region's reviewer", created.get("organisation") == "region-normandie" and created.get("role") == "admin",
                 created)
    region = web(server.base)
    region.get("/sign-in")
    _, url, _ = region.post("/sign-in", {"email": REGION_EMAIL, "password": PASSWORD})
    report.check("the Region's reviewer signs in", "/sign-in" not in url, url)

    # A structure signs up, creates its organisation and a badge class with a PNG image.
    structure = web(server.base)
    structure.get("/sign-up")
    _, url, _ = structure.post("/sign-up", {"name": "Jeanne Dupont", "email": STRUCTURE_EMAIL, "password": PASSWORD})
    report.check("the structure signs up", "/organisations/new" in url, url)
    _, url, page = structure.post_multipart("/organisations/new", {"name": STRUCTURE, "slug": "maison-des-jeunes", "contact_email": STRUCTURE_EMAIL,
                                                                    "description_fr": "Accompagnement des jeunes vers l'emploi."})
    report.check("the structure creates its organisation", "/dashboard" in url and STRUCTURE in page, url)
    structure.get("/creator/badge-classes/new")
    _, url, page = structure.post_multipart("/creator/badge-classes/new", {
        "name_fr": BADGE, "name_en": "Running a workshop", "description_fr": "Reconnaît la capacité à animer un atelier collectif.",
        "criteria_fr": "- Préparer l'atelier\n- L'animer\n- En faire le bilan", "tags": "animation, atelier"},
        {"image": ("badge.png", "image/png", png(128, 128, (11, 79, 138)))})
    badge_id = found(r"/creator/badge-classes/(%s)" % UUID, url)
    report.check("the structure creates its badge class", badge_id is not None, url)

    # The public presentation: the referential and the contact.
    status, _, page = web(server.base).get("/programmes/%s" % KEY)
    report.check("the public presentation shows the referential and the contact", status == 200
                 and contains(page, "Présentation des compétences attendues sur les badges Région") and CONTACT in page, status)

    # 1. Partner with the Region, which accepts.
    _, _, page = structure.get("/programmes/%s/join" % KEY)
    region_id = found(r'action="/network/partners".*?name="organisation" value="(%s)"' % UUID, page.replace("\n", " "))
    participant_id = found(r'href="/apply/(%s)"' % UUID, page)
    report.check("the join page offers to partner with the Region and to apply", contains(page, "Ajouter la Région comme partenaire")
                 and region_id is not None and participant_id is not None, (region_id, participant_id))
    _, url, page = structure.post("/network/partners", {"organisation": region_id})
    report.check("the structure asks the Region to be its partner", "/network" in url and contains(page, "Demande de partenariat envoyée."), url)
    _, _, page = region.get("/network")
    partnership = found(r'action="/network/partnerships/(%s)/accept"' % UUID, page)
    report.check("the Region sees the request on its Réseau page", partnership is not None and STRUCTURE in page)
    region.post("/network/partnerships/%s/accept" % partnership)
    _, _, page = structure.get("/programmes/%s/join" % KEY)
    report.check("the partnership is accepted", "✓" in page and not contains(page, "Ajouter la Région comme partenaire"))

    # 2. Share the badge as a link with the Region, answering the four questions.
    _, url, page = structure.post("/programmes/%s/join" % KEY, [
        ("badge_class", badge_id), ("competency", "organiser"), ("level", "1"), ("covers_all", "no"),
        ("skills_organiser_1[]", "0"), ("skills_organiser_1[]", "2"), ("remarks", "Atelier de 20 heures, évalué en situation.")])
    submission = found(r'href="/programmes/%s/submissions/(%s)"' % (KEY, UUID), page)
    report.check("the structure submits its badge with the four answers", contains(page, "Votre demande de partage de badge est maintenant envoyée à la Région !")
                 and submission is not None, url)
    submission_path = "/programmes/%s/submissions/%s" % (KEY, submission)
    _, _, page = structure.get("/network")
    report.check("the badge is shared with the Region, on the structure's Réseau page", BADGE in page)
    _, _, page = region.get("/network")
    report.check("and on the Region's", BADGE in page)

    # 3. Apply for the participant badge: the page shows the submission.
    apply_path = "/apply/%s" % participant_id
    _, _, page = structure.get(apply_path)
    questions = re.findall(r'name="(question-[^"]+)"', page)
    report.check("the participant badge's apply page shows the submitted badge and two questions", BADGE in page and len(set(questions)) == 2, questions)
    answers = ["Nous accompagnons 200 jeunes par an vers l'emploi.", "Jeanne Dupont, 02 31 00 00 00"]
    _, url, page = structure.post_multipart(apply_path, list(zip(dict.fromkeys(questions), answers)))
    report.check("the structure applies for the participant badge", contains(page, "Votre demande est envoyée."), url)

    # 4. The Region's queue: the candidacy, its submission, the referential beside the answers.
    status, _, page = region.get("/programmes/%s/review" % KEY)
    application = found(r'href="/reviews/(%s)"' % UUID, page)
    report.check("the Region's queue lists the candidacy with its submission", status == 200 and STRUCTURE in page and application is not None
                 and submission_path in page, status)
    _, _, page = region.get(submission_path)
    report.check("the submission shows the referential beside the answers",
                 contains(page, "Identifier et prioriser les tâches à effectuer dans le cadre d'une activité simple") and "non couverte" in page)
    _, _, page = region.get("/reviews/%s" % application)
    report.check("the candidacy links to the submission", submission_path in page)

    # 5. More information, asked and answered.
    region.get(submission_path)
    _, url, page = region.post(submission_path + "/info", {"message": "Combien d'heures dure l'atelier ?"})
    report.check("the Region asks for more information", url.endswith(submission_path) and contains(page, "Combien d'heures dure l'atelier ?"), url)
    structure.get(submission_path)
    _, url, page = structure.post(submission_path + "/reply", {"message": "Vingt heures, sur cinq semaines."})
    report.check("the structure replies", url.endswith(submission_path) and "Message envoyé." in page, url)
    _, _, page = region.get(submission_path)
    report.check("the Region reads the reply", "Vingt heures, sur cinq semaines." in page)

    # 6. The Region accepts the submission, linked at the level asked, then the candidacy.
    final_level = found(r'<option value="(%s)" selected' % UUID, page.replace('selected="selected"', "selected"))
    _, url, page = region.post(submission_path + "/accept", {"final_level": final_level or "", "note": "Badge cohérent avec le référentiel."})
    report.check("the Region accepts the submission, linked to Organiser level I", final_level is not None and url.endswith(submission_path)
                 and "Organiser" in page and "Niveau I" in page, url)
    region.get("/reviews/%s" % application)
    status, url, page = region.post("/reviews/%s/approve" % application)
    report.check("the Region accepts the candidacy", "/reviews/" in url and "Décision enregistrée" in page,
                 (status, url, main_text(page)[:400], server.workdir))
    _, _, page = web(server.base).get("/programmes/%s" % KEY)
    report.check("the structure is listed as a participant", STRUCTURE in page)

    # 7. The structure asks the Region to endorse its linked badge; the Region endorses it.
    _, _, page = structure.get("/programmes/%s/join" % KEY)
    report.check("the join page reminds the structure to ask for the endorsement", contains(page, "Demander l'endossement")
                 or contains(page, "demander l'endossement"))
    _, url, page = structure.post("/network/requests", {"partner": region_id, "badge_class": badge_id,
                                                         "message": "N'oubliez pas de demander l'endossement de ce badge à la Région."})
    report.check("the structure asks for the endorsement", "Demande envoyée." in page, url)
    _, _, page = region.get("/network")
    request = found(r'action="/network/requests/(%s)/accept"' % UUID, page)
    status, url, page = region.post("/network/requests/%s/accept" % request, {"comment": "La Région Normandie reconnaît ce badge dans la démarche."})
    report.check("the Region endorses the badge", request is not None and "Endossement publié." in page, (status, url, main_text(page)[:400]))

    # 8. Three earners; each gets one Region badge proposal.
    time.sleep(1)  # awards after the endorsement, to the second
    award_path = "/issuer/badge-classes/%s/award" % badge_id
    structure.get(award_path)
    _, url, page = structure.post_multipart(award_path, {"recipients": "Léa Martin <lea@example.org>\nmax@example.org", "language": "fr"})
    report.check("the structure awards its badge to two earners in French", "Badges émis : 2" in page, url)
    structure.get(award_path)
    _, url, page = structure.post_multipart(award_path, {"recipients": "noe@example.org", "language": "en"})
    report.check("and to a third in English", "Badges émis : 1" in page, url)
    earners = {"lea@example.org": "fr", "max@example.org": "fr", "noe@example.org": "en"}

    def proposals(to):
        """Proposal e-mails received by `to`, in either language."""
        return [m for m in mail(to) if str(m["Subject"]).startswith(tuple(PROPOSAL_SUBJECT.values()))]

    arrived = wait_for(lambda: all(proposals(e) and len(mail(e)) >= 2 for e in earners), 60)
    time.sleep(3)  # a second proposal, if any were sent, would arrive now
    for earner, language in earners.items():
        got = proposals(earner)
        report.check("%s receives exactly one Region badge proposal, on the SMTP server, in %s" % (earner, language), arrived and len(got) == 1
                     and str(got[0]["Subject"]).startswith(PROPOSAL_SUBJECT[language]) and "Organis" in str(got[0]["Subject"])
                     and got[0]["Content-Language"] == language, [str(m["Subject"]) for m in mail(earner)])
    french = [m for e in earners for m in mail(e, PROPOSAL_SUBJECT["fr"])]
    report.check("two proposals in French, whose subject starts « Proposition d'acceptation du badge »", len(french) == 2, len(french))

    links = {e: claim_link(proposals(e)[0]) if proposals(e) else None for e in earners}
    region_awards = {e: award_id(link) for e, link in links.items()}
    lea_award_mail = mail("lea@example.org", "Vous avez reçu le badge « %s »" % BADGE)
    lea_source = award_id(claim_link(lea_award_mail[0])) if lea_award_mail else None

    def public_statuses(assertion):
        url = "/assertions/%s" % assertion
        return [server.get(url)[0], server.get(url, accept="text/html")[0], server.get(url + "/image", "image/png")[0],
                server.get(url + "/baked.png", "image/png")[0], server.get(url + "/baked.svg", "image/svg+xml")[0]]

    report.check("a pending proposal is 404 at every public URL before any answer", region_awards["lea@example.org"] is not None
                 and public_statuses(region_awards["lea@example.org"]) == [404] * 5)

    # One accepts, one declines from the link in their e-mail, one does nothing.
    for earner, action, lands, notice in (("lea@example.org", "accept", "/passport", "Badge accepté"),
                                          ("max@example.org", "decline", "", "Proposition refusée")):
        client = web(server.base)
        status, _, page = client.get(links[earner])
        report.check("%s opens the proposal from the e-mail's link" % earner, status == 200 and "Organis" in page, status)
        status, url, page = client.post(links[earner] + "/" + action)
        report.check("%s can %s it" % (earner, action), status == 200 and lands in url and notice in page, url)

    # The OB 2.0 validator.
    base = server.base
    ok, detail = verify("%s/assertions/%s" % (base, lea_source), "lea@example.org")
    report.check("the structure's award to the accepting earner passes the OB 2.0 validator", lea_source is not None and ok, detail)
    accepted = region_awards["lea@example.org"]
    ok, detail = verify("%s/assertions/%s" % (base, accepted), "lea@example.org")
    report.check("the accepted Region award passes the OB 2.0 validator", ok, detail)
    status, body, _ = server.get("/assertions/%s" % accepted)
    document = json.loads(body) if status == 200 else {}
    evidence = document.get("evidence")
    evidence = (evidence[0] if isinstance(evidence, list) and evidence else evidence) or {}
    report.check("its evidence is the structure's award, naming the structure", evidence.get("id") == "%s/assertions/%s" % (base, lea_source)
                 and STRUCTURE in evidence.get("narrative", ""), evidence)
    status, body, _ = server.get(document.get("badge", "") or "/")
    region_badge = json.loads(body) if status == 200 else {}
    report.check("it is the Region's badge Organiser", "Organis" in region_badge.get("name", "") and region_badge.get("issuer", "").startswith(base + "/issuers/"),
                 region_badge.get("name"))

    participant_mail = mail(STRUCTURE_EMAIL, "Vous avez reçu le badge")
    participant = award_id(claim_link(participant_mail[0])) if participant_mail else None
    ok, detail = verify("%s/assertions/%s" % (base, participant), STRUCTURE_EMAIL)
    report.check("the participant badge, awarded to the structure's contact e-mail, passes the OB 2.0 validator", participant is not None and ok, detail)
    status, body, _ = server.get("/assertions/%s" % participant)
    document = json.loads(body) if status == 200 else {}
    report.check("the participant award is of the participant badge class",
                 (document.get("badge") or "").split("?")[0] == "%s/badges/%s" % (base, participant_id), document.get("badge"))
    for earner, state in (("max@example.org", "declined"), ("noe@example.org", "pending")):
        statuses = public_statuses(region_awards[earner]) if region_awards[earner] else None
        report.check("the %s Region award is 404 at every public URL" % state, statuses == [404] * 5, statuses)
        ok, detail = verify("%s/assertions/%s" % (base, region_awards[earner]), earner)
        report.check("the %s Region award is invalid for the validator" % state, not ok, detail)

    # The e-mails of the review, counted on the SMTP server.
    def count(to, subject):
        return len(mail(to, subject))

    wait_for(lambda: count(CONTACT, "%s a répondu" % STRUCTURE) and count(STRUCTURE_EMAIL, "Badge « %s » rattaché" % BADGE), 30)
    report.check("one e-mail to the structure for the information request",
                 count(STRUCTURE_EMAIL, "Badge « %s » : la Région demande des précisions" % BADGE) == 1,
                 [str(m["Subject"]) for m in mail(STRUCTURE_EMAIL)])
    report.check("one e-mail to the Region's contact address for the reply", count(CONTACT, "%s a répondu au sujet du badge « %s »" % (STRUCTURE, BADGE)) == 1,
                 [str(m["Subject"]) for m in mail(CONTACT)])
    linked = mail(STRUCTURE_EMAIL, "Badge « %s » rattaché au badge Région" % BADGE)
    report.check("one e-mail to the structure for the acceptance, with the endorsement reminder", len(linked) == 1
                 and "N'oubliez pas de demander l'endossement" in text_of(linked[0]), [str(m["Subject"]) for m in mail(STRUCTURE_EMAIL)])

    # Another award of the linked badge to an earner already proposed: no second proposal.
    structure.get(award_path)
    structure.post_multipart(award_path, {"recipients": "lea@example.org", "language": "fr"})
    wait_for(lambda: len(mail("lea@example.org", "Vous avez reçu le badge")) >= 2, 30)
    time.sleep(2)
    report.check("a second award to the same earner makes no second proposal", len(mail("lea@example.org", "Vous avez reçu le badge")) == 2
                 and len(proposals("lea@example.org")) == 1, [str(m["Subject"]) for m in mail("lea@example.org")])

    # The dashboard and the export count it all.
    status, _, page = region.get("/programmes/%s/dashboard" % KEY)
    report.check("the Region's dashboard shows its chart", status == 200 and "<svg" in page, status)
    status, _, csv = region.get("/programmes/%s/export.csv" % KEY)
    report.check("the export lists the accepted submission", status == 200
                 and "%s;%s;Organiser;1;non;accepted;Organiser;1" % (STRUCTURE, BADGE) in csv, csv[:400])
    # The audit log: the programme's for its operator, the structure's own for its admin, each with the client's address.
    status, _, log = region.get("/programmes/%s/audit.csv" % KEY)
    report.check("the programme's audit log has the submission, the request for information, the reply and the acceptance, "
                 "each with its author and the client's address", status == 200
                 and all(action in log for action in ("submission.sent", "submission.information-requested", "submission.replied", "submission.accepted"))
                 and "127.0.0.1" in log and "Jeanne Dupont" in log, log[:600])
    status, _, page = structure.get("/admin/audit")
    report.check("the structure's admin reads its own log, without the Region's", status == 200 and "award.issued" in page
                 and "badge-class.created" in page and "endorsement.published" not in page, status)
    report.check("no e-mail went anywhere unexpected", all(recipient(m) in set(earners) | {STRUCTURE_EMAIL, CONTACT, REGION_EMAIL} for m in sink.messages()),
                 sorted({recipient(m) for m in sink.messages()}))


if __name__ == "__main__":
    sys.exit(main())
