#!/usr/bin/env python3
"""1EdTech's Open Badges 2.0 validator against a live Blason server.

Run with the validator's venv: python ob2_validation.py --obkit PATH [--database-url URL --label NAME]
Checks: a hosted assertion (with the earner's e-mail), its baked PNG and SVG, an SVG badge class's
baked SVG are valid; the same assertion against another e-mail is invalid; after revocation the
signed assertion is refused because the issuer's RevocationList names it, the hosted one answers 410
and is listed in the RevocationList with its reason. Also the `blason` command line on the server's
database: `badge list --json` (the seeded Region badges), references given as hosted URLs, `migrate`,
`--help` of every command, and errors that name what was not found and write nothing.
"""
import argparse
import http.cookiejar
import io
import json
import os
import re
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, png  # noqa: E402

BADGE_LINE_FIELDS = {"id", "org", "name", "url", "archived"}
PARTICIPANT = "Participant à La Normandie badge les compétences"
HELP = [(), ("serve",), ("migrate",), ("user", "create"), ("badge", "create"), ("badge", "list"), ("issue",), ("revoke",)]

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">'
       '<circle cx="60" cy="60" r="56" fill="#1d7a3c"/><text x="60" y="66" font-size="18" fill="#fff" text-anchor="middle">OB2</text></svg>')


def api_call(server, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(server.base + path, data=json.dumps(body).encode() if body is not None else None, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
        return json.loads(text) if text else None


class FormClient:
    """Keeps cookies and sends forms with their anti-forgery token, as a browser does."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.page = ""

    def get(self, url):
        with self.opener.open(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=30) as response:
            self.page = response.read().decode()
            return response.status, self.page

    def post(self, url, fields=None):
        token = re.search(r'name="_csrf" value="([^"]+)"', self.page)
        body = urllib.parse.urlencode(dict(fields or {}, _csrf=token.group(1) if token else "")).encode()
        try:
            with self.opener.open(urllib.request.Request(url, data=body, headers={"Accept": "text/html"}), timeout=30) as response:
                self.page = response.read().decode()
                return response.status, self.page
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def json_lines(result):
    """`blason badge list --json`'s output: one JSON object per line (None when a line is not one)."""
    lines = []
    for line in result.stdout.splitlines():
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        lines.append(value if isinstance(value, dict) else None)
    return lines


def token_refused(server, email, password):
    """True when POST /api/v1/tokens refuses these credentials (the account does not exist)."""
    try:
        api_call(server, "POST", "/api/v1/tokens", body={"email": email, "password": password})
        return False
    except urllib.error.HTTPError as error:
        return 400 <= error.code < 500


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--obkit", required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--label", default="sqlite")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.obkit, "ob2"))
    import ob2_offline  # noqa: F401  (serves the OB 2.0 context locally, refuses non-loopback requests)
    from ob2_verify import run

    report = Report("OB 2.0 validator (%s)" % args.label)

    def verify(value, email=None):
        result = run(value, {"email": email} if email else None)["report"]
        return result

    def messages(result):
        return " | ".join(str(m.get("result")) for m in result.get("messages", []))

    with Server(args.database_url, args.label) as server:
        # The command line, on the database the server uses while it serves.
        listing = server.cli("badge", "list", "--json", expect_ok=False)
        seeded = json_lines(listing)
        report.check("CLI badge list --json on a fresh database: one JSON object per line, the 9 seeded Region badge classes",
                     listing.returncode == 0 and len(seeded) == 9 and None not in seeded
                     and all(line["org"] == "region-normandie" for line in seeded), listing.stdout[:600] + listing.stderr[-300:])
        seeded = [line for line in seeded if line]
        report.check("CLI badge list: each line has id, org, name, url (the hosted BadgeClass URL) and archived (a boolean)",
                     seeded and all(set(line) == BADGE_LINE_FIELDS and isinstance(line["archived"], bool) and not line["archived"]
                                    and line["url"] == server.base + "/badges/" + line["id"] for line in seeded), seeded[:2])
        levels = {}
        for line in seeded:
            match = re.match(r"(.*\S)\s+[–-]\s+Niveau (II|I)\b", line["name"])
            if match:
                levels.setdefault(match.group(1), set()).add(match.group(2))
        report.check("CLI badge list: the seeded ones are 4 competencies at levels I and II, and the participant badge",
                     len(levels) == 4 and all(found == {"I", "II"} for found in levels.values())
                     and sorted(line["name"] for line in seeded if line["name"] == PARTICIPANT) == [PARTICIPANT], [line["name"] for line in seeded])
        documents = [(line, server.get(line["url"])) for line in seeded]
        classes = [json.loads(body) if status == 200 else {} for _, (status, body, _) in documents]
        region_issuers = {document.get("issuer") for document in classes}
        region_issuer = region_issuers.pop() if len(region_issuers) == 1 else None
        region_profile = json.loads(server.get(region_issuer)[1]) if region_issuer else {}
        report.check("CLI badge list: each url answers JSON-LD of type BadgeClass, all issued by Région Normandie",
                     classes and all(document.get("type") == "BadgeClass" and document.get("id") == line["url"]
                                     for (line, _), document in zip(documents, classes))
                     and region_profile.get("name") == "Région Normandie", (region_issuer, region_profile.get("name")))
        migrated = server.cli("migrate", expect_ok=False)
        report.check("CLI migrate exits 0 and prints one line on standard output (logs go to standard error)",
                     migrated.returncode == 0 and len(migrated.stdout.splitlines()) == 1 and migrated.stdout.strip(),
                     (migrated.returncode, migrated.stdout, migrated.stderr[-300:]))
        for command in HELP:
            shown = server.cli(*command, "--help", expect_ok=False)
            report.check("CLI %s --help exits 0 and prints its usage on standard output" % " ".join(("blason",) + command),
                         shown.returncode == 0 and ("USAGE: " + " ".join(("blason",) + command)) in shown.stdout,
                         (shown.returncode, shown.stdout[:200], shown.stderr[-200:]))

        server.cli("user", "create", "--email", "admin@e2e.test", "--password", "e2e-password-123", "--org", "Structure E2E")
        image = os.path.join(server.workdir, "badge.png")
        with open(image, "wb") as handle:
            handle.write(png())
        badge = json.loads(server.cli("badge", "create", "--org", "structure-e2e", "--name", "Accueillir le public",
                                      "--description", "Accueillir et orienter le public.", "--criteria", "- Accueillir\n- Orienter",
                                      "--image", image).stdout)
        assertion = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "Alice.Martin@Example.org", "--name", "Alice Martin",
                                          "--evidence", "https://example.org/portfolio/alice").stdout)
        url = assertion["id"]
        report.check("CLI issue --badge <hosted BadgeClass URL> prints the Assertion with its hosted URL as id",
                     badge["id"].startswith(server.base + "/badges/") and url.startswith(server.base + "/assertions/")
                     and assertion.get("badge", "").startswith(badge["id"]), url)

        # Command-line mistakes: non-zero exit, one message naming what is wrong, nothing on standard output, nothing written.
        text_file = os.path.join(server.workdir, "badge.txt")
        with open(text_file, "w") as handle:
            handle.write("Ceci n'est pas une image.\n")
        missing_award = "http://127.0.0.1:1/assertions/00000000-0000-0000-0000-000000000000"
        mistakes = [
            ("CLI badge create --org nope fails, naming the organisation not found",
             ("badge", "create", "--org", "nope", "--name", "Fantôme", "--description", "Non.", "--criteria", "Non.", "--image", image),
             ("no organisation matches", "nope")),
            ("CLI badge list --org nope fails, naming the organisation not found", ("badge", "list", "--json", "--org", "nope"),
             ("no organisation matches", "nope")),
            ("CLI badge create with a text file as --image fails with a clear message",
             ("badge", "create", "--org", "structure-e2e", "--name", "Texte", "--description", "Non.", "--criteria", "Non.", "--image", text_file),
             ("image", "PNG", "SVG")),
            ("CLI issue --badge <unknown id> fails, naming the badge class not found",
             ("issue", "--badge", "00000000-0000-0000-0000-000000000000", "--email", "x@example.org"),
             ("no badge class matches", "00000000-0000-0000-0000-000000000000")),
            ("CLI revoke --award <unknown hosted URL> fails, naming the award not found",
             ("revoke", "--award", missing_award, "--reason", "Aucune"), ("no award matches", missing_award)),
            ("CLI user create --role issuer without --org fails, mentioning --org",
             ("user", "create", "--email", "x@example.org", "--password", "correct horse battery", "--role", "issuer"), ("--org",)),
        ]
        for name, command, needles in mistakes:
            refused = server.cli(*command, expect_ok=False)
            report.check(name, refused.returncode != 0 and not refused.stdout.strip() and all(needle in refused.stderr for needle in needles),
                         (refused.returncode, refused.stdout[:200], refused.stderr[-300:]))
        report.check("CLI nothing written by the refused user create: the address cannot sign in",
                     token_refused(server, "x@example.org", "correct horse battery"))
        listing = server.cli("badge", "list", "--json", expect_ok=False)
        after = json_lines(listing)
        added = [line for line in after if line not in seeded]
        report.check("CLI nothing written by the refused badge create: badge list --json holds the seeded lines and the one badge class made",
                     listing.returncode == 0 and len(after) == len(seeded) + 1 and all(line in after for line in seeded)
                     and len(added) == 1 and added[0]["url"] == badge["id"] and added[0]["org"] == "structure-e2e", listing.stdout[-600:])
        # With badge classes of another organisation now listed, --org keeps the Region's: as slug and as hosted issuer URL.
        by_slug = server.cli("badge", "list", "--json", "--org", "region-normandie", expect_ok=False)
        by_url = server.cli("badge", "list", "--json", "--org", region_issuer or "?", expect_ok=False)
        report.check("CLI badge list --org as slug and as hosted issuer URL prints the same lines: the seeded Region ones",
                     by_slug.returncode == 0 and by_url.returncode == 0 and by_slug.stdout == by_url.stdout and json_lines(by_slug) == seeded,
                     (by_slug.stdout[-300:], by_url.stdout[-300:], by_url.stderr[-300:]))

        result = verify(url, "alice.martin@example.org")
        report.check("hosted assertion URL with the earner's e-mail is valid", result["valid"], messages(result))
        result = verify(url, "bob@example.org")
        report.check("the same assertion against another e-mail is invalid", not result["valid"] and "did not match" in messages(result), messages(result))

        status, baked_png, _ = server.get(url + "/baked.png", accept="image/png")
        result = verify(io.BytesIO(baked_png), "alice.martin@example.org")
        report.check("baked PNG is valid", status == 200 and result["valid"], messages(result))
        status, baked_svg, _ = server.get(url + "/baked.svg", accept="image/svg+xml")
        result = verify(io.BytesIO(baked_svg), "alice.martin@example.org")
        report.check("baked SVG (of a PNG badge class) is valid", status == 200 and result["valid"], messages(result))
        status, image_bytes, headers = server.get(assertion["image"], accept="image/png")
        report.check("the Assertion's image is its baked PNG", status == 200 and headers.get("Content-Type", "").startswith("image/png")
                     and b"openbadges" in image_bytes)

        svg_path = os.path.join(server.workdir, "badge.svg")
        with open(svg_path, "w") as handle:
            handle.write(SVG)
        svg_badge = json.loads(server.cli("badge", "create", "--org", badge["issuer"], "--name", "Badge vectoriel", "--description", "SVG.",
                                          "--criteria", "Être vectoriel.", "--image", svg_path).stdout)
        status, body, _ = server.get(svg_badge["id"])
        report.check("CLI badge create --org <hosted issuer URL> prints the BadgeClass JSON, its id the hosted URL",
                     svg_badge.get("type") == "BadgeClass" and svg_badge["id"].startswith(server.base + "/badges/")
                     and svg_badge.get("issuer") == badge["issuer"] and status == 200 and json.loads(body).get("id") == svg_badge["id"], svg_badge)
        # The bare id works as well as the hosted URL.
        svg_assertion = json.loads(server.cli("issue", "--badge", svg_badge["id"].rsplit("/", 1)[-1], "--email", "carla@example.org").stdout)
        report.check("CLI issue --badge <bare id> awards that badge class", svg_assertion.get("badge", "").startswith(svg_badge["id"]), svg_assertion)
        report.check("an SVG badge class's Assertion image is its baked SVG", svg_assertion["image"].endswith("/image"))
        status, baked, _ = server.get(svg_assertion["image"], accept="image/svg+xml")
        result = verify(io.BytesIO(baked), "carla@example.org")
        report.check("baked SVG of an SVG badge class is valid", status == 200 and result["valid"], messages(result))

        # Signed assertions (JWS, RS256), offered by a badge class that asks for them.
        signed_badge = json.loads(server.cli("badge", "create", "--org", "structure-e2e", "--name", "Badge signé", "--description", "Signé.",
                                             "--criteria", "Être signé.", "--image", image, "--signed").stdout)
        signed_award = json.loads(server.cli("issue", "--badge", signed_badge["id"], "--email", "dora@example.org").stdout)
        status, jws, _ = server.get(signed_award["id"] + "/signed.jws", accept="application/jose")
        result = verify(jws.decode(), "dora@example.org")
        report.check("the signed assertion (JWS, RS256) is valid", status == 200 and result["valid"], messages(result))
        status, signed_png, _ = server.get(signed_award["id"] + "/signed.png", accept="image/png")
        result = verify(io.BytesIO(signed_png), "dora@example.org")
        report.check("the PNG baked with the signed assertion is valid", status == 200 and result["valid"], messages(result))
        head, payload, signature = jws.decode().split(".")
        import base64
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        claims["issuedOn"] = "2020-01-01T00:00:00Z"
        forged = ".".join([head, base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode(), signature])
        result = verify(forged, "dora@example.org")
        report.check("a tampered signed assertion is invalid", not result["valid"], messages(result))
        status, _, _ = server.get(badge["id"].replace("/badges/", "/assertions/") + "/signed.jws")
        report.check("a badge class without the option offers no signed assertion", status == 404, status)
        revoked = json.loads(server.cli("revoke", "--award", signed_award["id"], "--reason", "Signé par erreur").stdout)
        report.check("CLI revoke --award <hosted Assertion URL> prints the revoked Assertion with its reason",
                     revoked.get("id") == signed_award["id"] and revoked.get("revoked") is True and revoked.get("revocationReason") == "Signé par erreur",
                     revoked)
        revocation_list = json.loads(server.get(badge["issuer"])[1])["revocationList"]
        result = verify(jws.decode(), "dora@example.org")
        # The revoked award's image answers 410 too, which alone makes the validator fail: ask for its revocation check.
        named = [m for m in result.get("messages", []) if m.get("name") == "VERIFY_SIGNED_ASSERTION_NOT_REVOKED" and not m.get("success")
                 and "has been revoked in RevocationList %s" % revocation_list in str(m.get("result")) and "Signé par erreur" in str(m.get("result"))]
        report.check("after revocation the validator refuses the signed assertion because the issuer's RevocationList names it, with its reason",
                     not result["valid"] and len(named) == 1, messages(result))
        status, body, _ = server.get(revocation_list)
        urn = "urn:uuid:" + signed_award["id"].rsplit("/", 1)[-1]
        report.check("the RevocationList names the signed copy by its URN", any(e.get("id") == urn for e in json.loads(body).get("revokedAssertions", [])))

        # Revocation of the hosted assertion. The validator ignores HTTP 410 and revoked: true on a hosted assertion;
        # it refuses this one because the 410 answer holds only the id, revoked and the reason. Hence the
        # RevocationList's own check below: it must name the assertion with its reason.
        server.cli("revoke", "--award", url, "--reason", "Délivré par erreur")
        result = verify(url, "alice.martin@example.org")
        report.check("after revocation the validator refuses the hosted assertion: its 410 answer lacks recipient and badge",
                     not result["valid"] and "Required property badge not present" in messages(result), messages(result))
        result = verify(io.BytesIO(baked_png), "alice.martin@example.org")
        report.check("after revocation the validator refuses the earlier baked PNG: it refetches the hosted URL's 410 answer",
                     not result["valid"] and "Required property badge not present" in messages(result), messages(result))
        status, body, _ = server.get(url)
        tombstone = json.loads(body)
        report.check("revoked hosted assertion answers 410 with revoked: true and the reason",
                     status == 410 and tombstone.get("revoked") is True and tombstone.get("revocationReason") == "Délivré par erreur", body[:300])
        status, body, _ = server.get(badge["issuer"])
        profile = json.loads(body)
        status, body, _ = server.get(profile["revocationList"])
        revocations = json.loads(body)
        entries = revocations.get("revokedAssertions", [])
        report.check("the issuer's RevocationList lists the assertion with its reason",
                     status == 200 and revocations.get("type") == "RevocationList"
                     and any(e.get("id") == url and e.get("revocationReason") == "Délivré par erreur" for e in entries), body[:400])
        report.check("the RevocationList lists nothing else (the signed award's two names and this one)", len(entries) == 3, entries)
        result = verify(svg_assertion["id"], "carla@example.org")
        report.check("another award of the same issuer stays valid", result["valid"], messages(result))
        again = server.cli("revoke", "--award", url, "--reason", "Encore", expect_ok=False)
        report.check("revoking again fails with a clear message", again.returncode != 0 and "already revoked" in again.stderr, again.stderr)

        # Proposals: absent from every public URL until the earner accepts; a declined one stays absent.
        accepted = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "proposee@example.org", "--propose").stdout)
        declined = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "refus@example.org", "--propose").stdout)

        def public_statuses(assertion_id):
            return [server.get(assertion_id)[0], server.get(assertion_id, accept="text/html")[0], server.get(assertion_id + "/image", "image/png")[0],
                    server.get(assertion_id + "/baked.png", "image/png")[0], server.get(assertion_id + "/baked.svg", "image/svg+xml")[0]]

        report.check("a pending proposal is 404 at every public URL", public_statuses(accepted["id"]) == [404] * 5, public_statuses(accepted["id"]))
        result = verify(accepted["id"], "proposee@example.org")
        report.check("a pending proposal is invalid for the validator", not result["valid"], messages(result))
        outbox = server.get("/admin/mail", accept="text/html")[1].decode()
        for assertion, action in ((accepted, "accept"), (declined, "decline")):
            award_id = assertion["id"].rsplit("/", 1)[-1]
            match = re.search(r'href="(%s/claim/%s/[^"]+)"' % (re.escape(server.base), award_id), outbox)
            report.check("the proposal e-mail (%s) is in the outbox with its link" % action, match is not None)
            if match:
                client = FormClient()
                client.get(match.group(1))
                status, _ = client.post(match.group(1) + "/" + action)
                report.check("the earner can %s the proposal from the link" % action, status == 200, status)
        result = verify(accepted["id"], "proposee@example.org")
        report.check("once accepted, the proposal is valid for the validator", result["valid"], messages(result))
        report.check("a declined proposal stays 404 at every public URL", public_statuses(declined["id"]) == [404] * 5, public_statuses(declined["id"]))

        # Endorsements: a partner endorses the badge class; a new award of it and the Endorsement itself are valid.
        server.cli("user", "create", "--email", "admin@partner.test", "--password", "e2e-password-123", "--org", "Partenaire E2E")
        issuer_token = api_call(server, "POST", "/api/v1/tokens", body={"email": "admin@e2e.test", "password": "e2e-password-123"})["token"]
        partner_token = api_call(server, "POST", "/api/v1/tokens", body={"email": "admin@partner.test", "password": "e2e-password-123"})["token"]
        partnership = api_call(server, "POST", "/api/v1/organisations/structure-e2e/partnerships", issuer_token, {"partner": "partenaire-e2e"})
        api_call(server, "POST", "/api/v1/partnerships/%s/response" % partnership["id"], partner_token, {"accept": True})
        badge_id = badge["id"].rsplit("/", 1)[-1]
        endorsement = api_call(server, "POST", "/api/v1/organisations/partenaire-e2e/endorsements", partner_token,
                               {"organisation": "structure-e2e", "badgeClass": badge_id, "comment": "Nous reconnaissons ce badge."})
        result = verify(endorsement["url"])
        report.check("the Endorsement URL is valid for the validator", result["valid"], messages(result))
        endorsed_award = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "eve@example.org").stdout)
        result = verify(endorsed_award["id"], "eve@example.org")
        report.check("an award of the endorsed badge class is valid", result["valid"], messages(result))
        badge_document = json.loads(server.get(endorsed_award["badge"])[1])
        report.check("its BadgeClass lists the endorsement", endorsement["url"] in badge_document.get("endorsement", []), badge_document.get("endorsement"))
        older = json.loads(server.get(json.loads(server.get(accepted["id"])[1])["badge"])[1])
        report.check("an award of the same badge class made before the endorsement does not show it",
                     older["id"].startswith(badge["id"]) and "endorsement" not in older, older)

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
