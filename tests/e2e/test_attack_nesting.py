"""Attacks by nesting, played by a hostile server on loopback against a real `loxodon serve`:
documents a megabyte deep that we fetch (a signing key, an actor, WebFinger) or are sent (an
inbox body, a note's HTML, an API body, a streaming message). Each is refused or reduced, nothing
of it is stored, and the process goes on serving."""

import json
import socket
import time
import unittest

from loxodon_e2e import Database, Server, api_call, create_user, get, wait_until
from remote_stand_in import AP, Remote, cavage_post, post

MIB = 1024 * 1024


def nested_json(total=MIB, around=None):
    """As deep as `total` bytes allow: {"a":{"a":{…}}}, or the document `around` with that as
    the value of its member "deep"."""
    opener = '{"a":'
    head = json.dumps(around)[:-1] + ',"deep":' if around else ""
    depth = (total - len(head)) // (len(opener) + 1) - 1
    return (head + opener * depth + "1" + "}" * depth + ("}" if around else "")).encode()


class NestingAttackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.remote = Remote()
        cls.mallory = cls.remote.add("mallory")
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"})
        cls.client = create_user(cls.db.url, cls.server, "alice")
        cls.token = cls.client.access_token
        cls.alice = f"http://localhost:{cls.server.port}/users/alice"

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.remote.close()

    def assert_serving(self):
        self.assertIsNone(self.server.proc.poll(), self.server.logs()[-3000:])
        status, _, _ = get(self.server.base + "/api/v1/instance")
        self.assertEqual(status, 200)

    def remote_accounts(self):
        return int(self.db.query(
            f"SELECT count(*) FROM accounts WHERE domain = '{self.remote.host}'"))

    def test_a_key_document_a_megabyte_deep_is_refused_and_the_process_serves(self):
        # Anyone may name any key in a Signature header: the first thing we do is fetch it. A
        # key document (its id is the key's) that also carries a member a megabyte deep.
        key_id = f"http://{self.remote.host}/keys/deep"
        self.remote.files["/keys/deep"] = (AP, nested_json(MIB, {
            "id": key_id, "type": "Key", "owner": self.remote.url("mallory"),
            "publicKeyPem": self.remote.actor("mallory")["publicKey"]["publicKeyPem"]}))
        activity = {"id": self.remote.url("mallory") + "#deep-key", "type": "Follow",
                    "actor": self.remote.url("mallory"), "object": self.alice}
        status, body = cavage_post(self.server, "/inbox", json.dumps(activity).encode(),
                                   self.mallory, key_id)
        self.assertEqual(status, 401, body)
        self.assertIn(b"too large or nested too deeply", body)
        self.assert_serving()

    def test_an_actor_and_webfinger_a_megabyte_deep_are_refused(self):
        # Search with resolve fetches WebFinger, then the actor: both hostile here.
        self.remote.files["/.well-known/webfinger"] = ("application/jrd+json", nested_json())
        status, _, _ = api_call(self.server, self.client, "GET",
                             f"/api/v2/search?q=@deep@{self.remote.host}&resolve=true")
        self.assertIn(status, (200, 404))
        del self.remote.files["/.well-known/webfinger"]
        self.remote.files["/users/deep"] = (AP, nested_json())
        status, _, _ = api_call(self.server, self.client, "GET",
                             f"/api/v2/search?q=http://{self.remote.host}/users/deep"
                             "&resolve=true")
        self.assertIn(status, (200, 404))
        self.assertEqual(self.remote_accounts_named("deep"), 0)
        self.assert_serving()

    def remote_accounts_named(self, name):
        return int(self.db.query(f"SELECT count(*) FROM accounts WHERE username = '{name}'"))

    def test_a_note_whose_html_is_nested_as_deep_as_a_delivery_allows_is_stored_reduced(self):
        content = "<div>" * ((MIB - 4096) // 5) + "deep"
        note_id = f"http://{self.remote.host}/notes/deep-html"
        activity = {"@context": "https://www.w3.org/ns/activitystreams",
                    "id": note_id + "#create", "type": "Create",
                    "actor": self.remote.url("mallory"),
                    "object": {"id": note_id, "type": "Note", "content": content,
                               "attributedTo": self.remote.url("mallory"),
                               "to": ["https://www.w3.org/ns/activitystreams#Public"]}}
        body = json.dumps(activity).encode()
        self.assertLess(len(body), MIB)
        status, answer = cavage_post(self.server, "/inbox", body, self.mallory,
                                     self.remote.url("mallory") + "#main-key")
        self.assertEqual(status, 202, answer)
        wait_until(lambda: self.db.query(
            f"SELECT count(*) FROM statuses WHERE uri = '{note_id}'").strip() == "1", timeout=60)
        stored = self.db.query(f"SELECT length(text) FROM statuses WHERE uri = '{note_id}'")
        self.assertLessEqual(int(stored), 110 * 1024)
        self.assert_serving()

    def test_deep_bodies_sent_to_us_are_refused(self):
        # An inbox body (before any signature is looked at) and an API body.
        status, _ = post(self.server, "/inbox", nested_json(MIB - 1024), {"Content-Type": AP})
        self.assertEqual(status, 400)
        status, _ = post(self.server, "/api/v1/statuses", nested_json(MIB - 1024), {
            "Content-Type": "application/json", "Authorization": f"Bearer {self.token}"})
        self.assertEqual(status, 400)
        self.assert_serving()

    def test_a_deep_streaming_message_is_ignored(self):
        import websocket  # python3-websocket
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{self.server.port}/api/v1/streaming?access_token={self.token}",
            timeout=10)
        try:
            ws.send(nested_json(60 * 1024).decode())
            ws.send(json.dumps({"type": "subscribe", "stream": "public"}))
            ws.ping()
            time.sleep(0.3)
            self.assertTrue(ws.connected)
        finally:
            ws.close()
        self.assert_serving()


if __name__ == "__main__":
    unittest.main()
