"""Backups, encryption, sealed files, erasure, the audit log and safe file writing (mirrors ui/safety)."""
