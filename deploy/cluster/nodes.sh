#!/usr/bin/env bash
# Starts, stops or lists N Galley nodes on this machine as one cluster, for trying a cluster out or for a
# machine that runs several nodes: every node runs deploy/run.sh with its own port, data directory and
# data-grid port, all against the same PostgreSQL, clustered over TCP/IP on the loopback interface.
#
#   GALLEY_DB_URL=jdbc:postgresql://localhost:5432/galley GALLEY_DB_USER=galley GALLEY_DB_PASSWORD=secret \
#   GALLEY_ADMIN_USER=editor-in-chief GALLEY_ADMIN_PASSWORD='a long passphrase' \
#   GALLEY_JWT_SIGNING_KEY="$(cat signing-key.pem)" \
#   deploy/cluster/nodes.sh start 3        # nodes on ports 8081, 8082, 8083 (data grid 9081, 9082, 9083)
#   deploy/cluster/nodes.sh status
#   deploy/cluster/nodes.sh stop
#
# Environment: FIRST_PORT (8081), GALLEY_CLUSTER_NAME (galley), CLUSTER_DIR (./cluster: data/, logs, pids),
# and everything deploy/run.sh reads (JAVA_OPTS, PAYARA_OPTS, GALLEY_*). Nodes on several machines are
# started with deploy/run.sh directly (see deploy/cluster/README.md).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run="$here/../run.sh"
dir=${CLUSTER_DIR:-$PWD/cluster}
first=${FIRST_PORT:-8081}

ready() {
  curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$1/health/ready" 2>/dev/null
}

case "${1:-}" in
  start)
    n=${2:?how many nodes?}
    [ -n "${GALLEY_DB_URL:-}" ] || { echo "nodes.sh: set GALLEY_DB_URL (the cluster's PostgreSQL)" >&2; exit 1; }
    mkdir -p "$dir"
    members=""
    for i in $(seq 0 $((n - 1))); do members="${members:+$members,}127.0.0.1:$((first + i + 1000))"; done
    for i in $(seq 0 $((n - 1))); do
      port=$((first + i))
      if [ -f "$dir/node-$port.pid" ] && kill -0 "$(cat "$dir/node-$port.pid")" 2>/dev/null; then
        echo "node on port $port is already running (pid $(cat "$dir/node-$port.pid"))"
        continue
      fi
      PORT=$port GALLEY_DATA_DIR="$dir/data/node-$port" GALLEY_HAZELCAST_PORT=$((port + 1000)) \
        GALLEY_CLUSTER_MEMBERS="$members" GALLEY_CLUSTER_NAME="${GALLEY_CLUSTER_NAME:-galley}" \
        GALLEY_HTTP_TRUSTED_PROXIES="${GALLEY_HTTP_TRUSTED_PROXIES:-127.0.0.1}" \
        nohup "$run" > "$dir/node-$port.log" 2>&1 &
      echo $! > "$dir/node-$port.pid"
      echo "node on port $port starting (pid $!, log $dir/node-$port.log)"
    done
    # A failed deployment does not end Payara Micro: wait for readiness, and say which node did not come up.
    for i in $(seq 0 $((n - 1))); do
      port=$((first + i))
      for _ in $(seq 1 180); do ready "$port" && break; sleep 2; done
      if ready "$port"; then echo "node on port $port ready"; else echo "node on port $port NOT ready after 6 minutes: see $dir/node-$port.log" >&2; fi
    done
    ;;
  stop)
    for pidfile in "$dir"/node-*.pid; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null && echo "stopping pid $pid ($pidfile)"
      rm -f "$pidfile"
    done
    ;;
  status)
    for pidfile in "$dir"/node-*.pid; do
      [ -f "$pidfile" ] || continue
      port=$(basename "$pidfile" .pid); port=${port#node-}
      if kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        if ready "$port"; then state=ready; else state="running, not ready"; fi
      else
        state=stopped
      fi
      echo "node on port $port: $state"
    done
    ;;
  *)
    echo "usage: $0 start N | stop | status" >&2
    exit 2
    ;;
esac
