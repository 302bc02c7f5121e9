"""Filters v2 applied by the server (filtered[] per context, "hide" removing statuses, expiry,
whole words, status filters) and the v1 API as a view of them, through raw HTTP and Mastodon.py's
v1 filter methods."""

import time
import unittest

from mastodon.errors import MastodonAPIError

from loxodon_e2e import Database, Server, api_call, create_user, wait_until


class FiltersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url)
        cls.api = {name: create_user(cls.db.url, cls.server, name)
                   for name in ("kate", "liam", "mona")}
        cls.acct = {name: client.me()["id"] for name, client in cls.api.items()}
        cls.domain = f"localhost:{cls.server.port}"
        # Kate reads Liam's posts in her home timeline.
        cls.api["kate"].account_follow(cls.acct["liam"])

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()

    def call(self, who, method, path, form=None, as_json=False):
        return api_call(self.server, self.api[who], method, path, form, as_json)[:2]

    def create_filter(self, who, form, as_json=False):
        status, body = self.call(who, "POST", "/api/v2/filters", form, as_json)
        self.assertEqual(status, 200, body)
        self.addCleanup(self.call, who, "DELETE", f"/api/v2/filters/{body['id']}")
        return body

    def home_entry(self, status_id):
        """The status as it appears in Kate's home timeline, or None."""
        for s in self.call("kate", "GET", "/api/v1/timelines/home?limit=40")[1]:
            if s["id"] == str(status_id):
                return s
        return None

    def wait_home(self, status_id):
        self.assertTrue(wait_until(lambda: self.home_entry(status_id) is not None))

    def in_public(self, status_id):
        return any(s["id"] == str(status_id)
                   for s in self.call("kate", "GET", "/api/v1/timelines/public?limit=40")[1])

    def test_warn_filter_marks_matches_in_its_contexts_only(self):
        f = self.create_filter("kate", [
            ("title", "Spoilers"), ("context[]", "home"), ("context[]", "thread"),
            ("filter_action", "warn"),
            ("keywords_attributes[][keyword]", "Dragon"),
            ("keywords_attributes[][whole_word]", "true"),
            ("keywords_attributes[][keyword]", "ending"),
            ("keywords_attributes[][whole_word]", "false")])
        self.assertEqual(f["title"], "Spoilers")
        self.assertEqual(f["context"], ["home", "thread"])
        self.assertEqual(f["filter_action"], "warn")
        self.assertIsNone(f["expires_at"])
        self.assertEqual([(k["keyword"], k["whole_word"]) for k in f["keywords"]],
                         [("Dragon", True), ("ending", False)])
        self.assertEqual(f["statuses"], [])

        liam = self.api["liam"]
        hit = liam.status_post("The DRAGON wins in the end")
        partial = liam.status_post("Dragonfly season")          # whole word: no match
        inner = liam.status_post("Unendingly long")             # not whole word: a match
        warned = liam.status_post("nothing here", spoiler_text="dragon spoilers")
        for posted in (hit, partial, inner, warned):  # fan-out jobs may finish in any order
            self.wait_home(posted["id"])
        entry = self.home_entry(hit["id"])
        self.assertEqual(len(entry["filtered"]), 1)
        self.assertEqual(entry["filtered"][0]["filter"]["id"], f["id"])
        self.assertEqual(entry["filtered"][0]["keyword_matches"], ["Dragon"])
        self.assertIsNone(entry["filtered"][0]["status_matches"])
        self.assertNotIn("keywords", entry["filtered"][0]["filter"])
        self.assertEqual(self.home_entry(partial["id"])["filtered"], [])
        self.assertEqual(self.home_entry(inner["id"])["filtered"][0]["keyword_matches"],
                         ["ending"])
        self.assertEqual(len(self.home_entry(warned["id"])["filtered"]), 1)  # content warning
        # Not in the public context: the public timeline shows it unmarked.
        public = [s for s in self.call("kate", "GET", "/api/v1/timelines/public")[1]
                  if s["id"] == str(hit["id"])]
        self.assertEqual(public[0]["filtered"], [])
        # The thread context applies; a single status shows every matching filter.
        status, context = self.call("kate", "GET", f"/api/v1/statuses/{hit['id']}/context")
        self.assertEqual(status, 200)
        status, single = self.call("kate", "GET", f"/api/v1/statuses/{hit['id']}")
        self.assertEqual(len(single["filtered"]), 1)
        # Liam's own view is untouched by Kate's filters, and logged-out readers see none.
        status, own = self.call("liam", "GET", f"/api/v1/statuses/{hit['id']}")
        self.assertEqual(own["filtered"], [])

    def test_hide_filter_removes_statuses_and_mentions(self):
        f = self.create_filter("kate", {"title": "No crypto", "context[]": ["home", "public",
                                                                            "notifications"],
                                        "filter_action": "hide",
                                        "keywords_attributes": [{"keyword": "crypto"}]},
                               as_json=True)
        self.assertEqual(f["context"], ["home", "public", "notifications"])
        liam = self.api["liam"]
        hidden = liam.status_post(f"@kate@{self.domain} buy CRYPTO now")
        shown = liam.status_post(f"@kate@{self.domain} plain words")
        self.wait_home(shown["id"])
        self.assertTrue(wait_until(lambda: any(
            n["status"]["id"] == str(shown["id"]) for n in
            self.call("kate", "GET", "/api/v1/notifications")[1] if n.get("status"))))
        self.assertIsNone(self.home_entry(hidden["id"]))
        self.assertFalse(self.in_public(hidden["id"]))
        notes = self.call("kate", "GET", "/api/v1/notifications")[1]
        self.assertNotIn(str(hidden["id"]),
                         [n["status"]["id"] for n in notes if n.get("status")])
        # Asked for directly, it is there, marked with the hide filter.
        status, single = self.call("kate", "GET", f"/api/v1/statuses/{hidden['id']}")
        self.assertEqual(status, 200)
        self.assertEqual(single["filtered"][0]["filter"]["filter_action"], "hide")
        # Unicode case folding: "Über" matches "über".
        self.call("kate", "PUT", f"/api/v2/filters/{f['id']}",
                  {"keywords_attributes": [{"keyword": "Über"}]}, as_json=True)
        umlaut = liam.status_post("über alles")
        time.sleep(0.7)
        self.assertIsNone(self.home_entry(umlaut["id"]))
        self.assertFalse(self.in_public(umlaut["id"]))

    def test_status_filters_and_keyword_endpoints(self):
        liam = self.api["liam"]
        post = liam.status_post("a post Kate does not want to see again")
        self.wait_home(post["id"])
        f = self.create_filter("kate", {"title": "This one", "context[]": "home"})
        status, fs = self.call("kate", "POST", f"/api/v2/filters/{f['id']}/statuses",
                               {"status_id": post["id"]})
        self.assertEqual(status, 200, fs)
        self.assertEqual(fs["status_id"], str(post["id"]))
        status, dup = self.call("kate", "POST", f"/api/v2/filters/{f['id']}/statuses",
                                {"status_id": post["id"]})
        self.assertEqual(status, 422, dup)
        entry = self.home_entry(post["id"])
        self.assertEqual(entry["filtered"][0]["status_matches"], [str(post["id"])])
        self.assertIsNone(entry["filtered"][0]["keyword_matches"])
        self.assertEqual(self.call("kate", "GET", f"/api/v2/filters/statuses/{fs['id']}")[1], fs)
        self.assertEqual(self.call("kate", "GET", f"/api/v2/filters/{f['id']}/statuses")[1], [fs])
        # A private status Kate cannot see cannot be filtered (and is not revealed).
        secret = self.api["mona"].status_post("mona only", visibility="private")
        status, _ = self.call("kate", "POST", f"/api/v2/filters/{f['id']}/statuses",
                              {"status_id": secret["id"]})
        self.assertEqual(status, 404)
        status, body = self.call("kate", "DELETE", f"/api/v2/filters/statuses/{fs['id']}")
        self.assertEqual((status, body), (200, {}))
        self.assertEqual(self.home_entry(post["id"])["filtered"], [])

        # Keywords: add, read, change, remove.
        status, k = self.call("kate", "POST", f"/api/v2/filters/{f['id']}/keywords",
                              {"keyword": "kate", "whole_word": "false"})
        self.assertEqual(status, 200, k)
        self.assertEqual((k["keyword"], k["whole_word"]), ("kate", False))
        self.assertEqual(len(self.home_entry(post["id"])["filtered"]), 1)
        status, k2 = self.call("kate", "PUT", f"/api/v2/filters/keywords/{k['id']}",
                               {"keyword": "zebra"})
        self.assertEqual((status, k2["keyword"], k2["whole_word"]), (200, "zebra", False))
        self.assertEqual(self.home_entry(post["id"])["filtered"], [])
        self.assertEqual(self.call("kate", "GET", f"/api/v2/filters/{f['id']}/keywords")[1],
                         [k2])
        status, body = self.call("kate", "DELETE", f"/api/v2/filters/keywords/{k['id']}")
        self.assertEqual((status, body), (200, {}))
        self.assertEqual(self.call("kate", "GET", f"/api/v2/filters/keywords/{k['id']}")[0], 404)

    def test_update_with_keyword_attributes_and_expiry(self):
        f = self.create_filter("kate", {"title": "Weather", "context[]": "home",
                                        "keywords_attributes": [{"keyword": "rain"},
                                                                {"keyword": "snow"}]},
                               as_json=True)
        rain, snow = f["keywords"]
        status, updated = self.call("kate", "PUT", f"/api/v2/filters/{f['id']}", {
            "title": "Weather!", "filter_action": "hide",
            "keywords_attributes": [{"id": rain["id"], "keyword": "storm"},
                                    {"id": snow["id"], "_destroy": True},
                                    {"keyword": "fog", "whole_word": False}]}, as_json=True)
        self.assertEqual(status, 200, updated)
        self.assertEqual(updated["title"], "Weather!")
        self.assertEqual(updated["filter_action"], "hide")
        self.assertEqual(sorted(k["keyword"] for k in updated["keywords"]), ["fog", "storm"])
        # Someone else's keyword id in the attributes: not found, and nothing changes.
        other = self.create_filter("mona", {"title": "Mine", "context[]": "home",
                                            "keywords_attributes": [{"keyword": "x"}]},
                                   as_json=True)
        status, _ = self.call("kate", "PUT", f"/api/v2/filters/{f['id']}", {
            "title": "Changed", "keywords_attributes": [
                {"id": other["keywords"][0]["id"], "keyword": "stolen"}]}, as_json=True)
        self.assertEqual(status, 404)
        self.assertEqual(self.call("kate", "GET", f"/api/v2/filters/{f['id']}")[1]["title"],
                         "Weather!")
        self.assertEqual(self.call("mona", "GET", f"/api/v2/filters/{other['id']}")[1]
                         ["keywords"][0]["keyword"], "x")
        # Mona cannot read, change or delete Kate's filter.
        for method in ("GET", "PUT", "DELETE"):
            self.assertEqual(self.call("mona", method, f"/api/v2/filters/{f['id']}",
                                       {} if method == "PUT" else None)[0], 404)

        # An expiring filter stops applying once it expires.
        status, timed = self.call("kate", "PUT", f"/api/v2/filters/{f['id']}",
                                  {"expires_in": "5", "filter_action": "warn"})
        self.assertEqual(status, 200, timed)
        self.assertIsNotNone(timed["expires_at"])
        post = self.api["liam"].status_post("storm warning")
        self.wait_home(post["id"])
        marked = self.home_entry(post["id"])["filtered"]
        time.sleep(5.2)
        self.assertEqual(self.home_entry(post["id"])["filtered"], [])
        self.assertEqual(len(marked), 1)
        # The expired filter is still listed (apps show it as expired).
        self.assertIn(f["id"], [x["id"] for x in self.call("kate", "GET", "/api/v2/filters")[1]])

    def test_bad_input_is_refused_and_changes_nothing(self):
        before = self.call("kate", "GET", "/api/v2/filters")[1]
        cases = [
            {"context[]": "home"},                                        # no title
            {"title": "x"},                                               # no context
            {"title": "x", "context[]": "everywhere"},                    # unknown context
            {"title": "x", "context[]": "home", "filter_action": "zap"},  # unknown action
            {"title": "x", "context[]": "home", "expires_in": "soon"},    # not a number
            {"title": "x" * 300, "context[]": "home"},                    # too long
        ]
        for form in cases:
            status, body = self.call("kate", "POST", "/api/v2/filters", form)
            self.assertEqual(status, 422, (form, body))
            self.assertIn("error", body)
        status, body = self.call("kate", "POST", "/api/v2/filters", {
            "title": "x", "context": ["home"], "keywords_attributes": [{"keyword": "  "}]},
            as_json=True)
        self.assertEqual(status, 422, body)
        self.assertEqual(self.call("kate", "GET", "/api/v2/filters")[1], before)
        self.assertEqual(self.call("kate", "GET", "/api/v2/filters/12345")[0], 404)
        self.assertEqual(self.call("kate", "GET", "/api/v2/filters/nope")[0], 404)

    def test_v1_filters_through_mastodon_py(self):
        kate = self.api["kate"]
        v1 = kate.filter_create("Giraffe", ["home", "public"], irreversible=False,
                                whole_word=True)
        self.assertEqual(v1["phrase"], "Giraffe")
        self.assertEqual(sorted(v1["context"]), ["home", "public"])
        self.assertFalse(v1["irreversible"])
        ids = [f["id"] for f in kate.filters()]
        self.assertIn(v1["id"], ids)
        # The same filter in v2, titled after its phrase.
        v2 = [f for f in self.call("kate", "GET", "/api/v2/filters")[1] if f["title"] == "Giraffe"]
        self.assertEqual(len(v2), 1)
        self.assertEqual(str(v1["id"]), v2[0]["keywords"][0]["id"])
        updated = kate.filter_update(v1["id"], phrase="Okapi", irreversible=True)
        self.assertEqual(updated["phrase"], "Okapi")
        self.assertTrue(updated["irreversible"])
        hidden = self.api["liam"].status_post("an okapi appears")
        time.sleep(0.7)
        self.assertIsNone(self.home_entry(hidden["id"]))
        # Mastodon.py applies v1 filters client-side too; the server already did.
        with self.assertRaises(MastodonAPIError):
            kate.filter_create("", ["home"])
        kate.filter_delete(v1["id"])
        self.assertNotIn(v1["id"], [f["id"] for f in kate.filters()])
        self.assertEqual([f for f in self.call("kate", "GET", "/api/v2/filters")[1]
                          if f["id"] == v2[0]["id"]], [])


if __name__ == "__main__":
    unittest.main()
