from django.urls import path

from thidua.councils.views import ballot, corrections, councils, sessions

app_name = "councils"
urlpatterns = [
    path("", councils.council_list, name="list"),
    path("them/", councils.council_create, name="create"),
    path("<int:pk>/", councils.council_detail, name="detail"),
    path("<int:pk>/sua/", councils.council_edit, name="edit"),
    path("<int:pk>/thanh-vien/", councils.member_add, name="member_add"),
    path("thanh-vien/<int:pk>/ket-thuc/", councils.member_end, name="member_end"),
    path("<int:pk>/phien-hop/", councils.session_create, name="session_create"),
    path("phien-hop/<int:pk>/", sessions.session_detail, name="session"),
    path("phien-hop/<int:pk>/diem-danh/", sessions.attendance, name="attendance"),
    path("phien-hop/<int:pk>/khong-tham-gia/", sessions.recusal, name="recusal"),
    path("phien-hop/<int:pk>/khong-tham-gia/rut/", corrections.withdraw_recusal,
         name="recusal_withdraw"),
    path("phien-hop/<int:pk>/den-muon/", corrections.late_arrival, name="late_arrival"),
    path("phien-hop/<int:pk>/bo-phieu-lai/", corrections.revote, name="revote"),
    path("phien-hop/<int:pk>/y-kien-van-ban/", sessions.written_opinions, name="written"),
    path("phien-hop/<int:pk>/phieu-giay/", sessions.paper_totals, name="paper"),
    path("phien-hop/<int:pk>/mo/", sessions.open_ballot, name="open"),
    path("phien-hop/<int:pk>/dong/", sessions.close_ballot, name="close"),
    path("phien-hop/<int:pk>/bien-ban/", sessions.minutes, name="minutes"),
    path("phien-hop/<int:pk>/bo-phieu/", ballot.ballot, name="ballot"),
    path("kiem-tra-bien-nhan/", ballot.receipt_check, name="receipt"),
]
