"""A stand-in for Pillow inside the frozen program only (installer/stubs, first on the spec's pathex).

reportlab imports ``PIL.Image`` when it starts, but counsel_desk's reports hold no raster images
(charts are vector drawings, photos are shown by Qt): Pillow and its libraries (6 MiB) would only
fill the 150 MiB budget. Reading an image through this stand-in says plainly that it can't.
"""

__version__ = "0+counsel_desk.stub"
