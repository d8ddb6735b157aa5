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
