#!/usr/bin/env bash
# Installs the system packages pfsh builds and tests with, on Debian 12 (or any apt system).
#   libedit-dev            line editing (the pfsh REPL)
#   libcurl4-openssl-dev   HTTP transport (pfsh talks to the Admin API over libcurl)
#   tmux                   the interactive tests drive pfsh in tmux
#   python3                the cross-check tool and the OAuth client-library tests
#   man-db, groff-base     man -l renders pfsh(1) in the manual page and install tests
#   dpkg-dev               dpkg-shlibdeps finds the Debian package's dependencies
#   bash-completion, zsh, fish   the completion scripts are tested in each shell (tmux)
# Then the Python packages the OAuth client-library test uses, from PyPI when missing:
#   authlib, requests      a real OAuth client against the emulator's runtime endpoints
# Run as root, or with sudo; without either it prints the command to run and exits 1.
set -euo pipefail

# The OAuth client libraries (Tests/PFShellRuntimeOAuthTests); a failed install is reported, not fatal,
# and that test then says what is missing.
python_packages() {
    if python3 -c 'import authlib, requests' 2>/dev/null; then
        echo "setup: python packages present (authlib, requests)"
    else
        echo "setup: installing python packages authlib and requests"
        python3 -m pip install --quiet authlib requests ||
            echo "setup: could not install authlib and requests; the OAuth client-library test will fail" >&2
    fi
}

packages=(libedit-dev libcurl4-openssl-dev tmux pkg-config python3 man-db groff-base dpkg-dev bash-completion zsh fish)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all system packages present (${packages[*]})"
    python_packages
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo)
else
    echo "setup: missing system packages: ${missing[*]}" >&2
    echo "setup: install them as root with:" >&2
    echo "    apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "setup: done"
python_packages
