"""Orders the payment and partner notifications update."""
from django.db import models


class Order(models.Model):
    reference = models.CharField(max_length=64, unique=True)
    paid = models.BooleanField(default=False)
    shipped = models.BooleanField(default=False)
