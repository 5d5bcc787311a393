from django.urls import path

from attunement.checkins import views

urlpatterns = [
    path("clients/<int:pk>/checkins/", views.client_checkins, name="client_checkins"),
    path("clients/<int:pk>/checkins/new/", views.checkin_new, name="checkin_new"),
    path("clients/<int:pk>/contact-terms/", views.contact_terms, name="contact_terms"),
    path("clients/<int:pk>/health/", views.health_evidence, name="health_evidence"),
    path("checkins/<int:pk>/", views.checkin_detail, name="checkin_detail"),
    path("checkins/<int:pk>/predict/", views.checkin_predict, name="checkin_predict"),
    path("checkins/<int:pk>/replied/", views.checkin_replied, name="checkin_replied"),
    path("checkins/<int:pk>/discussed/", views.checkin_discussed, name="checkin_discussed"),
    # The client's private link: no account, the signed token is the only key.
    path("c/<str:token>/", views.checkin_answer, name="checkin_answer"),
]
