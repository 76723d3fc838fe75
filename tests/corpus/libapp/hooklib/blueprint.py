from flask import Blueprint, abort, request


class HookBlueprint(Blueprint):
    """A blueprint that serves one token-checked receiver at <prefix>/incoming."""

    def __init__(self, name, import_name, **options):
        super().__init__(name, import_name, **options)
        self.expected_token = None
        self.add_url_rule("/incoming", view_func=self.incoming, methods=["POST"])

    def incoming(self):  # expect: WH201
        if request.headers.get("X-Hook-Token") != self.expected_token:  # expect: WH102
            abort(401)
        payload = request.get_json()
        return {"received": payload.get("id")}  # expect: WH501
