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
# GALLEY_ADMIN_PASSWORD, GALLEY_JAVA_HOME (a Java 21+ runtime), JAVA_OPTS, GALLEY_WAR (a built WAR to run).
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
preboot="$GALLEY_DATA_DIR/.payara-preboot.txt"
echo "set hazelcast-runtime-configuration.start-port=${GALLEY_HAZELCAST_PORT:-$((PORT + 1000))}" > "$preboot"

# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS:--Xms256m -Xmx512m} --enable-native-access=ALL-UNNAMED \
  -Dgalley.data.dir="$GALLEY_DATA_DIR" \
  -jar "$micro" \
  --deploy "$war" --contextroot / \
  --port "$PORT" --nocluster \
  --prebootcommandfile "$preboot" \
  ${PAYARA_OPTS:-}
