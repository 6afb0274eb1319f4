"""One way in for every user-supplied file.

Every reader of a path a user gave (inventories, demand files, the portal snapshot, review
sheets, data files) opens it here. The guard resolves the path, refuses what is not a regular
file (a FIFO, a device, a socket, a folder) before opening it, opens with ``O_NONBLOCK`` so a
FIFO swapped in meanwhile cannot hang, checks the opened file again, and counts the bytes
actually read against the limit (the size a FIFO or a device reports is 0). A path named in a
config is confined to that config's folder (:func:`confined`). Every refusal is a
:class:`FileRefused` (an ``OSError``, so existing ``except OSError`` answers keep working); the
callers turn it into a finding or one line and exit 2.
"""
from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from . import settings

KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
# What the file is instead, for a finding's {detail} (user-facing text is Ukrainian).
KINDS_UK = {"a folder": "це папка, а не файл", "a FIFO (named pipe)": "це іменований канал (FIFO), а не файл",
            "a character device": "це пристрій, а не файл", "a block device": "це пристрій, а не файл",
            "a socket": "це сокет, а не файл", "not a file": "це не звичайний файл"}
UNLIMITED = 1 << 62   # for data files that are streamed in blocks with their own limits


class FileRefused(OSError):
    """A user path that is not read. ``reason``: missing · not-a-file · too-large · outside-folder;
    ``detail``: what it is instead (e.g. "a FIFO (named pipe)"), the size, or the folder."""

    def __init__(self, reason: str, path, detail: str = "", size: int | None = None, limit: int | None = None):
        super().__init__(f"{path}: {_TEXT[reason]}{': ' + detail if detail else ''}")
        self.reason, self.path, self.detail, self.size, self.limit = reason, Path(path), detail, size, limit

    @property
    def detail_uk(self) -> str:
        """The refusal in Ukrainian, for a finding's ``{detail}``."""
        if self.reason == "not-a-file":
            return KINDS_UK.get(self.detail, KINDS_UK["not a file"])
        return {"missing": "файлу немає", "too-large": "завеликий файл",
                "outside-folder": "шлях веде за межі папки кампанії"}[self.reason]


_TEXT = {"missing": "no such file", "not-a-file": "not a regular file", "too-large": "larger than the limit",
         "outside-folder": "outside the folder of its config"}


def max_bytes() -> int:
    """The size limit of one user file (setting ``max_file_mb``), in bytes."""
    return int(float(settings.get("max_file_mb")) * 1_000_000)


def confined(base, relative) -> Path:
    """``relative`` (as written in a config) resolved inside the folder ``base``; symlinks are
    followed first, so neither ``../../etc/passwd``, ``/etc/passwd`` nor a link out escapes."""
    folder = Path(base).resolve()
    target = (folder / Path(relative)).resolve()
    if target != folder and not target.is_relative_to(folder):
        raise FileRefused("outside-folder", relative, detail=str(folder))
    return target


def regular(path) -> Path:
    """The resolved path, if it names a regular file; refused otherwise (nothing is opened)."""
    resolved = Path(path).resolve()
    try:
        mode = os.stat(resolved).st_mode
    except FileNotFoundError:
        raise FileRefused("missing", path) from None
    _must_be_regular(mode, path)
    return resolved


def _must_be_regular(mode: int, path) -> None:
    if not stat.S_ISREG(mode):
        kind = next((text for test, text in KINDS if test(mode)), "not a file")
        raise FileRefused("not-a-file", path, detail=kind)


def _open_fd(path, limit: int) -> int:
    resolved = regular(path)
    fd = os.open(resolved, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        _must_be_regular(info.st_mode, path)
        if info.st_size > limit:
            raise FileRefused("too-large", path, detail=_mb(info.st_size), size=info.st_size, limit=limit)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes_bounded(path, limit: int | None = None) -> bytes:
    """The file's bytes, at most ``limit`` (default :func:`max_bytes`); more is refused."""
    limit = max_bytes() if limit is None else limit
    with os.fdopen(_open_fd(path, limit), "rb") as fh:
        size = os.fstat(fh.fileno()).st_size        # a hint only: the bytes read are what count
        chunks = [fh.read(size + 1)]                 # one exact allocation for a file that stays put
        total = len(chunks[0])
        while chunks[-1] and total <= limit:
            chunks.append(fh.read(min(1 << 20, limit + 1 - total)))
            total += len(chunks[-1])
    if total > limit:
        raise FileRefused("too-large", path, detail=f"> {_mb(limit)}", limit=limit)
    return chunks[0] if total == len(chunks[0]) else b"".join(chunks)


def read_text_bounded(path, limit: int | None = None, encoding: str = "utf-8") -> str:
    """:func:`read_bytes_bounded`, decoded (``UnicodeDecodeError`` is the caller's to answer)."""
    return read_bytes_bounded(path, limit).decode(encoding)


def open_bounded(path, limit: int | None = None) -> io.BufferedReader:
    """A binary stream of the file whose reads fail with :class:`FileRefused` past ``limit``
    bytes (the file may grow after it was checked). Close it (use ``with``)."""
    limit = max_bytes() if limit is None else limit
    return io.BufferedReader(_Bounded(os.fdopen(_open_fd(path, limit), "rb", buffering=0), path, limit))


class _Bounded(io.RawIOBase):
    def __init__(self, raw, path, limit: int):
        self._raw, self._path, self._limit, self._count = raw, path, limit, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = 0) -> int:
        position = self._raw.seek(offset, whence)
        self._count = position
        return position

    def tell(self) -> int:
        return self._raw.tell()

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer)
        self._count += n or 0
        if self._count > self._limit:
            raise FileRefused("too-large", self._path, detail=f"> {_mb(self._limit)}", limit=self._limit)
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"
