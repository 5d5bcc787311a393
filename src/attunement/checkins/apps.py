from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "attunement.checkins"
    label = "checkins"
    verbose_name = "Client check-ins and messages"
    default_auto_field = "django.db.models.BigAutoField"
