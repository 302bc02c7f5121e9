"""Forged, replayed and squatting deliveries, played by hostile servers on loopback against a real
`loxodon serve`: signatures made for another server or reopened in time, activities claiming
another server's ids, keys owned on another port, actors with hostile addresses and names, a
flood of forged signatures, and votes on polls the voter cannot see. Each is refused (or acted
on without what it claimed), nothing of it is stored, and the process goes on serving."""

import email.utils
import json
import time
import unittest

from loxodon_e2e import Database, Server, create_user, get, wait_until
from remote_stand_in import AP, Remote, cavage_post

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


class ForgeryAttackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.remote = Remote()
        cls.other = Remote()  # another server on the same address, another port
        cls.mallory = cls.remote.add("mallory")
        cls.victim = cls.other.add("victim")
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"})
        cls.client = create_user(cls.db.url, cls.server, "alice")
        cls.alice = f"http://localhost:{cls.server.port}/users/alice"

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.remote.close()
        cls.other.close()

    def activity(self, kind="Follow", obj=None, actor=None, id_=None):
        actor = actor or self.remote.url("mallory")
        return {"@context": "https://www.w3.org/ns/activitystreams",
                "id": id_ or f"{actor}#{kind}-{time.time_ns()}", "type": kind, "actor": actor,
                "object": obj or self.alice}

    def send(self, activity, **kwargs):
        kwargs.setdefault("key", self.mallory)
        kwargs.setdefault("key_id", self.remote.url("mallory") + "#main-key")
        kwargs.setdefault("headers", ["(request-target)", "host", "date", "digest"])
        return cavage_post(self.server, "/inbox", json.dumps(activity).encode(), **kwargs)

    def assert_refused(self, answer, message):
        status, body = answer
        self.assertEqual(status, 401, body)
        self.assertIn(message, json.loads(body)["error"])

    def assert_serving(self):
        self.assertIsNone(self.server.proc.poll())
        self.assertEqual(get(self.server.base + "/api/v1/instance")[0], 200)

    def test_a_signature_for_another_servers_inbox_is_refused_even_with_its_host(self):
        honest = self.activity("Travel")
        self.assertEqual(self.send(honest)[0], 202)
        # Captured on its way to other.example, replayed here with other.example's Host.
        replayed = self.activity("Travel")
        self.assert_refused(self.send(replayed, signed_host="other.example",
                                      sent_host="other.example"), "Verification failed")
        # A signature that leaves the host out could have been made for anyone.
        hostless = self.activity("Travel")
        self.assert_refused(self.send(hostless, headers=["(request-target)", "date", "digest"]),
                            "The Host header must be signed")
        self.server.wait_log(f'inbox: verified "Travel" {honest["id"]}', timeout=20)
        for refused in (replayed, hostless):
            self.assertNotIn(refused["id"], self.server.logs())

    def test_time_comes_only_from_signed_values(self):
        old = email.utils.formatdate(time.time() - 2 * 86400, usegmt=True)
        # hs2019 and a fresh, unsigned created cannot reopen a two-day-old signed Date.
        self.assert_refused(self.send(self.activity(), algorithm="hs2019", date=old,
                                      params_created=int(time.time())),
                            "outside acceptable time window")
        # Nor can an unsigned expires stretch a three-hour-old one (a signed Date is good for
        # five minutes and an hour of clock skew, as Mastodon).
        hours_old = email.utils.formatdate(time.time() - 3 * 3600, usegmt=True)
        self.assert_refused(self.send(self.activity(), date=hours_old,
                                      params_expires=int(time.time()) + 3600),
                            "outside acceptable time window")
        # (created) belongs to hs2019, as Mastodon rules.
        now = int(time.time())
        self.assert_refused(self.send(self.activity(), created=now,
                                      headers=["(request-target)", "host", "(created)",
                                               "digest"]),
                            "Invalid pseudo-header (created) for rsa-sha256")
        # The same, with hs2019, is a valid signature.
        status, body = self.send(self.activity("Travel"), algorithm="hs2019", created=now,
                                 headers=["(request-target)", "host", "(created)", "digest"])
        self.assertEqual(status, 202, body)

    def test_ids_of_another_server_cannot_be_claimed(self):
        # The victim's post, not yet seen here, claimed as mallory's boost: it would stand in
        # for the real one everywhere we look a post up by id.
        victim_note = f"http://{self.other.host}/users/victim/statuses/1"
        boost = self.activity("Announce", obj=f"http://{self.remote.host}/notes/1",
                              id_=victim_note)
        self.assert_refused(self.send(boost), "is not on the actor's host")
        # An activity id on another server (or ours) would take that server's dedupe key.
        for foreign in (f"http://{self.other.host}/activities/1",
                        f"http://localhost:{self.server.port}/activities/1"):
            self.assert_refused(self.send(self.activity("Follow", id_=foreign)),
                                "is not on the actor's host")
        self.assertEqual(self.db.query(
            f"SELECT count(*) FROM statuses WHERE uri = '{victim_note}'").strip(), "0")
        self.assert_serving()

    def test_a_key_owned_on_another_port_is_refused(self):
        # mallory's server publishes a key document naming the victim (same address, another
        # port) as its owner, to sign as the victim.
        key_id = f"http://{self.remote.host}/keys/victim"
        from remote_stand_in import public_pem
        self.remote.files["/keys/victim"] = (AP, json.dumps({
            "id": key_id, "type": "Key", "owner": self.other.url("victim"),
            "publicKeyPem": public_pem(self.mallory)}).encode())
        answer = self.send(self.activity("Follow", actor=self.other.url("victim"),
                                         id_=self.other.url("victim") + "#follow-1"),
                           key_id=key_id)
        self.assert_refused(answer, "owner on another host or port")

    def test_an_actor_answering_at_its_key_address_is_fetched_again_at_its_own_id(self):
        # GoToSocial's keyId is the actor's id + "/main-key", and that address answers with the
        # actor: accepted once the actor, fetched at its own id, lists the key.
        from remote_stand_in import public_pem
        gts = self.remote.url("gts")
        key = self.remote.add("gts")
        key_id = gts + "/main-key"
        self.remote.extra["gts"] = {"publicKey": {"id": key_id, "owner": gts,
                                                  "publicKeyPem": public_pem(key)}}
        self.remote.files["/users/gts/main-key"] = (AP, json.dumps(self.remote.actor("gts"))
                                                    .encode())
        status, body = self.send(self.activity("Travel", actor=gts), key=key, key_id=key_id)
        self.assertEqual(status, 202, body)
        # The same shape claiming an actor on another server is refused.
        victim = self.other.url("victim")
        forged = dict(self.remote.actor("gts"), id=victim)
        self.remote.files["/users/gts/other-key"] = (AP, json.dumps(forged).encode())
        self.assert_refused(self.send(self.activity("Travel", actor=victim,
                                                    id_=victim + "#travel"),
                                      key=key, key_id=gts + "/other-key"), "has another id")

    def test_a_flood_of_forged_signatures_fetches_the_key_at_most_twice(self):
        self.remote.add("flood")
        key_id = self.remote.url("flood") + "#main-key"
        from remote_stand_in import new_key
        forger = new_key()
        for _ in range(20):
            status, _ = self.send(self.activity("Travel", actor=self.remote.url("flood")),
                                  key=forger, key_id=key_id)
            self.assertEqual(status, 401)
        fetches = [p for p, _ in self.remote.requests if p == "/users/flood"]
        self.assertLessEqual(len(fetches), 2)  # the first fetch and one refetch

    def test_hostile_actor_addresses_and_names_are_not_stored(self):
        self.remote.add("eve", url="javascript:alert(document.cookie)",
                        icon={"type": "Image", "url": "data:image/png;base64,AAAA"})
        eve = self.remote.url("eve")
        status, body = self.send(self.activity("Follow", actor=eve),
                                 key=self.remote.actors["eve"], key_id=eve + "#main-key")
        self.assertEqual(status, 202, body)
        wait_until(lambda: self.db.query(
            f"SELECT count(*) FROM accounts WHERE uri = '{eve}'").strip() == "1", timeout=20)
        url = self.db.query(f"SELECT coalesce(url, '') FROM accounts WHERE uri = '{eve}'")
        self.assertNotIn("javascript", url)
        # A name with '@' would read as someone on another server.
        self.remote.add("imp", preferredUsername="alice@mastodon.social")
        imp = self.remote.url("imp")
        status, _ = self.send(self.activity("Follow", actor=imp),
                              key=self.remote.actors["imp"], key_id=imp + "#main-key")
        time.sleep(2)
        self.assertEqual(self.db.query(
            f"SELECT count(*) FROM accounts WHERE uri = '{imp}'").strip(), "0")
        self.assert_serving()

    def test_a_vote_counts_only_from_someone_who_may_see_the_poll(self):
        votes = {}
        for visibility in ("private", "public"):
            status = self.client.status_post(
                f"{visibility} poll", visibility=visibility,
                poll=self.client.make_poll(["yes", "no"], expires_in=3600))
            uri = f"http://localhost:{self.server.port}/users/alice/statuses/{status['id']}"
            note = {"id": f"{self.remote.url('mallory')}/votes/{status['id']}", "type": "Note",
                    "name": "yes", "inReplyTo": uri, "attributedTo": self.remote.url("mallory"),
                    "to": [self.alice]}
            answer = self.send(self.activity("Create", obj=note,
                                             id_=note["id"] + "#create"))
            self.assertEqual(answer[0], 202, answer[1])
            votes[visibility] = status["poll"]["id"]
        # mallory follows nobody here: the public poll takes the vote, the followers-only one not.
        # (Long enough for one retry of the job, should a busy machine cost it its lease.)
        wait_until(lambda: self.db.query(
            f"SELECT count(*) FROM poll_votes WHERE poll_id = {votes['public']}").strip() == "1",
            timeout=60)
        time.sleep(1)
        self.assertEqual(self.db.query(
            f"SELECT count(*) FROM poll_votes WHERE poll_id = {votes['public']}").strip(), "1")
        self.assertEqual(self.db.query(
            f"SELECT count(*) FROM poll_votes WHERE poll_id = {votes['private']}").strip(), "0")


if __name__ == "__main__":
    unittest.main()
