"""Digital signatures of a decision's generated PDFs (/quan-ly/van-ban/chung-nhan/…/ky-so/):
sign a certificate batch's PDF with a PKCS#12 key, keep a PDF signed elsewhere (a VGCA token's
tool, a remote signing service), list and download the signed versions.

Who: the decision's issuing side (documents.queries.decisions_visible_to); signing is for
those who may decide (administrators, reviewers, leaders: awards.queries.may_decide),
reading the list for them and the officers. The key file and its passphrase are read in
memory only (no temporary file) and never logged (sensitive_post_parameters)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from thidua.awards import queries as award_queries
from thidua.core.ids import parse_number
from thidua.documents import queries, signing
from thidua.documents.forms import MAX_KEY_BYTES, SignedUploadForm, SignForm
from thidua.documents.models import SignedDocument

# A signing request is the key file plus a few fields: anything larger is refused unread.
MAX_SIGN_REQUEST = MAX_KEY_BYTES + 16 * 1024


class KeyInMemory(MemoryFileUploadHandler):
    """Keeps the uploaded key file in memory whatever FILE_UPLOAD_MAX_MEMORY_SIZE says (the
    request was capped at MAX_SIGN_REQUEST bytes first): it never reaches a temporary file."""

    def handle_raw_input(self, *args, **kwargs) -> None:
        self.activated = True


def _decision(request: HttpRequest, pk: int, *, to_sign: bool = False):
    user = request.user
    if not (award_queries.may_decide(user) or (user.can_write and not to_sign)):
        raise PermissionDenied
    return get_object_or_404(queries.decisions_visible_to(user), pk=pk)


def _sign_form(decision, data=None, files=None) -> SignForm:
    return SignForm(data, files, batches=queries.batches_to_sign(decision),
                    timestamps=bool(settings.SIGNING_TSA_URL))


def _upload_form(decision, data=None, files=None) -> SignedUploadForm:
    title = _("Certificates of decision %(number)s (signed)") % {"number": decision.number}
    return SignedUploadForm(data, files, initial={"title": title})


def _page(request: HttpRequest, decision, *, sign_form=None, upload_form=None,
          status: int = 200) -> HttpResponse:
    return render(request, "documents/certificates/signatures.html", {
        "decision": decision, "documents": queries.signed_of(decision),
        "may_sign": award_queries.may_decide(request.user),
        "sign_form": sign_form or _sign_form(decision),
        "upload_form": upload_form or _upload_form(decision),
        "tsa": settings.SIGNING_TSA_URL,
        "max_upload_mb": settings.SIGNING_UPLOAD_MAX_BYTES // (1024 * 1024),
    }, status=status)


@login_required
def decision_signatures(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _decision(request, pk))


@csrf_exempt  # checked by csrf_protect below, once the upload handlers are set
@sensitive_post_parameters("passphrase")
@login_required
@require_POST
def sign_batch(request: HttpRequest, pk: int) -> HttpResponse:
    """Sign a batch's PDF with an uploaded PKCS#12 key; the key never reaches the disk."""
    if (parse_number(request.META.get("CONTENT_LENGTH")) or 0) > MAX_SIGN_REQUEST:
        messages.error(request, _("The file is larger than 64 KB: it is not a PKCS#12 file "
                                  "of a signing certificate. Nothing was signed."))
        return redirect("certificates:signatures", pk=pk)
    request.upload_handlers = [KeyInMemory(request)]
    return _sign_batch(request, pk)


@sensitive_variables("form")
@csrf_protect
def _sign_batch(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk, to_sign=True)
    form = _sign_form(decision, request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, decision, sign_form=form, status=400)
    batch = form.cleaned_data["batch"]
    with batch.pdf.open("rb") as stored:
        pdf = stored.read()
    stamp = signing.timestamper() if form.cleaned_data.get("timestamp") else None
    title = _("Certificates of decision %(number)s, batch of %(time)s") % {
        "number": decision.number,
        "time": timezone.localtime(batch.created_at).strftime("%d/%m/%Y %H:%M")}
    try:
        document = signing.sign_pdf(by=request.user, pdf=pdf, signer=form.cleaned_data["signer"],
                                    title=title, reason=title, obj=decision,
                                    timestamper=stamp)
    except signing.SigningError as error:
        form.add_error(None, str(error))
        return _page(request, decision, sign_form=form, status=400)
    messages.success(request, _("Signed by %(signer)s and kept (SHA-256 %(hash)s).") % {
        "signer": document.signer_name, "hash": document.sha256[:16]})
    return redirect("certificates:signatures", pk=decision.pk)


@login_required
@require_POST
def upload_signed(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep a PDF signed elsewhere, once pyHanko finds its signature intact and whole."""
    decision = _decision(request, pk, to_sign=True)
    form = _upload_form(decision, request.POST, request.FILES)
    if form.is_valid():
        try:
            document = signing.store_signed(by=request.user, obj=decision,
                                            content=form.cleaned_data["file"].read(),
                                            title=form.cleaned_data["title"])
        except signing.SigningError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("The signed file of %(signer)s is kept (SHA-256 "
                                        "%(hash)s).") % {"signer": document.signer_name,
                                                         "hash": document.sha256[:16]})
            return redirect("certificates:signatures", pk=decision.pk)
    return _page(request, decision, upload_form=form, status=400)


@login_required
def signed_file(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(SignedDocument, pk=pk, object_type=queries.DECISION)
    _decision(request, int(document.object_id))
    return FileResponse(document.file.open("rb"), as_attachment=True,
                        filename=f"ky-so-{document.sha256[:12]}.pdf")
