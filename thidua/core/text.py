"""Vietnamese text: NFC storage, accent folding, dictionary sort keys."""

import re
import unicodedata
from functools import lru_cache

# Ð (U+00D0, Icelandic eth) and ð look like Đ/đ and arrive from old fonts and keyboards.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_SPACES = re.compile(r"\s+")


def clean(value: str) -> str:
    """NFC, Đ look-alikes fixed, runs of white space collapsed, ends stripped."""
    text = unicodedata.normalize("NFC", str(value)).translate(_LOOKALIKES)
    return _SPACES.sub(" ", text).strip()


def fold(value: str) -> str:
    """Accent- and case-insensitive key: "Nguyễn Thị Hoà" -> "nguyen thi hoa"."""
    return fold_clean(clean(value))


def fold_clean(text: str) -> str:
    """`fold` of text that is already `clean` (the cells of an import, once cleaned)."""
    text = text.casefold().translate(_UNMARKED)
    # Letters of Vietnamese and the other Latin scripts are done by the table; only other
    # scripts (Greek, Cyrillic…) need the general rule.
    return text if text.isascii() else _strip_marks(text).replace("đ", "d")


def _strip_marks(text: str) -> str:
    """The general rule of `fold`: decompose, drop the combining marks."""
    text = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# Each precomposed Latin letter (Latin-1 to Latin Extended Additional, where every Vietnamese
# letter is) and each combining mark, as `_strip_marks` turns it: a name is folded by one
# translate instead of a decomposition and a loop over its characters.
_UNMARKED = {code: _strip_marks(chr(code)).replace("đ", "d")
             for code in (*range(0xC0, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00))
             if _strip_marks(chr(code)).replace("đ", "d") != chr(code)}


# Primary order of the Vietnamese alphabet; tones are secondary. Keys are digits only, so that
# byte order (SQLite) and any locale collation (PostgreSQL) sort them the same way.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY = {ch: f"{i + 10:02d}" for i, ch in enumerate(_ALPHABET)}
_COMPOSED = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ",
             "u\u031b": "ư"}
# Dictionary tone order: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}


@lru_cache(maxsize=65536)  # names repeat their syllables: importers and generators call this a lot
def _word_key(word: str) -> tuple[str, str]:
    """Primary letters of one syllable, and its tone (one per syllable, wherever it is placed)."""
    primary, tone = [], "0"
    for ch in word.casefold():
        base, *marks = unicodedata.normalize("NFD", ch)
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            else:
                base = _COMPOSED.get(base + mark, base)
        if base.isdigit():
            primary.append(f"0{base}")  # digits before letters
        elif base in _PRIMARY:
            primary.append(_PRIMARY[base])
    return "".join(primary) + "00", tone


def _key(words: list[str]) -> str:
    keys = [_word_key(w) for w in words if w]
    return ("".join(p for p, _ in keys) + "0" + "".join(t for _, t in keys))[:255]


def sort_key(full_name: str) -> str:
    """Key ordering people by given name, then family and middle names, in Vietnamese order."""
    words = clean(full_name).split(" ")
    return _key(words[-1:] + words[:-1])


def unit_sort_key(name: str) -> str:
    """Vietnamese order for unit names, word by word as written."""
    return _key(clean(name).split(" "))


def sizes(size: int, limit: int) -> dict[str, str]:
    """`size` and `limit` (bytes) for a message refusing a file over the limit: rounded as
    usual, and in bytes when the rounding would show them equal ("20,0 MB; up to 20,0 MB")."""
    # Here rather than at the top: the rest of this module is plain Python, used everywhere.
    from django.template.defaultfilters import filesizeformat
    from django.utils.formats import number_format
    from django.utils.translation import gettext as _

    shown, most = filesizeformat(size), filesizeformat(limit)
    if shown == most:
        shown, most = (_("%(count)s bytes") % {"count": number_format(value, force_grouping=True)}
                       for value in (size, limit))
    return {"size": shown, "limit": most}
