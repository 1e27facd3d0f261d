"""Photos and videos made in the test (Pillow, PyAV): the labelled near-duplicate set, files with
known capture metadata, and the hostile media corpus. Shared by tests and benchmarks/bench_media.py,
so the benchmark measures the set the tests check. Nothing is committed and nothing downloaded.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

W, H = 640, 480


# ---- pictures ------------------------------------------------------------------------------------
def base_image(seed: int):
    """One of four families (shapes on a gradient, + noise, + blur, + text), different per seed."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rnd = random.Random(seed)
    a = np.linspace(0, 1, W)[None, :]
    b = np.linspace(0, 1, H)[:, None]
    c1 = np.array([rnd.randrange(256) for _ in range(3)])
    c2 = np.array([rnd.randrange(256) for _ in range(3)])
    slope = rnd.random()
    t = a * slope + b * (1 - slope)
    image = Image.fromarray((c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]).astype(
        np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(rnd.randint(3, 12)):
        x0, y0 = rnd.randrange(W), rnd.randrange(H)
        x1, y1 = x0 + rnd.randint(20, 300), y0 + rnd.randint(20, 300)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        shape = rnd.choice(["rect", "ellipse", "line", "poly"])
        if shape == "rect":
            draw.rectangle([x0, y0, x1, y1], fill=colour)
        elif shape == "ellipse":
            draw.ellipse([x0, y0, x1, y1], fill=colour)
        elif shape == "line":
            draw.line([x0, y0, x1, y1], fill=colour, width=rnd.randint(2, 20))
        else:
            draw.polygon([(rnd.randrange(W), rnd.randrange(H)) for _ in range(rnd.randint(3, 6))], fill=colour)
    font = ImageFont.load_default(size=rnd.randint(20, 60))
    for _ in range(rnd.randint(0, 3)):
        text = "".join(rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789 ") for _ in range(rnd.randint(4, 14)))
        draw.text((rnd.randrange(W - 100), rnd.randrange(H - 40)), text,
                  fill=tuple(rnd.randrange(256) for _ in range(3)), font=font)
    family = seed % 4
    if family == 1:
        noise = np.random.default_rng(seed).normal(0, 25, (H, W, 3))
        image = Image.fromarray(np.clip(np.asarray(image) + noise, 0, 255).astype(np.uint8))
    elif family == 2:
        image = image.filter(ImageFilter.GaussianBlur(2))
    return image


def _jpeg(image, quality: int):
    from PIL import Image

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _crop(image, fraction: float, rnd: random.Random):
    """Up to `fraction` of the width and of the height cut away, split at random between the sides."""
    w, h = image.size
    dx, dy = int(w * fraction), int(h * fraction)
    left, top = rnd.randint(0, dx), rnd.randint(0, dy)
    return image.crop((left, top, w - (dx - left), h - (dy - top)))


def _caption(image, rnd: random.Random):
    from PIL import ImageDraw, ImageFont

    image = image.copy()
    draw = ImageDraw.Draw(image)
    w, h = image.size
    draw.rectangle([0, h - h // 8, w, h], fill=(0, 0, 0))
    draw.text((10, h - h // 8 + 5), f"BREAKING NEWS {rnd.randrange(10 ** 6)}", fill=(255, 255, 255),
              font=ImageFont.load_default(size=h // 14))
    return image


def _logo(image, rnd: random.Random):
    from PIL import ImageDraw, ImageFont

    image = image.copy()
    draw = ImageDraw.Draw(image)
    w, h = image.size
    draw.rectangle([w - w // 6, 10, w - 10, 10 + h // 10], fill=(255, 255, 255))
    draw.text((w - w // 6 + 5, 15), "TV", fill=(200, 0, 0), font=ImageFont.load_default(size=h // 14))
    return image


def _resize(image, rnd: random.Random):
    scale = rnd.uniform(0.3, 0.8)
    return image.resize((int(image.width * scale), int(image.height * scale)))


def _mirror(image, rnd: random.Random):
    from PIL import ImageOps

    return ImageOps.mirror(image)


def _all_at_once(image, rnd: random.Random):
    from PIL import ImageOps

    return _jpeg(_crop(ImageOps.mirror(image).resize((image.width // 2, image.height // 2)), 0.05, rnd), 50)


# The transformations real recirculation applies (issue 21).
TRANSFORMS: dict[str, Callable] = {
    "jpeg re-encode": lambda image, rnd: _jpeg(image, rnd.randint(30, 70)),
    "resize": _resize,
    "crop up to 10%": lambda image, rnd: _crop(image, rnd.uniform(0.05, 0.10), rnd),
    "caption burned in": _caption,
    "logo burned in": _logo,
    "mirror": _mirror,
    "mirror+resize+crop+jpeg": _all_at_once,
}


def jpeg_bytes(image, quality: int = 90, exif: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def png_bytes(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


# ---- EXIF ----------------------------------------------------------------------------------------
def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 100)
    return (Fraction(degrees), Fraction(minutes), Fraction(seconds, 100))


def exif_bytes(*, taken: str | None = None, lat: float | None = None, lon: float | None = None,
               make: str | None = None, model: str | None = None, software: str | None = None,
               offset: str | None = None, serial: str | None = None) -> bytes:
    """An EXIF block as a phone writes one (Pillow's writer): taken is 'YYYY:MM:DD HH:MM:SS'."""
    from PIL import Image, TiffImagePlugin

    exif = Image.Exif()
    if make:
        exif[0x010F] = make
    if model:
        exif[0x0110] = model
    if software:
        exif[0x0131] = software
    exif[0x0112] = 1  # orientation
    details = exif.get_ifd(0x8769)
    if taken:
        details[0x9003] = taken
        exif[0x0132] = taken
    if offset:
        details[0x9011] = offset
    if serial:
        details[0xA431] = serial
    if lat is not None and lon is not None:
        gps = exif.get_ifd(0x8825)
        gps[1] = "N" if lat >= 0 else "S"
        gps[2] = tuple(TiffImagePlugin.IFDRational(f.numerator, f.denominator) for f in _dms(lat))
        gps[3] = "E" if lon >= 0 else "W"
        gps[4] = tuple(TiffImagePlugin.IFDRational(f.numerator, f.denominator) for f in _dms(lon))
    return exif.tobytes()


def photo_with_exif(seed: int = 7, **fields) -> bytes:
    return jpeg_bytes(base_image(seed), exif=exif_bytes(**fields))


# ---- MP4 -----------------------------------------------------------------------------------------
def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def _qt_text(kind: bytes, text: str) -> bytes:
    raw = text.encode()
    return _box(kind, struct.pack(">HH", len(raw), 0x55C4) + raw)


def mp4_metadata_boxes(mp4: bytes, *, created_1904: int, location: str | None = None, make: str | None = None,
                       model: str | None = None) -> bytes:
    """`mp4` with its mvhd creation time set and a udta (©xyz, ©mak, ©mod) appended to moov, as
    phones write them. The moov box grows, so it must come after mdat (PyAV's default)."""
    data = bytearray(mp4)
    at = 0
    while at + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, at)
        if kind == b"moov":
            break
        at += size
    else:
        raise ValueError("no moov")
    moov_end = at + size
    inner = at + 8
    while inner < moov_end:
        isize, ikind = struct.unpack_from(">I4s", data, inner)
        if ikind == b"mvhd":
            version = data[inner + 8]
            if version == 1:
                struct.pack_into(">Q", data, inner + 12, created_1904)
            else:
                struct.pack_into(">I", data, inner + 12, created_1904)
        inner += isize
    udta = b""
    if location:
        udta += _qt_text(b"\xa9xyz", location)
    if make:
        udta += _qt_text(b"\xa9mak", make)
    if model:
        udta += _qt_text(b"\xa9mod", model)
    extra = _box(b"udta", udta) if udta else b""
    if moov_end != len(data):
        raise ValueError("moov is not last")
    data += extra
    struct.pack_into(">I", data, at, size + len(extra))
    return bytes(data)


def video_bytes(seconds: float = 4, width: int = 320, height: int = 240, fps: int = 10, seed: int = 1,
                codec: str = "mpeg4", start_frame: int = 0, quality: int | None = None, mirror: bool = False) -> bytes:
    """A short MP4 encoded by FFmpeg (PyAV) from drawn frames: a moving scene that changes every second."""
    import av
    import numpy as np

    rnd = random.Random(seed)
    scenes = [np.asarray(base_image(seed * 1000 + k).resize((width, height))) for k in range(int(seconds) + 2)]
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        if quality is not None:
            stream.bit_rate = quality
        for i in range(start_frame, start_frame + int(seconds * fps)):
            frame = scenes[i // fps].copy()
            shift = (i % fps) * 2
            frame = np.roll(frame, shift, axis=1)
            if mirror:
                frame = frame[:, ::-1]
            for packet in stream.encode(av.VideoFrame.from_ndarray(np.ascontiguousarray(frame), format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    del rnd
    return buffer.getvalue()


# ---- C2PA ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class C2paTestSigner:
    """A C2PA signer made in the test: an ES256 certificate issued by a test root (cryptography)."""

    root_pem: bytes
    chain_pem: bytes
    key_pem: bytes


def c2pa_test_signer(name: str = "Test Camera Signer") -> C2paTestSigner:
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    def subject(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Newsroom")])

    def usage(signing: bool) -> x509.KeyUsage:
        return x509.KeyUsage(digital_signature=signing, content_commitment=False, key_encipherment=False,
                             data_encipherment=False, key_agreement=False, key_cert_sign=not signing,
                             crl_sign=not signing, encipher_only=False, decipher_only=False)

    now = datetime.datetime.now(datetime.UTC)
    root_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = (x509.CertificateBuilder().subject_name(subject("Test Root")).issuer_name(subject("Test Root"))
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(usage(False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(subject(name)).issuer_name(root.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage(True), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    return C2paTestSigner(root.public_bytes(pem), leaf.public_bytes(pem) + root.public_bytes(pem),
                      key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


def c2pa_signed_jpeg(signer: C2paTestSigner, seed: int = 3, generator: str = "TestCam") -> bytes:
    """A JPEG with a C2PA manifest (a 'created' action) signed by `signer` through c2pa-python."""
    import c2pa

    native = c2pa.Signer.from_info(c2pa.C2paSignerInfo(b"es256", signer.chain_pem, signer.key_pem, None))
    manifest = {"claim_generator_info": [{"name": generator, "version": "1.0"}], "title": "photo.jpg",
                "assertions": [{"label": "c2pa.actions", "data": {"actions": [
                    {"action": "c2pa.created",
                     "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}}]}
    out = io.BytesIO()
    with c2pa.Builder(manifest) as builder:
        builder.sign(native, "image/jpeg", io.BytesIO(jpeg_bytes(base_image(seed))), out)
    return out.getvalue()


def tampered(data: bytes) -> bytes:
    """One byte of the compressed picture changed: the manifest no longer matches the file."""
    changed = bytearray(data)
    changed[-500] ^= 0xFF
    return bytes(changed)


# ---- hostile media -------------------------------------------------------------------------------
def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_bomb(side: int = 60_000) -> bytes:
    """A PNG that declares side × side pixels (3.6 gigapixels) with a tiny compressed body."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\0" * (1 << 20), 9)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b"")


def png_text_bomb() -> bytes:
    """A small real PNG with a zTXt chunk that inflates to 64 MiB."""
    from PIL import Image

    raw = png_bytes(Image.new("RGB", (16, 16), (200, 10, 10)))
    chunk = _png_chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"A" * (64 << 20), 9))
    return raw[:33] + chunk + raw[33:]


def zip_bomb_as_jpeg() -> bytes:
    """A zip of 256 MiB of zeros (about 250 KB), to be named .jpg."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("evidence.jpg", b"\0" * (256 << 20))
    return buffer.getvalue()


def huge_exif_jpeg() -> bytes:
    """A JPEG whose APP1 segment is as large as the format allows, with an IFD that claims 65,535
    entries pointing past the end."""
    good = jpeg_bytes(base_image(3))
    tiff = b"MM\0*\0\0\0\x08" + struct.pack(">H", 0xFFFF) + b"\x01\x0f\x00\x02\xff\xff\xff\xf0\x00\x00\x00\x08" * 5400
    app1 = b"Exif\0\0" + tiff
    app1 = app1[:65_533]
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    return good[:2] + segment + good[2:]


def hostile_media() -> dict[str, bytes]:
    """name → bytes: each must end with a clear result (a status), never an exception."""
    good_jpeg = photo_with_exif(taken="2024:01:02 03:04:05", lat=34.7, lon=36.7)
    good_mp4 = mp4_metadata_boxes(video_bytes(2), created_1904=3_786_825_600, location="+34.7300+036.7100/")
    huge_box = bytearray(good_mp4[:64])
    struct.pack_into(">I4s", huge_box, 0, 1, b"moov")
    huge_box[8:16] = struct.pack(">Q", 1 << 62)
    signed = c2pa_signed_jpeg(c2pa_test_signer())
    return {
        "C2PA manifest, picture changed after signing": tampered(signed),
        "C2PA manifest, truncated": signed[: len(signed) // 3],
        "truncated JPEG (half)": good_jpeg[: len(good_jpeg) // 2],
        "truncated JPEG (header only)": good_jpeg[:200],
        "truncated MP4 (half)": good_mp4[: len(good_mp4) // 2],
        "truncated MP4 (first box)": good_mp4[:20],
        "MP4 box claiming 4 EiB": bytes(huge_box),
        "MP4 of nested boxes 10,000 deep": b"".join(struct.pack(">I4s", 8 * (10_000 - i), b"moov")
                                                    for i in range(10_000)),
        "huge EXIF": huge_exif_jpeg(),
        "zip bomb named .jpg": zip_bomb_as_jpeg(),
        "decompression-bomb PNG": png_bomb(),
        "PNG text bomb": png_text_bomb(),
        "empty file": b"",
        "random bytes": random.Random(5).randbytes(100_000),
        "JPEG signature then garbage": b"\xff\xd8\xff\xe0" + random.Random(6).randbytes(50_000),
    }


# ---- ProofMode -----------------------------------------------------------------------------------
def proofmode_bundle(media: bytes, name: str = "IMG_20250309_101112.jpg", *, sign: bool = True,
                     proof_hash: str | None = None, signed_media: bytes | None = None) -> tuple[bytes, str]:
    """A zip laid out as ProofMode exports one, signed in the test by a key made with pysequoia:
    (the zip, the key's fingerprint). `proof_hash` overrides the hash the proof names;
    `signed_media` is what the media signature covers (default: the media)."""
    import hashlib as _hashlib
    import json as _json

    import pysequoia

    key = pysequoia.Tsk.generate("Test Phone <proofmode@example.org>")
    public = key.extract_certificate()
    digest = proof_hash or _hashlib.sha256(media).hexdigest()
    proof = {"File Hash SHA256": digest, "Proof Generated": "2025-03-09T10:11:12Z", "Location.Latitude": "34.73",
             "Location.Longitude": "36.71", "Location.Provider": "gps", "Manufacturer": "samsung"}
    proof_json = _json.dumps(proof).encode()
    proof_csv = (",".join(proof) + "\n" + ",".join(proof.values()) + "\n").encode()
    signer = key.signer()

    def signature(data: bytes) -> bytes:
        return pysequoia.sign(signer, data, mode=pysequoia.SignatureMode.DETACHED)

    files = {name: media, f"{digest}.proof.json": proof_json, f"{digest}.proof.csv": proof_csv,
             "pubkey.asc": str(public).encode()}
    if sign:
        files[name + ".asc"] = signature(signed_media if signed_media is not None else media)
        files[f"{digest}.proof.json.asc"] = signature(proof_json)
        files[f"{digest}.proof.csv.asc"] = signature(proof_csv)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in files.items():
            archive.writestr(member, data)
    return buffer.getvalue(), str(public.fingerprint).upper()
