"""Reports across servers, with a stand-in remote server: a Flag it sends about a local account
and status lands in the moderation queue once (however often it is delivered) and staff see it
through the admin API and the CLI; a local report about a remote account, forwarded, reaches
the account's server as a Flag from our instance actor that names neither the reporter nor
anything but the account, the statuses and the comment."""

import json
import time
import unittest
from types import SimpleNamespace

from loxodon_e2e import Database, Server, api_call, create_user, run_cli, wait_until
from remote_stand_in import Remote, cavage_post


class ReportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.remote = Remote()
        cls.remote.add("admin", type="Application")  # what Mastodon sends Flags from
        cls.remote.add("bob")
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"})
        cls.alice = create_user(cls.db.url, cls.server, "alice")
        cls.env = {"LOXODON_DATABASE_URL": cls.db.url,
                   "LOXODON_DOMAIN": f"localhost:{cls.server.port}", "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "create", "carol", "--email", "carol@example.com", "--password",
                 "correct horse battery", "--role", "moderator"], env=cls.env, check=True)
        cls.staff_token = run_cli(["tokens", "create", "carol", "--scopes",
                                   "read admin:read admin:write"],
                                  env=cls.env, check=True).stdout.strip()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.remote.close()

    def deliver(self, activity, name):
        body = json.dumps(activity).encode()
        status, answer = cavage_post(self.server, "/inbox", body, self.remote.actors[name],
                                     self.remote.url(name) + "#main-key")
        self.assertEqual(status, 202, answer)

    def staff(self, method, path):
        status, body, _ = api_call(self.server, SimpleNamespace(access_token=self.staff_token),
                                   method, path)
        return status, body

    def test_a_flag_from_another_server_reaches_the_queue_once(self):
        status = self.alice.status_post("something they did not like")
        me = f"http://localhost:{self.server.port}/users/alice"
        flag = {"@context": "https://www.w3.org/ns/activitystreams",
                "id": f"http://{self.remote.host}/reports/{time.time()}", "type": "Flag",
                "actor": self.remote.url("admin"), "content": "Please take a look",
                "object": [me, status["uri"]]}
        self.deliver(flag, "admin")
        self.deliver(flag, "admin")  # again, as retries do
        self.assertTrue(wait_until(
            lambda: len(self.staff("GET", "/api/v1/admin/reports")[1]) >= 1, timeout=20))
        time.sleep(1)
        code, reports = self.staff("GET", "/api/v1/admin/reports")
        mine = [r for r in reports if r["target_account"]["username"] == "alice"]
        self.assertEqual(len(mine), 1, reports)
        report = mine[0]
        self.assertEqual(report["comment"], "Please take a look")
        self.assertTrue(report["forwarded"])
        self.assertEqual(report["account"]["domain"], self.remote.host)
        self.assertEqual([s["id"] for s in report["statuses"]], [str(status["id"])])
        listed = run_cli(["reports", "list"], env=self.env, check=True).stdout
        self.assertIn(f"#{report['id']}", listed)
        self.assertIn("reported @alice", listed)
        run_cli(["reports", "resolve", report["id"]], env=self.env, check=True)
        code, report = self.staff("GET", f"/api/v1/admin/reports/{report['id']}")
        self.assertTrue(report["action_taken"])

    def test_a_forwarded_report_reaches_the_other_server_anonymously(self):
        bob = self.remote.url("bob")
        note = {"id": f"{bob}/statuses/9", "type": "Note", "attributedTo": bob,
                "content": "<p>rude words</p>",
                "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [],
                "published": "2026-01-01T00:00:00Z"}
        self.deliver({"id": note["id"] + "/activity", "type": "Create", "actor": bob,
                      "object": note}, "bob")

        def found():
            statuses = self.alice.search_v2(note["id"], resolve=True)["statuses"]
            return statuses[0] if statuses else None
        self.assertTrue(wait_until(lambda: found() is not None, timeout=20))
        status = found()
        report = self.alice.report(status["account"]["id"], status_ids=[status["id"]],
                                   comment="Not nice", forward=True)
        self.assertTrue(report["forwarded"])
        self.assertTrue(wait_until(lambda: self.remote.received_of("Flag"), timeout=20))
        flag = self.remote.received_of("Flag")[0]
        index = [doc for _, doc in self.remote.received].index(flag)
        ours = f"http://localhost:{self.server.port}"
        self.assertEqual(flag["actor"], ours + "/actor")
        self.assertEqual(flag["object"], [bob, note["id"]])
        self.assertEqual(flag["content"], "Not nice")
        self.assertNotIn("alice", json.dumps(flag))
        self.assertIn(f'keyId="{ours}/actor#main-key"',
                      self.remote.received_headers[index]["Signature"])


if __name__ == "__main__":
    unittest.main()
