"""Exhaustion attacks against a real `loxodon serve` on loopback: a huge body sent without a
token, large uploads in flight, thousands of idle and slow-header connections, and more
connections from one address than it may hold. Others are still served, and nothing is read
that should not be."""

import glob
import os
import resource
import socket
import time
import unittest

from loxodon_e2e import Database, Server, create_user, get


def connect_from(address, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((address, 0))
    s.settimeout(10)
    s.connect(("127.0.0.1", port))
    return s


def read_status(sock):
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ")[1]) if data.startswith(b"HTTP/") else None


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


class ExhaustionAttackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 20000), hard))
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_HTTP_MAX_CONNECTIONS_PER_IP": "300",
                                                   "LOXODON_HTTP_HEADER_TIMEOUT_SECONDS": "30"})
        cls.client = create_user(cls.db.url, cls.server, "alice")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()

    def assert_served_quickly(self):
        started = time.time()
        status, _, _ = get(self.server.base + "/api/v1/instance")
        self.assertEqual(status, 200)
        elapsed = time.time() - started
        self.assertLess(elapsed, 5)
        return elapsed

    def test_a_large_body_without_a_valid_token_is_refused_before_it_is_read(self):
        for auth in (b"", b"Authorization: Bearer not-a-token\r\n"):
            s = connect_from("127.0.0.1", self.server.port)
            try:
                # 50 MB announced (within the upload limit), not one byte of it sent.
                s.sendall(b"POST /api/v2/media HTTP/1.1\r\nHost: localhost\r\n" + auth +
                          b"Content-Type: multipart/form-data; boundary=x\r\n"
                          b"Content-Length: 52428800\r\n\r\n")
                started = time.time()
                self.assertEqual(read_status(s), 401)
                self.assertLess(time.time() - started, 5)  # the body was never waited for
            finally:
                s.close()
        self.assertIn("before its body", self.server.logs())
        # With a valid token the server waits for the body (nothing arrives: no answer yet).
        s = connect_from("127.0.0.1", self.server.port)
        try:
            s.sendall(b"POST /api/v2/media HTTP/1.1\r\nHost: localhost\r\n"
                      b"Authorization: Bearer " + self.client.access_token.encode() + b"\r\n"
                      b"Content-Type: multipart/form-data; boundary=x\r\n"
                      b"Content-Length: 52428800\r\n\r\n")
            s.settimeout(1)
            with self.assertRaises(socket.timeout):
                s.recv(1)
        finally:
            s.close()
        self.assert_served_quickly()

    def test_uploads_in_flight_are_held_on_disk_not_in_memory(self):
        # Four 60 MB uploads sent all but their last bytes: the process must not hold them.
        size = 60 * 1024 * 1024
        video = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (size - 12)
        body = (b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.mp4\"\r\n"
                b"Content-Type: video/mp4\r\n\r\n" + video + b"\r\n--x--\r\n")
        head = (b"POST /api/v2/media HTTP/1.1\r\nHost: localhost\r\n"
                b"Authorization: Bearer " + self.client.access_token.encode() + b"\r\n"
                b"Content-Type: multipart/form-data; boundary=x\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        before = rss_bytes(self.server.proc.pid)
        uploads = []
        try:
            for _ in range(4):
                s = connect_from("127.0.0.1", self.server.port)
                s.settimeout(60)
                s.sendall(head + body[:-10])
                uploads.append(s)
            time.sleep(0.5)  # let the server take in what was sent
            grown = rss_bytes(self.server.proc.pid) - before
            # Held in memory, 240 MB would show; spooled, the process grows by its buffers.
            self.assertLess(grown, 48 * 1024 * 1024, f"grew by {grown // (1024 * 1024)} MB")
            self.assert_served_quickly()
            for s in uploads:
                s.sendall(body[-10:])
                self.assertEqual(read_status(s), 202)
        finally:
            for s in uploads:
                s.close()
        # The same files read back by slow readers are sent a block at a time, not loaded whole.
        stored = [p for p in glob.glob(self.server.media_dir + "/**/upload", recursive=True)
                  if os.path.getsize(p) == size]
        self.assertGreaterEqual(len(stored), 1)
        key = os.path.relpath(os.path.dirname(stored[0]), self.server.media_dir)
        served_path = os.path.join(self.server.media_dir, key, "original.mp4")
        if not os.path.exists(served_path):  # unless its processing job has written it already
            os.link(stored[0], served_path)
        served_size = os.path.getsize(served_path)
        self.assertEqual(served_size, size)  # metadata is cleared in place: nothing moves
        before = rss_bytes(self.server.proc.pid)
        readers = []
        try:
            for _ in range(4):
                s = connect_from("127.0.0.1", self.server.port)
                s.sendall(f"GET /system/media/{key}/original.mp4 HTTP/1.1\r\n"
                          "Host: localhost\r\nConnection: close\r\n\r\n".encode())
                readers.append(s)
            time.sleep(0.5)
            grown = rss_bytes(self.server.proc.pid) - before
            self.assertLess(grown, 48 * 1024 * 1024, f"grew by {grown // (1024 * 1024)} MB")
            response = b""
            while True:  # one reader takes the whole file
                chunk = readers[0].recv(1024 * 1024)
                if not chunk:
                    break
                response += chunk
            head, _, file = response.partition(b"\r\n\r\n")
            self.assertTrue(head.startswith(b"HTTP/1.1 200"), head[:100])
            self.assertEqual(len(file), served_size)
        finally:
            for s in readers:
                s.close()

    def test_one_address_holds_no_more_connections_than_its_share(self):
        held = [connect_from("127.0.0.9", self.server.port) for _ in range(300)]
        try:
            time.sleep(0.3)
            extra = connect_from("127.0.0.9", self.server.port)
            self.assertEqual(read_status(extra), 503)
            extra.close()
            self.assert_served_quickly()  # from another address
        finally:
            for s in held:
                s.close()
        time.sleep(0.5)
        again = connect_from("127.0.0.9", self.server.port)
        again.sendall(b"GET /api/v1/instance HTTP/1.1\r\nHost: localhost\r\n\r\n")
        self.assertEqual(read_status(again), 200)
        again.close()

    def test_five_thousand_idle_and_slow_clients_do_not_stop_others(self):
        held = []
        try:
            # 5,000 connections from 20 addresses: half say nothing, half send a request head a
            # few bytes at a time and never finish it.
            for i in range(5000):
                s = connect_from(f"127.0.1.{i % 20 + 1}", self.server.port)
                if i % 2:
                    s.sendall(b"GET /api/v1/instance HTTP/1.1\r\nHo")
                held.append(s)
            for s in held[1::2][:500]:
                s.sendall(b"st: local")
            slowest = max(self.assert_served_quickly() for _ in range(3))
            self.assertIsNone(self.server.proc.poll())
            print(f"\n  {len(held)} idle and slow connections held: another client served in "
                  f"{slowest * 1000:.0f} ms at most", flush=True)
        finally:
            for s in held:
                s.close()


if __name__ == "__main__":
    unittest.main()
