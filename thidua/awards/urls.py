from django.urls import path

from thidua.awards.views import imports, register

app_name = "awards"
urlpatterns = [
    path("", register.award_list, name="award_list"),
    path("quyet-dinh/", register.decision_list, name="decision_list"),
    path("quyet-dinh/<int:pk>/", register.decision_detail, name="decision_detail"),
    path("nhap-so/", imports.import_start, name="import_start"),
    path("nhap-so/mau.xlsx", imports.import_template, name="import_template"),
    path("nhap-so/<int:pk>/", imports.import_detail, name="import_detail"),
    path("nhap-so/<int:pk>/tien-do/", imports.import_progress, name="import_progress"),
    path("nhap-so/<int:pk>/ghi/", imports.import_confirm, name="import_confirm"),
]
