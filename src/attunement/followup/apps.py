from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "attunement.followup"
    label = "followup"
    verbose_name = "Follow-up: commitments and memory"
    default_auto_field = "django.db.models.BigAutoField"
