#!/usr/bin/env bash
# Integration test of .pre-commit-hooks.yaml with the real pre-commit.
#
# It runs `pre-commit try-repo <this checkout> remolint` in a scratch git
# repository holding a Vercel Remotion project:
#   1. a .env with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (fake) must fail
#      with platform-reserved-key, without printing the fake key or secret;
#   2. a .env with REMOTION_AWS_* names must pass;
#   3. a file the hook's `files` pattern does not cover must be skipped.
#
# try-repo builds the hook from the checkout's HEAD commit (--ref HEAD's
# hash), so this tests what is committed, not the work tree. pre-commit's
# golang language runs `go install ./...` with the Go on PATH; it needs the
# module proxy (or a module cache: GOMODCACHE is kept, so a warm cache is
# reused instead of downloading again).
#
# Installs pre-commit with apt-get when it is missing (needs root). Prints
# every command it runs; exits non-zero on failure.
set -euo pipefail

checkout=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$PATH:/usr/local/go/bin"

run() {
  printf '+ %s\n' "$*"
  "$@"
}

fail() {
  printf 'precommit-it: FAIL: %s\n' "$*" >&2
  exit 1
}

if ! command -v pre-commit >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || fail "pre-commit is missing and installing it with apt-get needs root"
  export DEBIAN_FRONTEND=noninteractive
  if ! run apt-get install -y pre-commit; then
    run apt-get update
    run apt-get install -y pre-commit
  fi
fi
command -v go >/dev/null 2>&1 || fail "go is not on PATH (pre-commit's golang hooks build with it)"
run pre-commit --version
run go version

# pre-commit sets GOPATH to the hook's environment folder; without this the
# module cache would move there too and be downloaded again for every run.
GOMODCACHE=$(go env GOMODCACHE)
export GOMODCACHE

rev=$(git -C "$checkout" rev-parse HEAD)
git -C "$checkout" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null ||
  fail ".pre-commit-hooks.yaml is not committed at HEAD ($rev): try-repo tests what is committed"
if [ -n "$(git -C "$checkout" status --porcelain -- .pre-commit-hooks.yaml)" ]; then
  echo "precommit-it: note: .pre-commit-hooks.yaml has uncommitted changes; testing the committed one" >&2
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/precommit-it.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
project="$scratch/project"
mkdir -p "$project"
cd "$project"

run git init -q .
cat >vercel.json <<'EOF'
{ "framework": null }
EOF
cat >package.json <<'EOF'
{
  "name": "render-app",
  "private": true,
  "dependencies": { "@remotion/lambda": "4.0.0" }
}
EOF
printf '.env\n' >.gitignore
printf '# Render app\n' >README.md
run git add vercel.json package.json .gitignore README.md
run git -c user.name=precommit-it -c user.email=precommit-it@example.invalid commit -q -m scratch

# Fake credentials, assembled so that this script holds no key-shaped text.
key_id="AKIA""ZZZZFAKEKEY12345"
secret="fake""SecretKeyForPrecommitTest0123456789abcd"

try_repo() {
  # try_repo FILE...: runs the hook on FILE..., output in $scratch/out.
  set +e
  printf '+ %s\n' "pre-commit try-repo $checkout remolint --ref $rev --verbose --color never --files $*"
  pre-commit try-repo "$checkout" remolint --ref "$rev" --verbose --color never --files "$@" >"$scratch/out" 2>&1
  code=$?
  set -e
  sed 's/^/    | /' "$scratch/out"
  echo "  (exit $code)"
}

echo "== 1. AWS_* credentials on Vercel: must fail with platform-reserved-key"
printf 'AWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n' "$key_id" "$secret" >.env
echo "+ wrote .env: AWS_ACCESS_KEY_ID=AKIA…2345, AWS_SECRET_ACCESS_KEY=(fake)"
try_repo .env
[ "$code" != 0 ] || fail "pre-commit passed; expected the remolint hook to fail"
grep -q 'platform-reserved-key' "$scratch/out" || fail "output does not name platform-reserved-key"
grep -q '^remolint\.*Failed' "$scratch/out" || fail "pre-commit did not report the remolint hook as Failed"
if grep -qF -e "$key_id" -e "$secret" "$scratch/out"; then
  fail "the output shows the fake key id or secret in full"
fi

echo "== 2. REMOTION_AWS_* credentials: must pass"
printf 'REMOTION_AWS_ACCESS_KEY_ID=%s\nREMOTION_AWS_SECRET_ACCESS_KEY=%s\n' "$key_id" "$secret" >.env
echo "+ wrote .env: REMOTION_AWS_ACCESS_KEY_ID=AKIA…2345, REMOTION_AWS_SECRET_ACCESS_KEY=(fake)"
try_repo .env
[ "$code" = 0 ] || fail "pre-commit failed (exit $code); expected the remolint hook to pass"
grep -q '^remolint\.*Passed' "$scratch/out" || fail "pre-commit did not report the remolint hook as Passed"

echo "== 3. a file outside the hook's files pattern: must be skipped"
try_repo README.md
[ "$code" = 0 ] || fail "pre-commit failed (exit $code) on README.md"
grep -q '^remolint\.*(no files to check)Skipped' "$scratch/out" || fail "the hook was not skipped for README.md"

echo "precommit-it: PASS"
