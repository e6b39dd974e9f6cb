import yaml

from thidua.awards import catalogue
from thidua.awards.choices import Authority, AwardKind, Category, Level, SubjectKind
from thidua.awards.models import AwardType
from thidua.core.text import fold


def test_the_migration_loaded_every_entry(db):
    codes = set(AwardType.objects.values_list("code", flat=True))
    assert codes == {entry["code"] for entry in catalogue.entries()}


def test_every_code_of_the_rules_draft_that_names_an_award_is_in_the_catalogue(db):
    with open("/work/shared/domain/rules-draft.yaml", encoding="utf-8") as handle:
        rules = yaml.safe_load(handle)["rules"]
    variants = {"ldtt_direct_worker", "bk_bo_tinh_worker", "hcld_3_worker", "hcld_3_cong_hien"}
    codes = {rule["id"] for rule in rules} - variants
    assert codes <= set(AwardType.objects.values_list("code", flat=True))


def test_entries_use_known_enums():
    for entry in catalogue.entries():
        assert entry["category"] in Category.values
        assert entry["level"] in Level.values
        assert set(entry["subjects"]) <= set(SubjectKind.values)
        assert set(entry.get("authorities", [])) <= set(Authority.values)
        assert entry.get("kind", "cong_trang") in AwardKind.values


def test_every_achievement_wording_names_known_kinds_and_only_the_period():
    wordings = [entry for entry in catalogue.entries() if "achievement" in entry]
    assert len(wordings) >= 14
    for entry in wordings:
        achievement = entry["achievement"]
        texts = achievement.values() if isinstance(achievement, dict) else [achievement]
        if isinstance(achievement, dict):
            assert set(achievement) <= set(entry["subjects"]), entry["code"]
        for text in texts:
            assert text.startswith("Đã ") and "{period}" in text, entry["code"]
            assert "{" not in text.format(period="năm 2025"), entry["code"]
    assert catalogue.achievement_wording("giay_khen", "collective") == \
        "Đã hoàn thành xuất sắc nhiệm vụ {period}"
    assert catalogue.achievement_wording("hc_sao_vang", "individual") is None


def test_sync_is_idempotent(db):
    assert catalogue.sync(AwardType) == AwardType.objects.count()
    assert catalogue.sync(AwardType) == AwardType.objects.count()


def test_name_index_finds_names_aliases_and_codes(db):
    index = catalogue.name_index(AwardType.objects.all())
    assert index[fold("Chiến sĩ thi đua cơ sở")].code == "cstd_co_so"
    assert index[fold("chien sy thi dua co so")].code == "cstd_co_so"
    assert index[fold("Bằng khen của Chủ tịch UBND tỉnh")].code == "bk_bo_tinh_individual"
    assert index["ldtt"].code == "ldtt"
