"""Pages customers fill in: ordinary browser forms behind Django's CSRF protection.

They render templates, read the submitted form fields and never see a signature header or
the raw body, so none of them is a webhook, whatever their paths say.
"""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.views.generic import CreateView, FormView

from logistics.forms import ContactForm, NotificationPreferenceForm, RegistrationForm
from logistics.models import NotificationPreference, Quote


class ContactView(FormView):
    template_name = "logistics/contact.html"
    form_class = ContactForm
    success_url = "/contact/thanks/"

    def post(self, request, *args, **kwargs):
        form = ContactForm(request.POST)
        if form.is_valid():
            form.send()
            return self.form_valid(form)
        return self.form_invalid(form)


class NotificationPreferencesView(LoginRequiredMixin, FormView):
    template_name = "logistics/notifications.html"
    form_class = NotificationPreferenceForm

    def post(self, request, *args, **kwargs):
        preference, _ = NotificationPreference.objects.get_or_create(user=request.user)
        form = NotificationPreferenceForm(request.POST, instance=preference)
        if form.is_valid():
            form.save()
            return redirect("notification-preferences")
        return render(request, self.template_name, {"form": form})


class EventRegistrationView(FormView):
    """Sign-up for a depot open day: the event in its path is a visit, not a carrier's event."""

    template_name = "logistics/open_day.html"
    form_class = RegistrationForm

    def post(self, request, *args, **kwargs):
        form = RegistrationForm(request.POST)
        if not form.is_valid():
            return self.form_invalid(form)
        form.save()
        return redirect("open-day-registered")


class QuoteRequestView(CreateView):
    """Django's own post() validates the form and saves the quote: nothing here to analyze."""

    model = Quote
    fields = ["email", "destination"]
    success_url = "/quotes/thanks/"
