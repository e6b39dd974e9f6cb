from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("thidua.core.urls")),
    path("accounts/", include("thidua.accounts.urls")),
    path("quan-ly/don-vi/", include("thidua.organisations.urls")),
    path("quan-ly/cum-thi-dua/", include("thidua.movements.urls")),
    path("quan-ly/ca-nhan/", include("thidua.people.urls")),
    path("quan-ly/khen-thuong/", include("thidua.awards.urls")),
    path("quan-ly/xet-khen/", include("thidua.eligibility.urls")),
    path("api/v1/", include("thidua.api")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
