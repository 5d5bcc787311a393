from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "attunement.practice"
    label = "practice"
    verbose_name = "Coaching practice"
    default_auto_field = "django.db.models.BigAutoField"
