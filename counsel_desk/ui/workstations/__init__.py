"""Youth workstations, their support records and budgets, public spaces and center events (UI)."""
