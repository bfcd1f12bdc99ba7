#!/usr/bin/env bash
# Installs `docker compose` (the Compose CLI, usable standalone as `docker-compose`) into a cache
# directory keyed by version, and prints the binary's path on stdout (progress goes to stderr).
# Machines of this project have Go and the Go module proxy but no Compose, so it is built from the
# github.com/docker/compose/v5 module (~5 min cold on 2 cores, nothing when cached).
#   scripts/setup/docker-compose.sh            # default version below
#   COMPOSE_VERSION=v5.5.0 scripts/setup/docker-compose.sh
set -euo pipefail

VERSION="${COMPOSE_VERSION:-v5.5.0}"
MODULE="github.com/docker/compose/v5"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/modelwatch-mlops/docker-compose/${VERSION}"
BIN="${CACHE_DIR}/docker-compose"

if [ -x "$BIN" ] && "$BIN" version >/dev/null 2>&1; then
  echo "$BIN"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "docker-compose.sh: Go is required to build Compose ${VERSION} (none on PATH)" >&2
  exit 1
fi

echo "docker-compose.sh: building Compose ${VERSION} from the Go module proxy into ${CACHE_DIR}" >&2
# `go install pkg@version` refuses modules with exclude/replace directives (Compose has some), so
# download the module and build inside its directory with its own go.mod and go.sum.
src_dir="$(GOFLAGS=-mod=mod go mod download -json "${MODULE}@${VERSION}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [ -z "$src_dir" ] || [ ! -d "$src_dir/cmd" ]; then
  echo "docker-compose.sh: could not download ${MODULE}@${VERSION}" >&2
  exit 1
fi

mkdir -p "$CACHE_DIR"
tmp="$(mktemp "${CACHE_DIR}/.docker-compose.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
(
  cd "$src_dir"
  CGO_ENABLED=0 go build -mod=readonly -trimpath \
    -ldflags "-s -w -X ${MODULE}/internal.Version=${VERSION}" \
    -o "$tmp" ./cmd
) >&2
chmod 0755 "$tmp"
mv -f "$tmp" "$BIN"
trap - EXIT
"$BIN" version >&2
echo "$BIN"
