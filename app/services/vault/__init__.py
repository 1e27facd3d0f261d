"""The vault's own keys and what a documenter reaches for in an emergency."""
