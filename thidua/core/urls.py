from django.urls import path

from thidua.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("quan-ly/", views.dashboard, name="dashboard"),
]
