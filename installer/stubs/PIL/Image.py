"""``PIL.Image`` as reportlab uses it: ``isinstance(x, Image.Image)`` and ``Image.open``."""


class Image:
    """Nothing in the bundle is ever a Pillow image."""


def open(fp, *args, **kwargs):  # noqa: A001 — Pillow's name
    raise OSError("counsel_desk's installed program reads no raster images (Pillow is left out of the bundle)")
