"""Rendering a docx template, and checking one before it replaces a built-in template.

Every value is escaped for XML and normalised (NFC, Đ for Ð) on the way in. An unknown
placeholder never renders as an empty space: it raises `TemplateProblem` naming it, and an
upload is refused with that message (the template's placeholders are compared with the ones
its kind offers, then it is rendered once against the sample data)."""

import difflib
import io
import zipfile

from django.utils.translation import gettext as _
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError
from lxml import etree

from thidua.core.text import clean

# What python-docx and lxml raise on a file that is not a Word document.
UNREADABLE = (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
              etree.XMLSyntaxError, AttributeError, TypeError)


class TemplateProblem(Exception):
    """A template that cannot be used, with a message for the person who uploaded it."""


class NamedUndefined(StrictUndefined):
    """A missing value stops the rendering with the placeholder's name."""

    def _fail_with_undefined_error(self, *args, **kwargs):
        raise TemplateProblem(_("The template uses the field “%(name)s”, which this document "
                                "does not have.") % {"name": self._undefined_name})

    __str__ = __iter__ = __len__ = __bool__ = _fail_with_undefined_error


def environment() -> Environment:
    return Environment(autoescape=True, undefined=NamedUndefined)


def normalised(value):
    """Every text in the context as stored text should be: NFC, Đ for Ð. Word by word, so
    that line breaks and the runs of spaces a draft leaves for the clerk survive."""
    if isinstance(value, str):
        return "\n".join(" ".join(clean(word) for word in line.split(" "))
                         for line in value.split("\n"))
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [normalised(item) for item in value]
    return value


def opened(source: bytes) -> DocxTemplate:
    """The template, or TemplateProblem when the bytes are not a Word (.docx) document."""
    try:
        template = DocxTemplate(io.BytesIO(source))
        template.init_docx()
    except UNREADABLE as error:
        raise TemplateProblem(_("The file is not a valid Word document (.docx); it may be "
                                "damaged, or saved in another format. Open it in Word and "
                                "save it again as .docx.")) from error
    return template


def render(source: bytes, context: dict) -> bytes:
    """The document made from the template `source` (docx bytes) and `context`."""
    template = opened(source)
    try:
        template.render(normalised(context), environment())
        buffer = io.BytesIO()
        template.save(buffer)
    except TemplateSyntaxError as error:
        raise TemplateProblem(syntax_message(error)) from error
    except TemplateError as error:
        raise TemplateProblem(_("The template could not be filled in: %(error)s")
                              % {"error": error}) from error
    return reproducible(buffer.getvalue())


def reproducible(document: bytes) -> bytes:
    """The same document as the same bytes: the zip's entries get a fixed date instead of the
    second they were written, so a document made twice has one hash (packages compare them)."""
    source = zipfile.ZipFile(io.BytesIO(document))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(fixed, source.read(entry.filename))
    return target.getvalue()


def syntax_message(error: TemplateSyntaxError) -> str:
    return _("A placeholder or a tag of the template is written wrongly (%(error)s). Each "
             "placeholder is written {{ name }} and each tag {%% … %%}.") % {
        "error": error.message}


def placeholders(source: bytes) -> set[str]:
    """The names the template reads (top-level names only: items of a list are checked by
    rendering)."""
    template = opened(source)
    try:
        return template.get_undeclared_template_variables(environment())
    except TemplateSyntaxError as error:
        raise TemplateProblem(syntax_message(error)) from error


def check(source: bytes, *, fields: dict[str, str], required: set[str], sample: dict) -> None:
    """Refuse a template that is not a docx, uses a placeholder its kind does not offer
    (naming it, with the nearest known name), lacks a required one, or cannot be rendered
    against the sample data."""
    used = placeholders(source)
    unknown = sorted(used - set(fields))
    if unknown:
        raise TemplateProblem(unknown_message(unknown, fields))
    missing = sorted(required - used)
    if missing:
        raise TemplateProblem(_("The template does not use %(names)s, which this document "
                                "needs.") % {"names": ", ".join(f"{{{{ {n} }}}}"
                                                               for n in missing)})
    rendered = render(source, sample)
    opened(rendered)  # what Word will open must itself be a document


def unknown_message(unknown: list[str], fields: dict[str, str]) -> str:
    parts = []
    for name in unknown:
        near = difflib.get_close_matches(name, list(fields), n=1)
        parts.append(_("{{ %(name)s }} (did you mean {{ %(near)s }}?)")
                     % {"name": name, "near": near[0]} if near else f"{{{{ {name} }}}}")
    return _("The template uses fields that this document does not have: %(names)s.") % {
        "names": "; ".join(parts)}
