"""The portal's public comment pages (/gop-y/), for everyone, without an account: the candidate
lists published for comment and, for one list, its candidates, the comment form and the answers
the officers chose to publish.

A candidate shows only the name, the unit, the proposed award and the achievement summary: never
an identification number, a birth date or the eligibility findings (the queries below do not even
read them)."""

from django.contrib import messages
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.clients import client_address
from thidua.proposals.choices import State
from thidua.proposals.comment_forms import CommentForm
from thidua.proposals.models import Comment, CommentAnswer, Nominee, Proposal
from thidua.proposals.services import comments
from thidua.proposals.services.comments import CommentError, RateLimited

# The only fields of a candidate the public pages read.
PUBLIC_NOMINEE_FIELDS = ("id", "proposal_id", "position", "name", "unit_name", "summary",
                         "award_type", "award_type__name")


def comment_lists(request: HttpRequest) -> HttpResponse:
    """The lists whose comment window is open today."""
    today = timezone.localdate()
    lists = (Proposal.objects.filter(state=State.PUBLISHED, comment_opens_on__lte=today,
                                     comment_closes_on__gte=today)
             .select_related("round").annotate(candidates=Count("nominees"))
             .order_by("comment_closes_on", "pk"))
    return render(request, "proposals/public/list.html", {"lists": lists})


def comment_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One published list: its candidates, the form while the window is open, the answers."""
    proposal = _published_or_404(pk)
    nominees = list(public_nominees(proposal))
    form = CommentForm(request.POST or None, nominees=nominees)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_robot:  # a honeypot hit: thank, store nothing
            messages.success(request, _("Thank you: your comment was received."))
            return redirect("public_comments:detail", pk=pk)
        try:
            _post(request, proposal, form, nominees)
        except CommentError as error:
            form.add_error(None, str(error))
            status = 429 if isinstance(error, RateLimited) else 400
        else:
            messages.success(request, _("Thank you: your comment was received. The appraising "
                                        "level will consider it before the council meets."))
            return redirect("public_comments:detail", pk=pk)
    elif request.method == "POST":
        status = 400
    return render(request, "proposals/public/detail.html", {
        "proposal": proposal, "nominees": nominees, "form": form,
        "is_open": comments.is_open(proposal), "answered": answered(proposal),
        "ended": proposal.comment_closes_on < timezone.localdate()
        or proposal.state != State.PUBLISHED,
    }, status=status)


# A list stays on the portal once published: while its window is open, after it closes, before
# the council, and once decided or forwarded. Never published (no window) or withdrawn: 404.
SHOWN_STATES = (State.PUBLISHED, State.AT_COUNCIL, State.VOTED, State.DECIDED, State.FORWARDED)


def _published_or_404(pk: int) -> Proposal:
    try:
        return Proposal.objects.select_related("round", "decision").get(
            pk=pk, state__in=SHOWN_STATES, comment_opens_on__isnull=False)
    except Proposal.DoesNotExist:
        raise Http404 from None


def _post(request: HttpRequest, proposal: Proposal, form: CommentForm, nominees: list) -> None:
    data = form.cleaned_data
    chosen = next((n for n in nominees if n.pk == data["nominee"]), None)
    comments.post_comment(proposal, author_name=data["author_name"], contact=data["contact"],
                          body=data["body"], nominee=chosen,
                          client=comments.client_hash(client_address(request)))


def public_nominees(proposal: Proposal) -> QuerySet[Nominee]:
    return (proposal.nominees.select_related("award_type").only(*PUBLIC_NOMINEE_FIELDS)
            .order_by("position", "id"))


def answered(proposal: Proposal) -> QuerySet[Comment]:
    """The comments that have a published answer, with those answers (never the author's
    contact)."""
    shown = CommentAnswer.objects.filter(published=True).order_by("answered_at", "id")
    return (Comment.objects.filter(proposal=proposal, answers__published=True).distinct()
            .only("id", "body", "created_at", "nominee", "nominee__name").select_related("nominee")
            .prefetch_related(Prefetch("answers", queryset=shown, to_attr="shown_answers"))
            .order_by("created_at", "id"))
