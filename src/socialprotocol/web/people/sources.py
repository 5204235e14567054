"""Where an import comes from: a directory CSV, a OneRoster folder, or a OneRoster ZIP.

The engine reads the files; this module only unpacks a ZIP safely (bounded, no paths that
leave the folder) so an upload in the admin and a file on the command line are read alike.
"""

from __future__ import annotations

import tempfile
import zipfile
from io import BytesIO
from pathlib import Path, PurePosixPath

from socialprotocol.engine.directory import Directory, load_directory, parse_directory_csv
from socialprotocol.engine.model import InputError

MAX_UNPACKED = 200 * 1024 * 1024


def _unpack(data: bytes, into: Path) -> Path:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("Het ZIP-bestand is beschadigd.") from None
    total = 0
    with archive:
        for info in archive.infolist():
            name = PurePosixPath(info.filename)
            if info.is_dir() or name.suffix.lower() != ".csv":
                continue
            total += info.file_size
            if total > MAX_UNPACKED:
                raise InputError("Het ZIP-bestand is uitgepakt groter dan 200 MB.")
            # Only the file name counts: OneRoster files sit side by side in one folder.
            (into / name.name).write_bytes(archive.read(info))
    if not (into / "users.csv").exists():
        raise InputError("In het ZIP-bestand staat geen users.csv (OneRoster).")
    return into


def directory_from_upload(name: str, data: bytes) -> Directory:
    if data[:4] == b"PK\x03\x04":
        with tempfile.TemporaryDirectory() as tmp:
            return load_directory(_unpack(data, Path(tmp)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return parse_directory_csv(text, name)


def directory_from_path(path: Path) -> Directory:
    if path.is_file() and path.suffix.lower() == ".zip":
        return directory_from_upload(path.name, path.read_bytes())
    return load_directory(path)
