"""A file's media record in the vault, and "seen before": near-duplicates and their earliest sighting.

Everything lives in the encrypted database (migration 0021): the capture metadata as JSON in
`attachment_media`, the hashes in `media_hashes`. The look-up is multi-index hashing over the
16-bit bands of both hashes (perceptual.band_probes): a few hundred indexed probes instead of a
scan of every stored hash, and exact — it returns every stored picture the match rule accepts.

A sighting is when this vault first had a file: attached here, or received from a documenter
(the bundle's import time, and who sent it). The earliest sighting of a near-duplicate is what
a documenter or coordinator is told: "looks like a photo received on 9 March 2025 from X".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.services.media import capture, perceptual
from app.services.media.perceptual import Hashes, PictureHash
from storage.database import Connection

# A video looks like a stored one when this many of its sampled frames (or all, if it has fewer)
# look like frames of that one video.
VIDEO_FRAMES_TO_MATCH = 3
MAX_STORED_FRAMES = perceptual.MAX_FRAMES


@dataclass(frozen=True)
class Sighting:
    """An attachment already in the vault that looks like the new one."""

    attachment_id: str
    case_id: str
    kind: str  # image | video
    seen_at: str
    seen_from: str  # the documenter's key id, '' when attached in this vault
    seen_from_name: str  # the documenter's trusted name, if any
    frames: int  # pictures that look alike (1 for photos)
    score: int  # the best pair's pHash + dHash distance (0 = identical)
    mirrored: bool  # the best pair matched the mirror image

    def to_json(self) -> dict:
        return dict(self.__dict__)


def store(conn: Connection, attachment_id: str, capture_result: dict, hashes: Hashes, *, seen_at: str,
          seen_from: str = "", read_here: bool = True) -> None:
    """Keep a file's media record and hashes; inside the caller's transaction."""
    conn.execute(
        "INSERT INTO attachment_media (attachment_id, capture, hash_status, kind, seen_at, seen_from, read_here) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT (attachment_id) DO NOTHING",
        (attachment_id, json.dumps(capture.kept(capture_result), ensure_ascii=False, sort_keys=True),
         hashes.status, hashes.kind or capture_result.get("kind"), seen_at, seen_from, int(read_here)),
    )
    if conn.execute("SELECT 1 FROM media_hashes WHERE attachment_id = ? LIMIT 1", (attachment_id,)).fetchone():
        return
    conn.executemany(
        "INSERT INTO media_hashes (attachment_id, frame, at_ms, phash, dhash, mirror_phash, mirror_dhash, "
        "p0, p1, p2, p3, d0, d1, d2, d3) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(attachment_id, h.frame, h.at_ms, perceptual.to_signed(h.phash), perceptual.to_signed(h.dhash),
          perceptual.to_signed(m.phash), perceptual.to_signed(m.dhash),
          *perceptual.bands(h.phash), *perceptual.bands(h.dhash))
         for h, m in zip(hashes.pictures[:MAX_STORED_FRAMES], hashes.mirrors[:MAX_STORED_FRAMES], strict=True)],
    )


def media_record(conn: Connection, attachment_id: str) -> dict | None:
    row = conn.execute(
        "SELECT capture, hash_status, kind, seen_at, seen_from, read_here FROM attachment_media "
        "WHERE attachment_id = ?", (attachment_id,)).fetchone()
    if row is None:
        return None
    frames = conn.execute("SELECT count(*) FROM media_hashes WHERE attachment_id = ?", (attachment_id,)).fetchone()[0]
    return {"capture": json.loads(row[0]), "hash_status": row[1], "kind": row[2], "seen_at": row[3],
            "seen_from": row[4], "read_here": bool(row[5]), "hashed_pictures": frames}


def stored_hashes(conn: Connection, attachment_id: str) -> Hashes:
    rows = conn.execute(
        "SELECT frame, at_ms, phash, dhash, mirror_phash, mirror_dhash FROM media_hashes WHERE attachment_id = ? "
        "ORDER BY frame", (attachment_id,)).fetchall()
    kind = conn.execute("SELECT kind FROM attachment_media WHERE attachment_id = ?", (attachment_id,)).fetchone()
    u = perceptual.to_unsigned
    return Hashes(perceptual.HASHED if rows else perceptual.NOT_PICTURE, kind[0] if kind else None,
                  tuple(PictureHash(u(p), u(d), f, ms) for f, ms, p, d, _mp, _md in rows),
                  tuple(PictureHash(u(mp), u(md), f, ms) for f, ms, _p, _d, mp, md in rows))


def _candidates(conn: Connection, query: PictureHash, mirror: PictureHash | None) -> list[tuple]:
    """Stored pictures that may look like `query` or its mirror: one of the 8 bands within reach."""
    probes_p = perceptual.band_probes(query.phash)
    probes_d = perceptual.band_probes(query.dhash)
    if mirror is not None:
        for mine, theirs in ((probes_p, perceptual.band_probes(mirror.phash)),
                             (probes_d, perceptual.band_probes(mirror.dhash))):
            for band, extra_values in zip(mine, theirs, strict=True):
                band |= extra_values
    parts, args = [], []
    for prefix, probes in (("p", probes_p), ("d", probes_d)):
        for index, values in enumerate(probes):
            parts.append(f"SELECT id FROM media_hashes WHERE {prefix}{index} IN ({','.join('?' * len(values))})")
            args += sorted(values)
    sql = ("SELECT attachment_id, frame, phash, dhash FROM media_hashes WHERE id IN ("
           + " UNION ".join(parts) + ")")
    return conn.execute(sql, args).fetchall()


def find_alike(conn: Connection, hashes: Hashes, exclude: str | None = None) -> list[Sighting]:
    """Attachments whose pictures look like these, earliest sighting first."""
    if not hashes.pictures:
        return []
    # attachment id → {query frame: (best score, mirrored)}
    hits: dict[str, dict[int, tuple[int, bool]]] = {}
    for query, mirror in zip(hashes.pictures, hashes.mirrors or (None,) * len(hashes.pictures), strict=True):
        for attachment_id, _frame, p, d in _candidates(conn, query, mirror):
            if attachment_id == exclude:
                continue
            stored = PictureHash(perceptual.to_unsigned(p), perceptual.to_unsigned(d))
            best = (perceptual.score(query, stored), False)
            if mirror is not None:
                best = min(best, (perceptual.score(mirror, stored), True))
            if best[0] <= perceptual.MATCH_SUM:
                frames = hits.setdefault(attachment_id, {})
                if query.frame not in frames or best < frames[query.frame]:
                    frames[query.frame] = best
    found = []
    for attachment_id, frames in hits.items():
        row = conn.execute(
            "SELECT a.case_id, m.kind, m.seen_at, m.seen_from, coalesce(t.name, ''), "
            "(SELECT count(*) FROM media_hashes h WHERE h.attachment_id = a.id) "
            "FROM attachments a JOIN attachment_media m ON m.attachment_id = a.id "
            "LEFT JOIN trusted_documenters t ON t.key_id = m.seen_from WHERE a.id = ?", (attachment_id,)).fetchone()
        if row is None:
            continue
        case_id, kind, seen_at, seen_from, name, stored_frames = row
        if hashes.kind == "video" and kind == "video":
            needed = min(VIDEO_FRAMES_TO_MATCH, len(hashes.pictures), stored_frames)
            if len(frames) < needed:
                continue
        best_score, mirrored = min(frames.values())
        found.append(Sighting(attachment_id, case_id, kind or "", seen_at, seen_from, name, len(frames),
                              best_score, mirrored))
    found.sort(key=lambda s: (s.seen_at, s.score))
    return found


def earliest(sightings: list[Sighting]) -> Sighting | None:
    return sightings[0] if sightings else None


def record_alike(conn: Connection, attachment_id: str, sightings: list[Sighting]) -> None:
    """Keep what the look-up found when the file arrived (inside the caller's transaction)."""
    conn.executemany(
        "INSERT OR IGNORE INTO media_alike (attachment_id, earlier_id, score, frames, mirrored) VALUES (?,?,?,?,?)",
        [(attachment_id, s.attachment_id, s.score, s.frames, int(s.mirrored)) for s in sightings])


def alike_of(conn: Connection, attachment_id: str) -> list[Sighting]:
    """The attachments this one looked like when it arrived, earliest sighting first."""
    rows = conn.execute(
        "SELECT a.id, a.case_id, m.kind, m.seen_at, m.seen_from, coalesce(t.name, ''), x.frames, x.score, "
        "x.mirrored FROM media_alike x JOIN attachments a ON a.id = x.earlier_id "
        "JOIN attachment_media m ON m.attachment_id = a.id "
        "LEFT JOIN trusted_documenters t ON t.key_id = m.seen_from WHERE x.attachment_id = ? "
        "ORDER BY m.seen_at, x.score", (attachment_id,)).fetchall()
    return [Sighting(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows]
