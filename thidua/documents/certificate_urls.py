"""Certificate addresses: the officer's screens (included under /quan-ly/van-ban/chung-nhan/)
and the public verification page (`public_urlpatterns`, included under /xac-minh/)."""

from django.urls import path

from thidua.documents import certificate_views as views
from thidua.documents import signing_views

app_name = "certificates"
urlpatterns = [
    path("quyet-dinh/<int:pk>/", views.decision_certificates, name="decision"),
    path("quyet-dinh/<int:pk>/tao/", views.start_batch, name="start_batch"),
    path("lo/<int:pk>/", views.batch_detail, name="batch"),
    path("lo/<int:pk>/tien-do/", views.batch_progress, name="batch_progress"),
    path("lo/<int:pk>/chung-nhan.pdf", views.batch_file, {"kind": "pdf"}, name="batch_pdf"),
    path("lo/<int:pk>/chung-nhan.zip", views.batch_file, {"kind": "zip"}, name="batch_zip"),
    path("khen-thuong/<int:pk>/chung-nhan.pdf", views.award_certificate, name="award"),
    path("quyet-dinh/<int:pk>/ky-so/", signing_views.decision_signatures, name="signatures"),
    path("quyet-dinh/<int:pk>/ky-so/ky/", signing_views.sign_batch, name="sign"),
    path("quyet-dinh/<int:pk>/ky-so/tai-len/", signing_views.upload_signed,
         name="upload_signed"),
    path("ky-so/<int:pk>.pdf", signing_views.signed_file, name="signed_file"),
    path("mau-phoi/", views.layout_list, name="layouts"),
    path("mau-phoi/<str:form>/", views.layout_edit, name="layout_edit"),
    path("mau-phoi/<str:form>/can-chinh.pdf", views.layout_calibration, name="calibration"),
]

public_urlpatterns = [
    path("", views.verify_form, name="form"),
    path("<str:code>/", views.verify_detail, name="detail"),
]
