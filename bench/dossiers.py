"""Data of the dossier benchmarks (bench_dossier_*.py, bench_round_check.py), made once per run
on the generated province and kept in ctx.cache: written with bulk inserts, not timed."""

import datetime
import itertools

PROPOSALS = 5000
PAGE_LINES = 300
ROUND_DOSSIERS, ROUND_LINES = 100, 20
CODES = ("ldtt", "cstd_co_so", "bk_bo_tinh_individual", "cstd_bo_tinh")


class NoProvince(Exception):
    """gen_data made no province (it failed, or was not run)."""


def province(ctx):
    """The reviewer's province (root unit) and its current units that propose."""
    from support import reviewer

    from thidua.organisations.models import Unit

    if reviewer(ctx).unit is None:
        raise NoProvince
    root_id = int(reviewer(ctx).unit.path.strip("/").split("/")[0])
    root = Unit.objects.get(pk=root_id)
    units = list(Unit.objects.filter(path__startswith=root.path, valid_to__isnull=True)
                 .exclude(pk=root_id).order_by("path")[:400])
    return root, units


def last_year() -> int:
    from django.db.models import Max

    from thidua.people.models import Rating

    return Rating.objects.aggregate(last=Max("year"))["last"] or 2025


def new_round(root, name: str, year: int):
    from thidua.proposals.models import Round

    return Round.objects.create(name=name, year=year, organiser=root,
                                opens_on=datetime.date(year + 1, 1, 5),
                                submission_deadline=datetime.date(year + 1, 2, 27))


def listed(ctx):
    """5,000 dossiers of one round over the province's units, in every state, two lines each."""
    if "dossier_list" not in ctx.cache:
        from thidua.core.text import fold
        from thidua.proposals.choices import State
        from thidua.proposals.models import Proposal

        root, units = province(ctx)
        round_ = new_round(root, "Đợt đo hiệu năng danh sách hồ sơ", last_year())
        states = itertools.cycle(State.values)
        rows = []
        for index in range(PROPOSALS):
            unit = units[index % len(units)]
            title = f"Tờ trình đề nghị khen thưởng năm {round_.year} số {index + 1}"
            number = f"{index + 1}/TTr-UBND"
            rows.append(Proposal(round=round_, unit=unit, unit_name=unit.name, title=title,
                                 number=number, state=next(states),
                                 search_key=fold(f"{number} {title} {unit.name}")))
        Proposal.objects.bulk_create(rows, batch_size=1000)
        ctx.cache["dossier_list"] = round_
    return ctx.cache["dossier_list"]


def lines_for(proposals, people: list[int], per_dossier: int, codes=CODES) -> int:
    """`per_dossier` lines of distinct people on each dossier, codes in turn (unchecked)."""
    from thidua.awards.models import AwardType
    from thidua.people.models import Person
    from thidua.proposals.models import Nominee

    types = {t.code: t for t in AwardType.objects.filter(code__in=codes)}
    names = dict(Person.objects.filter(pk__in=people).values_list("pk", "full_name"))
    chosen = iter(people)
    rows = []
    for proposal in proposals:
        for position in range(1, per_dossier + 1):
            person = next(chosen)
            rows.append(Nominee(proposal=proposal, position=position, person_id=person,
                                name=names.get(person, "?"), unit_name=proposal.unit_name,
                                award_type=types[codes[(position - 1) % len(codes)]],
                                summary="Hoàn thành xuất sắc nhiệm vụ được giao."))
    Nominee.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def distinct_people(ctx, count: int) -> list[int]:
    from thidua.people.models import Person

    root, _units = province(ctx)
    ids = list(Person.objects.filter(unit__path__startswith=root.path)
               .order_by("?").values_list("pk", flat=True)[:count])
    return ids


def big_dossier(ctx):
    """One dossier with 300 checked lines."""
    if "dossier_page" not in ctx.cache:
        from thidua.proposals.models import Proposal
        from thidua.proposals.services import store_checks

        root, units = province(ctx)
        round_ = new_round(root, "Đợt đo hiệu năng trang hồ sơ", last_year())
        unit = units[0]
        proposal = Proposal.objects.create(round=round_, unit=unit, unit_name=unit.name,
                                           title="Tờ trình 300 người được đề nghị",
                                           number="300/TTr-UBND")
        lines_for([proposal], distinct_people(ctx, PAGE_LINES), PAGE_LINES)
        store_checks([proposal])
        ctx.cache["dossier_page"] = proposal
    return ctx.cache["dossier_page"]


def checked_round(ctx):
    """A round of 100 dossiers × 20 lines (2,000 people), lines not yet checked."""
    if "round_check" not in ctx.cache:
        from thidua.proposals.models import Proposal

        root, units = province(ctx)
        round_ = new_round(root, "Đợt đo hiệu năng kiểm tra cả đợt", last_year())
        proposals = Proposal.objects.bulk_create([
            Proposal(round=round_, unit=units[index % len(units)],
                     unit_name=units[index % len(units)].name, title=f"Tờ trình số {index}",
                     number=f"{index}/TTr") for index in range(ROUND_DOSSIERS)])
        lines_for(proposals, distinct_people(ctx, ROUND_DOSSIERS * ROUND_LINES), ROUND_LINES)
        ctx.cache["round_check"] = round_
    return ctx.cache["round_check"]
