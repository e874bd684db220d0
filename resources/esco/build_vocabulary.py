"""Build resources/esco/vocabulary.sqlite from the ESCO TSV subset (issue 13).

    python resources/esco/build_vocabulary.py [SOURCE_DIR] [--out PATH]

SOURCE_DIR holds skills.tsv, occupations.tsv and occupation_skills.tsv
(default: ../shared/samples/esco next to the repository root). The TSVs are
never copied into the repository; only the built file is. Same inputs, same
SQLite: same bytes. Format and figures: docs/vocabulary.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from skiller_desktop.vocabulary_build import BuildError, build, describe  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "samples" / "esco"
DEFAULT_OUT = ROOT / "resources" / "esco" / "vocabulary.sqlite"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, nargs="?", default=DEFAULT_SOURCE, help="folder of the three TSV files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the resource")
    args = parser.parse_args(argv)
    try:
        report = build(args.source, args.out)
    except BuildError as error:
        print(f"build_vocabulary: {error}", file=sys.stderr)
        return 1
    for line in describe(report):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
