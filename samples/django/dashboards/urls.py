from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("dash/<slug:slug>/go", views.dashboard_detail),
    path("dash/<slug:slug>/", views.dashboard_page, name="detail"),
    path("dash/exports/<int:pk>/done", views.export_done, name="export"),
    path("dash/", views.dashboard_list, name="list"),
    path("dash/legacy/<path:rest>", views.legacy_path),
    path("dash/search", views.search, name="search"),
    path("dash/<slug:slug>/share", views.share),
    path("accounts/login/done", views.login_done),
    path("accounts/logout/done", views.logout_done),
    path("dash/export-to", views.export_elsewhere),
]
