"""The web front: HTTP API and Arabic web UI (see app.py)."""
