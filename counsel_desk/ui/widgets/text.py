"""Filling a translated template: ``fmt(self.tr("%1 of %2"), a, b)``.

Qt's translations number their placeholders (%1, %2, …) so a translator may reorder them. Filling
them with chained ``str.replace`` calls re-substitutes: an argument that itself contains "%2" (a file
name, a person's note) would be rewritten by the next call. :func:`fmt` fills every placeholder in one
pass, as ``QString.arg`` does, and leaves a number it has no argument for as it is.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d{1,2})")


def fmt(template: str, *args: object) -> str:
    """``template`` with %1 … %n replaced by ``str(args[0])`` … ``str(args[n-1])`` in one pass."""
    values = [str(a) for a in args]

    def fill(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return values[n - 1] if 1 <= n <= len(values) else m.group(0)

    return _PLACEHOLDER.sub(fill, template)


def counted(n: int, one: str, many: str, *rest: object) -> str:
    """``one`` for exactly one, else ``many``, with %1 filled by ``n`` written with thousands separators and
    %2 … by ``rest``: ``counted(n, self.tr("%1 entry"), self.tr("%1 entries"))``. English says "1 entry" and
    "1,204 entries"; the zh_TW catalogue gives both the same words («%1 筆»). Both texts are marked with
    ``tr()`` at the call, so the catalogue finds them."""
    return fmt(one if n == 1 else many, f"{n:,}", *rest)


# a number as the app writes it: 1,204 · 27.5 · 115/10/01 · 2026-12-31 · 16:05 · 3／87
_NUMBER = re.compile(r"\d(?:[\d,.:/／\-－]*\d)?")
_BEFORE_A_NUMBER = " \t（(「“、，,；;：:－–-"


def elided_whole(text: str, fits) -> str:
    """``text`` cut to what ``fits(str) -> bool`` allows, ending in "…" — never inside a number.

    Words may be elided, digits not: 「（115/10/01－115/1…」 would read as a wrong date and "1,2…" as 12, so a
    cut inside a number or just after it goes back to before the number (and the bracket or separator that
    led to it): 「…87 個無訪視…」.
    """
    if fits(text):
        return text
    low, high = 0, len(text)  # the longest head that fits with its "…" (binary search: long lists, every resize)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    kept = len(text[:low].rstrip())
    numbers = list(_NUMBER.finditer(text))
    while cut := next((m for m in numbers if m.start() < kept <= m.end()), None):
        # the cut falls inside this number or just after it: keep none of it, nor what led to it
        kept = len(text[:cut.start()].rstrip(_BEFORE_A_NUMBER))
    return text[:kept].rstrip(" \t（(「“") + "…"
