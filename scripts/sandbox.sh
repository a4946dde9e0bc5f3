#!/usr/bin/env bash
# Builds pfsh and starts it on the bundled sandbox: pfsh-emulator with demo data on a free
# loopback port, trusted and connected; the emulator stops when pfsh exits.
# Usage: scripts/sandbox.sh [pfsh flags, e.g. -c 'client list']
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
swift build >&2
exec .build/debug/pfsh --sandbox "$@"
