#!/usr/bin/env bash
# Creates an empty NestJS library under libs/api/<name> with the same setup as the others
# (the Nx generators are not installed: they pull packages our registry does not fully serve).
# Usage: tools/scripts/new-api-lib.sh <name> <type: feature|data-access|util>
set -euo pipefail
name=$1; type=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/libs/api/$name"
[ -e "$dir" ] && { echo "$dir exists"; exit 1; }
mkdir -p "$dir/src/lib"
for f in tsconfig.json tsconfig.lib.json tsconfig.spec.json eslint.config.mjs; do cp "$root/libs/api/auth/$f" "$dir/$f"; done
sed "s#api-auth#api-$name#g; s#libs/api/auth#libs/api/$name#g" "$root/libs/api/auth/jest.config.cts" > "$dir/jest.config.cts"
cat > "$dir/project.json" <<JSON
{
  "name": "api-$name",
  "\$schema": "../../../node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "libs/api/$name/src",
  "projectType": "library",
  "tags": ["scope:api", "type:$type"],
  "targets": {
    "test": {
      "executor": "@nx/jest:jest",
      "outputs": ["{workspaceRoot}/coverage/{projectRoot}"],
      "options": { "jestConfig": "libs/api/$name/jest.config.cts" }
    }
  }
}
JSON
: > "$dir/src/index.ts"
node -e '
const fs=require("fs");const f=process.argv[1];const p=JSON.parse(fs.readFileSync(f));
p.compilerOptions.paths["@crm/api/"+process.argv[2]]=["./libs/api/"+process.argv[2]+"/src/index.ts"];
p.compilerOptions.paths=Object.fromEntries(Object.entries(p.compilerOptions.paths).sort());
fs.writeFileSync(f,JSON.stringify(p,null,2)+"\n");' "$root/tsconfig.base.json" "$name"
echo "created libs/api/$name (@crm/api/$name)"
