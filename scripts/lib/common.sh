# Shared by scripts/run, scripts/test and bench/run: Debian packages, the build, and private
# PostgreSQL clusters. Sourced, not executed.

LOX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOX_BUILD_DIR=${LOXODON_BUILD_DIR:-$LOX_ROOT/build/release}
PG_BIN=/usr/lib/postgresql/15/bin

# Packages to build and run the server.
LOX_BUILD_PACKAGES="g++ cmake ninja-build pkg-config libboost-dev libboost-system-dev
  nlohmann-json3-dev rapidjson-dev libpqxx-dev libssl-dev libspdlog-dev libtomlplusplus-dev libsodium-dev
  libcurl4-openssl-dev libvips-dev libgumbo-dev prometheus-cpp-dev libgtest-dev python3 postgresql-15"
# Added for the test suite: the real Mastodon client library for Python, an SMTP sink, blurhash
# decoding and exiftool to check uploaded images from the outside, Prometheus' own parser to read
# /metrics as a scraper does, and clang-format for the formatting check. (GoogleTest is a build package: one build tree serves
# both scripts.)
LOX_TEST_PACKAGES="python3-mastodon python3-aiosmtpd python3-blurhash python3-pil python3-websocket
  python3-cryptography python3-prometheus-client
  libimage-exiftool-perl
  clang-format chromium
  pgbouncer nginx"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs whatever of the named Debian packages is missing (as root), or says how to.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 || die "apt-get update failed"
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || die "apt-get install failed"
  else
    echo "Missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# Configures (first time only) and builds the release tree.
build_loxodon() {
  local tests=${1:-ON}
  if [ ! -f "$LOX_BUILD_DIR/build.ninja" ]; then
    log "configuring $LOX_BUILD_DIR"
    cmake -S "$LOX_ROOT" -B "$LOX_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DLOXODON_BUILD_TESTS="$tests" >&2 || die "cmake configure failed"
  fi
  log "building (incremental)"
  cmake --build "$LOX_BUILD_DIR" --parallel "$(nproc)" >&2 || die "build failed"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DIR PORT: initialises DIR/data when needed and starts a cluster listening only on
# 127.0.0.1:PORT (no Unix socket, so no path-length or shared-directory trouble). Extra
# settings follow.
pg_start() {
  local dir port=$2
  dir=$(realpath -m "$1"); shift 2
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 server binaries not found in $PG_BIN"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg_user "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  as_pg_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -c unix_socket_directories='' -c listen_addresses=127.0.0.1 -c max_connections=200 $*" start >/dev/null ||
    { tail -20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
}

pg_stop() {
  local dir
  dir=$(realpath -m "$1")
  [ -f "$dir/data/postmaster.pid" ] && as_pg_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
  return 0
}

pg_running() {
  as_pg_user "$PG_BIN/pg_ctl" -D "$(realpath -m "$1")/data" status >/dev/null 2>&1
}

# ensure_node_modules DIR: installs DIR's Node packages exactly as its package-lock.json pins
# them (npm ci) when DIR/node_modules is missing, incomplete or older than the lock file (npm
# writes node_modules/.package-lock.json at the end of an install: that file dates it).
ensure_node_modules() {
  local dir=$1
  [ -f "$dir/package-lock.json" ] || die "no package-lock.json in $dir"
  if [ -f "$dir/node_modules/.package-lock.json" ] &&
     [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
  log "installing Node packages in $dir (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund) >&2 || die "npm ci failed in $dir"
}
