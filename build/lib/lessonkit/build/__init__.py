"""The build: write generated pages (write.py), run the engine on them (engine.py) inside a
stage folder and swap the result in whole (stage.py); the offline copy (offline.py) and the
theme's HTML repairs (themefix.py)."""
