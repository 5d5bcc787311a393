from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """The guide, question bank, barrier profiles, contracting and the reflection journal."""

    name = "attunement.library"
    label = "library"
    verbose_name = "Guide and coach development"
    default_auto_field = "django.db.models.BigAutoField"
