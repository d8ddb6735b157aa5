"""Outcome records and youth teams, and their lists (mirrors ui/outcomes)."""
