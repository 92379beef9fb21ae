#!/usr/bin/env bash
# One command from an empty resource group to a bot that answers: deploys infra/azure/main.bicep (storage, Key Vault,
# identity and roles, App Service, Azure Bot + Teams channel, optional Azure OpenAI), publishes src/MuseBot.Host,
# zips it and deploys it to the web app, then waits until the app answers /healthz.
#
#   infra/azure/deploy.sh -g musebot-rg [-l westeurope] [-n musebot] [-- extra az deployment parameters]
#
# Secrets come from the environment, never the command line or a file (each goes to Key Vault):
#   SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN   Slack (both, or Slack stays off)
#   MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD  only for botType=SingleTenant (the default, UserAssignedMSI, needs none)
#   AZURE_OPENAI_API_KEY                    only for openAiMode=existing without the role on the account
# Needs: az (logged in: az login), dotnet 10 SDK, zip, curl.
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

group="" location="" name="musebot"
while [ $# -gt 0 ]; do
  case "$1" in
    -g|--resource-group) group="$2"; shift 2 ;;
    -l|--location) location="$2"; shift 2 ;;
    -n|--name) name="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    --) shift; break ;;
    *) echo "deploy.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
[ -n "$group" ] || { echo "deploy.sh: give the resource group: -g NAME" >&2; usage; }
for tool in az dotnet zip curl; do
  command -v "$tool" >/dev/null || { echo "deploy.sh: '$tool' is not installed" >&2; exit 1; }
done

root="$(cd "$(dirname "$0")/../.." && pwd)"
artifacts="$root/artifacts/deploy"

if ! az group show -n "$group" >/dev/null 2>&1; then
  [ -n "$location" ] || { echo "deploy.sh: resource group '$group' does not exist: give -l LOCATION to create it" >&2; exit 1; }
  echo "==> Creating resource group $group in $location"
  az group create -n "$group" -l "$location" -o none
fi

params=(name="$name")
[ -n "$location" ] && params+=(location="$location")
[ -n "${SLACK_SIGNING_SECRET:-}" ] && params+=(slackSigningSecret="$SLACK_SIGNING_SECRET")
[ -n "${SLACK_BOT_TOKEN:-}" ] && params+=(slackBotToken="$SLACK_BOT_TOKEN")
[ -n "${MICROSOFT_APP_ID:-}" ] && params+=(microsoftAppId="$MICROSOFT_APP_ID")
[ -n "${MICROSOFT_APP_PASSWORD:-}" ] && params+=(microsoftAppPassword="$MICROSOFT_APP_PASSWORD")
[ -n "${AZURE_OPENAI_API_KEY:-}" ] && params+=(openAiApiKey="$AZURE_OPENAI_API_KEY")

echo "==> Deploying infra/azure/main.bicep to $group"
deployment="musebot-$(date -u +%Y%m%d%H%M%S)"
az deployment group create -g "$group" -n "$deployment" -f "$root/infra/azure/main.bicep" \
  -p "${params[@]}" "$@" -o none
output() { az deployment group show -g "$group" -n "$deployment" --query "properties.outputs.$1.value" -o tsv; }
web="$(output webAppName)"
health="$(output healthUrl)"

echo "==> Publishing src/MuseBot.Host"
rm -rf "$artifacts"
mkdir -p "$artifacts"
dotnet publish "$root/src/MuseBot.Host" -c Release -o "$artifacts/host" --nologo -v quiet
(cd "$artifacts/host" && zip -qr "$artifacts/host.zip" .)

echo "==> Deploying the package to $web"
az webapp deploy -g "$group" -n "$web" --src-path "$artifacts/host.zip" --type zip --restart true -o none

echo "==> Waiting for $health"
for _ in $(seq 1 60); do
  if curl -fsS --max-time 10 "$health" >/dev/null 2>&1; then
    echo "Healthy. Messaging endpoint: $(output messagingEndpoint)"
    echo "Slack Events/Interactivity/Slash URLs: $(output slackEventsUrl) (and /api/slack/interactions, /api/slack/commands)"
    echo "Teams package: BOT_ID=$(output botAppId) infra/teams/package.sh"
    exit 0
  fi
  sleep 10
done
echo "deploy.sh: $health did not answer within 10 minutes; see: az webapp log tail -g $group -n $web" >&2
exit 1
