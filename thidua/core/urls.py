from django.urls import path

from thidua.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("quan-ly/", views.dashboard, name="dashboard"),
    path("quan-ly/thong-bao/", views.notifications, name="notifications"),
    path("quan-ly/thong-bao/dem/", views.notification_count, name="notification_count"),
]
