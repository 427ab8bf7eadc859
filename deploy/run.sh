#!/usr/bin/env bash
# Builds Galley if needed and runs it on Payara Micro at http://localhost:${PORT:-8080}/.
#
#   deploy/run.sh
#
# Without GALLEY_DB_URL it runs on the embedded H2 database under ${GALLEY_DATA_DIR:-./data}, in demo
# mode: a demo admin (printed below) and, on an empty database, demo content.
# With GALLEY_DB_URL=jdbc:postgresql://... (and GALLEY_DB_USER, GALLEY_DB_PASSWORD) it runs on PostgreSQL
# and demo mode is off unless GALLEY_DEMO_ENABLED=true.
#
# Environment: PORT, GALLEY_DATA_DIR, GALLEY_DB_URL, GALLEY_DB_USER, GALLEY_DB_PASSWORD,
# GALLEY_DEMO_ENABLED, GALLEY_DEMO_ADMIN_USER, GALLEY_DEMO_ADMIN_PASSWORD, GALLEY_ADMIN_USER,
# GALLEY_ADMIN_PASSWORD, GALLEY_JAVA_HOME (a Java 21+ runtime), JAVA_OPTS, GALLEY_WAR (a built WAR to run),
# PAYARA_OPTS (more Payara Micro options).
#
# Clustered (several nodes on one PostgreSQL, caches in Payara's Hazelcast data grid; see deploy/cluster/README.md):
#   GALLEY_CLUSTER_MEMBERS  host:port of every node's data grid, comma-separated (TCP/IP discovery, no multicast),
#                           e.g. 10.0.0.11:5901,10.0.0.12:5901; unset: a single node (--nocluster)
#   GALLEY_CLUSTER_NAME     the cluster's name (default galley): nodes join only a cluster of that name
#   GALLEY_HAZELCAST_PORT   this node's data-grid port (default PORT + 1000); must be the one listed in the members
#   GALLEY_CLUSTER_INTERFACE  the address the data grid binds to (default: the host of this node's member entry)
#   GALLEY_CACHE_PROVIDER   defaults to payara when clustered (Galley's caches in the data grid)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
java="$here/bin/java21"
"$java" -version >/dev/null 2>&1 || { "$java" -version; exit 1; }

war=${GALLEY_WAR:-$root/target/galley.war}
micro=$root/target/payara-micro.jar
if [ -z "${GALLEY_WAR:-}" ]; then
  newest_source=$(find "$root/src/main" "$root/pom.xml" -type f -newer "$war" 2>/dev/null | head -n1 || true)
  if [ ! -f "$war" ] || [ ! -f "$micro" ] || [ -n "$newest_source" ]; then
    echo "galley: building the WAR (mvn package -DskipTests) ..."
    (cd "$root" && mvn -q -B package -DskipTests)
  fi
fi
[ -f "$micro" ] || (cd "$root" && mvn -q -B dependency:copy@payara-micro)

export PORT=${PORT:-8080}
export GALLEY_DATA_DIR=$(mkdir -p "${GALLEY_DATA_DIR:-$PWD/data}" && cd "${GALLEY_DATA_DIR:-$PWD/data}" && pwd)

if [ -z "${GALLEY_DB_URL:-}" ]; then
  export GALLEY_DEMO_ENABLED=${GALLEY_DEMO_ENABLED:-true}
else
  export GALLEY_DEMO_ENABLED=${GALLEY_DEMO_ENABLED:-false}
fi

if [ "$GALLEY_DEMO_ENABLED" = "true" ]; then
  export GALLEY_DEMO_ADMIN_USER=${GALLEY_DEMO_ADMIN_USER:-admin}
  if [ -z "${GALLEY_DEMO_ADMIN_PASSWORD:-}" ]; then
    # Generated once per data directory, so a restart keeps the same demo password.
    secret="$GALLEY_DATA_DIR/demo-admin-password"
    if [ ! -s "$secret" ]; then
      (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$secret")
    fi
    GALLEY_DEMO_ADMIN_PASSWORD=$(cat "$secret")
  fi
  export GALLEY_DEMO_ADMIN_PASSWORD
  cat <<BANNER
================================================================
 Galley DEMO run (embedded database in $GALLEY_DATA_DIR)
 DEMO-ONLY admin credentials, for this local demo and nothing else:
   user:     $GALLEY_DEMO_ADMIN_USER
   password: $GALLEY_DEMO_ADMIN_PASSWORD
 Public API:  http://localhost:$PORT/api/articles
 API docs:    http://localhost:$PORT/api/docs (document: /openapi)
 Health:      http://localhost:$PORT/health/ready
================================================================
BANNER
fi

# Payara Micro binds Hazelcast's port even without clustering; keep it away from other instances.
hazelcast_port=${GALLEY_HAZELCAST_PORT:-$((PORT + 1000))}
preboot="$GALLEY_DATA_DIR/.payara-preboot.txt"
echo "set hazelcast-runtime-configuration.start-port=$hazelcast_port" > "$preboot"

cluster_opts=(--nocluster)
if [ -n "${GALLEY_CLUSTER_MEMBERS:-}" ]; then
  [ -n "${GALLEY_DB_URL:-}" ] || { echo "galley: a cluster needs a shared database: set GALLEY_DB_URL (PostgreSQL)" >&2; exit 1; }
  # This node's own entry in the member list names the address its data grid binds to.
  interface=${GALLEY_CLUSTER_INTERFACE:-}
  if [ -z "$interface" ]; then
    IFS=, read -ra members <<< "$GALLEY_CLUSTER_MEMBERS"
    for m in "${members[@]}"; do
      [ "${m##*:}" = "$hazelcast_port" ] && { interface=${m%:*}; break; }
    done
  fi
  [ -n "$interface" ] || { echo "galley: no entry with port $hazelcast_port in GALLEY_CLUSTER_MEMBERS; set GALLEY_HAZELCAST_PORT or GALLEY_CLUSTER_INTERFACE" >&2; exit 1; }
  cluster_opts=(--clustername "${GALLEY_CLUSTER_NAME:-galley}" --clustermode "tcpip:$GALLEY_CLUSTER_MEMBERS" --interfaces "$interface")
  # Several nodes on one host keep each other's backups only without host-aware partitioning.
  case "$GALLEY_CLUSTER_MEMBERS" in
    *127.0.0.1:*|*localhost:*) cluster_opts+=(--nohostaware) ;;
  esac
  export GALLEY_CACHE_PROVIDER=${GALLEY_CACHE_PROVIDER:-payara}
  # A node that died is dropped from the cluster after 10 s without heartbeats (Hazelcast's default is 60 s).
  JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx512m} -Dhazelcast.max.no.heartbeat.seconds=${GALLEY_HAZELCAST_HEARTBEAT_SECONDS:-10}"
fi

# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS:--Xms256m -Xmx512m} --enable-native-access=ALL-UNNAMED \
  -Dgalley.data.dir="$GALLEY_DATA_DIR" \
  -jar "$micro" \
  --deploy "$war" --contextroot / \
  --port "$PORT" "${cluster_opts[@]}" \
  --prebootcommandfile "$preboot" \
  ${PAYARA_OPTS:-}
