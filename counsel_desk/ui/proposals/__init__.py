"""The proposals area: business proposals (事業提案) and township plans (地方創生計畫) — list, stage
board, draft editor, funding grid, versions and the PDF a team prints."""
