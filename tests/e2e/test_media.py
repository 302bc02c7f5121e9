"""Media uploads through Mastodon.py and raw HTTP: the 202 → 206 → 200 flow with processing done
by a second `loxodon serve` process on the same database, EXIF/GPS stripped (checked with
exiftool), the blurhash (decoded with the reference decoder), how files are served, and bad
uploads refused without changing anything."""

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import unittest
import urllib.parse
import uuid

import blurhash

from loxodon_e2e import Database, Server, api_call, create_user, get, wait_until

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "media")


def mdat(data):
    """The media data box of an MP4 (what plays), whatever the boxes around it say."""
    at = data.index(b"mdat") - 4
    return data[at:at + int.from_bytes(data[at:at + 4], "big")]


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def multipart(fields, file_bytes, filename="upload.bin", content_type="application/octet-stream"):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f'{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                 + file_bytes + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class MediaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.media_dir = tempfile.mkdtemp(prefix="loxodon-media-")
        shared = {"LOXODON_MEDIA_DIR": cls.media_dir}
        # The API process runs no job workers: uploads wait for the second process.
        cls.api_server = Server(cls.db.url, extra_env={**shared, "LOXODON_JOBS_WORKERS": "0"})
        cls.worker = None
        cls.shared = shared
        cls.client = create_user(cls.db.url, cls.api_server, "nora")
        cls.other = create_user(cls.db.url, cls.api_server, "otto")
        # Uploaded before any process runs jobs, so it is certainly still processing when read.
        cls.created = cls.client.media_post(os.path.join(FIXTURES, "gps.jpg"),
                                            mime_type="image/jpeg", description="A gradient",
                                            focus=(0.5, -0.25))
        cls.while_processing = api_call(cls.api_server, cls.client, "GET",
                                        f"/api/v1/media/{cls.created['id']}")

    @classmethod
    def tearDownClass(cls):
        for server in (cls.worker, cls.api_server):
            if server:
                server.stop()
                server.close()
        cls.db.close()
        shutil.rmtree(cls.media_dir, ignore_errors=True)

    def start_worker(self):
        if MediaTest.worker is None:
            MediaTest.worker = Server(self.db.url, domain_port=self.api_server.port,
                                      extra_env=self.shared)

    def upload(self, data, client=None, path="/api/v2/media", **fields):
        """Raw multipart upload; returns (status, body)."""
        body, content_type = multipart(fields, data)
        headers = {"Authorization": f"Bearer {(client or self.client).access_token}",
                   "Content-Type": content_type}
        status, _, raw = get(self.api_server.base + path, headers=headers, method="POST",
                             data=body)
        return status, (json.loads(raw) if raw else None)

    def upload_v1(self, name, client=None):
        """POST /api/v1/media with a fixture (processed before the answer)."""
        return self.upload(fixture(name), client, "/api/v1/media")

    def media(self, media_id, client=None):
        return api_call(self.api_server, client or self.client, "GET", f"/api/v1/media/{media_id}")

    def fetch(self, url, headers=None):
        path = urllib.parse.urlsplit(url).path
        return get(self.api_server.base + path, headers=headers)

    def test_upload_processing_and_serving(self):
        # Mastodon.py uploaded through /api/v2/media (202) and got the answer back as it is.
        created = self.created
        media_id = created["id"]
        self.assertIsNone(created["url"])
        status, body, _ = self.while_processing
        self.assertEqual(status, 206, body)  # still processing: no worker yet
        self.assertIsNone(body["url"])
        self.assertEqual(body["description"], "A gradient")
        self.assertEqual(self.media(media_id, self.other)[0], 404)  # someone else's upload

        self.start_worker()
        self.assertTrue(wait_until(lambda: self.media(media_id)[0] == 200, timeout=30))
        status, body, _ = self.media(media_id)
        self.assertEqual(body["type"], "image")
        self.assertEqual(body["meta"]["original"]["width"], 64)
        self.assertEqual(body["meta"]["original"]["height"], 48)
        self.assertEqual(body["meta"]["focus"], {"x": 0.5, "y": -0.25})
        self.assertIn("small", body["meta"])

        # The blurhash decodes (reference decoder) to the picture's colours.
        pixels = list(blurhash.decode(body["blurhash"], 16, 12).convert("RGB").getdata())
        mean = [statistics.mean(p[c] for p in pixels) for c in range(3)]
        for got, want in zip(mean, (126, 117, 128)):
            self.assertLess(abs(got - want), 30, (mean, body["blurhash"]))

        status, headers, data = self.fetch(body["url"])
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "image/jpeg")
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertIn("sandbox", headers["Content-Security-Policy"])
        self.assertIn("immutable", headers["Cache-Control"])
        self.assertNotIn(b"Exif", data)
        # exiftool, from the outside: no GPS and no camera left in the stored file.
        stored = os.path.join(self.media_dir, "check.jpg")
        with open(stored, "wb") as f:
            f.write(data)
        tags = subprocess.run(["exiftool", "-s", "-GPS:all", "-Make", "-Model", stored],
                              capture_output=True, text=True, check=True).stdout
        self.assertEqual(tags.strip(), "")
        original_tags = subprocess.run(
            ["exiftool", "-s", "-GPSLatitude", os.path.join(FIXTURES, "gps.jpg")],
            capture_output=True, text=True, check=True).stdout
        self.assertIn("GPSLatitude", original_tags)  # the upload did carry them

        # Ranges and revalidation.
        status, headers, part = self.fetch(body["url"], {"Range": "bytes=0-9"})
        self.assertEqual((status, len(part)), (206, 10))
        self.assertEqual(headers["Content-Range"], f"bytes 0-9/{len(data)}")
        self.assertEqual(part, data[:10])
        status, _, tail = self.fetch(body["url"], {"Range": "bytes=-7"})
        self.assertEqual((status, tail), (206, data[-7:]))
        etag = headers["ETag"]
        status, _, _ = self.fetch(body["url"], {"If-None-Match": etag})
        self.assertEqual(status, 304)
        # Lists, weak tags and "*" as RFC 9110 compares them; another tag gets the file.
        for header in (f'"x", {etag}', f"W/{etag}", "*"):
            self.assertEqual(self.fetch(body["url"], {"If-None-Match": header})[0], 304, header)
        self.assertEqual(self.fetch(body["url"], {"If-None-Match": '"other"'})[0], 200)
        status, _, _ = self.fetch(body["url"], {"If-Modified-Since": headers["Last-Modified"]})
        self.assertEqual(status, 304)
        status, _, _ = self.fetch(body["url"], {"Range": f"bytes={len(data) + 5}-"})
        self.assertEqual(status, 416)
        # Several ranges, or a range we cannot read, are ignored: the whole file, as the RFC lets.
        for header in ("bytes=0-1,4-5", "bytes=9-2", "items=0-1"):
            status, _, whole = self.fetch(body["url"], {"Range": header})
            self.assertEqual((status, len(whole)), (200, len(data)), header)
        status, _, small = self.fetch(body["preview_url"])
        self.assertEqual(status, 200)

        # Description and focus change; a bad focus changes nothing.
        status, changed, _ = api_call(self.api_server, self.client, "PUT",
                                      f"/api/v1/media/{media_id}",
                                      {"description": "Still a gradient", "focus": "0,0"})
        self.assertEqual((status, changed["description"]), (200, "Still a gradient"))
        status, _, _ = api_call(self.api_server, self.client, "PUT", f"/api/v1/media/{media_id}",
                                {"description": "x", "focus": "2,0"})
        self.assertEqual(status, 422)
        self.assertEqual(self.media(media_id)[1]["description"], "Still a gradient")

        # Deleting an unattached upload removes it and its files.
        status, body_deleted, _ = api_call(self.api_server, self.client, "DELETE",
                                           f"/api/v1/media/{media_id}")
        self.assertEqual((status, body_deleted), (200, {}))
        self.assertEqual(self.media(media_id)[0], 404)
        self.assertEqual(self.fetch(body["url"])[0], 404)

    def test_statuses_carry_their_media(self):
        self.start_worker()
        photo = self.client.media_post(os.path.join(FIXTURES, "alpha.png"), mime_type="image/png",
                                       description="Blue square", synchronous=True)
        self.assertIsNotNone(photo["url"])
        # No text is needed with media.
        status = self.client.status_post("", media_ids=[photo["id"]])
        attached = status["media_attachments"]
        self.assertEqual([str(m["id"]) for m in attached], [str(photo["id"])])
        self.assertEqual(attached[0]["description"], "Blue square")
        self.assertEqual(attached[0]["type"], "image")
        self.assertTrue(attached[0]["url"].endswith(".png"))
        # The same upload cannot be attached twice; someone else's is left out.
        again = self.client.status_post("again", media_ids=[photo["id"]])
        self.assertEqual(again["media_attachments"], [])
        theirs = self.upload_v1("gps.jpg", self.other)[1]
        stolen = self.client.status_post("not mine", media_ids=[theirs["id"]])
        self.assertEqual(stolen["media_attachments"], [])
        # Attached media cannot be deleted; only_media timelines find the post.
        status_code, _, _ = api_call(self.api_server, self.client, "DELETE",
                                     f"/api/v1/media/{photo['id']}")
        self.assertEqual(status_code, 404)
        me = self.client.me()["id"]
        for path in (f"/api/v1/accounts/{me}/statuses?only_media=true",
                     "/api/v1/timelines/public?only_media=true&local=true"):
            _, listed, _ = api_call(self.api_server, self.client, "GET", path)
            ids = [s["id"] for s in listed]
            self.assertIn(str(status["id"]), ids, path)
            self.assertNotIn(str(again["id"]), ids, path)
        # Too many, or media with a poll, are refused and post nothing.
        before = len(self.client.account_statuses(me, limit=40))
        uploads = [self.upload_v1("alpha.png")[1]["id"] for _ in range(5)]
        status_code, body, _ = api_call(self.api_server, self.client, "POST", "/api/v1/statuses",
                                        [("status", "five"), *[("media_ids[]", i) for i in uploads]])
        self.assertEqual(status_code, 422, body)
        status_code, body, _ = api_call(
            self.api_server, self.client, "POST", "/api/v1/statuses",
            {"status": "both", "media_ids": [uploads[0]],
             "poll": {"options": ["a", "b"], "expires_in": 600}}, as_json=True)
        self.assertEqual(status_code, 422, body)
        self.assertEqual(len(self.client.account_statuses(me, limit=40)), before)

    def test_uploads_never_attached_are_removed_after_a_day(self):
        self.start_worker()
        status, stale = self.upload_v1("gps.jpg")
        self.assertEqual(status, 200, stale)
        status, fresh = self.upload_v1("gps.jpg")
        self.assertEqual(self.fetch(stale["url"])[0], 200)
        # A day passes for one of them; the hourly maintenance job comes due.
        self.db.query("UPDATE media_attachments SET created_at = now() - interval '25 hours' "
                      f"WHERE id = {stale['id']}")
        self.db.query("UPDATE jobs SET run_at = now() WHERE kind = 'maintenance.prune_jobs' "
                      "AND state = 'available'")
        self.assertTrue(wait_until(lambda: self.media(stale["id"])[0] == 404, timeout=30))
        self.assertEqual(self.fetch(stale["url"])[0], 404)
        self.assertEqual(self.media(fresh["id"])[0], 200)
        self.assertEqual(self.fetch(fresh["url"])[0], 200)

    def test_avatar_and_header(self):
        from PIL import Image
        import io
        before = self.client.me()
        self.assertTrue(before["avatar"].endswith("/avatars/original/missing.png"))
        updated = self.client.account_update_credentials(
            avatar=os.path.join(FIXTURES, "gps.jpg"), avatar_mime_type="image/jpeg",
            header=os.path.join(FIXTURES, "alpha.png"), header_mime_type="image/png",
            display_name="Nora")
        self.assertEqual(updated["display_name"], "Nora")
        self.assertTrue(updated["avatar"].endswith("/avatar.jpg"), updated["avatar"])
        self.assertEqual(updated["avatar_static"], updated["avatar"])
        self.assertTrue(updated["header"].endswith("/header.png"), updated["header"])
        status, headers, data = self.fetch(updated["avatar"])
        self.assertEqual(status, 200)
        self.assertNotIn(b"Exif", data)
        # Covered and cropped to exactly 400×400, as Mastodon does.
        self.assertEqual(Image.open(io.BytesIO(data)).size, (400, 400))
        _, _, header_data = self.fetch(updated["header"])
        self.assertEqual(Image.open(io.BytesIO(header_data)).size, (1500, 500))
        # A new avatar replaces the file of the old one.
        again = self.client.account_update_credentials(avatar=os.path.join(FIXTURES, "rotated.jpg"),
                                                       avatar_mime_type="image/jpeg")
        self.assertNotEqual(again["avatar"], updated["avatar"])
        self.assertEqual(self.fetch(updated["avatar"])[0], 404)
        self.assertEqual(self.fetch(again["avatar"])[0], 200)
        # Statuses show the author's new avatar.
        status_json = self.client.status_post("with a face")
        self.assertEqual(status_json["account"]["avatar"], again["avatar"])
        # Something that is not an image is refused, and the profile is left as it was.
        body, content_type = multipart({"display_name": "Changed"}, b"<svg/>")
        body = body.replace(b'name="file"', b'name="avatar"')
        status, _, raw = get(self.api_server.base + "/api/v1/accounts/update_credentials",
                             headers={"Authorization": f"Bearer {self.client.access_token}",
                                      "Content-Type": content_type},
                             method="PATCH", data=body)
        self.assertEqual(status, 422, raw)
        after = self.client.me()
        self.assertEqual((after["display_name"], after["avatar"]), ("Nora", again["avatar"]))

    def test_v1_upload_answers_when_processed(self):
        self.start_worker()
        status, media = self.upload_v1("rotated.jpg")
        self.assertEqual(status, 200, media)
        self.assertIsNotNone(media["url"])
        # The EXIF orientation is applied: 40×20 stored as 20×40.
        self.assertEqual((media["meta"]["original"]["width"], media["meta"]["original"]["height"]),
                         (20, 40))

    def test_video_and_audio_are_served_as_uploaded_with_their_meta(self):
        self.start_worker()
        status, video = self.upload_v1("clip.mp4")
        self.assertEqual(status, 200, video)
        self.assertEqual(video["type"], "video")
        meta = video["meta"]
        # ffprobe's figures for the fixture: 64×48, 25 frames/s, 2 s.
        self.assertEqual((meta["width"], meta["height"], meta["fps"]), (64, 48, 25))
        self.assertEqual(meta["length"], "0:00:02.00")
        self.assertAlmostEqual(meta["original"]["duration"], 2.0, places=1)
        # As uploaded, less its descriptive metadata (the encoder's udta box is cleared in
        # place): same size, same media data.
        served = self.fetch(video["url"])[2]
        original = fixture("clip.mp4")
        self.assertEqual(len(served), len(original))
        self.assertEqual(mdat(served), mdat(original))
        status, rotated = self.upload_v1("rotated.mov")
        self.assertEqual((rotated["meta"]["width"], rotated["meta"]["height"]), (30, 40))
        status, audio = self.upload_v1("tone.m4a")
        self.assertEqual(status, 200, audio)
        self.assertEqual(audio["type"], "audio")
        self.assertAlmostEqual(audio["meta"]["duration"], 3.0, places=1)
        self.assertNotIn("width", audio["meta"])

    def exif_tags(self, data, *tags):
        path = os.path.join(self.media_dir, f"check-{uuid.uuid4().hex}")
        with open(path, "wb") as f:
            f.write(data)
        return subprocess.run(["exiftool", "-a", "-G1", "-s", *tags, path], capture_output=True,
                              text=True, check=True).stdout

    def test_a_phone_video_loses_its_location_and_device(self):
        # clip.mp4 as a phone writes it: GPS coordinates and make/model in QuickTime user data
        # (©xyz, ©mak, ©mod) and in Keys (com.apple.quicktime.location.ISO6709 and friends), and
        # an XMP packet with GPS, all written by exiftool.
        phone = os.path.join(self.media_dir, "phone.mp4")
        shutil.copy(os.path.join(FIXTURES, "clip.mp4"), phone)
        subprocess.run(["exiftool", "-q", "-overwrite_original",
                        "-UserData:GPSCoordinates=40.6892, -74.0445, 10",
                        "-Keys:GPSCoordinates=40.6892, -74.0445, 10",
                        "-UserData:Make=Google", "-UserData:Model=Pixel 8",
                        "-Keys:Make=Google", "-Keys:Model=Pixel 8",
                        "-XMP:GPSLatitude=40.6892", "-XMP:GPSLongitude=-74.0445", phone],
                       check=True)
        with open(phone, "rb") as f:
            uploaded = f.read()
        before = self.exif_tags(uploaded, "-GPS*", "-Make", "-Model")
        self.assertIn("GPSCoordinates", before)
        self.assertIn("Pixel 8", before)
        self.start_worker()
        status, video = self.upload(uploaded, None, "/api/v1/media")
        self.assertEqual(status, 200, video)
        served = self.fetch(video["url"])[2]
        self.assertEqual(self.exif_tags(served, "-GPS*", "-Make", "-Model", "-XMP:all").strip(),
                         "")
        self.assertEqual(video["meta"]["width"], 64)  # still the same video
        self.assertEqual(mdat(served), mdat(uploaded))

    def test_recordings_in_ogg_and_webm_lose_their_location_and_device(self):
        # Real encoders' files (oggenc, opusenc, mkvmerge) carrying a LOCATION, a device and a
        # title; what exiftool reads of them before and after the upload.
        self.start_worker()
        for name in ("voice.ogg", "voice.opus", "voice.webm"):
            uploaded = fixture(name)
            before = self.exif_tags(uploaded, "-Location", "-*Device", "-Title")
            self.assertIn("At home", before, name)
            status, audio = self.upload(uploaded, None, "/api/v1/media")
            self.assertEqual(status, 200, audio)
            self.assertEqual(audio["type"], "video" if name.endswith("webm") else "audio", name)
            served = self.fetch(audio["url"])[2]
            self.assertEqual(len(served), len(uploaded), name)  # nothing moved
            after = self.exif_tags(served, "-Location", "-*Device", "-Title",
                                   "-DateTimeOriginal")
            self.assertEqual(after.strip(), "", name)
            for text in (b"+52.3676", b"Pixel 8 Pro", b"At home"):
                self.assertNotIn(text, served, name)

    def test_bad_uploads_are_refused(self):
        for data, name in ((b"<!DOCTYPE html><script>alert(1)</script>", "page.jpg"),
                           (b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "a.svg"),
                           (b"", "empty.png"), (b"%PDF-1.7 ...", "doc.png")):
            status, body = self.upload(data)
            self.assertEqual(status, 422, (name, body))
        status, body = self.upload(b"\xFF\xD8\xFF" + b"\0" * (17 * 1024 * 1024))
        self.assertEqual(status, 413, body)
        self.assertIn("16 MB", body["error"])
        # A decompression bomb is accepted as an upload, then refused by processing, quickly.
        status, body = self.upload(fixture("bomb.png"))
        self.assertEqual(status, 202, body)
        self.start_worker()
        self.assertTrue(wait_until(lambda: self.media(body["id"])[0] == 422, timeout=30))
        # Nothing else is served from the media route.
        for path in ("/system/media/../../etc/passwd", "/system/media/ab/cd/ef/upload",
                     "/system/media/ab/cd/ef/original.html", "/system/media/ab/cd/ef/x.jpg"):
            status, _, _ = get(self.api_server.base + path)
            self.assertEqual(status, 404, path)


if __name__ == "__main__":
    unittest.main()
