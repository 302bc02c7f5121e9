#!/usr/bin/env python3
"""The linker's half of the layer map: every Loxodon symbol a module's library needs must be
defined in that module or in a module it builds on (its USES in CMakeLists.txt, followed
transitively). A call from a lower floor into a higher one, or into a module on the same floor,
fails here even when the final link happens to succeed because the higher library was linked
anyway. Usage: check_links.py SOURCE_DIR BUILD_DIR. Exits 1 and lists every such symbol."""

import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_layers import declared_modules  # noqa: E402

STRONG_DEFINITIONS = set("TDBR")


def symbols(library):
    """(defined, undefined) external symbols of a static library, across its objects."""
    out = subprocess.run(["nm", "-g", "--format=posix", str(library)], check=True,
                         capture_output=True, text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 2 or line.endswith(":"):
            continue  # an archive member's header
        name, kind = fields[0], fields[1]
        if kind == "U":
            undefined.add(name)
        elif kind in STRONG_DEFINITIONS:
            defined.add(name)
    return defined, undefined - defined


def closure(name, uses):
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(uses.get(current, []))
    return seen


def main(source_dir, build_dir):
    modules = declared_modules(pathlib.Path(source_dir))
    uses = {name: fields["USES"] for name, fields in modules.items()}
    tables = {}
    for name in modules:
        library = pathlib.Path(build_dir) / f"libloxodon_{name}.a"
        if not library.exists():
            print(f"check_links: {library} is missing (build first)")
            return 1
        tables[name] = symbols(library)
    owner = {}
    for name, (defined, _) in tables.items():
        for symbol in defined:
            owner.setdefault(symbol, name)
    problems = []
    for name, (_, undefined) in sorted(tables.items()):
        allowed = closure(name, uses)
        for symbol in sorted(undefined):
            home = owner.get(symbol)
            if home is not None and home not in allowed:
                problems.append(f"loxodon_{name} needs {symbol} from loxodon_{home}, "
                                f"which it does not build on")
    if problems:
        demangled = subprocess.run(["c++filt"], input="\n".join(problems), capture_output=True,
                                   text=True).stdout
        print(demangled)
    print(f"check_links: {len(problems)} problem(s) in {len(tables)} module libraries")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
