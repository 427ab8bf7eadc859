#!/usr/bin/env bash
# Keeps nginx's upstream list in step with the nodes' readiness: every INTERVAL seconds it asks each node's
# GET /health/ready (200: ready; anything else or no answer within 3 s: not ready), writes upstreams.conf with
# the nodes that are not ready marked "down", and reloads nginx when that changed. Open-source nginx has only
# passive health checks; this gives it active ones on the endpoint made for them.
#
#   deploy/cluster/ready-upstreams.sh 127.0.0.1:8081 127.0.0.1:8082 ...
#
# Environment: INTERVAL (2), UPSTREAMS (upstreams.conf next to this script), NGINX_RELOAD ("nginx -s reload
# -c <dir>/nginx.conf -p <dir>/").
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
conf=${UPSTREAMS:-$here/upstreams.conf}
reload=${NGINX_RELOAD:-nginx -s reload -c $here/nginx.conf -p $here/}
[ $# -gt 0 ] || { echo "usage: $0 host:port ..." >&2; exit 2; }

while true; do
  next="# Written by ready-upstreams.sh at each change of the nodes' readiness (GET /health/ready).
upstream galley {"
  ready=0
  for node in "$@"; do
    if curl -fsS -o /dev/null --max-time 3 "http://$node/health/ready" 2>/dev/null; then
      next="$next
    server $node max_fails=1 fail_timeout=5s;"
      ready=$((ready + 1))
    else
      next="$next
    server $node down;"
    fi
  done
  next="$next
    keepalive 32;
}"
  # With no node ready, keep the last list rather than one nginx refuses (every server down): requests then fail fast.
  if [ "$ready" -gt 0 ] && [ "$next" != "$(cat "$conf" 2>/dev/null)" ]; then
    printf '%s\n' "$next" > "$conf.tmp" && mv "$conf.tmp" "$conf"
    echo "$(date -u +%FT%TZ) $ready of $# nodes ready; nginx reloaded"
    $reload || echo "nginx reload failed" >&2
  fi
  sleep "${INTERVAL:-2}"
done
