from django.urls import path

from attunement.library import views_clients, views_guide, views_journal

app_name = "library"

urlpatterns = [
    path("guide/", views_guide.guide_index, name="guide"),
    path("guide/search/", views_guide.search, name="search"),
    path("guide/questions/", views_guide.questions, name="questions"),
    path("guide/questions/new/", views_guide.question_new, name="question_new"),
    path("guide/questions/star/", views_guide.question_star, name="question_star"),
    path("guide/questions/<int:pk>/delete/", views_guide.question_delete, name="question_delete"),
    path("guide/<slug:section_id>/", views_guide.section_detail, name="section"),
    path("journal/", views_journal.journal, name="journal"),
    path("journal/new/", views_journal.entry_new, name="entry_new"),
    path("journal/<int:pk>/", views_journal.entry_edit, name="entry_edit"),
    path("journal/<int:pk>/delete/", views_journal.entry_delete, name="entry_delete"),
    path("journal/export/", views_journal.supervision_export, name="export"),
    path("clients/<int:pk>/barriers/", views_clients.barrier_profile, name="barriers"),
    path("clients/<int:pk>/agreements/send/", views_clients.agreements, name="agreements"),
    path("agreements/<int:pk>/", views_clients.agreement_request, name="agreement_request"),
    path(
        "agreements/<int:pk>/withdraw/", views_clients.agreement_withdraw, name="agreement_withdraw"
    ),
    path("agree/<str:token>/", views_clients.acknowledge, name="acknowledge"),
]
