#!/usr/bin/env bash
# The read path against nginx: Galley's public read API under wrk, next to nginx serving the very same
# JSON responses as static files, on the same machine in the same run.
#
# For each data set (SETS, default "synthetic corpus"), on a fresh Galley (embedded H2; DB=postgresql for a
# throw-away PostgreSQL):
#   1. seeds it through the admin API: "synthetic" is ../shared/bench-data/gen-dataset.mjs (ARTICLES=10000
#      articles, AUTHORS=100 authors, seed 42: the data set other CMSs were measured on), "corpus" is
#      ARTICLES real corpus articles (BBC News, BBC Sport, Reuters; NTREX in en/tr/ru as translations) with
#      several tags and one to three authors each; reports seeding time and import rate;
#   2. restarts Galley on that content and reports the cold start (launch to /health/ready, and launch to
#      the first article read answered 200);
#   3. per scenario (article by slug, list page, author page + the author's latest articles, similar posts,
#      search): fetches every request path once and writes the responses as static files, then runs wrk
#      (THREADS=2, CONNECTIONS=32, WARMUP=5 s unmeasured, then DURATION=20 s) against Galley and against an
#      nginx on loopback serving those files, cycling over the same paths; the first scenario's warm-up is
#      JIT_WARMUP=60 s instead, as it runs right after the cold restart (the JIT needs about a minute of load);
#   4. prints one table (req/s, Galley as % of nginx, latency, errors, SQL statements per request, RSS)
#      and writes everything to target/bench/read-speed-<date>.txt.
#
#   flock /tmp/galley-it.lock src/test/bench/read-speed.sh                  # full run, ~20 minutes
#   ARTICLES=1000 DURATION=3 WARMUP=1 SETS=synthetic src/test/bench/read-speed.sh   # a quick look
#   DB=postgresql flock /tmp/galley-it.lock src/test/bench/read-speed.sh
#
# Installs wrk and nginx (Debian packages) when missing. Needs Node.js for the data generator.
# Other settings: SAMPLE (distinct article slugs per scenario, 2000), BATCH (articles per import request,
# 1000), PORT (Galley, 8093), NGINX_PORT (8193), PG_PORT (8293), SKIP_BUILD=1, KEEP=1 (keep the temp dirs).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
JIT_WARMUP=${JIT_WARMUP:-60}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
ARTICLES=${ARTICLES:-10000}
AUTHORS=${AUTHORS:-100}
SAMPLE=${SAMPLE:-2000}
BATCH=${BATCH:-1000}
SETS=${SETS:-synthetic corpus}
DB=${DB:-h2}
port=${PORT:-8093}
nginx_port=${NGINX_PORT:-8193}
pg_port=${PG_PORT:-8293}
scenarios="article list author similar search"

# --- tools --------------------------------------------------------------------------------------------
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v node >/dev/null || { echo "needs Node.js (node) for the data generator" >&2; exit 2; }
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "wrk/nginx missing and not root: apt-get install -y ${missing[*]}" >&2; exit 2; }
    echo "installing from Debian packages: apt-get install -y ${missing[*]}"
    # The nginx package must not start a system nginx on port 80: keep services from starting meanwhile.
    local own_policy=
    if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; own_policy=1; fi
    local ok=0
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || \
      { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } || ok=$?
    [ -z "$own_policy" ] || rm -f /usr/sbin/policy-rc.d
    [ "$ok" = 0 ] || { echo "could not install ${missing[*]}" >&2; exit 2; }
    dpkg-query -W -f='installed ${Package} ${Version}\n' "${missing[@]}"
  fi
  PATH=$PATH:/usr/sbin
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- PostgreSQL (DB=postgresql) ---------------------------------------------------------------------------
pg_pid=
start_postgres() {
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/galley-read-speed-pg-XXXXXX")
  java -cp "$bench_cp" galley.bench.BenchPostgres --port "$pg_port" --dir "$pg_dir/data" > "$pg_dir/postgres.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 1 300); do
    if grep -q '^READY' "$pg_dir/postgres.log"; then
      echo "postgres up on port $pg_port: $(sed -n 's/^READY //p' "$pg_dir/postgres.log" | cut -c1-40)"
      galley_env+=(GALLEY_DB_URL="jdbc:postgresql://localhost:$pg_port/postgres" GALLEY_DB_USER=postgres GALLEY_DB_PASSWORD=postgres)
      return 0
    fi
    kill -0 "$pg_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "PostgreSQL did not start; see $pg_dir/postgres.log" >&2; tail -20 "$pg_dir/postgres.log" >&2
  return 1
}
stop_postgres() {
  [ -n "$pg_pid" ] || return 0
  kill "$pg_pid" 2>/dev/null || true   # its shutdown hook stops PostgreSQL
  wait "$pg_pid" 2>/dev/null || true
  pg_pid=
  [ "${KEEP:-}" = 1 ] || rm -rf "$pg_dir"
}

# --- nginx -------------------------------------------------------------------------------------------------
nginx_pid=
start_nginx() { # STATIC_DIR
  local static=$1
  nginx_dir=$work/nginx
  mkdir -p "$nginx_dir/logs" "$nginx_dir/tmp"
  chmod a+rx "$work"; chmod -R a+rX "$static"
  cat > "$nginx_dir/nginx.conf" <<CONF
# Generated by read-speed.sh: the JSON Galley answered, as static files: GET /a/b?x=1 is the file a/b/_x=1.
daemon off;
worker_processes $(nproc);
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  open_file_cache max=20000 inactive=120s;
  client_body_temp_path $nginx_dir/tmp/body;
  proxy_temp_path $nginx_dir/tmp/proxy;
  fastcgi_temp_path $nginx_dir/tmp/fastcgi;
  uwsgi_temp_path $nginx_dir/tmp/uwsgi;
  scgi_temp_path $nginx_dir/tmp/scgi;
  types { }
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $static;
    location / { try_files \$uri/_\$args =404; }
  }
}
CONF
  nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/logs/error.log" &
  nginx_pid=$!
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && { echo "nginx $(nginx -v 2>&1 | sed 's/.*\///') up on port $nginx_port (pid $nginx_pid, config $nginx_dir/nginx.conf)"; return 0; }
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "nginx did not start" >&2; cat "$nginx_dir/logs/error.log" >&2; return 1
}
stop_nginx() {
  [ -n "$nginx_pid" ] || return 0
  kill -QUIT "$nginx_pid" 2>/dev/null || true   # graceful: the master stops its workers
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=
}
rss_mib() { # PID: the process's resident memory with its children's (nginx workers), MiB
  ps -o rss= -p "$1" --ppid "$1" 2>/dev/null | awk '{s += $1} END {printf "%.0f", s / 1024}'
}

cleanup() {
  stop_nginx
  stop_galley
  stop_postgres
  if [ "${KEEP:-}" = 1 ]; then echo "kept: $work ${bench_data:-}"; else rm -rf "$work" "${bench_data:-}"; fi
}

# --- measuring -----------------------------------------------------------------------------------------------
run_wrk() { # BASE_URL PATHS_FILE SECONDS: prints the RESULT line
  PATHS_FILE=$2 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3"s --timeout 10s -s "$bench_dir/wrk/paths.lua" "$1" | grep '^RESULT'
}
# Processor time in clock ticks: the machine's busy time, one process's, and this shell's waited-for children's (wrk).
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
children_ticks() { awk '{print $16 + $17}' "/proc/$$/stat"; }
others_cores() { # BUSY PROC CHILDREN TIME (all before the run): cores used by others since then
  local hz; hz=$(getconf CLK_TCK)
  awk -v b0="$1" -v p0="$2" -v c0="$3" -v t0="$4" -v b1="$(busy_ticks)" -v p1="$(process_ticks "$bench_pid")" \
      -v c1="$(children_ticks)" -v t1="$(date +%s.%N)" -v hz="$hz" \
      'BEGIN { o = ((b1 - b0) - (p1 - p0) - (c1 - c0)) / hz / (t1 - t0); printf "%.2f", o < 0 ? 0 : o }'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }
sql_of() { # PATH: X-SQL-Statements of one request to Galley now
  # No Accept header, as wrk sends none: the same request as the load's, so a kept answer is found as it was.
  curl -s -H 'Accept:' -D - -o /dev/null "http://localhost:$port$1" | tr -d '\r' | sed -n 's/^[Xx]-[Ss][Qq][Ll]-[Ss]tatements: *//p'
}

# Sourced (to try a function by hand), it stops here.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

out_dir=$root/target/bench
mkdir -p "$out_dir"
out=$out_dir/read-speed-$(date +%Y%m%d-%H%M%S).txt
report() { printf '%s\n' "$*" | tee -a "$out"; }

install_tools
[ -f "$shared/bench-data/gen-dataset.mjs" ] || { echo "needs ../shared/bench-data" >&2; exit 2; }
case " $SETS " in *" corpus "*) [ -f "$shared/corpus/reuters21578.jsonl.gz" ] || { echo "needs ../shared/corpus" >&2; exit 2; } ;; esac
for p in "$port" "$nginx_port" "$pg_port"; do port_free "$p" || { echo "port $p is in use (PORT, NGINX_PORT, PG_PORT)" >&2; exit 2; }; done
if [ "${SKIP_BUILD:-}" = 1 ] && [ -f "$root/target/galley.war" ] && [ -f "$root/target/bench-classpath.txt" ]; then
  bench_cp="$root/target/test-classes:$(cat "$root/target/bench-classpath.txt")"
else
  echo "building Galley..."
  build_galley
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/galley-read-speed-XXXXXX")
trap cleanup EXIT

java_version=$("$root/deploy/bin/java21" -version 2>&1 | head -1)
report "Galley read path against nginx: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src/main 2>/dev/null || echo ' (src/main modified)')"
report "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
report "database: $DB; server JVM: $java_version, ${BENCH_JAVA_OPTS:--Xms512m -Xmx512m}; $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), nginx $(nginx -v 2>&1 | sed 's/.*\///')"
report "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP} s warm-up (not counted; ${JIT_WARMUP} s before the first scenario after the cold restart), then ${DURATION} s per scenario and server"

if [[ " $SETS " == *" synthetic "* ]]; then
  echo "generating the synthetic data set ($ARTICLES articles, $AUTHORS authors, seed 42)..."
  node "$shared/bench-data/gen-dataset.mjs" "$work/dataset" "$ARTICLES" "$AUTHORS" 42 > /dev/null
  digest=$(sha256sum "$work/dataset/articles.jsonl" | cut -c1-16)
  report "synthetic data set: articles.jsonl sha256 $digest...$([ "$ARTICLES/$AUTHORS" = 10000/100 ] && { [ "$digest" = c11bd9da67540cbe ] && echo ' (the published one)' || echo ' (DIFFERS from the published c11bd9da67540cbe)'; })"
fi

rows=()
cold_rows=()
seed_rows=()
for set in $SETS; do
  echo
  echo "=== data set: $set ==="
  galley_env=(GALLEY_DIAGNOSTICS_SQL_STATEMENTS=true)
  [ "$DB" = postgresql ] && start_postgres
  start_galley "$port" "${galley_env[@]}"
  set_dir=$work/$set
  mkdir -p "$set_dir/static"
  java -cp "$bench_cp" galley.bench.ReadSpeed seed --set "$set" --url "http://localhost:$port" \
    --user "$bench_user" --password "$bench_password" --work "$set_dir" --dataset "$work/dataset" \
    --corpus "$shared/corpus" --terms "$work/dataset/search-terms.txt" \
    --articles "$ARTICLES" --sample "$SAMPLE" --batch "$BATCH"
  seed=$(cat "$set_dir/seed.txt")
  seed_rows+=("$(printf '%-10s %7s articles %-24s %4s authors %5s tags  %7.1f s  %5.0f articles/s   similar posts recomputed afterwards in %s s' \
    "$set" "$(field articles "$seed")" "$(field languages "$seed")" "$(field authors "$seed")" "$(field tags "$seed")" \
    "$(field seconds "$seed")" "$(field rate "$seed")" "$(field recompute_seconds "$seed")")")

  # Cold start on this content: launch to ready, and launch to the first article read answered 200.
  stop_galley
  first_article=$(head -1 "$set_dir/article.paths")
  launch_galley "$port" "${galley_env[@]}"
  for _ in $(seq 1 1200); do curl -fs -o /dev/null "http://localhost:$port$first_article" && break; sleep 0.05; done
  first_read=$(echo "$(date +%s.%N) - $bench_started" | bc)
  cold_rows+=("$(printf '%-10s launch to /health/ready %5.1f s, to the first article read (200) %5.1f s; RSS then %s MiB' \
    "$set" "$bench_cold_start" "$first_read" "$(rss_mib "$bench_pid")")")

  start_nginx "$set_dir/static"
  warmup=$JIT_WARMUP
  for scenario in $scenarios; do
    paths=$set_dir/$scenario.paths
    echo "--- $set / $scenario ($(wc -l < "$paths") paths)"
    snap=$(java -cp "$bench_cp" galley.bench.ReadSpeed snapshot --url "http://localhost:$port" --paths "$paths" --out "$set_dir/static")
    echo "$snap"
    snap=$(grep '^SNAPSHOT' <<< "$snap")
    run_wrk "http://localhost:$port" "$paths" "$((warmup > WARMUP ? warmup : WARMUP))" > /dev/null
    warmup=0
    cpu_before="$(busy_ticks) $(process_ticks "$bench_pid") $(children_ticks) $(date +%s.%N)"
    g=$(run_wrk "http://localhost:$port" "$paths" "$DURATION")
    other=$(others_cores $cpu_before)
    g_rss=$(rss_mib "$bench_pid")
    sql=$(sql_of "$(sed -n 1p "$paths")")
    [ "$scenario" = author ] && sql="$sql+$(sql_of "$(sed -n 2p "$paths")")"
    echo "galley: $g"
    run_wrk "http://127.0.0.1:$nginx_port" "$paths" "$WARMUP" > /dev/null
    n=$(run_wrk "http://127.0.0.1:$nginx_port" "$paths" "$DURATION")
    n_rss=$(rss_mib "$nginx_pid")
    echo "nginx:  $n"
    rows+=("$(awk -v set="$set" -v sc="$scenario" -v gr="$(field rps "$g")" -v nr="$(field rps "$n")" \
      -v g50="$(field p50_ms "$g")" -v g99="$(field p99_ms "$g")" -v n50="$(field p50_ms "$n")" -v n99="$(field p99_ms "$n")" \
      -v ge="$(field status_errors "$g")/$(field socket_errors "$g")" -v ne="$(field status_errors "$n")/$(field socket_errors "$n")" \
      -v sql="$sql" -v cold="$(field sql_median "$snap")" -v rss="$g_rss" -v nrss="$n_rss" -v np="$(field paths "$g")" \
      -v kb="$(field bytes_avg "$snap")" -v failed="$(field failed "$snap")" -v other="$other" \
      'BEGIN { printf "%-10s %-8s %6d %7.1f %9.0f %9.0f %7.1f%% %8.1f %8.1f %6.2f %6.2f %7s %7s %6s %5s %6s %6s %6s %5s\n",
                      set, sc, np, kb / 1024, gr, nr, (nr > 0 ? 100 * gr / nr : 0), g50, g99, n50, n99, ge, ne, sql, cold, failed, rss, nrss, other }')")
    echo "${rows[-1]}" >> "$out.rows"   # kept even when a run is cut short
  done
  stop_nginx
  stop_galley
  stop_postgres
  [ "${KEEP:-}" = 1 ] || rm -rf "$bench_data"
done

report ""
report "Seeding through the admin API (authors one by one, articles through POST /api/admin/articles/import, $BATCH a request, published):"
for r in "${seed_rows[@]}"; do report "  $r"; done
report ""
report "Cold start (Payara Micro launch, content already there):"
for r in "${cold_rows[@]}"; do report "  $r"; done
report ""
report "Reads: req/s over ${DURATION} s after a ${WARMUP} s warm-up, $THREADS wrk threads, $CONNECTIONS connections, cycling over the paths."
report "Each path was fetched once from Galley and written as a static file that nginx then served (same bytes)."
report "errors = responses >= 400 / socket errors (wrk); every path answered 200 when it was copied ('copy fail' counts those that did not)."
report "SQL = X-SQL-Statements of a request to the first path after the load (author: author page + author's articles), 'first' = median at the copy."
report "author = /api/authors/{slug} and /api/authors/{slug}/articles?size=10 alternating (two requests per page view)."
report "$(printf '%-10s %-8s %6s %7s %9s %9s %8s %8s %8s %6s %6s %7s %7s %6s %5s %6s %6s %6s %5s' \
  set scenario paths 'KiB' 'galley/s' 'nginx/s' 'g/nginx' 'g p50ms' 'g p99ms' 'n p50' 'n p99' 'g err' 'n err' 'SQL' 'first' 'copy' 'g RSS' 'n RSS' 'other')"
for r in "${rows[@]}"; do report "$r"; done
report ""
report "RSS in MiB after each scenario's load (nginx: master and workers). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
report "other = processor cores busy with anything but Galley and wrk during Galley's measured run (from /proc): other work on a shared machine."
echo "written to $out"
