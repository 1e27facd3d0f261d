"""Exchange: bundles, signatures, enrollment and trust."""
