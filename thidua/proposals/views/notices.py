"""Recording the dispatch that notified a proposing unit of its decided dossier's result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.proposals import services
from thidua.proposals.forms import DispatchForm
from thidua.proposals.views.common import dossier_or_404
from thidua.proposals.workflow import WorkflowError


@login_required
@require_POST
def record_dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = dossier_or_404(request, pk)
    form = DispatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(f"{form.fields[name].label}: {error}"
                                         for name, errors in form.errors.items()
                                         for error in errors))
    else:
        try:
            services.record_dispatch(by=request.user, proposal=proposal, **form.cleaned_data)
        except WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The notification of the result was recorded."))
    return redirect(reverse("proposals:detail", args=[pk]) + "#result-notices")
