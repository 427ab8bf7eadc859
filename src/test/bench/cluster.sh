#!/usr/bin/env bash
# The cluster test with bigger numbers: the scenarios of galley.cluster.ClusterIT (two clustered nodes with a
# PostgreSQL and an OpenSearch node of their own; changes shown on the other node, scheduled publishing, a PostgreSQL outage, kill -9 of
# a node in the middle of writes, OpenSearch outages) with 30 propagation rounds, 8 writing clients for 30 s before the kill,
# 100 scheduled articles per group and a 30 s outage. About 10 minutes on two cores.
#
#   src/test/bench/cluster.sh                       # builds, then runs it under the shared lock
#   src/test/bench/cluster.sh -Dgalley.cluster.writers=16   # any ClusterIT setting (see ClusterIT.Scale)
#
# The figures are printed and written to target/cluster/figures-*.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -q -B package -DskipTests
flock /tmp/galley-it.lock mvn -B failsafe:integration-test@postgresql -Dit.test=ClusterIT -Dgalley.cluster.long=true "$@"
cat "$(ls -t target/cluster/figures-*.txt | head -1)"
