"""Bytes/text conversions used across the service."""


def bytes2unicode(x, encoding="utf-8"):
    if x is None or isinstance(x, str):
        return x
    return str(x, encoding)


def unicode2bytes(x, encoding="utf-8"):
    if isinstance(x, str):
        return x.encode(encoding)
    return x
