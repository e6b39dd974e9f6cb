"""Lookups of the council screens: the object if the user may see it, else 404 or 403."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from thidua.councils import queries
from thidua.councils.models import Council, Session


def council_for(request: HttpRequest, pk: int) -> Council:
    return get_object_or_404(queries.visible_to(request.user).select_related("organiser"), pk=pk)


def session_for(request: HttpRequest, pk: int) -> Session:
    return get_object_or_404(
        queries.sessions_visible_to(request.user).select_related("council__organiser"), pk=pk)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def report(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))
