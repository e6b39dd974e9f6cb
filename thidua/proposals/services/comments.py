"""Public comments on a published candidate list (góp ý) and the officers' answers.

Anyone may comment without an account while the window is open (`Proposal.comment_opens_on` to
`comment_closes_on`, set on publication by `deadlines.apply`). A client is known only by a keyed
hash of its IP address (`client_hash`), enough to limit it to RATE_LIMIT comments per dossier per
hour without storing the address. Answers are new rows, never edits; every write is audited.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from thidua.core.services import log_action
from thidua.core.text import clean
from thidua.proposals.choices import CommentStatus, State
from thidua.proposals.models import Comment, CommentAnswer, Nominee, Proposal
from thidua.proposals.queries import visible_to
from thidua.proposals.workflow import APPRAISER, WorkflowError, may_act

RATE_LIMIT = 5
RATE_WINDOW = datetime.timedelta(hours=1)
NAME_MAX, CONTACT_MAX, BODY_MIN, BODY_MAX = 120, 120, 10, 4000


class CommentError(WorkflowError):
    """A comment or answer refused; the message is for the user, in their language."""


class RateLimited(CommentError):
    """The client sent RATE_LIMIT comments on this list within the last RATE_WINDOW."""


def client_hash(ip: str) -> str:
    """The keyed SHA-256 of a client's IP address (HMAC with the site's secret key): the same
    address always gives the same hash, and the hash does not give the address back."""
    return salted_hmac("thidua.proposals.comments", ip or "-", algorithm="sha256").hexdigest()


def is_open(proposal: Proposal, today: datetime.date | None = None) -> bool:
    """True while the public may comment on `proposal`."""
    today = today or timezone.localdate()
    return (proposal.state == State.PUBLISHED and proposal.comment_opens_on is not None
            and proposal.comment_closes_on is not None
            and proposal.comment_opens_on <= today <= proposal.comment_closes_on)


def post_comment(proposal: Proposal, *, author_name: str, body: str, client: str,
                 contact: str = "", nominee: Nominee | None = None,
                 today: datetime.date | None = None) -> Comment:
    """Store a public comment; CommentError when the window is closed, the text does not fit or
    the client has reached the rate limit. `client` is `client_hash(ip)`."""
    author_name, contact, body = clean(author_name), clean(contact), clean_paragraphs(body)
    _check_text(author_name, contact, body)
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if not is_open(locked, today):
            raise CommentError(_("This list is not open for comments now."))
        if nominee is not None and nominee.proposal_id != locked.pk:
            raise CommentError(_("The chosen candidate is not on this list."))
        if _recent(locked, client) >= RATE_LIMIT:
            raise RateLimited(_(
                "You have already sent %(count)s comments on this list in the last hour. "
                "Please wait a while before sending another.") % {"count": RATE_LIMIT})
        comment = Comment.objects.create(proposal=locked, nominee=nominee,
                                         author_name=author_name, contact=contact, body=body,
                                         client_hash=client)
        log_action("thidua.comment.posted", by=None, obj=comment, summary=body[:200],
                   after={"proposal": locked.pk, "nominee": nominee.pk if nominee else None})
    return comment


def clean_paragraphs(text: str) -> str:
    """NFC and tidy white space line by line, keeping the line breaks (at most one blank line)."""
    lines = [clean(line) for line in str(text).splitlines()]
    kept = [line for i, line in enumerate(lines) if line or (i and lines[i - 1])]
    return "\n".join(kept).strip()


def _check_text(author_name: str, contact: str, body: str) -> None:
    if not author_name:
        raise CommentError(_("Please give your name."))
    if len(author_name) > NAME_MAX or len(contact) > CONTACT_MAX:
        raise CommentError(_("The name and the contact may have at most %(max)s characters.")
                           % {"max": NAME_MAX})
    if not BODY_MIN <= len(body) <= BODY_MAX:
        raise CommentError(_("The comment must have between %(min)s and %(max)s characters.")
                           % {"min": BODY_MIN, "max": BODY_MAX})


def _recent(proposal: Proposal, client: str) -> int:
    since = timezone.now() - RATE_WINDOW
    return Comment.objects.filter(proposal=proposal, client_hash=client,
                                  created_at__gte=since).count()


def may_answer(user, proposal: Proposal) -> bool:
    """Reviewers and administrators of the appraising level whose scope holds the dossier."""
    return may_act(user, proposal, APPRAISER)


def comments_for(user, pk: int) -> Proposal:
    """The dossier whose comments `user` may read and answer; Proposal.DoesNotExist otherwise."""
    proposal = visible_to(user).select_related("round", "unit").get(pk=pk)
    if not may_answer(user, proposal):
        raise Proposal.DoesNotExist
    return proposal


def answer_comment(comment: Comment, *, by, body: str, published: bool = True) -> CommentAnswer:
    """Add an officer's answer to a comment (shown on the portal when `published`)."""
    body = clean_paragraphs(body)
    if not body:
        raise CommentError(_("Write the answer."))
    if len(body) > BODY_MAX:
        raise CommentError(_("The answer may have at most %(max)s characters.")
                           % {"max": BODY_MAX})
    with transaction.atomic():
        comment = _locked(comment, by)
        answer = CommentAnswer.objects.create(comment=comment, body=body, answered_by=by,
                                              published=published)
        before = comment.status
        comment.status = CommentStatus.ANSWERED
        comment.save(update_fields=["status"])
        log_action("thidua.comment.answered", by=by, obj=comment, summary=body[:200],
                   before={"status": before},
                   after={"status": comment.status, "answer": answer.pk, "published": published})
    return answer


def set_aside(comment: Comment, *, by, reason: str = "") -> Comment:
    """Mark a comment as needing no answer (spam, off topic, a duplicate…)."""
    with transaction.atomic():
        comment = _locked(comment, by)
        if comment.status == CommentStatus.ANSWERED:
            raise CommentError(_("This comment has already been answered."))
        before = comment.status
        comment.status = CommentStatus.DISMISSED
        comment.save(update_fields=["status"])
        log_action("thidua.comment.set_aside", by=by, obj=comment, summary=clean(reason)[:200],
                   before={"status": before}, after={"status": comment.status})
    return comment


def _locked(comment: Comment, by) -> Comment:
    comment = Comment.objects.select_for_update(of=("self",)).select_related(
        "proposal__unit").get(pk=comment.pk)
    if not may_answer(by, comment.proposal):
        raise CommentError(_("Only the appraising level answers comments on this list."))
    return comment
