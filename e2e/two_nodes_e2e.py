#!/usr/bin/env python3
"""Two Blason nodes on one PostgreSQL database behave as one platform.

Two `blason serve` processes on different loopback ports share one database, one master key,
one public URL and one SMTP server (aiosmtpd, e2e/smtp_sink.py). They start together on the empty
database (one migrates, the other waits). The programme's end-to-end flow (programme_e2e.procedure)
runs with browsers whose requests, redirects included, alternate between the nodes with one cookie
jar, so sessions, anti-forgery tokens and flash messages must live in the database. Then 24 awards
are made through the API by concurrent requests spread over both nodes, and the daily digest is
made due on both nodes restarted together. Checked: every e-mail reaches the SMTP server exactly
once (by Message-ID, and by recipient and subject), no award is lost (the API and the public URLs of
both nodes), the digest goes out once, sessions outlive both nodes.

    python two_nodes_e2e.py --database-url URL --obkit PATH --ob2-python PATH   (BLASON_BIN: the blason binary)
"""
import argparse
import collections
import concurrent.futures
import datetime
import http.cookiejar
import itertools
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, WebClient, delivering_to, free_port, mail_sink, wait_for  # noqa: E402
from programme_e2e import BADGE, CONTACT, PASSWORD, REGION_EMAIL, STRUCTURE, STRUCTURE_EMAIL, UUID, found, procedure, recipient  # noqa: E402

BURST = ["burst%02d@example.org" % n for n in range(24)]


class Platform:
    """The nodes as the programme's procedure sees a server: the public URL, the command line, and
    GETs of public URLs, each request going to the next node in turn."""

    def __init__(self, nodes, public_url):
        self.nodes, self.base, self.workdir = nodes, public_url, nodes[0].workdir
        self.turn = itertools.count()
        self.served = collections.Counter()

    def next_node(self):
        node = self.nodes[next(self.turn) % len(self.nodes)]
        self.served[node.port] += 1
        return node

    def on_next_node(self, url):
        """`url` (a path, the public URL or any node's) on the next node."""
        for base in [self.base] + [node.base for node in self.nodes]:
            if url.startswith(base):
                url = url[len(base):]
                break
        return self.next_node().base + url

    def cli(self, *args, **options):
        return self.nodes[0].cli(*args, **options)

    def get(self, path, accept="application/ld+json"):
        return self.nodes[0].get(self.on_next_node(path), accept)


class SpreadClient(WebClient):
    """A browser whose requests and redirects go to the nodes in turn, with one cookie jar."""

    def __init__(self, platform):
        super().__init__(platform.base)
        self.platform = platform
        client = self

        class Redirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, req, fp, code, msg, headers, newurl):
                return super().redirect_request(req, fp, code, msg, headers, client.platform.on_next_node(newurl))

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), Redirect())

    def _absolute(self, path):
        return self.platform.on_next_node(path)


def api(node, method, path, token=None, body=None):
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(node.base + path, method=method, headers=headers, data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")[:400]


def start_together(nodes):
    for node in nodes:
        node.start()
    for node in nodes:
        node.wait_ready()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True, help="an empty PostgreSQL database")
    parser.add_argument("--obkit", required=True)
    parser.add_argument("--ob2-python", required=True)
    args = parser.parse_args()
    report = Report("two nodes on one PostgreSQL")
    root = tempfile.mkdtemp(prefix="blason-two-nodes-")
    sink = mail_sink(root)
    first_port = free_port()
    public_url = "http://127.0.0.1:%d" % first_port
    # The digest is kept from falling due (23:00) until the nodes are restarted with 0; with less
    # than two hours to 23:00 in Paris that cannot be arranged, and the digest is not checked.
    paris_hour = datetime.datetime.now(ZoneInfo("Europe/Paris")).hour
    digest_checked = paris_hour <= 21
    nodes = [Server(args.database_url, "node-%d" % n, port=port, public_url=public_url) for n, port in enumerate((first_port, free_port()))]
    for node in nodes:
        node.env.update(delivering_to(sink, claim_timeout=30))
        node.env["BLASON_DIGEST_HOUR"] = "23" if digest_checked else "8"
    platform = Platform(nodes, public_url)
    try:
        sink.start()
        start_together(nodes)
        report.check("two nodes started together on the empty database both serve", all(n.get("/healthz")[0] == 200 for n in nodes))
        procedure(platform, sink, report, args, web=lambda _base: SpreadClient(platform))
        report.check("both nodes served the flow's requests", len(platform.served) == 2 and min(platform.served.values()) > 20, dict(platform.served))
        awards_on_both_nodes(nodes, sink, report)
        if digest_checked:
            digest_once(nodes, platform, sink, report)
        else:
            print("note: the digest is not checked between 22:00 and 24:00 Paris time (it cannot be kept from falling due)", flush=True)
        every_mail_once(sink, report, digest_checked)
    except Exception as error:  # noqa: BLE001  (a broken step is a failure, reported like the others)
        report.check("the two-node run goes to its end", False, "%s: %s" % (type(error).__name__, error))
    finally:
        for node in nodes:
            node.stop()
        sink.stop()
    return report.finish()


def awards_on_both_nodes(nodes, sink, report):
    """24 awards through the API, two recipients a request, twelve requests at once over both nodes."""
    status, body = api(nodes[0], "POST", "/api/v1/tokens", body={"email": STRUCTURE_EMAIL, "password": PASSWORD, "name": "two nodes"})
    token = body.get("token") if status == 201 else None
    status, classes = api(nodes[1], "GET", "/api/v1/organisations/maison-des-jeunes/badge-classes", token)
    badge = next((c["id"] for c in classes if c["name"]["fr"] == BADGE), None) if status == 200 else None
    report.check("the API token made on one node works on the other", token is not None and badge is not None, (status, classes))

    def issue(index):
        pair = BURST[2 * index:2 * index + 2]
        return api(nodes[index % 2], "POST", "/api/v1/badge-classes/%s/awards" % badge, token, {"recipients": [{"email": e} for e in pair]})

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(issue, range(len(BURST) // 2)))
    made = {a["id"] for status, body in results if status == 201 for a in body["awards"]}
    report.check("12 concurrent API requests over both nodes make 24 awards", len(made) == 24, [s for s, _ in results])
    for node in nodes:
        status, body = api(node, "GET", "/api/v1/badge-classes/%s/awards" % badge, token)
        listed = {a["id"] for a in body["awards"] if a["recipient"]["email"] in BURST} if status == 200 else set()
        report.check("node %s lists the 24 awards through the API" % node.label, listed == made, (status, len(listed)))
        statuses = collections.Counter(node.get("/assertions/%s" % award)[0] for award in made)
        report.check("node %s serves the 24 public assertions" % node.label, statuses == {200: 24}, dict(statuses))

    def mails(to):
        return [str(m["Subject"]) for m in sink.messages() if recipient(m) == to]

    wait_for(lambda: all(len(mails(e)) >= 2 for e in BURST), 120)
    time.sleep(3)  # a duplicate, if any were sent, would arrive now
    wrong = {e: mails(e) for e in BURST if sorted(s.split(" ")[0] for s in mails(e)) != ["Proposition", "Vous"]}
    report.check("each of the 24 earners gets one award e-mail and one Region badge proposal", not wrong, wrong)


def digest_once(nodes, platform, sink, report):
    """A pending endorsement request, a subscriber, then both nodes restarted together with the
    digest due: one digest."""
    region, structure = SpreadClient(platform), SpreadClient(platform)
    for client, email in ((region, REGION_EMAIL), (structure, STRUCTURE_EMAIL)):
        client.get("/sign-in")
        client.post("/sign-in", {"email": email, "password": PASSWORD})
    region.get("/network")
    _, _, page = region.post("/network/digest", {"digest": "on"})
    report.check("the Region's admin subscribes to the daily digest", "checked" in page.split('name="digest"', 1)[-1][:200], page[:200])
    _, _, page = structure.get("/network")
    partner = found(r'name="partner" value="(%s)"' % UUID, page)
    _, _, page = structure.post("/network/requests", {"partner": partner or "", "badge_class": "", "message": "Endossez notre structure ?"})
    report.check("the structure asks the Region to endorse it", partner is not None and "Demande envoyée." in page)

    def digests():
        return [m for m in sink.messages() if recipient(m) == REGION_EMAIL and str(m["Subject"]).startswith("Demandes d'endossement en attente")]

    time.sleep(2)
    report.check("no digest before it is due", not digests())
    for node in nodes:
        node.stop()
        node.env["BLASON_DIGEST_HOUR"] = "0"
    start_together(nodes)
    arrived = wait_for(lambda: digests(), 90)
    time.sleep(5)  # a second digest, if any were sent, would arrive now
    got = digests()
    report.check("both nodes restarted together with the digest due: it goes out once", arrived and len(got) == 1
                 and str(got[0]["Subject"]).endswith(": 1"), [str(m["Subject"]) for m in got])
    status, url, page = region.get("/network")
    report.check("the Region's session outlives both nodes", status == 200 and "/sign-in" not in url and STRUCTURE in page, (status, url))


def every_mail_once(sink, report, digest_checked):
    messages = sink.messages()
    by_id = collections.Counter(str(m["Message-ID"]) for m in messages)
    report.check("every e-mail reached the SMTP server exactly once (%d, by Message-ID)" % len(messages),
                 messages and max(by_id.values()) == 1, [i for i, n in by_id.items() if n > 1])
    by_subject = collections.Counter((recipient(m), str(m["Subject"])) for m in messages)
    # Two awards to one earner in the procedure, two endorsement requests to the Region with the
    # digest: each its own e-mail, under the same subject.
    expected = {("lea@example.org", "Vous avez reçu le badge « %s »" % BADGE): 2,
                (CONTACT, "%s vous demande un endossement" % STRUCTURE): 2 if digest_checked else 1}
    repeated = {key: n for key, n in by_subject.items() if n > 1 and expected.get(key) != n}
    report.check("and once by recipient and subject", not repeated, repeated)


if __name__ == "__main__":
    sys.exit(main())
