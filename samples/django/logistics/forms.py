from django import forms
from django.core.mail import mail_admins

from logistics.models import NotificationPreference, Visitor


class ContactForm(forms.Form):
    email = forms.EmailField()
    message = forms.CharField(widget=forms.Textarea)

    def send(self):
        mail_admins("Contact form", self.cleaned_data["message"])


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["email_on_delivery"]


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Visitor
        fields = ["name", "email"]
