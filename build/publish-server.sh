#!/usr/bin/env bash
# A self-contained, single-file `fakeauth` for linux-x64: for people without the .NET SDK (a Python learner following
# the tutorials). The runtime comes from NuGet's runtime packs; nothing is downloaded from anywhere else.
#   build/publish-server.sh [OUTPUT_DIR]      (default: artifacts/standalone)
#   artifacts/standalone/fakeauth             (http://localhost:8000, the tutorials' address)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/standalone}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/FakeAuthServer/FakeAuthServer.csproj -c Release -r linux-x64 --self-contained true \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
  -o "$work" --nologo -v quiet
mkdir -p "$out"
cp "$work/FakeAuthServer" "$out/fakeauth"
chmod +x "$out/fakeauth"
echo "$out/fakeauth ($(du -h "$out/fakeauth" | cut -f1)): $("$out/fakeauth" --version)"
