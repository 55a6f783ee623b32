#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Playwright cannot download a browser
# on an offline machine, so the tests use the distribution's package at /usr/bin/chromium.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "chromium: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo present)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian's chromium (needs apt-get)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
chromium --version
