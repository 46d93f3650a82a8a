"""Segment names that mean something (SPEC §2): the stop list, VIP, the whole base — read from real
.xlsx files, RU and EN, with the look-alikes that must not count."""
import openpyxl
import pytest

from audit.importer import load_map
from audit.model import Tier

def workbook(tmp_path, segments: list[tuple], scenarios: list[tuple], headers=None, steps=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    seg = wb.create_sheet("Segments")
    seg.append(headers or ["ID", "Name", "Tier", "Excluded", "Notes"])
    for row in segments:
        seg.append(list(row))
    scn = wb.create_sheet("Scenarios")
    scn.append(["ID", "Type", "Segments", "Schedule"])
    for row in scenarios:
        scn.append(list(row))
    st = wb.create_sheet("Steps")
    st.append(["Scenario", "Step", "Channel", "Message type"])
    for row in steps or [(s[0], "S1", "email", "promo") for s in scenarios]:
        st.append(list(row))
    path = tmp_path / "map.xlsx"
    wb.save(path)
    return load_map(path)


def segment(m, ident):
    return next(s for s in m.segments if s.id == ident)




@pytest.mark.parametrize("ident, name, notes", [
    ("stop", "Стоп-лист", None), ("s2", "Стоп лист", None), ("refused", "Отказ от рекламы", None),
    ("r2", "Отказались от рассылок", None), ("u", "Отписавшиеся", None), ("u2", "Отписались от email", None),
    ("c", "Пожаловались на спам", None), ("c2", "Жалобы на спам", None), ("e", "Сотрудники компании", None),
    ("t", "Тестовые", None), ("dnc", "", None), ("x", "Do-not-contact list", None), ("y", "Suppression list", None),
    ("z", "Unsubscribed", None), ("o", "Opted out", None), ("b", "Blacklist", None), ("emp", "Employees", None),
    ("st", "Staff", None),
    pytest.param("plain", "Разные", "Клиенты, отказавшиеся от рекламных рассылок"),
    pytest.param("plain2", "Misc", "Legal hold / unsubscribed from all"),
])
def test_a_stop_list_by_id_name_or_notes_is_excluded_when_the_cell_is_blank(tmp_path, ident, name, notes):
    m = workbook(tmp_path, [(ident, name, None, None, notes)], [("a", "regular", "*", "weekly")])
    assert segment(m, ident).excluded is True


@pytest.mark.parametrize("name, notes", [
    ("Новые клиенты", None), ("Сотрудничество с блогерами", None), ("Тестовая группа A/B", None),
    ("Laptop buyers", None), ("Staffing agencies", None), ("Не в стоп-листе", None), ("Active", "not unsubscribed"),
    ("Подписчики", "подписаны на рассылку"),
])
def test_look_alikes_of_a_stop_list_are_not_excluded(tmp_path, name, notes):
    m = workbook(tmp_path, [("seg", name, None, None, notes)], [("a", "regular", "*", "weekly")])
    assert segment(m, "seg").excluded is False


@pytest.mark.parametrize("written", ["нет", "no", 0])
def test_an_explicit_excluded_no_wins_over_the_name(tmp_path, written):
    m = workbook(tmp_path, [("stop", "Стоп-лист", None, written, "отказались от рекламы")],
                 [("a", "regular", "stop", "weekly")])
    assert segment(m, "stop").excluded is False
    assert m.problems == []


def test_russian_headers_and_a_comment_column(tmp_path):
    m = workbook(tmp_path, [("s1", "Разные", None, None, "Сотрудники и тестовые адреса")],
                 [("a", "regular", "*", "weekly")], headers=["ИД", "Название", "Уровень", "Исключён", "Комментарий"])
    assert segment(m, "s1").excluded is True


def test_a_notes_cell_saying_stop_list_marks_the_segment_excluded_in_memory():
    # the same rows as the reader hands them over once it passes the notes column
    from tests.builders import build_map
    m = build_map(segments=[{"id": "s1", "name": "Разные", "notes": "Клиенты, отказавшиеся от рекламных рассылок"},
                            {"id": "s2", "name": "Misc", "notes": "Legal hold / unsubscribed from all"},
                            {"id": "s3", "name": "Misc", "notes": "not unsubscribed"},
                            {"id": "s4", "name": "Misc", "notes": "unsubscribed", "excluded": "no"}])
    assert [s.excluded for s in m.segments] == [True, True, False, False]


@pytest.mark.parametrize("ident, name", [
    ("vip", ""), ("v2", "VIP-клиенты"), ("v3", "ВИП"), ("v4", "Премиум"), ("v5", "Premium members"),
    ("v6", "Platinum"), ("v7", "Top customers"), ("v8", "Топ 10% покупателей"), ("v9", "Key accounts"),
    ("v10", "Ключевые клиенты"),
])
def test_vip_names_give_tier_vip_when_the_sheet_gives_none(tmp_path, ident, name):
    m = workbook(tmp_path, [(ident, name, None, "no", None)], [("a", "regular", "*", "weekly")])
    assert segment(m, ident).tier is Tier.VIP


@pytest.mark.parametrize("ident, name", [
    ("vipassana", "Vipassana retreat fans"), ("stop", "Stop list"), ("t", "Top of funnel"), ("nv", "Non-VIP"),
    ("d", "Desktop users"),
])
def test_vip_look_alikes_get_no_tier(tmp_path, ident, name):
    m = workbook(tmp_path, [(ident, name, None, None, None)], [("a", "regular", "*", "weekly")])
    assert segment(m, ident).tier is None


def test_an_explicit_tier_wins_over_the_name(tmp_path):
    m = workbook(tmp_path, [("vip", "VIP (бывшие)", "low", None, None)], [("a", "regular", "*", "weekly")])
    assert segment(m, "vip").tier is Tier.LOW


@pytest.mark.parametrize("written", ["вся база", "Всей базе", "все клиенты", "Все покупатели", "все подписчики",
                                     "all customers", "Everyone", "all subscribers", "the whole base", "Entire list"])
def test_the_whole_base_includes_the_stop_list(tmp_path, written):
    m = workbook(tmp_path, [("active", "Активные", None, "нет", None), ("stop", "Стоп-лист", None, "да", None)],
                 [("sale", "regular", written, "weekly")])
    (scenario,) = m.scenarios
    assert scenario.all_segments and scenario.whole_base and scenario.segments == []


@pytest.mark.parametrize("written", ["вся база, кроме стоп-листа", "всем клиентам кроме отписавшихся",
                                     "all customers; except unsubscribed", "all customers except stop"])
def test_the_whole_base_with_the_stop_list_excepted_is_every_segment_not_excluded(tmp_path, written):
    m = workbook(tmp_path, [("active", "Активные", None, "нет", None), ("stop", "Стоп-лист", None, "да", None)],
                 [("sale", "regular", written, "weekly")])
    (scenario,) = m.scenarios
    assert scenario.all_segments and not scenario.whole_base and scenario.segments == []


def test_star_still_skips_the_stop_list(tmp_path):
    m = workbook(tmp_path, [("stop", "Стоп-лист", None, "да", None)], [("sale", "regular", "*", "weekly")])
    (scenario,) = m.scenarios
    assert scenario.all_segments and not scenario.whole_base


@pytest.mark.parametrize("ident, name", [("vsya_baza", "Вся база"), ("Все клиенты", ""), ("everyone", "Everyone")])
def test_a_declared_root_segment_named_the_whole_base_is_the_whole_base(tmp_path, ident, name):
    # the map's own «Вся база» at the top of the tree: targeted by name (read as its id), and everyone
    m = workbook(tmp_path, [(ident, name, None, "нет", None)], [("sale", "regular", name or ident, "weekly")])
    (scenario,) = m.scenarios
    assert scenario.all_segments and scenario.whole_base
    assert [ref.casefold() for ref in scenario.segments] == [ident.casefold()]


def test_a_segment_that_only_starts_like_the_whole_base_is_a_segment(tmp_path):
    m = workbook(tmp_path, [("a", "Активные", None, "нет", None)], [("sale", "regular", "Все клиенты старше 30",
                                                                     "weekly")])
    (scenario,) = m.scenarios
    assert not scenario.all_segments and scenario.segments == ["Все клиенты старше 30"]
