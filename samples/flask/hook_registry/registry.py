"""Decorator factories: each names a path and registers the decorated view on the application."""
import functools

from flask import abort, request

from .app import app


def post_route(rule, **options):
    return app.route(rule, methods=["POST"], **options)


def integration(path, methods=("POST",)):
    def register(view):
        app.add_url_rule(path, view.__name__, view, methods=list(methods))
        return view

    return register


def requires_role(role):
    """Not a route: wraps a view already routed elsewhere."""

    def wrap(view):
        @functools.wraps(view)
        def checked(*args, **kwargs):
            if request.headers.get("X-Role") != role:
                abort(403)
            return view(*args, **kwargs)

        return checked

    return wrap
