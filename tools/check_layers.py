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
# loxodon_module(NAME FOLDER folder USES modules... ...) calls in CMakeLists.txt.
MODULE_CALL = re.compile(r"loxodon_module\(([^)]*)\)")
CMAKE_KEYWORDS = {"FOLDER", "USES", "LINKS", "SOURCES", "OWN_PCH"}
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


def declared_modules(root):
    """{name: {"FOLDER": folder, "USES": [names]}} from the loxodon_module calls of CMakeLists.txt."""
    text = re.sub(r"#[^\n]*", "", (root / "CMakeLists.txt").read_text())
    declared = {}
    for call in MODULE_CALL.finditer(text):
        words = call.group(1).split()
        section, fields = None, {"USES": []}
        for word in words[1:]:
            if word in CMAKE_KEYWORDS:
                section = word
            elif section == "FOLDER":
                fields["FOLDER"] = word
            elif section == "USES":
                fields["USES"].append(word)
        declared[words[0]] = fields
    return declared


def cmake_problems(root):
    """The build's map must agree: each module's USES (what it links) names lower floors only,
    and every module folder is a library of its own."""
    problems = []
    declared = declared_modules(root)
    folder_of = {name: fields.get("FOLDER", name) for name, fields in declared.items()}
    for name, fields in declared.items():
        module = folder_of[name]
        if module not in FLOOR:
            problems.append(f"CMakeLists.txt: loxodon_{name} builds '{module}', not on the layer map")
            continue
        for used in fields["USES"]:
            target = folder_of.get(used)
            if target is None:
                problems.append(f"CMakeLists.txt: loxodon_{name} uses unknown module '{used}'")
            elif FLOOR[target] >= FLOOR[module]:
                problems.append(f"CMakeLists.txt: loxodon_{name} must not link {target}")
            elif module in NO_DB and target == "db":
                problems.append(f"CMakeLists.txt: loxodon_{name} must not link db")
    built = set(folder_of.values())
    for module in FLOOR:
        if (root / "src" / module).is_dir() and module not in built:
            problems.append(f"CMakeLists.txt: src/{module} is not built as a module of its own")
    return problems


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
    problems += cmake_problems(root)
    for p in problems:
        print(p)
    print(f"check_layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent))
