"""A stand-in remote ActivityPub server (Python, on loopback) for e2e tests: actors whose
documents publish their keys, WebFinger for them, an inbox that records what it receives, and
Mastodon-style signed POSTs to a Loxodon inbox."""

import base64
import email.utils
import hashlib
import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

AP = "application/activity+json"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


class Remote:
    """A remote server with actors whose documents publish their keys, recording requests
    (GETs in `requests`, POSTed activities in `received`). Unknown actors are 410 Gone."""

    def __init__(self):
        self.actors = {}
        self.extra = {}  # name -> fields merged into the actor document
        self.files = {}  # path -> (content type, bytes), served as they are
        self.redirects = {}  # path -> Location, answered with 302
        self.requests = []
        self.received = []
        self.received_headers = []  # the headers of each entry of `received`
        remote = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, doc=None, content_type=AP):
                body = json.dumps(doc).encode() if doc is not None else b""
                self.send_response(status)
                if doc is not None:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                remote.requests.append((self.path, dict(self.headers)))
                url = urllib.parse.urlparse(self.path)
                name = url.path.split("/")[-1]
                if url.path in remote.redirects:
                    self.send_response(302)
                    self.send_header("Location", remote.redirects[url.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif url.path in remote.files:
                    content_type, body = remote.files[url.path]
                    self.send_response(200)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif url.path == "/.well-known/webfinger":
                    resource = urllib.parse.parse_qs(url.query).get("resource", [""])[0]
                    user = resource.removeprefix("acct:").split("@")[0]
                    if user in remote.actors:
                        self.answer(200, {"subject": f"acct:{user}@{remote.host}", "links": [
                            {"rel": "self", "type": AP, "href": remote.url(user)}]},
                            "application/jrd+json")
                    else:
                        self.answer(404)
                elif url.path.startswith("/users/") and name in remote.actors:
                    self.answer(200, remote.actor(name))
                else:
                    self.answer(410)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                try:
                    remote.received.append((self.path, json.loads(body)))
                    remote.received_headers.append(dict(self.headers))
                except ValueError:
                    pass
                self.answer(202)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, name):
        return f"http://{self.host}/users/{name}"

    def add(self, username, **extra):
        self.actors[username] = new_key()
        self.extra[username] = extra
        return self.actors[username]

    def actor(self, name):
        doc = {"@context": ["https://www.w3.org/ns/activitystreams",
                            "https://w3id.org/security/v1"],
               "id": self.url(name), "type": "Person", "preferredUsername": name,
               "inbox": self.url(name) + "/inbox",
               "publicKey": {"id": self.url(name) + "#main-key", "owner": self.url(name),
                             "publicKeyPem": public_pem(self.actors[name])}}
        doc.update(self.extra.get(name, {}))
        return doc

    def received_of(self, kind):
        return [doc for _, doc in self.received if doc.get("type") == kind]

    def close(self):
        self.httpd.shutdown()


def png(width=8, height=8, rgba=(255, 0, 0, 255)):
    """A small PNG of one colour, made without an imaging library."""
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    rows = b"".join(b"\x00" + bytes(rgba) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def cavage_post(server, path, body, key, key_id, date=None, digest=None, headers=None,
                signed_host=None, sent_host=None, algorithm="rsa-sha256", created=None,
                expires=None, params_created=None, params_expires=None):
    """POSTs `body` signed as Mastodon signs deliveries. Attack tests choose the rest: the host
    that is signed and the one sent, the algorithm named, created/expires covered by the
    signature (`created`, `expires`, with "(created)"/"(expires)" in `headers`) or sent
    beside it uncovered (`params_created`, `params_expires`)."""
    signed_host = signed_host or f"localhost:{server.port}"
    date = date or email.utils.formatdate(usegmt=True)
    digest = digest or "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
    covered = headers or ["(request-target)", "host", "date", "digest", "content-type"]
    values = {"(request-target)": f"post {path}", "host": signed_host, "date": date,
              "digest": digest, "content-type": AP, "(created)": str(created),
              "(expires)": str(expires)}
    signing = "\n".join(f"{h}: {values[h]}" for h in covered)
    signature = base64.b64encode(key.sign(signing.encode(), padding.PKCS1v15(),
                                          hashes.SHA256())).decode()
    header = (f'keyId="{key_id}",algorithm="{algorithm}",headers="{" ".join(covered)}",'
              f'signature="{signature}"')
    for name, value in (("created", created or params_created),
                        ("expires", expires or params_expires)):
        if value is not None:
            header += f",{name}={value}"
    return post(server, path, body, {
        "Host": sent_host or signed_host, "Date": date, "Digest": digest, "Content-Type": AP,
        "Signature": header})


def post(server, path, body, headers):
    req = urllib.request.Request(f"{server.base}{path}", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=15) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
