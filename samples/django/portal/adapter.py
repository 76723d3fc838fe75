from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string


class DefaultAdapter:
    def __init__(self, request):
        self.request = request

    def is_safe_url(self, url):
        return url_has_allowed_host_and_scheme(url, allowed_hosts={self.request.get_host()})


def get_adapter(request):
    # The class is named in the settings, so which is_safe_url() runs is known only at run time.
    return import_string(settings.PORTAL_ADAPTER)(request)
