"""The sync page (同步): export the interchange workbook, import and preview, conflicts, history."""
