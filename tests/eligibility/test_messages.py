"""The words of the reasons: Django's translations, remembered per language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as django_gettext

from thidua.awards.choices import AwardKind
from thidua.eligibility import messages as say

SENTENCE = "No pending discipline, investigation or complaint is stated"


def test_a_sentence_reads_in_the_language_active_at_each_call():
    with translation.override("vi"):
        vietnamese = say.gettext(SENTENCE)
        assert vietnamese == django_gettext(SENTENCE)
    with translation.override("en"):
        assert say.gettext(SENTENCE) == SENTENCE
    with translation.override("vi"):
        assert say.gettext(SENTENCE) == vietnamese != SENTENCE


def test_labels_read_in_the_active_language_and_refuse_unknown_values():
    for language in ("vi", "en", "vi"):
        with translation.override(language):
            assert say.kind("dot_xuat") == str(AwardKind("dot_xuat").label).lower()
            assert say.fact_text("investigation_open") == str(
                say.FACT_TEXTS["investigation_open"])
    with translation.override("vi"):
        assert say.kind("dot_xuat") != say.kind("chuyen_de")
        with pytest.raises(ValueError):
            say.kind("not_a_kind")
        assert say.authority("someone_else") == "someone_else"
        assert say.fact_text("a_fact_no_rule_knows") == "a_fact_no_rule_knows"


def test_one_language_reads_the_language_once_for_its_block():
    with translation.override("en"), say.one_language():
        assert say.gettext(SENTENCE) == SENTENCE
        with say.one_language():  # blocks nest
            assert say.gettext(SENTENCE) == SENTENCE
    with translation.override("vi"):
        assert say.gettext(SENTENCE) == django_gettext(SENTENCE) != SENTENCE
        with say.one_language():
            assert say.gettext(SENTENCE) == django_gettext(SENTENCE)
