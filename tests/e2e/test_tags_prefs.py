"""Followed and featured hashtags, account domain blocks, the notification bell ("status"
notifications), "update" notifications for boosters and the unread notification count, driven
through Mastodon.py and raw HTTP where Mastodon.py 1.8 has no method."""

import json
import time
import unittest
import urllib.parse

from mastodon.errors import MastodonAPIError, MastodonNotFoundError

from loxodon_e2e import Database, Server, api_call, create_user, get, wait_until


class TagsAndPreferencesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url)
        cls.api = {name: create_user(cls.db.url, cls.server, name)
                   for name in ("dora", "ezra", "fern")}

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()

    def call(self, who, method, path, form=None):
        """Raw request as `who` (a name or a client); `form` is a dict or a list of pairs."""
        client = self.api[who] if isinstance(who, str) else who
        return api_call(self.server, client, method, path, form)[:2]

    def test_followed_tag_reaches_home_timeline(self):
        fern = self.api["fern"]
        status, tag = self.call("ezra", "GET", "/api/v1/tags/Elephants")
        self.assertEqual(status, 200)
        self.assertEqual(tag["name"], "elephants")
        self.assertFalse(tag["following"])
        self.assertEqual(tag["history"], [])

        status, tag = self.call("ezra", "POST", "/api/v1/tags/%23Elephants/follow", {})
        self.assertEqual(status, 200, tag)
        self.assertTrue(tag["following"])
        status, followed = self.call("ezra", "GET", "/api/v1/followed_tags")
        self.assertEqual([t["name"] for t in followed], ["elephants"])

        # Ezra never follows Fern: only the followed tag brings her posts into his home timeline.
        public = fern.status_post("Look at these #elephants")
        unlisted = fern.status_post("Quiet #elephants", visibility="unlisted")
        private = fern.status_post("Secret #elephants", visibility="private")
        other = fern.status_post("Nothing tagged")
        ezra = self.api["ezra"]
        self.assertTrue(wait_until(lambda: any(s["id"] == public["id"] for s in ezra.timeline_home())))
        time.sleep(0.5)  # give the other fan-out jobs the same chance
        home = {s["id"] for s in ezra.timeline_home()}
        self.assertNotIn(unlisted["id"], home)
        self.assertNotIn(private["id"], home)
        self.assertNotIn(other["id"], home)

        status, tag = self.call("ezra", "POST", "/api/v1/tags/elephants/unfollow", {})
        self.assertEqual(status, 200)
        self.assertFalse(tag["following"])
        self.assertEqual(self.call("ezra", "GET", "/api/v1/followed_tags")[1], [])
        later = fern.status_post("More #elephants")
        time.sleep(0.7)
        self.assertNotIn(later["id"], {s["id"] for s in ezra.timeline_home()})

    def test_hashtag_timeline_any_all_none(self):
        fern = self.api["fern"]
        lions = fern.status_post("#Zooq #lions")["id"]
        tigers = fern.status_post("#zooq #tigers")["id"]
        both = fern.status_post("#zooq #lions #tigers")["id"]
        plain = fern.status_post("just #zooq")["id"]
        bears = fern.status_post("only #bearsq")["id"]

        def timeline(query):
            status, body = self.call("dora", "GET", "/api/v1/timelines/tag/zooq" + query)
            self.assertEqual(status, 200, body)
            return [int(s["id"]) for s in body]

        self.assertEqual(timeline(""), [plain, both, tigers, lions])
        self.assertEqual(timeline("?all[]=lions"), [both, lions])
        self.assertEqual(timeline("?all[]=lions&all[]=TIGERS"), [both])
        self.assertEqual(timeline("?none[]=tigers"), [plain, lions])
        self.assertEqual(timeline("?any[]=bearsq&none[]=lions"), [bears, plain, tigers])
        self.assertEqual(timeline("?all[]=nothere"), [])
        # Hidden from someone who muted the author.
        self.api["ezra"].account_mute(fern.me()["id"])
        status, body = self.call("ezra", "GET", "/api/v1/timelines/tag/zooq")
        self.assertEqual(body, [])
        self.api["ezra"].account_unmute(fern.me()["id"])

    def test_familiar_followers(self):
        # Own accounts so the other tests' follows do not matter.
        api = {name: create_user(self.db.url, self.server, name, "read write follow")
               for name in ("gil", "hana", "ivo", "jun")}
        ids = {name: a.me()["id"] for name, a in api.items()}
        # Gil follows Hana and Ivo; Hana and Ivo follow Jun; only Ivo follows Hana.
        api["gil"].account_follow(ids["hana"])
        api["gil"].account_follow(ids["ivo"])
        api["hana"].account_follow(ids["jun"])
        api["ivo"].account_follow(ids["jun"])
        api["ivo"].account_follow(ids["hana"])
        api["jun"].account_follow(ids["hana"])  # Gil does not follow Jun: not familiar

        result = api["gil"].account_familiar_followers([ids["jun"], ids["hana"], ids["jun"]])
        self.assertEqual([str(r["id"]) for r in result], [str(ids["jun"]), str(ids["hana"])])
        self.assertEqual(sorted(a["username"] for a in result[0]["accounts"]), ["hana", "ivo"])
        self.assertEqual([a["username"] for a in result[1]["accounts"]], ["ivo"])
        self.assertEqual(api["jun"].account_familiar_followers([ids["gil"]])[0]["accounts"], [])
        status, _, _ = get(self.server.base + f"/api/v1/accounts/familiar_followers?id[]={ids['jun']}")
        self.assertEqual(status, 401)

    def test_endorsements(self):
        api = {name: create_user(self.db.url, self.server, name, "read write follow")
               for name in ("kai", "lea", "max")}
        kai = api["kai"]
        lea_id, max_id = api["lea"].me()["id"], api["max"].me()["id"]

        # Only followed accounts can be endorsed.
        with self.assertRaises(MastodonAPIError) as refused:
            kai.account_pin(lea_id)
        self.assertIn("following", str(refused.exception))
        self.assertEqual(kai.endorsements(), [])

        kai.account_follow(lea_id)
        kai.account_follow(max_id)
        self.assertTrue(kai.account_pin(lea_id)["endorsed"])
        self.assertTrue(kai.account_pin(lea_id)["endorsed"])  # twice is fine
        self.assertTrue(kai.account_pin(max_id)["endorsed"])
        self.assertEqual([a["username"] for a in kai.endorsements()], ["max", "lea"])
        self.assertTrue(kai.account_relationships([lea_id])[0]["endorsed"])
        status, page = self.call(kai, "GET", "/api/v1/endorsements?limit=1")
        self.assertEqual((status, [a["username"] for a in page]), (200, ["max"]))

        self.assertFalse(kai.account_unpin(max_id)["endorsed"])
        # Unfollowing ends the endorsement as well.
        kai.account_unfollow(lea_id)
        self.assertFalse(kai.account_relationships([lea_id])[0]["endorsed"])
        self.assertEqual(kai.endorsements(), [])
        with self.assertRaises(MastodonNotFoundError):
            kai.account_pin(123456789)

    def test_follow_languages(self):
        api = {name: create_user(self.db.url, self.server, name, "read write follow")
               for name in ("nia", "oto")}
        nia, oto = api["nia"], api["oto"]
        oto_id = oto.me()["id"]
        status, rel = self.call(nia, "POST", f"/api/v1/accounts/{oto_id}/follow",
                                [("languages[]", "DE"), ("languages[]", "fr")])
        self.assertEqual((status, rel["languages"]), (200, ["de", "fr"]))
        status, rel = self.call(nia, "POST", f"/api/v1/accounts/{oto_id}/follow",
                                [("languages[]", "german")])
        self.assertEqual(status, 422)
        self.assertEqual(nia.account_relationships([oto_id])[0]["languages"], ["de", "fr"])
        # Re-following without languages keeps them.
        self.assertEqual(nia.account_follow(oto_id)["languages"], ["de", "fr"])

        german = oto.status_post("Guten Tag", language="de")["id"]
        english = oto.status_post("Good day", language="en")["id"]
        self.assertTrue(wait_until(lambda: german in {s["id"] for s in nia.timeline_home()}))
        time.sleep(0.5)
        self.assertNotIn(english, {s["id"] for s in nia.timeline_home()})

        # An empty list means every language again.
        status, rel = self.call(nia, "POST", f"/api/v1/accounts/{oto_id}/follow", [("languages[]", "")])
        self.assertEqual(status, 422)
        status, _, body = get(self.server.base + f"/api/v1/accounts/{oto_id}/follow",
                              headers={"Authorization": f"Bearer {nia.access_token}",
                                       "Content-Type": "application/json"},
                              method="POST", data=json.dumps({"languages": []}).encode())
        self.assertEqual((status, json.loads(body)["languages"]), (200, None))
        later = oto.status_post("Good evening", language="en")["id"]
        self.assertTrue(wait_until(lambda: later in {s["id"] for s in nia.timeline_home()}))

    def test_search_wildcards_are_literal(self):
        fern = self.api["fern"]
        fern.status_post("#under_score and #underxscore")
        self.assertEqual(fern.search_v2("%", result_type="accounts")["accounts"], [])
        self.assertEqual(fern.search_v2("%", result_type="hashtags")["hashtags"], [])
        names = [t["name"] for t in fern.search_v2("#under_", result_type="hashtags")["hashtags"]]
        self.assertEqual(names, ["under_score"])
        self.assertEqual([a["username"] for a in fern.search_v2("fer", result_type="accounts")["accounts"]],
                         ["fern"])

    def test_search_resolve_exact_hashtags_and_handles(self):
        dora = self.api["dora"]
        port = self.server.port
        post = dora.status_post("Resolvable #Exactly and #exactlyish")
        private = dora.status_post("only followers", visibility="private")
        base = self.server.base

        def search(who, query, **params):
            qs = urllib.parse.urlencode({"q": query, **params})
            return self.call(who, "GET", "/api/v2/search?" + qs)

        # Our own URLs resolve to the status or profile, when asked to and visible.
        own = f"http://localhost:{port}"  # the configured domain, not the address we dial
        for url in (post["url"], post["uri"]):
            status, found = search("ezra", url, resolve="true")
            self.assertEqual(status, 200, found)
            self.assertEqual([s["id"] for s in found["statuses"]], [str(post["id"])], url)
        self.assertEqual(search("ezra", post["url"])[1]["statuses"], [])  # no resolve: no lookup
        # A stranger (nobody follows anybody here) does not find the private post.
        self.api["gus"] = create_user(self.db.url, self.server, "gus")
        self.assertEqual(search("gus", private["url"], resolve="true")[1]["statuses"], [])
        self.assertEqual(search("dora", private["url"], resolve="true")[1]["statuses"][0]["id"],
                         str(private["id"]))
        for url in (f"{own}/@dora", f"{own}/users/dora"):
            found = search("ezra", url, resolve="true")[1]
            self.assertEqual([a["username"] for a in found["accounts"]], ["dora"], url)
        self.assertEqual(search("ezra", f"{own}/@dora/999999", resolve="true")[1]["statuses"], [])
        self.assertEqual(search("ezra", "https://elsewhere.example/@dora", resolve="true")[1],
                         {"accounts": [], "statuses": [], "hashtags": []})
        # Handles: our domain finds the local account; another domain does not.
        self.assertEqual([a["username"] for a in
                          search("ezra", f"@dora@localhost:{port}", type="accounts")[1]["accounts"]],
                         ["dora"])
        self.assertEqual(search("ezra", "@dora@elsewhere.example", type="accounts")[1]["accounts"],
                         [])
        # The exact hashtag comes first, with exclude_unreviewed too.
        tags = search("ezra", "#exactly", type="hashtags", exclude_unreviewed="true")[1]["hashtags"]
        self.assertEqual([t["name"] for t in tags], ["exactly", "exactlyish"])
        # Logged out: no resolving, no paging.
        for params in ({"resolve": "true"}, {"offset": "5"}):
            status, _, _ = get(base + "/api/v2/search?" +
                               urllib.parse.urlencode({"q": "dora", **params}))
            self.assertEqual(status, 401, params)
        status, _, body = get(base + "/api/v2/search?q=dora")
        self.assertEqual(status, 200)
        # only_media: no status has media attachments yet, so nothing qualifies.
        for path in ("/api/v1/timelines/public?only_media=true",
                     "/api/v1/timelines/tag/exactly?only_media=true"):
            self.assertEqual(self.call("ezra", "GET", path), (200, []))
        self.assertTrue(self.call("ezra", "GET", "/api/v1/timelines/tag/exactly")[1])

    def test_bad_tag_names_are_not_found(self):
        for name in ("foo-bar", "123", "%20", "a%2Fb", "x" * 101):
            status, _ = self.call("ezra", "POST", f"/api/v1/tags/{name}/follow", {})
            self.assertEqual(status, 404, name)
            status, _ = self.call("ezra", "GET", f"/api/v1/tags/{name}")
            self.assertEqual(status, 404, name)
        self.assertNotIn("foo", [t["name"] for t in self.call("ezra", "GET", "/api/v1/followed_tags")[1]])
        status, _, _ = get(self.server.base + "/api/v1/tags/x/follow", method="POST", data=b"")
        self.assertEqual(status, 401)

    def test_featured_tags(self):
        fern = self.api["fern"]
        fern.status_post("I love #Cats")
        fern.status_post("More #cats and #dogs")
        suggestions = fern.featured_tag_suggestions()
        self.assertEqual([t["name"] for t in suggestions][:2], ["cats", "dogs"])

        featured = fern.featured_tag_create("#Cats")
        self.assertEqual(featured["name"], "cats")
        self.assertEqual(featured["statuses_count"], 2)
        raw = self.call("fern", "GET", "/api/v1/featured_tags")[1]
        self.assertRegex(raw[0]["last_status_at"], r"^\d{4}-\d{2}-\d{2}$")  # the day only
        self.assertTrue(featured["url"].endswith("/@fern/tagged/cats"))
        self.assertEqual(fern.featured_tag_create("cats")["id"], featured["id"])  # idempotent
        self.assertNotIn("cats", [t["name"] for t in fern.featured_tag_suggestions()])

        # Anyone (even without a token) sees them on the profile.
        fern_id = fern.me()["id"]
        status, _, body = get(f"{self.server.base}/api/v1/accounts/{fern_id}/featured_tags")
        self.assertEqual(status, 200)
        self.assertEqual([t["name"] for t in json.loads(body)], ["cats"])

        with self.assertRaises(MastodonAPIError):
            fern.featured_tag_create("not a tag")
        for i in range(9):
            fern.featured_tag_create(f"topic{i}x")
        with self.assertRaises(MastodonAPIError) as too_many:
            fern.featured_tag_create("eleventh")
        self.assertIn("10", str(too_many.exception))
        self.assertEqual(len(fern.featured_tags()), 10)

        # Someone else's featured tag cannot be removed; one's own can.
        with self.assertRaises(MastodonNotFoundError):
            self.api["dora"].featured_tag_delete(featured["id"])
        fern.featured_tag_delete(featured["id"])
        self.assertNotIn("cats", [t["name"] for t in fern.featured_tags()])
        with self.assertRaises(MastodonNotFoundError):
            fern.featured_tag_delete(featured["id"])

    def test_domain_blocks(self):
        dora = self.api["dora"]
        dora.domain_block("Example.COM")
        dora.domain_block("example.com")  # twice is fine
        dora.domain_block("mastodon.social")
        self.assertEqual(sorted(dora.domain_blocks()), ["example.com", "mastodon.social"])
        for bad in ("", "https://evil.example/", "a..b", "spaces here", ".lead"):
            with self.assertRaises(MastodonAPIError, msg=bad):
                dora.domain_block(bad)
        self.assertEqual(len(dora.domain_blocks()), 2)
        page = dora.domain_blocks(limit=1)
        self.assertEqual(len(page), 1)
        dora.domain_unblock("EXAMPLE.com")
        self.assertEqual(dora.domain_blocks(), ["mastodon.social"])
        self.assertEqual(self.api["ezra"].domain_blocks(), [])  # per account

    def test_bell_update_notifications_and_unread_count(self):
        dora, ezra, fern = self.api["dora"], self.api["ezra"], self.api["fern"]
        dora_id = dora.me()["id"]
        # Ezra rings the bell for Dora; Fern follows her without it.
        self.assertTrue(ezra.account_follow(dora_id, notify=True)["notifying"])
        fern.account_follow(dora_id)
        ezra.markers_set("notifications", ezra.notifications(limit=1)[0]["id"]
                         if ezra.notifications(limit=1) else "0")
        post = dora.status_post("A new post for subscribers")
        self.assertTrue(wait_until(lambda: any(
            n["type"] == "status" and n["status"]["id"] == post["id"] for n in ezra.notifications())))
        time.sleep(0.3)
        self.assertFalse(any(n["type"] == "status" for n in fern.notifications()))

        status, unread = self.call("ezra", "GET", "/api/v1/notifications/unread_count")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(unread["count"], 1)
        newest = ezra.notifications(limit=1)[0]["id"]
        ezra.markers_set("notifications", newest)
        self.assertEqual(self.call("ezra", "GET", "/api/v1/notifications/unread_count")[1]["count"], 0)

        # Fern boosts, Dora edits: Fern is told about the edit.
        fern.status_reblog(post["id"])
        dora.status_update(post["id"], "A new post for subscribers (edited)")
        self.assertTrue(wait_until(lambda: any(
            n["type"] == "update" and n["status"]["id"] == post["id"] for n in fern.notifications())))
        self.assertFalse(any(n["type"] == "update" for n in ezra.notifications()))


if __name__ == "__main__":
    unittest.main()
