#!/usr/bin/env bash
# Quick start: set up (idempotent) and launch Repliq on its built-in default scenario.
set -euo pipefail
root_dir=$(cd "$(dirname "$0")/.." && pwd)
"$root_dir/scripts/setup.sh"
exec "$root_dir/.venv/bin/repliq" "$@"
