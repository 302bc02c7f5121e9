"""Helpers for end-to-end tests: real `loxodon` processes, real databases, real HTTP clients."""

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

LOXODON_BIN = os.environ.get("LOXODON_BIN", "loxodon")
PG_BIN = os.environ.get("LOXODON_TEST_PG_BIN", "/usr/lib/postgresql/15/bin")


def admin_url():
    url = os.environ.get("LOXODON_TEST_DATABASE_URL")
    if not url:
        raise RuntimeError("LOXODON_TEST_DATABASE_URL is not set: run the suite through scripts/test")
    return url


def with_database(url, name):
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(url, sql):
    return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atqc", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


class Database:
    """A fresh database on the test cluster, dropped on close."""

    def __init__(self, admin=None, migrate=True):
        self.admin = admin or admin_url()
        self.name = "loxodon_e2e_" + uuid.uuid4().hex[:12]
        psql(self.admin, f"CREATE DATABASE {self.name}")
        self.url = with_database(self.admin, self.name)
        if migrate:
            run_cli(["migrate"], env={"LOXODON_DATABASE_URL": self.url}, check=True)

    def query(self, sql):
        return psql(self.url, sql)

    def close(self):
        try:
            psql(self.admin, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        except subprocess.CalledProcessError:
            pass


def base_env(extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOXODON_")}
    env.update(extra or {})
    return env


def run_cli(args, env=None, check=False, cwd=None):
    proc = subprocess.run([LOXODON_BIN] + args, env=base_env(env), capture_output=True, text=True,
                          cwd=cwd, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"loxodon {args} exited {proc.returncode}: {proc.stderr}")
    return proc


class Server:
    """A running `loxodon serve` on a free port; its stderr goes to a log file."""

    def __init__(self, database_url, domain_port=None, extra_env=None, wait_healthy=True):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.logdir = tempfile.mkdtemp(prefix="loxodon-e2e-")
        self.log_path = os.path.join(self.logdir, "serve.log")
        self.media_dir = os.path.join(self.logdir, "media")
        env = {
            "LOXODON_DATABASE_URL": database_url,
            "LOXODON_LISTEN": f"127.0.0.1:{self.port}",
            "LOXODON_DOMAIN": f"localhost:{domain_port or self.port}",
            "LOXODON_SCHEME": "http",
            "LOXODON_MEDIA_DIR": self.media_dir,
            "LOXODON_JOBS_LEASE_SECONDS": "5",
        }
        env.update(extra_env or {})
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([LOXODON_BIN, "serve"], env=base_env(env),
                                     stdout=subprocess.PIPE, stderr=self.log)
        self.wait_listening()
        if wait_healthy:
            self.wait_status("/health", 200)

    def logs(self):
        with open(self.log_path) as f:
            return f.read()

    def wait_log(self, text, timeout=10):
        """Waits until `text` appears in the log (lines are written after the response)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text in self.logs():
                return
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared in the log:\n{self.logs()}")

    def wait_listening(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"loxodon serve exited {self.proc.returncode}:\n{self.logs()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"loxodon serve did not listen:\n{self.logs()}")

    def wait_status(self, path, status, timeout=20):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            last = get(self.base + path)[0]
            if last == status:
                return
            time.sleep(0.1)
        raise AssertionError(f"{path} stayed {last}, wanted {status}:\n{self.logs()}")

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"loxodon serve ignored {sig}:\n{self.logs()}")
        self.log.close()
        return self.proc.returncode

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if not self.log.closed:
            self.log.close()
        shutil.rmtree(self.logdir, ignore_errors=True)


def get(url, headers=None, method="GET", data=None):
    """Returns (status, headers, body bytes) without raising on HTTP errors."""
    req = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.status, res.headers, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return None, None, b""


def api_call(server, client, method, path, form=None, as_json=False, extra_headers=None):
    """A raw API request with `client`'s token (a Mastodon.py client), for what Mastodon.py
    does not expose. `form` is a dict or a list of pairs, sent form-encoded or as JSON.
    Returns (status, parsed body or None, headers)."""
    headers = {"Authorization": f"Bearer {client.access_token}", **(extra_headers or {})}
    data = None
    if form is not None:
        if as_json:
            data = json.dumps(form).encode()
            headers["Content-Type"] = "application/json"
        else:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
    status, response_headers, body = get(server.base + path, headers=headers, method=method,
                                         data=data)
    return status, (json.loads(body) if body else None), response_headers


def get_json(url):
    status, headers, body = get(url)
    assert status == 200, f"GET {url} -> {status}: {body[:300]!r}"
    return json.loads(body)


def raw_exchange(port, data, timeout=5):
    """Sends raw bytes and returns everything the server answers until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except socket.timeout:
            pass
        return b"".join(chunks)


class Cluster:
    """A PostgreSQL cluster of the test's own, for tests that stop and start the database."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="loxodon-e2e-pg-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")
        self._pg(["initdb", "-D", f"{self.dir}/data", "-A", "trust", "-U", "postgres"])
        self.admin = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _pg(self, args):
        cmd = [os.path.join(PG_BIN, args[0])] + args[1:]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        subprocess.run(cmd, check=True, capture_output=True)

    def start(self):
        self._pg(["pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
                  "start"])

    def stop(self):
        self._pg(["pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop"])

    def close(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


class _FormParser:
    """Collects <form> elements with their inputs from an HTML page."""

    def __init__(self, html):
        from html.parser import HTMLParser

        forms = []

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                if tag == "form":
                    forms.append({"action": a.get("action", ""), "method": a.get("method", "get"),
                                  "fields": {}})
                elif tag in ("input", "textarea") and forms:
                    if a.get("type") == "checkbox":
                        return
                    if a.get("name"):
                        forms[-1]["fields"][a["name"]] = a.get("value", "")

        Parser().feed(html)
        self.forms = forms


class Browser:
    """A cookie-keeping HTTP client that fills and posts forms the way a browser does, without
    following redirects (so tests can look at every Location)."""

    def __init__(self, base):
        import http.cookiejar
        self.base = base
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar),
                                                  NoRedirect)

    def request(self, path_or_url, data=None, method=None):
        url = path_or_url if path_or_url.startswith("http") else self.base + path_or_url
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(url, data=body, method=method)
        try:
            with self.opener.open(req, timeout=15) as res:
                return res.status, res.headers, res.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode("utf-8", "replace")

    def forms(self, html):
        return _FormParser(html).forms

    def submit(self, html, action_contains="", values=None, pick=0):
        """Posts the form whose action contains `action_contains` (the pick-th such form),
        keeping its hidden fields and overriding/adding `values`."""
        forms = [f for f in self.forms(html) if action_contains in f["action"]]
        assert forms, f"no form with action containing {action_contains!r} in page:\n{html[:2000]}"
        form = forms[pick]
        fields = dict(form["fields"])
        fields.update(values or {})
        return self.request(form["action"], fields, "POST")

    def cookie(self, name):
        for c in self.jar:
            if c.name == name:
                return c
        return None


def wait_until(check, timeout=15):
    """Polls `check` until it returns something true (jobs run asynchronously) or time is up."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    return check()


def create_user(database_url, server, name, scopes="read write follow push"):
    """Creates a confirmed local account through the CLI and returns a Mastodon.py client
    holding a token for it (Mastodon.py is imported here so other tests need not have it)."""
    from mastodon import Mastodon
    env = {"LOXODON_DATABASE_URL": database_url, "LOXODON_DOMAIN": f"localhost:{server.port}",
           "LOXODON_SCHEME": "http"}
    run_cli(["accounts", "create", name, "--email", f"{name}@example.com",
             "--password", "correct horse battery"], env=env, check=True)
    token = run_cli(["tokens", "create", name, "--scopes", scopes],
                    env=env, check=True).stdout.strip()
    return Mastodon(access_token=token, api_base_url=server.base)


class StreamSocket:
    """A raw WebSocket client of the streaming API (python3-websocket, imported here so other
    tests need not have it) reading frames in the background; `ended` is set when it closes."""

    def __init__(self, server, query="", token=None, header_token=True, subprotocol=None):
        import websocket
        headers = [f"Authorization: Bearer {token}"] if token and header_token else []
        if token and not header_token:
            query += ("&" if "?" in query else "?") + f"access_token={token}"
        url = f"ws://127.0.0.1:{server.port}/api/v1/streaming{query}"
        self.ws = websocket.create_connection(url, header=headers, timeout=15,
                                              subprotocols=[subprotocol] if subprotocol else None)
        self.frames = queue.Queue()
        self.ended = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            while True:
                text = self.ws.recv()
                if not text:
                    break
                self.frames.put(json.loads(text))
        except Exception:  # closed by either side
            pass
        self.ended.set()

    def send(self, message):
        self.ws.send(json.dumps(message))

    def next(self, match=lambda f: True, timeout=15):
        """The next frame `match` accepts within `timeout`, or None."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                frame = self.frames.get(timeout=max(0.1, deadline - time.time()))
            except queue.Empty:
                if self.ended.is_set():
                    break
                continue
            if match(frame):
                return frame
        return None

    def updates(self, wanted, timeout=60):
        """The ids of `wanted` statuses seen in update events within `timeout`."""
        seen = set()

        def collect(frame):
            if frame.get("event") == "update":
                status_id = json.loads(frame["payload"])["id"]
                if status_id in wanted:
                    seen.add(status_id)
            return seen == wanted

        self.next(collect, timeout)
        return seen

    def close(self):
        self.ws.close()
