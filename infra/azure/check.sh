#!/usr/bin/env bash
# Builds and lints the Azure template with the Bicep CLI (NuGet package Azure.Bicep.CommandLine.linux-x64, restored
# into the NuGet cache by a throwaway project) and fails on any error or warning. Runs offline. Used by .ci/run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=0.49.2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/bicep.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$version]" /></ItemGroup>
</Project>
XML
dotnet restore "$work/bicep.csproj" --verbosity quiet >/dev/null
packages="${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')}"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
chmod +x "$bicep"

status=0
for file in "$here"/*.bicep; do
  for command in build lint; do
    if [ "$command" = build ]; then args=(build "$file" --stdout); else args=(lint "$file"); fi
    if ! out="$("$bicep" "${args[@]}" 2>&1 >/dev/null)"; then
      echo "bicep $command $(basename "$file") failed:"; echo "$out"; status=1
    elif [ -n "$out" ]; then
      echo "bicep $command $(basename "$file") reported (warnings fail the check):"; echo "$out"; status=1
    else
      echo "bicep $command $(basename "$file"): clean"
    fi
  done
done
exit $status
