#!/usr/bin/env bash
# The bad-input suite's long run: malformed and hostile requests to every operation of the /openapi
# document, every hostile string in every field, ROUNDS rounds with different seeds, against a fresh Galley
# on the embedded database. Prints requests by kind, statuses, 5xx answers and whether stored content changed.
#
#   src/test/bench/bad-input.sh             # 1 round
#   ROUNDS=3 src/test/bench/bad-input.sh
source "$(dirname "$0")/lib.sh"
build_galley
trap stop_galley EXIT
start_galley "${PORT:-8093}"
/usr/bin/env java -cp "$bench_cp" galley.bench.BadInput --url "http://localhost:${PORT:-8093}" \
  --user "$bench_user" --password "$bench_password" --rounds "${ROUNDS:-1}"
