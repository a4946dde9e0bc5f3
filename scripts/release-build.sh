#!/usr/bin/env bash
# Builds pfsh and pfsh-emulator for release with the Swift runtime and Foundation linked in
# (--static-swift-stdlib), so they run on a machine without the Swift toolchain; prints the folder
# that holds them. scripts/install.sh, scripts/package-deb.sh and scripts/test.sh build through it.
# Usage: scripts/release-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# lld packs the relative relocations (RELR): the loader touches fewer pages, so a one-shot command
# starts with less memory (about 0.8 MiB of pfsh's 16).
flags=(-c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs)
swift build "${flags[@]}" --product pfsh >&2
swift build "${flags[@]}" --product pfsh-emulator >&2
swift build "${flags[@]}" --show-bin-path
