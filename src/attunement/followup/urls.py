from django.urls import path

from attunement.followup import views

urlpatterns = [
    path("clients/<int:pk>/commitments/", views.ledger, name="followup_ledger"),
    path("clients/<int:pk>/memory/", views.memory, name="followup_memory"),
    path("clients/<int:pk>/prepare/", views.prepare, name="followup_prepare"),
    path("commitments/<int:pk>/edit/", views.commitment_edit, name="commitment_edit"),
    path("commitments/<int:pk>/confirm/", views.commitment_confirm, name="commitment_confirm"),
    path("commitments/<int:pk>/done/", views.commitment_done, name="commitment_done"),
    path("commitments/<int:pk>/delete/", views.commitment_delete, name="commitment_delete"),
    path("memory/<int:pk>/edit/", views.card_edit, name="card_edit"),
    path("memory/<int:pk>/confirm/", views.card_confirm, name="card_confirm"),
    path("memory/<int:pk>/delete/", views.card_delete, name="card_delete"),
]
