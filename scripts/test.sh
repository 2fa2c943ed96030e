#!/usr/bin/env bash
# Set up everything the tests need (virtual environment, test packages, a Chromium) and run
# the whole suite: lint, unit tests and real-browser tests. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

# Browser tests need a Chromium. Playwright's own download does not work everywhere, so
# prefer the system's; as root on Debian/Ubuntu, install it, with its headless shell, which
# the tests use when it is there (harness/browser.py: they run about a third faster in it).
as_root_with_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
found() { .venv/bin/python -c 'import sys; from harness.browser import chromium_path; sys.exit(0 if chromium_path(shell=True) else 1)'; }
has_shell() { .venv/bin/python -c 'import sys; from harness.browser import HEADLESS_SHELL, chromium_path; sys.exit(0 if chromium_path(shell=True) == HEADLESS_SHELL else 1)'; }
apt_lists_fresh=""
if ! found; then
  if as_root_with_apt; then
    echo "Installing Chromium for the browser tests..."
    apt-get update -qq && apt_lists_fresh=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    .venv/bin/python -m playwright install chromium || echo "Could not install Chromium; see README."
  fi
fi
if [ -z "${CHROMIUM_PATH:-}" ] && ! has_shell && as_root_with_apt; then
  echo "Installing Chromium's headless shell for the browser tests..."
  { { [ -n "$apt_lists_fresh" ] || apt-get update -qq; } \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; } \
    || echo "Could not install chromium-headless-shell; the tests use the full browser."
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy            # the types in webapp/ (settings in pyproject.toml)
.venv/bin/lint-imports    # the architecture: layers, independent views, a domain without Flask
set +e
# Two workers (CI has two cores), each taking whole test files; the site's crawl and its
# export are still made once per run (tests/conftest.py). PYTEST_WORKERS=0 runs it in one.
# Files are handed out in the suite's own order, the slowest first (tests/conftest.py), not
# xdist's default of the most tests first, which left the slowest two for the end.
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadfile --no-loadscope-reorder "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure, not a pass." >&2
  exit 1
fi
exit "$status"
