"""Errors of the case model. Messages never carry case content: they name fields and codes only."""

from __future__ import annotations


class FormError(Exception):
    """Anything wrong with a form definition, a vocabulary, the gazetteer or a case body."""


class UnknownForm(FormError):
    pass


class UnknownVocabulary(FormError):
    pass


class BadDefinition(FormError):
    """A form definition, vocabulary or gazetteer file that does not follow the documented format."""


class BadImport(FormError):
    """An organisation's CSV that cannot be imported; nothing of it is taken."""
