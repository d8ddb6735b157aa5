"""The figures' read model, the dashboard's figures and record counts (mirrors ui/dashboard)."""
