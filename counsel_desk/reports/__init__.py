"""Documents: monthly reports (xlsx, pdf) and proposal drafts (pdf). No Qt here."""
