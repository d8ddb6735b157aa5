"""Widgets and helpers shared by every area of the UI (window fitting, date edit, …)."""
