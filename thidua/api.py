"""The JSON API (/api/v1/): reads scoped to what the caller may see, and the eligibility check.

Authentication: `Authorization: Bearer <key>` (keys from `thidua token create`), or the session
of a signed-in user. The OpenAPI description is at /api/v1/openapi.json."""

from django.conf import settings
from django.urls import path
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from thidua.accounts import api_errors
from thidua.accounts.auth import API_AUTH
from thidua.awards.api import router as awards_router
from thidua.eligibility.api import router as eligibility_router
from thidua.movements.api import router as movements_router
from thidua.organisations.api import router as organisations_router
from thidua.people.api import router as people_router


class Renderer(JSONRenderer):
    """UTF-8 JSON: Vietnamese text stays readable ("Phú Quý", not "Ph\\u00fa Qu\\u00fd")."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="thidua API",
    version="1",
    description=(
        "Read access to the units, people, decisions and award register of the emulation and "
        "commendation system, and the eligibility check. Every read is limited to the units "
        "the caller may see; an object outside them answers 404. Send "
        "`Authorization: Bearer <key>` "
        "(keys are created with `thidua token create USERNAME --name NAME`) or use the session "
        "of a signed-in user. Dates are YYYY-MM-DD; errors are `{\"detail\": \"…\"}`."
    ),
    urls_namespace="api",
    auth=API_AUTH,
    renderer=Renderer(),
    # The interactive docs need ninja's templates and static files; without the app installed
    # ninja would load Swagger UI from a CDN, which an offline government network cannot reach.
    docs_url="/docs" if "ninja" in settings.INSTALLED_APPS else None,
)
api_errors.install(api)
api.add_router("", organisations_router)
api.add_router("", people_router)
api.add_router("", awards_router)
api.add_router("", movements_router)
api.add_router("", eligibility_router)

urlpatterns = [path("", api.urls)]
