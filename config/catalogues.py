"""Compile the translation catalogues (locale/*/LC_MESSAGES/*.po) into the .mo files
Django reads, with Babel: pure Python, so neither the image nor CI needs GNU gettext.

The .mo files are build output, git-ignored: `make` (setup), the Dockerfile and the test
run compile them, so a catalogue edited and committed can never ship a stale binary.
Run by hand with `python -m config.catalogues`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR, *, force: bool = False) -> list[Path]:
    """Write the .mo beside every .po that is newer than it; return the files written.

    Fuzzy entries are left out, as gettext's msgfmt does: they fall back to English
    (and tests/test_catalogue.py fails on any).
    """
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file, locale=po_path.parent.parent.name)
        temporary = mo_path.with_suffix(".mo.tmp")
        with temporary.open("wb") as mo_file:
            write_mo(mo_file, catalogue)
        temporary.replace(mo_path)  # never a half-written file for a running server
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogues(force="--force" in sys.argv):
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
