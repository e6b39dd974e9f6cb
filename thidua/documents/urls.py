from django.urls import path

from thidua.documents import views

app_name = "documents"
urlpatterns = [
    # Word documents
    path("quyet-dinh/<int:pk>.docx", views.decision_document, name="decision"),
    path("du-thao/<int:pk>.docx", views.draft_document, name="draft"),
    path("to-trinh/<int:pk>.docx", views.submission_document, name="submission"),
    path("bien-ban/<int:pk>.docx", views.minutes_document, name="minutes"),
    path("bao-cao/ca-nhan/<int:pk>.docx", views.person_report, name="person_report"),
    path("bao-cao/tap-the/<int:pk>.docx", views.collective_report_document,
         name="collective_report"),
    # templates: Excel forms to fill, Word templates and their replacements
    path("mau/", views.template_page, name="templates"),
    path("mau/goc/<str:kind>.docx", views.builtin_template, name="builtin_template"),
    path("mau/tep/<int:pk>.docx", views.template_file, name="template_file"),
    path("mau/tai-len/", views.template_upload, name="template_upload"),
    path("mau/<int:pk>/ngung/", views.template_retire, name="template_retire"),
    # Excel exports
    path("xuat/so-khen-thuong/", views.register_export, name="register_export"),
    path("xuat/<int:pk>/", views.export_detail, name="export_detail"),
    path("xuat/<int:pk>/tien-do/", views.export_progress, name="export_progress"),
    path("xuat/<int:pk>/tai-ve/", views.export_download, name="export_download"),
]
