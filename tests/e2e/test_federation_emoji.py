"""Remote custom emoji (and hashtags) from a stand-in server: the Emoji tags of a delivered status and of an
actor's profile are recorded, their images copied here by jobs, and shown in `emojis[]` of
the status and the account with URLs on our own origin; emoji the text does not use, bad
shortcodes and non-image files are not shown; an edit replaces the status's emoji."""

import json
import time
import unittest
import urllib.request

from loxodon_e2e import Database, Server, create_user, wait_until
from remote_stand_in import Remote, cavage_post, png


def emoji_tag(remote, code, path):
    return {"type": "Emoji", "id": f"http://{remote.host}/emoji/{code}", "name": f":{code}:",
            "updated": "2024-01-01T00:00:00Z",
            "icon": {"type": "Image", "mediaType": "image/png", "url": f"http://{remote.host}{path}"}}


class EmojiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.remote = Remote()
        cls.remote.files["/emoji/blobcat.png"] = ("image/png", png(16, 16, (0, 200, 0, 255)))
        cls.remote.files["/emoji/party.png"] = ("image/png", png(16, 16, (0, 0, 200, 255)))
        cls.remote.files["/emoji/fake.png"] = ("image/png", b"<html>not an image</html>")
        cls.remote.add("bob", name="Bob :blobcat:", summary="<p>hi</p>")
        cls.remote.extra["bob"]["tag"] = [emoji_tag(cls.remote, "blobcat", "/emoji/blobcat.png"),
                                          emoji_tag(cls.remote, "unused", "/emoji/party.png")]
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"})
        cls.alice = create_user(cls.db.url, cls.server, "alice")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.remote.close()

    def deliver(self, activity):
        body = json.dumps(activity).encode()
        status, answer = cavage_post(self.server, "/inbox", body, self.remote.actors["bob"],
                                     self.remote.url("bob") + "#main-key")
        self.assertEqual(status, 202, answer)

    def note(self, n, content, tags):
        bob = self.remote.url("bob")
        return {"id": f"{bob}/statuses/{n}", "type": "Note", "attributedTo": bob,
                "content": content, "to": ["https://www.w3.org/ns/activitystreams#Public"],
                "cc": [bob + "/followers"], "tag": tags, "published": "2026-01-01T00:00:00Z"}

    def fetch(self, url):
        with urllib.request.urlopen(url, timeout=10) as res:
            return res.read()

    def test_status_and_profile_emoji(self):
        tags = [emoji_tag(self.remote, "blobcat", "/emoji/blobcat.png"),
                emoji_tag(self.remote, "party", "/emoji/party.png"),
                emoji_tag(self.remote, "fake", "/emoji/fake.png"),
                emoji_tag(self.remote, "not-valid", "/emoji/party.png"),
                emoji_tag(self.remote, "unused", "/emoji/party.png"),
                {"type": "Hashtag", "name": "#Blobs", "href": f"http://{self.remote.host}/tags/blobs"}]
        note = self.note(1, "<p>hello :blobcat: :party: :fake: :not-valid: #Blobs</p>", tags)
        bob = self.remote.url("bob")
        self.deliver({"id": f"{bob}/statuses/1/activity", "type": "Create", "actor": bob,
                      "object": note, "to": note["to"], "cc": note["cc"]})

        def status():
            found = self.alice.search_v2(note["id"], resolve=True)["statuses"]
            return found[0] if found else None
        self.assertTrue(wait_until(lambda: status() is not None, timeout=20))
        self.assertTrue(wait_until(lambda: len(status()["emojis"]) == 2, timeout=20),
                        status()["emojis"])
        emojis = {e["shortcode"]: e for e in status()["emojis"]}
        self.assertEqual(set(emojis), {"blobcat", "party"})
        for e in emojis.values():
            self.assertTrue(e["url"].startswith(f"http://localhost:{self.server.port}/"), e)
            self.assertTrue(e["static_url"].startswith(f"http://localhost:{self.server.port}/"), e)
            self.assertTrue(self.fetch(e["url"]).startswith(b"\x89PNG"))
        # Its Hashtag tag puts it on the tag's timeline here, as our own posts are.
        self.assertIn(status()["id"], [s["id"] for s in self.alice.timeline_hashtag("blobs")])
        account = status()["account"]
        self.assertEqual(account["display_name"], "Bob :blobcat:")
        self.assertTrue(wait_until(
            lambda: [e["shortcode"] for e in self.alice.account(account["id"])["emojis"]]
            == ["blobcat"], timeout=20))

        # An edit that drops an emoji drops it from the status.
        edited = dict(note, content="<p>just :party:</p>", updated="2026-01-02T00:00:00Z")
        self.deliver({"id": f"{bob}/statuses/1/update/{time.time()}", "type": "Update",
                      "actor": bob, "object": edited})
        self.assertTrue(wait_until(
            lambda: [e["shortcode"] for e in status()["emojis"]] == ["party"], timeout=20))


if __name__ == "__main__":
    unittest.main()
