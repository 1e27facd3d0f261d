"""Passphrase policy at vault creation and change: refuse empty and easily guessed ones."""

from __future__ import annotations

from storage.errors import WeakPassphrase

MIN_SCORE = 3  # zxcvbn 0..4; 3 = "safely unguessable: moderate protection from offline attack"
MIN_LENGTH = 10


def strength(passphrase: str) -> dict:
    """zxcvbn's score (0–4) and its feedback, for the GUI's strength meter."""
    from zxcvbn import zxcvbn

    # zxcvbn is slow on very long inputs; the first 100 characters decide the score anyway.
    result: dict = zxcvbn(passphrase[:100]) if passphrase else {"score": 0, "feedback": {}}
    feedback = result.get("feedback") or {}
    return {
        "score": int(result["score"]),
        "warning": feedback.get("warning") or "",
        "suggestions": list(feedback.get("suggestions") or []),
    }


def check_new_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise WeakPassphrase("passphrase.empty")
    if len(passphrase) < MIN_LENGTH:
        raise WeakPassphrase("passphrase.too_short", length=len(passphrase), minimum=MIN_LENGTH)
    if strength(passphrase)["score"] < MIN_SCORE:
        raise WeakPassphrase("passphrase.too_easy")
