"""Photos and videos in a partner export (issue 21 item 4), beside the CSV files of a csv export.

Which files: the attachments of the exported cases, except a file that a statement the consent
filter withheld cites (it would retell the statement). Each is decrypted into memory and written
as `media/<sha256 of the original>.<ext>`: never under its original file name, which may name a
person. By default GPS and device metadata are removed (app/services/media/strip.py, lossless); a
file whose metadata cannot be removed is left out and counted. With `keep_metadata` the files go
out as they are: the user's choice, recorded in the audit log with the export.
`media.csv` lists each file: its original SHA-256 (what sources.csv names), the exported file and
its SHA-256, and what was done.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from app.services.media import analyse, strip
from storage.atomic import atomic_write_bytes, ensure_private_dir
from storage.vault import Vault

EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "video/mp4": ".mp4", "video/quicktime": ".mov"}
COLUMNS = ("case_id", "original_sha256", "file", "sha256", "media_type", "metadata")


@dataclass
class MediaOut:
    written: int = 0
    left_out: dict[str, int] = field(default_factory=dict)  # reason → files
    metadata_kept: bool = False
    files: list[Path] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"written": self.written, "left_out": self.left_out, "metadata_kept": self.metadata_kept}

    def lines(self) -> list[str]:
        what = ("as they are: GPS and device metadata KEPT on purpose (recorded in the audit log)"
                if self.metadata_kept else "without GPS and device metadata")
        lines = [f"media: {self.written} photo(s) and video(s) written {what}"]
        for reason, count in sorted(self.left_out.items()):
            lines.append(f"media: {count} file(s) left out: {LEFT_OUT[reason]}")
        return lines


LEFT_OUT = {
    "withheld": "cited by a statement the consent filter withheld",
    "unsupported": "metadata cannot be removed from this kind of file (only JPEG, PNG and MP4/QuickTime are "
                   "rewritten); --keep-media-metadata sends it as it is",
    "telemetry": "a video with a telemetry track of positions, which cannot be removed",
    "malformed": "the file's structure does not parse, so its metadata cannot be removed safely",
    "too_large": f"larger than {analyse.MAX_IN_MEMORY >> 20} MiB, the most read into memory",
}


def _cited(body: dict) -> set[str]:
    return {s["attachment"] for s in body.get("sources") or []
            if isinstance(s, dict) and isinstance(s.get("attachment"), str)}


def write_media(vault: Vault, folder: Path, exported: list[tuple[str, dict, dict]], *, keep_metadata: bool) -> MediaOut:
    """`exported`: (case id, its body, the body after the consent filter) of every exported case."""
    result = MediaOut(metadata_kept=keep_metadata)
    conn = vault.connection()
    rows: list[dict] = []
    target = ensure_private_dir(folder / "media")
    for case_id, original, filtered in exported:
        withheld = _cited(original) - _cited(filtered)
        for attachment_id, sha256, size, media_type, blob in conn.execute(
                "SELECT id, sha256, size, media_type, blob FROM attachments WHERE case_id = ? ORDER BY added_at, id",
                (case_id,)).fetchall():
            if attachment_id in withheld or sha256 in withheld:
                result.left_out["withheld"] = result.left_out.get("withheld", 0) + 1
                continue
            if size > analyse.MAX_IN_MEMORY:
                result.left_out["too_large"] = result.left_out.get("too_large", 0) + 1
                continue
            data = vault.blobs.read_bytes(blob, sha256, analyse.MAX_IN_MEMORY)
            if not keep_metadata:
                try:
                    data = strip.strip(data)
                except strip.CannotStrip as refused:
                    result.left_out[refused.reason] = result.left_out.get(refused.reason, 0) + 1
                    continue
            name = sha256 + EXTENSIONS.get(media_type, ".bin")
            path = target / name
            atomic_write_bytes(path, data)
            result.files.append(path)
            result.written += 1
            rows.append({"case_id": case_id, "original_sha256": sha256, "file": f"media/{name}",
                         "sha256": hashlib.sha256(data).hexdigest(), "media_type": media_type,
                         "metadata": "kept" if keep_metadata else "GPS and device metadata removed"})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    manifest = folder / "media.csv"
    atomic_write_bytes(manifest, buffer.getvalue().encode("utf-8-sig"))
    result.files.append(manifest)
    return result
