import json


def publish(kind, data):
    print(json.dumps({"kind": kind, "data": data}))
