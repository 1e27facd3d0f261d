"""Near-duplicate quality on a labelled set generated here (issue 21): precision and recall of the
match rule (app/services/media/perceptual.py) for photos, per transformation.

The set: `bases` pictures drawn with Pillow (tests/media_corpus.py: shapes on gradients, noise,
blur, text; four families, so many pairs of different pictures share a layout and colours), each
saved as JPEG and transformed the ways recirculation does (re-encoding, resizing, a crop of up to
10 %, a caption or a logo burned in, mirroring, and all of those at once). Every file goes through
the production path: bytes → perceptual.hash_image_bytes.

Positives: each transformed copy against its own base. Negatives: every pair of different bases,
and every transformed copy against every other base (both are pairs the vault would compare).
Precision = matched positives / all matched pairs; recall = matched positives / positives.
Used by benchmarks/bench_media.py (the published figures) and tests/intake/test_media_quality.py
(a smaller set, the same aims).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from app.services.media import perceptual
from app.services.media.perceptual import Hashes


@dataclass
class Quality:
    bases: int
    positives: int = 0
    true_matches: int = 0
    false_matches: int = 0
    negatives: int = 0
    per_transform: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (matched, tried)
    closest_negative: int = 128  # the smallest pHash + dHash distance between different pictures
    plain_copies: int = 0  # transformed copies too plain to hash (counted as missed)

    @property
    def precision(self) -> float:
        matched = self.true_matches + self.false_matches
        return self.true_matches / matched if matched else 1.0

    @property
    def recall(self) -> float:
        return self.true_matches / self.positives if self.positives else 0.0


def _hash(data: bytes) -> Hashes | None:
    """None for a picture too plain to compare (perceptual.MIN_CONTRAST): never matched."""
    hashes = perceptual.hash_image_bytes(data)
    if hashes.status not in (perceptual.HASHED, perceptual.PLAIN):
        raise RuntimeError(f"a generated picture was not hashed: {hashes.status}")
    return hashes if hashes.status == perceptual.HASHED else None


def best_score(query: Hashes, stored: Hashes) -> int:
    """The rule's distance as the look-up computes it: the picture or its mirror against the stored one."""
    return min(perceptual.score(q, s) for q in (*query.pictures, *query.mirrors) for s in stored.pictures)


def evaluate(bases: int, seed: int = 1) -> Quality:
    from tests import media_corpus as mc

    rnd = random.Random(seed)
    originals, stored = [], []
    number = seed * 100_000
    while len(originals) < bases:  # a base too plain to compare would only be a miss of the set's making
        image = mc.base_image(number)
        number += 1
        hashes = _hash(mc.jpeg_bytes(image, 90))
        if hashes is not None:
            originals.append(image)
            stored.append(hashes)
    quality = Quality(bases)
    for i in range(bases):
        for j in range(i + 1, bases):
            distance = best_score(stored[i], stored[j])
            quality.negatives += 1
            quality.closest_negative = min(quality.closest_negative, distance)
            quality.false_matches += distance <= perceptual.MATCH_SUM
    for name, transform in mc.TRANSFORMS.items():
        matched = 0
        for i, image in enumerate(originals):
            copy = transform(image, rnd)
            query = _hash(mc.jpeg_bytes(copy, 85) if name != "caption burned in" else mc.png_bytes(copy))
            quality.positives += 1
            if query is None:
                quality.plain_copies += 1
                continue
            if best_score(query, stored[i]) <= perceptual.MATCH_SUM:
                matched += 1
            # Against every other base: a copy must not look like another picture.
            for j in range(bases):
                if j != i:
                    quality.negatives += 1
                    distance = best_score(query, stored[j])
                    quality.closest_negative = min(quality.closest_negative, distance)
                    quality.false_matches += distance <= perceptual.MATCH_SUM
        quality.true_matches += matched
        quality.per_transform[name] = (matched, bases)
    return quality


@dataclass
class VideoQuality:
    bases: int
    positives: int = 0
    true_matches: int = 0
    false_matches: int = 0
    negatives: int = 0
    per_transform: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        matched = self.true_matches + self.false_matches
        return self.true_matches / matched if matched else 1.0

    @property
    def recall(self) -> float:
        return self.true_matches / self.positives if self.positives else 0.0


def videos_alike(query: Hashes, stored: Hashes) -> bool:
    """The look-up's rule for two videos (sightings.find_alike): enough sampled frames alike."""
    from app.services.media import sightings

    alike = sum(1 for q, m in zip(query.pictures, query.mirrors, strict=True)
                if any(min(perceptual.score(q, s), perceptual.score(m, s)) <= perceptual.MATCH_SUM
                       for s in stored.pictures))
    return alike >= min(sightings.VIDEO_FRAMES_TO_MATCH, len(query.pictures), len(stored.pictures))


def evaluate_videos(bases: int, seconds: int = 6) -> VideoQuality:
    """Short videos drawn frame by frame (tests/media_corpus.video_bytes: a new scene every second,
    moving), encoded by FFmpeg; copies re-encoded smaller at a low bit rate, trimmed by 2 seconds
    at the start, mirrored, and all three at once."""
    from tests import media_corpus as mc

    transforms = {
        "re-encoded at 3/4 size, low bit rate": dict(width=240, height=180, quality=150_000),
        "trimmed by 2 s": dict(start_frame=20, seconds=seconds - 2),
        "mirrored": dict(mirror=True),
        "trimmed, smaller, mirrored": dict(start_frame=20, seconds=seconds - 2, width=240, height=180,
                                           quality=150_000, mirror=True),
    }
    stored = [perceptual.hash_video_bytes(mc.video_bytes(seconds, seed=500 + i)) for i in range(bases)]
    quality = VideoQuality(bases)
    for i in range(bases):
        for j in range(i + 1, bases):
            quality.negatives += 1
            quality.false_matches += videos_alike(stored[i], stored[j])
    for name, options in transforms.items():
        matched = 0
        for i in range(bases):
            settings = {"seconds": seconds, **options}
            copy = perceptual.hash_video_bytes(mc.video_bytes(seed=500 + i, **settings))
            quality.positives += 1
            matched += videos_alike(copy, stored[i])
            for j in range(bases):
                if j != i:
                    quality.negatives += 1
                    quality.false_matches += videos_alike(copy, stored[j])
        quality.true_matches += matched
        quality.per_transform[name] = (matched, bases)
    return quality
