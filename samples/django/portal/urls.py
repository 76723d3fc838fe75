from django.urls import path

from . import views

urlpatterns = [
    path("logout/", views.logout, name="logout"),
    path("logout/legacy/", views.legacy_logout, name="legacy-logout"),
    path("hooks/delivery/", views.delivery_hook, name="delivery-hook"),
]
