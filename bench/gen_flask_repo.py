#!/usr/bin/env python3
"""Writes a synthetic Flask repository for bench/synthetic_repo.sh: an application package,
shared signing helpers and decorators, and MODULES route modules in packages of 100, each
package with a helpers module. A route module has webhook handlers (some verified, some not)
that call its own helpers, its package's helpers and another package's helpers, and reads
module constants; as in most Flask code, route modules import helpers, not each other.
Deterministic: the same arguments give the same bytes.

    bench/gen_flask_repo.py OUTPUT_DIR [MODULES]
"""
import os
import sys
import textwrap

PER_PACKAGE = 100


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(textwrap.dedent(text).lstrip())


def route_module(i, modules):
    pkg = i // PER_PACKAGE
    # Helpers of the own package and of one two packages away: cross-module, cross-package.
    other_pkg = (pkg + 2) % ((modules + PER_PACKAGE - 1) // PER_PACKAGE)
    verified = i % 3 != 0
    # Written at the template's indentation: dedent() sees it as part of the body.
    check = (
        "if not verify_signature(request.get_data(), request.headers.get('X-Hub-Signature-256', ''), SECRET):\n"
        "                abort(401)\n"
        "            "
        if verified
        else ""
    )
    return f'''
        """Route module {i}: partner {i} webhooks and their helpers."""
        import hashlib
        import hmac
        import os
        import time

        import requests
        from flask import Blueprint, abort, jsonify, request

        from repo.common.decorators import logged, require_json
        from repo.common.signing import verify_signature
        from repo.features.p{pkg:02d} import helpers
        from repo.features.p{other_pkg:02d}.helpers import normalize_event_{other_pkg}

        bp = Blueprint("partner_{i}", __name__, url_prefix="/partners/{i}")
        SECRET = os.environ.get("PARTNER_{i}_WEBHOOK_SECRET", "")
        TOLERANCE_{i} = 300 + {i % 7}
        CALLBACK_HOSTS_{i} = ("hooks.example.com", "partner{i}.example.com")


        def normalize_{i}(item):
            return {{"id": item.get("id"), "sku": item.get("sku", ""), "quantity": int(item.get("quantity", 1))}}


        def fresh_{i}(timestamp):
            return abs(time.time() - float(timestamp)) < min(TOLERANCE_{i}, helpers.TOLERANCE_{pkg})


        def notify_{i}(url, body):
            return requests.post(url, json=body, timeout=5)


        @bp.route("/webhook", methods=["POST"])
        @logged
        def webhook_{i}():
            {check}payload = request.get_json(force=True)
            event = normalize_event_{other_pkg}(payload)
            if not fresh_{i}(request.headers.get("X-Timestamp", "0")):
                abort(400)
            if event["kind"] == "refund" and event["amount"] > {1000 + i}:
                notify_{i}(payload.get("callback_url"), event)
            return jsonify(received=event["id"])


        @bp.route("/events/<event_id>", methods=["GET"])
        @require_json
        def event_{i}(event_id):
            digest = hashlib.sha256(event_id.encode()).hexdigest()
            return jsonify(id=event_id, digest=digest)


        @bp.route("/legacy", methods=["POST"])
        def legacy_{i}():
            token = request.headers.get("X-Token", "")
            expected = hmac.new(SECRET.encode(), request.get_data(), hashlib.sha256).hexdigest()
            if not hmac.compare_digest(token, expected):
                abort(403)
            body = request.get_json()
            return jsonify(ok=True, items=[normalize_{i}(item) for item in body.get("items", [])])
        '''


def helpers_module(pkg):
    return f'''
        """Helpers shared by the route modules of package {pkg} (and used by package {pkg - 2})."""
        import time

        TOLERANCE_{pkg} = 300


        def normalize_event_{pkg}(payload):
            event = payload.get("event", {{}})
            return {{"id": event.get("id"), "kind": event.get("type", "unknown"), "amount": int(event.get("amount", 0))}}


        def age_{pkg}(timestamp):
            return time.time() - float(timestamp)
        '''


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[1]
    modules = int(sys.argv[2]) if len(sys.argv) == 3 else 2000
    root = os.path.join(out, "repo")
    write(os.path.join(out, "README.md"), "Synthetic Flask repository written by bench/gen_flask_repo.py.\n")
    write(os.path.join(root, "__init__.py"), "")
    write(os.path.join(root, "common", "__init__.py"), "")
    write(
        os.path.join(root, "common", "signing.py"),
        '''
        import hashlib
        import hmac


        def verify_signature(body, header, secret):
            if not header.startswith("sha256="):
                return False
            expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            return hmac.compare_digest(header[len("sha256="):], expected)
        ''',
    )
    write(
        os.path.join(root, "common", "decorators.py"),
        '''
        import functools
        import logging

        from flask import abort, request

        log = logging.getLogger(__name__)


        def logged(view):
            @functools.wraps(view)
            def wrapper(*args, **kwargs):
                log.info("%s %s", request.method, request.path)
                return view(*args, **kwargs)
            return wrapper


        def require_json(view):
            @functools.wraps(view)
            def wrapper(*args, **kwargs):
                if not request.is_json and request.method == "POST":
                    abort(415)
                return view(*args, **kwargs)
            return wrapper
        ''',
    )
    blueprints = []
    for i in range(modules):
        pkg = i // PER_PACKAGE
        pkg_dir = os.path.join(root, "features", f"p{pkg:02d}")
        if i % PER_PACKAGE == 0:
            write(os.path.join(pkg_dir, "__init__.py"), "")
            write(os.path.join(pkg_dir, "helpers.py"), helpers_module(pkg))
        write(os.path.join(pkg_dir, f"m{i:04d}.py"), route_module(i, modules))
        blueprints.append(f"from repo.features.p{pkg:02d}.m{i:04d} import bp as bp_{i}")
    write(os.path.join(root, "features", "__init__.py"), "")
    registrations = "\n".join(f"    app.register_blueprint(bp_{i})" for i in range(modules))
    with open(os.path.join(root, "app.py"), "w", encoding="utf-8") as f:
        f.write("from flask import Flask\n\n" + "\n".join(blueprints) + "\n\n\n")
        f.write("def create_app():\n    app = Flask(__name__)\n    app.config['MAX_CONTENT_LENGTH'] = 1 << 20\n")
        f.write(registrations + "\n    return app\n")


if __name__ == "__main__":
    main()
