#!/usr/bin/env bash
# Performance at scale: pfsh against public tools, on the release build, against the release
# pfsh-emulator over HTTPS on 127.0.0.1. Every comparison is interleaved (A, B, C, A, B, C, ...)
# so machine noise hits all contenders alike, and reported as medians and ratios:
#
#   1. replay of N client creations: a pfsh script (6 lines per client, as
#      scripts/examples/thingworx.pfsh, then commit) vs a Python requests.Session loop of POSTs vs
#      a bash loop of curl POSTs of the same JSON; each on a fresh emulator, verified afterwards
#      (exactly N clients, each as described, the same clients for every contender)
#   2. staging scaling: the same script with --dry-run for 1,000, 5,000 and 20,000 clients: wall
#      time, time per client, peak RSS
#   3. a one-shot `pfsh -c 'client show ID'` vs one `curl` GET, on a server with 10,000 clients
#   4. start-up: `pfsh -c help` vs `curl --version`, wall time and peak RSS
#   5. the completion benchmark (Benchmarks/pfsh-bench)
#
# Usage: Benchmarks/run.sh [--clients N] [--rounds R] [--smoke]
#   --clients N   clients created by each replay (default 1000)
#   --rounds R    rounds of sections 1 and 2 (default 5); sections 3 and 4 take 10 R and 20 R samples
#   --smoke       tiny sizes and 2 rounds, seconds instead of minutes: keeps this script working
#                 (scripts/test.sh runs it); its figures mean nothing
# Environment:
#   PFSH_RELEASE_BIN=DIR  use the release binaries in DIR (pfsh, pfsh-emulator, and pfsh-bench when
#                         there) instead of building them with `swift build -c release`
#
# Needs bash, curl, python3 with requests (installed with pip when missing) and GNU time
# (installed with apt-get when missing and run as root). Exits non-zero when a run or a
# verification fails; the targets are reported, never enforced. Cleans up everything it starts.
set -euo pipefail
cd "$(dirname "$0")/.."

clients=1000
rounds=5
smoke=0
stage_sizes="1000 5000 20000"
seed_count=10000
bench_clients=10000
bench_rounds=2000

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "run.sh: $*" >&2; exit 1; }
usage_error() { echo "run.sh: $*" >&2; exit 2; }

while (($#)); do
    case "$1" in
        --clients) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--clients needs a positive number"; clients=$2; shift 2 ;;
        --rounds) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--rounds needs a positive number"; rounds=$2; shift 2 ;;
        --smoke) smoke=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
if ((smoke)); then
    clients=10
    rounds=2
    stage_sizes="20 50 100"
    seed_count=50
    bench_clients=1000
    bench_rounds=20
fi
((clients <= 99999)) || usage_error "--clients is at most 99999 (IDs are bench-00001 ...)"
oneshot_samples=$((10 * rounds))
startup_samples=$((20 * rounds))

# --- tools -----------------------------------------------------------------------------------------

command -v curl >/dev/null || die "curl is missing (apt-get install -y curl)"
command -v python3 >/dev/null || die "python3 is missing (apt-get install -y python3)"
if ! python3 -c 'import requests' 2>/dev/null; then
    echo "run.sh: installing Python requests with pip" >&2
    python3 -m pip install --quiet requests 2>/dev/null ||
        python3 -m pip install --quiet --break-system-packages requests ||
        die "Python requests is missing (python3 -m pip install requests)"
fi
if [[ ! -x /usr/bin/time ]]; then
    if ((EUID == 0)); then
        echo "run.sh: installing GNU time with apt-get" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null || die "could not install GNU time"
    else
        die "GNU time is missing (apt-get install -y time)"
    fi
fi
gnu_time=/usr/bin/time
helper="Benchmarks/run-helper.py"

# --- binaries ------------------------------------------------------------------------------------

if [[ -n ${PFSH_RELEASE_BIN:-} ]]; then
    bin=$PFSH_RELEASE_BIN
    echo "run.sh: using the release binaries in $bin" >&2
else
    echo "run.sh: building pfsh and pfsh-emulator for release" >&2
    swift build -c release --product pfsh >&2
    swift build -c release --product pfsh-emulator >&2
    bin=$(swift build -c release --show-bin-path)
fi
for tool in pfsh pfsh-emulator; do
    [[ -x $bin/$tool ]] || die "no $tool in $bin"
done
pfsh=$bin/pfsh
emulator=$bin/pfsh-emulator
# The completion benchmark: beside the binaries, or built for release; a smoke run given binaries
# without it takes the debug build (the test suite has just made it), its figures mean nothing anyway.
bench_build=release
if [[ -x $bin/pfsh-bench ]]; then
    pfsh_bench=$bin/pfsh-bench
else
    if ((smoke)) && [[ -n ${PFSH_RELEASE_BIN:-} ]]; then bench_build=debug; fi
    echo "run.sh: building pfsh-bench ($bench_build)" >&2
    swift build -c "$bench_build" --product pfsh-bench >&2
    pfsh_bench=$(swift build -c "$bench_build" --show-bin-path)/pfsh-bench
fi

# --- work folder and clean-up --------------------------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/pfsh-bench.XXXXXX")
emulator_pids=()

stop_emulator() { # PID: SIGTERM, up to 5 s to exit, then SIGKILL
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local pid
    for pid in "${emulator_pids[@]}"; do stop_emulator "$pid"; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Secrets reach the tools through the environment or a 0600 file, never through arguments.
export PFSH_BENCH_PASSWORD="bench-$RANDOM-$RANDOM-password"
export PFSH_BENCH_CLIENT_SECRET="bench-client-secret-$RANDOM$RANDOM$RANDOM-0123456789abcdef"
# No rc file, no history: pfsh sees only what the benchmark gives it.
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"
(
    umask 077
    printf 'Authorization: Basic %s\nX-XSRF-Header: PingFederate\nContent-Type: application/json\nAccept: application/json\n' \
        "$(printf 'administrator:%s' "$PFSH_BENCH_PASSWORD" | base64 -w0)" >"$work/curl-headers"
)

# The curl contender: one curl process (and TLS handshake) per client, as a bash loop does it.
cat >"$work/curl-loop.sh" <<'EOF'
#!/usr/bin/env bash
# curl-loop.sh URL CA HEADERS BODIES: POST each line of BODIES with its own curl.
set -euo pipefail
mapfile -t bodies <"$4"
for body in "${bodies[@]}"; do
    curl -sS --fail --cacert "$2" -H @"$3" --data-binary "$body" -o /dev/null "$1/oauth/clients"
done
EOF

results=$work/results.tsv
: >"$results"
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"; } # section label round seconds rss-KiB

# Sets emu_url (…/pf-admin-api/v1), emu_base (https://127.0.0.1:PORT), emu_ca, emu_pid, and
# pfsh_at (pfsh with the flags that connect to it).
emulator_serial=0
start_emulator() {
    local dir="$work/emulator-$((++emulator_serial))" i
    mkdir -p "$dir"
    "$emulator" --host 127.0.0.1 --port 0 --runtime-port 0 --ca-out "$dir/ca.pem" \
        --password-env PFSH_BENCH_PASSWORD >"$dir/stdout" 2>"$dir/stderr" &
    emu_pid=$!
    emulator_pids+=("$emu_pid")
    for ((i = 0; i < 600; i++)); do
        grep -qx ready "$dir/stdout" && break
        kill -0 "$emu_pid" 2>/dev/null || die "the emulator exited at start: $(cat "$dir/stderr")"
        sleep 0.05
    done
    grep -qx ready "$dir/stdout" || die "the emulator was not ready within 30 s"
    emu_url=$(sed -n 's/^admin-url //p' "$dir/stdout")
    emu_ca=$(sed -n 's/^ca-file //p' "$dir/stdout")
    emu_base=${emu_url%/pf-admin-api/v1}
    [[ $emu_url == https://127.0.0.1:*/pf-admin-api/v1 && -s $emu_ca ]] || die "unexpected emulator announcement: $(cat "$dir/stdout")"
    pfsh_at=("$pfsh" --url "$emu_base" --ca-file "$emu_ca" --password-env PFSH_BENCH_PASSWORD)
}
end_emulator() {
    stop_emulator "$emu_pid"
    local kept=() pid
    for pid in "${emulator_pids[@]}"; do [[ $pid == "$emu_pid" ]] || kept+=("$pid"); done
    emulator_pids=("${kept[@]}")
}

# timed LOG COMMAND...: runs COMMAND under GNU time, stdout and stderr to LOG.*; sets secs and kib.
# Fails loudly, with the end of its stderr, when COMMAND fails.
timed() {
    local log=$1 t0 t1 status=0
    shift
    t0=$EPOCHREALTIME
    "$gnu_time" -f '%M' -o "$log.rss" "$@" >"$log.out" 2>"$log.err" || status=$?
    t1=$EPOCHREALTIME
    if ((status != 0)); then
        echo "run.sh: failed (exit $status): $*" >&2
        tail -n 20 "$log.err" >&2
        exit 1
    fi
    secs=$(elapsed "$t0" "$t1")
    kib=$(tail -n 1 "$log.rss")
}
# elapsed T0 T1: seconds between two $EPOCHREALTIME readings, with microseconds.
elapsed() {
    local us=$((10#${2/./} - 10#${1/./}))
    printf '%d.%06d' $((us / 1000000)) $((us % 1000000))
}
verify() { # N: prints the digest of the stored clients, or fails
    python3 "$helper" verify "$emu_url" "$emu_ca" "$1" || die "verification failed"
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(load_average)
echo "run.sh: work folder $work; load average $load_start" >&2

# --- 1. replay -----------------------------------------------------------------------------------

python3 "$helper" script "$clients" "$work/replay.pfsh"
python3 "$helper" bodies "$clients" "$work/bodies.jsonl"
echo "run.sh: 1. replay of $clients clients, $rounds rounds" >&2
reference_digest=
for ((round = 1; round <= rounds; round++)); do
    for contender in pfsh python curl; do
        start_emulator
        case $contender in
            pfsh) timed "$work/replay-pfsh" "${pfsh_at[@]}" "$work/replay.pfsh" ;;
            python) timed "$work/replay-python" python3 "$helper" post "$emu_url" "$emu_ca" "$work/bodies.jsonl" ;;
            curl) timed "$work/replay-curl" bash "$work/curl-loop.sh" "$emu_url" "$emu_ca" "$work/curl-headers" "$work/bodies.jsonl" ;;
        esac
        digest=$(verify "$clients")
        end_emulator
        reference_digest=${reference_digest:-$digest}
        [[ $digest == "$reference_digest" ]] || die "the $contender replay stored other clients than the first replay"
        record replay "$contender" "$round" "$secs" "$kib"
        printf '   round %d %-7s %10s s  verified %d clients\n' "$round" "$contender" "$secs" "$clients" >&2
    done
done

# --- 2. staging scaling (--dry-run) --------------------------------------------------------------

echo "run.sh: 2. dry-run staging of $stage_sizes clients, $rounds rounds" >&2
for size in $stage_sizes; do
    python3 "$helper" script "$size" "$work/stage-$size.pfsh"
done
start_emulator
for ((round = 1; round <= rounds; round++)); do
    for size in $stage_sizes; do
        timed "$work/stage-$size" "${pfsh_at[@]}" --dry-run "$work/stage-$size.pfsh"
        posts=$(grep -c '^POST ' "$work/stage-$size.out" || true)
        ((posts == size)) || die "--dry-run of $size clients printed $posts POST requests"
        record dryrun "$size" "$round" "$secs" "$kib"
        printf '   round %d %6d clients %10s s  %6d KiB\n' "$round" "$size" "$secs" "$kib" >&2
    done
done
verify 0 >/dev/null # a dry run writes nothing
end_emulator

# --- 3. one-shot on a server with many clients ---------------------------------------------------

echo "run.sh: 3. one-shot on a server with $seed_count clients, $oneshot_samples samples" >&2
start_emulator
python3 "$helper" bodies "$seed_count" "$work/seed.jsonl"
python3 "$helper" post "$emu_url" "$emu_ca" "$work/seed.jsonl"
verify "$seed_count" >/dev/null
show_id=$(printf 'bench-%05d' $(((seed_count + 1) / 2)))
for ((sample = 1; sample <= oneshot_samples; sample++)); do
    timed "$work/oneshot-pfsh" "${pfsh_at[@]}" -c "client show $show_id"
    grep -q "$show_id" "$work/oneshot-pfsh.out" || die "pfsh -c 'client show $show_id' did not show it"
    record oneshot pfsh "$sample" "$secs" "$kib"
    timed "$work/oneshot-curl" curl -sS --fail --cacert "$emu_ca" -H @"$work/curl-headers" "$emu_url/oauth/clients/$show_id"
    grep -q "\"clientId\":\"$show_id\"" "$work/oneshot-curl.out" || die "curl GET of $show_id did not return it"
    record oneshot curl "$sample" "$secs" "$kib"
done
# The same server's IDs in the shell completion cache (a listing writes it), then Tabs in the
# user's shell: `pfsh __complete` as the completion scripts start it, answered from the cache.
complete_home=$work/complete-home
mkdir -p "$complete_home/config/pfsh"
echo "profile define bench --url $emu_base --ca-file $emu_ca --password-env PFSH_BENCH_PASSWORD" >"$complete_home/config/pfsh/pfshrc"
XDG_CACHE_HOME=$complete_home/cache timed "$work/complete-fill" "${pfsh_at[@]}" -c "client list"
complete_env=(env HOME="$complete_home" XDG_CONFIG_HOME="$complete_home/config" XDG_CACHE_HOME="$complete_home/cache")
for ((sample = 1; sample <= oneshot_samples; sample++)); do
    timed "$work/complete-pfsh" "${complete_env[@]}" "$pfsh" __complete bash -- --profile bench client show bench-0000
    (($(wc -l <"$work/complete-pfsh.out") == 9)) || die "pfsh __complete did not offer bench-00001 to bench-00009"
    record complete pfsh "$sample" "$secs" "$kib"
done
end_emulator

# --- 4. start-up ---------------------------------------------------------------------------------

echo "run.sh: 4. start-up, $startup_samples samples" >&2
# Wall time without GNU time in between (a few ms matter here); peak RSS from separate runs.
run_bare() { # LABEL COMMAND...
    local label=$1 t0 t1
    shift
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>"$work/startup.err" || die "failed: $* ($(cat "$work/startup.err"))"
    t1=$EPOCHREALTIME
    record startup "$label" "$sample" "$(elapsed "$t0" "$t1")" -
}
for ((sample = 1; sample <= startup_samples; sample++)); do
    run_bare pfsh "$pfsh" -c help
    run_bare curl curl --version
    timed "$work/startup-pfsh" "$pfsh" -c help
    record startup-rss pfsh "$sample" "$secs" "$kib"
    timed "$work/startup-curl" curl --version
    record startup-rss curl "$sample" "$secs" "$kib"
done

# --- 5. completion -------------------------------------------------------------------------------

echo "run.sh: 5. completion benchmark ($bench_clients clients, $bench_rounds Tabs per line)" >&2
PFSH_BENCH_CLIENTS=$bench_clients PFSH_BENCH_ROUNDS=$bench_rounds "$pfsh_bench" >"$work/completion.txt" ||
    die "pfsh-bench failed"

# --- summary -------------------------------------------------------------------------------------

{
    echo "smoke=$smoke"
    echo "clients=$clients"
    echo "rounds=$rounds"
    echo "stage_sizes=$stage_sizes"
    echo "seeded=$seed_count"
    echo "oneshot_pfsh=pfsh --url URL --ca-file CA -c 'client show $show_id'"
    echo "oneshot_curl=curl --cacert CA -H @headers URL/oauth/clients/$show_id"
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "nproc=$(nproc)"
    echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "kernel=$(uname -r)"
    echo "load_start=$load_start"
    echo "load_end=$(load_average)"
    echo "pfsh_version=$("$pfsh" --version 2>&1 | head -n 1)"
    echo "curl_version=$(curl --version | head -n 1 | cut -d' ' -f1-2)"
    echo "python_version=$(python3 -c 'import platform; print(platform.python_version())')"
    echo "bench_build=$bench_build"
    echo "requests_version=$(python3 -c 'import requests; print(requests.__version__)')"
} >"$work/meta"
python3 "$helper" summary "$results" "$work/meta" "$work/completion.txt"
