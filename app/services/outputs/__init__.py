"""What leaves the vault for partners: exports and case reports."""
