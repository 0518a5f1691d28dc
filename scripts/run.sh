#!/usr/bin/env bash
# The main job, on a fresh machine: install, ingest the seed documents into the embedded store
# (incremental: a second run skips unchanged files), open the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/kg ingest seed_data/guide-2020.txt seed_data/documents
exec .venv/bin/kg serve "$@"
