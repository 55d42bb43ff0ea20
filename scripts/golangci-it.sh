#!/usr/bin/env bash
# Integration test of the golangci-lint module plugin (analyzers/golangci).
#
# `golangci-lint custom` clones golangci-lint from GitHub, which CI cannot
# reach, so this does what the code it generates does: take golangci-lint's
# source from the Go module proxy, add a file to cmd/golangci-lint that
# blank-imports the plugin, point the remolint module at this checkout,
# build, and run the result on a fixture module. It checks that
#   - a remolint finding is reported as "file:line:col: rule-id: message (remolint)",
#   - //nolint:remolint silences one,
#   - a remolint:ignore suppression is honoured,
#   - unknown settings stop golangci-lint with an error naming them.
#
# Slow (building golangci-lint takes minutes on 2 cores), so it is not part
# of `go test ./...`. Usage: scripts/golangci-it.sh
# Environment: GOLANGCI_LINT_VERSION (default v2.15.0); KEEP=1 keeps the
# work folder (the built binary is $WORK/golangci-lint-remolint).
set -euo pipefail

version=${GOLANGCI_LINT_VERSION:-v2.15.0}
checkout=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/remolint-golangci-it.XXXXXX)
start=$SECONDS
export CGO_ENABLED=0 GOWORK=off GOFLAGS=-mod=mod
export GOLANGCI_LINT_CACHE="$work/lint-cache"

cleanup() {
  if [ "${KEEP:-}" = 1 ]; then
    echo "kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

step() { printf '== [%3ds] %s\n' "$((SECONDS - start))" "$*"; }
run() { echo "+ $*" >&2; "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

step "golangci-lint $version source from the module proxy"
json=$(run go mod download -json "github.com/golangci/golangci-lint/v2@$version")
src=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
[ -n "$src" ] && [ -d "$src" ] || fail "no source folder in: $json"
run cp -R "$src" "$work/golangci-lint"
run chmod -R u+w "$work/golangci-lint"

step "add the plugin to cmd/golangci-lint and use this checkout ($checkout)"
cat > "$work/golangci-lint/cmd/golangci-lint/plugin_remolint.go" <<'EOF'
package main

import _ "github.com/remolint/remolint/analyzers/golangci"
EOF
cd "$work/golangci-lint"
run go mod edit -require=github.com/remolint/remolint@v0.0.0 "-replace=github.com/remolint/remolint=$checkout"
run go mod tidy

# The build must use golangci-lint's dependencies as a real `golangci-lint
# custom` build would: golangci-lint's requirements and the plugin's, each
# module at the highest version asked for. One known trap: OPA >= v1.21
# requires github.com/gobwas/glob v1, whose API dropped the glob.Glob
# interface that golangci-lint v2.15.0's own choice of depguard (v2.2.1) and
# protogetter (v1.0.1) use; remolint requires depguard v2.3.0 and protogetter
# v1.0.2, which moved to glob v1 (analyzers/golangci/globcompat.go and
# deps_test.go). Say so plainly if the build does not select them.
glob=$(go list -m -f '{{.Version}}' github.com/gobwas/glob 2>/dev/null || true)
case "$glob" in
  v0.*|"") ;;
  *)
    for m in github.com/OpenPeeDeeP/depguard/v2@v2.3.0 github.com/ghostiam/protogetter@v1.0.2; do
      got=$(go list -m -f '{{.Version}}' "${m%@*}")
      [ "$(printf '%s\n%s\n' "${m#*@}" "$got" | sort -V | head -1)" = "${m#*@}" ] ||
        fail "github.com/gobwas/glob $glob is selected with ${m%@*} $got: golangci-lint's linters build with glob v1 only from ${m#*@} (see analyzers/golangci/globcompat.go)"
    done
    ;;
esac

step "build"
bin="$work/golangci-lint-remolint"
run go build -trimpath -o "$bin" ./cmd/golangci-lint
run "$bin" version

step "fixture module"
fixture="$work/fixture"
mkdir -p "$fixture"
cd "$fixture"
cat > go.mod <<'EOF'
module example.com/fixture

go 1.22
EOF
cat > main.go <<'EOF'
package main

import "os"

func main() {
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "false")
	quiet()
	ignored()
}
EOF
cat > quiet.go <<'EOF'
package main

import "os"

func quiet() {
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "no") //nolint:remolint // the fixture's silenced finding
}
EOF
cat > ignored.go <<'EOF'
package main

import "os"

func ignored() {
	// remolint:ignore skip-check-falsy-value the fixture's suppressed finding
	os.Setenv("REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "off")
}
EOF
cat > .golangci.yml <<'EOF'
version: "2"
linters:
  default: none
  enable:
    - remolint
  settings:
    custom:
      remolint:
        type: module
        description: Remotion Lambda credential checks
        settings:
          rules:
            opt-in-region: "off"
EOF

step "golangci-lint run on the fixture"
set +e
out=$(run "$bin" run --output.text.path=stdout ./... 2>&1)
code=$?
set -e
printf '%s\n' "$out"
[ "$code" = 1 ] || fail "want exit 1 (issues found), got $code"
want='main.go:6:2: skip-check-falsy-value: setting REMOTION_SKIP_AWS_CREDENTIALS_CHECK to "false" still skips the check'
grep -F -- "$want" <<<"$out" > "$work/hit.txt" && grep -q -F '(remolint)' "$work/hit.txt" || fail "missing: $want ... (remolint)"
if grep -q 'quiet\.go' <<<"$out"; then fail "//nolint:remolint did not silence quiet.go"; fi
if grep -q 'ignored\.go' <<<"$out"; then fail "remolint:ignore did not suppress ignored.go"; fi
n=$(grep -c '(remolint)$' <<<"$out" || true)
[ "$n" = 1 ] || fail "want exactly 1 remolint issue, got $n"

step "unknown settings are refused, named"
cat > bad.yml <<'EOF'
version: "2"
linters:
  default: none
  enable:
    - remolint
  settings:
    custom:
      remolint:
        type: module
        settings:
          rules:
            skip-check-falsy-valu: "off"
          colour: red
EOF
set +e
out=$(run "$bin" run --config bad.yml ./... 2>&1)
code=$?
set -e
printf '%s\n' "$out"
[ "$code" != 0 ] || fail "bad settings: want a non-zero exit"
grep -q '"colour"' <<<"$out" || fail "bad settings: the error does not name the unknown key colour"
sed -i '/colour: red/d' bad.yml
set +e
out=$(run "$bin" run --config bad.yml ./... 2>&1)
code=$?
set -e
printf '%s\n' "$out"
[ "$code" != 0 ] || fail "unknown rule: want a non-zero exit"
grep -q 'skip-check-falsy-valu' <<<"$out" || fail "unknown rule: the error does not name it"

if [ "${LINT_SELF:-}" = 1 ]; then
  step "the same golangci-lint on this repository with its own .golangci.yml"
  (cd "$checkout" && run "$bin" run --config .golangci.yml ./...) || fail "golangci-lint reports problems in this repository"
fi

step "PASS: golangci-lint $version with the remolint plugin (${SECONDS}s)"
echo "1 passed, 0 failed"
