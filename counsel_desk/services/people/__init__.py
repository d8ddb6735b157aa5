"""Counselors, organisations and contacts, and the center's roster (mirrors ui/people)."""
