from django.urls import path

from thidua.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
]
