#!/usr/bin/env bash
# Creates an empty Angular library under libs/web/<name> with the same setup as the others.
# Usage: tools/scripts/new-web-lib.sh <name> <type: feature|data-access|ui|util>
set -euo pipefail
name=$1; type=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/libs/web/$name"
[ -e "$dir" ] && { echo "$dir exists"; exit 1; }
mkdir -p "$dir/src/lib"
for f in tsconfig.json tsconfig.lib.json tsconfig.spec.json eslint.config.mjs src/test-setup.ts; do cp "$root/libs/web/shell/$f" "$dir/$f"; done
sed "s#web-shell#web-$name#g; s#libs/web/shell#libs/web/$name#g" "$root/libs/web/shell/jest.config.cts" > "$dir/jest.config.cts"
sed "s#web-shell#web-$name#g; s#libs/web/shell#libs/web/$name#g; s#\"type:feature\"#\"type:$type\"#" "$root/libs/web/shell/project.json" > "$dir/project.json"
: > "$dir/src/index.ts"
node -e '
const fs=require("fs");const f=process.argv[1];const p=JSON.parse(fs.readFileSync(f));
p.compilerOptions.paths["@crm/web/"+process.argv[2]]=["./libs/web/"+process.argv[2]+"/src/index.ts"];
p.compilerOptions.paths=Object.fromEntries(Object.entries(p.compilerOptions.paths).sort());
fs.writeFileSync(f,JSON.stringify(p,null,2)+"\n");' "$root/tsconfig.base.json" "$name"
echo "created libs/web/$name (@crm/web/$name)"
