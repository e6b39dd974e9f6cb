"""The JSON API's error answers: always {"detail": "…"} in the user's language (Vietnamese by
default), never Django's HTML error pages. Installed on the API by thidua/api.py."""

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError


class NotFound(Http404):
    """An object that does not exist or lies outside the caller's scope: both answer the same,
    so that a 404 never tells whether something exists in another unit."""

    def __init__(self, model: type[Model], pk: object) -> None:
        self.model, self.pk = model, pk
        super().__init__(f"{model._meta.label} {pk}")


def get_or_404(queryset: QuerySet, pk: int) -> Model:
    """The object with `pk` from an already scoped queryset (a visible_to(user) query)."""
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise NotFound(queryset.model, pk) from None


def install(api: NinjaAPI) -> None:
    api.add_exception_handler(AuthenticationError, lambda r, e: unauthorized(api, r, e))
    api.add_exception_handler(Http404, lambda r, e: not_found(api, r, e))
    api.add_exception_handler(ValidationError, lambda r, e: invalid(api, r, e))
    api.add_exception_handler(HttpError, lambda r, e: http_error(api, r, e))


def unauthorized(api: NinjaAPI, request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    # ninja's own "Unauthorized" means that no credentials were given at all.
    detail = exc.message if exc.message != "Unauthorized" else _(
        "Sign in, or send an API key in the header “Authorization: Bearer <key>”.")
    response = api.create_response(request, {"detail": detail}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


def not_found(api: NinjaAPI, request: HttpRequest, exc: Http404) -> HttpResponse:
    if isinstance(exc, NotFound):
        detail = _("No %(object)s with ID %(id)s within what you may see.") % {
            "object": exc.model._meta.verbose_name, "id": exc.pk}
    else:
        detail = _("Not found.")
    return api.create_response(request, {"detail": detail}, status=404)


def invalid(api: NinjaAPI, request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = [{"field": field_name(error), "message": problem(error)} for error in exc.errors]
    detail = " ".join(_("Parameter “%(field)s”: %(problem)s.")
                      % {"field": p["field"], "problem": p["message"]} for p in problems)
    return api.create_response(request, {"detail": detail, "errors": problems}, status=422)


def http_error(api: NinjaAPI, request: HttpRequest, exc: HttpError) -> HttpResponse:
    known = {403: _("The request was refused (CSRF check failed)."),
             429: _("Too many requests: wait a moment and try again.")}
    detail = known.get(exc.status_code, str(exc))
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


def field_name(error: dict) -> str:
    """"limit" for a query parameter (loc = ["query", "limit"]), dotted for nested fields."""
    loc = [str(part) for part in error.get("loc", ())]
    if loc and loc[0] in {"query", "path", "body", "header", "cookie", "form"}:
        loc = loc[1:]
    return ".".join(loc) or "?"


def problem(error: dict) -> str:
    """A Vietnamese reason for the commonest pydantic error types."""
    context = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "missing":
        return _("this parameter is required")
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("must be a whole number")
    if kind in {"bool_parsing", "bool_type"}:
        return _("must be true or false")
    if kind in {"date_parsing", "date_from_datetime_parsing", "date_type"}:
        return _("must be a date written YYYY-MM-DD")
    if kind == "greater_than_equal":
        return _("must be at least %(limit)s") % {"limit": context.get("ge")}
    if kind == "less_than_equal":
        return _("must be at most %(limit)s") % {"limit": context.get("le")}
    if kind == "string_too_long":
        return _("is longer than %(limit)s characters") % {"limit": context.get("max_length")}
    return _("is not valid")
