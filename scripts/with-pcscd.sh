#!/usr/bin/env bash
# Runs a command with pcscd (and its vpcd virtual readers) running; stops the pcscd it started by PID.
set -euo pipefail
if ! command -v pcscd >/dev/null; then
  echo "with-pcscd: FAILED: pcscd is not installed (run make system-deps as root)" >&2
  exit 1
fi
if [ ! -f /etc/reader.conf.d/vpcd ]; then
  echo "with-pcscd: FAILED: vsmartcard-vpcd is not installed (/etc/reader.conf.d/vpcd missing)" >&2
  exit 1
fi
started_pid=""
if pgrep -x pcscd >/dev/null; then
  echo "with-pcscd: using the pcscd already running (pid $(pgrep -x pcscd | head -1))"
else
  pcscd -f >/tmp/pcscd.$$.log 2>&1 &
  started_pid=$!
  echo "with-pcscd: started pcscd (pid $started_pid)"
  for _ in $(seq 1 50); do
    [ -S /run/pcscd/pcscd.comm ] && break
    sleep 0.1
  done
  if ! kill -0 "$started_pid" 2>/dev/null || [ ! -S /run/pcscd/pcscd.comm ]; then
    echo "with-pcscd: FAILED: pcscd did not start; its log:" >&2
    cat /tmp/pcscd.$$.log >&2 || true
    exit 1
  fi
fi
stop() {
  if [ -n "$started_pid" ]; then
    kill "$started_pid" 2>/dev/null || true
    wait "$started_pid" 2>/dev/null || true
    echo "with-pcscd: stopped pcscd (pid $started_pid)"
  fi
}
trap stop EXIT
export RECEPTION_APP_PCSCD=1
"$@"
