"""Perceptual hashes of photos and of video frames, and the rule that says two look alike.

Each picture gets two 64-bit hashes of its grey image (ImageHash): pHash (the signs of the 8 × 8
lowest frequencies of a 32 × 32 DCT) and dHash (whether each of 8 × 8 pixels is brighter than its
right neighbour). Two pictures look alike when pHash distance + dHash distance ≤ MATCH_SUM (bits
that differ, of 128), comparing the new picture and its mirror image with the stored one. Chosen
on a labelled set of generated pictures (benchmarks/media_quality.py, docs/media.md): pHash alone
misses captions and logos burned in, dHash alone confuses different pictures with similar
layouts; their sum tolerates re-encoding, resizing, a crop of up to 10 % and a caption band, and
the mirror handles flipped copies, which neither hash survives on its own.

Because the sum is at most MATCH_SUM (odd), one of the two distances is at most MATCH_SUM // 2 = 11,
so in one of its four 16-bit bands that hash differs by at most 2 bits: the index
(app/services/media/sightings.py) looks up those few band values (multi-index hashing), which finds
every stored picture the rule accepts, and then the rule decides.

Videos: frames decoded by PyAV (FFmpeg) from the decrypted bytes in memory, one per
FRAME_INTERVAL_S seconds (at most MAX_FRAMES), plain frames (black, one colour) skipped; each
frame is hashed as a picture.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from app.services.media import capture

MATCH_SUM = 23
BAND_RADIUS = MATCH_SUM // 2
# A picture whose grey levels vary less than this (standard deviation, 0-255) is too plain to
# compare: every black frame would look like every other.
MIN_CONTRAST = 6.0
FRAME_INTERVAL_S = 1.0
MAX_FRAMES = 600
MAX_DECODED_FRAMES = 200_000
HASH_BITS = 64
MASK = (1 << HASH_BITS) - 1


@dataclass(frozen=True)
class PictureHash:
    phash: int  # unsigned 64-bit
    dhash: int
    frame: int = 0  # 0 for a photo; the sampled frame's number in a video
    at_ms: int | None = None  # a video frame's time


@dataclass(frozen=True)
class Hashes:
    """A file's hashes: `pictures` for what it shows, `mirrors` for the same pictures flipped
    (used to look up, never stored or sent), `status` why there are none."""

    status: str  # HASHED, PLAIN, NOT_PICTURE, UNREADABLE, TOO_LARGE, EXTRA_MISSING, NO_DECODER
    kind: str | None = None  # image | video
    pictures: tuple[PictureHash, ...] = ()
    mirrors: tuple[PictureHash, ...] = ()


HASHED = "hashed"
PLAIN = "plain"
NOT_PICTURE = "not_picture"
NO_DECODER = "no_decoder"


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def looks_alike(a: PictureHash, b: PictureHash) -> bool:
    return distance(a.phash, b.phash) + distance(a.dhash, b.dhash) <= MATCH_SUM


def score(a: PictureHash, b: PictureHash) -> int:
    return distance(a.phash, b.phash) + distance(a.dhash, b.dhash)


def _bits(value) -> int:
    """ImageHash's boolean 8 × 8 array → an unsigned 64-bit integer, row by row."""
    out = 0
    for bit in value.hash.flatten():
        out = (out << 1) | int(bool(bit))
    return out


def hash_picture(image, frame: int = 0, at_ms: int | None = None) -> tuple[PictureHash, PictureHash] | None:
    """(hash, hash of the mirror image) of a Pillow image, or None if it is too plain to compare."""
    import imagehash
    from PIL import ImageOps, ImageStat

    grey = image.convert("L")
    if grey.width > 512 or grey.height > 512:
        # Both hashes shrink to 32 × 32 or 9 × 8 anyway; shrinking first (box filter) makes a
        # 12-megapixel photo as quick as a small one and changes no decision in the labelled set.
        grey.thumbnail((512, 512))
    if ImageStat.Stat(grey).stddev[0] < MIN_CONTRAST:
        return None
    flipped = ImageOps.mirror(grey)
    return (PictureHash(_bits(imagehash.phash(grey)), _bits(imagehash.dhash(grey)), frame, at_ms),
            PictureHash(_bits(imagehash.phash(flipped)), _bits(imagehash.dhash(flipped)), frame, at_ms))


def hash_image_bytes(data: bytes) -> Hashes:
    if not _images():
        return Hashes(capture.EXTRA_MISSING)
    from PIL import Image, UnidentifiedImageError

    caught = capture.quiet_pillow()
    try:
        with capture.open_image(data) as image:
            # JPEG: decode at 1/2, 1/4 or 1/8 scale straight from the DCT (no full 12-megapixel decode).
            image.draft("L", (512, 512))
            image.load()
            pair = hash_picture(image)
    except UnidentifiedImageError:
        return Hashes(NOT_PICTURE)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Hashes(capture.TOO_LARGE, "image")
    except ValueError as exc:
        return Hashes(capture.TOO_LARGE if str(exc) == "too_large" else capture.UNREADABLE, "image")
    except Exception:  # noqa: BLE001 - Pillow raises many types on hostile files; each is "unreadable"
        return Hashes(capture.UNREADABLE, "image")
    finally:
        caught.__exit__(None, None, None)
    if pair is None:
        return Hashes(PLAIN, "image")
    return Hashes(HASHED, "image", (pair[0],), (pair[1],))


def hash_video_bytes(data: bytes, cancelled: Callable[[], bool] | None = None) -> Hashes:
    """Frames sampled by FFmpeg (PyAV) from the bytes in memory: no file is ever written."""
    if not _images():
        return Hashes(capture.EXTRA_MISSING)
    try:
        import av
    except ImportError:
        return Hashes(NO_DECODER, "video")
    pictures: list[PictureHash] = []
    mirrors: list[PictureHash] = []
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            if not container.streams.video:
                return Hashes(NOT_PICTURE)
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            duration = float(stream.duration * stream.time_base) if stream.duration and stream.time_base else None
            interval = FRAME_INTERVAL_S
            if duration and duration / interval > MAX_FRAMES:
                interval = duration / MAX_FRAMES
            next_at, decoded, number = 0.0, 0, 0
            for frame in container.decode(stream):
                decoded += 1
                if decoded > MAX_DECODED_FRAMES or (cancelled is not None and cancelled()):
                    break
                at = float(frame.pts * frame.time_base) if frame.pts is not None and frame.time_base else None
                if at is None or at + 1e-6 < next_at:
                    continue
                next_at = at + interval
                pair = hash_picture(frame.to_image(), number, int(at * 1000))
                number += 1
                if pair is not None:
                    pictures.append(pair[0])
                    mirrors.append(pair[1])
                if number >= MAX_FRAMES:
                    break
    except Exception:  # noqa: BLE001 - FFmpeg's errors on a hostile file come as many types; each is "unreadable"
        return Hashes(capture.UNREADABLE, "video") if not pictures else _video(pictures, mirrors)
    return _video(pictures, mirrors) if pictures else Hashes(PLAIN if number else capture.UNREADABLE, "video")


def _video(pictures: list[PictureHash], mirrors: list[PictureHash]) -> Hashes:
    return Hashes(HASHED, "video", tuple(pictures), tuple(mirrors))


def _images() -> bool:
    from app.services.media import extra

    return extra.images()


def to_signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    return value & MASK


def bands(value: int) -> tuple[int, int, int, int]:
    """The four 16-bit bands multi-index hashing looks up."""
    return tuple((value >> shift) & 0xFFFF for shift in (48, 32, 16, 0))  # type: ignore[return-value]


def band_probes(value: int, radius: int = BAND_RADIUS) -> list[set[int]]:
    """For each band, every 16-bit value within radius // 4 bits of the band's (multi-index
    hashing: if two 64-bit hashes differ in at most `radius` bits, one of the 4 bands differs in
    at most radius // 4)."""
    from itertools import combinations

    per_band = radius // 4
    out = []
    for band in bands(value):
        values = {band}
        for flips in range(1, per_band + 1):
            for positions in combinations(range(16), flips):
                flipped = band
                for p in positions:
                    flipped ^= 1 << p
                values.add(flipped)
        out.append(values)
    return out
