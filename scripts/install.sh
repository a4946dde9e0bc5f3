#!/usr/bin/env bash
# Installs pfsh, pfsh-emulator, the manual page pfsh(1) and the shell completions where each shell
# looks by default. The binaries are release builds that need no Swift toolchain at run time.
# Usage: scripts/install.sh [--prefix DIR] [--destdir DIR] [--products DIR]
#   --prefix DIR    where pfsh is installed (default /usr/local): DIR/bin, DIR/share/man/man1, ...
#   --destdir DIR   write the files under DIR, as a package is staged (DIR/PREFIX/bin/pfsh, ...)
#   --products DIR  install the release build already in DIR (scripts/release-build.sh prints it)
#                   instead of building one
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() { sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "install: $2" >&2; exit "$1"; }

prefix=/usr/local
destdir=""
products=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix | --destdir | --products)
            [ $# -ge 2 ] && [ -n "$2" ] || fail 2 "$1 needs a folder"
            case "$1" in
                --prefix) prefix=$2 ;;
                --destdir) destdir=$2 ;;
                --products) products=$2 ;;
            esac
            shift 2
            ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; fail 2 "unknown argument '$1'" ;;
    esac
done
case "$prefix" in
    /*) ;;
    *) fail 2 "--prefix must be an absolute path, got '$prefix'" ;;
esac

if [ -z "$products" ]; then products=$("$root/scripts/release-build.sh"); fi
for binary in pfsh pfsh-emulator; do
    [ -x "$products/$binary" ] || fail 1 "no $binary in '$products'; build it with scripts/release-build.sh"
done
version=$("$products/pfsh" --version)
# The manual page is generated from the command table, like `help`.
manual=$(mktemp)
trap 'rm -f "$manual"' EXIT
"$products/pfsh" __man > "$manual"

target="$destdir$prefix"
install -d "$target/bin" "$target/share/man/man1"
install -m 0755 -s "$products/pfsh" "$products/pfsh-emulator" "$target/bin/"
install -m 0644 "$manual" "$target/share/man/man1/pfsh.1"

# Each shell's default place for completions of a command it did not ship with.
completions=(
    "pfsh.bash:share/bash-completion/completions/pfsh"
    "_pfsh:share/zsh/site-functions/_pfsh"
    "pfsh.fish:share/fish/vendor_completions.d/pfsh.fish"
)
for pair in "${completions[@]}"; do
    source_file="$root/completions/${pair%%:*}"
    if [ -f "$source_file" ]; then install -D -m 0644 "$source_file" "$target/${pair#*:}"; fi
done
echo "installed $version in $target"
