"""The `loxodon` command line as an operator meets it: help, exit codes, config errors."""

import os
import tempfile
import unittest

from loxodon_e2e import Database, run_cli


class HelpTest(unittest.TestCase):
    def test_help_at_every_level(self):
        for args in (["--help"], ["help"], ["serve", "--help"], ["migrate", "--help"],
                     ["help", "serve"], ["help", "migrate"], ["-h"]):
            proc = run_cli(args)
            self.assertEqual(proc.returncode, 0, args)
            self.assertIn("Usage: loxodon", proc.stdout, args)
            self.assertEqual(proc.stderr, "", args)
        self.assertIn("serve", run_cli(["--help"]).stdout)
        self.assertIn("--status", run_cli(["migrate", "--help"]).stdout)

    def test_usage_errors_exit_2(self):
        proc = run_cli([])
        self.assertEqual(proc.returncode, 2)
        self.assertIn("Usage: loxodon", proc.stderr)
        self.assertEqual(proc.stdout, "")
        proc = run_cli(["frobnicate"])
        self.assertEqual(proc.returncode, 2)
        self.assertIn("unknown command 'frobnicate'", proc.stderr)
        proc = run_cli(["migrate", "--bogus"])
        self.assertEqual(proc.returncode, 2)
        self.assertIn("unknown option '--bogus'", proc.stderr)

    def test_version(self):
        proc = run_cli(["--version"])
        self.assertEqual(proc.returncode, 0)
        self.assertRegex(proc.stdout, r"^loxodon \d+\.\d+\.\d+ \(Mastodon API 4\.2\.0\)\n$")


class ConfigErrorTest(unittest.TestCase):
    def assert_config_error(self, args, env, key, variable):
        proc = run_cli(args, env=env)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertEqual(proc.stdout, "")
        lines = proc.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, proc.stderr)  # one clear line
        self.assertTrue(lines[0].startswith("loxodon: config error: " + key), lines[0])
        self.assertIn(variable, lines[0])

    def test_missing_domain_for_serve(self):
        self.assert_config_error(["serve"], {"LOXODON_DATABASE_URL": "postgresql://x@localhost/y"},
                                 "domain", "LOXODON_DOMAIN")

    def test_missing_database_url(self):
        self.assert_config_error(["migrate"], {}, "database_url", "LOXODON_DATABASE_URL")

    def test_bad_values(self):
        env = {"LOXODON_DATABASE_URL": "postgresql://x@localhost/y", "LOXODON_DOMAIN": "a.example"}
        self.assert_config_error(["serve"], {**env, "LOXODON_LISTEN": "everywhere"},
                                 "listen", "LOXODON_LISTEN")
        self.assert_config_error(["serve"], {**env, "LOXODON_SCHEME": "gopher"},
                                 "scheme", "LOXODON_SCHEME")
        self.assert_config_error(["serve"], {**env, "LOXODON_JOBS_WORKERS": "lots"},
                                 "jobs.workers", "LOXODON_JOBS_WORKERS")

    def test_bad_toml_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
            f.write('domain = "a.example"\n[http]\nmax_body = 1\n')
        try:
            self.assert_config_error(["--config", f.name, "serve"],
                                     {"LOXODON_DATABASE_URL": "postgresql://x@localhost/y"},
                                     "http.max_body", "LOXODON_HTTP_MAX_BODY")
        finally:
            os.unlink(f.name)


class MigrateTest(unittest.TestCase):
    def test_migrate_from_any_directory_is_idempotent(self):
        db = Database(migrate=False)
        try:
            env = {"LOXODON_DATABASE_URL": db.url}
            status = run_cli(["migrate", "--status"], env=env, cwd="/")
            self.assertEqual(status.returncode, 0, status.stderr)
            self.assertIn("pending 0001_instance.sql", status.stdout)
            first = run_cli(["migrate"], env=env, cwd="/")
            self.assertEqual(first.returncode, 0, first.stderr)
            self.assertEqual(first.stdout, "")  # logs go to stderr only
            self.assertIn("applying 0001_instance.sql", first.stderr)
            second = run_cli(["migrate"], env=env, cwd="/")
            self.assertEqual(second.returncode, 0, second.stderr)
            self.assertIn("up to date", second.stderr)
            self.assertEqual(run_cli(["migrate", "--status"], env=env).stdout, "up to date\n")
        finally:
            db.close()

    def test_unreachable_database_fails_cleanly(self):
        proc = run_cli(["migrate"], env={"LOXODON_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x"})
        self.assertEqual(proc.returncode, 1)
        self.assertIn("Database unavailable", proc.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
