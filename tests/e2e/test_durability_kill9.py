"""Durability as an operator meets it, with the default job lease (30 s): `kill -9` of the
serving process in the middle of a 10,000-delivery fan-out to one peer (500 followers there,
20 posts) and in the middle of an inbox burst, then a restart on the same database. Nothing is
lost, nothing is done twice beyond the jobs that were in flight, and work resumes within a
minute of the restart (before the dead process's leases were short and extended by heartbeats,
its running jobs held the peer's two delivery slots for five minutes)."""

import json
import signal
import time
import unittest

from loxodon_e2e import Database, Server, create_user, wait_until
from remote_stand_in import Remote, cavage_post
from test_federation_crash import RecordingSink

FOLLOWERS = 500
POSTS = 20
BURST = 400


class DurabilityTest(unittest.TestCase):
    def setUp(self):
        self.db = Database()
        # The defaults an operator runs with: only the e2e harness's short lease is undone.
        self.env = {"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true", "LOXODON_JOBS_LEASE_SECONDS": "30"}
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.close()
        self.db.close()

    def serve(self, domain_port=None):
        server = Server(self.db.url, domain_port=domain_port, extra_env=self.env)
        self.servers.append(server)
        return server

    def kill(self, server):
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()

    def test_a_fan_out_of_ten_thousand_deliveries_survives_kill_9(self):
        sink = RecordingSink(delay=0.005)  # a peer that takes a few ms to answer
        self.addCleanup(sink.close)
        port = sink.ports[0]  # one peer: every delivery shares its two slots
        first = self.serve()
        alice = create_user(self.db.url, first, "alice")
        self.db.query(f"""
            INSERT INTO accounts (id, username, domain, uri, url, inbox_url)
            SELECT 1000000 + g, 'f' || g, '127.0.0.1:{port}',
                   'http://127.0.0.1:{port}/users/f' || g, 'http://127.0.0.1:{port}/@f' || g,
                   'http://127.0.0.1:{port}/inbox/' || g
            FROM generate_series(0, {FOLLOWERS - 1}) g;
            INSERT INTO follows (id, account_id, target_account_id)
            SELECT 2000000 + g, 1000000 + g, a.id FROM generate_series(0, {FOLLOWERS - 1}) g,
                   accounts a WHERE a.username = 'alice' AND a.domain IS NULL;""")
        posts = [alice.status_post(f"post {i} to every follower")["id"] for i in range(POSTS)]
        total = FOLLOWERS * POSTS
        self.assertTrue(wait_until(lambda: sink.count() >= 1000, 120), first.logs()[-2000:])
        self.kill(first)
        in_flight = int(self.db.query(
            "SELECT count(*) FROM jobs WHERE kind = 'activitypub.deliver' AND state = 'running'"))
        before = sink.count()
        self.assertLess(before, total, "the kill came too late to test anything")

        restarted = time.time()
        self.serve(domain_port=first.port)
        self.assertTrue(wait_until(lambda: sink.count() > before + 50, 60),
                        "deliveries did not resume within a minute of the restart")
        resumed = time.time() - restarted
        done = wait_until(lambda: self.db.query(
            "SELECT count(*) FROM jobs WHERE kind = 'activitypub.deliver'") == "0", 300)
        self.assertTrue(done, self.servers[-1].logs()[-2000:])

        with sink.lock:
            received = list(sink.received)
        pairs = {(path, activity) for _, path, activity in received}
        self.assertEqual(len(pairs), total)  # every post reached every inbox
        self.assertEqual(len({a for _, a in pairs}), POSTS)
        duplicates = len(received) - total
        self.assertLessEqual(duplicates, in_flight)
        self.assertLessEqual(max(sink.peak.values()), 2, sink.peak)
        print(f"\n  fan-out: {before} of {total} delivered before kill -9, {in_flight} in flight, "
              f"resumed {resumed:.1f} s after the restart, {duplicates} delivered twice",
              flush=True)
        self.assertEqual(len(posts), POSTS)

    def test_an_inbox_burst_survives_kill_9(self):
        remote = Remote()
        self.addCleanup(remote.close)
        bob = remote.add("bob")
        first = self.serve()
        create_user(self.db.url, first, "alice")
        sent = []
        for i in range(BURST):
            note = f"{remote.url('bob')}/notes/{i}"
            activity = {"@context": "https://www.w3.org/ns/activitystreams",
                        "id": note + "#create", "type": "Create", "actor": remote.url("bob"),
                        "object": {"id": note, "type": "Note", "content": f"<p>burst {i}</p>",
                                   "attributedTo": remote.url("bob"),
                                   "to": ["https://www.w3.org/ns/activitystreams#Public"]}}
            status, _ = cavage_post(first, "/inbox", json.dumps(activity).encode(), bob,
                                    remote.url("bob") + "#main-key")
            self.assertEqual(status, 202)
            sent.append(note)

        def stored():
            return int(self.db.query(
                f"SELECT count(*) FROM statuses WHERE uri LIKE '{remote.url('bob')}/notes/%'"))

        # Killed while the burst is being worked through (or, on a fast machine, after).
        self.kill(first)
        before = stored()
        restarted = time.time()
        self.serve(domain_port=first.port)
        self.assertTrue(wait_until(lambda: stored() == BURST, 90),
                        f"{stored()} of {BURST} stored after the restart")
        print(f"\n  inbox burst: {before} of {BURST} stored before kill -9, all {BURST} "
              f"{time.time() - restarted:.1f} s after the restart", flush=True)
        # The last job is deleted just after its status commits: wait for that too.
        self.assertTrue(wait_until(lambda: self.db.query(
            "SELECT count(*) FROM jobs WHERE kind = 'activitypub.inbox'") == "0", 30))


if __name__ == "__main__":
    unittest.main()
