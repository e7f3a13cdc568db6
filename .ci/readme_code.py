#!/usr/bin/env python3
"""The README's quoted code is the code CI compiles.

Every `<!-- code: PATH -->` line in README.md must be followed by a fenced code block whose content is
exactly the file PATH (relative to the repository). `make example` runs this, then builds and runs the
package those files belong to (Examples/MyPaper), so the README's example cannot go stale.

Exit 0 when every quoted block matches its file (and at least one block is quoted), 1 otherwise with a
unified diff. Negative control, run every time: each block with one line altered must be reported.
`--update` rewrites the README's blocks from the files instead (after editing the example).
"""

import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^<!-- code: (\S+) -->$")


def quoted_blocks(readme: str):
    """(path, block text, line number) for every marker followed by a fenced block."""
    lines = readme.splitlines(keepends=True)
    blocks = []
    for index, line in enumerate(lines):
        match = MARKER.match(line.rstrip("\n"))
        if not match:
            continue
        fence = lines[index + 1] if index + 1 < len(lines) else ""
        if not fence.startswith("```"):
            raise SystemExit(f"README.md:{index + 1}: {match.group(1)} is not followed by a fenced code block")
        end = next((j for j in range(index + 2, len(lines)) if lines[j].rstrip("\n") == "```"), None)
        if end is None:
            raise SystemExit(f"README.md:{index + 2}: the code block of {match.group(1)} is not closed")
        blocks.append((match.group(1), "".join(lines[index + 2 : end]), index + 1))
    return blocks


def differences(path: str, block: str) -> str:
    """A unified diff between the README's block and the file; empty when they are equal."""
    source = (ROOT / path).read_text(encoding="utf-8")
    return "".join(
        difflib.unified_diff(source.splitlines(True), block.splitlines(True), fromfile=path, tofile=f"README.md ({path})")
    )


def update() -> int:
    """Rewrites every quoted block of README.md with the current content of its file."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path, block, line in quoted_blocks(readme):
        marker = f"<!-- code: {path} -->\n"
        start = readme.index(marker) + len(marker)
        start = readme.index("\n", start) + 1
        readme = readme[:start] + (ROOT / path).read_text(encoding="utf-8") + readme[start + len(block) :]
    (ROOT / "README.md").write_text(readme, encoding="utf-8")
    return main()


def main() -> int:
    blocks = quoted_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    if not blocks:
        print("README.md quotes no file (no `<!-- code: PATH -->` marker)", file=sys.stderr)
        return 1
    failed = False
    for path, block, line in blocks:
        diff = differences(path, block)
        if diff:
            failed = True
            print(f"README.md:{line}: the block differs from {path}:\n{diff}", file=sys.stderr)
        altered = block.replace("\n", " \n", 1)
        if not differences(path, altered):
            failed = True
            print(f"README.md:{line}: control failed: an altered block still matches {path}", file=sys.stderr)
    if not failed:
        print(f"README.md quotes {len(blocks)} files exactly: {', '.join(path for path, _, _ in blocks)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(update() if sys.argv[1:] == ["--update"] else main())
