from django.urls import path

from thidua.awards.views import decisions, imports, packages, register, revocations

app_name = "awards"
urlpatterns = [
    path("", register.award_list, name="award_list"),
    path("quyet-dinh/", register.decision_list, name="decision_list"),
    path("quyet-dinh/<int:pk>/", register.decision_detail, name="decision_detail"),
    path("quyet-dinh/<int:pk>/goi.zip", packages.decision_package, name="decision_package"),
    path("quyet-dinh/<int:pk>/tep/<int:file_pk>/", packages.decision_file, name="decision_file"),
    path("du-thao/", decisions.draft_list, name="draft_list"),
    path("du-thao/moi/", decisions.draft_new, name="draft_new"),
    path("du-thao/<int:pk>/", decisions.draft_detail, name="draft_detail"),
    path("du-thao/<int:pk>/ban-hanh/", decisions.draft_issue, name="draft_issue"),
    path("du-thao/<int:pk>/huy/", decisions.draft_cancel, name="draft_cancel"),
    path("thu-hoi/", revocations.revoke, name="revoke"),
    path("ho-so/<int:pk>/goi.zip", packages.dossier_package, name="dossier_package"),
    path("nhan-goi/", packages.package_import, name="package_import"),
    path("nhap-so/", imports.import_start, name="import_start"),
    path("nhap-so/mau.xlsx", imports.import_template, name="import_template"),
    path("nhap-so/<int:pk>/", imports.import_detail, name="import_detail"),
    path("nhap-so/<int:pk>/tien-do/", imports.import_progress, name="import_progress"),
    path("nhap-so/<int:pk>/ghi/", imports.import_confirm, name="import_confirm"),
]
