"""The bundle file (DESIGN.md section 6, docs/bundle-format.md): sign-then-encrypt, streamed.

    age( tar{ SHA256SUMS, SHA256SUMS.minisig, manifest.json, records/<id>.json, attachments/<sha256> } )

`writer` produces one, `reader` checks one member by member; neither knows what a case is.
"""
