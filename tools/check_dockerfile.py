#!/usr/bin/env python3
"""Checks that docker/Dockerfile can build today's tree without Docker (this machine has no
engine): its build stage's COPY lines are copied into an empty directory and CMake is configured
there with the flags of its RUN line, so a file the build needs but the image leaves out fails
here; and its apt lists name every build package scripts/lib/common.sh installs (minus what only
the tests need), so a new library added to the build is added to the image too.

Usage: check_dockerfile.py SOURCE_DIR"""

import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Build packages the image does not need: the test framework, the database server and the
# Python that only scripts and tests use.
NOT_IN_IMAGE = {"libgtest-dev", "postgresql-15", "python3"}


def logical_lines(text):
    """Dockerfile lines with continuations joined and comments dropped."""
    out, current = [], ""
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        out.append((current + line).strip())
        current = ""
    return [line for line in out if line]


def build_stage(lines):
    """The lines of the first stage (up to the second FROM)."""
    stage, seen_from = [], 0
    for line in lines:
        if line.upper().startswith("FROM "):
            seen_from += 1
            if seen_from == 2:
                break
        stage.append(line)
    return stage


def apt_packages(lines):
    packages = set()
    for line in lines:
        if not line.upper().startswith("RUN ") or "apt-get install" not in line:
            continue
        words = shlex.split(line[4:].split("&&")[1] if "&&" in line else line[4:])
        packages |= {w for w in words if not w.startswith("-") and w not in
                     ("apt-get", "install")}
    return packages


def build_packages(source):
    text = (source / "scripts/lib/common.sh").read_text()
    found = re.search(r'LOX_BUILD_PACKAGES="([^"]*)"', text)
    if not found:
        raise SystemExit("LOX_BUILD_PACKAGES not found in scripts/lib/common.sh")
    return set(found.group(1).split()) - NOT_IN_IMAGE


def copy_context(source, stage, target):
    for line in stage:
        if not line.upper().startswith("COPY "):
            continue
        args = [a for a in shlex.split(line[5:]) if not a.startswith("--")]
        *sources, destination = args
        for item in sources:
            origin = source / item.rstrip("/")
            dest = target / (item.rstrip("/") if destination in ("./", ".") else destination)
            if origin.is_dir():
                shutil.copytree(origin, dest, symlinks=True)
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, dest)


def configure_flags(stage):
    for line in stage:
        if line.upper().startswith("RUN ") and "cmake -S" in line:
            command = shlex.split(line[4:].split("&&")[0])
            return [a for a in command[1:] if a.startswith("-D") or a in ("-G", "Ninja")]
    raise SystemExit("the build stage has no `cmake -S` line")


def main():
    source = Path(sys.argv[1]).resolve()
    stage = build_stage(logical_lines((source / "docker/Dockerfile").read_text()))
    missing = build_packages(source) - apt_packages(stage)
    if missing:
        print(f"docker/Dockerfile's build stage does not install: {' '.join(sorted(missing))}")
        return 1
    with tempfile.TemporaryDirectory(prefix="loxodon-docker-context-") as tmp:
        context = Path(tmp) / "src"
        context.mkdir()
        copy_context(source, stage, context)
        run = subprocess.run(["cmake", "-S", str(context), "-B", str(Path(tmp) / "build")] +
                             configure_flags(stage), capture_output=True, text=True)
        if run.returncode != 0:
            print("CMake does not configure from the files docker/Dockerfile copies:")
            print(run.stdout[-3000:], run.stderr[-3000:])
            return 1
    print("docker/Dockerfile: build packages complete; CMake configures from its COPY lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
