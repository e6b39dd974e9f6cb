from django.contrib import admin
from django.urls import include, path

from thidua.documents.certificate_urls import public_urlpatterns as certificate_public_urls
from thidua.proposals.urls import public_urlpatterns as public_comment_urls

urlpatterns = [
    path("", include("thidua.core.urls")),
    path("accounts/", include("thidua.accounts.urls")),
    path("quan-ly/don-vi/", include("thidua.organisations.urls")),
    path("quan-ly/cum-thi-dua/", include("thidua.movements.urls")),
    path("quan-ly/ca-nhan/", include("thidua.people.urls")),
    path("quan-ly/khen-thuong/", include("thidua.awards.urls")),
    path("quan-ly/xet-khen/", include("thidua.eligibility.urls")),
    path("quan-ly/ho-so/", include("thidua.proposals.urls")),
    path("gop-y/", include(public_comment_urls)),
    path("quan-ly/hoi-dong/", include("thidua.councils.urls")),
    path("quan-ly/van-ban/chung-nhan/", include("thidua.documents.certificate_urls")),
    path("quan-ly/van-ban/", include("thidua.documents.urls")),
    path("xac-minh/", include((certificate_public_urls, "verification"))),
    path("api/v1/", include("thidua.api")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
