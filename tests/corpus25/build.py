#!/usr/bin/env python3
"""Build corpus25: two client communication maps with planted defects and answer keys.

map1_puls_fitness   — Russian fitness-club network (messenger-heavy), one row per scenario,
                      touches packed as numbered lines in one or two cells.
map2_fieldwise_saas — English B2B SaaS sales & onboarding cadences, Day-N columns.

Run: /work/main/.venv/bin/python build.py
"""
import json
import shutil
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"

THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def fill(hex_):
    return PatternFill("solid", start_color=hex_, end_color=hex_)


def q(s):
    """TOML basic string (JSON escaping is a subset TOML accepts)."""
    return json.dumps(s, ensure_ascii=False)


class Book:
    """Collects sheets and the [[column]] entries that describe them."""

    def __init__(self):
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.columns = []  # (sheet, header, field)

    def cover(self, name, title, pairs, label_w=30, value_w=80, head_fill="1F4E78"):
        ws = self.wb.create_sheet(name)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
        ws.cell(1, 1, title).font = Font(bold=True, size=14, color="FFFFFF")
        ws.cell(1, 1).fill = fill(head_fill)
        r = 3
        for label, value, field, fmt in pairs:
            a = ws.cell(r, 1, label)
            a.font = Font(bold=True)
            b = ws.cell(r, 2, value)
            b.alignment = WRAP
            if fmt:
                b.number_format = fmt
            if field:
                self.columns.append((name, label, field))
            r += 1
        ws.column_dimensions["A"].width = label_w
        ws.column_dimensions["B"].width = value_w
        return ws

    def table(self, name, cols, rows, title=None, subtitle=None, head_fill="D9E1F2",
              row_fills=None, date_fmt="DD.MM.YYYY", freeze=True):
        """cols: list of (header, field or None, width). rows: list of lists."""
        ws = self.wb.create_sheet(name)
        r = 1
        if title:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
            c = ws.cell(1, 1, title)
            c.font = Font(bold=True, size=13)
            r += 1
        if subtitle:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
            c = ws.cell(r, 1, subtitle)
            c.font = Font(italic=True, size=9, color="595959")
            r += 1
        hdr = r
        for j, (h, field, w) in enumerate(cols, 1):
            c = ws.cell(hdr, j, h)
            c.font = Font(bold=True)
            c.fill = fill(head_fill)
            c.alignment = Alignment(wrap_text=True, vertical="center")
            c.border = BORDER
            ws.column_dimensions[get_column_letter(j)].width = w
            if field:
                self.columns.append((name, h, field))
        for i, row in enumerate(rows):
            rr = hdr + 1 + i
            for j, v in enumerate(row, 1):
                c = ws.cell(rr, j, v)
                c.alignment = WRAP
                c.border = BORDER
                if isinstance(v, date):
                    c.number_format = date_fmt
                elif isinstance(v, int) and v >= 1000:
                    c.number_format = "#,##0"
            if row_fills and row_fills[i]:
                for j in range(1, len(cols) + 1):
                    ws.cell(rr, j).fill = fill(row_fills[i])
        if freeze:
            ws.freeze_panes = ws.cell(hdr + 1, 3 if len(cols) > 4 else 1)
        return ws


def write_answers(path, title, mapname, lang, defects, lookalikes, columns):
    out = [f"title = {q(title)}", f"map = {q(mapname)}", f"lang = {q(lang)}",
           f"today = {q(TODAY)}", ""]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


# ---------------------------------------------------------------------------
# MAP 1 — сеть фитнес-клубов «ПУЛЬС»
# ---------------------------------------------------------------------------
def build_map1(folder: Path):
    b = Book()
    fname = "puls_karta_kommunikaciy_v7.xlsx"

    b.cover("Инфо", "Сеть фитнес-клубов «ПУЛЬС» — карта коммуникаций с клиентами", [
        ("Клубы в сети", "6 клубов: Екатеринбург ×4, Пермь, Тюмень", "ignore", None),
        ("Ответственный за карту", "Мария Гончарова, маркетинг-менеджер сети", "owner", None),
        ("Дата актуализации", date(2026, 10, 17), "last_reviewed", "DD.MM.YYYY"),
        ("Версия", "v7 — добавили VK-рассылки через Senler и Telegram-бота", "ignore", None),
        ("Как читать", "Одна строка листа «Сценарии» = один сценарий. Касания пронумерованы "
                       "внутри ячейки: 1) 2) 3)… Если касаний много — продолжение в соседней "
                       "колонке «Если нет реакции / дожим». Сегменты — коды с листа «Сегменты».",
         "ignore", None),
        ("Легенда", "зелёная строка — работает; жёлтая — новый сценарий (запущен < 2 мес.)",
         "ignore", None),
    ], head_fill="C00000")

    # ---- Сценарии --------------------------------------------------------
    cols = [
        ("Код", "scenario", 7),
        ("Сценарий", "scenario_name", 24),
        ("Тип", "kind", 11),
        ("Сегмент(ы)", "segments", 16),
        ("Этап пути", "stage", 16),
        ("Старт (событие)", "trigger", 22),
        ("Когда (для регулярных)", "schedule", 16),
        ("Касания", "step", 55),
        ("Если нет реакции / дожим", "step", 45),
        ("Тип сообщений", "message_type", 11),
        ("Цель", "goal", 22),
        ("Целевое событие", "goal_event", 22),
        ("Выход из сценария", "stop_event", 24),
        ("KPI", "kpi", 22),
        ("Ответственный", "owner", 20),
        ("Статус", "status", 11),
        ("Проверено", "last_reviewed", 12),
        ("Комментарий", "ignore", 30),
    ]
    d = date
    rows = [
        ["Т-01", "Заявка → запись на гостевой", "триггер", "ЛИД", "Заявка",
         "Заявка с сайта/соцсетей", "",
         "1) WA сразу (до 15 мин): «Здравствуйте! Это ПУЛЬС 💪 Подберём удобное время для гостевой тренировки?»",
         "2) если не прочитал через 2 часа — звонок админа, записать на гостевой\n"
         "3) через 1 день — SMS: адрес клуба, что взять с собой, где парковка",
         "сервис", "Записать и привести на гостевой", "Гостевой визит состоялся",
         "Гостевой визит состоялся; Отписка от рассылок", "конверсия заявка → визит ≥ 45%",
         "Анна Крылова (продажи)", "работает", d(2026, 9, 12), "админы звонят с 9 до 21"],
        ["Т-02", "После гостевого визита", "триггер", "ГОСТ", "Гостевой визит",
         "Гостевой визит состоялся", "",
         "1) через 2 часа после визита — звонок админа: как впечатления, ответить на вопросы, помочь выбрать абонемент",
         "2) если не дозвонились — WA: подборка абонементов + ссылка на оплату в приложении\n"
         "3) через 2 дня — SMS: «Гостевые условия на абонемент действуют до воскресенья»",
         "сервис", "Покупка после гостевого", "Покупка абонемента", "Покупка абонемента",
         "конверсия гость → покупка ≥ 30%", "Анна Крылова (продажи)", "работает", d(2026, 9, 12),
         "WA пишем только тем, кто не взял трубку"],
        ["Т-03", "Welcome новичка", "триггер", "НОВ", "Первая покупка",
         "Покупка абонемента", "",
         "1) сразу — WA: добро пожаловать в ПУЛЬС 🎉 + ссылка на приложение\n"
         "2) через 1 день — email: памятка новичка (правила клуба, расписание, как оформить заморозку)\n"
         "3) через 3 дня, если ещё не был на тренировке — пуш: «Запишитесь на первую тренировку в приложении»",
         "", "сервис", "Первая тренировка в течение 7 дней", "Первая тренировка по абонементу",
         "Первая тренировка по абонементу", "70% новичков приходят в первые 7 дней",
         "Мария Гончарова", "работает", d(2026, 10, 3), ""],
        ["Т-04", "Адаптация: первый месяц", "триггер", "НОВ", "Адаптация (1-й месяц)",
         "Первая тренировка по абонементу", "",
         "1) через 3 часа — WA: как прошла первая тренировка? 🙂\n"
         "2) через 7 дней — пуш: подборка групповых для новичков",
         "", "сервис", "Новичок ходит регулярно", "Запись на групповую тренировку",
         "Запись на групповую тренировку", "≥ 8 визитов за 1-й месяц у 40% новичков",
         "Мария Гончарова", "работает", d(2026, 10, 3), ""],
        ["Т-05", "Продление абонемента", "триггер", "ПРОД", "Продление",
         "Абонемент истекает через 30 дней", "",
         "1) сразу — WA: абонемент заканчивается через 30 дней, условия продления",
         "2) если не прочитал через 2 дня — звонок админа\n"
         "3) через 14 дней, если не продлил — SMS-напоминание",
         "сервис", "Продление до окончания абонемента", "Продление абонемента",
         "Продление абонемента", "доля продлений ≥ 55%", "Ирина Седова (клиентский сервис)",
         "работает", d(2026, 8, 21), ""],
        ["Т-06", "Выход из заморозки", "триггер", "ЗАМ", "Заморозка абонемента",
         "Окончание заморозки через 3 дня", "",
         "1) сразу — SMS: «Заморозка заканчивается через 3 дня — ждём вас в клубе!»",
         "2) если SMS не открыл за сутки — звонок админа",
         "сервис", "Вернуть в клуб после заморозки", "Визит в клуб (турникет)",
         "Визит в клуб (турникет)", "визит в первые 7 дней после заморозки ≥ 60%",
         "Ирина Седова (клиентский сервис)", "работает", d(2026, 8, 21), ""],
        ["Т-07", "Реактивация спящих", "триггер", "СОН", "Риск оттока",
         "Нет визитов 21 день", "",
         "1) сразу — WA: «Давно вас не видели 🙂 Записать на тренировку?»",
         "2) если не ответил через 2 дня — звонок админа: узнать причину, записать на тренировку",
         "сервис", "Вернуть к регулярным визитам", "Визит в клуб (турникет)",
         "Визит в клуб (турникет)", "25% спящих возвращаются за 14 дней",
         "Ирина Седова (клиентский сервис)", "работает", d(2026, 8, 21),
         "обзванивают админы всех 6 клубов по задачам из 1С"],
        ["Т-08", "Вернуть ушедших", "триггер", "ОТТ", "Отток",
         "Абонемент не продлён 60 дней", "",
         "1) сразу — SMS: «Возвращайтесь в ПУЛЬС: первый месяц −30%»\n"
         "2) через 3 дня — WA: то же предложение + что нового в клубе",
         "3) не купил → через 14 дней повторяем с п.1, не более 2 раз",
         "промо", "Повторная покупка", "Покупка абонемента",
         "Покупка абонемента; Отписка от рассылок", "5% ушедших возвращаются за квартал",
         "Мария Гончарова", "работает", d(2026, 7, 15), ""],
        ["Т-09", "Снова с нами", "триггер", "ОТТ", "Возврат",
         "Возврат после оттока", "",
         "1) сразу — WA: рады снова видеть! 🙌\n"
         "2) через 5 дней — пуш: расписание групповых на неделю\n"
         "3) через 14 дней — email: короткий опрос «почему уходили и что нам улучшить»",
         "", "сервис", "Закрепить вернувшегося", "Запись на групповую тренировку",
         "Запись на групповую тренировку", "50% вернувшихся ходят 1+ раз в неделю",
         "Мария Гончарова", "работает", d(2026, 7, 15), ""],
        ["Т-10", "День рождения VIP", "триггер", "VIP", "Регулярные визиты",
         "День рождения", "",
         "1) в 09:00 — WA-открытка + сертификат на SPA-процедуру 🎁\n"
         "2) через 2 часа — звонок персонального менеджера: поздравить лично",
         "", "сервис", "Клиент приходит за подарком", "Визит в клуб (турникет)",
         "Визит в клуб (турникет)", "использовано ≥ 50% сертификатов",
         "Ольга Ким (VIP-отдел)", "работает", d(2026, 9, 30),
         "личный звонок — стандарт сервиса карты Black"],
        ["Т-11", "Низкая оценка тренировки", "триггер", "АКТ", "Регулярные визиты",
         "Оценка тренировки в приложении", "",
         "1) сразу — пуш: «Жаль, что тренировка не понравилась. Расскажете, что пошло не так?» (ссылка на анкету)\n"
         "2) через 1 день — email: извинение + промокод −50% на персональную тренировку",
         "", "сервис", "Удержать недовольного клиента", "Покупка персональной тренировки",
         "Покупка персональной тренировки", "≥ 15% используют промокод",
         "Ирина Седова (клиентский сервис)", "работает", d(2026, 11, 10), "оценки 1–3 ★"],
        ["Т-12", "Отмена / перенос групповой", "триггер", "АКТ, НОВ, VIP, СТОП", "Регулярные визиты",
         "Отмена групповой тренировки", "",
         "1) сразу — пуш: «Занятие отменено/перенесено, выберите другое время»\n"
         "2) через 2 часа, если не записался заново — SMS",
         "", "сервис", "Клиент перезаписался", "Запись на групповую тренировку",
         "Запись на групповую тренировку", "≥ 60% перезаписываются",
         "Ирина Седова (клиентский сервис)", "работает", d(2026, 11, 10),
         "СТОП тоже получает — это сервисное уведомление, не реклама"],
        ["Р-01", "Дайджест недели (Telegram)", "регулярная", "АКТ, VIP, Замарозка", "Регулярные визиты",
         "", "каждую пятницу",
         "1) пт 18:00 — Telegram-бот: дайджест — новые программы, тренер недели, расписание на выходные\n"
         "2) на следующий день 10:00, если не записался на выходные — пуш «остались свободные места»",
         "", "контент", "Запись на групповые выходного дня", "Запись на групповую тренировку",
         "Запись на групповую тренировку; Отписка от рассылок", "CTR дайджеста ≥ 8%",
         "Мария Гончарова", "работает", d(2026, 10, 3), ""],
        ["Р-02", "Анонс новых программ (VK)", "регулярная", "АКТ", "Регулярные визиты",
         "", "ежемесячно, 1-й понедельник",
         "1) 12:00 — VK-рассылка (Senler): анонс новых групповых программ месяца",
         "2) если не прочитал за 3 дня — дублируем в Telegram",
         "контент", "Запись на новые программы", "Запись на групповую тренировку",
         "Запись на групповую тренировку; Отписка от рассылок", "≥ 300 записей на новые программы",
         "Мария Гончарова", "работает", d(2026, 10, 29), "запустили в октябре"],
        ["Р-03", "Акция месяца", "регулярная", "ГОСТ, СОН, СТОП", "Риск оттока",
         "", "ежемесячно, 1-го числа",
         "1) 12:00 — SMS: акция месяца (−20% на абонемент на 6 мес.)",
         "2) через 3 дня, если не купил — WA-напоминание: «до конца акции 3 дня»",
         "промо", "Продажи абонементов по акции", "Покупка абонемента",
         "Покупка абонемента; Отписка от рассылок", "≥ 120 продаж по акции в месяц",
         "Анна Крылова (продажи)", "работает", d(2026, 10, 29),
         "СТОП добавили по просьбе управляющих («это же SMS по акции, а не рассылка»)"],
        ["Р-04", "Приведи друга", "регулярная", "АКТ, VIP", "Рекомендует друзей",
         "", "ежемесячно, 15-го числа",
         "1) 12:00 — пуш: «Приведи друга — 2 недели бесплатно вам обоим 🎁»",
         "", "промо", "Новые клиенты по рекомендации", "Приглашённый друг купил абонемент",
         "Приглашённый друг купил абонемент", "≥ 40 новых клиентов по рекомендации в месяц",
         "Анна Крылова (продажи)", "работает", d(2026, 10, 29), ""],
    ]
    fills = ["E2EFDA"] * len(rows)
    for i, r in enumerate(rows):
        if r[0] in ("Р-02", "Т-11", "Т-12"):
            fills[i] = "FFF2CC"
    b.table("Сценарии", cols, rows,
            title="КАРТА КОММУНИКАЦИЙ «ПУЛЬС» — сценарии (WhatsApp / Telegram / VK / SMS / звонки админов)",
            subtitle="WA = WhatsApp через Wazzup • TG = Telegram-бот • звонок админа = задача на обзвон в 1С • "
                     "зелёный — работает, жёлтый — запущен недавно",
            row_fills=fills)

    # ---- Сегменты --------------------------------------------------------
    seg_cols = [
        ("Код", "id", 8), ("Сегмент", "name", 30), ("Условие попадания (1С)", "ignore", 40),
        ("Размер, чел.", "size", 12), ("Ценность", "tier", 11), ("Стоп-лист", "excluded", 10),
        ("Комментарий", "ignore", 34),
    ]
    seg_rows = [
        ["ЛИД", "Лиды без визита", "заявка есть, визитов нет", 780, "базовая", "", ""],
        ["ГОСТ", "Были на гостевом, не купили", "гостевой визит, нет активного абонемента", 420, "базовая", "", ""],
        ["НОВ", "Новички (до 30 дней)", "первый абонемент куплен ≤ 30 дней назад", 610, "средняя", "", ""],
        ["АКТ", "Активные", "действующий абонемент, ≥ 1 визита в неделю", 7900, "средняя", "", ""],
        ["СОН", "Спящие (21–60 дней без визитов)", "действующий абонемент, нет визитов 21–60 дней", 2300, "средняя", "", ""],
        ["ОТТ", "Отток (не продлили > 60 дней)", "абонемент закончился > 60 дней назад", 5400, "базовая", "", ""],
        ["VIP", "VIP / клубные карты Black", "карта Black или Premium", 1250, "VIP", "", "персональный менеджер"],
        ["ЗАМ", "Заморозка", "абонемент на заморозке", 380, "средняя", "", ""],
        ["ПРОД", "Абонемент истекает (≤ 30 дней)", "до окончания абонемента ≤ 30 дней", 870, "высокая", "", ""],
        ["КОРП", "Корпоративные клиенты", "абонемент по договору с работодателем", 950, "средняя", "",
         "договоры ведёт отдел B2B"],
        ["СТОП", "Отказ от рассылок", "флаг «не беспокоить» в 1С (отписка, жалоба, 152-ФЗ)", 1200, "—", "да",
         "только сервисные уведомления"],
    ]
    b.table("Сегменты", seg_cols, seg_rows)

    # ---- Путь клиента ---------------------------------------------------
    st_cols = [
        ("№", "id", 5), ("Этап", "name", 24), ("Что происходит с клиентом", "ignore", 44),
        ("Следующий этап", "next", 48), ("Финальный", "final", 10),
    ]
    st_rows = [
        [1, "Заявка", "оставил заявку на сайте / в VK / по телефону", "Гостевой визит", "нет"],
        [2, "Гостевой визит", "пришёл на бесплатную гостевую тренировку", "Первая покупка", "нет"],
        [3, "Первая покупка", "купил первый абонемент", "Адаптация (1-й месяц)", "нет"],
        [4, "Адаптация (1-й месяц)", "привыкает к клубу, ищет «свои» программы", "Регулярные визиты", "нет"],
        [5, "Регулярные визиты", "ходит 1+ раз в неделю",
         "Продление; Заморозка абонемента; Риск оттока; Рекомендует друзей", "нет"],
        [6, "Продление", "абонемент подходит к концу", "Регулярные визиты", "нет"],
        [7, "Заморозка абонемента", "взял заморозку (отпуск, болезнь)", "", "нет"],
        [8, "Риск оттока", "перестал ходить, абонемент ещё действует", "Регулярные визиты; Отток", "нет"],
        [9, "Отток", "не продлил абонемент", "Возврат", "нет"],
        [10, "Возврат", "вернулся после оттока", "Регулярные визиты", "нет"],
        [11, "Рекомендует друзей", "приводит друзей по реферальной программе", "", "да"],
    ]
    b.table("Путь клиента", st_cols, st_rows, title="Путь клиента в сети «ПУЛЬС»", freeze=False)

    # ---- События --------------------------------------------------------
    ev_cols = [
        ("Код", "id", 14), ("Событие", "name", 34), ("Откуда берём", "source", 14),
        ("Отслеживается?", "tracked", 14), ("Комментарий", "ignore", 46),
    ]
    ev_rows = [
        ["lead_new", "Заявка с сайта/соцсетей", "1С", "да", "формы сайта и VK падают в 1С"],
        ["guest_visit", "Гостевой визит состоялся", "1С", "да", "отметка админа"],
        ["membership_buy", "Покупка абонемента", "1С", "да", ""],
        ["first_workout", "Первая тренировка по абонементу", "1С", "да", "первый проход по турникету"],
        ["class_booking", "Запись на групповую тренировку", "1С", "да", "запись из приложения тоже пишется в 1С"],
        ["club_visit", "Визит в клуб (турникет)", "1С", "да", "СКУД → 1С"],
        ["no_visit_21", "Нет визитов 21 день", "1С", "да", "ночной расчёт"],
        ["expire_30", "Абонемент истекает через 30 дней", "1С", "да", ""],
        ["renewal", "Продление абонемента", "1С", "да", ""],
        ["freeze_end_3", "Окончание заморозки через 3 дня", "1С", "да", ""],
        ["lapsed_60", "Абонемент не продлён 60 дней", "1С", "да", ""],
        ["comeback", "Возврат после оттока", "1С", "да", "покупка клиентом из сегмента ОТТ"],
        ["birthday", "День рождения", "1С", "да", ""],
        ["app_rating", "Оценка тренировки в приложении", "Mobifitness", "нет",
         "Mobifitness пока не отдаёт оценки наружу, ТЗ на доработку в работе"],
        ["pt_buy", "Покупка персональной тренировки", "1С", "да", ""],
        ["referral_buy", "Приглашённый друг купил абонемент", "1С", "да", "по реферальному промокоду"],
        ["class_cancel", "Отмена групповой тренировки", "1С", "да", ""],
        ["unsubscribe", "Отписка от рассылок", "1С", "да", "флаг «не беспокоить» в карточке"],
    ]
    b.table("События", ev_cols, ev_rows)

    # ---- Сервисы --------------------------------------------------------
    sys_cols = [
        ("Код", "id", 12), ("Сервис", "name", 22), ("Для чего", "kind", 40), ("Каналы", "channel", 18),
        ("Получает данные из", "receives", 30), ("Передаёт данные в", "sends_to", 40),
        ("Комментарий", "ignore", 44),
    ]
    sys_rows = [
        ["1С", "1С:Фитнес клуб", "CRM: база, абонементы, визиты (СКУД), задачи админам на обзвон",
         "Звонки (админы)", "Mobifitness, Wazzup, SaleBot, SMSC",
         "Wazzup, SaleBot, SMSC, UniSender, Mobifitness, Senler",
         "админы звонят по задачам из 1С, телефония встроена в карточку"],
        ["Wazzup", "Wazzup", "WhatsApp из карточки клиента", "WhatsApp", "1С", "1С",
         "статусы «прочитано» и ответы видны в 1С"],
        ["SaleBot", "SaleBot", "Telegram-бот клуба", "Telegram", "1С", "1С", ""],
        ["SMSC", "SMSC.ru", "SMS-шлюз", "SMS", "1С", "1С", "возвращает статусы доставки"],
        ["UniSender", "UniSender", "email-рассылки", "Email", "1С", "", ""],
        ["Mobifitness", "Mobifitness", "мобильное приложение клуба", "Push", "1С", "1С", ""],
        ["Senler", "Senler", "рассылки в сообщениях сообщества VK", "VK", "1С", "",
         "сегменты выгружаем из 1С раз в сутки (Albato); обратно ничего не передаёт"],
    ]
    b.table("Сервисы", sys_cols, sys_rows, freeze=False)

    b.wb.save(folder / fname)

    defects = [
        ("MAP001", "Замарозка",
         "Сценарии, Р-01, «Сегмент(ы)» = «АКТ, VIP, Замарозка»: «Замарозка» is a misspelling; the Сегменты "
         "sheet defines «Заморозка» (code ЗАМ) and nothing called «Замарозка»."),
        ("COV001", "КОРП",
         "Сегменты row КОРП «Корпоративные клиенты» (950, not on the stop list): no row of Сценарии names "
         "КОРП or «Корпоративные клиенты» in «Сегмент(ы)», and there are no parent segments."),
        ("COV003", "Р-03",
         "Р-03 «Акция месяца» has «Тип сообщений» = промо and «Сегмент(ы)» = «ГОСТ, СОН, СТОП»; Сегменты row "
         "СТОП «Отказ от рассылок» has «Стоп-лист» = да. Its SMS and WA touches are promo."),
        ("FLOW001", "Заморозка абонемента",
         "Путь клиента row 7 «Заморозка абонемента»: «Финальный» = нет and «Следующий этап» is empty; "
         "it is reached from row 5 «Регулярные визиты»."),
        ("INT002", "Р-02",
         "Р-02 touch 2 «если не прочитал за 3 дня — дублируем в Telegram» depends on the read status of "
         "touch 1, a VK message sent by Senler. Telegram is sent by SaleBot. Сервисы: Senler «Передаёт "
         "данные в» is empty (comment: «обратно ничего не передаёт»), so no integration path carries "
         "the VK read status to SaleBot."),
        ("INT003", "Т-06",
         "Т-06 touch 2 «если SMS не открыл за сутки — звонок админа» depends on an SMS being opened, and "
         "SMS reports delivery only, not opens. The SMSC → 1С integration exists, so this is not INT002."),
        ("COST001", "Т-02",
         "Т-02 opens with «звонок админа» (touch 1). Touch 2 is «если не дозвонились — WA», a fallback "
         "to a cheaper messenger that depends on the call's own feedback. That is an expensive-first cascade."),
        ("COST002", "Т-07",
         "Т-07 touch 2 «звонок админа» goes to СОН «Спящие (21–60 дней без визитов)». Сегменты gives it "
         "«Размер» 2 300 (over 1 000) and «Ценность» средняя (not VIP/high)."),
        ("TRK002", "Т-11",
         "Т-11 «Старт (событие)» = «Оценка тренировки в приложении». On the События sheet that event has "
         "«Отслеживается?» = нет, yet the scenario is «работает»."),
    ]
    lookalikes = [
        ("COST001", "Т-01",
         "Т-01 is a WA → call cascade (the call is conditioned on «не прочитал»). It starts with the "
         "cheaper channel and escalates to the expensive one, so it is not expensive-first."),
        ("COST002", "Т-10",
         "Т-10 has a call from the personal manager to VIP, which has 1 250 people (over 1 000). "
         "Its «Ценность» is VIP, and the rule exempts vip/high tiers."),
        ("FLOW003", "Т-08",
         "Т-08 loops («не купил → через 14 дней повторяем с п.1»), but the loop is bounded («не более "
         "2 раз») and the scenario stops on «Покупка абонемента; Отписка от рассылок»."),
        ("COV003", "Т-12",
         "Т-12 reaches СТОП (stop list), but «Тип сообщений» = сервис: it is a class-cancellation "
         "notice (push + SMS). COV003 counts only promo, news or content touches."),
    ]
    write_answers(folder / "answers.toml",
                  "Сеть фитнес-клубов «ПУЛЬС»: лист сценариев, касания нумерованными строками в ячейках",
                  fname, "ru", defects, lookalikes, b.columns)
    return len(defects), len(lookalikes), len(b.columns)


# ---------------------------------------------------------------------------
# MAP 2 — Fieldwise (B2B SaaS) GTM cadences
# ---------------------------------------------------------------------------
def build_map2(folder: Path):
    b = Book()
    fname = "Fieldwise_GTM_cadence_map_FY27.xlsx"

    b.cover("READ ME", "Fieldwise — GTM cadence & lifecycle map", [
        ("Document", "Sales, onboarding and lifecycle sequences (Outreach / HubSpot / Intercom)", "ignore", None),
        ("Maintained by", "Jordan Ellis (RevOps)", "owner", None),
        ("Last full review", date(2026, 10, 5), "last_reviewed", "YYYY-MM-DD"),
        ("Version", "v3.2", "ignore", None),
        ("How to read", "Overview = one row per sequence. Cadences = the same sequences laid out by day; "
                        "each cell is one touch. '(if no reply)' etc. means the step is skipped when the "
                        "condition is not met. Audience uses the IDs on 'Personas & Segments'.", "ignore", None),
        ("Change log", "v3.2 – added PQL sales-assist + webinar follow-up; v3.1 – Intercom onboarding", "ignore", None),
    ], head_fill="2F5597")

    ov_cols = [
        ("Seq ID", "scenario", 8), ("Sequence", "scenario_name", 30), ("Audience / persona", "segments", 22),
        ("Funnel stage", "stage", 13), ("Entry trigger", "trigger", 24), ("Exit on", "stop_event", 34),
        ("Goal", "goal", 26), ("Success event", "goal_event", 26), ("Target KPI", "kpi", 22),
        ("Sent via", "system", 18), ("Owner", "owner", 20), ("Status", "status", 9),
        ("Last updated", "last_reviewed", 12), ("Notes", "ignore", 36),
    ]
    d = date
    ov_rows = [
        ["SEQ-01", "Inbound demo – SMB (SDR)", "LEAD-SMB", "MQL", "Demo requested",
         "Replied to sequence; Unsubscribed", "Book the demo", "Meeting booked", "Meeting rate ≥ 35%",
         "Outreach", "Priya Nair (SDR mgr)", "Active", d(2026, 9, 14), "SMB is low-touch: no calls"],
        ["SEQ-02", "Demo request – marketing follow-up", "LEAD-SMB", "MQL", "Demo requested",
         "Meeting booked; Unsubscribed", "Warm the lead up before the demo", "Meeting booked",
         "Demo show rate ≥ 80%", "HubSpot", "Lena Fischer (Demand Gen)", "Active", d(2026, 7, 22),
         "HubSpot workflow added by Demand Gen in July"],
        ["SEQ-03", "Inbound demo – Mid-market & Enterprise", "LEAD-MM", "MQL", "Demo requested",
         "Meeting booked; Replied to sequence; Unsubscribed", "Book a discovery call", "Meeting booked",
         "Meeting rate ≥ 50%", "Outreach", "Priya Nair (SDR mgr)", "Active", d(2026, 9, 14), ""],
        ["SEQ-04", "Content download nurture", "NEW-LEAD", "New lead", "Content downloaded",
         "Became MQL; Unsubscribed", "Convert to MQL", "Became MQL", "MQL rate ≥ 6%",
         "HubSpot", "Lena Fischer (Demand Gen)", "Active", d(2026, 8, 3), ""],
        ["SEQ-05", "Webinar follow-up", "WEB", "New lead", "Webinar attended",
         "Became MQL; Unsubscribed", "Convert attendees to MQL", "Became MQL", "MQL rate ≥ 15%",
         "HubSpot", "Lena Fischer (Demand Gen)", "Active", d(2026, 10, 20), "monthly product webinar"],
        ["SEQ-06", "Demo no-show recovery", "OPP", "Demo", "Meeting no-show",
         "Meeting booked; Unsubscribed", "Reschedule the demo", "Meeting booked", "Reschedule rate ≥ 40%",
         "Outreach", "Marcus Bell (AE lead)", "Active", d(2026, 9, 30), ""],
        ["SEQ-07", "Trial activation – self-serve", "TRIAL-SMB", "Trial / POC", "Trial started",
         "Trial activated (first job scheduled)", "Activate within 7 days",
         "Trial activated (first job scheduled)", "Activation ≥ 45%", "Intercom",
         "Sam Ortega (Growth PM)", "Active", d(2026, 10, 1), ""],
        ["SEQ-08", "POC kickoff – Enterprise", "POC accounts – Enterprise", "Trial / POC", "Trial started",
         "Opportunity closed-won; Opportunity closed-lost", "Run a successful POC",
         "Opportunity closed-won", "POC win rate ≥ 40%", "Outreach", "Marcus Bell (AE lead)", "Active",
         d(2026, 9, 30), "kickoff call is booked at signature of the POC form"],
        ["SEQ-09", "PQL – sales assist", "TRIAL-SMB", "Trial / POC", "Product-qualified (PQL)",
         "Meeting booked; Replied to sequence; Unsubscribed", "Book a pricing call", "Meeting booked",
         "PQL → meeting ≥ 25%", "Outreach", "Priya Nair (SDR mgr)", "Active", d(2026, 10, 12),
         "PQL = 20+ jobs scheduled in trial"],
        ["SEQ-10", "Closed-won welcome", "ONB", "Closed won", "Opportunity closed-won",
         "Kickoff completed; Unsubscribed", "Kickoff within 10 days", "Kickoff completed",
         "Median days to kickoff ≤ 10", "HubSpot", "Dana Whitfield (CS Ops)", "Active", d(2026, 8, 18), ""],
        ["SEQ-11", "Onboarding – SMB tech-touch", "ONB", "Onboarding", "Kickoff completed",
         "Onboarding completed", "Finish onboarding in 30 days", "Onboarding completed",
         "Onboarded in 30 days ≥ 70%", "Intercom + Outreach", "Dana Whitfield (CS Ops)", "Active",
         d(2026, 8, 18), "CSM call is an Outreach task"],
        ["SEQ-12", "Low-usage nudges", "CUST", "Adopted", "Low usage (no jobs 7 days)",
         "Job scheduled", "Get usage back", "Job scheduled", "Recovered in 14 days ≥ 50%",
         "Intercom", "Sam Ortega (Growth PM)", "Active", d(2026, 10, 1), ""],
        ["SEQ-13", "Renewal prep – Enterprise", "CUST-ENT", "Adopted", "Renewal due in 90 days",
         "QBR held; Unsubscribed", "Hold a QBR before renewal", "QBR held", "QBR coverage ≥ 90%",
         "Outreach", "Dana Whitfield (CS Ops)", "Active", d(2026, 8, 18), ""],
        ["SEQ-14", "Closed-lost nurture", "LOST", "Closed lost", "Opportunity closed-lost",
         "Became MQL; Unsubscribed", "Recycle to MQL", "Became MQL", "Recycle rate ≥ 8%",
         "HubSpot", "Lena Fischer (Demand Gen)", "Active", d(2026, 3, 2), ""],
        ["SEQ-15", "Churned win-back", "CHURN", "Win-back", "Subscription cancelled",
         "Meeting booked; Unsubscribed", "Win the account back", "Meeting booked", "Win-back rate ≥ 5%",
         "HubSpot", "Lena Fischer (Demand Gen)", "Active", d(2026, 6, 25), ""],
    ]
    b.table("Overview", ov_cols, ov_rows, title="Sequence overview", date_fmt="YYYY-MM-DD")

    days = ["Day 0", "Day 1", "Day 2", "Day 3", "Day 5", "Day 7", "Day 9", "Day 14", "Day 21", "Day 30"]
    cad_cols = [("Seq ID", "scenario", 8), ("Sequence", "scenario_name", 28)]
    cad_cols += [(dname, "timing", 24) for dname in days]
    cad_cols += [("Notes", "ignore", 30)]

    def cad(seq, name, touches, note=""):
        row = [seq, name] + [""] * len(days) + [note]
        for dname, text in touches.items():
            row[2 + days.index(dname)] = text
        return row

    cad_rows = [
        cad("SEQ-01", "Inbound demo – SMB (SDR)", {
            "Day 0": "Email #1 – thanks for the request + 2 time slots",
            "Day 3": "LinkedIn touch – connect request",
            "Day 7": "Email #2 – case study (if no reply)"}),
        cad("SEQ-02", "Demo request – marketing follow-up", {
            "Day 0": "Email – what to expect on your demo + 3-min product video"}),
        cad("SEQ-03", "Inbound demo – Mid-market & Enterprise", {
            "Day 0": "Email #1 – personalised intro, AE cc'd",
            "Day 1": "Call – SDR (if no reply)",
            "Day 3": "LinkedIn touch",
            "Day 5": "Email #2 – case study (if no reply)",
            "Day 9": "Email #3 – break-up (if no reply)"}),
        cad("SEQ-04", "Content download nurture", {
            "Day 0": "Email – asset delivery",
            "Day 3": "Email – related blog post",
            "Day 7": "Email – soft CTA: book a demo (if not MQL)"}),
        cad("SEQ-05", "Webinar follow-up", {
            "Day 0": "Email – recording + slides",
            "Day 2": "Email – Q&A round-up + demo CTA"}),
        cad("SEQ-06", "Demo no-show recovery", {
            "Day 0": "Call – AE (within 15 min of the no-show)",
            "Day 1": "Email – reschedule link (if call not connected)",
            "Day 3": "Email – 'still want to see it?' (if not rescheduled)"}),
        cad("SEQ-07", "Trial activation – self-serve", {
            "Day 0": "In-app – welcome checklist",
            "Day 2": "In-app – 'schedule your first job' (if not activated)",
            "Day 5": "In-app – invite your technicians"}),
        cad("SEQ-08", "POC kickoff – Enterprise", {
            "Day 0": "Call – AE kickoff (POC scope)",
            "Day 1": "Email – recap + POC success plan",
            "Day 7": "Email – week-1 usage check-in"}),
        cad("SEQ-09", "PQL – sales assist", {
            "Day 0": "Email #1 – usage-based opener (AE)",
            "Day 2": "LinkedIn touch",
            "Day 5": "Email #2 – team pricing (if no reply)"}),
        cad("SEQ-10", "Closed-won welcome", {
            "Day 0": "Email – welcome from the CEO + kickoff booking link",
            "Day 2": "Email – meet your CSM + what to prepare"}),
        cad("SEQ-11", "Onboarding – SMB tech-touch", {
            "Day 0": "In-app – onboarding checklist",
            "Day 3": "Call – CSM (if checklist not opened)",
            "Day 7": "In-app – invite your dispatchers"}),
        cad("SEQ-12", "Low-usage nudges", {
            "Day 0": "In-app – 'Need a hand?' + help centre",
            "Day 3": "In-app – 2-min tips video (if no job scheduled)",
            "Day 7": "In-app – book a session with your CSM"}),
        cad("SEQ-13", "Renewal prep – Enterprise", {
            "Day 0": "Email – QBR invite from CSM",
            "Day 3": "Call – CSM (if no reply)",
            "Day 9": "Email #2 – renewal summary & usage report"}),
        cad("SEQ-14", "Closed-lost nurture", {
            "Day 14": "Email – what we shipped since you looked",
            "Day 30": "Email – customer story from your industry"}),
        cad("SEQ-15", "Churned win-back", {
            "Day 7": "Email – sorry to see you go + 3-question survey",
            "Day 21": "Email – what's new + comeback offer",
            "Day 30": "Email – book 15 min with a CSM"}),
    ]
    ws = b.table("Cadences", cad_cols, cad_rows,
                 title="FY27 H1 cadences — one row per sequence, touches by day",
                 subtitle="Email = Outreach for SDR/AE/CSM sequences, HubSpot for marketing ones (see 'Sent via' on "
                          "Overview) • Call = Outreach dialer • LinkedIn touch = manual Outreach task • In-app = Intercom",
                 head_fill="FCE4D6")
    ch_fill = {"Email": "DDEBF7", "Call": "F8CBAD", "LinkedIn": "D9D2E9", "In-app": "E2EFDA"}
    for row in ws.iter_rows(min_row=4, min_col=3, max_col=2 + len(days)):
        for c in row:
            if isinstance(c.value, str):
                for k, v in ch_fill.items():
                    if c.value.startswith(k):
                        c.fill = fill(v)

    seg_cols = [
        ("Segment ID", "id", 12), ("Segment / persona", "name", 36), ("Parent", "parent", 9),
        ("Who's in it", "ignore", 44), ("# contacts", "size", 11), ("Tier", "tier", 10),
        ("Do not contact", "excluded", 13), ("Notes", "ignore", 30),
    ]
    seg_rows = [
        ["NEW-LEAD", "New leads (content / webinar, not MQL)", "", "lifecycle = lead, any company size", 4800, "Standard", "No", ""],
        ["WEB", "Webinar attendees (last 30 days)", "", "attended live or on-demand", 380, "Standard", "No", ""],
        ["LEAD-SMB", "Inbound leads – SMB", "", "demo request, 10–50 technicians", 2600, "Standard", "No", "Ops / owner-operator persona"],
        ["LEAD-MM", "Inbound leads – Mid-market & Enterprise", "", "demo request, 50+ technicians", 740, "High", "No", "VP Ops / Head of Service persona"],
        ["OPP", "Open opportunities", "", "open opp in Salesforce, demo stage", 380, "High", "No", ""],
        ["TRIAL-SMB", "Trial users – SMB self-serve", "", "14-day self-serve trial", 1100, "Standard", "No", ""],
        ["POC-ENT", "POC accounts – Enterprise", "", "paid or free POC, 250+ technicians", 45, "High", "No", ""],
        ["ONB", "New customers – first 90 days", "", "closed-won < 90 days", 260, "Standard", "No", ""],
        ["CUST", "Customers (all)", "", "active subscription", 2200, "Standard", "No", ""],
        ["CUST-SMB", "Customers – SMB", "CUST", "active subscription, < 50 technicians", 1520, "Standard", "No", ""],
        ["CUST-ENT", "Customers – Enterprise", "CUST", "active subscription, 250+ technicians", 250, "High", "No", "named CSM"],
        ["LOST", "Closed-lost (last 12 months)", "", "opp closed-lost in last 12 months", 1350, "Standard", "No", ""],
        ["CHURN", "Churned customers", "", "subscription cancelled", 290, "Standard", "No", ""],
        ["DNC", "Do not contact (opt-out / legal hold)", "", "GDPR opt-out, legal hold, competitors", 520, "—", "Yes", "never sequence"],
    ]
    b.table("Personas & Segments", seg_cols, seg_rows)

    st_cols = [
        ("Stage #", "id", 8), ("Stage", "name", 16), ("Entry criteria", "ignore", 42),
        ("Next stage(s)", "next", 26), ("Final?", "final", 8), ("Notes", "ignore", 40),
    ]
    st_rows = [
        [1, "New lead", "known contact, not yet qualified", "MQL", "No", ""],
        [2, "MQL", "score ≥ 60 or demo request", "Demo", "No", ""],
        [3, "Demo", "meeting booked with AE", "Trial / POC", "No", ""],
        [4, "Trial / POC", "self-serve trial or enterprise POC", "Closed won, Closed lost", "No", ""],
        [5, "Closed won", "opportunity closed-won", "Onboarding", "No", ""],
        [6, "Onboarding", "kickoff done, first 30 days", "Adopted", "No", ""],
        [7, "Adopted", "onboarding completed, weekly active", "Expansion", "No", ""],
        [8, "Expansion", "upsell / more seats", "", "Yes", "expansion plays owned by AMs"],
        [9, "Closed lost", "opportunity closed-lost", "MQL", "No", "recycled via nurture"],
        [10, "Win-back", "churned account re-engaged", "Demo", "No", "churned customers"],
    ]
    b.table("Funnel", st_cols, st_rows, title="Funnel stages", freeze=False)

    ev_cols = [
        ("Event key", "id", 18), ("Event name", "name", 34), ("Source system", "source", 14),
        ("Tracked?", "tracked", 9), ("Notes", "ignore", 44),
    ]
    ev_rows = [
        ["content_downloaded", "Content downloaded", "HubSpot", "Yes", "gated ebook / template forms"],
        ["demo_requested", "Demo requested", "HubSpot", "Yes", "website demo form"],
        ["became_mql", "Became MQL", "HubSpot", "Yes", "lifecycle stage change"],
        ["meeting_booked", "Meeting booked", "Salesforce", "Yes", "Chili Piper → Salesforce event"],
        ["meeting_no_show", "Meeting no-show", "Salesforce", "Yes", "AE marks the event as no-show"],
        ["sequence_replied", "Replied to sequence", "Outreach", "Yes", ""],
        ["unsubscribed", "Unsubscribed", "HubSpot", "Yes", "global opt-out, synced to Outreach"],
        ["trial_started", "Trial started", "Salesforce", "Yes", "signup creates the trial record in Salesforce"],
        ["trial_activated", "Trial activated (first job scheduled)", "Mixpanel", "Yes", ""],
        ["pql", "Product-qualified (PQL)", "Mixpanel", "Yes", "20+ jobs scheduled during trial"],
        ["opp_won", "Opportunity closed-won", "Salesforce", "Yes", ""],
        ["opp_lost", "Opportunity closed-lost", "Salesforce", "Yes", ""],
        ["kickoff_completed", "Kickoff completed", "Salesforce", "Yes", "CSM logs the kickoff"],
        ["onboarding_completed", "Onboarding completed", "Salesforce", "Yes", ""],
        ["low_usage_7d", "Low usage (no jobs 7 days)", "Mixpanel", "Yes", ""],
        ["job_scheduled", "Job scheduled", "Mixpanel", "Yes", ""],
        ["renewal_due_90", "Renewal due in 90 days", "Salesforce", "Yes", ""],
        ["qbr_held", "QBR held", "Salesforce", "Yes", ""],
        ["subscription_cancelled", "Subscription cancelled", "Salesforce", "Yes", "billing sync"],
        ["nps_submitted", "NPS submitted", "Intercom", "No", "planned Q1 FY27, not wired yet"],
    ]
    b.table("Events", ev_cols, ev_rows, title="Tracked events (tracking plan extract)", freeze=False)

    tool_cols = [
        ("Tool", "id", 12), ("Role", "kind", 40), ("Channels", "channel", 30),
        ("Receives data from", "receives", 26), ("Pushes data to", "sends_to", 28),
        ("Admin", "ignore", 16), ("Notes", "ignore", 40),
    ]
    tool_rows = [
        ["Salesforce", "CRM – system of record", "—", "HubSpot, Outreach", "HubSpot, Outreach, Intercom",
         "RevOps", ""],
        ["HubSpot", "Marketing automation / ESP (workflows)", "Email (marketing)", "Salesforce",
         "Salesforce, Outreach", "Demand Gen", "bi-directional SFDC sync"],
        ["Outreach", "Sales engagement – sequences, orchestrates multi-step cadences",
         "Email (1:1), Call (dialer), LinkedIn (manual task)", "Salesforce, HubSpot", "Salesforce",
         "Sales Ops", "replies and call outcomes logged to SFDC"],
        ["Mixpanel", "Product analytics", "—", "—", "Intercom", "Growth", "cohort sync to Intercom only"],
        ["Intercom", "In-app messaging", "In-app message", "Mixpanel, Salesforce", "—", "Growth",
         "message stats stay in Intercom"],
    ]
    b.table("Tools", tool_cols, tool_rows, title="Tools & integrations", freeze=False)

    b.wb.save(folder / fname)

    defects = [
        ("COV002", "Expansion",
         "Funnel row 8 «Expansion» is a stage, but no Overview row has Funnel stage = Expansion "
         "(the note just says 'expansion plays owned by AMs')."),
        ("FLOW002", "Win-back",
         "Funnel row 10 «Win-back» appears in no stage's «Next stage(s)». «Adopted» leads only to "
         "Expansion and «Closed lost» only to MQL, so Win-back cannot be reached from «New lead»."),
        ("FLOW004", "SEQ-01",
         "SEQ-01's «Success event» is «Meeting booked», but «Exit on» = «Replied to sequence; Unsubscribed». "
         "A prospect who books through the link without replying still gets Email #2 and the LinkedIn touch."),
        ("TRK001", "Webinar attended",
         "SEQ-05 «Entry trigger» = «Webinar attended», and the Events sheet has no such event "
         "(neither key nor name)."),
        ("TRK003", "SEQ-09",
         "SEQ-09 is triggered by «Product-qualified (PQL)», whose source is Mixpanel. Its first step "
         "(Day 0 email) is sent by Outreach ('Sent via'). On Tools, Outreach receives only from "
         "Salesforce and HubSpot, Mixpanel pushes only to Intercom, and Intercom pushes nowhere."),
        ("INT002", "SEQ-11",
         "SEQ-11 Day 3 «Call – CSM (if checklist not opened)» is an Outreach call that depends on the open "
         "status of the Day 0 in-app message sent by Intercom. Tools: Intercom «Pushes data to» = — "
         "(notes: 'message stats stay in Intercom'), so no integration path gets that feedback to Outreach."),
        ("COST001", "SEQ-06",
         "SEQ-06 opens with «Call – AE» on Day 0, then Day 1 «Email – reschedule link (if call not "
         "connected)». That fallback to the cheaper email depends on the call's own outcome."),
        ("FREQ002", "SEQ-02",
         "SEQ-01 and SEQ-02 are both Active, both have «Entry trigger» = «Demo requested» and both target "
         "LEAD-SMB (Outreach SDR sequence and HubSpot workflow)."),
        ("GOV002", "SEQ-14",
         "SEQ-14 «Last updated» = 2026-03-02. That is more than 6 months before the audit date 2026-11-29; "
         "all other sequences were updated in June 2026 or later."),
    ]
    lookalikes = [
        ("COV001", "CUST-SMB",
         "CUST-SMB «Customers – SMB» is in no Audience cell, but its «Parent» is CUST, and SEQ-12 "
         "targets CUST. It is therefore covered through its parent."),
        ("FREQ002", "SEQ-08",
         "SEQ-07 and SEQ-08 both start on «Trial started», but for different segments (TRIAL-SMB vs "
         "POC-ENT «POC accounts – Enterprise»), so they are not a duplicate trigger."),
        ("COST001", "SEQ-08",
         "SEQ-08 starts with «Call – AE kickoff», but the Day 1 and Day 7 emails are unconditional follow-ups "
         "and do not depend on the call's outcome. There is no expensive-first fallback."),
        ("TRK003", "SEQ-12",
         "SEQ-12 is triggered by a Mixpanel event («Low usage (no jobs 7 days)»), like SEQ-09. Its "
         "steps are Intercom in-app messages, and Intercom receives from Mixpanel (Tools), so the source "
         "is connected."),
    ]
    write_answers(folder / "answers.toml",
                  "Fieldwise (B2B SaaS): sequence overview + Day-N cadence grid",
                  fname, "en", defects, lookalikes, b.columns)
    return len(defects), len(lookalikes), len(b.columns)


def main():
    out = {}
    for sub, fn in (("map1_puls_fitness", build_map1), ("map2_fieldwise_saas", build_map2)):
        folder = HERE / sub
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        out[sub] = fn(folder)
    for k, (nd, nl, nc) in out.items():
        print(f"{k}: {nd} defects, {nl} look-alikes, {nc} columns")


if __name__ == "__main__":
    main()
