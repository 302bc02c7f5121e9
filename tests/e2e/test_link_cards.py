"""Link preview cards: a local post and a delivered remote post that link a page get a card
from the page's OpenGraph head (fetched through the guarded client, its image copied to our
origin); a post behind a content warning, a mention-only post and a page that is not HTML get
none; a link that redirects gets the card of where it leads; an edit that changes the link
changes the card; one fetch serves every post linking the same page."""

import json
import unittest

from loxodon_e2e import Database, Server, create_user, wait_until
from remote_stand_in import Remote, cavage_post, png

ARTICLE = b"""<!doctype html><html lang="en"><head><title>Fallback</title>
<meta property="og:title" content="Elephants &amp; their memory">
<meta property="og:description" content="Why elephants never forget.">
<meta property="og:site_name" content="Nature Weekly">
<meta property="og:image" content="/cover.png">
<meta name="author" content="Ada Tusk">
</head><body>""" + b"x" * 2_000_000 + b"</body></html>"

OTHER = b"""<html><head><title>The other page</title></head></html>"""


class LinkCardTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.remote = Remote()
        cls.remote.files["/article"] = ("text/html; charset=utf-8", ARTICLE)
        cls.remote.files["/other"] = ("text/html", OTHER)
        cls.remote.files["/cover.png"] = ("image/png", png(32, 20, (10, 20, 30, 255)))
        cls.remote.files["/data.json"] = ("application/json", b'{"title": "no"}')
        cls.remote.redirects["/short"] = "/other"  # a path, as link shorteners and servers send
        cls.remote.add("bob")
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"})
        cls.alice = create_user(cls.db.url, cls.server, "alice")
        cls.base = f"http://{cls.remote.host}"

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.remote.close()

    def card_of(self, status_id):
        return self.alice.status(status_id)["card"]

    def wait_card(self, status_id, title):
        self.assertTrue(wait_until(
            lambda: (self.card_of(status_id) or {}).get("title") == title, timeout=20),
            self.card_of(status_id))
        return self.card_of(status_id)

    def test_local_posts(self):
        post = self.alice.status_post(f"read this {self.base}/article please")
        card = self.wait_card(post["id"], "Elephants & their memory")
        self.assertEqual(card["url"], f"{self.base}/article")
        self.assertEqual(card["description"], "Why elephants never forget.")
        self.assertEqual(card["provider_name"], "Nature Weekly")
        self.assertEqual(card["author_name"], "Ada Tusk")
        self.assertEqual(card["type"], "link")
        self.assertEqual(card["language"], "en")
        self.assertTrue(card["image"].startswith(f"http://localhost:{self.server.port}/"), card)
        self.assertEqual((card["width"], card["height"]), (32, 20))
        self.assertTrue(card["blurhash"])
        page_fetches = len([r for r in self.remote.requests if r[0] == "/article"])

        # A second post linking the same page shares the card without another fetch.
        again = self.alice.status_post(f"{self.base}/article again")
        self.wait_card(again["id"], "Elephants & their memory")
        self.assertEqual(len([r for r in self.remote.requests if r[0] == "/article"]),
                         page_fetches)

        # Behind a content warning, a non-HTML page, no link: no card.
        hidden = self.alice.status_post(f"{self.base}/other", spoiler_text="spoilers")
        json_link = self.alice.status_post(f"{self.base}/data.json")
        plain = self.alice.status_post("no links at all #tag")
        # An edit that changes the link changes the card (and shows the card was worked on
        # after the posts above were queued).
        edited = self.alice.status_post(f"{self.base}/article")
        self.wait_card(edited["id"], "Elephants & their memory")
        self.alice.status_update(edited["id"], f"now {self.base}/other")
        self.wait_card(edited["id"], "The other page")
        # A link that redirects gets the card of where it leads.
        short = self.alice.status_post(f"{self.base}/short")
        self.assertEqual(self.wait_card(short["id"], "The other page")["url"], f"{self.base}/other")
        for quiet in (hidden, json_link, plain):
            self.assertIsNone(self.card_of(quiet["id"]), quiet["content"])

    def test_remote_post(self):
        bob = self.remote.url("bob")
        note = {"id": f"{bob}/statuses/1", "type": "Note", "attributedTo": bob,
                "content": f'<p>look <a href="{self.base}/other">{self.base}/other</a></p>',
                "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [],
                "published": "2026-01-01T00:00:00Z"}
        body = json.dumps({"id": f"{bob}/statuses/1/activity", "type": "Create", "actor": bob,
                           "object": note}).encode()
        status, answer = cavage_post(self.server, "/inbox", body, self.remote.actors["bob"],
                                     bob + "#main-key")
        self.assertEqual(status, 202, answer)

        def found():
            statuses = self.alice.search_v2(note["id"], resolve=True)["statuses"]
            return statuses[0] if statuses else None
        self.assertTrue(wait_until(lambda: found() is not None, timeout=20))
        card = self.wait_card(found()["id"], "The other page")
        self.assertIsNone(card["image"])


if __name__ == "__main__":
    unittest.main()
