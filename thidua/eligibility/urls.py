from django.urls import path

from thidua.eligibility import views

app_name = "eligibility"
urlpatterns = [
    path("", views.batch_check, name="batch"),
    path("xuat-excel/", views.batch_export, name="export"),
    path("kiem-tra-danh-sach/", views.list_upload, name="list_upload"),
    path("ca-nhan/<int:pk>/", views.person_screen, name="person"),
    path("don-vi/<int:pk>/", views.unit_screen, name="unit"),
]
