"""The case model: form definitions (data), vocabularies, validation, name and place normalisation.

Imports nothing of ours: storage and app build on it, never the other way round.
"""
