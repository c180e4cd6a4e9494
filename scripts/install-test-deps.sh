#!/usr/bin/env bash
# Installs what the test suite needs (Debian and npm packages), idempotently. Each module
# that needs outside clients keeps its list in scripts/deps/<module>.sh; this runs them all.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export DEBIAN_FRONTEND=noninteractive

# apt_install PKG...: installs the packages that are missing (one apt-get update per run).
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm_install DIR PKG@VER...: installs npm packages into DIR/node_modules if missing.
npm_install() {
  local dir=$1; shift
  mkdir -p "$dir"
  local missing=()
  for p in "$@"; do
    local name=${p%@*}; [ "${p:0:1}" = "@" ] && name="@${p:1}" && name=${name%@*}
    [ -d "$dir/node_modules/$name" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > "$dir/package.json"
   cd "$dir" && npm install --silent --no-audit --no-fund "${missing[@]}" >/dev/null)
}

for f in "$here"/deps/*.sh; do
  [ -e "$f" ] || continue
  # shellcheck source=/dev/null
  source "$f"
done
