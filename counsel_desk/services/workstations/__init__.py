"""Youth workstations, their budgets and rules, support records, public spaces, center events and their lists (mirrors ui/workstations)."""
