"""Shipments the carriers report on, and what customers submit: quotes, preferences, visits."""
from django.db import models


class Shipment(models.Model):
    tracking_number = models.CharField(max_length=40, unique=True)
    status = models.CharField(max_length=32, default="created")
    delivered = models.BooleanField(default=False)


class Quote(models.Model):
    email = models.EmailField()
    destination = models.CharField(max_length=120)


class NotificationPreference(models.Model):
    user = models.OneToOneField("auth.User", on_delete=models.CASCADE)
    email_on_delivery = models.BooleanField(default=True)


class Visitor(models.Model):
    name = models.CharField(max_length=80)
    email = models.EmailField()
