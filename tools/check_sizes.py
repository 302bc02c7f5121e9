#!/usr/bin/env python3
"""Keeps files and functions small enough to read (docs/architecture.md, Conventions): no source
file in src/ or include/ over 600 lines, no function body over 60 lines. A function that is a
data table (a list of routes, of fields, of cases) may say so with a `// data table` comment on
the line before it. Exits 1 and lists every file and function over its limit."""

import pathlib
import re
import sys

MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 60
SCOPE_KEYWORDS = re.compile(r"\b(namespace|class|struct|union|enum)\b[^()]*$")


def strip_comments_and_strings(text):
    """The text with comments, string and character literals blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (min(j + 1, n) - i))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions_over(path, limit):
    raw = path.read_text()
    raw_lines = raw.split("\n")
    text = strip_comments_and_strings(raw)
    # Each open brace: is it a scope (namespace, class...) or a body?
    stack = []  # (kind, line) with kind "scope" | "function" | "other"
    last_boundary = 0
    problems = []
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            head = text[last_boundary:i]
            in_scope = all(kind == "scope" for kind, _ in stack)
            if SCOPE_KEYWORDS.search(head) or head.strip().startswith("extern"):
                kind = "scope" if in_scope else "other"
            elif in_scope and ")" in head and not re.search(r"=\s*$", head.strip()):
                kind = "function"
            else:
                kind = "other"
            stack.append((kind, line))
            last_boundary = i + 1
        elif c == "}":
            if stack:
                kind, start = stack.pop()
                if kind == "function" and line - start - 1 > limit:
                    before = raw_lines[start - 2] if start >= 2 else ""
                    header = raw_lines[start - 1].strip()
                    if "data table" not in before:
                        problems.append((start, line - start - 1, header))
            last_boundary = i + 1
        elif c == ";":
            last_boundary = i + 1
    return problems


def main(root):
    root = pathlib.Path(root)
    problems = []
    for base in ("src", "include"):
        for path in sorted((root / base).rglob("*")):
            if path.suffix not in (".cpp", ".hpp", ".h"):
                continue
            count = path.read_text().count("\n")
            if count > MAX_FILE_LINES:
                problems.append(f"{path}: {count} lines (at most {MAX_FILE_LINES})")
            for start, length, header in functions_over(path, MAX_FUNCTION_LINES):
                problems.append(f"{path}:{start}: function of {length} lines: {header}")
    for p in problems:
        print(p)
    print(f"check_sizes: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent))
