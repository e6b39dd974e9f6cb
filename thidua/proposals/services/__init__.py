"""Every write of the proposals app (actor as `by=`, audited, one transaction each). State
changes go through proposals.workflow.transition, reached here through `act`."""

from thidua.proposals.services.attachments import (
    add_attachment,
    open_attachment,
    remove_attachment,
)
from thidua.proposals.services.base import DossierError
from thidua.proposals.services.comments import (
    CommentError,
    answer_comment,
    post_comment,
    set_aside,
)
from thidua.proposals.services.dossiers import (
    act,
    create_proposal,
    submit,
    update_proposal,
)
from thidua.proposals.services.imports import ImportOutcome, import_nominees
from thidua.proposals.services.nominees import (
    add_nominee,
    check_nominees,
    check_round,
    remove_nominee,
    store_checks,
    update_nominee,
)
from thidua.proposals.services.notices import record_dispatch, record_issue_notice
from thidua.proposals.services.rounds import create_round, update_round

__all__ = [
    "CommentError", "DossierError", "ImportOutcome", "act", "add_attachment", "answer_comment",
    "post_comment", "record_dispatch", "record_issue_notice", "set_aside", "add_nominee", "check_nominees",
    "check_round", "create_proposal", "create_round", "import_nominees", "open_attachment",
    "remove_attachment", "remove_nominee", "store_checks", "submit", "update_nominee",
    "update_proposal", "update_round",
]
