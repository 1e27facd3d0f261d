"""A bounded reader of MP4/QuickTime (ISO base media) boxes: capture date, duration, place and device.

Why our own: the few boxes we need (mvhd, udta's ©xyz/©mak/©mod/©swr/©day and Apple's keyed
`meta`) are simple, and a reader of 200 lines whose every length is checked against the bytes it
was given is easier to trust with a hostile file than a general parser. Nothing here decodes
media; `neutralise` blanks metadata boxes for partner exports without moving a byte of the rest.

Every function takes the whole file as bytes (it was decrypted into memory) and never reads past
them: a box that claims more than is there ends the walk, and the walk stops after MAX_BOXES.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MAX_BOXES = 20_000
MAX_DEPTH = 8
MAX_TEXT = 200
# Boxes that hold other boxes and that we descend into.
CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"udta", b"edts", b"stbl"}
EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)
ISO6709 = re.compile(r"^([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)")
QUICKTIME_TEXT = {b"\xa9xyz": "location", b"\xa9mak": "make", b"\xa9mod": "model", b"\xa9swr": "software",
                  b"\xa9day": "date"}
APPLE_KEYS = {"com.apple.quicktime.location.ISO6709": "location", "com.apple.quicktime.make": "make",
              "com.apple.quicktime.model": "model", "com.apple.quicktime.software": "software",
              "com.apple.quicktime.creationdate": "date"}
# Handler types of timed metadata tracks that carry positions (GoPro's gpmd, CAMM): their samples
# sit in mdat among the frames, so they cannot be blanked without rewriting the file.
TELEMETRY_HANDLERS = {b"camm", b"gpmd"}


class NotMp4(ValueError):
    """The bytes do not start with an ISO base media box this reader recognises."""


@dataclass(frozen=True)
class Box:
    type: bytes
    start: int  # offset of the box header
    body: int  # offset of the payload
    end: int  # offset after the box


def boxes(data: bytes | memoryview, start: int = 0, end: int | None = None, counter: list[int] | None = None,
          ) -> Iterator[Box]:
    """The boxes between start and end (one level); stops at the first box that does not fit."""
    end = len(data) if end is None else end
    counter = counter if counter is not None else [0]
    at = start
    while at + 8 <= end:
        counter[0] += 1
        if counter[0] > MAX_BOXES:
            return
        size, kind = struct.unpack_from(">I4s", data, at)
        body = at + 8
        if size == 1:
            if at + 16 > end:
                return
            size = struct.unpack_from(">Q", data, at + 8)[0]
            body = at + 16
        elif size == 0:
            size = end - at
        if size < body - at or at + size > end:
            return
        yield Box(kind, at, body, at + size)
        at += size


def is_mp4(data: bytes) -> bool:
    return len(data) >= 12 and data[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip")


def _text_item(data: bytes, box: Box) -> str:
    """A QuickTime text item: 16-bit length, 16-bit language, then the text; or an iTunes `data` box."""
    payload = bytes(data[box.body:box.end][: 4 + 4 * MAX_TEXT])
    for inner in boxes(payload):
        if inner.type == b"data" and inner.end - inner.body >= 8:
            return _clean(payload[inner.body + 8:inner.end])
    if len(payload) >= 4:
        length = struct.unpack_from(">H", payload, 0)[0]
        return _clean(payload[4:4 + length])
    return ""


def _clean(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return "".join(c for c in text if c.isprintable())[:MAX_TEXT]


def _apple_meta(data: bytes, meta: Box, found: dict[str, str], counter: list[int]) -> None:
    """Apple's keyed metadata: `keys` lists names, `ilst` item n holds key n's `data` box."""
    names: list[str] = []
    items: list[Box] = []
    for box in boxes(data, meta.body, meta.end, counter):
        if box.type == b"keys" and box.end - box.body >= 8:
            count = struct.unpack_from(">I", data, box.body + 4)[0]
            at = box.body + 8
            for _ in range(min(count, 1000)):
                if at + 8 > box.end:
                    break
                size = struct.unpack_from(">I", data, at)[0]
                if size < 8 or at + size > box.end:
                    break
                names.append(bytes(data[at + 8:at + size]).decode("utf-8", "replace"))
                at += size
        elif box.type == b"ilst":
            items = list(boxes(data, box.body, box.end, counter))
    for item in items:
        index = struct.unpack_from(">I", item.type)[0]
        if 1 <= index <= len(names) and names[index - 1] in APPLE_KEYS:
            found.setdefault(APPLE_KEYS[names[index - 1]], _text_item(data, item))


def read_metadata(data: bytes) -> dict:
    """What an MP4/QuickTime file says about its capture: {taken_at, duration_s, gps, make, model,
    software, telemetry_track}, each only if present. Raises NotMp4 for other files."""
    if not is_mp4(data):
        raise NotMp4()
    counter = [0]
    found: dict[str, str] = {}
    result: dict = {}
    handlers: set[bytes] = set()

    def walk(start: int, end: int, depth: int) -> None:
        for box in boxes(data, start, end, counter):
            if box.type == b"mvhd" and box.end - box.body >= 20:
                _movie_header(data, box, result)
            elif box.type == b"hdlr" and box.end - box.body >= 12:
                handlers.add(bytes(data[box.body + 8:box.body + 12]))
            elif box.type in QUICKTIME_TEXT:
                found.setdefault(QUICKTIME_TEXT[box.type], _text_item(data, box))
            elif box.type == b"meta":
                # ISO `meta` is a full box (4 bytes of version and flags); QuickTime's is not.
                first = bytes(data[box.body + 4:box.body + 8])
                inner = box.body + (0 if first in (b"hdlr", b"keys", b"ilst") else 4)
                _apple_meta(data, Box(box.type, box.start, inner, box.end), found, counter)
            elif box.type in CONTAINERS and depth < MAX_DEPTH:
                walk(box.body, box.end, depth + 1)

    walk(0, len(data), 0)
    place = ISO6709.match(found.get("location", ""))
    if place:
        lat, lon = float(place.group(1)), float(place.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            result["gps"] = {"lat": round(lat, 6), "lon": round(lon, 6)}
    for key in ("make", "model", "software"):
        if found.get(key):
            result[key] = found[key]
    if "taken_at" not in result and found.get("date"):
        result["taken_at"] = found["date"][:40]
        result["taken_at_source"] = "quicktime:date"
    if handlers & TELEMETRY_HANDLERS:
        result["telemetry_track"] = True
    return result


def _movie_header(data: bytes, box: Box, result: dict) -> None:
    version = data[box.body]
    if version == 1 and box.end - box.body >= 32:
        created, _modified, timescale, duration = struct.unpack_from(">QQIQ", data, box.body + 4)
    else:
        created, _modified, timescale, duration = struct.unpack_from(">IIII", data, box.body + 4)
    if timescale and duration and duration != 0xFFFFFFFF and duration != 0xFFFFFFFFFFFFFFFF:
        result["duration_s"] = round(duration / timescale, 3)
    # 0 is what many encoders write when they do not know; beyond 2100 is not a capture date.
    if created and created < 6_311_390_400:
        taken = EPOCH_1904 + timedelta(seconds=created)
        result["taken_at"] = taken.strftime("%Y-%m-%dT%H:%M:%SZ")
        result["taken_at_source"] = "mp4:mvhd"


def neutralise(data: bytes) -> tuple[bytes, int, bool]:
    """A copy with every user-metadata box (udta, meta, and XMP `uuid` boxes in moov or a track)
    turned into a `free` box of the same size, zero-filled: GPS, make, model and software are gone,
    every other byte (and so every sample offset) is where it was. Returns (copy, boxes blanked,
    whether a telemetry track that still carries positions was found)."""
    if not is_mp4(data):
        raise NotMp4()
    out = bytearray(data)
    counter = [0]
    blanked = 0
    telemetry = False

    def walk(start: int, end: int, depth: int) -> None:
        nonlocal blanked, telemetry
        for box in boxes(data, start, end, counter):
            if box.type in (b"udta", b"meta", b"uuid"):
                header = box.body - box.start
                out[box.start + 4:box.start + 8] = b"free"
                out[box.start + header:box.end] = bytes(box.end - box.start - header)
                blanked += 1
            elif box.type == b"hdlr" and box.end - box.body >= 12 and data[box.body + 8:box.body + 12] in (
                    TELEMETRY_HANDLERS):
                telemetry = True
            elif box.type in CONTAINERS and depth < MAX_DEPTH:
                walk(box.body, box.end, depth + 1)

    walk(0, len(data), 0)
    return bytes(out), blanked, telemetry
