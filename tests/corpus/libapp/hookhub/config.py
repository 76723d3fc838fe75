import os


class BaseConfig:
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    SESSION_COOKIE_SECURE = True


class ProductionConfig(BaseConfig):
    DEBUG = False
    PREVIEW_TOKEN = os.environ.get("PREVIEW_TOKEN", "")
    BUILD_HOOK_SECRET = "bh_8d41f0c2e97a4b6d3c"  # expect: WH107
    DOCS_HOOK_SECRET = "<your docs hook secret>"


RELEASE_HOOK_KEY = "rk_live_4f0d9a7be21c4c55a1"  # expect: WH107
STAGING_HOOK_KEY = "changeme"
PARTNER_TOKEN = "pt-93b1c6e0d47f2a85"  # expect: WH107
