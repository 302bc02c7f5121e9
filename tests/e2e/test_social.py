"""Everyday use with a real client library (Mastodon.py): posting, replying, boosting,
favouriting, following, paging timelines through the Link header, and notifications."""

import unittest

from mastodon.errors import MastodonAPIError, MastodonNotFoundError

from loxodon_e2e import Database, Server, create_user, get, wait_until


class SocialTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url)
        cls.api = {name: create_user(cls.db.url, cls.server, name)
                   for name in ("alice", "bob", "carol")}

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()

    def test_everyday_flow(self):
        alice, bob, carol = self.api["alice"], self.api["bob"], self.api["carol"]
        alice_me = alice.me()
        bob_me = bob.me()

        relationship = bob.account_follow(alice_me["id"])
        self.assertTrue(relationship["following"])
        self.assertTrue(wait_until(lambda: any(n["type"] == "follow" for n in alice.notifications())))

        self.assertEqual(alice.me()["followers_count"], 1)
        self.assertEqual(bob.me()["following_count"], 1)
        before = alice.me()["statuses_count"]
        first = alice.status_post("Hello #Loxodon world, @bob! https://example.com/elephants")
        self.assertEqual(alice.me()["statuses_count"], before + 1)
        self.assertIn('class="u-url mention"', first["content"])
        self.assertEqual([t["name"] for t in first["tags"]], ["loxodon"])
        self.assertEqual(first["mentions"][0]["acct"], "bob")
        self.assertEqual(first["visibility"], "public")

        # Bob sees it at home (fan-out by job), gets the mention, replies, boosts, favourites.
        self.assertTrue(wait_until(lambda: any(s["id"] == first["id"] for s in bob.timeline_home())))
        self.assertTrue(wait_until(lambda: any(n["type"] == "mention" and n["status"]["id"] == first["id"]
                                               for n in bob.notifications())))
        reply = bob.status_post("@alice Welcome!", in_reply_to_id=first["id"])
        self.assertEqual(reply["in_reply_to_id"], first["id"])
        boost = bob.status_reblog(first["id"])
        self.assertNotEqual(boost["id"], first["id"])
        self.assertEqual(boost["reblog"]["id"], first["id"])
        favourited = bob.status_favourite(first["id"])
        self.assertTrue(favourited["favourited"])
        self.assertEqual(favourited["favourites_count"], 1)

        types = wait_until(lambda: {n["type"] for n in alice.notifications()} >= {"follow", "mention", "reblog", "favourite"} and
                           {n["type"] for n in alice.notifications()})
        self.assertTrue(types, alice.notifications())
        only_favs = alice.notifications(types=["favourite"])
        self.assertEqual({n["type"] for n in only_favs}, {"favourite"})

        context = alice.status_context(first["id"])
        self.assertEqual([s["id"] for s in context["descendants"]], [reply["id"]])
        self.assertEqual(alice.status(first["id"])["replies_count"], 1)
        self.assertEqual(alice.status(first["id"])["reblogs_count"], 1)

        # Private posts reach followers only.
        secret = alice.status_post("followers only", visibility="private")
        self.assertTrue(wait_until(lambda: any(s["id"] == secret["id"] for s in bob.timeline_home())))
        with self.assertRaises(MastodonNotFoundError):
            carol.status(secret["id"])
        self.assertNotIn(secret["id"], [s["id"] for s in carol.timeline_public()])
        self.assertNotIn(secret["id"], [s["id"] for s in carol.account_statuses(alice_me["id"])])

        # Delete and redraft returns the source text.
        deleted = alice.status_delete(secret["id"])
        self.assertEqual(deleted["text"], "followers only")
        with self.assertRaises(MastodonNotFoundError):
            alice.status(secret["id"])

        self.assertEqual(alice.me()["statuses_count"], before + 1)  # the private one is gone again
        self.assertEqual(bob.account_unfollow(alice_me["id"])["following"], False)
        self.assertEqual(alice.me()["followers_count"], 0)
        self.assertEqual(alice.account_relationships([bob_me["id"]])[0]["followed_by"], False)

    def test_edit_history_lists_pins_markers_and_tags(self):
        alice, bob = self.api["alice"], self.api["bob"]
        post = alice.status_post("first draft #Edits")
        edited = alice.status_update(post["id"], "second draft #Edits @bob")
        self.assertIsNotNone(edited["edited_at"])
        self.assertIn("second draft", edited["content"])
        self.assertEqual(edited["mentions"][0]["acct"], "bob")
        history = alice.status_history(post["id"])
        self.assertEqual(len(history), 2)
        self.assertIn("first draft", history[0]["content"])
        self.assertIn("second draft", history[1]["content"])
        self.assertEqual(alice.status_source(post["id"])["text"], "second draft #Edits @bob")

        bob.status_favourite(post["id"])
        bob.status_bookmark(post["id"])
        bob.status_reblog(post["id"])
        self.assertEqual([s["id"] for s in bob.favourites()], [post["id"]])
        self.assertEqual([s["id"] for s in bob.bookmarks()], [post["id"]])
        self.assertEqual([a["username"] for a in alice.status_reblogged_by(post["id"])], ["bob"])
        self.assertEqual([a["username"] for a in alice.status_favourited_by(post["id"])], ["bob"])

        pinned = alice.status_pin(post["id"])
        self.assertTrue(pinned["pinned"])
        me = alice.me()
        self.assertEqual([s["id"] for s in bob.account_statuses(me["id"], pinned=True)], [post["id"]])

        tagged = bob.timeline_hashtag("edits")
        self.assertIn(post["id"], [s["id"] for s in tagged])

        alice.markers_set(["home"], [post["id"]])
        markers = alice.markers_get(["home"])
        self.assertEqual(markers["home"]["last_read_id"], post["id"])

    def test_polls_vote_and_end_with_notifications(self):
        alice, bob = self.api["alice"], self.api["bob"]
        poll = alice.make_poll(["Trunk", "Tusk", "Ears"], expires_in=300, multiple=False)
        status = alice.status_post("Best part of an elephant?", poll=poll)
        self.assertEqual([o["title"] for o in status["poll"]["options"]], ["Trunk", "Tusk", "Ears"])
        self.assertFalse(status["poll"]["expired"])
        bob.poll_vote(status["poll"]["id"], [1])  # Mastodon.py 1.8 returns nothing here
        voted = bob.poll(status["poll"]["id"])
        self.assertTrue(voted["voted"])
        self.assertEqual(voted["own_votes"], [1])
        self.assertEqual([o["votes_count"] for o in voted["options"]], [0, 1, 0])
        with self.assertRaises(MastodonAPIError):  # one vote per person
            bob.poll_vote(status["poll"]["id"], [2])
        with self.assertRaises(MastodonAPIError):  # a single-choice poll takes one choice
            self.api["carol"].poll_vote(status["poll"]["id"], [0, 2])
        # Let the poll end now: its expiry job then notifies voter and author.
        self.db.query("UPDATE polls SET expires_at = now()")
        self.db.query("UPDATE jobs SET run_at = now() WHERE kind = 'poll.expired'")
        self.assertTrue(wait_until(lambda: any(n["type"] == "poll" for n in bob.notifications()), 20))
        self.assertTrue(wait_until(lambda: any(n["type"] == "poll" for n in alice.notifications()), 20))
        self.assertTrue(alice.poll(status["poll"]["id"])["expired"])

    def test_lists_and_search(self):
        alice, bob, carol = self.api["alice"], self.api["bob"], self.api["carol"]
        bob_me, carol_me = bob.me(), carol.me()
        alice.account_follow(bob_me["id"])
        lst = alice.list_create("Elephant friends")
        self.assertEqual(lst["title"], "Elephant friends")
        alice.list_accounts_add(lst["id"], [bob_me["id"]])
        with self.assertRaises(MastodonAPIError):  # only followed accounts join a list
            alice.list_accounts_add(lst["id"], [carol_me["id"]])
        self.assertEqual([a["id"] for a in alice.list_accounts(lst["id"])], [bob_me["id"]])
        post = bob.status_post("list-worthy thoughts about savannahs")
        carol.status_post("carol is not in the list")
        self.assertEqual([s["id"] for s in alice.timeline_list(lst["id"])][:1], [post["id"]])
        self.assertEqual([l["id"] for l in alice.lists()], [lst["id"]])
        alice.list_update(lst["id"], "Renamed")
        self.assertEqual(alice.list(lst["id"])["title"], "Renamed")

        results = alice.search_v2("savannahs")
        self.assertIn(post["id"], [s["id"] for s in results["statuses"]])
        results = alice.search_v2("bo", result_type="accounts")
        self.assertIn("bob", [a["username"] for a in results["accounts"]])
        bob.status_post("tagging #SavannahLife")
        tags = alice.search_v2("#savannah", result_type="hashtags")["hashtags"]
        self.assertEqual([t["name"] for t in tags], ["savannahlife"])
        alice.list_delete(lst["id"])
        self.assertEqual(alice.lists(), [])

    def test_paging_both_directions_through_link_headers(self):
        carol = self.api["carol"]
        posted = [carol.status_post(f"post number {i}")["id"] for i in range(7)]
        page = carol.timeline_public(local=True, limit=3)
        self.assertEqual(len(page), 3)
        seen = [s["id"] for s in page]
        older = carol.fetch_next(page)
        self.assertEqual(len(older), 3)
        self.assertTrue(all(int(a) > int(b) for a, b in zip(seen, [s["id"] for s in older])))
        seen += [s["id"] for s in older]
        newer = carol.fetch_previous(older)
        self.assertEqual([s["id"] for s in newer], seen[:3])
        # The filter parameter travels with the links.
        status, headers, _ = get(self.server.base + "/api/v1/timelines/public?local=true&limit=3")
        self.assertEqual(status, 200)
        self.assertIn("local=true", headers["Link"])
        self.assertIn('rel="next"', headers["Link"])
        # Home feeds are filled by the fan-out job, after the post is answered: wait for it.
        self.assertTrue(wait_until(
            lambda: [s["id"] for s in carol.timeline_home(limit=1)] == posted[-1:]))
        home = carol.timeline_home(limit=2)
        self.assertEqual([s["id"] for s in home], list(reversed(posted))[:2])
        rest = carol.fetch_next(home)
        self.assertEqual([s["id"] for s in rest], list(reversed(posted))[2:4])
        back = carol.fetch_previous(rest)  # min_id: the page just above, newest first
        self.assertEqual([s["id"] for s in back], list(reversed(posted))[:2])


if __name__ == "__main__":
    unittest.main(verbosity=2)
