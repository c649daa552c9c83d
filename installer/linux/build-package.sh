#!/usr/bin/env bash
# Packs the Linux one-folder bundle (dist/reception-app, made by `make dist`) into
#   dist/reception-app-<version>-linux-<arch>.tar.gz   unpack anywhere (e.g. /opt); desktop files and icon inside
#   dist/reception-app_<version>_<arch>.deb            Debian/Ubuntu: installs to /opt/reception-app
# Usage: installer/linux/build-package.sh [DIST_DIR]    (DIST_DIR defaults to dist; OUT_DIR env overrides output)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIST="${1:-$ROOT/dist}"
OUT="${OUT_DIR:-$DIST}"
BUNDLE="$DIST/reception-app"
if [ ! -x "$BUNDLE/reception-app" ]; then
  echo "build-package: FAILED: no bundle at $BUNDLE (run make dist first)" >&2
  exit 1
fi
VERSION="$("$BUNDLE/reception-app" --version | awk '{print $2}')"
ARCH="$(dpkg --print-architecture 2>/dev/null || uname -m)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# --- tarball ------------------------------------------------------------------------------------------------------
TAR_ROOT="$WORK/tar/reception-app-$VERSION"
mkdir -p "$TAR_ROOT/share"
cp -a "$BUNDLE" "$TAR_ROOT/reception-app"
cp "$ROOT/installer/linux/reception-app.desktop" "$ROOT/installer/linux/reception-app-kiosk.desktop" \
  "$ROOT/installer/icons/reception-app.png" "$TAR_ROOT/share/"
cat >"$TAR_ROOT/README.txt" <<EOF
reception-app $VERSION for Linux ($ARCH): a one-folder bundle, no Python needed.
Install: see docs/install-linux-kiosk.md in the source (sudo tar -xzf ... -C /opt; the .desktop files in share/
expect /opt/reception-app). Needs: pcscd (running), a Japanese font (fonts-noto-cjk), the X11/xcb libraries.
Check the machine with: reception-app/reception-app doctor
EOF
TARBALL="$OUT/reception-app-$VERSION-linux-$ARCH.tar.gz"
tar -C "$WORK/tar" -czf "$TARBALL" "reception-app-$VERSION"

# --- .deb ---------------------------------------------------------------------------------------------------------
PKG="$WORK/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/reception-app"
cp -a "$BUNDLE" "$PKG/opt/reception-app"
ln -s /opt/reception-app/reception-app "$PKG/usr/bin/reception-app"
cp "$ROOT/installer/linux/reception-app.desktop" "$PKG/usr/share/applications/"
# The kiosk entry is not installed as autostart for everyone: docs/install-linux-kiosk.md copies it into the kiosk
# account's ~/.config/autostart only.
cp "$ROOT/installer/linux/reception-app-kiosk.desktop" "$PKG/usr/share/reception-app/"
cp "$ROOT/installer/icons/reception-app.png" "$PKG/usr/share/icons/hicolor/256x256/apps/reception-app.png"
SIZE_KB="$(du -sk "$PKG" | cut -f1)"
# pcscd and a CJK font are real dependencies. vsmartcard-vpcd is deliberately NOT listed, not even as Suggests:
# it opens TCP reader ports on every interface and must never be on a clinic PC that faces a network.
cat >"$PKG/DEBIAN/control" <<EOF
Package: reception-app
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Installed-Size: $SIZE_KB
Maintainer: reception-app maintainers <noreply@invalid>
Depends: pcscd, libpcsclite1, fonts-noto-cjk | fonts-ipafont-gothic, libegl1, libgl1, libfontconfig1, libglib2.0-0, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1
Description: My Number Card reception for Japanese clinics
 Front-desk and kiosk check-in with the My Number Card over PC/SC, eligibility
 from the online qualification system (OQS) and PMH subsidies, and an
 encrypted offline cache. One-folder bundle in /opt/reception-app.
EOF
DEB="$OUT/reception-app_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$PKG" "$DEB" >/dev/null
echo "build-package: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
echo "build-package: $DEB ($(du -h "$DEB" | cut -f1))"
