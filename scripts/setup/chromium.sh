#!/usr/bin/env bash
# Installs what the browser tests and screenshots need from Debian's packages, once per machine:
# Chromium (driven by playwright-core, which never downloads a browser of its own) and the Inter
# font Grafana's UI uses. Skips everything when Chromium is already there.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ] && fc-list 2>/dev/null | grep -qi "inter"; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "Installing Chromium and fonts-inter from Debian's packages…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-inter >/dev/null
"$CHROMIUM" --version
