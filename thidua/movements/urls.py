from django.urls import path

from thidua.movements import views

app_name = "movements"
urlpatterns = [
    path("", views.cluster_list, name="cluster_list"),
    path("<int:pk>/", views.cluster_detail, name="cluster_detail"),
]
