"""URL helpers shared by the views."""
from django.utils.http import url_has_allowed_host_and_scheme


def absolute_url(request, location):
    return request.build_absolute_uri(location)


def is_safe_url(url, request):
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
