"""Vietnamese typed in the legacy TCVN3 (ABC, fonts .VnTime…) and VNI Windows (fonts VNI-…)
encodings, converted to Unicode.

Old Word and Excel files stored such text as single bytes shown through a special font; opened
today, those bytes arrive as Latin-1/Windows-1252 characters ("NguyÔn ThÞ Hoµ" in TCVN3,
"Nguyeãn Thò Hoøa" in VNI). A file tells which encoding a cell uses by its font name
(`encoding_of_font`); when it does not, `repair` converts text that is not Vietnamese but whose
conversion is.
"""

import re
import unicodedata
from functools import lru_cache

TCVN3 = "tcvn3"
TCVN3_UPPER = "tcvn3_upper"  # .VnTimeH and the other "H" fonts show every letter in capitals
VNI = "vni"

# TCVN 5712:1993 (VN3, the ".Vn" fonts): one byte per letter. Most capitals with a tone mark
# have no code: the "H" fonts draw the lowercase codes as capitals.
TCVN3_LETTERS = {
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
    "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\u00ad": "ư", "®": "đ",
    "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
    "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
    "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
    "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
    "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
    "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
    "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
    "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
    "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
    "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
    "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
    "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
    # Capitals that TCVN 5712 (VN1) adds in the same range, should a file use them.
    "¯": "Ằ", "º": "Ẳ", "¿": "Ẵ", "À": "Ắ", "Á": "Ầ", "Â": "Ẩ", "Ã": "Ẫ", "Ä": "Ấ", "Å": "Ề",
    "Í": "Ể", "Ù": "Ễ", "Ú": "Ế", "Û": "Ồ", "à": "Ổ", "ð": "Ỗ", "ÿ": "Ố",
}
_TCVN3_TABLE = str.maketrans(TCVN3_LETTERS)

# VNI Windows: a base letter followed by a mark character; a few letters are one character.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_TONE_MARKS = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_CIRCUMFLEX_MARKS = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_BREVE_MARKS = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
               "î": "ỵ"}


def _vni_pairs() -> dict[str, str]:
    """Every two-character VNI sequence; the letter takes the case of the base character."""
    lower = {}
    for base in "aeouy":
        for mark, tone in _TONE_MARKS.items():
            lower[base + mark] = base + tone
    for base in "aeo":
        for mark, tone in _CIRCUMFLEX_MARKS.items():
            lower[base + mark] = base + _CIRCUMFLEX + tone
    for mark, tone in _BREVE_MARKS.items():
        lower["a" + mark] = "a" + _BREVE + tone
    for base, letter in (("ô", "o" + _HORN), ("ö", "u" + _HORN)):
        for mark, tone in _TONE_MARKS.items():
            lower[base + mark] = letter + tone
    pairs = {}
    for sequence, decomposed in lower.items():
        letter = unicodedata.normalize("NFC", decomposed)
        base, mark = sequence
        for base_form, mark_form, result in ((base, mark, letter),
                                             (base.upper(), mark.upper(), letter.upper()),
                                             (base.upper(), mark, letter.upper()),
                                             (base, mark.upper(), letter)):
            pairs.setdefault(base_form + mark_form, result)
    return pairs


VNI_PAIRS = _vni_pairs()
VNI_SINGLES = {**_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}


def from_tcvn3(text: str, *, upper: bool = False) -> str:
    """TCVN3 text as Unicode; `upper` for the capitals-only "H" fonts (.VnTimeH)."""
    converted = text.translate(_TCVN3_TABLE)
    return converted.upper() if upper else converted


def from_vni(text: str) -> str:
    out, i, n = [], 0, len(text)
    while i < n:
        pair = VNI_PAIRS.get(text[i:i + 2])
        if pair is not None:
            out.append(pair)
            i += 2
        else:
            out.append(VNI_SINGLES.get(text[i], text[i]))
            i += 1
    return "".join(out)


def encoding_of_font(name: str) -> str | None:
    """TCVN3, TCVN3_UPPER or VNI for a legacy font name (".VnTime", ".VnTimeH", "VNI-Times")."""
    name = name.strip()
    lowered = name.lower()
    if lowered.startswith(".vn"):
        return TCVN3_UPPER if name.endswith("H") else TCVN3
    if lowered.startswith("vni"):
        return VNI
    return None


def convert(text: str, encoding: str) -> str:
    """Text of a cell whose font says `encoding`; text already in Unicode is left alone."""
    if text.isascii() or not could_be_legacy(text):
        return text.upper() if encoding == TCVN3_UPPER else text
    if encoding == VNI:
        return from_vni(text)
    return from_tcvn3(text, upper=encoding == TCVN3_UPPER)


# What a legacy byte string can look like once decoded as Windows-1252: anything else (ă, ơ, ư,
# đ, ạ, …) proves the text is already Unicode.
_CP1252 = frozenset(bytes(range(256)).decode("cp1252", errors="ignore"))


def could_be_legacy(text: str) -> bool:
    return _CP1252.issuperset(text)


# ---- Is this Vietnamese? -------------------------------------------------------------------

_VOWELS = "aăâeêioôơuưy"
_TONES = (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)
_LETTERS = frozenset(
    unicodedata.normalize("NFC", letter + tone).upper() if upper else
    unicodedata.normalize("NFC", letter + tone)
    for letter in _VOWELS for tone in ("", *_TONES) for upper in (False, True)
) | frozenset("đĐ")
_PUNCTUATION = frozenset("–—‘’“”…•°№«»\u00a0")
_ALLOWED = frozenset(chr(c) for c in range(32, 127)) | _LETTERS | _PUNCTUATION | frozenset("\t\n\r")

# Vowel groups of a syllable, by whether a final consonant must, may or cannot follow.
_NEED_FINAL = "ă â iê yê uô ươ oă uâ uyê oo"
_MAY_END = "a e ê i o ô ơ u ư y oa oe uê uy uơ"
_NO_FINAL = ("ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu iêu yêu oai oay oao oeo uây uôi uyu "
             "ươi ươu ia ua ưa uya")


def _alternatives(groups: str) -> str:
    return "|".join(sorted(groups.split(), key=len, reverse=True))


_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnprstvx])?"
    rf"(?:(?:{_alternatives(_NEED_FINAL + ' ' + _MAY_END)})(?:ch|ng|nh|[cmnpt])"
    rf"|(?P<glide>{_alternatives(_NO_FINAL)})|(?:{_alternatives(_MAY_END)}))"
)
_WORD = re.compile(r"[^\W\d_]+")


def _is_syllable(word: str) -> bool:
    """A well-formed syllable: onset, vowels and final in Vietnamese spelling, at most one tone,
    and never on the last vowel of a group ending in a glide (hoài, not hoaì; xã, not xaõ)."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False  # "NguyÔn": a capital inside a word
    word = unicodedata.normalize("NFC", word.lower())
    toned = [i for i, ch in enumerate(word)
             if any(mark in _TONES for mark in unicodedata.normalize("NFD", ch))]
    if len(toned) > 1:
        return False
    bare = "".join(unicodedata.normalize(
        "NFC", "".join(m for m in unicodedata.normalize("NFD", ch) if m not in _TONES))
        for ch in word)
    if bare.replace("đ", "d").isascii() and not toned:
        return True  # an abbreviation: QĐ, LĐTT, CSTĐCS
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    return not (toned and match.group("glide") and toned[0] == match.end("glide") - 1)


def is_vietnamese(text: str) -> bool:
    """Plausible Vietnamese: known characters, and every word with a Vietnamese letter in it is
    a well-formed syllable (or an abbreviation in capitals). Words in plain ASCII pass."""
    text = text.replace("\u00d0", "Đ")  # Ð (U+00D0) is a common look-alike of Đ
    if not _ALLOWED.issuperset(text):
        return False
    return all(word.isascii() or _is_syllable(word) for word in _WORD.findall(text))


@lru_cache(maxsize=65536)
def repair(text: str) -> str:
    """`text`, or its VNI or TCVN3 conversion when only the conversion is Vietnamese."""
    if text.isascii() or not could_be_legacy(text) or is_vietnamese(text):
        return text
    for candidate in (from_vni(text), from_tcvn3(text)):
        if candidate != text and is_vietnamese(candidate):
            return candidate
    return text
