"""The Qt desktop client. Only this package (and ``app.py``) imports QtWidgets/QtGui."""
