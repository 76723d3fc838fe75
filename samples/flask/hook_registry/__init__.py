"""Inbound integrations registered through the project's own helpers rather than @app.route."""
