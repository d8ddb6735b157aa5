"""The reports area: monthly (and other period) reports, sent revisions, yearly targets."""
