"""An XML-RPC API for the desktop client: the body is a method call, not an event."""
from xmlrpc.server import SimpleXMLRPCDispatcher

from flask import Blueprint, Response, request

bp = Blueprint("rpc", __name__)
dispatcher = SimpleXMLRPCDispatcher(allow_none=True)
dispatcher.register_function(lambda: "ok", "ping")


@bp.post("/rpc/notifications")
def notification_rpc():
    return Response(dispatcher._marshaled_dispatch(request.get_data()), mimetype="text/xml")
