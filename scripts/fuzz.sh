#!/usr/bin/env bash
# Fuzzes the pure parsers with libFuzzer for SECONDS (default 60): the JSON parser and printer, the
# script reader, preflight and lexer, quoting, the command parser, pfsh's own arguments and
# completion, through one entry point (Fuzz/Sources), seeded from Fuzz/corpus.
# Usage: scripts/fuzz.sh [SECONDS]
# Prints how many inputs it tried. A crash, a failed check or an input slower than 10 s exits
# non-zero and leaves that input in Fuzz/crashes/; the fuzzer binary, given that file, runs it again.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
out=.build/fuzz
mkdir -p "$out/corpus" Fuzz/crashes

# Built with swiftc rather than SwiftPM: PFShellJSON and PFShellCore depend on nothing else, and
# three compiler calls cost far less than a second package build with its dependencies.
# -Onone builds in about 20 s, -O in about a minute but then tries 2.4 times the inputs a second,
# so only a run longer than two minutes is built with -O (each in its own folder).
# No AddressSanitizer: these modules use no unsafe pointers, Swift's own checks (bounds, overflow,
# exclusivity) already trap, and it made every input four times slower.
if [ "$seconds" -gt 120 ]; then optimization=-O; else optimization=-Onone; fi
bin=$out/${optimization#-}
mkdir -p "$bin"
flags=(-swift-version 6 -enable-upcoming-feature ExistentialAny -parse-as-library "$optimization" -sanitize=fuzzer)

# True when $1 is missing or anything under the other arguments is newer.
stale() {
    local target=$1
    shift
    [ ! -e "$target" ] || [ -n "$(find "$@" -newer "$target" -print -quit)" ]
}

# module NAME FOLDER: one module compiled whole into $bin/NAME.o and its .swiftmodule.
module() {
    local sources
    mapfile -t sources < <(find "$2" -name '*.swift' | sort)
    swiftc "${flags[@]}" -module-name "$1" -wmo -I "$bin" -emit-module -emit-module-path "$bin/$1.swiftmodule" \
        -c "${sources[@]}" -o "$bin/$1.o"
    # swiftc keeps an output's old time when its content is unchanged, which would leave it stale.
    touch "$bin/$1.o"
}

build_started=$SECONDS
if stale "$bin/PFShellJSON.o" Sources/PFShellJSON scripts/fuzz.sh; then
    module PFShellJSON Sources/PFShellJSON
fi
if stale "$bin/PFShellCore.o" Sources/PFShellCore "$bin/PFShellJSON.o"; then
    module PFShellCore Sources/PFShellCore
fi
if stale "$bin/pfsh-fuzz" Fuzz/Sources "$bin/PFShellCore.o"; then
    swiftc "${flags[@]}" -module-name PFShellFuzz -I "$bin" -use-ld=lld Fuzz/Sources/*.swift \
        "$bin/PFShellJSON.o" "$bin/PFShellCore.o" -o "$bin/pfsh-fuzz"
    touch "$bin/pfsh-fuzz"
fi
echo "fuzz: built ($optimization) in $((SECONDS - build_started)) s"

# The dictionary: the script syntax, plus every command word, option and field name as written in
# the command table and the field catalog, which the fuzzer learns only slowly from Swift's
# string compares.
{
    cat Fuzz/syntax.dict
    grep -ohE '"[-a-zA-Z.?]{1,30}( [-a-zA-Z.?]{1,20})?"' \
        Sources/PFShellCore/Commands/CommandTable.swift Sources/PFShellCore/Model/FieldCatalog+Fields.swift | sort -u
} >"$out/pfsh.dict"

# New inputs go to the first folder (under .build, not committed); the seeds are only read.
touch "$out/started"
status=0
# Swift's own crash handler would take the trap of a failed check before libFuzzer saves the input.
SWIFT_BACKTRACE=enable=no "$bin/pfsh-fuzz" "$out/corpus" Fuzz/corpus -dict="$out/pfsh.dict" -max_len=4096 -timeout=10 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ >"$out/fuzz.log" 2>&1 || status=$?
elapsed=$(($(date +%s) - $(date +%s -r "$out/started")))

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz.log")
if [ "$status" -ne 0 ]; then
    tail -n 40 "$out/fuzz.log"
    # The input in base64 too, for a run whose folder is gone (CI).
    find Fuzz/crashes -type f -newer "$out/started" -exec sh -c 'echo "fuzz: $1 in base64:"; base64 -w0 "$1"; echo' sh {} \;
    echo "fuzz: FAILED after ${runs:-?} inputs (exit $status); the input is in Fuzz/crashes/ (run it again with" \
        "$bin/pfsh-fuzz FILE), the log in $out/fuzz.log" >&2
    exit "$status"
fi
echo "fuzz: ${runs:-?} inputs in $elapsed s, no crash"
