#!/usr/bin/env bash
# The tests, on a fresh machine: install everything, start a real Neo4j 5.26 (fetched from Maven
# Central by `kg neo4j start`, no Docker), run pytest against both stores and a real Chromium,
# stop Neo4j. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --system

export KG_DATA_DIR="${KG_TEST_DATA_DIR:-$PWD/.kg-test}"
mkdir -p "$KG_DATA_DIR"
stop_neo4j() { .venv/bin/kg neo4j stop >/dev/null 2>&1 || true; }
trap stop_neo4j EXIT

# kg neo4j start prints NEO4J_URI=…, NEO4J_USER=…, NEO4J_PASSWORD=… lines
env_lines=$(.venv/bin/kg neo4j start)
while IFS= read -r line; do
  case "$line" in NEO4J_URI=*|NEO4J_USER=*|NEO4J_PASSWORD=*) export "${line?}" ;; esac
done <<< "$env_lines"
echo "Neo4j running at $NEO4J_URI"

export KG_REQUIRE_NEO4J=1 KG_REQUIRE_BROWSER=1
# one process a core; the tests of the shared Neo4j, and those that start a Neo4j of their own, run one after
# another in one of them (tests/conftest.py). (The own-server tests ran after the rest, alone, from 2026-12-01 to
# 2026-12-07, for a start that "died silently" about once in eight runs: /proc/PID/cmdline read empty right after
# the exec, which kg.neo4j_server took for an exit; a started child is now judged by its handle.)
.venv/bin/python -m pytest -rs -n auto --dist loadgroup "$@"
