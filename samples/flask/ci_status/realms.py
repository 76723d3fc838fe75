"""HTTP authentication realms and the change-log reader: ordinary text through the helper."""
from .compat import bytes2unicode, unicode2bytes


class RealmChecker:
    def __init__(self, realm):
        self.realm = realm

    def matches(self, cfg):
        realm = bytes2unicode(cfg.get("realm"))
        if self.realm != realm:
            return False
        return True


class ChangeLogReader:
    def __init__(self, module):
        self.module = module
        self.buffer = ""

    def feed(self, data):
        self.buffer += bytes2unicode(data)

    def finished(self):
        return self.buffer.strip() != self.module


class Avatars:
    defaultAvatarUrl = b"img/nobody.png"

    def default_path(self):
        return unicode2bytes(self.defaultAvatarUrl)
