"""The whole sign-in path an app sends a person through, driven over HTTP the way a browser
does it: authorization request, sign-in form, consent form, redirect with the code, PKCE token
exchange, then the API with the token. Also the HTML sign-up and settings pages."""

import base64
import hashlib
import json
import secrets
import unittest
import urllib.parse

from loxodon_e2e import Browser, Database, Server, get, run_cli


def pkce_pair():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


class BrowserFlowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_INSTANCE_REGISTRATIONS": "open"})
        env = {"LOXODON_DATABASE_URL": cls.db.url, "LOXODON_DOMAIN": f"localhost:{cls.server.port}",
               "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "create", "alice", "--email", "alice@example.com",
                 "--password", "correct horse battery"], env=env, check=True)
        status, _, body = get(cls.server.base + "/api/v1/apps", method="POST", data=urllib.parse.urlencode({
            "client_name": "Browser Test", "redirect_uris": "org.example.app://callback",
            "scopes": "read write", "website": "https://app.example"}).encode())
        assert status == 200, body
        cls.app = json.loads(body)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()

    def authorize_url(self, challenge, state="xyz", scope="read write"):
        return "/oauth/authorize?" + urllib.parse.urlencode({
            "response_type": "code", "client_id": self.app["client_id"],
            "redirect_uri": "org.example.app://callback", "scope": scope, "state": state,
            "code_challenge": challenge, "code_challenge_method": "S256"})

    def sign_in(self, browser, start):
        status, headers, _ = browser.request(start)
        self.assertEqual(status, 303)
        self.assertTrue(headers["Location"].startswith("/auth/sign_in?return_to="))
        status, _, page = browser.request(headers["Location"])
        self.assertEqual(status, 200)
        status, headers, _ = browser.submit(page, "/auth/sign_in",
                                            {"login": "alice@example.com",
                                             "password": "correct horse battery"})
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], start)  # back to the authorization request
        session = browser.cookie("loxodon_session")
        self.assertIsNotNone(session)
        self.assertTrue(session.has_nonstandard_attr("HttpOnly"))
        self.assertEqual(session.get_nonstandard_attr("SameSite"), "Lax")

    def exchange(self, code, verifier):
        status, _, body = get(self.server.base + "/oauth/token", method="POST", data=urllib.parse.urlencode({
            "grant_type": "authorization_code", "code": code, "client_id": self.app["client_id"],
            "client_secret": self.app["client_secret"], "redirect_uri": "org.example.app://callback",
            "code_verifier": verifier}).encode())
        return status, json.loads(body)

    def test_authorization_code_with_pkce_then_api(self):
        verifier, challenge = pkce_pair()
        browser = Browser(self.server.base)
        start = self.authorize_url(challenge)
        self.sign_in(browser, start)
        status, _, consent = browser.request(start)
        self.assertEqual(status, 200)
        self.assertIn("Browser Test", consent)
        self.assertIn("read", consent)
        status, headers, _ = browser.submit(consent, "/oauth/authorize", {"decision": "approve"})
        self.assertEqual(status, 302)
        location = urllib.parse.urlparse(headers["Location"])
        self.assertEqual(f"{location.scheme}://{location.netloc}{location.path}", "org.example.app://callback")
        query = urllib.parse.parse_qs(location.query)
        self.assertEqual(query["state"], ["xyz"])
        code = query["code"][0]

        status, token = self.exchange(code, verifier)
        self.assertEqual(status, 200, token)
        self.assertEqual(token["token_type"], "Bearer")
        self.assertEqual(token["scope"], "read write")
        status, _, body = get(self.server.base + "/api/v1/accounts/verify_credentials",
                              headers={"Authorization": "Bearer " + token["access_token"]})
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["username"], "alice")

        # The code is single use.
        status, error = self.exchange(code, verifier)
        self.assertEqual((status, error["error"]), (400, "invalid_grant"))

        # Settings list the app; revoking it ends the token (which the replay already revoked,
        # so authorize again first).
        verifier, challenge = pkce_pair()
        status, _, consent = browser.request(self.authorize_url(challenge))
        status, headers, _ = browser.submit(consent, "/oauth/authorize", {"decision": "approve"})
        code = urllib.parse.parse_qs(urllib.parse.urlparse(headers["Location"]).query)["code"][0]
        status, token = self.exchange(code, verifier)
        self.assertEqual(status, 200)
        status, _, settings = browser.request("/settings")
        self.assertEqual(status, 200)
        self.assertIn("Browser Test", settings)
        status, headers, _ = browser.submit(settings, "/revoke")
        self.assertEqual(status, 303)
        status, _, _ = get(self.server.base + "/api/v1/accounts/verify_credentials",
                           headers={"Authorization": "Bearer " + token["access_token"]})
        self.assertEqual(status, 401)

    def test_wrong_verifier_and_denial_and_forged_form(self):
        verifier, challenge = pkce_pair()
        browser = Browser(self.server.base)
        start = self.authorize_url(challenge, state="s2")
        self.sign_in(browser, start)
        status, _, consent = browser.request(start)
        status, headers, _ = browser.submit(consent, "/oauth/authorize", {"decision": "approve"})
        code = urllib.parse.parse_qs(urllib.parse.urlparse(headers["Location"]).query)["code"][0]
        # One character changed (never to itself: a verifier may already end in "x").
        wrong = verifier[:-1] + ("y" if verifier.endswith("x") else "x")
        status, error = self.exchange(code, wrong)
        self.assertEqual((status, error["error"]), (400, "invalid_grant"))

        status, _, consent = browser.request(start)
        status, headers, _ = browser.submit(consent, "/oauth/authorize", {"decision": "deny"}, pick=1)
        self.assertEqual(status, 302)
        query = urllib.parse.parse_qs(urllib.parse.urlparse(headers["Location"]).query)
        self.assertEqual(query["error"], ["access_denied"])
        self.assertEqual(query["state"], ["s2"])

        # A form posted from elsewhere (no CSRF token) is refused and issues nothing.
        fields = dict(browser.forms(consent)[0]["fields"])
        fields.pop("authenticity_token")
        fields["decision"] = "approve"
        status, headers, _ = browser.request("/oauth/authorize", fields, "POST")
        self.assertEqual(status, 422)
        self.assertIsNone(headers.get("Location"))

    def test_wrong_password_on_the_sign_in_form(self):
        browser = Browser(self.server.base)
        status, _, page = browser.request("/auth/sign_in")
        status, headers, body = browser.submit(page, "/auth/sign_in",
                                               {"login": "alice", "password": "not it"})
        self.assertEqual(status, 401)
        self.assertIn("Invalid email or password.", body)
        self.assertIsNone(browser.cookie("loxodon_session"))

    def test_return_to_cannot_leave_the_site(self):
        for evil in ("//evil.example/", "/\t/evil.example/", "https://evil.example/", "/\\evil.example"):
            browser = Browser(self.server.base)
            status, _, page = browser.request("/auth/sign_in?" + urllib.parse.urlencode({"return_to": evil}))
            status, headers, _ = browser.submit(page, "/auth/sign_in",
                                                {"login": "alice", "password": "correct horse battery"})
            self.assertEqual((status, headers["Location"]), (303, "/settings"), evil)

    def test_force_login_signs_in_afresh_without_looping(self):
        verifier, challenge = pkce_pair()
        browser = Browser(self.server.base)
        start = self.authorize_url(challenge)
        self.sign_in(browser, start)
        # A GET (any site can link one) asks; it does not sign anyone out.
        status, _, page = browser.request(start + "&force_login=true")
        self.assertEqual(status, 200)
        self.assertIn("Sign out and use another account", page)
        status, _, consent = browser.request(start)
        self.assertEqual(status, 200, "still signed in after the GET")
        # A cross-site form without our token is refused, and changes nothing.
        status, _, _ = browser.request("/auth/sign_out", {"return_to": "/settings"}, "POST")
        self.assertEqual(status, 422)
        self.assertEqual(browser.request(start)[0], 200)
        # The confirmation form signs out and goes on to sign in, then back without the flag.
        status, headers, _ = browser.submit(page, "/auth/sign_out")
        self.assertEqual(status, 303)
        self.assertTrue(headers["Location"].startswith("/auth/sign_in?return_to="))
        self.assertNotIn("force_login", urllib.parse.unquote(headers["Location"]))
        status, headers, _ = browser.request(start)  # the session was ended
        self.assertEqual(status, 303)
        self.assertTrue(headers["Location"].startswith("/auth/sign_in"))
        # Signed out already: straight to the sign-in page.
        status, headers, _ = browser.request(start + "&force_login=true")
        self.assertEqual(status, 303)
        self.assertTrue(headers["Location"].startswith("/auth/sign_in?return_to="))

    def test_sign_up_page_shows_rules_and_needs_agreement(self):
        self.db.query("INSERT INTO instance_rules (position, text) VALUES (1, 'Be excellent to each other')")
        browser = Browser(self.server.base)
        status, _, page = browser.request("/auth/sign_up")
        self.assertEqual(status, 200)
        self.assertIn("Server rules", page)
        values = {"username": "carol", "email": "carol@example.com",
                  "password": "carol's password", "password_confirmation": "carol's password"}
        status, _, body = browser.submit(page, "/auth/sign_up", values)
        self.assertEqual(status, 422)
        self.assertIn("Agreement must be accepted", body)
        self.assertEqual(self.db.query("SELECT count(*) FROM accounts WHERE username = 'carol'"), "0")
        status, headers, _ = browser.submit(body, "/auth/sign_up", dict(values, agreement="1"))
        self.assertEqual(status, 303, body)
        self.assertEqual(headers["Location"], "/settings")
        status, _, settings = browser.request("/settings")
        self.assertIn("@carol", settings)


if __name__ == "__main__":
    unittest.main(verbosity=2)
