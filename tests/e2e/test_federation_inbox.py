"""The inbox against signed requests from a stand-in remote server (Python, on loopback):
valid draft-cavage and RFC 9421 deliveries are accepted (202) and queued; forged signatures,
other actors' keys, stale dates, wrong digests, foreign objects, oversized and deeply nested
bodies are refused with the right status. Also checks, with an independent verifier, that our
key fetch is signed by our instance actor."""

import base64
import email.utils
import hashlib
import json
import time
import unittest

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from loxodon_e2e import Database, Server, create_user, get
from remote_stand_in import AP, Remote, cavage_post, new_key, post


def error_of(body):
    return json.loads(body)["error"] if body else ""


class InboxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.remote = Remote()
        cls.bob = cls.remote.add("bob")
        cls.carol = cls.remote.add("carol")
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"})
        create_user(cls.db.url, cls.server, "alice")
        cls.alice = f"http://localhost:{cls.server.port}/users/alice"

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.remote.close()

    def activity(self, kind="Follow", actor=None, obj=None, n=[0]):
        n[0] += 1
        actor = actor or self.remote.url("bob")
        return {"@context": "https://www.w3.org/ns/activitystreams",
                "id": f"{actor}#activities/{n[0]}-{time.time()}", "type": kind, "actor": actor,
                "object": obj or self.alice}

    def deliver(self, activity, key=None, key_id=None, path="/inbox", **kwargs):
        body = json.dumps(activity).encode()
        return cavage_post(self.server, path, body, key or self.bob,
                           key_id or self.remote.url("bob") + "#main-key", **kwargs)

    def test_a_signed_delivery_is_queued_and_our_key_fetch_is_signed(self):
        # An activity type nothing here acts on (AS2's Travel): accepted, queued, logged.
        activity = self.activity("Travel")
        status, body = self.deliver(activity, path="/users/alice/inbox")
        self.assertEqual(status, 202, body)
        self.server.wait_log(f'inbox: verified "Travel" {activity["id"]}', timeout=20)
        # The key was fetched with a GET signed by our instance actor: check it the way a
        # remote server would, with the key our /actor publishes.
        path, headers = [r for r in self.remote.requests if r[0] == "/users/bob"][0]
        _, _, actor_doc = get(f"{self.server.base}/actor", headers={"Accept": AP})
        actor_doc = json.loads(actor_doc)
        params = dict(p.split("=", 1) for p in headers["Signature"].split(","))
        params = {k: v.strip('"') for k, v in params.items()}
        self.assertEqual(params["keyId"], actor_doc["publicKey"]["id"])
        self.assertEqual(params["headers"], "(request-target) host date accept")
        signing = "\n".join([f"(request-target): get {path}", f"host: {headers['Host']}",
                             f"date: {headers['Date']}", f"accept: {headers['Accept']}"])
        key = serialization.load_pem_public_key(actor_doc["publicKey"]["publicKeyPem"].encode())
        key.verify(base64.b64decode(params["signature"]), signing.encode(), padding.PKCS1v15(),
                   hashes.SHA256())  # raises if our signature is wrong
        self.assertIn("application/activity+json", headers["Accept"])

    def test_rfc9421_signed_delivery(self):
        body = json.dumps(self.activity("Travel")).encode()
        created = int(time.time())
        key_id = self.remote.url("bob") + "#main-key"
        digest = "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"
        params = f'("@method" "@target-uri" "content-digest");created={created};keyid="{key_id}"'
        base = "\n".join([f'"@method": POST',
                          f'"@target-uri": http://localhost:{self.server.port}/inbox',
                          f'"content-digest": {digest}', f'"@signature-params": {params}'])
        signature = base64.b64encode(self.bob.sign(base.encode(), padding.PKCS1v15(),
                                                   hashes.SHA256())).decode()
        # The sender asked for our inbox URL as our actor publishes it (host localhost:PORT).
        status, answer = post(self.server, "/inbox", body, {
            "Host": f"localhost:{self.server.port}", "Content-Type": AP, "Content-Digest": digest, "Signature-Input": f"sig1={params}",
            "Signature": f"sig1=:{signature}:"})
        self.assertEqual(status, 202, answer)

    def test_attacks_are_refused_and_nothing_is_queued(self):
        def jobs():
            return int(self.db.query("SELECT count(*) FROM jobs WHERE kind = 'activitypub.inbox'"))

        before = jobs()
        cases = []
        # Unsigned.
        cases.append(("unsigned", post(self.server, "/inbox", json.dumps(self.activity()).encode(),
                                       {"Content-Type": AP}), 401, "Request not signed"))
        # Signed with another key than the one bob's document publishes.
        cases.append(("forged", self.deliver(self.activity(), key=new_key()), 401,
                      "Verification failed"))
        # carol's key on an activity claiming bob as its actor.
        cases.append(("other actor", self.deliver(self.activity(), key=self.carol,
                                                   key_id=self.remote.url("carol") + "#main-key"),
                      401, "not to the actor"))
        # Replayed two days later.
        old = email.utils.formatdate(time.time() - 2 * 86400, usegmt=True)
        cases.append(("stale", self.deliver(self.activity(), date=old), 401,
                      "Signed request date outside acceptable time window"))
        # The body changed after signing.
        wrong = "SHA-256=" + base64.b64encode(hashlib.sha256(b"other").digest()).decode()
        cases.append(("digest", self.deliver(self.activity(), digest=wrong), 401,
                      "Invalid Digest value"))
        # Digest left out of a POST's signature.
        cases.append(("digest unsigned",
                      self.deliver(self.activity(), headers=["(request-target)", "host", "date"]),
                      401, "Mastodon requires the Digest header to be signed"))
        # A Create carrying a note that claims to live on another server.
        note = {"id": "https://elsewhere.example/notes/1", "type": "Note", "content": "hi",
                "attributedTo": self.remote.url("bob")}
        cases.append(("foreign object", self.deliver(self.activity("Create", obj=note)), 401,
                      "is not on the actor's host"))
        for name, (status, body), expected, message in cases:
            self.assertEqual(status, expected, name)
            self.assertIn(message, error_of(body), name)
        time.sleep(0.5)
        self.assertEqual(jobs(), before)

    def test_bad_bodies(self):
        big = self.activity()
        big["padding"] = "x" * (1024 * 1024)
        status, _ = self.deliver(big)
        self.assertEqual(status, 413)
        nested = self.activity()
        deep = {}
        for _ in range(200):
            deep = {"a": deep}
        nested["object"] = deep
        status, _ = self.deliver(nested)
        self.assertEqual(status, 400)
        status, _ = post(self.server, "/inbox", b"not json", {"Content-Type": AP})
        self.assertEqual(status, 400)
        status, _ = self.deliver(self.activity(), path="/users/nobody/inbox")
        self.assertEqual(status, 404)

    def test_delete_of_an_unknown_actor_is_answered_without_fetching(self):
        gone = self.remote.url("dave")  # 410 on fetch: the account is gone
        before = len(self.remote.requests)
        activity = {"@context": "https://www.w3.org/ns/activitystreams", "id": gone + "#delete",
                    "type": "Delete", "actor": gone, "object": gone}
        status, body = self.deliver(activity, key=new_key(), key_id=gone + "#main-key")
        self.assertEqual(status, 202, body)
        self.assertEqual(len(self.remote.requests), before)


if __name__ == "__main__":
    unittest.main()
