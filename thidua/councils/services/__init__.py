"""Every write to councils, sessions and ballots (actor as `by=`), each audited.

A refused write raises ValidationError (or PermissionDenied) with a message for the user and
writes nothing. The secret ballot (`cast_ballot`) audits only that a member voted, never what.
"""

from thidua.councils.services.ballot import (
    cast_ballot,
    close_session,
    enter_paper_totals,
    new_receipt,
)
from thidua.councils.services.corrections import (
    order_revote,
    record_late_arrival,
    withdraw_recusal,
)
from thidua.councils.services.councils import (
    add_member,
    create_council,
    end_membership,
    update_council,
)
from thidua.councils.services.sessions import (
    create_session,
    open_session,
    record_recusal,
    record_written_opinions,
    set_attendance,
)

__all__ = [
    "add_member", "cast_ballot", "close_session", "create_council", "create_session",
    "end_membership", "enter_paper_totals", "new_receipt", "open_session", "order_revote",
    "record_late_arrival", "record_recusal", "record_written_opinions", "set_attendance",
    "update_council", "withdraw_recusal",
]
