"""Dashboard pages: most redirects stay on the site; two take their target from the client."""
from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from .links import absolute_url, is_safe_url
from .models import Dashboard, ExportJob


def dashboard_detail(request, slug):
    dashboard = get_object_or_404(Dashboard, slug=slug)
    return HttpResponseRedirect(dashboard.get_absolute_url() + "+panels")


def export_done(request, pk):
    job = ExportJob.objects.filter(label=request.GET.get("label", "")).first()
    if job is None:
        job = get_object_or_404(ExportJob, pk=pk)
    return redirect(job)


def dashboard_list(request):
    owner = request.GET.get("owner", "")
    return HttpResponseRedirect("%s?owner=%s" % (reverse("dashboards:list"), owner))


def legacy_path(request):
    # /dash/legacy/... moved to /dash/...; keep the query string.
    url = request.path.replace("/legacy", "", 1)
    url = "%s?%s" % (url, request.GET.urlencode())
    return redirect(url)


def search(request):
    params = {"q": request.GET.get("q", ""), "page": request.GET.get("page", "1")}
    url = absolute_url(request, reverse("dashboards:search"))
    return HttpResponseRedirect("{url}?{query}".format(url=url, query=urlencode(params)))


def share(request, slug):
    return HttpResponseRedirect(f"{reverse('dashboards:detail', args=[slug])}?via={request.GET.get('via', '')}")


def login_done(request):
    redirect_to = request.POST.get("next", request.GET.get("next", ""))
    if redirect_to and not is_safe_url(redirect_to, request):
        redirect_to = None
    request.session["after_login"] = redirect_to
    return redirect(redirect_to or "dashboards:list")


def logout_done(request):
    return HttpResponseRedirect(request.GET.get("next", "/"))  # expect: WH402


def export_elsewhere(request):
    target = absolute_url(request, request.GET["target"])
    return HttpResponseRedirect("%s?format=csv" % target)  # expect: WH402


def dashboard_page(request, slug):
    return render(request, "dashboard.html", {"dashboard": get_object_or_404(Dashboard, slug=slug)})
