"""A real client library, Debian's Mastodon.py, against a running Loxodon: register an app,
log in (password grant and the code flow), read and update the profile, register an account."""

import re
import unittest

from mastodon import Mastodon
from mastodon.errors import MastodonAPIError, MastodonIllegalArgumentError

from loxodon_e2e import Browser, Database, Server, run_cli


class MastodonPyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_OAUTH_PASSWORD_GRANT": "true",
                                                   "LOXODON_INSTANCE_REGISTRATIONS": "open"})
        cls.env = {"LOXODON_DATABASE_URL": cls.db.url, "LOXODON_DOMAIN": f"localhost:{cls.server.port}",
                   "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "create", "alice", "--email", "alice@example.com",
                 "--password", "correct horse battery"], env=cls.env, check=True)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()

    def app(self, scopes=("read", "write", "follow", "push")):
        client_id, client_secret = Mastodon.create_app(
            "Mastodon.py test", api_base_url=self.server.base, scopes=list(scopes),
            redirect_uris="urn:ietf:wg:oauth:2.0:oob")
        return Mastodon(client_id=client_id, client_secret=client_secret,
                        api_base_url=self.server.base)

    def test_password_login_profile_update(self):
        api = self.app()
        token = api.log_in("alice@example.com", "correct horse battery",
                           scopes=["read", "write", "follow", "push"])
        self.assertTrue(token)
        me = api.account_verify_credentials()
        self.assertEqual(me["username"], "alice")
        self.assertEqual(me["acct"], "alice")
        updated = api.account_update_credentials(
            display_name="Alice 🐘", note="Trunk enthusiast",
            fields=[("Home", "https://alice.example"), ("Pronouns", "she/her")])
        self.assertEqual(updated["display_name"], "Alice 🐘")
        self.assertEqual(updated["note"], "<p>Trunk enthusiast</p>")
        self.assertEqual([f["name"] for f in updated["fields"]], ["Home", "Pronouns"])
        again = api.account_verify_credentials()
        self.assertEqual(again["source"]["note"], "Trunk enthusiast")
        self.assertEqual(api.account(me["id"])["display_name"], "Alice 🐘")
        prefs = api.preferences()
        self.assertEqual(prefs["posting:default:visibility"], "public")
        self.assertEqual(api.notifications(), [])
        self.assertEqual(api.timeline_home(), [])

    def test_wrong_password_is_refused(self):
        api = self.app()
        with self.assertRaises(MastodonIllegalArgumentError):
            api.log_in("alice@example.com", "not the password", scopes=["read"])

    def test_code_flow_with_out_of_band_redirect(self):
        api = self.app(scopes=("read", "write"))
        url = api.auth_request_url(scopes=["read"], redirect_uris="urn:ietf:wg:oauth:2.0:oob")
        path = url[len(self.server.base):]
        browser = Browser(self.server.base)
        status, headers, _ = browser.request(path)
        status, _, page = browser.request(headers["Location"])
        status, headers, _ = browser.submit(page, "/auth/sign_in",
                                            {"login": "alice", "password": "correct horse battery"})
        status, _, consent = browser.request(headers["Location"])
        status, _, shown = browser.submit(consent, "/oauth/authorize", {"decision": "approve"})
        self.assertEqual(status, 200)
        code = re.search(r"<code>([^<]+)</code>", shown).group(1)
        api.log_in(code=code, scopes=["read"], redirect_uri="urn:ietf:wg:oauth:2.0:oob")
        self.assertEqual(api.account_verify_credentials()["username"], "alice")
        with self.assertRaises(MastodonAPIError):  # a read-only token cannot write
            api.account_update_credentials(display_name="nope")

    def test_create_account_through_the_api(self):
        api = self.app(scopes=("read", "write"))
        token = api.create_account("dora", "dora's password", "dora@example.com", agreement=True,
                                   locale="en", scopes=["read", "write"])
        self.assertTrue(token)
        self.assertEqual(api.account_verify_credentials()["username"], "dora")
        token, error = self.app(scopes=("read", "write")).create_account(
            "DORA", "another password", "dora2@example.com", agreement=True, scopes=["read", "write"],
            return_detailed_error=True)
        self.assertIsNone(token)
        self.assertEqual(error["details"]["username"][0]["error"], "ERR_TAKEN")


class CliTest(unittest.TestCase):
    def test_accounts_and_tokens_commands(self):
        db = Database()
        server = Server(db.url)
        env = {"LOXODON_DATABASE_URL": db.url, "LOXODON_DOMAIN": f"localhost:{server.port}",
               "LOXODON_SCHEME": "http"}
        try:
            created = run_cli(["accounts", "create", "bot", "--email", "bot@example.com"], env=env)
            self.assertEqual(created.returncode, 0, created.stderr)
            password = created.stdout.strip()
            self.assertGreaterEqual(len(password), 16)  # generated, printed alone
            token = run_cli(["tokens", "create", "bot", "--scopes", "read write"], env=env)
            self.assertEqual(token.returncode, 0, token.stderr)
            self.assertEqual(len(token.stdout.splitlines()), 1)  # `| tail -1` is the token
            api = Mastodon(access_token=token.stdout.strip(), api_base_url=server.base)
            self.assertEqual(api.account_verify_credentials()["username"], "bot")
            self.assertNotIn(token.stdout.strip(), server.logs())  # never logged

            dup = run_cli(["accounts", "create", "bot", "--email", "x@example.com"], env=env)
            self.assertEqual(dup.returncode, 1)
            self.assertIn("Username has already been taken", dup.stderr)
            bad = run_cli(["accounts", "create", "x", "--email", "y@example.com", "--role", "king"], env=env)
            self.assertEqual(bad.returncode, 1)
            self.assertEqual(run_cli(["accounts", "create", "nomail"], env=env).returncode, 2)

            suspended = run_cli(["accounts", "suspend", "bot"], env=env)
            self.assertEqual(suspended.returncode, 0, suspended.stderr)
            with self.assertRaises(MastodonAPIError):
                api.account_verify_credentials()
            self.assertEqual(run_cli(["accounts", "unsuspend", "bot"], env=env).returncode, 0)
            reset = run_cli(["accounts", "reset-password", "bot"], env=env)
            self.assertEqual(reset.returncode, 0, reset.stderr)
            new_password = reset.stdout.strip()
            self.assertNotEqual(new_password, password)
            self.assertEqual(run_cli(["accounts", "reset-password", "ghost"], env=env).returncode, 1)
            invite = run_cli(["invites", "create", "--max-uses", "1"], env=env)
            self.assertRegex(invite.stdout.strip(), rf"^http://localhost:{server.port}/invite/\S+$")
            for command in (["accounts", "--help"], ["tokens", "--help"], ["invites", "--help"]):
                self.assertEqual(run_cli(command).returncode, 0, command)
        finally:
            server.stop()
            server.close()
            db.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
