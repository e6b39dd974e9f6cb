"""The dossier list (filters, pages, scope) and the dossier page with its workflow buttons."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import push_url

from thidua.awards import queries as award_queries
from thidua.awards.choices import SubjectKind
from thidua.eligibility import batch
from thidua.eligibility import messages as say
from thidua.eligibility.views import FINDING_CSS, MET_CSS, VERDICT_CSS
from thidua.organisations.forms import unit_choices
from thidua.proposals import queries, services, verdicts, workflow
from thidua.proposals.choices import EDITABLE, FINAL, State
from thidua.proposals.forms import (
    ActionForm,
    AttachmentForm,
    DispatchForm,
    HeaderForm,
    ProposalFilterForm,
    ProposalForm,
)
from thidua.proposals.models import Nominee, Proposal
from thidua.proposals.services.nominees import CHECKERS
from thidua.proposals.views.common import dossier_or_404, posted_version, refused, require_writer
from thidua.proposals.workflow import APPRAISER, PROPOSER, STEPS, WorkflowError

STATE_CSS = {
    State.DRAFT: "text-bg-secondary", State.SUBMITTED: "text-bg-primary",
    State.RECEIVED: "text-bg-primary", State.RETURNED: "text-bg-warning",
    State.APPRAISED: "text-bg-info", State.PUBLISHED: "text-bg-info",
    State.AT_COUNCIL: "text-bg-info", State.VOTED: "text-bg-info",
    State.DECIDED: "text-bg-success", State.FORWARDED: "text-bg-success",
    State.WITHDRAWN: "text-bg-dark",
}
BUTTON_CSS = {"return": "btn-outline-warning", "withdraw": "btn-outline-danger"}
SUBJECT_LABELS = dict(SubjectKind.choices)


# -- the list ---------------------------------------------------------------------------------
@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    rounds = queries.rounds()
    form = ProposalFilterForm(request.GET or None, user=user, rounds=rounds)
    filters = form.cleaned_data if form.is_valid() else {}
    proposals = queries.filter_proposals(
        queries.visible_to(user), round_=filters.get("round"), state=filters.get("state", ""),
        unit=filters.get("unit"), text=filters.get("q", ""))
    page = Paginator(proposals.select_related("round").order_by("-created_at", "-id"),
                     settings.PAGE_SIZE).get_page(request.GET.get("page"))
    counts = queries.nominee_counts(page.object_list)
    rows = [{"proposal": p, "lines": counts.get(p.pk, 0), "css": STATE_CSS[p.state]}
            for p in page.object_list]
    context = {"form": form, "page": page, "rows": rows,
               "may_create": user.is_superuser or user.role in PROPOSER}
    if request.htmx and not request.htmx.history_restore_request:
        response = push_url(render(request, "proposals/_results.html", context),
                            clean_url(request))
    else:
        context.update(unit_options=unit_choices(user), rounds=list(rounds.order_by("-year")))
        response = render(request, "proposals/list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def clean_url(request: HttpRequest) -> str:
    query = urlencode([(key, value) for key, values in request.GET.lists()
                       for value in values if value.strip()])
    return f"{request.path}?{query}" if query else request.path


@login_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    require_writer(request)
    rounds = queries.rounds().order_by("-year", "-opens_on")
    form = ProposalForm(request.POST or None, user=request.user, rounds=rounds)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.create_proposal(by=request.user, round_=data["round"],
                                                unit=data["unit"], title=data["title"],
                                                number=data["number"])
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The dossier was created: add its nominees."))
            return redirect("proposals:detail", pk=proposal.pk)
    return render(request, "proposals/proposal_form.html", {"form": form})


# -- the page ---------------------------------------------------------------------------------
@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = dossier_or_404(request, pk)
    user = request.user
    editable = proposal.state in EDITABLE and workflow.may_act(user, proposal, PROPOSER)
    person_url = url_maker("people:detail")
    reasons_url = url_maker("proposals:nominee_reasons", proposal.pk)
    lines = [{**present_line(line, with_reasons=False),
              "person_url": person_url(line.person_id) if line.person_id else "",
              "reasons_url": reasons_url(line.pk)} for line in queries.lines_on_page(proposal)]
    return render(request, "proposals/detail.html", {
        "proposal": proposal, "lines": lines, "state_css": STATE_CSS[proposal.state],
        "findings": summary_findings(lines),
        "attachments": list(proposal.attachments.select_related("nominee", "uploaded_by")),
        "history": list(proposal.transitions.select_related("actor").order_by("at", "id")),
        "actions": actions_for(proposal, user), "editable": editable,
        "may_check": proposal.state not in FINAL and workflow.may_act(user, proposal, CHECKERS),
        "may_attach": proposal.state not in FINAL and (
            editable or (proposal.state not in EDITABLE
                         and workflow.may_act(user, proposal, APPRAISER))),
        "attachment_form": AttachmentForm(initial={"version": proposal.version}),
        "header_form": HeaderForm(initial={"title": proposal.title, "number": proposal.number,
                                           "version": proposal.version}),
        "verdict_counts": verdict_counts(lines),
        "notices": list(proposal.result_notices.select_related("recorded_by")),
        "decision_url": decision_url(proposal, user),
        "dispatch_form": DispatchForm() if proposal.state == State.DECIDED
        and workflow.may_act(user, proposal, APPRAISER) else None,
    })


def decision_url(proposal: Proposal, user) -> str:
    """The address of the decision that decided the dossier, when the user may open it."""
    if proposal.decision_id is None or not award_queries.decisions_visible_to(user).filter(
            pk=proposal.decision_id).exists():
        return ""
    return reverse("awards:decision_detail", args=[proposal.decision_id])


def url_maker(name: str, *fixed):
    """Addresses of one pattern for many ids, reversed once: a page of 300 lines spent a
    fifth of its time in {% url %}."""
    sentinel = "987654321"
    pattern = reverse(name, args=[*fixed, int(sentinel)])
    return lambda value: pattern.replace(sentinel, str(value))


def present_line(line: Nominee, *, with_reasons: bool = True) -> dict:
    """What the template shows of a line: the verdict's label and colour, the reason that best
    explains it, every reason with its citation (not on the dossier page, where a line's
    reasons load when opened), the list findings."""
    answer = {"verdict": line.verdict, "reasons": line.reasons} if line.verdict else None
    return {
        "line": line,
        "label": str(batch.VERDICT_LABELS.get(line.verdict, _("Not checked"))),
        "kind": str(SUBJECT_LABELS.get(line.subject_kind, line.subject_kind)),
        "css": VERDICT_CSS.get(line.verdict, "text-bg-light"),
        "reason": batch.first_unmet(answer),
        "reasons": [{**reason, "css": MET_CSS[reason.get("met")]} for reason in line.reasons]
        if with_reasons else [],
        "findings": [{**item, "css": FINDING_CSS.get(item["severity"], "alert-secondary")}
                     for item in line.findings],
        "needs_justification": verdicts.needs_justification(line),
        "asserted": [say.fact_text(name) for name, value in (line.facts or {}).items() if value],
    }


@login_required
def nominee_reasons(request: HttpRequest, pk: int, nominee_pk: int) -> HttpResponse:
    """Every criterion the engine checked for one line, with its citation: the line's "all
    checks" (htmx, when opened) or a page of its own."""
    proposal = dossier_or_404(request, pk)
    line = proposal.nominees.select_related("award_type").filter(pk=nominee_pk).first()
    if line is None:
        raise Http404
    shown = present_line(line)
    context = {"proposal": proposal, "line": line, "reasons": shown["reasons"],
               "label": shown["label"], "css": shown["css"]}
    fragment = request.htmx and not request.htmx.history_restore_request
    response = render(request, "proposals/_reasons.html" if fragment else "proposals/reasons.html",
                      context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def summary_findings(lines: list[dict]) -> list[dict]:
    """The list findings of the dossier, each once (a duplicate names two lines)."""
    seen: dict[str, dict] = {}
    for shown in lines:
        for item in shown["findings"]:
            seen.setdefault(item["message"], item)
    return list(seen.values())


def verdict_counts(lines: list[dict]) -> list[tuple[str, str, int]]:
    found: dict[str, list] = {}
    for shown in lines:
        entry = found.setdefault(shown["line"].verdict, [shown["label"], shown["css"], 0])
        entry[2] += 1
    return [tuple(value) for value in found.values()]


def actions_for(proposal: Proposal, user) -> list[dict]:
    return [{"name": name, "label": STEPS[name].label, "needs_note": STEPS[name].needs_note,
             "css": BUTTON_CSS.get(name, "btn-primary"),
             "form": ActionForm(initial={"version": proposal.version}, prefix=name)}
            for name in workflow.allowed_actions(proposal, user)
            if name not in ("close_vote", "decide")]  # the council's and the decision's pages


@login_required
@require_POST
def proposal_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One workflow button. A stale page (another officer acted first) gets ConflictError's
    message, never a 500; a refused step changes nothing."""
    proposal = dossier_or_404(request, pk)
    form = ActionForm(request.POST, prefix=action)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete: reload the page and try again."))
        return redirect("proposals:detail", pk=proposal.pk)
    try:
        services.act(proposal, action, by=request.user, version=form.cleaned_data["version"],
                     note=form.cleaned_data["note"])
    except WorkflowError as error:
        return refused(request, error, proposal)
    messages.success(request, _("Done: %(action)s.") % {
        "action": STEPS[action].label if action in STEPS else action})
    return redirect("proposals:detail", pk=proposal.pk)


@login_required
@require_POST
def proposal_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The "check again" button: every line through the engine and the list checks."""
    proposal = dossier_or_404(request, pk)
    try:
        found = services.check_nominees(proposal, by=request.user)
    except WorkflowError as error:
        return refused(request, error, proposal)
    messages.success(request, _("%(count)s nominees were checked again.")
                     % {"count": sum(found.values())})
    return redirect("proposals:detail", pk=proposal.pk)


@login_required
@require_POST
def proposal_header(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = dossier_or_404(request, pk)
    form = HeaderForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values()
                                         for e in errors))
        return redirect("proposals:detail", pk=proposal.pk)
    try:
        services.update_proposal(by=request.user, proposal=proposal,
                                 title=form.cleaned_data["title"],
                                 number=form.cleaned_data["number"],
                                 version=posted_version(request))
    except WorkflowError as error:
        return refused(request, error, proposal)
    messages.success(request, _("The dossier was saved."))
    return redirect("proposals:detail", pk=proposal.pk)
