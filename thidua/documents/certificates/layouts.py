"""Positions of the fields printed onto pre-printed blanks (phôi), per form and issuing unit.

A unit's own layout wins; else the default layout an administrator saved for the form (a
layout without unit); else the built-in one below, which puts every field where the designed
certificate has it (so a designed certificate printed on plain paper is a usable template)."""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db import transaction

from thidua.core.services import log_action
from thidua.documents.certificates.choices import Align, BlankFieldName, CertificateForm
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
    saved: bool = False  # the unit has a layout of its own

    def as_data(self) -> dict:
        """What the Typst templates read (mm and pt as plain numbers)."""
        return {"width": self.width, "height": self.height, "offset_x": self.offset_x,
                "offset_y": self.offset_y,
                "fields": [{"name": f.name, "x": f.x, "y": f.y, "width": f.width,
                            "height": f.height, "size": f.font_size, "align": f.align,
                            "bold": f.bold, "italic": f.italic}
                           for f in self.fields if f.enabled]}


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


def resolve(form: str, unit=None) -> LayoutSpec:
    """The layout used for `form` on the blanks of `unit`: its own, else the default, else
    the built-in one. `saved` tells whether the unit has its own."""
    layouts = BlankLayout.objects.filter(form=form).prefetch_related("fields")
    own = layouts.filter(unit=unit).first() if unit is not None else None
    chosen = own or layouts.filter(unit__isnull=True).first()
    spec = from_model(chosen) if chosen else built_in(form)
    return replace(spec, unit_id=unit.pk if unit is not None else None, saved=own is not None)


def complete(spec: LayoutSpec) -> LayoutSpec:
    """Every field of the form, in reading order: missing ones from the built-in layout
    (not printed), so that an edit screen always shows them all."""
    known = {f.name: f for f in spec.fields}
    defaults = {f.name: replace(f, enabled=False) for f in built_in(spec.form).fields}
    return replace(spec, fields=[known.get(name) or defaults[name] for name in F.values])


@transaction.atomic
def save_layout(*, by, form: str, unit, page: dict, fields: list[dict]) -> BlankLayout:
    """Create or replace the layout of `form` for `unit` (None: the default for every unit).

    `page` holds page_width, page_height, offset_x and offset_y; `fields` one dict per field
    with the BlankField names. Audited with the values before and after."""
    if form not in CertificateForm.values:
        raise ValueError(form)
    layout = BlankLayout.objects.filter(form=form, unit=unit).first()
    before = snapshot(layout) if layout else None
    layout = layout or BlankLayout(form=form, unit=unit)
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
    return {"page": [str(layout.page_width), str(layout.page_height), str(layout.offset_x),
                     str(layout.offset_y)],
            "fields": {f.name: [str(f.x), str(f.y), str(f.width), str(f.height),
                                str(f.font_size), f.align, f.bold, f.italic, f.enabled]
                       for f in layout.fields.all()}}
