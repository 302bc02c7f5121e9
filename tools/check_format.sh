#!/usr/bin/env bash
# Fails when a C++ source or header differs from what clang-format (with the committed
# .clang-format) would write. Lists the files to fix with `clang-format -i FILE`.
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
command -v clang-format >/dev/null || { echo "clang-format is not installed"; exit 1; }
bad=0
while IFS= read -r -d '' f; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f"
    bad=$((bad + 1))
  fi
done < <(find include src tests fuzz -type f \( -name '*.cpp' -o -name '*.hpp' \) -not -path '*/node_modules/*' -print0)
echo "check_format: $bad file(s) to format"
[ "$bad" -eq 0 ]
