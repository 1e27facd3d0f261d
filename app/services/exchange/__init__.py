"""Exchange between documenters and coordinators: profile, trust, bundles out and in, acknowledgements."""
