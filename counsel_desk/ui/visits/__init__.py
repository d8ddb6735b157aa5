"""Site visits (實地訪視) and follow-ups (追蹤事項): the list, the editor and the follow-up list —
the screens a field counselor lives in."""
