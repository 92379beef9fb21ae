#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + color.png + outline.png in one zip) for upload in Teams
# ("Apps > Manage your apps > Upload an app") or the Teams admin center.
#   BOT_ID=<MicrosoftAppId> infra/teams/package.sh            -> infra/teams/build/musebot-teams.zip
# Optional: APP_VERSION (default 1.0.0), DEVELOPER_NAME, DEVELOPER_URL (https).
# The prompt starters (per scope) are drawn from the note at package time: `musebot teams-manifest` fills them from the
# note's example questions (seeds/examples.tsv) and section topics, so a new note gets its own without editing JSON.
# When `npm install --prefix infra/teams` has been run, the result is checked against Microsoft's bundled schema.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${BOT_ID:?set BOT_ID to the bot's Microsoft App ID (the Azure Bot's MicrosoftAppId)}"
if ! [[ "$BOT_ID" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "BOT_ID '$BOT_ID' is not a GUID" >&2; exit 1
fi
export BOT_ID APP_VERSION="${APP_VERSION:-1.0.0}" DEVELOPER_NAME="${DEVELOPER_NAME:-MuseBot}" \
  DEVELOPER_URL="${DEVELOPER_URL:-https://example.com/musebot}"

out="$here/build"
repo="$(cd "$here/../.." && pwd)"
rm -rf "$out/package" && mkdir -p "$out/package"
# The note's prompt starters (BM25 only: the index is all it needs, no models).
dotnet run --project "$repo/src/MuseBot.Cli" -- teams-manifest "$here/manifest.json" --out "$out/manifest.prompts.json" --no-semantic >&2
python3 - "$out/manifest.prompts.json" "$out/package/manifest.json" <<'PY'
import json, os, sys
text = open(sys.argv[1], encoding="utf-8").read()
for key in ("BOT_ID", "APP_VERSION", "DEVELOPER_NAME", "DEVELOPER_URL"):
    text = text.replace("${{" + key + "}}", os.environ[key])
assert "${{" not in text, "unfilled placeholder in manifest.json"
manifest = json.loads(text)  # fails loudly on broken JSON
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
PY
if [ -d "$here/node_modules/@microsoft/app-manifest" ]; then
  node "$here/validate-manifest.mjs" "$out/package/manifest.json"
else
  echo "note: not checked against the Teams schema (run: npm install --prefix infra/teams)" >&2
fi
cp "$here/color.png" "$here/outline.png" "$out/package/"
rm -f "$out/musebot-teams.zip"
(cd "$out/package" && zip -q -X "$out/musebot-teams.zip" manifest.json color.png outline.png)
echo "$out/musebot-teams.zip"
