#!/usr/bin/env bash
# Code signing and notarisation, each only when its secrets are set (a fork or a local run skips them).
#   sign.sh windows     signtool on the executables, or with `installer` on the installer
#                       (WINDOWS_CERTIFICATE: base64 .pfx, WINDOWS_CERTIFICATE_PASSWORD)
#   sign.sh macos       codesign the .app with the hardened runtime (MACOS_CERTIFICATE: base64 .p12,
#                       MACOS_CERTIFICATE_PASSWORD, MACOS_SIGNING_IDENTITY)
#   sign.sh notarize    notarytool + stapler on the .dmg (APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD)
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:?windows, macos or notarize}
part=${2:-app}

skip() { echo "sign.sh $what: skipped ($1 not set)"; exit 0; }

case "$what" in
  windows)
    [ -n "${WINDOWS_CERTIFICATE:-}" ] || skip WINDOWS_CERTIFICATE
    pfx=$(mktemp -d)/skiller.pfx
    echo "$WINDOWS_CERTIFICATE" | base64 --decode > "$pfx"
    signtool=$(ls "/c/Program Files (x86)/Windows Kits/10/bin/"*/x64/signtool.exe | tail -1)
    if [ "$part" = installer ]; then files=(dist/Skiller-*-setup.exe); else files=(dist/skiller/*.exe); fi
    for exe in "${files[@]}"; do
      [ -e "$exe" ] || continue
      "$signtool" sign /f "$pfx" /p "${WINDOWS_CERTIFICATE_PASSWORD:-}" /fd sha256 \
        /tr http://timestamp.digicert.com /td sha256 "$exe"
    done
    rm -f "$pfx"
    ;;
  macos)
    [ -n "${MACOS_CERTIFICATE:-}" ] || skip MACOS_CERTIFICATE
    keychain=$(mktemp -d)/build.keychain
    password=$(uuidgen)
    security create-keychain -p "$password" "$keychain"
    security set-keychain-settings -lut 21600 "$keychain"
    security unlock-keychain -p "$password" "$keychain"
    echo "$MACOS_CERTIFICATE" | base64 --decode > "$keychain.p12"
    security import "$keychain.p12" -k "$keychain" -P "${MACOS_CERTIFICATE_PASSWORD:-}" -T /usr/bin/codesign
    security set-key-partition-list -S apple-tool:,apple: -s -k "$password" "$keychain"
    security list-keychains -d user -s "$keychain"
    codesign --force --deep --options runtime --timestamp --sign "${MACOS_SIGNING_IDENTITY:?}" dist/Skiller.app
    codesign --verify --deep --strict dist/Skiller.app
    ;;
  notarize)
    [ -n "${APPLE_ID:-}" ] || skip APPLE_ID
    for dmg in dist/Skiller-*.dmg; do
      xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "${APPLE_TEAM_ID:?}" \
        --password "${APPLE_APP_PASSWORD:?}" --wait
      xcrun stapler staple "$dmg"
    done
    ;;
  *) echo "sign.sh: unknown target $what" >&2; exit 2 ;;
esac
