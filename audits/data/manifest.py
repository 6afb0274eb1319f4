"""Which data files a campaign checks: a folder of files, or a ``data-files.yaml`` in the
campaign folder that lists each file or URL with the register item and schema it belongs to:

    files:
      - {item: trans:trans-001, schema: transport-stops, url: https://example.org/stops.csv}
      - {item: fin:fin-003, file: data/targeted-programmes.csv}

Without a manifest every .csv/.xlsx of the folder is checked, its schema guessed by name or header."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..files import confined, read_text_bounded

SUFFIXES = {".csv", ".tsv", ".xlsx"}


@dataclass(frozen=True)
class FileJob:
    ref: str                 # a local path or an http(s) URL
    item: str | None = None  # register item key "<department>:<id>"
    schema: str | None = None


def jobs(folder: Path) -> list[FileJob]:
    folder = Path(folder)
    manifest = folder / "data-files.yaml"
    if manifest.is_file():
        raw = yaml.safe_load(read_text_bounded(manifest)) or {}
        out = []
        for entry in raw.get("files", []):
            ref = entry.get("url") or str(confined(folder, entry["file"]))
            out.append(FileJob(ref, entry.get("item"), entry.get("schema")))
        return out
    return [FileJob(str(p.resolve())) for p in sorted(folder.iterdir()) if p.suffix.lower() in SUFFIXES]
