"""Two Loxodon instances on loopback, each with its own database: people on one find people on
the other by handle (search with resolve=true → WebFinger → signed actor fetch), what the
remote profile says arrives sanitised, and follows cross in both directions (Follow, Accept,
Undo, each a signed delivery verified by the other side)."""

import unittest

from loxodon_e2e import Database, Server, api_call, create_user, wait_until

PRIVATE = {"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"}


class ResolveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db_a, cls.db_b = Database(), Database()
        cls.a = Server(cls.db_a.url, extra_env=PRIVATE)
        cls.b = Server(cls.db_b.url, extra_env=PRIVATE)
        cls.alice = create_user(cls.db_a.url, cls.a, "alice")
        cls.bob = create_user(cls.db_b.url, cls.b, "bob")
        cls.bob.account_update_credentials(
            display_name="Bob of B", note="Hi <script>alert(1)</script> from B", locked=True)
        cls.carol = create_user(cls.db_b.url, cls.b, "carol")
        cls.dave = create_user(cls.db_b.url, cls.b, "dave")
        cls.erin = create_user(cls.db_b.url, cls.b, "erin")
        cls.frank = create_user(cls.db_b.url, cls.b, "frank")
        cls.b_domain = f"localhost:{cls.b.port}"

    @classmethod
    def tearDownClass(cls):
        cls.a.close()
        cls.b.close()
        cls.db_a.close()
        cls.db_b.close()

    def search(self, q, resolve=True):
        code, body, _ = api_call(self.a, self.alice, "GET",
                                 f"/api/v2/search?q={q}&resolve={'true' if resolve else 'false'}"
                                 "&type=accounts")
        self.assertEqual(code, 200, body)
        return body["accounts"]

    def test_find_a_remote_account_by_handle(self):
        found = self.search(f"@bob@{self.b_domain}")
        self.assertEqual(len(found), 1, found)
        bob = found[0]
        self.assertEqual(bob["acct"], f"bob@{self.b_domain}")
        self.assertEqual(bob["username"], "bob")
        self.assertEqual(bob["display_name"], "Bob of B")
        self.assertTrue(bob["locked"])
        self.assertEqual(bob["url"], f"http://{self.b_domain}/@bob")
        self.assertNotIn("<script", bob["note"])
        self.assertIn("from B", bob["note"])
        # Stored: found again without resolving, and shown like any account.
        again = self.search(f"bob@{self.b_domain}", resolve=False)
        self.assertEqual([a["id"] for a in again], [bob["id"]])
        code, shown, _ = api_call(self.a, self.alice, "GET", f"/api/v1/accounts/{bob['id']}")
        self.assertEqual((code, shown["acct"]), (200, f"bob@{self.b_domain}"))
        # B is now a peer of A.
        code, peers, _ = api_call(self.a, self.alice, "GET", "/api/v1/instance/peers")
        self.assertEqual((code, peers), (200, ["localhost"]))
        # The key fetch was signed by A's instance actor and B served it.
        row = self.db_a.query(
            f"SELECT inbox_url || ' ' || coalesce(shared_inbox_url, '') || ' ' || "
            f"(public_key_pem <> '')::text FROM accounts WHERE id = {bob['id']}").strip()
        self.assertEqual(row, f"http://{self.b_domain}/users/bob/inbox "
                              f"http://{self.b_domain}/inbox true")

    def relationship(self, account_id):
        _, rels, _ = api_call(self.a, self.alice, "GET",
                              f"/api/v1/accounts/relationships?id[]={account_id}")
        return rels[0]

    def test_follow_accept_and_undo_across_instances(self):
        carol = self.search(f"carol@{self.b_domain}")[0]
        code, rel, _ = api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{carol['id']}/follow")
        self.assertEqual(code, 200, rel)
        self.assertTrue(rel["requested"] or rel["following"])  # until carol's server answers
        # B verifies the signed Follow, fetches alice from A, follows and sends Accept back.
        self.assertTrue(wait_until(lambda: self.relationship(carol["id"])["following"], timeout=30))
        self.assertFalse(self.relationship(carol["id"])["requested"])
        carol_id_on_b = self.carol.me()["id"]
        followers = self.carol.account_followers(carol_id_on_b)
        self.assertEqual([f["acct"] for f in followers], [f"alice@localhost:{self.a.port}"])
        # B's followers collection lists alice by her actor id on A.
        import json as _json
        from loxodon_e2e import get
        ap = {"Accept": "application/activity+json"}
        _, _, body = get(f"{self.b.base}/users/carol/followers", headers=ap)
        collection = _json.loads(body)
        self.assertEqual(collection["totalItems"], 1)
        _, _, body = get(f"{self.b.base}/users/carol/followers?page=1", headers=ap)
        self.assertEqual(_json.loads(body)["orderedItems"],
                         [f"http://localhost:{self.a.port}/users/alice"])
        notes = self.carol.notifications()
        self.assertEqual([(n["type"], n["account"]["acct"]) for n in notes][:1],
                         [("follow", f"alice@localhost:{self.a.port}")])
        # Unfollowing sends Undo: carol loses the follower.
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{carol['id']}/unfollow")
        self.assertTrue(wait_until(lambda: not self.carol.account_followers(carol_id_on_b),
                                   timeout=30))
        # ... and what carol posts next no longer reaches alice.
        self.carol.status_post("After the unfollow")
        import time
        time.sleep(3)
        self.assertFalse([t for t in self.home_texts() if "After the unfollow" in t[1]])

    def home_texts(self):
        code, home, _ = api_call(self.a, self.alice, "GET", "/api/v1/timelines/home")
        self.assertEqual(code, 200, home)
        return [(s["account"]["acct"], s["content"], s["visibility"]) for s in home]

    def test_posts_reach_remote_followers(self):
        dave = self.search(f"dave@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{dave['id']}/follow")
        self.assertTrue(wait_until(lambda: self.relationship(dave["id"])["following"], timeout=30))
        acct = f"dave@{self.b_domain}"
        public = self.dave.status_post("Hello from B <b>bold</b>")
        private = self.dave.status_post("Only for my followers", visibility="private")
        self.assertTrue(wait_until(lambda: len([t for t in self.home_texts() if t[0] == acct]) == 2,
                                   timeout=30), self.home_texts())
        texts = {t[2]: t[1] for t in self.home_texts() if t[0] == acct}
        self.assertIn("Hello from B", texts["public"])
        self.assertNotIn("<b>", texts["public"])  # B escaped it; it arrives as text
        self.assertIn("Only for my followers", texts["private"])
        # A's federated timeline shows the public post only.
        _, remote, _ = api_call(self.a, self.alice, "GET", "/api/v1/timelines/public?remote=true")
        self.assertEqual([s["visibility"] for s in remote if s["account"]["acct"] == acct],
                         ["public"])
        # Editing on B edits the copy on A.
        self.dave.status_update(private["id"], "Only for my followers, edited")
        self.assertTrue(wait_until(lambda: any("edited" in t[1] for t in self.home_texts()
                                               if t[0] == acct), timeout=30))
        # Deleting on B removes it on A.
        self.dave.status_delete(public["id"])
        self.assertTrue(wait_until(
            lambda: [t[2] for t in self.home_texts() if t[0] == acct] == ["private"], timeout=30))

    def test_direct_messages_replies_and_likes_cross(self):
        erin = self.search(f"erin@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{erin['id']}/follow")
        self.assertTrue(wait_until(lambda: self.relationship(erin["id"])["following"], timeout=30))
        a_domain = f"localhost:{self.a.port}"
        # A direct message to alice (B learned of her when she followed).
        self.erin.status_post(f"@alice@{a_domain} just for you", visibility="direct")

        def mentions():
            _, notes, _ = api_call(self.a, self.alice, "GET", "/api/v1/notifications?types[]=mention")
            return [n for n in notes if n["account"]["acct"] == f"erin@{self.b_domain}"]
        self.assertTrue(wait_until(mentions, timeout=30))
        dm = mentions()[0]["status"]
        self.assertEqual(dm["visibility"], "direct")
        self.assertIn("just for you", dm["content"])
        _, public, _ = api_call(self.a, self.alice, "GET", "/api/v1/timelines/public")
        self.assertNotIn(dm["id"], [p["id"] for p in public])

        # alice replies to a public post and likes it: erin hears of both.
        post = self.erin.status_post("Anyone there?")
        self.assertTrue(wait_until(
            lambda: [t for t in self.home_texts() if "Anyone there?" in t[1]], timeout=30))
        _, home, _ = api_call(self.a, self.alice, "GET", "/api/v1/timelines/home")
        local_copy = [h for h in home if "Anyone there?" in h["content"]][0]
        code, reply, _ = api_call(self.a, self.alice, "POST", "/api/v1/statuses",
                                  {"status": f"@erin@{self.b_domain} yes!",
                                   "in_reply_to_id": local_copy["id"]})
        self.assertEqual(code, 200, reply)
        api_call(self.a, self.alice, "POST", f"/api/v1/statuses/{local_copy['id']}/favourite")

        def erin_heard():
            kinds = {(n["type"], n["account"]["acct"]) for n in self.erin.notifications()}
            return {("mention", f"alice@{a_domain}"), ("favourite", f"alice@{a_domain}")} <= kinds
        self.assertTrue(wait_until(erin_heard, timeout=30), self.erin.notifications())
        replies = self.erin.status_context(post["id"])["descendants"]
        self.assertEqual([r["account"]["acct"] for r in replies], [f"alice@{a_domain}"])
        self.assertEqual(self.erin.status(post["id"])["favourites_count"], 1)
        api_call(self.a, self.alice, "POST", f"/api/v1/statuses/{local_copy['id']}/unfavourite")
        self.assertTrue(wait_until(lambda: self.erin.status(post["id"])["favourites_count"] == 0,
                                   timeout=30))
        # A boost is an Announce: erin is told and counts it; unboosting takes it back.
        api_call(self.a, self.alice, "POST", f"/api/v1/statuses/{local_copy['id']}/reblog")
        self.assertTrue(wait_until(lambda: self.erin.status(post["id"])["reblogs_count"] == 1,
                                   timeout=30))
        # The notification is a job of its own, filed after the count changed.
        self.assertTrue(wait_until(
            lambda: ("reblog", f"alice@{a_domain}") in
            {(n["type"], n["account"]["acct"]) for n in self.erin.notifications()}, timeout=30),
            self.erin.notifications())
        api_call(self.a, self.alice, "POST", f"/api/v1/statuses/{local_copy['id']}/unreblog")
        self.assertTrue(wait_until(lambda: self.erin.status(post["id"])["reblogs_count"] == 0,
                                   timeout=30))

    def test_a_block_ends_the_follow_and_the_posts(self):
        frank = self.search(f"frank@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{frank['id']}/follow")
        self.assertTrue(wait_until(lambda: self.relationship(frank["id"])["following"], timeout=30))
        alice_on_b = self.frank.search_v2(f"alice@localhost:{self.a.port}", resolve=True,
                                          result_type="accounts")["accounts"][0]
        self.frank.account_block(alice_on_b["id"])
        self.assertTrue(wait_until(lambda: not self.relationship(frank["id"])["following"],
                                   timeout=30))
        self.assertTrue(self.relationship(frank["id"])["blocked_by"])
        self.frank.status_post("Not for alice")
        import time
        time.sleep(3)
        self.assertFalse([t for t in self.home_texts() if "Not for alice" in t[1]])
        # Lifting the block reaches A too.
        self.frank.account_unblock(alice_on_b["id"])
        self.assertTrue(wait_until(lambda: not self.relationship(frank["id"])["blocked_by"],
                                   timeout=30))

    def test_boosted_posts_and_reply_parents_are_fetched(self):
        """A boost of a post A has never seen, and a reply to one, make A fetch the post (signed
        by its instance actor) from B, with its author."""
        jay = create_user(self.db_b.url, self.b, "jay")
        kim = create_user(self.db_b.url, self.b, "kim")
        remote_jay = self.search(f"jay@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{remote_jay['id']}/follow")
        self.assertTrue(wait_until(lambda: self.relationship(remote_jay["id"])["following"],
                                   timeout=30))
        original = kim.status_post("Kim's thoughts, boosted by Jay")
        jay.status_reblog(original["id"])

        def boost():
            return [s for s in api_call(self.a, self.alice, "GET", "/api/v1/timelines/home")[1]
                    if s["reblog"] and s["reblog"]["uri"] == original["uri"]]
        self.assertTrue(wait_until(boost, timeout=30))
        self.assertEqual(boost()[0]["reblog"]["account"]["acct"], f"kim@{self.b_domain}")
        self.assertIn("thoughts, boosted by Jay", boost()[0]["reblog"]["content"])

        parent = kim.status_post("A question from Kim")
        reply = jay.status_post("Jay answers", in_reply_to_id=parent["id"])

        def reply_on_a():
            return [s for s in api_call(self.a, self.alice, "GET", "/api/v1/timelines/home")[1]
                    if s["uri"] == reply["uri"]]
        self.assertTrue(wait_until(reply_on_a, timeout=30))
        self.assertIsNotNone(reply_on_a()[0]["in_reply_to_id"])
        _, context, _ = api_call(self.a, self.alice, "GET",
                                 f"/api/v1/statuses/{reply_on_a()[0]['id']}/context")
        self.assertEqual([s["uri"] for s in context["ancestors"]], [parent["uri"]])

    def test_remote_media_is_cached_here_and_pruned(self):
        """An attachment on B arrives on A as a Document, is fetched by A through its guarded
        client and served from A; `loxodon media prune` removes the copy, leaving the link."""
        import os
        from loxodon_e2e import get, run_cli
        fixtures = os.path.join(os.path.dirname(__file__), "..", "fixtures", "media")
        mia = create_user(self.db_b.url, self.b, "mia")
        remote_mia = self.search(f"mia@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{remote_mia['id']}/follow")
        self.assertTrue(wait_until(lambda: self.relationship(remote_mia["id"])["following"],
                                   timeout=30))
        media = mia.media_post(os.path.join(fixtures, "alpha.png"), mime_type="image/png",
                               description="A picture from B", focus=(0.25, -0.5),
                               synchronous=True)
        post = mia.status_post("With a picture", media_ids=[media["id"]])
        original_url = post["media_attachments"][0]["url"]

        def attachment():
            for s in api_call(self.a, self.alice, "GET", "/api/v1/timelines/home")[1]:
                if s["uri"] == post["uri"] and s["media_attachments"]:
                    return s["media_attachments"][0]
            return None
        self.assertTrue(wait_until(lambda: (attachment() or {}).get("type") == "image",
                                   timeout=30), attachment())
        cached = attachment()
        self.assertEqual(cached["remote_url"], original_url)
        self.assertTrue(cached["url"].startswith(f"http://localhost:{self.a.port}/"), cached)
        self.assertEqual(cached["description"], "A picture from B")
        self.assertEqual(cached["meta"]["focus"], {"x": 0.25, "y": -0.5})
        self.assertIsNotNone(cached["blurhash"])
        status, headers, body = get(cached["url"].replace(f"http://localhost:{self.a.port}",
                                                          self.a.base))
        self.assertEqual((status, headers["Content-Type"]), (200, "image/png"))
        self.assertTrue(body.startswith(b"\x89PNG"))

        env = {"LOXODON_DATABASE_URL": self.db_a.url, "LOXODON_DOMAIN": f"localhost:{self.a.port}",
               "LOXODON_SCHEME": "http", "LOXODON_MEDIA_DIR": self.a.media_dir}
        pruned = run_cli(["media", "prune", "--days", "0"], env=env, check=True)
        self.assertIn("1 cached remote file(s) removed", pruned.stdout)
        self.assertIn("copies removed", pruned.stderr)  # progress in the log
        after = attachment()
        self.assertEqual((after["type"], after["url"]), ("unknown", original_url))
        self.assertEqual(get(cached["url"].replace(f"http://localhost:{self.a.port}",
                                                   self.a.base))[0], 404)

    def test_polls_and_votes_cross(self):
        """A poll posted on B shows on A as a poll; a vote from A reaches B's count, and a vote
        from B on A's poll reaches A's."""
        nina = create_user(self.db_b.url, self.b, "nina")
        remote_nina = self.search(f"nina@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{remote_nina['id']}/follow")
        self.assertTrue(wait_until(lambda: self.relationship(remote_nina["id"])["following"],
                                   timeout=30))
        poll = nina.make_poll(["Trunk", "Tusk", "Ears"], expires_in=3600, multiple=False)
        post = nina.status_post("Best part of an elephant?", poll=poll)

        def on_a():
            for s in api_call(self.a, self.alice, "GET", "/api/v1/timelines/home")[1]:
                if s["uri"] == post["uri"] and s["poll"]:
                    return s
            return None
        self.assertTrue(wait_until(on_a, timeout=30))
        shown = on_a()["poll"]
        self.assertEqual([o["title"] for o in shown["options"]], ["Trunk", "Tusk", "Ears"])
        self.assertEqual((shown["multiple"], shown["expired"], shown["votes_count"]),
                         (False, False, 0))
        code, voted, _ = api_call(self.a, self.alice, "POST", f"/api/v1/polls/{shown['id']}/votes",
                                  {"choices[]": "1"})
        self.assertEqual(code, 200, voted)
        self.assertEqual(voted["own_votes"], [1])
        # The vote travels to B as Create(Note) and counts there.
        self.assertTrue(wait_until(
            lambda: nina.poll(post["poll"]["id"])["votes_count"] == 1, timeout=30))
        self.assertEqual([o["votes_count"] for o in nina.poll(post["poll"]["id"])["options"]],
                         [0, 1, 0])

        # The other way: alice's poll, voted on from B.
        mine = self.alice.status_post("Which snack?", poll=self.alice.make_poll(
            ["Peanuts", "Hay"], expires_in=3600, multiple=True))
        found = nina.search_v2(f"alice@localhost:{self.a.port}", resolve=True)["accounts"]
        nina.account_follow(found[0]["id"])
        code, results, _ = api_call(
            self.b, nina, "GET",
            f"/api/v2/search?q={mine['uri'].replace(':', '%3A').replace('/', '%2F')}&resolve=true")
        remote_poll = results["statuses"][0]["poll"]
        self.assertEqual([o["title"] for o in remote_poll["options"]], ["Peanuts", "Hay"])
        self.assertTrue(remote_poll["multiple"])
        nina.poll_vote(remote_poll["id"], [0, 1])
        self.assertTrue(wait_until(
            lambda: self.alice.poll(mine["poll"]["id"])["votes_count"] == 2, timeout=30))
        self.assertEqual(self.alice.poll(mine["poll"]["id"])["voters_count"], 1)
        # A sends the new counts (Update(Question)) once the votes settle; B shows them.
        def counts_on_b():
            return api_call(self.b, nina, "GET", f"/api/v1/polls/{remote_poll['id']}")[1]
        self.assertTrue(wait_until(lambda: counts_on_b()["votes_count"] == 2, timeout=40),
                        counts_on_b())
        self.assertEqual([o["votes_count"] for o in counts_on_b()["options"]], [1, 1])
        self.assertEqual(counts_on_b()["own_votes"], [0, 1])

    def test_search_resolves_remote_status_and_profile_urls(self):
        import urllib.parse
        lee = create_user(self.db_b.url, self.b, "lee")
        post = lee.status_post("Found by its link")
        for link in (post["uri"], post["url"]):  # the id and the page URL
            code, found, _ = api_call(
                self.a, self.alice, "GET",
                f"/api/v2/search?q={urllib.parse.quote(link, safe='')}&resolve=true")
            self.assertEqual(code, 200, found)
            self.assertEqual([s["uri"] for s in found["statuses"]], [post["uri"]], link)
        code, found, _ = api_call(
            self.a, self.alice, "GET",
            f"/api/v2/search?q={urllib.parse.quote(f'http://{self.b_domain}/users/lee', safe='')}"
            "&resolve=true")
        self.assertEqual([a["acct"] for a in found["accounts"]], [f"lee@{self.b_domain}"])
        # Without resolve, a URL finds nothing that is not already here.
        code, found, _ = api_call(
            self.a, self.alice, "GET",
            f"/api/v2/search?q={urllib.parse.quote(post['uri'] + '0', safe='')}&resolve=false")
        self.assertEqual((code, found["statuses"]), (200, []))

    def test_profile_changes_and_account_deletion_cross(self):
        """Update(Person) on a profile change; the account's own Delete, sent to every inbox B
        knows, removes it (and what it posted) on A."""
        from loxodon_e2e import Browser
        gina = create_user(self.db_b.url, self.b, "gina")
        found = self.search(f"gina@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{found['id']}/follow")
        self.assertTrue(wait_until(lambda: self.relationship(found["id"])["following"], timeout=30))
        import os
        picture = os.path.join(os.path.dirname(__file__), "..", "fixtures", "media", "alpha.png")
        gina.account_update_credentials(
            display_name="Gina G.", note="New bio",
            fields=[("site", "https://gina.example/"), ("pronouns", "she/her")],
            avatar=picture, avatar_mime_type="image/png")

        def shown():
            return api_call(self.a, self.alice, "GET", f"/api/v1/accounts/{found['id']}")[1]
        self.assertTrue(wait_until(lambda: shown()["display_name"] == "Gina G.", timeout=30),
                        shown())
        self.assertIn("New bio", shown()["note"])
        self.assertEqual([f["name"] for f in shown()["fields"]], ["site", "pronouns"])
        # The new avatar is copied to A and served from there.
        self.assertTrue(wait_until(
            lambda: shown()["avatar"].startswith(f"http://localhost:{self.a.port}/system/"),
            timeout=30), shown()["avatar"])
        from loxodon_e2e import get
        status, headers, _ = get(shown()["avatar"].replace(f"http://localhost:{self.a.port}",
                                                           self.a.base))
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("image/"))
        gina.status_post("Before I go")
        self.assertTrue(wait_until(
            lambda: any("Before I go" in t[1] for t in self.home_texts()), timeout=30))

        # Deleting the account (web settings, with the password) tells A, which removes it.
        browser = Browser(self.b.base)
        status, headers, _ = browser.request("/settings")
        status, _, page = browser.request(headers["Location"])
        status, headers, _ = browser.submit(page, "/auth/sign_in",
                                            {"login": "gina@example.com",
                                             "password": "correct horse battery"})
        self.assertEqual(status, 303)
        status, _, settings = browser.request("/settings")
        self.assertEqual(status, 200)
        status, _, _ = browser.submit(settings, "/settings/delete",
                                      {"current_password": "correct horse battery"})
        self.assertEqual(status, 200)
        self.assertTrue(wait_until(lambda: api_call(
            self.a, self.alice, "GET", f"/api/v1/accounts/{found['id']}")[0] == 404, timeout=30))
        self.assertFalse(any("Before I go" in t[1] for t in self.home_texts()))

    def test_a_locked_account_gets_a_follow_request(self):
        bob = self.search(f"bob@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{bob['id']}/follow")
        self.assertTrue(wait_until(lambda: self.bob.follow_requests(), timeout=30))
        self.assertEqual([r["acct"] for r in self.bob.follow_requests()],
                         [f"alice@localhost:{self.a.port}"])
        self.assertTrue(self.relationship(bob["id"])["requested"])
        # Bob says yes: his server sends Accept naming alice's Follow, and A makes it a follow.
        self.bob.follow_request_authorize(self.bob.follow_requests()[0]["id"])
        self.assertTrue(wait_until(lambda: self.relationship(bob["id"])["following"], timeout=30))
        self.assertFalse(self.relationship(bob["id"])["requested"])
        # Another locked account says no: the request is gone on A too.
        hank = create_user(self.db_b.url, self.b, "hank")
        hank.account_update_credentials(locked=True)
        remote_hank = self.search(f"hank@{self.b_domain}")[0]
        api_call(self.a, self.alice, "POST", f"/api/v1/accounts/{remote_hank['id']}/follow")
        self.assertTrue(wait_until(lambda: hank.follow_requests(), timeout=30))
        self.assertTrue(self.relationship(remote_hank["id"])["requested"])
        hank.follow_request_reject(hank.follow_requests()[0]["id"])
        self.assertTrue(wait_until(lambda: not self.relationship(remote_hank["id"])["requested"],
                                   timeout=30))
        self.assertFalse(self.relationship(remote_hank["id"])["following"])

    def test_unknown_or_unreachable_handles_find_nothing(self):
        self.assertEqual(self.search(f"@nobody@{self.b_domain}"), [])
        self.assertEqual(self.search("@bob@localhost:1"), [])  # nothing listens there
        self.assertEqual(self.search("@bob@nonexistent.invalid"), [])


if __name__ == "__main__":
    unittest.main()
