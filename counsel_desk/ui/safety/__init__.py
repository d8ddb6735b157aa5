"""Data safety in the desktop app: backups, the audit log, recovery at start, the read-only banner."""
