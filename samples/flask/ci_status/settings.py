"""Deployment settings read from the environment."""
import os

HOOK_SECRET = os.environ["CI_HOOK_SECRET"]
ADMIN_PASSWORD = os.environ["CI_ADMIN_PASSWORD"]
