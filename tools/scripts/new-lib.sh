#!/usr/bin/env bash
# Creates an empty library under libs/<scope>/<name> with the same setup as the others, copied from a
# model library: libs/api/auth for a NestJS library, libs/web/shell for an Angular one (the Nx generators
# are not installed: they pull packages our registry does not fully serve).
# Usage: tools/scripts/new-lib.sh <scope: api|web> <name> <type: feature|data-access|util, or ui for web>
set -euo pipefail
scope=$1; name=$2; type=$3
case $scope in
  api) model=auth; files="tsconfig.json tsconfig.lib.json tsconfig.spec.json eslint.config.mjs" ;;
  web) model=shell; files="tsconfig.json tsconfig.lib.json tsconfig.spec.json eslint.config.mjs src/test-setup.ts" ;;
  *) echo "scope must be api or web"; exit 1 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/libs/$scope/$name"
[ -e "$dir" ] && { echo "$dir exists"; exit 1; }
mkdir -p "$dir/src/lib"
for f in $files; do cp "$root/libs/$scope/$model/$f" "$dir/$f"; done
rename="s#$scope-$model#$scope-$name#g; s#libs/$scope/$model#libs/$scope/$name#g"
sed "$rename" "$root/libs/$scope/$model/jest.config.cts" > "$dir/jest.config.cts"
sed "$rename; s#\"type:feature\"#\"type:$type\"#" "$root/libs/$scope/$model/project.json" > "$dir/project.json"
: > "$dir/src/index.ts"
node -e '
const fs=require("fs");const [f,scope,name]=process.argv.slice(1);const p=JSON.parse(fs.readFileSync(f));
p.compilerOptions.paths[`@crm/${scope}/${name}`]=[`./libs/${scope}/${name}/src/index.ts`];
p.compilerOptions.paths=Object.fromEntries(Object.entries(p.compilerOptions.paths).sort());
fs.writeFileSync(f,JSON.stringify(p,null,2)+"\n");' "$root/tsconfig.base.json" "$scope" "$name"
echo "created libs/$scope/$name (@crm/$scope/$name)"
