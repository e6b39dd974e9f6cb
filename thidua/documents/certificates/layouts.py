"""Positions of the fields printed onto pre-printed blanks (phôi), per form, awardee kind
(individuals or collectives) and issuing unit.

The layout for a certificate is the first found of: the unit's own for the kind, the unit's
own for both kinds, the default (a layout without unit, saved by an administrator) for the
kind, the default for both kinds, and the built-in one below, which puts every field where the
designed certificate has it (so a designed certificate printed on plain paper is a usable
template). The unit comes before the kind: a unit's layout carries its printer's shift."""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from thidua.core.services import log_action
from thidua.documents.certificates.choices import (
    Align,
    AwardeeKind,
    BlankFieldName,
    CertificateForm,
)
from thidua.documents.certificates.content import PAPER
from thidua.documents.models import BlankField, BlankLayout

F = BlankFieldName
# Built-in boxes on the 297 × 210 grid of the designed certificate, scaled to each paper:
# name: (x, y, width, height, font size pt, alignment, bold, italic, printed by default).
# The fixed wording of a blank (national motto, authority, award name) is pre-printed.
_GRID = {
    F.AUTHORITY: (30, 53, 237, 9, 16, Align.CENTER, True, False, False),
    F.AWARD: (30, 70, 237, 17, 40, Align.CENTER, True, False, False),
    F.AWARDEE: (30, 90, 237, 14, 26, Align.CENTER, True, False, True),
    F.UNIT: (30, 105, 237, 10, 15, Align.CENTER, False, False, True),
    F.ACHIEVEMENT: (30, 116, 237, 24, 15, Align.CENTER, False, True, True),
    F.DECISION: (22, 146, 112, 10, 12, Align.CENTER, True, True, True),
    F.REGISTER: (22, 157, 112, 6, 12, Align.CENTER, True, True, True),
    F.PLACE_DATE: (160, 146, 115, 7, 13, Align.CENTER, True, True, True),
    F.SIGNER_TITLE: (160, 154, 115, 13, 13, Align.CENTER, True, False, True),
    F.SIGNER_NAME: (160, 186, 115, 8, 14, Align.CENTER, True, False, True),
    F.CODE: (53, 173.5, 80, 7, 11, Align.LEFT, True, False, True),
    F.QR: (24, 166, 26, 26, 10, Align.LEFT, False, False, True),
}
GRID_WIDTH = 297


@dataclass(frozen=True)
class FieldSpec:
    name: str
    x: float
    y: float
    width: float
    height: float
    font_size: float
    align: str = Align.CENTER
    bold: bool = False
    italic: bool = False
    enabled: bool = True


@dataclass(frozen=True)
class LayoutSpec:
    form: str
    width: float
    height: float
    offset_x: float = 0
    offset_y: float = 0
    fields: list[FieldSpec] = field(default_factory=list)
    unit_id: int | None = None
    kind: str = AwardeeKind.ANY
    saved: bool = False  # the unit has a layout of its own for this kind
    source: str = "built_in"  # where it comes from: SOURCES

    def as_data(self) -> dict:
        """What the Typst templates read (mm and pt as plain numbers)."""
        return {"width": self.width, "height": self.height, "offset_x": self.offset_x,
                "offset_y": self.offset_y,
                "fields": [{"name": f.name, "x": f.x, "y": f.y, "width": f.width,
                            "height": f.height, "size": f.font_size, "align": f.align,
                            "bold": f.bold, "italic": f.italic}
                           for f in self.fields if f.enabled]}


# Where a resolved layout comes from, in the order they are looked for ("_any": saved for
# individuals and collectives alike).
SOURCES = ("own", "own_any", "default", "default_any", "built_in")


def kind_of(award) -> str:
    return AwardeeKind.COLLECTIVE if award.collective_id else AwardeeKind.INDIVIDUAL


def built_in(form: str) -> LayoutSpec:
    width, height = PAPER[form]
    scale = width / GRID_WIDTH
    fields = [FieldSpec(name, *(round(v * scale, 1) for v in box[:5]), *box[5:])
              for name, box in _GRID.items()]
    return LayoutSpec(form=form, width=width, height=height, fields=fields)


def from_model(layout: BlankLayout) -> LayoutSpec:
    fields = [FieldSpec(f.name, float(f.x), float(f.y), float(f.width), float(f.height),
                        float(f.font_size), f.align, f.bold, f.italic, f.enabled)
              for f in layout.fields.all()]
    return LayoutSpec(form=layout.form, width=float(layout.page_width),
                      height=float(layout.page_height), offset_x=float(layout.offset_x),
                      offset_y=float(layout.offset_y), fields=fields, unit_id=layout.unit_id,
                      saved=True)


def resolve(form: str, unit=None, kind: str = AwardeeKind.ANY) -> LayoutSpec:
    """The layout used for `form` on the blanks of `unit` for awardees of `kind` (see the
    module's order). `saved` tells whether the unit has its own for exactly this kind;
    `source` where the layout comes from."""
    units = Q(unit__isnull=True) | Q(unit=unit) if unit is not None else Q(unit__isnull=True)
    found = {(layout.unit_id is not None, layout.kind): layout
             for layout in BlankLayout.objects.filter(units, form=form, kind__in={kind, ""})
             .prefetch_related("fields")}
    order = [(True, kind), (True, ""), (False, kind), (False, "")]
    key = next((key for key in order if key in found), None)
    spec = from_model(found[key]) if key else built_in(form)
    return replace(spec, unit_id=unit.pk if unit is not None else None, kind=kind,
                   saved=key == (True, kind), source=_source(key))


def _source(key: tuple[bool, str] | None) -> str:
    """One of SOURCES: the unit's own or the default, for one kind or for both."""
    if key is None:
        return "built_in"
    own, layout_kind = key
    return ("own" if own else "default") + ("" if layout_kind else "_any")


def complete(spec: LayoutSpec) -> LayoutSpec:
    """Every field of the form, in reading order: missing ones from the built-in layout
    (not printed), so that an edit screen always shows them all."""
    known = {f.name: f for f in spec.fields}
    defaults = {f.name: replace(f, enabled=False) for f in built_in(spec.form).fields}
    return replace(spec, fields=[known.get(name) or defaults[name] for name in F.values])


@transaction.atomic
def save_layout(*, by, form: str, unit, page: dict, fields: list[dict],
                kind: str = AwardeeKind.ANY) -> BlankLayout:
    """Create or replace the layout of `form` for `unit` (None: the default for every unit)
    and awardees of `kind` (empty: both kinds).

    `page` holds page_width, page_height, offset_x and offset_y; `fields` one dict per field
    with the BlankField names. Audited with the values before and after."""
    if form not in CertificateForm.values or kind not in AwardeeKind.values:
        raise ValueError((form, kind))
    layout = BlankLayout.objects.filter(form=form, kind=kind, unit=unit).first()
    before = snapshot(layout) if layout else None
    layout = layout or BlankLayout(form=form, kind=kind, unit=unit)
    for name, value in page.items():
        setattr(layout, name, Decimal(str(value)))
    layout.full_clean()
    layout.save()
    layout.fields.all().delete()
    BlankField.objects.bulk_create([BlankField(layout=layout, **values) for values in fields])
    log_action("thidua.blank_layout.saved", by=by, obj=layout, before=before,
               after=snapshot(layout))
    return layout


def snapshot(layout: BlankLayout) -> dict:
    return {"kind": layout.kind, "page": [str(layout.page_width), str(layout.page_height), str(layout.offset_x),
                     str(layout.offset_y)],
            "fields": {f.name: [str(f.x), str(f.y), str(f.width), str(f.height),
                                str(f.font_size), f.align, f.bold, f.italic, f.enabled]
                       for f in layout.fields.all()}}
