"""Build corpus22: two client communication maps with planted defects and answer keys.

map1_segun_ru  — «Сёгун», доставка суши и пиццы: широкая матрица «каналы × этапы»,
                 касания текстом в ячейках + справочники (цепочки, сегменты, этапы,
                 события, каналы, системы).
map2_lumo_en   — Lumo, a UK neobank app: agency lifecycle map exported from Google
                 Sheets, one row per step, plus Segments / Lifecycle stages / Tracking
                 plan / Tech stack tabs.

Run:  /work/main/.venv/bin/python tests/corpus22/build.py
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
MAP1 = HERE / "map1_segun_ru"
MAP2 = HERE / "map2_lumo_en"
TODAY = "2026-11-29"


# --------------------------------------------------------------------------- helpers
def q(s: str) -> str:
    """TOML basic string (JSON escapes are valid TOML escapes)."""
    return json.dumps(s, ensure_ascii=False)


def write_answers(path: Path, title: str, map_name: str, lang: str,
                  defects, lookalikes, columns) -> None:
    out = [f"title = {q(title)}", f"map = {q(map_name)}", f"lang = {q(lang)}",
           f"today = {q(TODAY)}", ""]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


THIN = Side(style="thin", color="B7B7B7")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def fill(hex_: str) -> PatternFill:
    return PatternFill("solid", start_color=hex_, end_color=hex_)


def table(ws, headers, rows, start_row=1, widths=None, head_fill="D9D9D9", font=None):
    for j, h in enumerate(headers, 1):
        c = ws.cell(row=start_row, column=j, value=h)
        c.font = Font(bold=True, name=font) if font else Font(bold=True)
        c.fill = fill(head_fill)
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = BOX
    for i, r in enumerate(rows, start_row + 1):
        for j, v in enumerate(r, 1):
            c = ws.cell(row=i, column=j, value=v)
            c.alignment = WRAP
            c.border = BOX
            if font:
                c.font = Font(name=font)
    if widths:
        for j, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(j)].width = w


# =========================================================================== MAP 1
def build_map1() -> None:
    MAP1.mkdir(parents=True)
    wb = Workbook()

    # ---- cover ------------------------------------------------------------
    ws = wb.active
    ws.title = "Как читать"
    ws["A1"] = "🍣 СЁГУН · доставка суши и пиццы — карта CRM-коммуникаций"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:D1")
    cover = [
        ("Бренд", "Сёгун (Казань, Набережные Челны, Нижний Новгород) — 23 точки"),
        ("Что в файле", "Все автоматические касания с гостем: по этапам пути и по каналам. "
                        "Подробности по цепочкам — лист «Цепочки», справочники — остальные листы."),
        ("Карту ведёт", "Алина Гайнутдинова, CRM-менеджер"),
        ("Актуальность на", dt.date(2026, 10, 14)),
        ("Как читать карту", "Лист «Карта»: столбцы — этапы пути гостя, строки — каналы. В ячейке — касания "
                             "в формате «КОД.шаг · когда · условие · «текст» [тип]». Один код = одна цепочка."),
        ("Цвета", "зелёный — работает; жёлтый — в разработке; серый — на паузе"),
        ("Вопросы", "tg @alina_crm или #crm в Пачке"),
    ]
    for i, (k, v) in enumerate(cover, 3):
        ws.cell(row=i, column=1, value=k).font = Font(bold=True)
        c = ws.cell(row=i, column=2, value=v)
        c.alignment = WRAP
        if isinstance(v, dt.date):
            c.number_format = "DD.MM.YYYY"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 95

    # ---- wide map -----------------------------------------------------------
    ws = wb.create_sheet("Карта")
    stages = ["1. Знакомство", "2. Первый заказ", "3. Повторные заказы", "4. Постоянный гость",
              "5. Засыпает", "6. Отток", "7. Амбассадор"]
    ws["A1"] = "КАРТА КОММУНИКАЦИЙ «СЁГУН» — триггеры и регулярные рассылки (версия окт-2026)"
    ws["A1"].font = Font(bold=True, size=13, color="FFFFFF")
    ws["A1"].fill = fill("C0392B")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(stages) + 1)
    ws["A2"] = "🟩 работает   🟨 в разработке   ⬜ пауза   |   подробности по коду — лист «Цепочки»"
    ws["A2"].font = Font(italic=True, color="666666")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(stages) + 1)

    hdr_row = 4
    ws.cell(row=hdr_row, column=1, value="Канал ↓ / Этап →")
    for j, s in enumerate(stages, 2):
        ws.cell(row=hdr_row, column=j, value=s)
    for j in range(1, len(stages) + 2):
        c = ws.cell(row=hdr_row, column=j)
        c.font = Font(bold=True)
        c.fill = fill("F4CCCC")
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        c.border = BOX

    channels = ["✉️ Email", "📲 Push", "💬 SMS", "🤖 Telegram", "☎️ Звонок"]
    # cells[channel][stage_index] = text
    C: dict[str, dict[int, str]] = {ch: {} for ch in channels}
    E, P, S, T, K = channels
    C[E][0] = ("ЗН-1.1 · сразу после регистрации · «Добро пожаловать в Сёгун 🍣» + промокод WELCOME15 "
               "(−15% на первый заказ) [промо]\n"
               "ЗН-1.3 · через 3 дня после регистрации · «Как мы готовим: рыба, рис и доставка за 60 минут» "
               "[контент]\n"
               "КР-1.2 · через 24 часа, если заказ не оформлен · «Доставка бесплатно, если оформите корзину "
               "сегодня» [промо]")
    C[P][0] = ("ЗН-1.2 · через 1 день, если письмо ЗН-1.1 не открыто · «Ваши −15% на первый заказ ещё "
               "действуют» [промо]\n"
               "КР-1.1 · через 1 час после брошенной корзины · «Роллы ждут в корзине 🛒» [сервис]")
    C[P][1] = ("СЕРВ-1.1 · сразу после оформления (на КАЖДЫЙ заказ) · «Заказ принят, уже готовим» + время "
               "доставки [сервис]\n"
               "ПЗ-1.1 · через 1,5 часа после доставки первого заказа · «Как вам? Оцените заказ ⭐» [сервис]\n"
               "ПЗ-1.3 · через 6 дней, если промокод не использован · «SECOND10 сгорает завтра» [промо]")
    C[E][1] = "ПЗ-1.2 · через 3 дня после доставки · «−10% на второй заказ», промокод SECOND10 на 7 дней [промо]"
    C[S][1] = ("СЕРВ-1.2 · через 2 минуты, если push СЕРВ-1.1 не доставлен (нет приложения / выключены пуши) · "
               "«Сёгун: заказ принят, привезём к {время}» [сервис]")
    C[E][2] = ("ПВ-1.1 · через 2 дня после доставки заказа · «Суши любите — пиццу попробуйте: −20% на любую "
               "пиццу» [промо]\n"
               "ДР-1.1 · за 3 дня до дня рождения · «Подарок ко дню рождения — Филадельфия к заказу» [промо]")
    C[P][2] = ("ДР-1.2 · в день рождения в 10:00, если заказ не оформлен · «С днём рождения! Подарок ждёт "
               "7 дней 🎁» [промо]\n"
               "РЕГ-2 · каждый день в 11:30 · «Что на обед? Сет дня» [контент]")
    C[T][2] = "РЕГ-1 · каждый понедельник в 10:00 · «Меню недели + новинки» [новости]"
    C[E][3] = "ПГ-1.1 · сразу после 5-го заказа · «Вы — постоянный гость: кэшбэк 7% баллами» [новости]"
    C[P][3] = ("ПГ-1.2 · через 3 дня, если баллы не списаны · «У вас {N} баллов — оплатите ими до 50% заказа» "
               "[промо]")
    C[S][3] = ("ПГ-2.1 · сразу при попадании в VIP · «Вы в клубе Сёгун VIP: закрытая дегустация 12.12, "
               "ответьте ДА» [новости]")
    C[K][3] = ("ПГ-2.2 · через 2 дня, если SMS ПГ-2.1 не прочитано · управляющий лично приглашает на "
               "дегустацию [сервис]")
    C[E][4] = ("ЗС-1.1 · на 30-й день без заказа · «Давно не виделись — −20% на 5 дней» [промо]\n"
               "РЕГ-3 · 1-го числа каждого месяца · «Акция месяца» [промо]")
    C[P][4] = "ЗС-1.2 · через 2 дня, если письмо ЗС-1.1 не открыто · «−20% ещё 3 дня» [промо]"
    C[K][4] = ("ЗС-1.3 · через 5 дней, если промокод не использован · оператор: «всё ли понравилось в прошлый "
               "раз?» + напомнить про скидку [сервис]")
    C[E][5] = ("ОТ-1.1 · на 60-й день без заказа · «Мы обновили меню + −25% на возвращение» [промо]\n"
               "ОТ-1.3 · через 7 дней после ОТ-1.1 · «12 новых роллов этой осени» [новости]")
    C[T][5] = "ОТ-1.2 · через 3 дня после ОТ-1.1 · «Ваши −25% — нажмите, чтобы применить» [промо]"
    C[E][6] = "РЕФ-1 ⏸ ПАУЗА · раз в месяц · «Приведи друга — по 500 баллов обоим» [промо]"

    status_fill = {"ok": fill("D9EAD3"), "pause": fill("EFEFEF")}
    for i, ch in enumerate(channels, hdr_row + 1):
        c = ws.cell(row=i, column=1, value=ch)
        c.font = Font(bold=True)
        c.fill = fill("FCE5CD")
        c.alignment = Alignment(vertical="top")
        c.border = BOX
        for j in range(len(stages)):
            txt = C[ch].get(j)
            c = ws.cell(row=i, column=j + 2, value=txt)
            c.alignment = WRAP
            c.border = BOX
            if txt:
                c.fill = status_fill["pause"] if "ПАУЗА" in txt else status_fill["ok"]
        ws.row_dimensions[i].height = 120
    ws.cell(row=hdr_row + 3, column=5).comment = Comment(
        "Алина: пока SMS, в Telegram VIP-ы не все подписаны", "Алина")
    note_row = hdr_row + len(channels) + 2
    ws.cell(row=note_row, column=1,
            value="* Сервисные SMS/пуши по статусу заказа (СЕРВ-1) уходят на каждый заказ, стоп-лист их тоже "
                  "получает — это не реклама.")
    ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=len(stages) + 1)
    ws.cell(row=note_row, column=1).font = Font(italic=True, size=9)
    ws.column_dimensions["A"].width = 16
    for j in range(2, len(stages) + 2):
        ws.column_dimensions[get_column_letter(j)].width = 38
    ws.freeze_panes = "B5"

    # ---- scenario registry ------------------------------------------------
    ws = wb.create_sheet("Цепочки")
    h = ["Код", "Название", "Тип", "Событие-запуск", "Расписание", "Кому (сегменты)", "Цель",
         "Целевое событие", "Выход из цепочки", "KPI", "Статус", "Отв.", "Обновлено", "Комментарий"]
    D = dt.date
    rows = [
        ["ЗН-1", "Welcome после регистрации", "триггер", "Регистрация", None, "Новички",
         "первый заказ", "Заказ оформлен", "Заказ оформлен", "CR в 1-й заказ за 14 дн ≥ 18%",
         "работает", "Алина Г.", D(2026, 9, 12), None],
        ["КР-1", "Брошенная корзина", "триггер", "Корзина брошена", None, "Новички, Активные",
         "вернуть к оформлению", "Заказ оформлен", "Заказ оформлен", "CR из корзины ≥ 8%",
         "работает", "Дмитрий К.", D(2026, 7, 20), "срабатываний почти нет — посмотреть"],
        ["СЕРВ-1", "Статус заказа", "триггер", "Заказ оформлен", None,
         "Новички, Первый заказ, Активные, Постоянные, VIP, Засыпающие, Ушедшие, Стоп-лист",
         "гость знает, когда привезут", "Заказ доставлен", "Заказ доставлен",
         "доставляемость уведомлений ≥ 98%", "работает", "Дмитрий К.", D(2026, 11, 3),
         "сервисная, шлём всем кто заказал (корпоративным статусы даёт их менеджер)"],
        ["ПЗ-1", "После первого заказа", "триггер", "Первый заказ доставлен", None, "Первый заказ",
         "второй заказ", "Заказ оформлен", "Заказ оформлен", "доля 2-го заказа за 14 дн ≥ 30%",
         "работает", "Алина Г.", D(2026, 9, 12), None],
        ["ПВ-1", "Кросс-сейл пиццы", "триггер", "Заказ доставлен", None, "Активные",
         "заказ с пиццей", "Заказ оформлен", "Заказ оформлен", "доля заказов с пиццей +5 п.п.",
         "работает", "Ксения М.", D(2026, 10, 1), None],
        ["ДР-1", "День рождения", "триггер", "ДР через 3 дня", None, "Активные, Постоянные, VIP",
         "заказ к ДР", "Заказ оформлен", "Заказ оформлен", "CR ≥ 20%", "работает", "Ксения М.",
         D(2026, 6, 15), None],
        ["ПГ-1", "Статус «Постоянный гость»", "триггер", "5-й заказ", None, "Постоянные",
         "начал тратить баллы", "Баллы списаны", "Баллы списаны", "списали баллы за 30 дн ≥ 35%",
         "работает", "Алина Г.", D(2026, 8, 28), None],
        ["ПГ-2", "VIP-клуб: приглашение", "триггер", "Попал в VIP", None, "VIP",
         "прийти на дегустацию", "Записался на дегустацию", "Записался на дегустацию",
         "записались ≥ 40%", "работает", "Алина Г.", D(2026, 10, 5), "звонит управляющий точки"],
        ["ЗС-1", "Засыпающие 30+", "триггер", "Нет заказа 30 дней", None, "Засыпающие",
         "вернуть до оттока", "Заказ оформлен", "Заказ оформлен", "вернулись за 14 дн ≥ 12%",
         "работает", "Дмитрий К.", D(2026, 9, 10), "звонки — колл-центр, задачи в Битриксе"],
        ["ОТ-1", "Реактивация 60+", "триггер", "Нет заказа 60 дней", None, "Ушедшие",
         "вернуть", "Заказ оформлен", "Заказ оформлен", "реактивация ≥ 5%", "работает",
         "Дмитрий К.", D(2026, 9, 10), None],
        ["РЕГ-1", "Меню недели (бот)", "регулярная", None, "каждый понедельник 10:00",
         "Первый заказ, Активные, Постоянные", "заказ на неделе", "Заказ оформлен",
         "Заказ оформлен", "CTR ≥ 6%", "работает", "Ксения М.", D(2026, 10, 22),
         "в день заказа не шлём"],
        ["РЕГ-2", "Обед дня (пуш)", "регулярная", None, "ежедневно 11:30", "Активные",
         "заказ на обед", "Заказ оформлен", "Заказ оформлен", "заказы 12–15 ч +10%", "работает",
         None, D(2026, 11, 2), "запустили в октябре по просьбе маркетинга"],
        ["РЕГ-3", "Акция месяца", "регулярная", None, "1-го числа каждого месяца",
         "Засыпающие, Ушедщие", "вернуть", "Заказ оформлен", "Заказ оформлен", "CR ≥ 2%",
         "работает", "Ксения М.", D(2026, 10, 1), None],
        ["РЕФ-1", "Приведи друга", "регулярная", None, "раз в месяц", "Постоянные",
         "новые гости по приглашению", None, None, "≥ 300 новых гостей/мес", "пауза", "Алина Г.",
         D(2026, 8, 5), "на паузе с августа — переделываем механику баллов"],
    ]
    table(ws, h, rows, widths=[8, 24, 11, 20, 18, 34, 22, 20, 20, 24, 10, 11, 11, 34])
    for r in range(2, len(rows) + 2):
        ws.cell(row=r, column=13).number_format = "DD.MM.YYYY"
        st = ws.cell(row=r, column=11).value
        ws.cell(row=r, column=1).fill = fill("EFEFEF") if st == "пауза" else fill("D9EAD3")
    ws.freeze_panes = "C2"

    # ---- segments -----------------------------------------------------------
    ws = wb.create_sheet("Сегменты")
    h = ["Сегмент", "Кто входит", "Гостей (на 01.10)", "Ценность", "Не беспокоить", "Комментарий"]
    rows = [
        ["Новички", "зарегистрировались, заказов 0", 24300, "низкая", "нет", None],
        ["Первый заказ", "ровно 1 заказ", 11800, "средняя", "нет", None],
        ["Активные", "2–4 заказа, последний ≤ 30 дн назад", 38600, "средняя", "нет", "ядро базы"],
        ["Постоянные", "5+ заказов, последний ≤ 30 дн назад", 9150, "высокая", "нет", None],
        ["VIP", "топ-300 по сумме заказов за 12 мес", 300, "VIP", "нет", "список обновляется 1-го числа"],
        ["Засыпающие", "31–60 дн без заказа", 17900, "средняя", "нет", None],
        ["Ушедшие", "60+ дн без заказа", 52400, "низкая", "нет", None],
        ["Корпоративные", "заказы на юрлицо (офисы), безнал", 640, "высокая", "нет",
         "ведёт Марина из b2b, хотим свою цепочку"],
        ["Стоп-лист", "отписались от рекламы / жалобы / просили не звонить", 4120, None, "да",
         "только сервисные сообщения"],
    ]
    table(ws, h, rows, widths=[16, 40, 16, 11, 14, 40])

    # ---- stages -------------------------------------------------------------
    ws = wb.create_sheet("Этапы")
    h = ["№", "Этап", "Как гость сюда попадает", "Следующий этап", "Финальный?"]
    rows = [
        [1, "Знакомство", "скачал приложение или зарегистрировался на сайте, заказов нет", "Первый заказ", "нет"],
        [2, "Первый заказ", "оформил и получил первый заказ", "Повторные заказы", "нет"],
        [3, "Повторные заказы", "2–4 заказа", "Постоянный гость, Засыпает", "нет"],
        [4, "Постоянный гость", "5+ заказов", "Засыпает, Амбассадор", "нет"],
        [5, "Засыпает", "31–60 дней без заказа", "Повторные заказы, Отток", "нет"],
        [6, "Отток", "60+ дней без заказа", None, "нет"],
        [7, "Амбассадор", "оставляет отзывы, приводит друзей", None, "да"],
    ]
    table(ws, h, rows, widths=[5, 20, 50, 30, 12])

    # ---- events -------------------------------------------------------------
    ws = wb.create_sheet("События")
    h = ["Событие", "Код в Mindbox", "Откуда приходит", "Пишется?", "Комментарий"]
    rows = [
        ["Регистрация", "registration", "Приложение", "да", "регистрация на сайте тоже идёт через SDK"],
        ["Корзина брошена", "cart_abandoned", "Сайт", "НЕТ", "трекер корзины на сайте не внедрён (DEV-412)"],
        ["Заказ оформлен", "order_created", "iiko", "да", None],
        ["Заказ доставлен", "order_delivered", "iiko", "да", "статус «Доставлен» от курьера"],
        ["Первый заказ доставлен", "first_order_delivered", "iiko", "да", None],
        ["Промокод использован", "promo_used", "iiko", "да", None],
        ["5-й заказ", "order_5th", "Mindbox", "да", "расчётное"],
        ["Баллы списаны", "bonus_spent", "iiko", "да", None],
        ["Попал в VIP", "vip_entered", "Mindbox", "да", "пересчёт 1-го числа"],
        ["Записался на дегустацию", "tasting_signup", "Bitrix24", "да", "оператор ставит отметку"],
        ["ДР через 3 дня", "birthday_minus3", "Mindbox", "да", None],
        ["Нет заказа 30 дней", "no_order_30d", "Mindbox", "да", None],
        ["Нет заказа 60 дней", "no_order_60d", "Mindbox", "да", None],
    ]
    table(ws, h, rows, widths=[24, 22, 16, 10, 44])
    ws.cell(row=3, column=4).fill = fill("F4CCCC")

    # ---- channels -----------------------------------------------------------
    ws = wb.create_sheet("Каналы")
    h = ["Канал", "Чем отправляем", "₽ за контакт", "Комментарий"]
    rows = [
        ["Push", "Mindbox", 0.02, "мобильное приложение iOS/Android"],
        ["Email", "Mindbox", 0.07, None],
        ["Telegram", "Salebot", 0.30, "бот @segun_sushi_bot"],
        ["SMS", "Mindbox", 3.40, "шлюз SMS Aero подключён внутри Mindbox"],
        ["Звонок", "Bitrix24", 38, "операторы колл-центра, задачи из Битрикса"],
    ]
    table(ws, h, rows, widths=[12, 18, 13, 44])

    # ---- systems ------------------------------------------------------------
    ws = wb.create_sheet("Системы")
    h = ["Система", "Роль", "Каналы", "Получает данные из", "Передаёт данные в", "Комментарий"]
    rows = [
        ["iiko", "учёт заказов, касса, доставка", None, "Сайт, Приложение", "Mindbox, Bitrix24, Salebot",
         "заказы и статусы в реальном времени"],
        ["Mindbox", "CDP + сценарии и каскады (оркестрация), рассылки", "Email, Push, SMS",
         "iiko, Сайт, Приложение, Bitrix24, Salebot", "Bitrix24, Salebot",
         "статусы доставки/открытий видит сам"],
        ["Bitrix24", "CRM колл-центра", "Звонок", "Mindbox, iiko", "Mindbox",
         "задачи на обзвон из Mindbox, результат звонка обратно"],
        ["Salebot", "Telegram-бот", "Telegram", "Mindbox, iiko", "Mindbox", "подписки бота уходят в Mindbox"],
        ["Сайт", "sushi-segun.ru", None, None, "Mindbox, iiko", None],
        ["Приложение", "iOS / Android, SDK Mindbox", None, None, "Mindbox, iiko", None],
    ]
    table(ws, h, rows, widths=[14, 40, 18, 36, 28, 40])

    name = "Сёгун_карта_коммуникаций_2026.xlsx"
    wb.save(MAP1 / name)

    # ---- answer key -------------------------------------------------------
    defects = [
        ("MAP001", "Ушедщие",
         "РЕГ-3 (лист «Цепочки», «Кому (сегменты)») is sent to «Засыпающие, Ушедщие»; «Ушедщие» is a "
         "misspelling — the «Сегменты» sheet defines «Ушедшие»."),
        ("COV001", "Корпоративные",
         "Segment «Корпоративные» (640 guests, «Не беспокоить: нет») appears in no «Кому (сегменты)» cell of "
         "any active or planned chain on «Цепочки» (СЕРВ-1's list leaves it out on purpose, per its comment)."),
        ("COV002", "Амбассадор",
         "Stage «7. Амбассадор» is served only by РЕФ-1, whose status on «Цепочки» is «пауза» (the cell on "
         "«Карта» is marked ⏸ ПАУЗА); no active or planned chain serves the stage."),
        ("FLOW001", "Отток",
         "On «Этапы» stage 6 «Отток» has an empty «Следующий этап» and «Финальный?» = «нет»: a non-final "
         "stage with no way onward (the reactivation ОТ-1 should lead back to «Повторные заказы»)."),
        ("TRK002", "Корзина брошена",
         "КР-1 (active) is started by «Корзина брошена»; on «События» that event has «Пишется?» = «НЕТ»."),
        ("INT003", "ПГ-2",
         "ПГ-2.2 (звонок, «Карта» row ☎️ Звонок × «4. Постоянный гость») is conditioned «если SMS ПГ-2.1 не "
         "прочитано»; SMS reports delivery, never opening/reading."),
        ("COST002", "ЗС-1",
         "ЗС-1.3 is an operator call («Карта» row ☎️ Звонок × «5. Засыпает») to «Засыпающие»: 17 900 guests, "
         "tier «средняя» — neither VIP/high nor under 1 000."),
        ("FREQ001", "Активные",
         "«Активные» get push from КР-1.1, СЕРВ-1.1, ДР-1.2 (triggers, 1/week each) plus РЕГ-2 «каждый день в "
         "11:30» (7/week): 10 push a week against a cap of 5; the total (15) also exceeds 10."),
        ("GOV003", "РЕГ-2",
         "РЕГ-2 «Обед дня (пуш)» is «работает» but its «Отв.» cell on «Цепочки» is empty."),
    ]
    lookalikes = [
        ("COST001", "СЕРВ-1",
         "СЕРВ-1 cascades push → SMS («если push СЕРВ-1.1 не доставлен»): it starts with the cheap channel "
         "(push 0,02 ₽) and falls back to the dearer one — the opposite of the rule."),
        ("COST002", "ПГ-2",
         "ПГ-2.2 is a call, but to «VIP»: 300 guests, tier VIP."),
        ("COV003", "Стоп-лист",
         "«Стоп-лист» («Не беспокоить: да») is in СЕРВ-1's audience, but both СЕРВ-1 touches are [сервис] "
         "order-status messages; no promo/news/content touch reaches it."),
        ("FLOW001", "Амбассадор",
         "«Амбассадор» has no «Следующий этап», but it is marked «Финальный? да»."),
    ]
    sh = "Карта"
    columns = [
        ("Как читать", "Бренд", "ignore"),
        ("Как читать", "Что в файле", "ignore"),
        ("Как читать", "Карту ведёт", "owner"),
        ("Как читать", "Актуальность на", "last_reviewed"),
        ("Как читать", "Как читать карту", "ignore"),
        ("Как читать", "Цвета", "ignore"),
        ("Как читать", "Вопросы", "ignore"),
        (sh, "Канал ↓ / Этап →", "channel"),
        *[(sh, s, "stage") for s in stages],
        ("Цепочки", "Код", "scenario"),
        ("Цепочки", "Название", "scenario_name"),
        ("Цепочки", "Тип", "kind"),
        ("Цепочки", "Событие-запуск", "trigger"),
        ("Цепочки", "Расписание", "schedule"),
        ("Цепочки", "Кому (сегменты)", "segments"),
        ("Цепочки", "Цель", "goal"),
        ("Цепочки", "Целевое событие", "goal_event"),
        ("Цепочки", "Выход из цепочки", "stop_event"),
        ("Цепочки", "KPI", "kpi"),
        ("Цепочки", "Статус", "status"),
        ("Цепочки", "Отв.", "owner"),
        ("Цепочки", "Обновлено", "last_reviewed"),
        ("Цепочки", "Комментарий", "ignore"),
        ("Сегменты", "Сегмент", "name"),
        ("Сегменты", "Кто входит", "ignore"),
        ("Сегменты", "Гостей (на 01.10)", "size"),
        ("Сегменты", "Ценность", "tier"),
        ("Сегменты", "Не беспокоить", "excluded"),
        ("Сегменты", "Комментарий", "ignore"),
        ("Этапы", "№", "id"),
        ("Этапы", "Этап", "stage"),
        ("Этапы", "Как гость сюда попадает", "ignore"),
        ("Этапы", "Следующий этап", "next"),
        ("Этапы", "Финальный?", "final"),
        ("События", "Событие", "name"),
        ("События", "Код в Mindbox", "id"),
        ("События", "Откуда приходит", "source"),
        ("События", "Пишется?", "tracked"),
        ("События", "Комментарий", "ignore"),
        ("Каналы", "Канал", "channel"),
        ("Каналы", "Чем отправляем", "system"),
        ("Каналы", "₽ за контакт", "ignore"),
        ("Каналы", "Комментарий", "ignore"),
        ("Системы", "Система", "name"),
        ("Системы", "Роль", "kind"),
        ("Системы", "Каналы", "channel"),
        ("Системы", "Получает данные из", "receives"),
        ("Системы", "Передаёт данные в", "sends_to"),
        ("Системы", "Комментарий", "ignore"),
    ]
    write_answers(MAP1 / "answers.toml",
                  "«Сёгун» (доставка суши и пиццы): широкая матрица каналы × этапы, касания текстом в ячейках",
                  name, "ru", defects, lookalikes, columns)


# =========================================================================== MAP 2
def build_map2() -> None:
    MAP2.mkdir(parents=True)
    wb = Workbook()
    F = "Arial"  # Google Sheets export default font
    D = dt.date

    # ---- read me --------------------------------------------------------------
    ws = wb.active
    ws.title = "Read me"
    readme = [
        ("Client", "Lumo Money Ltd (UK neobank app)"),
        ("Project", "CRM lifecycle programme — phase 2 audit & build plan"),
        ("Prepared by", "Priya Raman, Northbeam CRM Partners"),
        ("Map owner (client)", "Tom Hughes, Head of CRM, Lumo"),
        ("Last reviewed", D(2026, 11, 3)),
        ("Version", "v3.2"),
        ("How to read", "Journey map = one row per message. Flow-level columns are repeated on every step so "
                        "you can filter. 'Then →' tells you where the customer goes after the step."),
        ("Status key", "Live = sending today · Planned = approved, not built · Paused = switched off"),
    ]
    for i, (k, v) in enumerate(readme, 1):
        a = ws.cell(row=i, column=1, value=k)
        a.font = Font(name=F, bold=True)
        b = ws.cell(row=i, column=2, value=v)
        b.font = Font(name=F)
        b.alignment = WRAP
        if isinstance(v, dt.date):
            b.number_format = "yyyy-mm-dd"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100

    # ---- journey map (long) ---------------------------------------------------
    ws = wb.create_sheet("Journey map")
    H = ["Flow ID", "Flow name", "Lifecycle stage", "Audience", "Flow type", "Entry trigger", "Recurrence",
         "Step", "Channel", "Tool", "Send timing", "Send condition", "Then →", "Message / content",
         "Msg type", "Exit events", "Goal", "Goal event", "KPI / target", "Status", "Owner",
         "Last updated", "Notes"]
    PR, TH, AK = "Priya R. (Northbeam)", "Tom H. (Lumo CRM)", "Aisha K. (Lumo Lifecycle)"

    def flow(fid, name, stage, aud, ftype, trig, rec, exit_, goal, goal_ev, kpi, status, owner, upd,
             steps, notes=None):
        rows = []
        for k, (ch, tool, timing, cond, then, msg, mtype) in enumerate(steps, 1):
            rows.append([fid, name, stage, aud, ftype, trig, rec, k, ch, tool, timing, cond, then, msg,
                         mtype, exit_, goal, goal_ev, kpi, status, owner, upd,
                         notes if k == 1 else None])
        return rows

    CIO, OS, TW, ZD = "Customer.io", "OneSignal", "Twilio", "Zendesk"
    rows = []
    rows += flow("ONB-01", "KYC nudge", "Sign-up", "SEG-NEW", "Triggered", "Signed Up", None,
                 "KYC Approved", "Customer passes KYC", "KYC Approved", "KYC done within 7 days ≥ 65%",
                 "Live", PR, D(2026, 10, 14), [
                     ("Email", CIO, "Immediately", None, "→ 2",
                      "Welcome to Lumo 👋 Verify your ID in 2 minutes", "Service"),
                     ("Push", OS, "+1 day", "if step 1 email not opened", "→ 3",
                      "Your account is almost ready — tap to verify", "Service"),
                     ("SMS", TW, "+2 days after step 2", "if step 2 push not opened", "end",
                      "Lumo: finish verifying your ID to get your card. lumo.app/verify", "Service"),
                 ], "SMS fallback added Oct; copy signed off by compliance 09/10")
    rows += flow("ONB-02", "KYC retry", "Sign-up", "SEG-NEW", "Triggered", "KYC Rejected", None,
                 "KYC Approved", "Customer passes KYC on retry", "KYC Approved", "retry pass rate ≥ 45%",
                 "Live", PR, D(2026, 10, 14), [
                     ("Email", CIO, "+15 min", None, "→ 2",
                      "We couldn't verify your ID — here's how to retake your photo", "Service"),
                     ("Push", OS, "+2 days", "if step 1 email not opened", "end",
                      "Quick retry: 3 tips for a clear ID photo", "Service"),
                 ])
    rows += flow("ONB-03", "First top-up", "KYC verified", "SEG-KYC", "Triggered", "KYC Approved", None,
                 "Account Funded", "First money in", "Account Funded", "funded within 14 days ≥ 55%",
                 "Live", PR, D(2026, 9, 30), [
                     ("Push", OS, "Immediately", None, "→ 2",
                      "You're verified 🎉 Add money with Apple Pay in seconds", "Service"),
                     ("Email", CIO, "+2 days", None, "→ 1 in 5 days (max 2 repeats)",
                      "3 ways to top up your Lumo account", "Content"),
                 ])
    rows += flow("ACT-01", "First card spend", "Funded", "SEG-FUND", "Triggered", "Account Funded", None,
                 "Account Closed", "First card payment", "First Card Transaction",
                 "first spend within 14 days ≥ 60%", "Live", TH, D(2026, 8, 19), [
                     ("Email", CIO, "+1 day", None, "→ 2",
                      "Add your Lumo card to Apple Pay / Google Pay", "Service"),
                     ("Push", OS, "+3 days", None, "→ 3",
                      "Make your first card payment this week → 1% cashback", "Promo"),
                     ("Email", CIO, "+6 days", None, "end",
                      "5 things people buy first with Lumo", "Content"),
                 ])
    rows += flow("ACT-02", "Salary switch", "Activated", "SEG-ACT", "Triggered", "Third Card Transaction",
                 None, "Salary Deposit Received", "Salary paid into Lumo", "Salary Deposit Received",
                 "switch within 30 days ≥ 12%", "Live", PR, D(2026, 10, 2), [
                     ("Email", CIO, "+2 days", None, "→ 2",
                      "Get paid up to 2 days early — switch your salary to Lumo", "Promo"),
                     ("Push", OS, "+3 days after step 1", "if step 1 email not clicked", "end",
                      "How early pay works (60-second read)", "Content"),
                 ])
    rows += flow("SUP-01", "Post-ticket CSAT", "Activated", "SEG-ACT", "Triggered", "Ticket Solved", None,
                 "CSAT Submitted", "Rate the support chat", "CSAT Submitted", "CSAT response ≥ 25%",
                 "Live", AK, D(2026, 11, 3), [
                     ("Push", OS, "+1 hour", None, "end",
                      "How did we do? Rate your chat in one tap", "Service"),
                 ], "moved from email to push in Nov")
    rows += flow("SVC-01", "Card declined", "Activated", "SEG-FUND, SEG-ACT, SEG-SAL, SEG-PLUS, SEG-DNC",
                 "Triggered", "Card Declined", None, "Top-up Completed", "Customer tops up after a decline",
                 "Top-up Completed", "top-up within 24h ≥ 40%", "Live", TH, D(2026, 8, 19), [
                     ("Push", OS, "Immediately", None, "end",
                      "Payment declined: not enough money. Top up in one tap", "Service"),
                 ], "service message — goes to suppressed customers too")
    rows += flow("SVC-02", "Card declined (SMS, legacy)", "Activated",
                 "SEG-FUND, SEG-ACT, SEG-SAL, SEG-PLUS, SEG-DNC", "Triggered", "Card Declined", None,
                 "Top-up Completed", "Customer tops up after a decline", "Top-up Completed",
                 "top-up within 24h ≥ 40%", "Paused", TH, D(2026, 8, 19), [
                     ("SMS", TW, "Immediately", None, "end",
                      "Lumo: a card payment was declined. Top up in the app.", "Service"),
                 ], "replaced by SVC-01 in Aug, kept for rollback")
    rows += flow("ENG-01", "Monthly spend recap", "Engaged", "SEG-PLUS", "Recurring", None,
                 "Monthly – 1st business day", "Insights Viewed", "Open the monthly insights screen",
                 "Insights Viewed", "insights open rate ≥ 35%", "Live", AK, D(2026, 10, 1), [
                     ("Push", OS, "09:00 local", None, "end", "Your October in numbers 📊", "Content"),
                 ])
    rows += flow("ENG-02", "Plus upsell", "Engaged", "SEG-SAL", "Triggered", "Salary Deposit Received", None,
                 "Plus Subscribed", "Upgrade to Lumo Plus", "Plus Subscribed", "Plus conversion ≥ 6%",
                 "Live", PR, D(2026, 10, 20), [
                     ("Email", CIO, "+1 day", None, "→ 2",
                      "Upgrade to Lumo Plus — first month free", "Promo"),
                     ("Push", OS, "+4 days", None, "→ 3",
                      "What Plus members get: 4% AER, travel cover, no FX fees", "Content"),
                     ("Outbound call", ZD, "+7 days", None, "end",
                      "Premium team: personal onboarding call, walk through Plus benefits", "Service"),
                 ])
    rows += flow("ENG-03", "Early pay welcome", "Engaged", "SEG-SAL", "Triggered", "Salary Deposit Received",
                 None, "Direct Debit Set Up", "Move bills to Lumo", "Direct Debit Set Up",
                 "DD set up within 30 days ≥ 20%", "Live", AK, D(2026, 11, 3), [
                     ("Push", OS, "Immediately", None, "end",
                      "Your salary landed 2 days early 🎉 Move your bills in 3 taps", "News"),
                 ], "built in-house by Lumo lifecycle team")
    rows += flow("ENG-04", "Round-ups nudge", "Engaged", "SEG-POT", "Triggered", "Savings Pot Created", None,
                 None, "Customer switches on round-ups", None, "round-ups on for ≥ 30% of pots",
                 "Planned", PR, D(2026, 11, 3), [
                     ("Email", CIO, "+1 day", None, "→ 2",
                      "Turn on round-ups and save without thinking", "Content"),
                     ("Push", OS, "+3 days", "if step 1 email not opened", "→ 1 after 7 days",
                      "Your pot is waiting 🐷 Switch on round-ups", "Content"),
                 ], "Q1 build; goal event to be added to tracking plan")
    rows += flow("ENG-05", "Partner cashback offers", "Engaged", "SEG-ACT, SEG-SAL, SEG-DNC", "Recurring", None,
                 "Weekly – Thu", "Offer Activated", "Activate a partner offer", "Offer Activated",
                 "offer activation ≥ 3%", "Live", TH, D(2026, 9, 4), [
                     ("Email", CIO, "12:00", None, "end",
                      "This week's partner cashback: up to 15% at 40+ brands", "Promo"),
                 ])
    rows += flow("PLS-01", "Plus payment failed", "Premium", "SEG-PLUS", "Triggered", "Plus Payment Failed",
                 None, "Subscription Payment Succeeded", "Recover the Plus payment",
                 "Subscription Payment Succeeded", "recovered ≥ 70%", "Live", PR, D(2026, 10, 20), [
                     ("Email", CIO, "Immediately", None, "→ 2",
                      "Your Plus payment didn't go through — update your card", "Service"),
                     ("Push", OS, "+2 days", None, "→ 3",
                      "Keep your Plus perks: update payment details", "Service"),
                     ("SMS", TW, "+4 days", None, "end",
                      "Lumo: your Plus plan ends in 3 days unless payment is updated", "Service"),
                 ])
    rows += flow("ADV-01", "Refer a friend", "Advocate", "SEG-PLUS", "Triggered", "Promoter Score Given", None,
                 "Referral Completed", "Promoters bring friends", "Referral Completed",
                 "≥ 1 referral from 8% of promoters", "Live", AK, D(2026, 7, 8), [
                     ("Email", CIO, "+1 hour", None, "→ 2",
                      "Give £20, get £20 — invite friends to Lumo", "Promo"),
                     ("Push", OS, "+5 days", "if step 1 email not opened", "end",
                      "Your invite link is ready: £20 each", "Promo"),
                 ])
    rows += flow("WIN-01", "Dormant win-back", "Dormant", "SEG-DORM", "Triggered", "Inactive 30 Days", None,
                 "Card Transaction Made", "Customer spends again", "Card Transaction Made",
                 "reactivated within 14 days ≥ 9%", "Live", TH, D(2026, 9, 4), [
                     ("SMS", TW, "Immediately", None, "→ 2",
                      "Lumo: £5 back on your next card payment this week", "Promo"),
                     ("Email", CIO, "+1 day", "if step 1 SMS not delivered", "end",
                      "New in Lumo: instant savings pots & split bills", "News"),
                 ])
    rows += flow("CLS-01", "Closure exit survey", "Closed", "SEG-DORM", "Triggered", "Account Closed", None,
                 "Exit Survey Submitted", "Learn why customers leave", "Exit Survey Submitted",
                 "survey response ≥ 15%", "Live", AK, D(2026, 6, 15), [
                     ("Email", CIO, "+1 hour", None, "end",
                      "Your account is closed — 2 quick questions?", "Service"),
                 ])
    table(ws, H, rows, head_fill="EFEFEF", font=F,
          widths=[9, 24, 14, 30, 11, 24, 24, 6, 14, 12, 20, 26, 26, 52, 10, 26, 28, 26, 28, 9, 24, 12, 40])
    for r in range(2, len(rows) + 2):
        ws.cell(row=r, column=22).number_format = "yyyy-mm-dd"
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(H))}{len(rows) + 1}"

    # ---- segments -------------------------------------------------------------
    ws = wb.create_sheet("Segments")
    h = ["Segment ID", "Segment", "Definition", "Est. size", "Value tier", "Suppressed", "Notes"]
    rows = [
        ["SEG-NEW", "New sign-ups", "signed up, KYC not passed", 18400, "Low", False, None],
        ["SEG-KYC", "Verified, unfunded", "KYC approved, balance never > £0", 9700, "Low", False, None],
        ["SEG-FUND", "Funded, not spending", "funded, 0 card transactions", 6200, "Medium", False, None],
        ["SEG-ACT", "Active spenders", "≥ 1 card transaction in last 30 days, no salary", 41000, "Medium",
         False, None],
        ["SEG-SAL", "Salary switchers", "salary paid into Lumo in last 35 days", 12300, "High", False, None],
        ["SEG-PLUS", "Lumo Plus members", "active paid subscription", 3900, "VIP", False, None],
        ["SEG-POT", "Pot savers", "has a savings pot, round-ups off", 7400, "Medium", False,
         "new for phase 2"],
        ["SEG-DORM", "Dormant", "no card transaction or app login 30+ days", 15800, "Low", False, None],
        ["SEG-DNC", "Do not contact", "marketing opt-out, complaints, vulnerable-customer flag", 2150, None,
         True, "service & regulatory messages only"],
    ]
    table(ws, h, rows, head_fill="EFEFEF", font=F, widths=[12, 22, 46, 10, 11, 11, 32])

    # ---- lifecycle stages -----------------------------------------------------
    ws = wb.create_sheet("Lifecycle stages")
    h = ["Stage ID", "Stage", "Entry criteria", "Moves to", "Terminal?", "Notes"]
    rows = [
        ["LC1", "Sign-up", "account created", "KYC verified", False, None],
        ["LC2", "KYC verified", "Onfido check passed", "Funded", False, None],
        ["LC3", "Funded", "first top-up received", "Activated", False, None],
        ["LC4", "Activated", "first card transaction", "Engaged, Dormant", False, None],
        ["LC5", "Engaged", "10+ transactions / month or salary in", "Premium, Dormant", False, None],
        ["LC6", "Premium", "Lumo Plus subscriber", "Dormant, Closed", False, None],
        ["LC7", "Dormant", "30+ days inactive", "Activated, Closed", False, None],
        ["LC8", "Closed", "account closed", None, True, None],
        ["LC9", "Advocate", "NPS 9–10, shares referral link", None, True, "referral programme"],
    ]
    table(ws, h, rows, head_fill="EFEFEF", font=F, widths=[9, 14, 38, 22, 10, 22])

    # ---- tracking plan --------------------------------------------------------
    ws = wb.create_sheet("Tracking plan")
    h = ["Event", "Description", "Platform", "Source", "Status", "Key properties"]
    seg = "Segment"
    rows = [
        ["Signed Up", "account created", "iOS / Android", seg, "Live", "signup_method"],
        ["KYC Approved", "Onfido webhook → backend", "Server", seg, "Live", "check_id"],
        ["KYC Rejected", "Onfido webhook → backend", "Server", seg, "Live", "reason"],
        ["Account Funded", "first top-up settled", "Server", seg, "Live", "amount, method"],
        ["Top-up Completed", "any top-up settled", "Server", seg, "Live", "amount, method"],
        ["First Card Transaction", "first settled card payment", "Server", seg, "Live", "mcc, amount"],
        ["Third Card Transaction", "third settled card payment", "Server", seg, "Live", "mcc, amount"],
        ["Card Transaction Made", "any settled card payment", "Server", seg, "Live", "mcc, amount"],
        ["Card Declined", "authorisation declined", "Server", seg, "Live", "decline_reason"],
        ["Salary Deposit Received", "inbound payment tagged as salary", "Server", seg, "Live", "employer"],
        ["Direct Debit Set Up", "new DD mandate", "Server", seg, "Live", "payee"],
        ["Plus Subscribed", "Plus plan started", "Server", seg, "Live", "plan, price"],
        ["Subscription Payment Succeeded", "Plus monthly charge ok", "Server", seg, "Live", "plan"],
        ["Inactive 30 Days", "computed audience (Engage)", "Server", seg, "Live", None],
        ["Insights Viewed", "monthly insights screen opened", "iOS / Android", seg, "Live", "month"],
        ["Savings Pot Created", "new pot", "iOS / Android", seg, "Live", "pot_goal"],
        ["Promoter Score Given", "in-app NPS answer 9–10", "iOS / Android", seg, "Live", "score"],
        ["Referral Completed", "invited friend funded account", "Server", seg, "Live", "referrer_id"],
        ["Account Closed", "closure processed", "Server", seg, "Live", "reason"],
        ["Exit Survey Submitted", "closure survey answered", "Web", seg, "Live", "answers"],
        ["Ticket Solved", "support ticket status → solved", "Zendesk", "Zendesk", "Live", "ticket_id, group"],
        ["CSAT Submitted", "in-app rating after chat", "iOS / Android", seg, "Live", "rating"],
        ["Offer Activated", "partner cashback offer switched on", "iOS / Android", seg, "Live", "partner"],
        ["Budget Created", "budgets feature (v2.3)", "iOS / Android", seg, "Not implemented", "category"],
    ]
    table(ws, h, rows, head_fill="EFEFEF", font=F, widths=[30, 36, 14, 11, 16, 22])

    # ---- tech stack -----------------------------------------------------------
    ws = wb.create_sheet("Tech stack")
    h = ["Tool", "Category", "Channels", "Receives data from", "Sends data to", "Notes"]
    rows = [
        ["Lumo app", "iOS / Android app", None, None, "Segment", "Segment SDK"],
        ["Lumo backend", "core banking / ledger", None, "Onfido", "Segment", "server-side tracking"],
        ["Onfido", "KYC vendor", None, None, "Lumo backend", "webhooks"],
        ["Segment", "CDP", None, "Lumo app, Lumo backend",
         "Customer.io, OneSignal, Twilio, Zendesk, Mixpanel", "tracking plan enforced"],
        ["Customer.io", "ESP + journey orchestration", "Email", "Segment, Twilio", "OneSignal, Twilio",
         "journeys call OneSignal & Twilio via webhook actions"],
        ["OneSignal", "Push provider", "Push", "Segment, Customer.io", None,
         "delivery/open stats stay in the OneSignal dashboard, no export set up"],
        ["Twilio", "SMS vendor", "SMS", "Segment, Customer.io", "Customer.io",
         "delivery receipts posted back to Customer.io; WhatsApp sender under review"],
        ["Zendesk", "Support desk + Talk", "Outbound call", "Segment", None,
         "Zendesk → Segment source not connected yet (DATA-211)"],
        ["Mixpanel", "Product analytics", None, "Segment", None, None],
    ]
    table(ws, h, rows, head_fill="EFEFEF", font=F, widths=[14, 26, 14, 24, 44, 56])

    # ---- changelog --------------------------------------------------------------
    ws = wb.create_sheet("Changelog")
    h = ["Date", "Change", "By"]
    rows = [
        [D(2026, 6, 15), "v3.0 — phase 2 map agreed with Lumo CRM", "Priya R."],
        [D(2026, 8, 19), "SVC-02 paused, SVC-01 push live", "Tom H."],
        [D(2026, 10, 14), "ONB-01 SMS step added", "Priya R."],
        [D(2026, 11, 3), "v3.2 — SUP-01 moved to push, ENG-03 & ENG-04 added", "Priya R."],
    ]
    table(ws, h, rows, head_fill="EFEFEF", font=F, widths=[12, 60, 12])
    for r in range(2, len(rows) + 2):
        ws.cell(row=r, column=1).number_format = "yyyy-mm-dd"

    name = "Lumo CRM lifecycle map v3.xlsx"
    wb.save(MAP2 / name)

    # ---- answer key -----------------------------------------------------------
    defects = [
        ("COV003", "ENG-05",
         "ENG-05 'Partner cashback offers' (Msg type Promo) lists SEG-DNC in its Audience; on Segments "
         "SEG-DNC 'Do not contact' has Suppressed = TRUE."),
        ("FLOW002", "Advocate",
         "Stage LC9 'Advocate' appears in no 'Moves to' cell on 'Lifecycle stages', so it cannot be reached "
         "from LC1 'Sign-up' (ADV-01 serves it, so it is not a coverage gap)."),
        ("FLOW003", "ENG-04",
         "ENG-04: step 2 (push, 'if step 1 email not opened') has 'Then →' = '→ 1 after 7 days'; Exit events "
         "is empty and there is no repeat limit or end date, so a customer who never opens is mailed forever "
         "(the 'not opened' condition does not bound the loop)."),
        ("FLOW004", "ACT-01",
         "ACT-01's Goal event is 'First Card Transaction' but its Exit events is only 'Account Closed': a "
         "customer who already paid by card still gets the step 2 cashback push and step 3 email."),
        ("TRK001", "Plus Payment Failed",
         "PLS-01's Entry trigger 'Plus Payment Failed' is not in the 'Tracking plan' tab."),
        ("TRK003", "SUP-01",
         "SUP-01 is triggered by 'Ticket Solved', whose Source is Zendesk; its first step is a push sent by "
         "OneSignal. On 'Tech stack' Zendesk sends data nowhere (Sends data to empty) and OneSignal receives "
         "only from Segment and Customer.io."),
        ("INT002", "ONB-01",
         "ONB-01 step 3 (SMS, Tool Twilio) is sent 'if step 2 push not opened'; step 2 is sent by OneSignal, "
         "whose 'Sends data to' is empty, so no integration carries push feedback to Twilio or Customer.io."),
        ("COST001", "WIN-01",
         "WIN-01 starts with an SMS (Twilio) and step 2 is an Email sent 'if step 1 SMS not delivered': a "
         "cascade from the expensive channel to the cheaper one."),
        ("FREQ002", "Salary Deposit Received",
         "ENG-02 'Plus upsell' and ENG-03 'Early pay welcome' are both Live, both triggered by 'Salary "
         "Deposit Received' and both target SEG-SAL."),
    ]
    lookalikes = [
        ("COST002", "ENG-02",
         "ENG-02 step 3 is an outbound call to SEG-SAL (12,300 customers), but the segment's Value tier is "
         "High, which the rule exempts."),
        ("COST001", "ACT-02",
         "ACT-02 cascades Email → Push ('if step 1 email not clicked'): it starts with email, not SMS/call, "
         "and email → push is explicitly not this defect."),
        ("FLOW003", "ONB-03",
         "ONB-03 loops ('→ 1 in 5 days (max 2 repeats)') but it has a repeat limit and exits on "
         "'Account Funded'."),
        ("FREQ002", "Card Declined",
         "SVC-01 and SVC-02 both fire on 'Card Declined' for the same audience, but SVC-02 is Paused; only "
         "one active flow uses the event."),
    ]
    J = "Journey map"
    columns = [
        ("Read me", "Client", "ignore"),
        ("Read me", "Project", "ignore"),
        ("Read me", "Prepared by", "ignore"),
        ("Read me", "Map owner (client)", "owner"),
        ("Read me", "Last reviewed", "last_reviewed"),
        ("Read me", "Version", "ignore"),
        ("Read me", "How to read", "ignore"),
        ("Read me", "Status key", "ignore"),
        (J, "Flow ID", "scenario"),
        (J, "Flow name", "scenario_name"),
        (J, "Lifecycle stage", "stage"),
        (J, "Audience", "segments"),
        (J, "Flow type", "kind"),
        (J, "Entry trigger", "trigger"),
        (J, "Recurrence", "schedule"),
        (J, "Step", "step"),
        (J, "Channel", "channel"),
        (J, "Tool", "system"),
        (J, "Send timing", "timing"),
        (J, "Send condition", "condition"),
        (J, "Then →", "next"),
        (J, "Message / content", "message"),
        (J, "Msg type", "message_type"),
        (J, "Exit events", "stop_event"),
        (J, "Goal", "goal"),
        (J, "Goal event", "goal_event"),
        (J, "KPI / target", "kpi"),
        (J, "Status", "status"),
        (J, "Owner", "owner"),
        (J, "Last updated", "last_reviewed"),
        (J, "Notes", "ignore"),
        ("Segments", "Segment ID", "id"),
        ("Segments", "Segment", "name"),
        ("Segments", "Definition", "ignore"),
        ("Segments", "Est. size", "size"),
        ("Segments", "Value tier", "tier"),
        ("Segments", "Suppressed", "excluded"),
        ("Segments", "Notes", "ignore"),
        ("Lifecycle stages", "Stage ID", "id"),
        ("Lifecycle stages", "Stage", "stage"),
        ("Lifecycle stages", "Entry criteria", "ignore"),
        ("Lifecycle stages", "Moves to", "next"),
        ("Lifecycle stages", "Terminal?", "final"),
        ("Lifecycle stages", "Notes", "ignore"),
        ("Tracking plan", "Event", "name"),
        ("Tracking plan", "Description", "ignore"),
        ("Tracking plan", "Platform", "ignore"),
        ("Tracking plan", "Source", "source"),
        ("Tracking plan", "Status", "tracked"),
        ("Tracking plan", "Key properties", "ignore"),
        ("Tech stack", "Tool", "name"),
        ("Tech stack", "Category", "kind"),
        ("Tech stack", "Channels", "channel"),
        ("Tech stack", "Receives data from", "receives"),
        ("Tech stack", "Sends data to", "sends_to"),
        ("Tech stack", "Notes", "ignore"),
        ("Changelog", "Date", "ignore"),
        ("Changelog", "Change", "ignore"),
        ("Changelog", "By", "ignore"),
    ]
    write_answers(MAP2 / "answers.toml",
                  "Lumo (UK neobank): agency lifecycle map, Google Sheets export, one row per step",
                  name, "en", defects, lookalikes, columns)


def main() -> None:
    for d in (MAP1, MAP2):
        if d.exists():
            shutil.rmtree(d)
    build_map1()
    build_map2()
    print("built", MAP1.name, MAP2.name)


if __name__ == "__main__":
    main()
