"""Site visits, their list, follow-ups and the editors' autosaved drafts (mirrors ui/visits)."""
