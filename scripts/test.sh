#!/usr/bin/env bash
# Runs every test: unit, in-process emulator, and end-to-end against the built binaries,
# including the cross-check of the emulator against the Admin API spec when the tool is present,
# and the install and Debian package tests against one release build; then a short fuzzing run.
# Usage: scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

# The conformance cross-check validates bodies with a JSON schema validator.
if ! python3 -c 'import openapi_schema_validator' 2>/dev/null && ! python3 -c 'import jsonschema' 2>/dev/null; then
    python3 -m pip install --quiet openapi-schema-validator || echo "test: no JSON schema validator for the conformance check" >&2
fi

swift build --build-tests
# A test that needs a program from outside the package (tmux, bash, zsh, fish, the conformance tool
# beside the project) fails here when it is missing, instead of being skipped (RequiredTool).
export PFSH_REQUIRE_ALL=1
# One release build, shared by the tests of scripts/install.sh and scripts/package-deb.sh.
PFSH_RELEASE_PRODUCTS=$(scripts/release-build.sh)
export PFSH_RELEASE_PRODUCTS
swift test --skip-build "$@"

# Thirty seconds of fuzzing the parsers (scripts/fuzz.sh); a cold build of the fuzzer takes about
# 20 s more. It fails on any crash and prints the input.
scripts/fuzz.sh 30

# The performance benchmark's smoke run (tiny sizes, seconds): keeps Benchmarks/run.sh working.
# It reuses a release build when one was made (PFSH_RELEASE_BIN, or PFSH_RELEASE_PRODUCTS from a
# shared release build), and otherwise builds pfsh and pfsh-emulator for release itself.
PFSH_RELEASE_BIN="${PFSH_RELEASE_BIN:-${PFSH_RELEASE_PRODUCTS:-}}" Benchmarks/run.sh --smoke
