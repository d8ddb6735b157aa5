"""counsel_desk — desktop app for Taiwan's regional revitalization counseling centers (分區輔導中心).

Layers point down: ``ui`` → ``services``/``reports``/``sync`` → ``store`` → ``models``.
Nothing below ``ui`` imports Qt widgets or Qt GUI.
"""

__version__ = "0.1.0"
APP_NAME = "counsel_desk"
APP_TITLE_ZH = "地方創生輔導桌"
