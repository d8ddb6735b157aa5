"""The people a center works with: its counselor roster (輔導員名單)."""
