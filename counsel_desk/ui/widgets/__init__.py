"""Widgets every area shares (one date edit, …): areas compose these instead of writing their own."""
