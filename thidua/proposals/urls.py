from django.urls import path

from thidua.proposals.views import (
    comments,
    dossiers,
    files,
    lines,
    notices,
    overdue,
    public,
    rounds,
)

app_name = "proposals"
urlpatterns = [
    path("", dossiers.proposal_list, name="list"),
    path("tao/", dossiers.proposal_create, name="create"),
    path("qua-han/", overdue.overdue, name="overdue"),
    path("dot/", rounds.round_list, name="round_list"),
    path("dot/them/", rounds.round_create, name="round_create"),
    path("dot/<int:pk>/sua/", rounds.round_edit, name="round_edit"),
    path("dot/<int:pk>/kiem-tra/", rounds.round_check, name="round_check"),
    path("mau-danh-sach.xlsx", lines.nominee_template, name="nominee_template"),
    path("<int:pk>/", dossiers.proposal_detail, name="detail"),
    path("<int:pk>/sua/", dossiers.proposal_header, name="header"),
    path("<int:pk>/kiem-tra/", dossiers.proposal_check, name="check"),
    path("<int:pk>/thao-tac/<slug:action>/", dossiers.proposal_act, name="act"),
    path("<int:pk>/de-nghi/them/", lines.nominee_add, name="nominee_add"),
    path("<int:pk>/de-nghi/nhap-excel/", lines.nominee_import, name="nominee_import"),
    path("<int:pk>/de-nghi/<int:nominee_pk>/sua/", lines.nominee_edit, name="nominee_edit"),
    path("<int:pk>/de-nghi/<int:nominee_pk>/tieu-chi/", dossiers.nominee_reasons,
         name="nominee_reasons"),
    path("<int:pk>/de-nghi/<int:nominee_pk>/ly-do/", lines.nominee_justify,
         name="nominee_justify"),
    path("<int:pk>/de-nghi/<int:nominee_pk>/xoa/", lines.nominee_remove, name="nominee_remove"),
    path("<int:pk>/tep/them/", files.attachment_add, name="attachment_add"),
    path("<int:pk>/tep/<int:attachment_pk>/", files.attachment_download,
         name="attachment_download"),
    path("<int:pk>/tep/<int:attachment_pk>/xoa/", files.attachment_remove,
         name="attachment_remove"),
    path("<int:pk>/thong-bao-ket-qua/", notices.record_dispatch, name="record_dispatch"),
    path("<int:pk>/gop-y/", comments.comment_board, name="comments"),
    path("<int:pk>/gop-y/<int:comment_pk>/tra-loi/", comments.answer, name="comment_answer"),
    path("<int:pk>/gop-y/<int:comment_pk>/bo-qua/", comments.set_aside,
         name="comment_set_aside"),
]

# The portal's public comment pages, without an account; thidua/urls.py mounts them at /gop-y/.
public_urlpatterns = ([
    path("", public.comment_lists, name="list"),
    path("<int:pk>/", public.comment_page, name="detail"),
], "public_comments")
