"""Errors the vault raises. Messages are one line, safe to show: never case content, names or keys."""


class TawthiqError(Exception):
    """Base of every error we raise on purpose; `exit_code` is the CLI contract (DESIGN.md section 8)."""

    exit_code = 1


class UsageError(TawthiqError):
    exit_code = 2


class WrongPassphrase(TawthiqError):
    exit_code = 3

    def __init__(self, message: str = "wrong passphrase: the vault was not opened and nothing was changed"):
        super().__init__(message)


class VaultNotFound(TawthiqError):
    pass


class VaultExists(TawthiqError):
    pass


class WeakPassphrase(TawthiqError):
    pass


class CorruptVault(TawthiqError):
    pass


class VaultLayoutRefused(TawthiqError):
    """A part of the vault is a symbolic link or not the kind of file it should be: not opened (exit 1)."""


class VaultLocked(TawthiqError):
    pass


class BundleRejected(TawthiqError):
    """A bundle failed verification: tampered, untrusted signer, wrong recipient, fork."""

    exit_code = 4
