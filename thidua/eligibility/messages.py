"""Words for reasons: names of codes, labels of ratings and authorities, fact descriptions, and
date and year formatting. Every sentence is an English msgid translated to Vietnamese."""

import datetime
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.core.signals import setting_changed
from django.utils.autoreload import file_changed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as django_gettext

from thidua.awards.choices import Authority, AwardKind, InitiativeScope
from thidua.people.choices import DisciplineLevel, PostGroup, RatingLevel

FACT_TEXTS = {
    # conduct facts asserted by proposing (contracts §2) and registration
    "self_reliant_united_active_in_emulation": gettext_lazy(
        "self-reliant, united, helps colleagues and takes an active part in emulation"),
    "law_abiding_good_lifestyle": gettext_lazy(
        "abides by the law, lives well and helps the community"),
    "productive_and_active_in_movements": gettext_lazy(
        "works and produces effectively and takes part in movements and social activities"),
    "regular_effective_emulation": gettext_lazy("runs emulation regularly and effectively"),
    "united_and_compliant": gettext_lazy(
        "united and complies with the policies of the Party and the laws of the State"),
    "united_and_exemplary": gettext_lazy(
        "united and exemplary in complying with the policies of the Party and the laws of the State"),
    "united_thrift_anti_corruption": gettext_lazy(
        "united and leading in thrift and the fight against waste, corruption and negative practices"),
    "united_clean_strong_orgs_thrift_anti_corruption": gettext_lazy(
        "united, with clean and strong Party and mass organisations, leading in thrift and the "
        "fight against corruption"),
    "democracy_movements_welfare_thrift_anti_corruption": gettext_lazy(
        "practises grassroots democracy, runs movements well, cares for its members, practises "
        "thrift and fights corruption"),
    "meets_provincial_detail_criteria": gettext_lazy("meets the detailed criteria set by the province"),
    "outstanding_among_peers": gettext_lazy("outstanding among the candidates"),
    "registered_for_emulation": gettext_lazy("registered for the emulation movement with targets"),
    # guards
    "discipline_under_consideration": gettext_lazy("discipline is being considered"),
    "investigation_open": gettext_lazy(
        "an investigation, inspection or audit on signs of violation is open"),
    "complaint_under_verification": gettext_lazy(
        "a complaint, denunciation or press report of corruption is being verified"),
    "same_achievement_already_rewarded": gettext_lazy(
        "the same achievement has already been rewarded"),
    "higher_statutory_retirement_age": gettext_lazy("has a higher statutory retirement age"),
    "maternity_leave_in_year": gettext_lazy(
        "was on statutory maternity leave during the year"),
    "initiative_already_used": gettext_lazy(
        "an initiative relied on was already used as a criterion for another title or form"),
    # individual titles
    "research_accepted_in_year": gettext_lazy(
        "a research topic, scheme or science and technology work accepted and applied in the year"),
    "combat_ingenuity_recognised": gettext_lazy("ingenuity in combat recognised by the unit"),
    "research_with_ministry_or_province_wide_effect": gettext_lazy(
        "accepted research with effect across the ministry, sector or province"),
    "combat_ingenuity_army_or_police_wide": gettext_lazy(
        "ingenuity in combat with effect across the army or the police"),
    "research_with_nationwide_effect": gettext_lazy("accepted research with nationwide effect"),
    "combat_ingenuity_nationwide": gettext_lazy("ingenuity in combat with nationwide effect"),
    # flags
    "leads_cluster_or_block_in_year": gettext_lazy("leads its emulation cluster or block in the year"),
    "exceeded_targets_and_tasks": gettext_lazy("exceeded its emulation targets and tasks"),
    "party_and_mass_orgs_rated_htxs": gettext_lazy(
        "its Party and mass organisations were rated as completing their tasks excellently"),
    "leads_thematic_movement_at_review": gettext_lazy(
        "leads the thematic movement at its final review"),
    "movement_duration_meets_sector_minimum": gettext_lazy(
        "the movement lasted at least the minimum set by the sector"),
    "leads_cluster_of_ministry_or_province_in_year": gettext_lazy(
        "leads a cluster or block of a ministry, sector or province in the year"),
    "standout_among_cluster_leaders": gettext_lazy("stands out among the cluster leaders"),
    "leads_cluster_of_central_council_in_year": gettext_lazy(
        "leads a cluster or block run by the central council in the year"),
    "leads_pm_movement_of_5_years_or_more_at_review": gettext_lazy(
        "leads a movement launched by the Prime Minister lasting 5 years or more, at its review"),
    # community titles
    "meets_nd86_framework_standards": gettext_lazy(
        "meets the framework standards of Decree 86/2023"),
    "stable_developing_economic_life": gettext_lazy("stable and developing economic life"),
    "healthy_rich_cultural_life": gettext_lazy("healthy and rich cultural and spiritual life"),
    "safe_friendly_clean_environment": gettext_lazy(
        "safe and friendly environment, clean and beautiful landscape"),
    "compliant_orderly_active_in_movements": gettext_lazy(
        "complies with policy and law, keeps order and takes an active part in local movements"),
    "united_mutual_help_in_community": gettext_lazy("united, with mutual help in the community"),
    "family_law_abiding_and_civilised": gettext_lazy(
        "members abide by policy and law and keep civilised weddings, funerals and festivals"),
    "family_active_in_movements": gettext_lazy(
        "takes an active part in local movements (production, learning, security)"),
    "family_warm_progressive_happy_united": gettext_lazy(
        "a warm, progressive and happy family, united with the community"),
    # Bằng khen
    "outstanding_in_ministry_or_province_movement": gettext_lazy(
        "outstanding achievements in a movement launched by the ministry, sector or province"),
    "achievements_with_influence_in_managed_field": gettext_lazy(
        "many or one-off achievements with influence in a field the ministry or province manages"),
    "contribution_socioeconomic_science_charity": gettext_lazy(
        "contributions to socio-economic development, science and technology, social work or charity"),
    "two_research_works_accepted_and_applied": gettext_lazy(
        "two research topics or science and technology works accepted and applied at the grassroots"),
    "many_production_achievements_with_influence_in_commune_agency_or_enterprise": gettext_lazy(
        "many achievements in work or production with influence in the commune, agency or enterprise"),
    "outstanding_in_movement": gettext_lazy("outstanding achievements in a movement"),
    "outstanding_one_off_with_influence": gettext_lazy(
        "an outstanding one-off achievement with influence"),
    "many_contributions_of_labour_land_or_assets": gettext_lazy(
        "many contributions of labour, land or assets to the locality and society"),
    # Prime Minister's certificate and Labour Orders
    "other_point_of_art_73_1_met": gettext_lazy(
        "meets another point of Article 73(1) (reviewed by an officer)"),
    "achievements_of_ministry_or_province_scope_as_worker": gettext_lazy(
        "achievements in work or production of ministry or province scope"),
    "other_point_of_art_73_2_met": gettext_lazy(
        "meets another point of Article 73(2) (reviewed by an officer)"),
    "other_point_of_art_44_1_met": gettext_lazy(
        "meets another point of Article 44(1) (reviewed by an officer)"),
    "other_point_of_art_43_1_met": gettext_lazy(
        "meets another point of Article 43(1) (reviewed by an officer)"),
    "other_point_of_art_42_1_met": gettext_lazy(
        "meets another point of Article 42(1) (reviewed by an officer)"),
    "retiring_or_leaving_leadership_post": gettext_lazy(
        "retiring, or leaving the leadership post while continuing to work"),
    "disciplined_or_serious_violation_in_tenure": gettext_lazy(
        "disciplined or with serious violations during the tenure"),
    "outstanding_at_review_of_ministry_or_province_movement_5_years_plus": gettext_lazy(
        "outstanding at the review of a movement of the ministry or province lasting 5 years or more"),
    "invention_or_work_high_effect_in_ministry_or_province_field": gettext_lazy(
        "an invention or work applied with high effect in a field of the ministry or province"),
    "many_contributions_socioeconomic_security_charity": gettext_lazy(
        "many contributions to socio-economic development, social security or charity"),
    "outstanding_one_off_achievement": gettext_lazy("an outstanding one-off achievement"),
    "outstanding_at_review_of_movement": gettext_lazy(
        "outstanding at the review of a movement of the President, the Prime Minister, a ministry "
        "or a province"),
    "special_one_off_achievement_nationwide": gettext_lazy(
        "a special one-off achievement with nationwide influence"),
    "big_contributions_nationwide": gettext_lazy("big contributions with nationwide influence"),
    "special_achievement_at_review_of_president_or_pm_movement": gettext_lazy(
        "special achievements at the review of a movement of the President or the Prime Minister"),
    # overlay facts (rules/overlays)
    "exemplary_compliance": gettext_lazy(
        "exemplary in complying with the policies of the Party and the laws of the State"),
    "achievements_reviewed_in_movement": gettext_lazy(
        "achievements reviewed in an emulation movement"),
    "achievements_with_influence_in_unit_field": gettext_lazy(
        "many or one-off achievements with influence in the unit's field"),
    "household_contributions_or_movement_achievements": gettext_lazy(
        "contributions of labour, land or assets, or achievements in a movement"),
}


# -- translations remembered per language --------------------------------------------------------
# The reasons of a round repeat a few hundred sentences and labels tens of thousands of times;
# Django's gettext looks each one up in the catalogue chain, and reads the active language from
# its thread- and task-local store, every time. What a msgid (or a label) reads in a language is
# fixed once the catalogues are loaded, so it is kept here by language (and forgotten when the
# settings that choose the catalogues change, or a catalogue file changes under the development
# server). Inside `one_language()` the active language is read once, at the start: the engine
# and the list checks never switch languages while they write.
_TRANSLATED: dict[str | None, dict] = {}
_PINNED: ContextVar[dict | None] = ContextVar("thidua_eligibility_words", default=None)


def _words() -> dict:
    """The remembered words of the active language."""
    words = _PINNED.get()
    if words is None:
        language = get_language()
        words = _TRANSLATED.get(language)
        if words is None:
            words = _TRANSLATED.setdefault(language, {})
    return words


@contextmanager
def one_language():
    """Read the active language once for the block (it must not switch languages inside)."""
    token = _PINNED.set(_words())
    try:
        yield
    finally:
        _PINNED.reset(token)


def gettext(message: str) -> str:
    """django's gettext, remembered per active language (msgids are plain literals)."""
    words = _words()
    text = words.get(message)
    if text is None:
        text = words[message] = django_gettext(message)
    return text


_ = gettext


def _label(kind: str, value: str, make) -> str:
    """make(value), a label in the active language, remembered under (kind, value)."""
    words = _words()
    key = (kind, value)
    text = words.get(key)
    if text is None:
        text = words[key] = make(value)
    return text


def forget_translations(**_kwargs) -> None:
    _TRANSLATED.clear()


def _setting_changed(*, setting: str, **_kwargs) -> None:
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        forget_translations()


def _file_changed(*, file_path: Path, **_kwargs) -> None:
    if Path(file_path).suffix == ".mo":
        forget_translations()


setting_changed.connect(_setting_changed, dispatch_uid="thidua.eligibility.messages")
file_changed.connect(_file_changed, dispatch_uid="thidua.eligibility.messages")


def name(code: str) -> str:
    """The Vietnamese name of a title or form (rule base first, then the catalogue)."""
    from thidua.eligibility.rules import registry

    return registry().name(code)


def names(codes: Iterable[str]) -> str:
    return _(" or ").join(name(code) for code in codes)


def fact_text(fact: str) -> str:
    return _label("fact", fact, _fact_text) if fact in FACT_TEXTS else fact


def _fact_text(fact: str) -> str:
    return str(FACT_TEXTS[fact])


def rating(level: str) -> str:
    return _label("rating", level, _rating)


def _rating(level: str) -> str:
    return f"{level} ({RatingLevel(level).label})"


def kind(value: str) -> str:
    return _label("kind", value, _kind)


def _kind(value: str) -> str:
    return str(AwardKind(value).label).lower()


def kinds(values: Iterable[str]) -> str:
    return ", ".join(kind(value) for value in values)


def discipline(level: str) -> str:
    return _label("discipline", level, _discipline)


def _discipline(level: str) -> str:
    return str(DisciplineLevel(level).label).lower()


AUTHORITY_CODES = frozenset(Authority.values)


def authority(code: str) -> str:
    return _label("authority", code, _authority) if code in AUTHORITY_CODES else code


def _authority(code: str) -> str:
    return str(Authority(code).label)


def scope(value: str) -> str:
    return _label("scope", value, _scope)


def _scope(value: str) -> str:
    return str(InitiativeScope(value).label).lower()


def post(group: str) -> str:
    return _label("post", group, _post)


def _post(group: str) -> str:
    return str(PostGroup(group).label)


def date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def years(values: Iterable[int]) -> str:
    return ", ".join(str(year) for year in values)


def span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def number(value: float) -> str:
    """72 → "72", 69.6 → "69,6" (Vietnamese decimal comma)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
