#!/usr/bin/env python3
"""Keeps the dependency direction of docs/architecture.md (DESIGN.md §3): a module may include
only modules on floors below it, and the modules that speak HTTP (http, the APIs, the web pages)
see no `db` at all: they take domain types and the services' views, so what the database stores
can change without touching a handler or a serializer. Exits 1 and lists every violation."""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_sizes import strip_comments_and_strings  # noqa: E402

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
# Modules that must neither include a db header nor name a db type, though db is below them:
# they reach the database through services only.
NO_DB = {"http", "api/mastodon", "api/activitypub", "api/streaming", "web"}
DB_NAME = re.compile(r"\bdb::")
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
            text = path.read_text()
            for lineno, line in enumerate(text.splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = included_module(m.group(1))
                if target is None or target == module:
                    continue
                if FLOOR[target] >= FLOOR[module]:
                    problems.append(f"{path}:{lineno}: {module} must not include {target}")
                elif module in NO_DB and target == "db":
                    problems.append(f"{path}:{lineno}: {module} must not include db")
            if module in NO_DB:
                code = strip_comments_and_strings(text)
                for lineno, line in enumerate(code.splitlines(), 1):
                    if DB_NAME.search(line):
                        problems.append(f"{path}:{lineno}: {module} must not name db types")
    for p in problems:
        print(p)
    print(f"check_layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent))
