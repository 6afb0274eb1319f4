"""datapackage.json beside a run's CSV outputs: a Frictionless Data Package that names each
CSV, its encoding (UTF-8 with BOM, as Excel wants it) and its columns, so that
`frictionless validate out/<campaign>/datapackage.json` checks every file."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ..files import open_bounded

PROFILE = "tabular-data-package"
HEADER_MAX = 1 << 20      # bytes read at most to find a CSV's header row (our own outputs: one short line)
DESCRIPTIONS = {
    "findings.csv": "Зауваження до поточних файлів інвентаризації: орган, файл, рядок, колонка, код, повідомлення.",
    "register.csv": "Реєстр наборів даних: позиції останнього прийнятого файлу кожного виконавчого органу.",
    "coverage.csv": "Обов'язкові набори даних за постановою № 835: оприлюднено / є в переліках / не знайдено.",
    "quality.csv": "Бали якості кожного набору: бали за показниками, рівень, що виправити.",
}


def write_datapackage(out: Path, name: str, title: str, files=None) -> Path:
    """``files``: the CSV file names in ``out`` to describe (default: every *.csv there), or a
    mapping of each name to its columns (a run's own outputs: nothing is read back; a 70 MB
    quality.csv is past the size a file may have to be read through audits/files.py)."""
    out = Path(out)
    columns = dict(files) if isinstance(files, dict) else {}
    names = sorted(files) if files is not None else sorted(p.name for p in out.glob("*.csv"))
    package = {"profile": PROFILE, "name": _name(name), "title": title,
               "resources": [resource(out / n, columns.get(n)) for n in names if (out / n).is_file()]}
    path = out / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def resource(path: Path, columns=None) -> dict:
    columns = list(columns) if columns is not None else _header(path)
    found = {"name": _name(path.stem), "path": path.name, "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8-sig", "scheme": "file",
             "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
             "schema": {"fields": [{"name": h, "type": "string"} for h in columns], "missingValues": [""]}}
    if path.name in DESCRIPTIONS:
        found["description"] = DESCRIPTIONS[path.name]
    return found


def _header(path: Path) -> list[str]:
    """The CSV's header row, read through the one way in for files (audits/files.py)."""
    with io.TextIOWrapper(open_bounded(path, HEADER_MAX), encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh), [])


def _name(text: str) -> str:
    """A Data Package name: lowercase latin letters, digits, '-', '_' and '.'."""
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "odaudit"
