"""What the centers achieve: dated outcomes (成果紀錄) and the award programmes' youth teams (青年團隊)."""
