"""The officers' page of a dossier's public comments (/quan-ly/ho-so/<id>/gop-y/): read them,
answer (a new answer each time, shown on the portal or not) or set one aside."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.proposals.comment_forms import AnswerForm, SetAsideForm
from thidua.proposals.models import Comment, CommentAnswer, Proposal
from thidua.proposals.services import comments
from thidua.proposals.services.comments import CommentError


def _dossier(request: HttpRequest, pk: int) -> Proposal:
    try:
        return comments.comments_for(request.user, pk)
    except Proposal.DoesNotExist:
        raise Http404 from None


@login_required
def comment_board(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _dossier(request, pk)
    answers = CommentAnswer.objects.select_related("answered_by").order_by("answered_at", "id")
    rows = (Comment.objects.filter(proposal=proposal).select_related("nominee")
            .prefetch_related(Prefetch("answers", queryset=answers, to_attr="all_answers"))
            .order_by("created_at", "id"))
    return render(request, "proposals/comments.html", {
        "proposal": proposal, "rows": rows, "is_open": comments.is_open(proposal),
        "answer_form": AnswerForm(), "aside_form": SetAsideForm()})


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=comment_pk, proposal=_dossier(request, pk))
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the answer (at most %(max)s characters).")
                       % {"max": comments.BODY_MAX})
        return redirect("proposals:comments", pk=pk)
    try:
        comments.answer_comment(comment, by=request.user, **form.cleaned_data)
    except CommentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The answer was recorded."))
    return redirect("proposals:comments", pk=pk)


@login_required
@require_POST
def set_aside(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=comment_pk, proposal=_dossier(request, pk))
    form = SetAsideForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        comments.set_aside(comment, by=request.user, reason=reason)
    except CommentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The comment was set aside."))
    return redirect("proposals:comments", pk=pk)
