"""Check the gazetteer TSVs: header, 4 columns, non-empty names, generic in {true,false},
no name or alias used twice (within or across files), no traditional-script duplicates needed.

Run: python seed_data/gazetteers/validate.py   (exit 1 on any problem)
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ["societies.tsv", "agencies.tsv", "talent_programs.tsv", "functions.tsv",
         "party_orgs.tsv", "branches.tsv"]
HEADER = ["name", "aliases", "generic", "note"]


def main() -> int:
    problems, seen = [], {}
    for fn in FILES:
        lines = (HERE / fn).read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if lines[0].split("\t") != HEADER:
            problems.append(f"{fn}: bad header {lines[0]!r}")
        for no, line in enumerate(lines[1:], start=2):
            cols = line.split("\t")
            if len(cols) != 4:
                problems.append(f"{fn}:{no}: {len(cols)} columns")
                continue
            name, aliases, generic, _note = cols
            if not name.strip() or name != name.strip():
                problems.append(f"{fn}:{no}: empty or padded name {name!r}")
            if generic not in ("true", "false"):
                problems.append(f"{fn}:{no}: generic={generic!r}")
            terms = [name] + ([a for a in aliases.split("|")] if aliases else [])
            for t in terms:
                if not t.strip() or t != t.strip():
                    problems.append(f"{fn}:{no}: empty or padded alias in {aliases!r}")
                    continue
                if t in seen:
                    problems.append(f"{fn}:{no}: {t!r} already at {seen[t]}")
                else:
                    seen[t] = f"{fn}:{no}"
    for p in problems:
        print(p)
    print(f"{len(seen)} distinct surface forms in {len(FILES)} files; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
