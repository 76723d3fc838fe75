import os

SECRET_KEY = os.environ["PORTAL_SECRET_KEY"]
MAX_CONTENT_LENGTH = 2 * 1024 * 1024
ALLOWED_IMAGE_HOSTS = {"images.example-cdn.com", "avatars.example-cdn.com"}
