from django.urls import path

from attunement.practice import overview_views, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("setup/", views.setup, name="setup"),
    path("practice/overview/", overview_views.overview, name="practice_overview"),
    path("clients/new/", views.client_new, name="client_new"),
    path("clients/<int:pk>/", views.client_detail, name="client_detail"),
    path("clients/<int:pk>/edit/", views.client_edit, name="client_edit"),
    path("clients/<int:pk>/delete/", views.client_delete, name="client_delete"),
    path("clients/<int:pk>/export/", views.client_export, name="client_export"),
    path("clients/<int:pk>/engagement/", views.engagement_edit, name="engagement_edit"),
    path("clients/<int:pk>/agreements/new/", views.agreement_new, name="agreement_new"),
    path("clients/<int:pk>/consent/", views.consent_new, name="consent_new"),
    path("clients/<int:pk>/sessions/new/", views.session_new, name="session_new"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/upload/", views.transcript_upload, name="transcript_upload"),
    path("analyses/<int:pk>/progress/", views.analysis_progress, name="analysis_progress"),
]
