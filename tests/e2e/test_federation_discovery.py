"""How other servers find and read our people (federation groundwork): WebFinger in every form
Mastodon accepts, actor documents with content negotiation, the instance actor, and the shapes
checked against real Mastodon actors (tests/fixtures/ap)."""

import json
import os
import unittest
import urllib.parse

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from loxodon_e2e import Database, Server, create_user, get, run_cli

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ap")
AP = "application/activity+json"


def fixture(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return json.load(f)


class DiscoveryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={
            "LOXODON_FUNDING_PAYMENT_LINKS":
                "Liberapay=https://liberapay.com/example, https://ko-fi.com/example, "
                "Bad=javascript:alert(1)"})
        cls.domain = f"localhost:{cls.server.port}"
        cls.base = f"http://{cls.domain}"
        cls.alice = create_user(cls.db.url, cls.server, "alice")
        cls.alice.account_update_credentials(display_name="Alice A.", note="Hello <b>there</b>",
                                             fields=[("Site", "https://alice.example")])

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()

    def webfinger(self, resource):
        query = "" if resource is None else "?resource=" + urllib.parse.quote(resource, safe="")
        status, headers, body = get(f"{self.server.base}/.well-known/webfinger{query}")
        return status, headers, (json.loads(body) if body else None)

    def fetch(self, path, accept=AP):
        return get(self.server.base + path, headers={"Accept": accept})

    def test_webfinger_accepts_every_form_mastodon_does(self):
        actor = f"{self.base}/users/alice"
        for resource in (f"acct:alice@{self.domain}", f"alice@{self.domain}",
                         f"acct:ALICE@{self.domain}", actor, f"{self.base}/@alice"):
            status, headers, doc = self.webfinger(resource)
            self.assertEqual(status, 200, resource)
            self.assertTrue(headers["Content-Type"].startswith("application/jrd+json"))
            self.assertIn("max-age=259200", headers["Cache-Control"])
            self.assertEqual(headers["Access-Control-Allow-Origin"], "*")
            self.assertEqual(doc["subject"], f"acct:alice@{self.domain}")
            self.assertEqual(doc["aliases"], [f"{self.base}/@alice", actor])
            selfs = [l for l in doc["links"] if l["rel"] == "self"]
            self.assertEqual(selfs, [{"rel": "self", "type": AP, "href": actor}])

        for resource, expected in ((None, 400), ("", 400), (f"acct:nobody@{self.domain}", 404),
                                   ("acct:alice@other.example", 404),
                                   ("https://other.example/users/alice", 404)):
            self.assertEqual(self.webfinger(resource)[0], expected, resource)

    def test_actor_document_round_trips_and_matches_mastodons_shape(self):
        status, headers, body = self.fetch("/users/alice")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith(AP))
        doc = json.loads(body)
        actor = f"{self.base}/users/alice"
        self.assertEqual(doc["id"], actor)
        self.assertEqual(doc["type"], "Person")
        self.assertEqual(doc["preferredUsername"], "alice")
        self.assertEqual(doc["name"], "Alice A.")
        self.assertEqual(doc["inbox"], actor + "/inbox")
        self.assertEqual(doc["endpoints"], {"sharedInbox": f"{self.base}/inbox"})
        self.assertEqual(doc["publicKey"]["id"], actor + "#main-key")
        self.assertEqual(doc["publicKey"]["owner"], actor)
        key = load_pem_public_key(doc["publicKey"]["publicKeyPem"].encode())
        self.assertIsInstance(key, rsa.RSAPublicKey)
        self.assertEqual(key.key_size, 2048)
        self.assertEqual(doc["attachment"],
                         [{"type": "PropertyValue", "name": "Site", "value": "https://alice.example"}])
        self.assertRegex(doc["published"], r"^\d{4}-\d\d-\d\dT00:00:00Z$")
        # WebFinger round trip, as Mastodon checks it: preferredUsername@host → self == id.
        host = urllib.parse.urlsplit(doc["id"]).netloc
        _, _, finger = self.webfinger(f"acct:{doc['preferredUsername']}@{host}")
        self.assertEqual([l["href"] for l in finger["links"] if l["rel"] == "self"], [doc["id"]])
        # Every field a real Mastodon actor has (but the device and emoji extras) is here, with
        # the same JSON type.
        mastodon = fixture("mastodon-actor-person.json")
        for key_name, value in mastodon.items():
            if key_name in ("devices", "icon"):
                continue  # end-to-end encryption devices; avatars only when one is set
            self.assertIn(key_name, doc)
            self.assertIs(type(doc[key_name]), type(value), key_name)
        for context_term in ("manuallyApprovesFollowers", "toot", "featured", "PropertyValue"):
            self.assertIn(context_term, doc["@context"][2])

    def test_content_negotiation(self):
        for accept in (AP, 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"',
                       "application/ld+json"):
            status, headers, _ = self.fetch("/users/alice", accept)
            self.assertEqual(status, 200, accept)
            self.assertEqual(headers["Vary"], "Accept")
        # A browser is sent to the profile page.
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        conn.request("GET", "/users/alice", headers={"Accept": "text/html"})
        res = conn.getresponse()
        self.assertEqual(res.status, 302)
        self.assertEqual(res.getheader("Location"), f"{self.base}/@alice")
        conn.close()
        self.assertEqual(self.fetch("/users/nobody")[0], 404)

    def test_instance_actor(self):
        status, headers, body = self.fetch("/actor")
        self.assertEqual(status, 200)
        doc = json.loads(body)
        self.assertEqual(doc["type"], "Application")
        self.assertEqual(doc["id"], f"{self.base}/actor")
        self.assertEqual(doc["publicKey"]["owner"], doc["id"])
        load_pem_public_key(doc["publicKey"]["publicKeyPem"].encode())
        mastodon = fixture("mastodon-actor-application.json")
        for key_name in ("id", "type", "preferredUsername", "inbox", "outbox", "publicKey",
                         "endpoints", "url", "manuallyApprovesFollowers"):
            if key_name in mastodon:
                self.assertIn(key_name, doc)
        _, _, finger = self.webfinger(self.domain)
        self.assertEqual([l["href"] for l in finger["links"] if l["rel"] == "self"], [doc["id"]])
        _, _, finger = self.webfinger(f"{self.base}/actor")
        self.assertEqual(finger["subject"], f"acct:localhost@{self.domain}")
        # FEP-0ea0 payment links, on the instance actor and in NodeInfo; not-http entries left out.
        links = [{"type": "Link", "name": "Liberapay", "href": "https://liberapay.com/example",
                  "rel": "payment"},
                 {"type": "Link", "href": "https://ko-fi.com/example", "rel": "payment"}]
        self.assertEqual(doc["attachment"], links)
        _, _, body = self.fetch("/nodeinfo/2.1", accept="application/json")
        self.assertEqual(json.loads(body)["metadata"]["paymentLinks"], links)

    def test_statuses_are_served_at_their_ids_and_in_the_outbox(self):
        public = self.alice.status_post("Public words")
        unlisted = self.alice.status_post("Quiet words", visibility="unlisted")
        private = self.alice.status_post("Follower words", visibility="private")
        actor = f"{self.base}/users/alice"
        PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
        for status, to, cc in ((public, [PUBLIC], [actor + "/followers"]),
                               (unlisted, [actor + "/followers"], [PUBLIC])):
            path = urllib.parse.urlsplit(status["uri"]).path
            code, headers, body = self.fetch(path)
            self.assertEqual(code, 200, path)
            note = json.loads(body)
            self.assertEqual((note["id"], note["type"], note["attributedTo"]),
                             (status["uri"], "Note", actor))
            self.assertEqual((note["to"], note["cc"]), (to, cc))
            code, _, body = self.fetch(path + "/activity")
            create = json.loads(body)
            self.assertEqual((create["type"], create["object"]["id"]), ("Create", status["uri"]))
        # A reply carries what it replies to, and its mentions name actors.
        create_user(self.db.url, self.server, "dora")
        reply = self.alice.status_post("@dora replying #Elephants", in_reply_to_id=public["id"])
        code, _, body = self.fetch(urllib.parse.urlsplit(reply["uri"]).path)
        note = json.loads(body)
        self.assertEqual(note["inReplyTo"], public["uri"])
        # Mastodon's tags: the local handle, and the hashtag (how other servers index it).
        self.assertIn({"type": "Mention", "href": f"{self.base}/users/dora", "name": "@dora"},
                      note["tag"])
        self.assertIn({"type": "Hashtag", "href": f"{self.base}/tags/elephants",
                       "name": "#elephants"}, note["tag"])
        # Followers-only posts are not served to anyone who asks.
        self.assertEqual(self.fetch(urllib.parse.urlsplit(private["uri"]).path)[0], 404)
        code, _, body = self.fetch("/users/alice/outbox")
        outbox = json.loads(body)
        self.assertEqual((outbox["type"], outbox["first"]),
                         ("OrderedCollection", actor + "/outbox?page=true"))
        _, _, body = self.fetch("/users/alice/outbox?page=true")
        items = [i["object"]["id"] for i in json.loads(body)["orderedItems"]]
        self.assertIn(public["uri"], items)
        self.assertIn(unlisted["uri"], items)
        self.assertNotIn(private["uri"], items)
        _, _, body = self.fetch("/users/alice/followers")
        self.assertEqual(json.loads(body)["totalItems"], 0)

    def test_featured_collections_list_public_pins_and_featured_tags(self):
        ivy = create_user(self.db.url, self.server, "ivy")
        shown = ivy.status_post("Pinned for everyone")
        hidden = ivy.status_post("Pinned for followers", visibility="private")
        ivy.status_pin(shown["id"])
        ivy.status_pin(hidden["id"])
        ivy.featured_tag_create("elephants")
        dm = ivy.status_post("@alice only for you", visibility="direct")
        with self.assertRaises(Exception) as refused:
            ivy.status_pin(dm["id"])
        self.assertIn("only visible to mentioned users", str(refused.exception))
        actor = json.loads(self.fetch("/users/ivy")[2])
        status, headers, body = self.fetch(actor["featured"].replace(self.base, ""))
        self.assertEqual(status, 200, body)
        self.assertTrue(headers["Content-Type"].startswith("application/activity+json"))
        featured = json.loads(body)
        self.assertEqual(featured["type"], "OrderedCollection")
        self.assertEqual([n["id"] for n in featured["orderedItems"]], [shown["uri"]])
        self.assertEqual(featured["orderedItems"][0]["type"], "Note")
        status, _, body = self.fetch(actor["featuredTags"].replace(self.base, ""))
        self.assertEqual(status, 200, body)
        self.assertEqual([t["name"] for t in json.loads(body)["items"]], ["#elephants"])
        self.assertEqual(self.fetch("/users/nobody/collections/featured")[0], 404)

    def test_suspended_accounts_are_gone_from_webfinger(self):
        create_user(self.db.url, self.server, "mallory")
        env = {"LOXODON_DATABASE_URL": self.db.url, "LOXODON_DOMAIN": self.domain,
               "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "suspend", "mallory"], env=env, check=True)
        self.assertEqual(self.webfinger(f"acct:mallory@{self.domain}")[0], 410)
        status, _, body = self.fetch("/users/mallory")
        doc = json.loads(body)
        self.assertEqual((status, doc["suspended"], doc["summary"]), (200, True, ""))


if __name__ == "__main__":
    unittest.main()
