#!/usr/bin/env python3
"""Inbound half of bench/federation: plays a remote server. Serves one remote actor (its
document carries the public key Loxodon fetches once to verify, and its WebFinger answer), signs COUNT distinct Create
activities for Loxodon's shared inbox as Mastodon signs them (draft-cavage rsa-sha256 over
(request-target) host date digest), and writes them one per line, tab-separated
(date, digest, signature, body), for wrk to replay. Prints "ready" when the file is complete,
then serves the actor until killed.

    federation_inbound.py LOXODON_AUTHORITY COUNT OUT_FILE
"""

import base64
import datetime
import email.utils
import hashlib
import json
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PEM = KEY.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption())


def sign_range(args):
    authority, actor, start, end, date = args
    key = serialization.load_pem_private_key(PEM, password=None)
    published = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = []
    for n in range(start, end):
        note = f"{actor}/statuses/{n}"
        body = json.dumps({
            "@context": "https://www.w3.org/ns/activitystreams", "id": note + "/activity",
            "type": "Create", "actor": actor, "published": published,
            "to": [PUBLIC], "cc": [actor + "/followers"],
            "object": {"id": note, "type": "Note", "attributedTo": actor, "published": published,
                       "content": f"<p>Benchmark note {n}</p>", "to": [PUBLIC],
                       "cc": [actor + "/followers"]}}, separators=(",", ":"))
        digest = "SHA-256=" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        signed = (f"(request-target): post /inbox\nhost: {authority}\ndate: {date}\n"
                  f"digest: {digest}")
        signature = base64.b64encode(
            key.sign(signed.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()
        header = (f'keyId="{actor}#main-key",algorithm="rsa-sha256",'
                  f'headers="(request-target) host date digest",signature="{signature}"')
        lines.append(f"{date}\t{digest}\t{header}\t{body}\n")
    return lines


def main():
    authority, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    public_pem = KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    holder = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            actor = holder["actor"]
            if self.path.startswith("/.well-known/webfinger"):
                # Loxodon checks that the actor's acct: name leads back to the actor, as
                # Mastodon does, before it stores anything of a new remote account.
                host = actor.split("/")[2]
                body = json.dumps({"subject": f"acct:remote@{host}", "links": [
                    {"rel": "self", "type": "application/activity+json", "href": actor}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/jrd+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            doc = {"@context": ["https://www.w3.org/ns/activitystreams",
                                "https://w3id.org/security/v1"],
                   "id": actor, "type": "Person", "preferredUsername": "remote",
                   "inbox": actor + "/inbox", "followers": actor + "/followers",
                   "publicKey": {"id": actor + "#main-key", "owner": actor,
                                 "publicKeyPem": public_pem}}
            body = json.dumps(doc).encode() if self.path.startswith("/users/remote") else b"{}"
            self.send_response(200 if self.path.startswith("/users/remote") else 404)
            self.send_header("Content-Type", "application/activity+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["actor"] = f"http://127.0.0.1:{httpd.server_address[1]}/users/remote"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    date = email.utils.formatdate(usegmt=True)
    chunks = [(authority, holder["actor"], s, min(s + 1000, count), date)
              for s in range(0, count, 1000)]
    with ProcessPoolExecutor() as pool, open(out, "w") as f:
        for lines in pool.map(sign_range, chunks):
            f.writelines(lines)
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
