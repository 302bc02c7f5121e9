#!/usr/bin/env python3
"""Keeps the dependency direction of docs/architecture.md (DESIGN.md §3): a module may include
only modules on floors below it. Exits 1 and lists every violating include."""

import pathlib
import re
import sys

# Floors from the ground up; a module may use modules on lower floors only.
FLOORS = [
    ["util"],
    ["config"],
    ["domain"],
    ["db", "net", "activitypub", "payments"],
    ["jobs", "media", "streaming"],
    ["federation"],
    ["services"],
    ["http"],
    ["api/mastodon", "api/activitypub", "api/streaming", "web"],
    ["app"],
    ["cli"],  # the command line builds the application
]
FLOOR = {module: i for i, floor in enumerate(FLOORS) for module in floor}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"](?:loxodon/)?([a-z_]+(?:/[a-z_]+)?)/')


def module_of(relative):
    parts = relative.parts
    if parts[0] == "api" and len(parts) > 2:
        return "api/" + parts[1]
    return parts[0] if len(parts) > 1 else None


def included_module(name):
    if name in FLOOR:
        return name
    top = name.split("/")[0]
    return top if top in FLOOR else None


def main(root):
    root = pathlib.Path(root)
    problems = []
    for base in (root / "src", root / "include" / "loxodon"):
        for path in sorted(base.rglob("*")):
            if path.suffix not in (".cpp", ".hpp", ".h"):
                continue
            module = module_of(path.relative_to(base))
            if module is None:
                continue  # src/main.cpp
            if module not in FLOOR:
                problems.append(f"{path}: module '{module}' is not on the layer map")
                continue
            for lineno, line in enumerate(path.read_text().splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = included_module(m.group(1))
                if target is None or target == module:
                    continue
                if FLOOR[target] >= FLOOR[module]:
                    problems.append(f"{path}:{lineno}: {module} must not include {target}")
    for p in problems:
        print(p)
    print(f"check_layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent))
