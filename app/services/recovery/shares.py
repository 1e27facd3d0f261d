"""SLIP-39 word shares (the `shamir-mnemonic` reference library): k of n rebuild a recovery secret.

SLIP-39 is the standard hardware wallets use: each share is 20 words from a fixed list of 1,024
Latin words (the first four letters of each are unique), with a Reed-Solomon checksum over the
share that catches any change of up to three words. One group, k of n members: the simple case
that an organisation can explain to its share holders.

We check each share on its own first, so a person is told *which* share is wrong and why (a word
not on the list, a changed word, the wrong length), and only then combine; the library wants
exactly k shares, so of more than k valid shares of one set, k are used.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import shamir_mnemonic
from shamir_mnemonic import MnemonicError
from shamir_mnemonic.share import Share
from shamir_mnemonic.wordlist import mnemonic_to_indices

from storage.errors import TawthiqError

SECRET_BYTES = 16  # 128 bits: 20-word shares, what people can write by hand without mistakes
MAX_SHARES = 16  # SLIP-39's own limit per group


class ShareRefused(TawthiqError):
    """A share that is malformed, changed, of another set, or too few of them: exit 4, nothing changed."""

    exit_code = 4


@dataclass(frozen=True)
class ShareSet:
    """What `make` returns: the shares to hand out, one per person, and the set's public facts."""

    threshold: int
    shares: tuple[str, ...]
    identifier: int


def check_numbers(threshold: int, count: int) -> None:
    # 1 of n would let every holder recover alone (SLIP-39 forbids it); 1 of 1 is no sharing at all.
    if not (2 <= threshold <= count <= MAX_SHARES):
        raise ShareRefused("recovery.bad_numbers", max=MAX_SHARES)


def make(secret: bytes, threshold: int, count: int) -> ShareSet:
    """Split `secret` into `count` shares of which any `threshold` rebuild it."""
    check_numbers(threshold, count)
    groups = shamir_mnemonic.generate_mnemonics(1, [(threshold, count)], secret)
    shares = tuple(groups[0])
    return ShareSet(threshold, shares, Share.from_mnemonic(shares[0]).identifier)


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def normalise(text: str) -> str:
    """What a person typed or a file holds: any spacing and case; words joined by single spaces."""
    return " ".join(text.lower().split())


def check_share(text: str, number: int) -> Share:
    """One share on its own: every word on the list, the length right, the checksum holding."""
    words = normalise(text).split()
    for position, word in enumerate(words, 1):
        try:
            mnemonic_to_indices(word)
        except MnemonicError:
            raise ShareRefused("recovery.share_unknown_word", number=number, position=position) from None
    try:
        return Share.from_mnemonic(" ".join(words))
    except MnemonicError as exc:
        if "checksum" in str(exc):
            raise ShareRefused("recovery.share_checksum", number=number) from None
        raise ShareRefused("recovery.share_malformed", number=number) from None


def combine(texts: list[str], passphrase: bytes = b"") -> bytes:
    """The secret from k shares of one set; ShareRefused saying what is wrong otherwise.

    `passphrase` is SLIP-39's own optional passphrase: Tawthiq makes its shares without one (the
    shares are meant to work when the passphrase is what was lost); the reference test vectors use
    "TREZOR", and pass through here with it.
    """
    texts = [t for t in texts if normalise(t)]
    shares = [check_share(t, n) for n, t in enumerate(texts, 1)]
    if not shares:
        raise ShareRefused("recovery.too_few_shares", given=0, needed=2)
    first = shares[0]
    for number, share in enumerate(shares[1:], 2):
        if share.common_parameters() != first.common_parameters():
            raise ShareRefused("recovery.shares_mismatch", number=number)
    chosen = [s.mnemonic() for s in shares]
    if first.group_count == 1:  # what Tawthiq makes: one group, k of n
        for number, share in enumerate(shares[1:], 2):
            if share.group_parameters() != first.group_parameters():  # e.g. another member threshold
                raise ShareRefused("recovery.shares_mismatch", number=number)
        distinct: dict[int, str] = {}
        for share in shares:
            distinct.setdefault(share.index, share.mnemonic())
        needed = first.member_threshold
        if len(distinct) < needed:
            raise ShareRefused("recovery.too_few_shares", given=len(distinct), needed=needed)
        chosen = list(distinct.values())[:needed]
    # Sets of several groups (other tools make them; the reference vectors have them) go to the
    # library as given, which wants exactly the threshold of each group.
    try:
        return shamir_mnemonic.combine_mnemonics(chosen, passphrase)
    except MnemonicError:
        # Each share was valid alone; together they do not agree (a share of another split that
        # happens to share the identifier, or a digest mismatch): refuse without guessing which.
        raise ShareRefused("recovery.shares_inconsistent") from None
