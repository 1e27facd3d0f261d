"""The identity custodian: opening sealed witness identities and linking them."""
