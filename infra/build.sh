#!/usr/bin/env bash
# Compiles and lints the Bicep in infra/ with the Bicep CLI from NuGet (no `az`, no network but NuGet) and fails on
# any diagnostic: a warning counts as a failure, like an error.
#   infra/build.sh            # build + lint infra/main.bicep, write the ARM JSON to infra/out/main.json
#   BICEP_OUT=- infra/build.sh  # print the ARM JSON instead
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="0.49.2"
package="azure.bicep.commandline.linux-x64"

# 1. Obtain the CLI: restoring the tiny tools project makes NuGet download the package (a no-op when cached).
dotnet restore "$here/tools/bicep.csproj" --verbosity quiet >/dev/null
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/$package/$version/tools/bicep"
if [[ ! -x "$bicep" ]]; then
  chmod +x "$bicep" 2>/dev/null || true
fi
[[ -x "$bicep" ]] || { echo "build.sh: Bicep CLI not found at $bicep" >&2; exit 2; }
"$bicep" --version

# 2. Build, then lint; collect every diagnostic line ("file(line,col) : Warning|Error code: message").
out="${BICEP_OUT:-$here/out/main.json}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
if [[ "$out" == "-" ]]; then
  "$bicep" build "$here/main.bicep" --stdout 2>"$log" || status=$?
else
  mkdir -p "$(dirname "$out")"
  "$bicep" build "$here/main.bicep" --outfile "$out" 2>"$log" || status=$?
fi
"$bicep" lint "$here/main.bicep" >>"$log" 2>&1 || status=$?

diagnostics="$(grep -cE ' : (Warning|Error|Info) ' "$log" || true)"
cat "$log" >&2
if [[ "$status" -ne 0 || "$diagnostics" -ne 0 ]]; then
  echo "build.sh: FAILED (exit $status, $diagnostics diagnostics; warnings count as failures)" >&2
  exit 1
fi
echo "build.sh: infra/main.bicep builds and lints with 0 warnings, 0 errors${out:+ -> $out}"
