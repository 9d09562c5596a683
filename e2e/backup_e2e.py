#!/usr/bin/env python3
"""A backup taken under load, restored: `blason backup` runs while API clients award badges one by one,
the server is stopped, `blason restore` puts the backup in place of the database, and the restarted
server must serve every award that was acknowledged (201) before the backup started, and none
acknowledged after it ended. Bad restores change nothing: a file that is not a Blason database, and
an existing database without --force.

Run: python backup_e2e.py
"""
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, issuer  # noqa: E402
from ob2_validation import api_call  # noqa: E402


def main():
    report = Report("Backup under load, then restore (SQLite)")
    server = Server(label="backup")
    with server:
        badge_id, _, token = issuer(server, "admin@backup.test", "Structure Sauvegarde", "structure-sauvegarde", "Badge sauvegardé")

        acknowledged = []  # (award id, time the 201 arrived)
        stop = threading.Event()
        errors = []

        def client(number):
            count = 0
            while not stop.is_set():
                count += 1
                try:
                    answer = api_call(server, "POST", "/api/v1/badge-classes/%s/awards" % badge_id, token=token,
                                      body={"recipients": [{"email": "c%d-%d@backup.example" % (number, count)}]})
                    acknowledged.append((answer["awards"][0]["id"], time.monotonic()))
                except Exception as error:  # noqa: BLE001 - any failure under load is a finding
                    errors.append(str(error))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        backup = os.path.join(server.workdir, "backup.sqlite")
        started = time.monotonic()
        result = server.cli("backup", "--to", backup, expect_ok=False)
        ended = time.monotonic()
        time.sleep(2)
        stop.set()
        for thread in threads:
            thread.join()
        before = [award for award, at in acknowledged if at < started]
        # Half a second of margin: a commit just before the backup's snapshot may be answered a
        # little after the command ends on a loaded machine.
        after = [award for award, at in acknowledged if at > ended + 0.5]
        report.check("blason backup succeeded while the API was awarding", result.returncode == 0, result.stdout.strip()[:200])
        report.check("awards kept being acknowledged during the backup, none failed",
                     len(before) > 20 and len(after) > 5 and not errors, "%d before, %d after, errors: %s" % (len(before), len(after), errors[:3]))

    # The server is stopped: the live database now holds every award, the backup only the earlier ones.
    database = server.env["BLASON_DATABASE_URL"][len("sqlite:"):]
    garbage = os.path.join(server.workdir, "garbage.sqlite")
    with open(garbage, "wb") as handle:
        handle.write(b"not a database at all" * 100)
    size = os.path.getsize(database)
    refused = server.cli("restore", "--from", garbage, "--force", expect_ok=False)
    report.check("a file that is not a Blason database is refused, nothing changed",
                 refused.returncode != 0 and "not a Blason backup" in refused.stderr and os.path.getsize(database) == size,
                 refused.stderr.strip()[:200])
    refused = server.cli("restore", "--from", backup, expect_ok=False)
    report.check("an existing database is not replaced without --force", refused.returncode != 0 and "--force" in refused.stderr,
                 refused.stderr.strip()[:200])
    restored = server.cli("restore", "--from", backup, "--force", expect_ok=False)
    report.check("blason restore --force puts the backup in place", restored.returncode == 0, (restored.stdout + restored.stderr).strip()[:200])
    report.check("the old write-ahead log is gone with the old database", not os.path.exists(database + "-wal") or
                 os.path.getsize(database + "-wal") == 0, "")

    with server:
        missing = [award for award in before if authorised_status(server, token, award) != 200]
        present_after = [award for award in after if authorised_status(server, token, award) == 200]
        report.check("every award acknowledged before the backup started is in the restored database (%d)" % len(before),
                     not missing, "missing: %s" % missing[:5])
        report.check("awards acknowledged after the backup ended are not (%d): the backup was restored, not the live file" % len(after),
                     not present_after, "present: %s" % present_after[:5])
        status, _, _ = server.get("/assertions/" + before[0])
        report.check("the restored awards are served publicly", status == 200, str(status))
    sys.exit(report.finish())


def authorised_status(server, token, award):
    request = urllib.request.Request(server.base + "/api/v1/awards/" + award,
                                     headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


if __name__ == "__main__":
    main()
