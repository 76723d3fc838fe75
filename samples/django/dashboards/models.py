"""Dashboards and the export jobs that render them."""
from django.db import models
from django.urls import reverse


class Dashboard(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)

    def get_absolute_url(self):
        return reverse("dashboards:detail", args=[self.slug])


class ExportJob(models.Model):
    dashboard = models.ForeignKey(Dashboard, on_delete=models.CASCADE)
    label = models.CharField(max_length=100)

    def get_absolute_url(self):
        return reverse("dashboards:export", kwargs={"pk": self.pk})
