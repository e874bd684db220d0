#!/bin/sh
# Install Skiller from this unpacked folder for the current user (or, as root, for everyone),
# and register what opens in it: .skb bundles (application/x-skiller-bundle) and skiller: links.
#   ./install.sh            ~/.local/share/skiller, ~/.local/bin/skiller, ~/.local/share/applications
#   sudo ./install.sh       /opt/skiller, /usr/local/bin/skiller, /usr/share/applications
#   ./install.sh --user     for the current user even when run as root
# Needs xdg-utils (xdg-mime, xdg-icon-resource, xdg-desktop-menu) and the Qt xcb libraries the
# README lists (on Debian and Ubuntu: the apt-get line printed at the end when one is missing).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
if [ "$(id -u)" = 0 ] && [ "${1:-}" != "--user" ]; then
  prefix=${PREFIX:-/opt/skiller}; bin=${BINDIR:-/usr/local/bin}; mode=system
else
  prefix=${PREFIX:-${XDG_DATA_HOME:-$HOME/.local/share}/skiller}; bin=${BINDIR:-$HOME/.local/bin}; mode=user
fi

# The app keeps its data in ~/.local/share/Skiller/profiles: on a case-insensitive mount that is this folder.
if [ -e "$prefix/profiles" ]; then
  echo "Not touching $prefix: it holds Skiller's data (profiles/), your identity and endorsements." >&2
  echo "Install elsewhere with PREFIX=/some/other/folder." >&2
  exit 1
fi

if [ "$here" != "$prefix" ]; then
  rm -rf "$prefix.new"
  mkdir -p "$(dirname "$prefix")"
  cp -R "$here" "$prefix.new"
  rm -rf "$prefix"
  mv "$prefix.new" "$prefix"
fi
mkdir -p "$bin"
ln -sf "$prefix/skiller" "$bin/skiller"
ln -sf "$prefix/skiller-relay" "$bin/skiller-relay"

desktop=$(mktemp -d)/skiller.desktop
sed -e "s|^Exec=skiller|Exec=\"$prefix/skiller\"|" -e "s|^TryExec=skiller|TryExec=$prefix/skiller|" \
  "$prefix/skiller.desktop" > "$desktop"

if command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime install --mode "$mode" --novendor "$prefix/skiller-mime.xml"
  xdg-icon-resource install --mode "$mode" --novendor --size 256 "$prefix/skiller.png" skiller
  xdg-icon-resource install --mode "$mode" --novendor --context mimetypes --size 256 "$prefix/skiller.png" \
    application-x-skiller-bundle
  xdg-desktop-menu install --mode "$mode" --novendor "$desktop"
  xdg-mime default skiller.desktop application/x-skiller-bundle
  xdg-mime default skiller.desktop x-scheme-handler/skiller
else
  echo "xdg-utils is missing (apt-get install xdg-utils): Skiller is installed, but .skb files and" >&2
  echo "skiller: links will not open in it until you run this script again with it." >&2
  apps=${XDG_DATA_HOME:-$HOME/.local/share}/applications
  [ "$mode" = system ] && apps=/usr/share/applications
  mkdir -p "$apps" && cp "$desktop" "$apps/skiller.desktop"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "${apps:-}" 2>/dev/null || true

# Qt's xcb platform plugin aborts at start without these (it names none of them).
missing=""
if command -v ldconfig >/dev/null 2>&1; then
  for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0 libxcb-render-util.so.0 \
             libxcb-shape.so.0 libxcb-xkb.so.1 libxkbcommon-x11.so.0 libxcb-randr.so.0 libEGL.so.1 libfontconfig.so.1; do
    ldconfig -p | grep -q "$lib" || missing="$missing $lib"
  done
fi
if [ -n "$missing" ]; then
  echo "Missing libraries the window needs:$missing" >&2
  echo "On Debian or Ubuntu: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0" \
    "libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libegl1 libfontconfig1" >&2
fi
echo "Skiller installed in $prefix; run it from your applications menu or as $bin/skiller"
