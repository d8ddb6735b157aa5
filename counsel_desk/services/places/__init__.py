"""Counties and townships: the reference lists, their outlines and township stocktaking (mirrors ui/stocktaking)."""
