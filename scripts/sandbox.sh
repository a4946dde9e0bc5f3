#!/usr/bin/env bash
# Builds pfsh and runs the emulator with demo data on a free loopback port, until Ctrl-C.
# Usage: scripts/sandbox.sh [pfsh-emulator flags]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
swift build --product pfsh-emulator
exec .build/debug/pfsh-emulator --port 0 --seed demo --log "$@"
