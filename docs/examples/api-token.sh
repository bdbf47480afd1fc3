#!/usr/bin/env bash
# A program using the Cadre API with a token instead of a person's password (docs/api-tokens.md).
# It reads band 7 posts, changes one post's cost centre sending the version it read, and shows that a second change
# with the same (now old) version is refused rather than overwriting. CI runs this script (ApiTokenScriptTests).
#
#   CADRE_URL=http://127.0.0.1:5080 CADRE_TOKEN=cadre_… docs/examples/api-token.sh
#
# Needs curl and jq. The token must be read-write for "Posts and services".
set -euo pipefail
: "${CADRE_URL:?Set CADRE_URL to the address of Cadre, for example http://127.0.0.1:5080}"
: "${CADRE_TOKEN:?Set CADRE_TOKEN to an API token made by an administrator at /tokens}"

# Prints the body; fails (with Cadre's problem document on stderr) on any answer but 2xx.
api() {
  local out status
  out=$(mktemp)
  status=$(curl --silent --show-error --output "$out" --write-out '%{http_code}' \
    -H "Authorization: Bearer $CADRE_TOKEN" -H "Accept: application/json" "$@")
  if [[ $status != 2* ]]; then echo "HTTP $status: $(cat "$out")" >&2; rm -f "$out"; return 1; fi
  cat "$out"; rm -f "$out"
}

# 1. Read: band 7 posts, five at a time.
posts=$(api "$CADRE_URL/api/v1/posts?band=7&pageSize=5")
echo "$posts" | jq -r '"\(.total) band 7 posts; the first is \(.items[0].postNumber) \(.items[0].title)"'

# 2. Read one post in full: its version says which state of the post this is.
id=$(echo "$posts" | jq -r '.items[0].id')
post=$(api "$CADRE_URL/api/v1/posts/$id")

# 3. Change it, sending back the version read. Every PUT needs one: without it Cadre answers 400.
changed=$(echo "$post" | jq '.costCentre = "CC-API-EXAMPLE"')
api -X PUT -H "Content-Type: application/json" --data "$changed" "$CADRE_URL/api/v1/posts/$id" \
  | jq -r '"Changed \(.postNumber): cost centre \(.costCentre)"'

# 4. The same version again is now out of date: Cadre refuses (409) instead of overwriting the change just made.
if api -X PUT -H "Content-Type: application/json" --data "$changed" "$CADRE_URL/api/v1/posts/$id" >/dev/null 2>&1; then
  echo "A change with an old version was accepted" >&2; exit 1
fi
echo "A second change with the old version was refused, as it should be"
