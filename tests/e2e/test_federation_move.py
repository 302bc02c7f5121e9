"""Account migration (Move) from a stand-in remote server: a Move whose target lists the
origin in alsoKnownAs moves local followers (a Follow to the new account, an Undo to the old),
carries blocks over and marks the old account as moved in the client API; a Move to an account
that does not name the origin, or of someone else's account, changes nothing."""

import json
import time
import unittest

from loxodon_e2e import Database, Server, create_user, wait_until
from remote_stand_in import Remote, cavage_post


class MoveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.remote = Remote()
        cls.old = cls.remote.add("old")
        cls.remote.add("liar")  # lists nobody in alsoKnownAs
        cls.remote.add("new", alsoKnownAs=[cls.remote.url("old")])
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"})
        cls.alice = create_user(cls.db.url, cls.server, "alice")
        cls.dave = create_user(cls.db.url, cls.server, "dave")
        cls.erin = create_user(cls.db.url, cls.server, "erin")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.remote.close()

    def deliver(self, activity, name="old"):
        body = json.dumps(activity).encode()
        status, answer = cavage_post(self.server, "/inbox", body, self.remote.actors[name],
                                     self.remote.url(name) + "#main-key")
        self.assertEqual(status, 202, answer)

    def move(self, target, actor="old", obj=None):
        actor_url = self.remote.url(actor)
        return {"@context": "https://www.w3.org/ns/activitystreams",
                "id": f"{actor_url}#moves/{time.time()}", "type": "Move", "actor": actor_url,
                "object": obj or actor_url, "target": target}

    def account_of(self, client, name):
        found = client.search_v2(f"{name}@{self.remote.host}", resolve=True)["accounts"]
        self.assertEqual(len(found), 1)
        return found[0]

    def test_move(self):
        old = self.account_of(self.alice, "old")
        self.alice.account_follow(old["id"])
        self.assertTrue(wait_until(lambda: len(self.remote.received_of("Follow")) == 1))
        follow = self.remote.received_of("Follow")[0]  # alice's
        self.deliver({"@context": "https://www.w3.org/ns/activitystreams",
                      "id": self.remote.url("old") + "#accepts/1", "type": "Accept",
                      "actor": self.remote.url("old"), "object": follow})
        self.assertTrue(wait_until(
            lambda: self.alice.account_relationships(old["id"])[0]["following"]))
        self.dave.account_block(self.account_of(self.dave, "old")["id"])
        # erin follows the old account but blocks the new one: she keeps following the old.
        erin_old = self.account_of(self.erin, "old")["id"]
        self.erin.account_follow(erin_old)
        self.assertTrue(wait_until(lambda: len(self.remote.received_of("Follow")) == 2))
        self.deliver({"@context": "https://www.w3.org/ns/activitystreams",
                      "id": self.remote.url("old") + "#accepts/2", "type": "Accept",
                      "actor": self.remote.url("old"), "object": self.remote.received_of("Follow")[1]})
        self.assertTrue(wait_until(
            lambda: self.erin.account_relationships(erin_old)[0]["following"]))
        self.erin.account_block(self.account_of(self.erin, "new")["id"])

        # A Move to an account that does not name the old one: refused, nothing changes.
        self.deliver(self.move(self.remote.url("liar")))
        self.server.wait_log("does not list it in alsoKnownAs", timeout=20)
        # A Move of another account: dropped before processing.
        self.deliver(self.move(self.remote.url("new"), actor="liar",
                               obj=self.remote.url("old")), name="liar")
        self.server.wait_log("Move of another actor", timeout=20)
        self.assertNotIn("moved", self.alice.account(old["id"]))
        self.assertTrue(self.alice.account_relationships(old["id"])[0]["following"])

        # The real Move: alice follows the new account (a Follow reaches it) and stops
        # following the old one (an Undo reaches it); dave's block is carried over.
        self.deliver(self.move(self.remote.url("new")))
        self.assertTrue(wait_until(lambda: any(
            f["object"] == self.remote.url("new") for f in self.remote.received_of("Follow")),
            timeout=20))
        self.assertTrue(wait_until(lambda: any(
            u["object"].get("object") == self.remote.url("old")
            for u in self.remote.received_of("Undo") if isinstance(u["object"], dict))))
        moved = self.alice.account(old["id"])
        self.assertEqual(moved["moved"]["acct"], f"new@{self.remote.host}")
        new_id = moved["moved"]["id"]
        self.assertFalse(self.alice.account_relationships(old["id"])[0]["following"])
        relationship = self.alice.account_relationships(new_id)[0]
        self.assertTrue(relationship["following"] or relationship["requested"])
        self.assertTrue(self.dave.account_relationships(new_id)[0]["blocking"])
        self.assertTrue(self.erin.account_relationships(erin_old)[0]["following"])
        # The same Move again changes nothing more (no second Follow).
        self.deliver(self.move(self.remote.url("new")))
        self.server.wait_log("0 local followers now follow", timeout=20)  # erin is not moved
        follows_new = [f for f in self.remote.received_of("Follow")
                       if f["object"] == self.remote.url("new")]
        self.assertEqual(len(follows_new), 1)


if __name__ == "__main__":
    unittest.main()
