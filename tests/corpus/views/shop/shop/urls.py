from django.urls import path

from shop import views

urlpatterns = [
    path("fetch-logo/", views.fetch_logo),
    path("fetch-logo-safe/", views.fetch_logo_safe),
    path("import-feed/", views.import_feed),
    path("after-checkout/", views.after_checkout),
    path("after-checkout-safe/", views.after_checkout_safe),
    path("after-login/", views.after_login),
    path("store-api/", views.StoreApiView.as_view()),
    path("partner/<slug:name>/", views.partner_page),
]
