#!/bin/sh
# scripts/install-deps.sh - installs the Debian 12 packages iro needs to
# build and test, and nothing that is already there. Called by `make demo`,
# `make deps` and .ci/run. Uses sudo when not run as root.
set -eu

# Build: compiler, make, pkg-config and the libraries (design.md §2).
BUILD="gcc make pkg-config libc6-dev libsqlite3-dev libjansson-dev libcsv-dev libxlsxwriter-dev libmicrohttpd-dev libsodium-dev libexpat1-dev"
# The web pages' GOV.UK Frontend comes from npm at build time (package.json,
# pinned by package-lock.json); Debian's nodejs and npm when there is no npm.
if ! command -v npm >/dev/null 2>&1; then
	BUILD="$BUILD nodejs npm"
fi
# Tests: cmocka for unit tests; sqlite3 to inspect databases; python3 for
# the independent oracle of the statutory clocks; chromium to check the
# HTML report and the web pages in a headless browser (with playwright-core
# and axe-core from npm); curl for the web tests' HTTP requests and openssl
# for the certificate of the HTTPS test.
TEST="libcmocka-dev sqlite3 python3 chromium curl openssl clang libclang-rt-14-dev"

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "install-deps: not a Debian system; install these yourself:" >&2
	echo "  $BUILD $TEST" >&2
	exit 0
fi

missing=""
for p in $BUILD $TEST; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	echo "install-deps: every package iro needs is installed."
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=sudo
	else
		echo "install-deps: need root to install:$missing" >&2
		exit 1
	fi
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y --no-install-recommends $missing; then
	# A fresh machine may have no package lists yet.
	$SUDO apt-get update
	$SUDO apt-get install -y --no-install-recommends $missing
fi
