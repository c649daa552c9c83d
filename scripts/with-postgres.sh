#!/usr/bin/env bash
# Runs a command with a private PostgreSQL cluster running, for the tests of the PostgreSQL store:
#   initdb in a temporary folder, owned by and run as an unprivileged user (CI runs as root: a system user
#   `reception-pgtest` is created when missing), postgres listening on a private Unix socket folder and a free
#   loopback port only, SCRAM-SHA-256 over TCP with a random password made for this run.
# Exports RECEPTION_APP_TEST_PG_DSN (postgresql://… over 127.0.0.1) and RECEPTION_APP_POSTGRES=1, then runs "$@".
# Stops the postgres it started by PID on exit and removes the folder; fails loudly when the cluster cannot start.
set -euo pipefail

fail() {
  echo "with-postgres: FAILED: $*" >&2
  exit 1
}

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/postgres" ]; then
    bindir=$candidate
    break
  fi
done
[ -n "$bindir" ] || fail "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb; run make system-deps as root)"
command -v python3 >/dev/null || fail "python3 is needed to pick a free port"

run_as=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  owner=reception-pgtest  # postgres refuses to run as root
  if ! id -u "$owner" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$owner" \
      || fail "cannot create the system user $owner"
  fi
  run_as=(setpriv "--reuid=$owner" "--regid=$owner" --init-groups --)
fi

base=$(mktemp -d /tmp/reception-pg.XXXXXX)
chmod 0700 "$base"
data=$base/data
sockets=$base/sockets
mkdir -p "$sockets"
password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf '%s\n' "$password" >"$base/pwfile"
[ "$(id -u)" -eq 0 ] && chown -R "$owner:" "$base"

pid=""
stop() {
  local status=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true  # fast shutdown: roll back open transactions, then exit
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      echo "with-postgres: postgres (pid $pid) did not stop in 10 s; killed" >&2
    fi
    echo "with-postgres: stopped postgres (pid $pid)"
  fi
  rm -rf "$base"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! "${run_as[@]}" "$bindir/initdb" -D "$data" -U reception_test --pwfile="$base/pwfile" -E UTF8 --no-locale \
  --auth-local=trust --auth-host=scram-sha-256 >"$base/initdb.log" 2>&1; then
  cat "$base/initdb.log" >&2 || true
  fail "initdb did not create the cluster"
fi
rm -f "$base/pwfile"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# fsync off: the cluster lives for one test run (crash safety of the data files is PostgreSQL's, not ours to test).
"${run_as[@]}" "$bindir/postgres" -D "$data" -k "$sockets" -h 127.0.0.1 -p "$port" \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
  -c password_encryption=scram-sha-256 -c log_min_messages=warning >"$base/postgres.log" 2>&1 &
pid=$!  # setpriv execs postgres, so this is the postmaster's own PID

ready=""
for _ in $(seq 1 300); do
  if ! kill -0 "$pid" 2>/dev/null; then
    break
  fi
  if "$bindir/pg_isready" -q -h "$sockets" -p "$port" -t 1; then
    ready=1
    break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "with-postgres: its log:" >&2
  cat "$base/postgres.log" >&2 || true
  fail "postgres did not start within 30 s (port $port)"
fi
echo "with-postgres: started postgres $("$bindir/postgres" --version | awk '{print $3}') (pid $pid, 127.0.0.1:$port)"

export RECEPTION_APP_TEST_PG_DSN="postgresql://reception_test:$password@127.0.0.1:$port/postgres"
export RECEPTION_APP_POSTGRES=1
"$@"
