"""Reads from a real streaming replica (a standby made with pg_basebackup -R), as an operator
runs one with LOXODON_DATABASE_REPLICA_URL. Replay is paused on the standby to tell the two
databases apart: a post is then on the primary only. Its author reads it back at once
(read-your-writes keeps their reads on the primary for a while after their write); anyone else
reads timelines from the frozen replica and does not see it until replay resumes. With the
replica stopped, reads fall back to the primary."""

import json
import time
import unittest
import urllib.parse

from infra import PostgresCluster
from loxodon_e2e import Server, get, run_cli, wait_until

WINDOW_MS = 3000  # LOXODON_DATABASE_READ_YOUR_WRITES_MS, short to keep the test quick


class ReplicaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.primary = PostgresCluster()
        cls.replica = None
        cls.server = None
        try:
            cls.primary.query("CREATE DATABASE loxodon")
            url = cls.primary.url_of("loxodon")
            run_cli(["migrate"], env={"LOXODON_DATABASE_URL": url}, check=True)
            # After the migration, so the standby starts with the whole schema.
            cls.replica = PostgresCluster(replica_of=cls.primary)
            cls.server = Server(url, extra_env={
                "LOXODON_DATABASE_REPLICA_URL": cls.replica.url_of("loxodon"),
                "LOXODON_DATABASE_READ_YOUR_WRITES_MS": str(WINDOW_MS),
                "LOXODON_RATE_LIMITS_ENABLED": "false",
            })
            env = {"LOXODON_DATABASE_URL": url, "LOXODON_DOMAIN": f"localhost:{cls.server.port}",
                   "LOXODON_SCHEME": "http"}
            cls.tokens, cls.ids = {}, {}
            for name in ("alice", "bob"):
                run_cli(["accounts", "create", name, "--email", f"{name}@example.com",
                         "--password", "correct horse battery"], env=env, check=True)
                cls.tokens[name] = run_cli(["tokens", "create", name, "--scopes", "read write follow"],
                                           env=env, check=True).stdout.strip()
                cls.ids[name] = cls.primary.query(
                    f"SELECT id FROM accounts WHERE username = '{name}'", "loxodon")
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            cls.server.stop()
            cls.server.close()
        if cls.replica:
            cls.replica.stop()
        cls.primary.stop()

    def call(self, name, method, path, form=None):
        headers = {"Authorization": f"Bearer {self.tokens[name]}"} if name else {}
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, _, body = get(self.server.base + path, headers=headers, method=method, data=data)
        return status, (json.loads(body) if body else None)

    def ids_in(self, name, path):
        status, body = self.call(name, "GET", path)
        self.assertEqual(status, 200, body)
        return [s["id"] for s in body]

    def replica_caught_up(self):
        lsn = self.primary.query("SELECT pg_current_wal_lsn()")
        return self.replica.query(f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn") == "t"

    def test_reads_go_to_the_replica_except_for_a_writer(self):
        status, _ = self.call("alice", "POST", f"/api/v1/accounts/{self.ids['bob']}/follow")
        self.assertEqual(status, 200)
        self.assertTrue(wait_until(self.replica_caught_up), "the standby never caught up")
        self.replica.query("SELECT pg_wal_replay_pause()")
        self.assertTrue(wait_until(lambda: self.replica.query(
            "SELECT pg_get_wal_replay_pause_state()") == "paused"))
        time.sleep(WINDOW_MS / 1000 + 0.5)  # alice's follow is out of her window too

        status, post = self.call("bob", "POST", "/api/v1/statuses",
                                 {"status": "posted while the replica is frozen"})
        self.assertEqual(status, 200, post)
        pid = post["id"]
        self.assertTrue(wait_until(lambda: self.primary.query(
            f"SELECT count(*) FROM home_feed WHERE status_id = {pid}", "loxodon") == "2"),
            "fan-out to bob and alice never happened on the primary")

        # Bob, within his window, reads the primary: his own post is everywhere he looks.
        own = f"/api/v1/accounts/{self.ids['bob']}/statuses"
        self.assertIn(pid, self.ids_in("bob", own))
        self.assertIn(pid, self.ids_in("bob", "/api/v1/timelines/home"))
        self.assertIn(pid, self.ids_in("bob", "/api/v1/timelines/public?local=true"))
        self.assertEqual(self.call("bob", "GET", f"/api/v1/statuses/{pid}")[0], 200)

        # Everyone else reads the replica, which has not replayed the post.
        self.assertNotIn(pid, self.ids_in("alice", "/api/v1/timelines/home"))
        self.assertNotIn(pid, self.ids_in(None, "/api/v1/timelines/public?local=true"))
        self.assertNotIn(pid, self.ids_in(None, own))
        # A single status the replica lacks (seen live, say) is looked for on the primary.
        self.assertEqual(self.call(None, "GET", f"/api/v1/statuses/{pid}")[0], 200)

        # Once his window has passed, Bob reads the replica too.
        time.sleep(WINDOW_MS / 1000 + 0.5)
        self.assertNotIn(pid, self.ids_in("bob", own))

        self.replica.query("SELECT pg_wal_replay_resume()")
        self.assertTrue(wait_until(lambda: pid in self.ids_in("alice", "/api/v1/timelines/home")),
                        "the post never reached alice's home through the replica")
        self.assertIn(pid, self.ids_in(None, "/api/v1/timelines/public?local=true"))

    def test_zz_reads_fall_back_to_the_primary_without_the_replica(self):
        status, post = self.call("alice", "POST", "/api/v1/statuses",
                                 {"status": "posted before the replica goes away"})
        self.assertEqual(status, 200, post)
        type(self).replica.stop()
        type(self).replica = None
        self.assertTrue(wait_until(lambda: self.primary.query(
            f"SELECT count(*) FROM home_feed WHERE status_id = {post['id']}", "loxodon") != "0"))
        time.sleep(WINDOW_MS / 1000 + 0.5)  # alice reads as anyone would
        for name in ("alice", None):
            self.assertIn(post["id"], self.ids_in(name, "/api/v1/timelines/public?local=true"))
        self.assertIn(post["id"], self.ids_in("alice", "/api/v1/timelines/home"))
        status, account = self.call(None, "GET", f"/api/v1/accounts/{self.ids['alice']}")
        self.assertEqual((status, account["username"]), (200, "alice"))
        self.server.wait_log("database replica unavailable")


if __name__ == "__main__":
    unittest.main()
