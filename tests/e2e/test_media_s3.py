"""Media in an S3-compatible bucket (LOXODON_MEDIA_BACKEND=s3): a real S3 server (s3rver, from
tests/e2e/node) on loopback, uploads and avatars through Mastodon.py landing in the bucket and
nowhere on disk, files served back through Loxodon with ranges and conditional requests, removal
reaching the bucket, media URLs pointing at a public URL when one is set, an unreachable bucket
answered with 503 and no secret in the log, and `loxodon media migrate --to s3` copying a local
media directory with a progress bar and resuming."""

import hashlib
import hmac
import http.server
import os
import pty
import shutil
import subprocess
import tempfile
import threading
import unittest
import urllib.parse

from infra import BUCKET, SECRET, S3rver
from loxodon_e2e import (LOXODON_BIN, Database, Server, api_call, base_env, create_user,
                         free_port, get, wait_until)

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "media")


class SignatureChecker:
    """A bucket that only checks signatures: it recomputes each request's AWS Signature V4 from
    the secret (S3's rules: the path as sent, x-amz-content-sha256 as the payload hash) without
    libcurl, answers HEAD with 404 and PUT with 200 when the signature matches, 403 otherwise.
    s3rver does not verify V4 signatures; real servers do."""

    def __init__(self, secret):
        checker = self
        self.results = []  # (method, path, matched)

        class Handler(http.server.BaseHTTPRequestHandler):
            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                matched = checker.verify(self, body, secret)
                checker.results.append((self.command, self.path, matched))
                status = 403 if not matched else 404 if self.command == "HEAD" else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_HEAD = do_PUT = do_GET = do_DELETE = answer

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @staticmethod
    def verify(request, body, secret):
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("AWS4-HMAC-SHA256 "):
            return False
        fields = dict(p.strip().split("=", 1) for p in auth.split(" ", 1)[1].split(","))
        credential = fields["Credential"].split("/")  # key/date/region/service/aws4_request
        signed = fields["SignedHeaders"].split(";")
        if not {"host", "x-amz-date", "x-amz-content-sha256"} <= set(signed):
            return False
        url = urllib.parse.urlsplit(request.path)
        headers = "".join(f"{h}:{' '.join(request.headers[h].split())}\n" for h in signed)
        payload = request.headers["x-amz-content-sha256"]
        if payload != "UNSIGNED-PAYLOAD" and payload != hashlib.sha256(body).hexdigest():
            return False
        canonical = "\n".join([request.command, url.path, url.query, headers, ";".join(signed),
                               payload])
        to_sign = "\n".join(["AWS4-HMAC-SHA256", request.headers["x-amz-date"],
                             "/".join(credential[1:]),
                             hashlib.sha256(canonical.encode()).hexdigest()])
        key = ("AWS4" + secret).encode()
        for part in credential[1:]:
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        return credential[2] == "eu-west-1" and hmac.compare_digest(expected, fields["Signature"])

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def key_of(url):
    """The media key in a /system/media/ URL."""
    return urllib.parse.urlsplit(url).path.split("/system/media/", 1)[1]


@unittest.skipIf(shutil.which("node") is None, "Node.js is not installed (s3rver needs it)")
class MediaS3Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.s3 = S3rver()
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env=cls.s3.env())
        cls.client = create_user(cls.db.url, cls.server, "sara")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()
        cls.s3.close()

    def fetch(self, url, headers=None, server=None):
        path = urllib.parse.urlsplit(url).path
        return get((server or self.server).base + path, headers=headers)

    def processed(self, media_id):
        def done():
            status, body, _ = api_call(self.server, self.client, "GET", f"/api/v1/media/{media_id}")
            return body if status == 200 and body.get("url") else None
        body = wait_until(done, timeout=30)
        self.assertTrue(body, f"media {media_id} was never processed")
        return body

    def test_upload_lands_in_the_bucket_and_is_served_with_ranges(self):
        created = self.client.media_post(os.path.join(FIXTURES, "gps.jpg"), mime_type="image/jpeg",
                                         description="in a bucket")
        media = self.processed(created["id"])
        objects = self.s3.objects()
        original, small = key_of(media["url"]), key_of(media["preview_url"])
        self.assertIn(original, objects)
        self.assertIn(small, objects)
        # The upload as it came in is removed from the bucket once processed.
        base = original.rsplit("/", 1)[0]
        self.assertTrue(wait_until(lambda: base + "/upload" not in self.s3.objects(), timeout=10))
        # Nothing was written to the local media directory.
        self.assertFalse(any(files for _, _, files in os.walk(self.server.media_dir)))

        stored = objects[original]
        status, headers, body = self.fetch(media["url"])
        self.assertEqual(status, 200)
        self.assertEqual(body, stored)
        self.assertEqual(headers["Content-Type"], "image/jpeg")
        self.assertEqual(headers["Accept-Ranges"], "bytes")
        etag, modified = headers["ETag"], headers["Last-Modified"]
        self.assertTrue(modified.endswith(" GMT"), modified)

        status, headers, body = self.fetch(media["url"], {"Range": "bytes=10-109"})
        self.assertEqual(status, 206)
        self.assertEqual(body, stored[10:110])
        self.assertEqual(headers["Content-Range"], f"bytes 10-109/{len(stored)}")
        status, _, body = self.fetch(media["url"], {"Range": "bytes=-7"})
        self.assertEqual((status, body), (206, stored[-7:]))
        status, headers, _ = self.fetch(media["url"], {"Range": f"bytes={len(stored)}-"})
        self.assertEqual(status, 416)
        self.assertEqual(headers["Content-Range"], f"bytes */{len(stored)}")

        self.assertEqual(self.fetch(media["url"], {"If-None-Match": etag})[0], 304)
        self.assertEqual(self.fetch(media["url"], {"If-Modified-Since": modified})[0], 304)
        self.assertEqual(self.fetch(media["url"], {"If-None-Match": '"other"'})[0], 200)
        missing = media["url"].replace("/original.", "/missing.")
        self.assertEqual(self.fetch(missing)[0], 404)

    def test_deleting_an_upload_removes_its_objects(self):
        created = self.client.media_post(os.path.join(FIXTURES, "alpha.png"),
                                         mime_type="image/png")
        media = self.processed(created["id"])
        keys = {key_of(media["url"]), key_of(media["preview_url"])}
        self.assertTrue(keys <= set(self.s3.objects()))
        status, _, _ = api_call(self.server, self.client, "DELETE", f"/api/v1/media/{media['id']}")
        self.assertEqual(status, 200)
        self.assertFalse(keys & set(self.s3.objects()))
        self.assertEqual(self.fetch(media["url"])[0], 404)

    def test_avatar_is_stored_in_the_bucket_and_replaced(self):
        first = self.client.account_update_credentials(
            avatar=os.path.join(FIXTURES, "gps.jpg"), avatar_mime_type="image/jpeg")
        key = key_of(first["avatar"])
        self.assertTrue(key.endswith("/avatar.jpg"), key)
        self.assertIn(key, self.s3.objects())
        status, headers, body = self.fetch(first["avatar"])
        self.assertEqual((status, headers["Content-Type"]), (200, "image/jpeg"))
        self.assertEqual(body, self.s3.objects()[key])
        second = self.client.account_update_credentials(
            avatar=os.path.join(FIXTURES, "rotated.jpg"), avatar_mime_type="image/jpeg")
        self.assertIn(key_of(second["avatar"]), self.s3.objects())
        self.assertNotIn(key, self.s3.objects())  # the old file is removed from the bucket

    def test_public_url_sends_clients_to_the_bucket(self):
        public = f"{self.s3.endpoint}/{BUCKET}"
        server = Server(self.db.url, extra_env=self.s3.env(LOXODON_S3_PUBLIC_URL=public + "/"))
        try:
            created = self.client.media_post(os.path.join(FIXTURES, "alpha.png"),
                                             mime_type="image/png")
            body = self.processed(created["id"])
            status, shown, _ = api_call(server, self.client, "GET", f"/api/v1/media/{body['id']}")
            self.assertEqual(status, 200)
            self.assertTrue(shown["url"].startswith(public + "/"), shown["url"])
            key = shown["url"][len(public) + 1:]
            # The bucket answers for itself, with the type the object was stored with.
            status, headers, data = get(shown["url"])
            self.assertEqual(status, 200)
            self.assertEqual(headers["Content-Type"], "image/png")
            self.assertEqual(data, self.s3.objects()[key])
            # Loxodon still serves the same file (its own pages load media from their origin).
            self.assertEqual(get(f"{server.base}/system/media/{key}")[2], data)
        finally:
            server.stop()
            server.close()

    def test_unreachable_bucket_is_a_503_without_the_secret(self):
        closed = f"http://127.0.0.1:{free_port()}"
        server = Server(self.db.url, extra_env=self.s3.env(LOXODON_S3_ENDPOINT=closed))
        try:
            with open(os.path.join(FIXTURES, "alpha.png"), "rb") as f:
                data = f.read()
            boundary = "s3boundary"
            body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                    f"filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n").encode() + data + \
                f"\r\n--{boundary}--\r\n".encode()
            headers = {"Authorization": f"Bearer {self.client.access_token}",
                       "Content-Type": f"multipart/form-data; boundary={boundary}"}
            status, _, raw = get(server.base + "/api/v2/media", method="POST", data=body,
                                 headers=headers)
            self.assertEqual(status, 503, raw)
            self.assertNotIn(SECRET, server.logs())
            self.assertNotIn(SECRET.encode(), raw)
        finally:
            server.stop()
            server.close()


@unittest.skipIf(shutil.which("node") is None, "Node.js is not installed (s3rver needs it)")
class MediaMigrateTest(unittest.TestCase):
    def setUp(self):
        self.s3 = S3rver()
        self.local = tempfile.mkdtemp(prefix="loxodon-media-local-")
        self.files = {
            "ab/cd/0123456789abcdef0123456789abcdef/original.jpg": os.urandom(300 * 1024),
            "ab/cd/0123456789abcdef0123456789abcdef/small.jpg": os.urandom(2000),
            "ef/01/fedcba9876543210fedcba9876543210/avatar.png": os.urandom(5000),
        }
        # Not media keys: a store's half-written file and a name no service makes.
        self.ignored = {"ab/cd/0123456789abcdef0123456789abcdef/original.jpg.tmp-1a2b3c4d": b"x",
                        "README.TXT": b"notes"}
        for key, data in {**self.files, **self.ignored}.items():
            path = os.path.join(self.local, key)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)

    def tearDown(self):
        self.s3.close()
        shutil.rmtree(self.local, ignore_errors=True)

    def env(self):
        # No database: migrating the files needs only the directory and the bucket. The backend
        # may still be local while the files are copied.
        return base_env({**self.s3.env(LOXODON_MEDIA_BACKEND="local"),
                         "LOXODON_MEDIA_DIR": self.local})

    def migrate_on_a_terminal(self):
        """Runs the command with stderr on a pseudo-terminal; returns (code, stdout, stderr)."""
        master, slave = pty.openpty()
        proc = subprocess.Popen([LOXODON_BIN, "media", "migrate", "--to", "s3"], env=self.env(),
                                stdout=subprocess.PIPE, stderr=slave)
        os.close(slave)
        terminal = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal is closed once the command exits
                break
            if not chunk:
                break
            terminal += chunk
        out = proc.stdout.read().decode()
        proc.wait(60)
        os.close(master)
        return proc.returncode, out, terminal.decode(errors="replace")

    def test_copies_with_a_progress_bar_and_resumes(self):
        code, out, terminal = self.migrate_on_a_terminal()
        self.assertEqual(code, 0, terminal)
        self.assertIn("\r[", terminal)
        self.assertIn("100%  3/3 files", terminal)
        self.assertIn("3 file(s) copied", out)
        self.assertIn("0 already in the bucket, 2 skipped", out)
        self.assertEqual(self.s3.objects(), self.files)

        # Again: everything is there with its size, nothing is sent.
        code, out, _ = self.migrate_on_a_terminal()
        self.assertEqual(code, 0)
        self.assertIn("0 file(s) copied", out)
        self.assertIn("3 already in the bucket", out)

        # A file that differs in size from its object (a copy cut short) is sent again; without
        # a terminal there is no progress bar, only the summary.
        key = "ef/01/fedcba9876543210fedcba9876543210/avatar.png"
        self.files[key] = os.urandom(7000)
        with open(os.path.join(self.local, key), "wb") as f:
            f.write(self.files[key])
        proc = subprocess.run([LOXODON_BIN, "media", "migrate", "--to", "s3"], env=self.env(),
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertNotIn("\r[", proc.stderr)
        self.assertIn("1 file(s) copied", proc.stdout)
        self.assertIn("2 already in the bucket", proc.stdout)
        self.assertEqual(self.s3.objects(), self.files)

    def test_refuses_without_a_bucket_or_a_target(self):
        env = self.env()
        del env["LOXODON_S3_BUCKET"]
        proc = subprocess.run([LOXODON_BIN, "media", "migrate", "--to", "s3"], env=env,
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("LOXODON_S3_BUCKET", proc.stderr)
        proc = subprocess.run([LOXODON_BIN, "media", "migrate"], env=self.env(),
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(self.s3.objects(), {})
        # An unreachable bucket stops the run with 1 and says how to go on; no secret shown.
        env = self.env()
        env["LOXODON_S3_ENDPOINT"] = f"http://127.0.0.1:{free_port()}"
        proc = subprocess.run([LOXODON_BIN, "media", "migrate", "--to", "s3"], env=env,
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("run it again to resume", proc.stderr)
        self.assertNotIn(SECRET, proc.stderr + proc.stdout)


    def test_requests_carry_a_valid_signature_v4(self):
        checker = SignatureChecker(SECRET)
        try:
            env = self.env()
            env.update({"LOXODON_S3_ENDPOINT": checker.endpoint, "LOXODON_S3_REGION": "eu-west-1"})
            proc = subprocess.run([LOXODON_BIN, "media", "migrate", "--to", "s3"], env=env,
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertIn("3 file(s) copied", proc.stdout)
            methods = sorted(method for method, _, _ in checker.results)
            self.assertEqual(methods, ["HEAD"] * 3 + ["PUT"] * 3)
            self.assertTrue(all(matched for _, _, matched in checker.results), checker.results)
            self.assertIn(f"/{BUCKET}/ab/cd/0123456789abcdef0123456789abcdef/original.jpg",
                          [path for _, path, _ in checker.results])
            # Signed with another secret, the same requests are refused and the run stops.
            checker.results.clear()
            env["LOXODON_S3_SECRET_ACCESS_KEY"] = "not-the-secret"
            proc = subprocess.run([LOXODON_BIN, "media", "migrate", "--to", "s3"], env=env,
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("403", proc.stderr)
            self.assertEqual([matched for _, _, matched in checker.results], [False])
        finally:
            checker.close()


if __name__ == "__main__":
    unittest.main()
