#!/usr/bin/env bash
# Set up a virtual environment (first time only) and run Stride Anatomy on http://127.0.0.1:5000/
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/python -m webapp "$@"
