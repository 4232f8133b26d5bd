#!/usr/bin/env bash
# Set up (idempotent, with the test tools) and run the whole test suite, lint included.
set -euo pipefail
root_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$root_dir"
scripts/setup.sh test
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
