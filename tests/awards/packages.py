"""Helpers of the package tests: open a package written to disk, and write one by hand (valid,
or damaged on purpose)."""

import hashlib
import io
import json
import zipfile
from pathlib import Path


def opened(source) -> tuple[dict, dict[str, bytes]]:
    """(package.json as data, {other entry: bytes}) of a zip file or bytes."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    with zipfile.ZipFile(handle) as archive:
        data = json.loads(archive.read("package.json"))
        files = {name: archive.read(name) for name in archive.namelist()
                 if name != "package.json"}
    return data, files


def written(path: Path, data: dict, files: dict[str, bytes] | None = None, *,
            listed: bool = True, manifest: bytes | None = None) -> Path:
    """A package at `path`: `data` as package.json (its `files` filled in from `files`, with
    true sizes and hashes, unless `listed` is False) and the files stored uncompressed."""
    files = files or {}
    if listed:
        data = {**data, "files": [
            {"path": name, "name": name.rsplit("/", 1)[-1], "size": len(content),
             "sha256": hashlib.sha256(content).hexdigest(), "kind": "evidence",
             "content_type": "application/pdf", "nominee": None}
            for name, content in files.items()] + list(data.get("files", []))}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("package.json", manifest if manifest is not None
                         else json.dumps(data, ensure_ascii=False))
        for name, content in files.items():
            archive.writestr(name, content)
    return path


def damaged(path: Path, needle: bytes) -> Path:
    """Flip one byte of the stored content `needle` inside the zip: its CRC no longer fits."""
    raw = bytearray(path.read_bytes())
    at = raw.index(needle)
    raw[at] ^= 0x01
    path.write_bytes(bytes(raw))
    return path


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>" \
      b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
