"""Python's cycle collector paused while a report's files are built.

A national year report holds some millions of small objects (180,000 visit rows and their text);
reading them and building the Excel and PDF makes millions more, and each burst of them set the
collector walking the whole heap: about a second of a workbook's four, 1.5 s of the figures' 3.5 s.
The report's own objects hold no reference cycles — reference counting frees them — so the
collector waits until the figures or files are made and then runs as before.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cycle collection inside the block; on leaving it collection is on again if it was before."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
