"""The case model: form definitions, vocabularies, places, validation, name normalisation."""
