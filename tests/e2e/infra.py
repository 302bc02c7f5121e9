"""Infrastructure an operator puts around Loxodon, started for a test on loopback: a PostgreSQL
primary with a streaming replica, PgBouncer in transaction mode, nginx as the load balancer and
an S3-compatible object store (s3rver, from tests/e2e/node).
Every piece is the real Debian program, run from a temporary directory of its own and stopped
when the test ends. PostgreSQL and PgBouncer refuse to run as root, so as root they run as the
`postgres` user."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

from loxodon_e2e import PG_BIN, free_port, psql


def as_pg_user(args):
    return (["runuser", "-u", "postgres", "--"] + args) if os.geteuid() == 0 else args


def owned_by_pg(path):
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def stop_daemon(pidfile):
    """Sends SIGTERM to the daemon whose pid `pidfile` holds, if it is still there."""
    try:
        with open(pidfile) as f:
            os.kill(int(f.read().strip()), signal.SIGTERM)
    except (OSError, ValueError):
        pass


def wait_for(check, what, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not come up within {timeout}s")


class PostgresCluster:
    """A PostgreSQL 15 cluster of its own on a free port; `replica_of` makes it a streaming
    standby of another one (pg_basebackup -R), which answers reads only."""

    def __init__(self, replica_of=None, max_connections=100):
        self.dir = tempfile.mkdtemp(prefix="loxodon-pg-")
        os.chmod(self.dir, 0o755)
        owned_by_pg(self.dir)
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        if replica_of is None:
            self.pg(["initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                     "--locale=C.UTF-8"])
        else:
            # A fast checkpoint: the default spreads it over minutes on an idle primary.
            self.pg(["pg_basebackup", "-h", "127.0.0.1", "-p", str(replica_of.port), "-U",
                     "postgres", "-D", self.data, "-R", "-X", "stream", "-c", "fast"])
        # A standby needs settings at least as large as its primary's, so both get the same.
        self.pg(["pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "postgres.log"), "-w",
                 "-t", "60", "-o",
                 f"-p {self.port} -c unix_socket_directories='' -c listen_addresses=127.0.0.1 "
                 f"-c max_connections={max_connections} -c fsync=off", "start"])
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def pg(self, args):
        subprocess.run(as_pg_user([os.path.join(PG_BIN, args[0])] + args[1:]), check=True,
                       capture_output=True, timeout=120)

    def url_of(self, database):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def query(self, sql, database="postgres"):
        return psql(self.url_of(database), sql)

    def stop(self):
        subprocess.run(as_pg_user([os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-m", "fast",
                                   "-w", "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


class PgBouncer:
    """Debian's PgBouncer 1.18 in transaction pooling mode in front of `cluster`, with a server
    pool smaller than the clients so every client's transactions move between server
    connections (what breaks named prepared statements and session settings)."""

    def __init__(self, cluster, pool_size=3):
        self.dir = tempfile.mkdtemp(prefix="loxodon-pgbouncer-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        users = os.path.join(self.dir, "users.txt")
        with open(users, "w") as f:
            f.write('"postgres" ""\n')
        self.config = os.path.join(self.dir, "pgbouncer.ini")
        self.pidfile = os.path.join(self.dir, "pgbouncer.pid")
        with open(self.config, "w") as f:
            f.write(f"""[databases]
* = host=127.0.0.1 port={cluster.port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {self.port}
unix_socket_dir =
auth_type = trust
auth_file = {users}
pool_mode = transaction
default_pool_size = {pool_size}
max_client_conn = 500
logfile = {os.path.join(self.dir, "pgbouncer.log")}
pidfile = {self.pidfile}
""")
        for name in os.listdir(self.dir):
            owned_by_pg(os.path.join(self.dir, name))
        owned_by_pg(self.dir)
        subprocess.run(as_pg_user(["pgbouncer", "-d", self.config]), check=True,
                       capture_output=True, timeout=30)
        wait_for(lambda: self.answers(), "pgbouncer")

    def url_of(self, database):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def answers(self):
        return subprocess.run(["psql", self.url_of("postgres"), "-Atqc", "SELECT 1"],
                              capture_output=True).returncode == 0

    def stop(self):
        stop_daemon(self.pidfile)
        shutil.rmtree(self.dir, ignore_errors=True)


class Nginx:
    """Debian's nginx spreading requests over `ports`, WebSocket upgrades included, as the admin
    guide configures it; it sets X-Forwarded-For and X-Request-Id for the servers behind it.
    Round robin, or with `sticky` one process per access token (what keeps read-your-writes with
    read replicas, whose window is kept per process)."""

    def __init__(self, ports, port=None, sticky=False):
        self.dir = tempfile.mkdtemp(prefix="loxodon-nginx-")
        os.chmod(self.dir, 0o755)
        # As root, nginx's workers run as `nobody`: they must be able to spool large bodies.
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(self.dir, kind), mode=0o777)
            os.chmod(os.path.join(self.dir, kind), 0o777)
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.pidfile = os.path.join(self.dir, "nginx.pid")
        servers = "".join(f"    server 127.0.0.1:{p};\n" for p in ports)
        balance = "    hash $http_authorization consistent;\n" if sticky else ""
        temp = "".join(f"  {kind}_temp_path {self.dir}/{kind};\n"
                       for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        config = os.path.join(self.dir, "nginx.conf")
        with open(config, "w") as f:
            f.write(f"""daemon on;
pid {self.pidfile};
error_log {self.dir}/error.log;
worker_processes 1;
events {{ worker_connections 1024; }}
http {{
  access_log {self.dir}/access.log;
{temp}  client_max_body_size 100m;
  upstream loxodon {{
{balance}{servers}  }}
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  server {{
    listen 127.0.0.1:{self.port};
    location / {{
      proxy_pass http://loxodon;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 300s;
    }}
  }}
}}
""")
        subprocess.run(["nginx", "-c", config, "-p", self.dir], check=True, capture_output=True,
                       timeout=30)
        wait_for(lambda: os.path.exists(self.pidfile), "nginx")

    def stop(self):
        stop_daemon(self.pidfile)
        time.sleep(0.2)
        shutil.rmtree(self.dir, ignore_errors=True)


NODE_DIR = os.path.join(os.path.dirname(__file__), "node")
S3RVER = os.path.join(NODE_DIR, "node_modules", "s3rver", "bin", "s3rver.js")
BUCKET = "loxodon-media"
SECRET = "s3-secret-never-logged"
OBJECT_SUFFIX = "._S3rver_object"  # how s3rver lays out an object's bytes on disk


class S3rver:
    """s3rver on a free loopback port with a bucket of its own, in a temporary directory."""

    def __init__(self):
        if not os.path.exists(S3RVER):
            raise AssertionError(f"{S3RVER} is missing: run `npm ci` in {NODE_DIR} "
                                 "(scripts/test does)")
        self.dir = tempfile.mkdtemp(prefix="loxodon-s3rver-")
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.dir, "s3rver.log"), "w")
        self.proc = subprocess.Popen(
            ["node", S3RVER, "-d", os.path.join(self.dir, "data"), "-a", "127.0.0.1",
             "-p", str(self.port), "--configure-bucket", BUCKET],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"s3rver exited {self.proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("s3rver did not listen")

    def env(self, **extra):
        env = {"LOXODON_MEDIA_BACKEND": "s3", "LOXODON_S3_ENDPOINT": self.endpoint,
               "LOXODON_S3_BUCKET": BUCKET, "LOXODON_S3_REGION": "us-east-1",
               "LOXODON_S3_ACCESS_KEY_ID": "S3RVER", "LOXODON_S3_SECRET_ACCESS_KEY": SECRET,
               "LOXODON_S3_PATH_STYLE": "true"}
        env.update(extra)
        return env

    def objects(self):
        """{key: bytes} of every object in the bucket, read from s3rver's directory."""
        root = os.path.join(self.dir, "data", BUCKET)
        found = {}
        for folder, _, names in os.walk(root):
            for name in names:
                if name.endswith(OBJECT_SUFFIX):
                    path = os.path.join(folder, name)
                    key = os.path.relpath(path, root)[:-len(OBJECT_SUFFIX)]
                    with open(path, "rb") as f:
                        found[key] = f.read()
        return found

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
