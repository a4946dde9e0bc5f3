#!/usr/bin/env bash
# Builds the Debian package pfsh_VERSION_ARCH.deb of what scripts/install.sh installs, under /usr.
# Its dependencies are the shared libraries the binaries load (dpkg-shlibdeps), libedit and libcurl
# among them; the version is pfsh's own (`pfsh --version`). The package has no maintainer scripts
# and no configuration files, so `apt remove pfsh` removes all of it.
# Usage: scripts/package-deb.sh [--products DIR] [--output DIR]
#   --products DIR  package the release build already in DIR instead of building one
#   --output DIR    where the .deb is written (default: the current folder); its path is printed
# Maintainer: $DEBFULLNAME <$DEBEMAIL> when set.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

fail() { echo "package-deb: $2" >&2; exit "$1"; }

products=""
output=$PWD
while [ $# -gt 0 ]; do
    case "$1" in
        --products | --output)
            [ $# -ge 2 ] && [ -n "$2" ] || fail 2 "$1 needs a folder"
            if [ "$1" = --products ]; then products=$2; else output=$2; fi
            shift 2
            ;;
        -h | --help) sed -n '6,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail 2 "unknown argument '$1'" ;;
    esac
done
[ -d "$output" ] || fail 2 "the output folder '$output' does not exist"
if [ -z "$products" ]; then products=$("$root/scripts/release-build.sh"); fi
[ -d "$products" ] || fail 1 "the release build folder '$products' does not exist"
products=$(cd "$products" && pwd)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
package="$stage/package"
"$root/scripts/install.sh" --prefix /usr --destdir "$package" --products "$products" >/dev/null
gzip -9n "$package/usr/share/man/man1/pfsh.1"

version=$("$package/usr/bin/pfsh" --version | awk '{ print $2 }')
architecture=$(dpkg --print-architecture)

# dpkg-shlibdeps reads a source package's control file: a minimal one in a scratch folder.
mkdir -p "$stage/source/debian"
printf 'Source: pfsh\n\nPackage: pfsh\nArchitecture: any\n' > "$stage/source/debian/control"
depends=$(cd "$stage/source" && dpkg-shlibdeps -O "$package/usr/bin/pfsh" "$package/usr/bin/pfsh-emulator" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || fail 1 "dpkg-shlibdeps found no dependencies"

mkdir -p "$package/DEBIAN"
cat > "$package/DEBIAN/control" <<CONTROL
Package: pfsh
Version: $version
Architecture: $architecture
Maintainer: ${DEBFULLNAME:-pfsh developers} <${DEBEMAIL:-pfsh@localhost}>
Installed-Size: $(du -sk --exclude=DEBIAN "$package" | cut -f1)
Depends: $depends
Section: admin
Priority: optional
Description: shell for PingFederate's OAuth clients
 pfsh configures PingFederate's OAuth clients through the Admin API: it stages
 edits, shows them with diff and writes them with commit, at a prompt with tab
 completion, from one-shot commands, or from saved .pfsh scripts.
 .
 pfsh-emulator, an emulator of the Admin API, comes with it: pfsh --sandbox
 tries pfsh on demo data without a PingFederate server.
CONTROL

deb="$output/pfsh_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$package" "$deb" >/dev/null
echo "$deb"
