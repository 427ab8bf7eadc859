# Shared by the benchmark scripts: build Galley, start it on a fresh data directory, stop it.
# shellcheck shell=bash
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
shared=${GALLEY_SHARED:-$root/../shared}

build_galley() {
  (cd "$root" && mvn -q -B package -DskipTests && \
     mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
  bench_cp="$root/target/test-classes:$(cat "$root/target/bench-classpath.txt")"
}

# start_galley PORT [extra env assignments...]: a Galley on a fresh data directory, demo mode off.
start_galley() {
  local port=$1; shift
  bench_data=$(mktemp -d "${TMPDIR:-/tmp}/galley-bench-XXXXXX")
  bench_user=bench-admin
  bench_password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  # A signing key for sign-in tokens made for this run only; tokens outlive the longest benchmark.
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$bench_data/jwt-key.pem" 2>/dev/null
  launch_galley "$port" "$@"
}

# launch_galley PORT [extra env assignments...]: starts Galley again on the data directory, admin and
# signing key of the last start_galley (after stop_galley: a restart that keeps the content).
# Sets bench_started (launch time, epoch seconds) and bench_cold_start (launch to /health/ready, s).
launch_galley() {
  local port=$1; shift
  bench_started=$(date +%s.%N)
  env PORT="$port" GALLEY_DATA_DIR="$bench_data" GALLEY_DEMO_ENABLED=false \
      GALLEY_ADMIN_USER="$bench_user" GALLEY_ADMIN_PASSWORD="$bench_password" \
      GALLEY_JWT_SIGNING_KEY="$(cat "$bench_data/jwt-key.pem")" GALLEY_JWT_LIFETIME_SECONDS=43200 \
      JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms512m -Xmx512m}" "$@" \
      "$root/deploy/run.sh" >> "$bench_data/galley.log" 2>&1 &
  bench_pid=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://localhost:$port/health/ready"; then
      bench_cold_start=$(echo "$(date +%s.%N) - $bench_started" | bc)
      echo "galley up on port $port after ${bench_cold_start}s (log: $bench_data/galley.log)"
      return 0
    fi
    kill -0 "$bench_pid" 2>/dev/null || { echo "galley died; see $bench_data/galley.log" >&2; tail -40 "$bench_data/galley.log" >&2; return 1; }
    sleep 0.2
  done
  echo "galley did not become ready; see $bench_data/galley.log" >&2
  return 1
}

stop_galley() {
  [ -n "${bench_pid:-}" ] || return 0
  pkill -TERM -P "$bench_pid" 2>/dev/null || true
  kill "$bench_pid" 2>/dev/null || true
  wait "$bench_pid" 2>/dev/null || true
  bench_pid=
}
