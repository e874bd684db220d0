#!/bin/sh
# Remove what install.sh added (your data dir, with your identity and profiles, is kept).
set -eu
if [ "$(id -u)" = 0 ] && [ "${1:-}" != "--user" ]; then
  prefix=${PREFIX:-/opt/skiller}; bin=${BINDIR:-/usr/local/bin}; mode=system
else
  prefix=${PREFIX:-${XDG_DATA_HOME:-$HOME/.local/share}/skiller}; bin=${BINDIR:-$HOME/.local/bin}; mode=user
fi
# The app keeps its data in ~/.local/share/Skiller/profiles: on a case-insensitive mount that is this folder.
if [ -e "$prefix/profiles" ]; then
  echo "Not touching $prefix: it holds Skiller's data (profiles/), your identity and endorsements." >&2
  echo "If Skiller was installed elsewhere, name that folder with PREFIX=/that/folder." >&2
  exit 1
fi
if command -v xdg-mime >/dev/null 2>&1; then
  xdg-desktop-menu uninstall --mode "$mode" --novendor skiller.desktop || true
  xdg-mime uninstall --mode "$mode" --novendor "$prefix/skiller-mime.xml" || true
  xdg-icon-resource uninstall --mode "$mode" --novendor --size 256 skiller || true
fi
rm -f "$bin/skiller" "$bin/skiller-relay"
rm -rf "$prefix"
echo "Skiller removed from $prefix"
