#!/usr/bin/env python3
"""Generator for tests/corpus13: three client-style communication maps with
planted defects, look-alikes and an answer key per map.

Run from the repository root:  python tests/corpus13/build.py

Every map is described once, as data, in this file.  The same data is
(1) rendered into the client's own layout (xlsx or a folder of CSV tabs) and
(2) normalised into a tiny model that `selfcheck()` audits with a hand-written
reading of the rule table (SPEC section 3 only).  The build fails when the
self-check finds anything other than exactly the planted defects, or flags a
look-alike, so an accidental defect cannot slip into the corpus.
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 29)
CUTOFF = dt.date(2026, 5, 29)  # six calendar months before TODAY

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
PHASE_FILL = PatternFill("solid", fgColor="FCE4D6")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
class Key:
    """Collects the answer-key [[column]] entries while tables are written."""

    def __init__(self):
        self.columns: list[tuple[str, str, str]] = []

    def add(self, sheet, header, field):
        self.columns.append((sheet, header, field))


def toml_str(s: str) -> str:
    s = s.replace("\\", "\\\\").replace('"', '\\"')
    s = s.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return f'"{s}"'


def write_answers(folder: Path, title, map_name, lang, defects, lookalikes, key: Key):
    out = [
        f"title = {toml_str(title)}",
        f"map = {toml_str(map_name)}",
        f"lang = {toml_str(lang)}",
        f'today = "{TODAY.isoformat()}"',
        "",
    ]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                f"why = {toml_str(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                f"why = {toml_str(why)}", ""]
    for sheet, header, field in key.columns:
        out += ["[[column]]", f"sheet = {toml_str(sheet)}", f"header = {toml_str(header)}",
                f"field = {toml_str(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def header_row(ws, row, col, headers, key: Key, sheet, fields, fill=HEAD_FILL):
    assert len(headers) == len(fields), (sheet, headers)
    for i, (h, f) in enumerate(zip(headers, fields)):
        c = ws.cell(row=row, column=col + i, value=h)
        c.font = BOLD
        c.fill = fill
        c.alignment = WRAP
        c.border = BOX
        key.add(sheet, h, f)


def widths(ws, ws_widths):
    from openpyxl.utils import get_column_letter
    for i, w in enumerate(ws_widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def parse_size(s) -> int:
    if isinstance(s, int):
        return s
    return int(str(s).replace(" ", "").replace("\u00a0", "").replace(",", ""))


# ==========================================================================
# Self-check: my own reading of the rule table, on a normalised model
# ==========================================================================
CAPS = {"email": 3, "sms": 2, "push": 5, "messenger": 3, "call": 1}
TOTAL_CAP = 10
COST = {"push": 0, "email": 1, "messenger": 2, "sms": 3, "call": 4}
REPORTS = {  # feedback each channel kind can report
    "email": {"delivered", "opened", "clicked"},
    "push": {"delivered", "opened", "clicked"},
    "sms": {"delivered", "clicked"},
    "messenger": {"delivered", "read", "clicked"},
    "call": {"answered"},
}
MARKETING = {"promo", "info", "content", "news"}


def selfcheck(m) -> set[tuple[str, str]]:
    """Return {(code, key)} of everything my reading of the rules flags."""
    found: set[tuple[str, str]] = set()
    segs = {s["id"]: s for s in m["segments"]}
    stages = {s["id"]: s for s in m["stages"]}
    chans = {c["id"]: c for c in m["channels"]}
    events = {e["id"]: e for e in m["events"]}
    systems = {s["id"]: s for s in m["systems"]}
    scen = m["scenarios"]

    # MAP002 duplicate ids
    for kind in ("segments", "stages", "channels", "events", "systems", "scenarios"):
        seen = set()
        for x in m[kind]:
            if x["id"] in seen:
                found.add(("MAP002", x["id"]))
            seen.add(x["id"])

    def chan_system(ch):
        return [s["id"] for s in m["systems"] if ch in s["channels"]]

    def ancestors(sid):
        out = []
        while sid in segs and segs[sid].get("parent"):
            sid = segs[sid]["parent"]
            out.append(sid)
        return out

    def descendants(sid):
        out = {sid}
        changed = True
        while changed:
            changed = False
            for s in m["segments"]:
                if s.get("parent") in out and s["id"] not in out:
                    out.add(s["id"])
                    changed = True
        return out

    def live(sc):
        return sc["status"] in ("active", "planned")

    # references
    for sc in scen:
        for sg in sc["segments"]:
            if sg not in segs:
                found.add(("MAP001", sg))
        if sc["stage"] and sc["stage"] not in stages:
            found.add(("MAP001", sc["stage"]))
        for ev in [sc["trigger"], sc["goal_event"], *sc["stop"]] + [
            st["cond"][1] for st in sc["steps"] if st.get("cond") and st["cond"][0] == "event"
        ]:
            if ev and ev not in events:
                found.add(("TRK001", ev))
            elif ev and not events[ev]["tracked"] and ev != sc["goal_event"]:
                found.add(("TRK002", sc["id"]))
        for st in sc["steps"]:
            if st.get("channel") and st["channel"] not in chans:
                found.add(("MAP001", st["channel"]))
        # MAP004 required
        if sc["kind"] == "trigger" and not sc["trigger"]:
            found.add(("MAP004", sc["id"]))
        if sc["kind"] == "regular" and not sc.get("schedule"):
            found.add(("MAP004", sc["id"]))
        if not [st for st in sc["steps"] if st.get("channel")]:
            found.add(("MAP005", sc["id"]))
        # content
        if not sc["goal"]:
            found.add(("CNT001", sc["id"]))
        if not sc["kpi"]:
            found.add(("CNT003", sc["id"]))
        if sc["status"] == "active" and not sc["owner"]:
            found.add(("GOV003", sc["id"]))
        if sc["reviewed"] < CUTOFF:
            found.add(("GOV002", sc["id"]))
        for st in sc["steps"]:
            if st.get("channel") and not st.get("message"):
                found.add(("CNT004", st["id"]))
        # goal
        if sc["status"] == "active":
            ge = sc["goal_event"]
            if not ge or (ge in events and not events[ge]["tracked"]):
                found.add(("TRK004", sc["id"]))
        if sc["goal_event"] and sc["goal_event"] not in sc["stop"]:
            found.add(("FLOW004", sc["id"]))

    # stages
    for st in m["stages"]:
        for n in st["next"]:
            if n not in stages:
                found.add(("MAP001", n))
        if not st["final"] and not st["next"]:
            found.add(("FLOW001", st["id"]))
    if m["stages"]:
        first = m["stages"][0]["id"]
        seen, todo = {first}, [first]
        while todo:
            for n in stages[todo.pop()]["next"]:
                if n in stages and n not in seen:
                    seen.add(n)
                    todo.append(n)
        for st in m["stages"]:
            if st["id"] not in seen:
                found.add(("FLOW002", st["id"]))
        for st in m["stages"]:
            if not any(sc["stage"] == st["id"] and live(sc) for sc in scen):
                found.add(("COV002", st["id"]))

    # coverage of segments
    for s in m["segments"]:
        if s["excluded"]:
            continue
        reach = {s["id"], *ancestors(s["id"])}
        if not any(live(sc) and reach & set(sc["segments"]) for sc in scen):
            found.add(("COV001", s["id"]))

    # step graph per scenario: unreachable steps, loops
    for sc in scen:
        nodes = {st["id"]: st for st in sc["steps"]}
        if not nodes:
            continue
        first = sc["steps"][0]["id"]
        seen, todo = {first}, [first]
        while todo:
            for n in nodes[todo.pop()]["next"]:
                if n not in nodes:
                    found.add(("MAP001", n))
                elif n not in seen:
                    seen.add(n)
                    todo.append(n)
        for sid in nodes:
            if sid not in seen:
                found.add(("FLOW005", sid))
        # cycles (DFS)
        color = {}

        def dfs(u, path):
            color[u] = 1
            for v in nodes[u]["next"]:
                if v not in nodes:
                    continue
                if color.get(v) == 1:
                    cyc = path[path.index(v):] + [u] if v in path else [u, v]
                    bounded = any(nodes[x].get("bound") for x in cyc)
                    if not sc["stop"] and not bounded:
                        found.add(("FLOW003", sc["id"]))
                elif not color.get(v):
                    dfs(v, path + [u])
            color[u] = 2

        dfs(first, [])

    # channels
    used = {st["channel"] for sc in scen for st in sc["steps"] if st.get("channel")}
    for c in m["channels"]:
        if c["id"] not in used:
            found.add(("COV004", c["id"]))
        if not chan_system(c["id"]) and m["systems"]:
            found.add(("INT001", c["id"]))

    # events used
    usedev = set()
    for sc in scen:
        usedev |= {sc["trigger"], sc["goal_event"], *sc["stop"]}
        usedev |= {st["cond"][1] for st in sc["steps"] if st.get("cond") and st["cond"][0] == "event"}
    for e in m["events"]:
        if e["tracked"] and e["id"] not in usedev:
            found.add(("TRK005", e["id"]))

    # integrations, sources
    def path(a, b):
        seen, todo = {a}, [a]
        while todo:
            u = todo.pop()
            for v in systems.get(u, {}).get("sends_to", []):
                if v == b:
                    return True
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
        return False

    def receives(sysid, src):
        return src in systems[sysid]["receives"]

    if m["systems"]:
        for sc in scen:
            msteps = [st for st in sc["steps"] if st.get("channel")]
            if not msteps:
                continue
            if sc["trigger"] in events:
                src = events[sc["trigger"]]["source"]
                if not any(receives(s, src) for s in chan_system(msteps[0]["channel"])):
                    found.add(("TRK003", sc["id"]))
            for ev in sc["stop"]:
                if ev in events:
                    for st in msteps:
                        if not any(receives(s, events[ev]["source"]) for s in chan_system(st["channel"])):
                            found.add(("TRK003", sc["id"]))
            for st in msteps:
                c = st.get("cond")
                if c and c[0] == "event" and c[1] in events:
                    if not any(receives(s, events[c[1]]["source"]) for s in chan_system(st["channel"])):
                        found.add(("TRK003", sc["id"]))
                if c and c[0] == "fb":
                    ref = next(x for x in sc["steps"] if x["id"] == c[1])
                    rk, k = chans[ref["channel"]]["kind"], chans[st["channel"]]["kind"]
                    if c[2] not in REPORTS[rk]:
                        found.add(("INT003", sc["id"]))
                    a = chan_system(ref["channel"])[0]
                    b = chan_system(st["channel"])[0]
                    if a == b:
                        if not systems[a].get("orchestrates"):
                            found.add(("INT002", sc["id"]))
                    elif not path(a, b):
                        found.add(("INT002", sc["id"]))
                    if rk in ("sms", "call") and COST[k] < COST[rk]:
                        found.add(("COST001", sc["id"]))

    # calls for mass segments
    for sc in scen:
        for st in sc["steps"]:
            if st.get("channel") and chans[st["channel"]]["kind"] == "call":
                for sg in sc["segments"]:
                    if sg in segs and segs[sg]["size"] > 1000 and segs[sg]["tier"] not in ("vip", "high"):
                        found.add(("COST002", sc["id"]))

    # excluded segments reached by marketing
    for sc in scen:
        reach = set()
        for sg in sc["segments"]:
            if sg in segs:
                reach |= descendants(sg)
        for sg in reach:
            if segs[sg]["excluded"]:
                for st in sc["steps"]:
                    if st.get("channel") and st.get("mtype") in MARKETING:
                        found.add(("COV003", sc["id"]))

    # pressure, promo share, duplicate triggers
    m["_pressure"] = {}
    for s in m["segments"]:
        reach = {s["id"], *ancestors(s["id"])}
        per = {}
        steps_all = []
        for sc in scen:
            if not reach & set(sc["segments"]):
                continue
            for st in sc["steps"]:
                if not st.get("channel"):
                    continue
                if live(sc):
                    steps_all.append(st)
                if sc["status"] == "active":
                    k = chans[st["channel"]]["kind"]
                    per[k] = per.get(k, 0) + (sc.get("per_week") or 1)
        m["_pressure"][s["id"]] = (per, sum(per.values()),
                                   sum(1 for x in steps_all if x.get("mtype") == "promo"), len(steps_all))
        if s["excluded"]:
            continue
        if any(v > CAPS[k] for k, v in per.items()) or sum(per.values()) > TOTAL_CAP:
            found.add(("FREQ001", s["id"]))
        promo = sum(1 for x in steps_all if x.get("mtype") == "promo")
        if steps_all and promo / len(steps_all) > 0.6:
            found.add(("CNT002", s["id"]))
    act = [sc for sc in scen if sc["status"] == "active" and sc["kind"] != "regular" and sc["trigger"]]
    for i, a in enumerate(act):
        for b in act[i + 1:]:
            if a["trigger"] != b["trigger"]:
                continue
            ra = set().union(*[descendants(x) for x in a["segments"] if x in segs])
            rb = set().union(*[descendants(x) for x in b["segments"] if x in segs])
            if ra & rb:
                found.add(("FREQ002", b["id"]))

    if m["map_reviewed"] < CUTOFF:
        found.add(("GOV001", m["map_reviewed"].isoformat()))
    return found


def verify(name, model, defects, lookalikes):
    got = selfcheck(model)
    want = {(c, k) for c, k, _ in defects}
    print(f"--- self-check {name}")
    for sid, (per, tot, promo, n) in model["_pressure"].items():
        print(f"    {sid:42s} per week {per} total={tot}  promo {promo}/{n}")
    extra, missing = got - want, want - got
    for c, k, _ in lookalikes:
        if (c, k) in got:
            print(f"    LOOK-ALIKE FLAGGED: {c} {k}")
            extra.add((c, k))
    if extra or missing:
        print("    unexpected:", sorted(extra))
        print("    missing:   ", sorted(missing))
        raise SystemExit(f"self-check failed for {name}")
    print(f"    ok: exactly the {len(want)} planted defects, {len(lookalikes)} look-alikes clean")


def d(s: str) -> dt.date:
    """Parse the dates as they are written in the maps (for the model only)."""
    s = s.strip()
    if "-" in s:
        return dt.date.fromisoformat(s)
    if "/" in s:  # US M/D/YYYY
        mo, da, yr = s.split("/")
        return dt.date(int(yr), int(mo), int(da))
    da, mo, yr = s.split(".")
    return dt.date(int(yr), int(mo), int(da))


# ==========================================================================
# MAP 1 — cjm_grid_ru: bank credit card, CJM grid after a strategy session
# ==========================================================================
M1_DIR = "cjm_grid_ru"
M1_FILE = "Карта_коммуникаций_КК_Горизонт_v3.4.xlsx"

M1_SEGMENTS = [
    # code, name, criterion, size, tier, stop-list, comment
    ("SG01", "Заявители (начали анкету)", "Начали онлайн-анкету на КК, заявка не отправлена, 0–14 дней", "18 400", "массовый", "нет", ""),
    ("SG02", "Одобренные, карта не выдана", "Решение «одобрено», карта ещё не у клиента", "6 200", "массовый", "нет", ""),
    ("SG03", "Новые держатели (0–30 дней)", "Карта выдана не более 30 дней назад", "9 800", "массовый", "нет", "через 30 дней переходят в «Активные» или «Спящие»"),
    ("SG04", "Активные держатели", "Есть операции за 60 дней; без Premium", 142000, "массовый", "нет", ""),
    ("SG05", "Premium-клиенты", "Пакет Premium, остатки от 3 млн ₽", 640, "VIP", "нет", "звонит только персональный менеджер"),
    ("SG06", "Спящие (нет операций 60+ дней)", "Карта активна, операций нет 60+ дней", "37 500", "массовый", "нет", ""),
    ("SG07", "Просрочка 1–30 дней", "Просрочен минимальный платёж, 1–30 дней", "4 100", "массовый", "да", "только сервисные сообщения — реклама запрещена политикой soft-взыскания"),
    ("SG08", "Отказ от рекламы", "Отозвали согласие на рекламу (38-ФЗ)", "21 300", "массовый", "да", "только сервисные"),
    ("SG09", "Закрывают карту (оборот от 50 тыс./мес)", "Подали заявление на закрытие, средний оборот ≥ 50 тыс. ₽ в месяц", 870, "высокая", "нет", "остальных закрываем без удержания"),
]

M1_STAGES = [
    # code, name, phase, client goal, touchpoints, when, metric, next, final, barriers, comment
    ("Э1", "Интерес", "ПРИВЛЕЧЕНИЕ", "Понять, подходит ли карта: льготный период, кэшбэк, стоимость обслуживания",
     "медийка, Сравни.ру, лендинг КК", "", "CTR медийки, заходы на лендинг", "Э2", "нет",
     "«120 дней» звучит как ловушка", "CRM на этом этапе клиента не знает — только медийка"),
    ("Э2", "Заявка", "ПРИВЛЕЧЕНИЕ", "Быстро оформить заявку без визита в офис", "сайт, анкета, мобильное приложение",
     "через 1 час после брошенной анкеты; на следующий день — SMS", "конверсия анкета → заявка", "Э3", "нет",
     "длинная анкета, паспорт с телефона", ""),
    ("Э3", "Одобрение и выдача", "ПРИВЛЕЧЕНИЕ", "Получить карту удобно и быстро", "курьер, приложение, email",
     "сразу после одобрения; +3 дня", "срок от одобрения до выдачи", "Э4", "нет",
     "курьер не дозвонился", ""),
    ("Э4", "Активация", "ОНБОРДИНГ", "Разобраться, как пользоваться и не платить проценты", "курьер, приложение, email",
     "сразу после выдачи; D+2, D+5, D+10", "доля активаций за 14 дней", "Э5", "нет",
     "не понимает льготный период", ""),
    ("Э5", "Активное использование", "ЖИЗНЬ С КАРТОЙ", "Получать выгоду: кэшбэк, рассрочки, привилегии",
     "приложение, email, push, менеджер Premium",
     "ежедневно 12:30 (пуш дня); 1-го числа; по пятницам; в день выписки", "оборот по карте, доля активных",
     "Э6, Э7, Э8", "нет", "кэшбэк-категории надо выбирать каждый месяц", ""),
    ("Э6", "Просрочка", "ЖИЗНЬ С КАРТОЙ", "Вернуться в график без штрафов и звонков", "push, SMS",
     "сразу; +1 и +3 дня", "выход из просрочки за 7 дней", "", "нет",
     "стыдно, игнорирует", "куда клиент идёт после просрочки — не договорились, на сессии не было взыскания"),
    ("Э7", "Спящая карта", "ЖИЗНЬ С КАРТОЙ", "Карта есть, но платит другой", "SMS, email, push",
     "на 60-й день без операций; +2 и +5 дней", "реактивация за 30 дней", "Э5; Э8", "нет",
     "карта другого банка «по умолчанию» в телефоне", ""),
    ("Э8", "Закрытие карты", "ВЫХОД", "Закрыть карту без долгов и лишних звонков", "колл-центр, отделение",
     "сразу после заявления; +1 день — звонок", "доля удержанных", "—", "да",
     "навязчивое удержание", ""),
]

M1_EVENTS = [
    # code, name, how recorded, source, collected?, comment
    ("EV01", "Начал заполнять анкету", "первый шаг анкеты на сайте", "Сайт", "да", ""),
    ("EV02", "Заявка отправлена", "последний шаг анкеты", "Сайт", "да", ""),
    ("EV03", "Заявка одобрена", "статус заявки в АБС", "АБС", "да", ""),
    ("EV04", "Выбрана дата доставки", "форма выбора даты", "Сайт", "да", ""),
    ("EV05", "Карта выдана", "акт выдачи курьером", "АБС", "да", ""),
    ("EV06", "Карта активирована", "смена статуса карты", "АБС", "да", ""),
    ("EV07", "Операция по карте", "любая расходная операция, T+0", "АБС", "да", ""),
    ("EV08", "Выбраны категории кэшбэка", "экран кэшбэка в приложении", "Мобильное приложение", "да", ""),
    ("EV09", "Покупка от 30 000 ₽", "авторизация в процессинге, realtime", "Процессинг", "да",
     "в DWH есть, в маркетинговые системы процессинг пока не отдаём"),
    ("EV10", "Рассрочка оформлена", "договор рассрочки", "АБС", "да", ""),
    ("EV11", "Присвоен статус Premium", "смена пакета", "АБС", "да", ""),
    ("EV12", "Встреча с менеджером назначена", "карточка в Naumen", "Колл-центр", "да", ""),
    ("EV13", "Платёж просрочен", "ночной расчёт", "АБС", "да", ""),
    ("EV14", "Платёж поступил", "зачисление на карточный счёт", "АБС", "да", ""),
    ("EV15", "Нет операций 60 дней", "ночной расчёт", "АБС", "да", ""),
    ("EV16", "Заявление на закрытие карты", "обращение в КЦ / отделении", "Колл-центр", "да", ""),
    ("EV17", "Заявление на закрытие отозвано", "отметка оператора", "Колл-центр", "да", ""),
    ("EV18", "Активирован оффер партнёра", "кнопка «Активировать» в приложении", "Мобильное приложение", "да", ""),
]

M1_SYSTEMS = [
    # name, type, channels, receives, sends to, what, owner, comment
    ("CDP", "CDP / оркестратор цепочек", "", "Сайт; Мобильное приложение; АБС; Колл-центр",
     "Sendsay; SMS-шлюз; Push-сервис МБ; Naumen Contact Center",
     "сегменты, события, команды на отправку", "Д. Фомин (data)", "внутреннее имя «Меридиан 360»"),
    ("Sendsay", "ESP", "Email", "Сайт; Мобильное приложение; АБС; Колл-центр", "CDP",
     "открытия, клики, отписки", "И. Соколова", ""),
    ("SMS-шлюз", "SMS-агрегатор", "SMS", "Сайт; Мобильное приложение; АБС; Колл-центр", "CDP",
     "статусы доставки (DLR)", "И. Соколова", "прочтение SMS не отдаёт — только доставку"),
    ("Push-сервис МБ", "push-платформа мобильного банка", "Push", "Мобильное приложение; АБС; Колл-центр", "CDP",
     "доставка, открытия", "команда МБ", ""),
    ("Naumen Contact Center", "колл-центр", "Звонок", "Сайт; Мобильное приложение; АБС; Колл-центр", "CDP",
     "результаты звонков", "В. Рябов (КЦ)", "исходящие — только Premium и удержание"),
]

M1_CHANNELS = [
    ("Email", "email", "Sendsay", "не более 3 в неделю", "~0,15 ₽"),
    ("SMS", "SMS", "SMS-шлюз", "не более 2 в неделю", "~2,4 ₽ за сегмент"),
    ("Push", "push-уведомление", "Push-сервис МБ", "до 5 в неделю", "бесплатно"),
    ("Звонок", "звонок (исходящий)", "Naumen Contact Center", "1 в неделю", "~45 ₽ минута оператора"),
]

# scenario: id, name, type, stage name, segments, trigger event name, schedule,
# goal, goal event, stop, kpi, owner, status, reviewed, comment, steps
# step: (timing, condition text, cond model, channel, message, type)
M1_SCEN = [
    dict(id="SC01", name="Брошенная анкета на карту", kind="триггерный", stage="Заявка",
         segs=["Заявители (начали анкету)"], trigger="Начал заполнять анкету", schedule="",
         goal="Довести до отправки заявки", goal_event="Заявка отправлена", stop="Заявка отправлена",
         kpi="Конверсия анкета → заявка ≥ 12%", owner="Ирина Соколова (CRM)", status="работает",
         reviewed="16.10.2026", comment="",
         steps=[("через 1 час", "", None, "Email",
                 "Вы почти у цели: осталось 2 шага до карты «Горизонт 120»", "информационное"),
                ("на следующий день в 11:00", "если не открыл письмо", ("fb", 1, "opened"), "SMS",
                 "Меридиан: ваша анкета на карту «Горизонт 120» сохранена. Продолжить: mrdn.ru/a/q7",
                 "информационное")]),
    dict(id="SC02", name="Карта одобрена: выдача", kind="сервисный", stage="Одобрение и выдача",
         segs=["Одобренные, карта не выдана"], trigger="Заявка одобрена", schedule="",
         goal="Выдать карту", goal_event="Карта выдана", stop="Карта выдана",
         kpi="Выдача за ≤ 5 дней у 80%", owner="Алексей Громов (операционный блок)", status="работает",
         reviewed="14.02.2026", comment="тексты с весны не трогали",
         steps=[("сразу", "", None, "SMS",
                 "Меридиан: карта «Горизонт 120» одобрена! Лимит и дата доставки — в письме и в приложении",
                 "сервисное"),
                ("сразу", "", None, "Email", "Карта одобрена: выберите дату и адрес доставки", "сервисное"),
                ("через 3 дня", "если не выбрал дату доставки (нет события «Выбрана дата доставки»)",
                 ("event", "Выбрана дата доставки"), "SMS",
                 "Меридиан: карта ждёт вас. Выберите удобную дату доставки: mrdn.ru/d/5k", "сервисное")]),
    dict(id="SC03", name="Активация новой карты", kind="триггерный", stage="Активация",
         segs=["Новые держатели (0–30 дней)"], trigger="Карта выдана", schedule="",
         goal="Первая операция по карте", goal_event="Операция по карте", stop="Операция по карте",
         kpi="Активация за 14 дней ≥ 55%", owner="Ирина Соколова (CRM)", status="работает",
         reviewed=dt.date(2026, 9, 28), comment="",
         steps=[("сразу", "", None, "Email",
                 "Карта у вас — 3 шага, чтобы начать: активация, PIN-код, Mir Pay", "информационное"),
                ("через 2 дня", "если карта не активирована (нет события «Карта активирована»)", ("event", "Карта активирована"), "Push",
                 "Активируйте карту в приложении — это займёт минуту", "сервисное"),
                ("D+5", "", None, "Email", "120 дней без процентов: как это работает на самом деле",
                 "информационное"),
                ("D+10", "", None, "Email", "Кэшбэк 5% на всё в первый месяц — осталось 20 дней", "промо")]),
    dict(id="SC04", name="Кэшбэк-категории месяца", kind="регулярный", stage="Активное использование",
         segs=["Активные держатели", "Premium-клиенты", "Зарплатники"], trigger="",
         schedule="ежемесячно, 1-го числа в 10:00",
         goal="Клиент выбрал категории кэшбэка", goal_event="Выбраны категории кэшбэка",
         stop="Выбраны категории кэшбэка", kpi="≥ 45% выбрали категории до 5-го числа",
         owner="Павел Ким (продукт КК)", status="работает", reviewed="05.11.2026",
         comment="зарплатникам — после запуска зарплатного проекта",
         steps=[("1-го числа, 10:00", "", None, "Push",
                 "Выберите 3 категории кэшбэка на декабрь — до 15% в любимых местах", "информационное"),
                ("3-го числа, 19:00", "если не выбрал категории (нет «Выбраны категории кэшбэка»)", ("event", "Выбраны категории кэшбэка"), "Push",
                 "Категории кэшбэка ещё не выбраны — осталось 2 дня", "информационное")]),
    dict(id="SC05", name="Рассрочка на крупную покупку", kind="триггерный", stage="Активное использование",
         segs=["Активные держатели"], trigger="Покупка от 30 000 ₽", schedule="",
         goal="Оформление рассрочки", goal_event="Рассрочка оформлена", stop="Рассрочка оформлена",
         kpi="Конверсия в рассрочку 4%", owner="Павел Ким (продукт КК)", status="работает",
         reviewed="21.10.2026", comment="",
         steps=[("на следующий день в 10:00", "", None, "Email",
                 "Разбейте покупку на 6 платежей без переплаты", "промо"),
                ("через 2 дня", "если не оформил рассрочку (нет «Рассрочка оформлена»)", ("event", "Рассрочка оформлена"), "Push",
                 "Рассрочка на покупку от 30 000 ₽ — в 2 касания в приложении", "промо")]),
    dict(id="SC06", name="Приветствие Premium", kind="триггерный", stage="Активное использование",
         segs=["Premium-клиенты"], trigger="Присвоен статус Premium", schedule="",
         goal="Знакомство с персональным менеджером", goal_event="Встреча с менеджером назначена",
         stop="Встреча с менеджером назначена", kpi="Встреча назначена у 70%",
         owner="Ольга Берг (Premium)", status="работает", reviewed=dt.date(2026, 8, 12), comment="",
         steps=[("сразу", "", None, "Push",
                 "Добро пожаловать в Premium: консьерж, бизнес-залы и повышенный кэшбэк", "информационное"),
                ("через 1 день", "если не открыл push", ("fb", 1, "opened"), "Email",
                 "Ваш персональный менеджер — знакомьтесь", "информационное"),
                ("через 3 дня", "", None, "Звонок",
                 "Звонок персонального менеджера: знакомство, удобный формат связи, подбор привилегий",
                 "сервисное")]),
    dict(id="SC07", name="Напоминание о просроченном платеже", kind="сервисный", stage="Просрочка",
         segs=["Просрочка 1–30 дней"], trigger="Платёж просрочен", schedule="",
         goal="Погашение просрочки", goal_event="Платёж поступил", stop="Платёж поступил",
         kpi="Вышли из просрочки за 7 дней ≥ 60%", owner="Наталья Орлова (soft collection)",
         status="работает", reviewed="30.10.2026", comment="",
         steps=[("сразу", "", None, "Push",
                 "Минимальный платёж по карте *{last4} не поступил. Внесите {amount} ₽, чтобы сохранить льготный период",
                 "сервисное"),
                ("через 1 день", "если нет события «Платёж поступил»", ("event", "Платёж поступил"), "SMS",
                 "Меридиан: по карте *{last4} просрочен платёж {amount} ₽. Оплатить: mrdn.ru/pay", "сервисное"),
                ("через 3 дня", "если всё ещё нет «Платёж поступил»", ("event", "Платёж поступил"), "SMS",
                 "Меридиан: напоминаем о платеже {amount} ₽ по карте *{last4}. Вопросы: 8 800 555-01-20",
                 "сервисное")]),
    dict(id="SC08", name="Реактивация спящих", kind="триггерный", stage="Спящая карта",
         segs=["Спящие (нет операций 60+ дней)"], trigger="Нет операций 60 дней", schedule="",
         goal="Возобновление операций", goal_event="Операция по карте", stop="Операция по карте",
         kpi="Реактивация 9% за 30 дней", owner="Ирина Соколова (CRM)", status="работает",
         reviewed="07.10.2026", comment="SMS первой — «чтобы точно увидели»",
         steps=[("сразу, в 12:00", "", None, "SMS",
                 "Меридиан: 10% кэшбэка на всё до конца месяца — просто платите картой «Горизонт»", "промо"),
                ("через 2 дня", "если SMS не доставлено", ("fb", 1, "delivered"), "Email",
                 "Мы скучаем: 10% кэшбэка на всё до 31.12", "промо"),
                ("через 5 дней", "", None, "Push",
                 "Как пользоваться беспроцентным периодом и не платить проценты", "информационное")]),
    dict(id="SC09", name="Удержание при закрытии карты", kind="триггерный", stage="Закрытие карты",
         segs=["Закрывают карту (оборот от 50 тыс./мес)"], trigger="Заявление на закрытие карты", schedule="",
         goal="Клиент отозвал заявление", goal_event="Заявление на закрытие отозвано",
         stop="Заявление на закрытие отозвано", kpi="Удержано ≥ 25%",
         owner="Дмитрий Лебедев (отдел удержания)", status="работает", reviewed="02.06.2026", comment="",
         steps=[("сразу", "", None, "SMS",
                 "Меридиан: заявление на закрытие карты *{last4} принято. Закроем через 30 дней после погашения задолженности",
                 "сервисное"),
                ("через 1 день", "если не открыл SMS", ("fb", 1, "opened"), "Звонок",
                 "Звонок отдела удержания: узнать причину, предложить кэшбэк 7% на 3 месяца или снижение ставки",
                 "промо")]),
    dict(id="SC10", name="Предложение дня от партнёров", kind="регулярный", stage="Активное использование",
         segs=["Активные держатели"], trigger="", schedule="ежедневно в 12:30", per_week=7,
         goal="Активация партнёрских офферов", goal_event="Активирован оффер партнёра",
         stop="Активирован оффер партнёра", kpi="CTR push ≥ 3%", owner="Павел Ким (продукт КК)",
         status="активен", reviewed="19.11.2026", comment="запросил партнёрский отдел",
         steps=[("ежедневно, 12:30", "", None, "Push",
                 "Предложение дня: −20% в «Кофемании» при оплате «Горизонтом»", "промо")]),
    dict(id="SC11", name="Осенний кэшбэк-марафон", kind="регулярный", stage="Активное использование",
         segs=["Активные держатели", "Просрочка 1–30 дней"], trigger="",
         schedule="еженедельно по пятницам, 06.11–25.12",
         goal="Рост оборота по карте", goal_event="Операция по карте", stop="Операция по карте",
         kpi="+8% оборота к сентябрю", owner="Анна Веселова (маркетинг КК)", status="работает",
         reviewed="03.11.2026", comment="",
         steps=[("каждую пятницу в 9:00", "", None, "Email",
                 "Марафон недели: кэшбэк 7% на АЗС и такси — до воскресенья", "промо")]),
    dict(id="SC12", name="Выписка и дата платежа", kind="сервисный", stage="Активное использование",
         segs=["Активные держатели", "Premium-клиенты", "Спящие (нет операций 60+ дней)"], trigger="",
         schedule="ежемесячно, в день формирования выписки",
         goal="Платёж в срок", goal_event="Платёж поступил", stop="Платёж поступил",
         kpi="Платят в срок ≥ 92%", owner="Алексей Громов (операционный блок)", status="работает",
         reviewed=dt.date(2026, 9, 25), comment="",
         steps=[("в день выписки", "", None, "Email",
                 "Выписка за {месяц}: минимальный платёж {amount} ₽ до {date}", "сервисное"),
                ("за 3 дня до даты платежа", "если ещё не было «Платёж поступил»", ("event", "Платёж поступил"), "Push",
                 "Через 3 дня — дата платежа по карте. Минимальный платёж {amount} ₽", "сервисное")]),
]

M1_DEFECTS = [
    ("MAP001", "Зарплатники",
     "SC04 «Кэшбэк-категории месяца» targets the segment «Зарплатники», which is not on the «Сегменты» sheet."),
    ("COV002", "Э1",
     "Stage Э1 «Интерес» has no scenario at all: no chain on «Цепочки» names it and its «Коммуникации» cell is empty."),
    ("FLOW001", "Э6",
     "Stage Э6 «Просрочка» is not final («Финальный этап?» = нет) but its «Следующий этап» cell is empty: a customer who pays the debt has no way back."),
    ("COV003", "SC11",
     "SC11 «Осенний кэшбэк-марафон» sends a promo email to «Просрочка 1–30 дней», a segment marked «Стоп-лист: да»."),
    ("INT003", "SC09",
     "SC09 step 2 (call) is conditioned on «если не открыл SMS»; the SMS gateway reports delivery only, never opens."),
    ("COST001", "SC08",
     "SC08 starts with a promo SMS and falls back to a cheaper email «если SMS не доставлено» (SMS first, email as fallback)."),
    ("FREQ001", "SG04",
     "«Активные держатели» get the daily partner push (SC10, 7/week) plus SC04 (2), SC05 (1) and SC12 (1) pushes: 11 push per week > 5, 14 contacts in total > 10."),
    ("TRK003", "SC05",
     "SC05 is triggered by «Покупка от 30 000 ₽» whose source is «Процессинг»; its first step is an email from Sendsay, and no system on «Системы» receives Процессинг."),
    ("GOV002", "SC02",
     "SC02 «Карта одобрена: выдача» was last reviewed 14.02.2026, more than 6 months before 2026-11-29."),
]

M1_LOOKALIKES = [
    ("COST002", "SC06",
     "SC06 step 3 is a call, but its segment «Premium-клиенты» is 640 people and tier VIP: calls are allowed for VIP/high tiers and for segments up to 1,000."),
    ("COV003", "SC07",
     "SC07 messages the stop-listed «Просрочка 1–30 дней», but every step is «сервисное» (payment reminders); only promo/news/content to a stop list is a defect."),
    ("INT003", "SC06",
     "SC06 step 2 is conditioned on «если не открыл push»; push does report opens, so the condition is checkable."),
    ("GOV002", "SC09",
     "SC09 was reviewed 02.06.2026, just inside the six months before 2026-11-29 (cut-off 2026-05-29)."),
    ("FREQ001", "SG03",
     "«Новые держатели (0–30 дней)» get exactly 3 emails a week from SC03 (steps 1, 3, 4), equal to the email cap, not above it."),
]


def build_map1(root: Path):
    folder = root / M1_DIR
    folder.mkdir(parents=True)
    key = Key()
    wb = Workbook()

    # ---------------- CJM grid (facets as rows, stages as columns) ----------
    ws = wb.active
    ws.title = "CJM"
    ncol = 2 + len(M1_STAGES)
    ws.cell(row=1, column=1,
            value="Карта коммуникаций · Кредитная карта «Горизонт 120» · версия 3.4 от 09.11.2026").font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    for col, lab, val, fld in ((1, "Версия:", "3.4", "ignore"), (4, "Актуализирована:", "09.11.2026", "last_reviewed"),
                               (7, "Владелец карты:", "И. Соколова, CRM-команда розничного блока", "owner")):
        ws.cell(row=2, column=col, value=lab).font = BOLD
        ws.cell(row=2, column=col + 1 if col > 1 else 3, value=val)
        key.add("CJM", lab, fld)
    # phase row with merged cells
    r = 4
    ws.cell(row=r, column=1, value="Фаза").font = BOLD
    key.add("CJM", "Фаза", "ignore")
    col = 3
    phases = []
    for st in M1_STAGES:
        if phases and phases[-1][0] == st[2]:
            phases[-1][2] += 1
        else:
            phases.append([st[2], col, 1])
        col += 1
    for name, c0, n in phases:
        cell = ws.cell(row=r, column=c0, value=name)
        cell.font = BOLD
        cell.fill = PHASE_FILL
        cell.alignment = Alignment(horizontal="center")
        if n > 1:
            ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c0 + n - 1)

    by_stage = {}
    for sc in M1_SCEN:
        by_stage.setdefault(sc["stage"], []).append(sc)
    chan_sys = {c[0]: c[2] for c in M1_CHANNELS}

    def uniq(seq):
        out = []
        for x in seq:
            if x not in out:
                out.append(x)
        return out

    facets = [
        ("Код этапа", "id", lambda s: s[0]),
        ("Этап", "name", lambda s: s[1]),
        ("Цель клиента", "ignore", lambda s: s[3]),
        ("Точки контакта", "ignore", lambda s: s[4]),
        None,  # spacer row
        ("Коммуникации (сценарии)", "scenario",
         lambda s: "\n".join(f"{x['id']} {x['name']}" for x in by_stage.get(s[1], []))),
        ("Канал", "channel",
         lambda s: ", ".join(uniq(st[3] for x in by_stage.get(s[1], []) for st in x["steps"]))),
        ("Когда", "timing", lambda s: s[5]),
        ("Кто отправляет", "system",
         lambda s: ", ".join(uniq(chan_sys[st[3]] for x in by_stage.get(s[1], []) for st in x["steps"]))),
        ("Метрика этапа", "kpi", lambda s: s[6]),
        None,
        ("Следующий этап", "next", lambda s: s[7]),
        ("Финальный этап?", "final", lambda s: s[8]),
        ("Барьеры / боли клиента", "ignore", lambda s: s[9]),
        ("Комментарий с сессии", "ignore", lambda s: s[10]),
    ]
    r = 5
    for fac in facets:
        if fac is None:
            r += 1
            continue
        label, fld, fn = fac
        c = ws.cell(row=r, column=1, value=label)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = WRAP
        key.add("CJM", label, fld)
        for i, st in enumerate(M1_STAGES):
            v = fn(st)
            cell = ws.cell(row=r, column=3 + i, value=v if v != "" else None)
            cell.alignment = WRAP
            cell.border = BOX
        if label == "Точки контакта":  # Э3 and Э4 share touchpoints: merged
            ws.cell(row=r, column=6).value = None
            ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=6)
        r += 1
    widths(ws, [26, 2] + [30] * len(M1_STAGES))
    ws.freeze_panes = "C6"

    # ---------------- detailed chains -------------------------------------
    ws = wb.create_sheet("Цепочки")
    ws.cell(row=1, column=1,
            value="Детальные цепочки коммуникаций (по итогам сессии 21.10.2026, правки до 09.11.2026)").font = TITLE
    ws.merge_cells("A1:H1")
    heads = [("№", "scenario"), ("Сценарий", "scenario_name"), ("Тип", "kind"), ("Этап CJM", "stage"),
             ("Сегмент", "segments"), ("Событие-триггер", "trigger"), ("Расписание", "schedule"),
             ("Шаг", "step"), ("Задержка\n(от события или пред. шага)", "timing"), ("Условие", "condition"),
             ("Канал", "channel"), ("Текст / тема сообщения", "message"), ("Тип сообщения", "message_type"),
             ("Цель", "goal"), ("Целевое событие", "goal_event"), ("Стоп-событие\n(выход из цепочки)", "stop_event"),
             ("KPI", "kpi"), ("Ответственный", "owner"), ("Статус", "status"), ("Дата ревизии", "last_reviewed"),
             ("Комментарий", "ignore")]
    header_row(ws, 3, 1, [h for h, _ in heads], key, "Цепочки", [f for _, f in heads])
    scen_cols = {1: "id", 2: "name", 3: "kind", 4: "stage", 5: "segs", 6: "trigger", 7: "schedule",
                 14: "goal", 15: "goal_event", 16: "stop", 17: "kpi", 18: "owner", 19: "status",
                 20: "reviewed", 21: "comment"}
    r = 4
    for sc in M1_SCEN:
        first = r
        for n, (timing, cond, _cm, ch, msg, mt) in enumerate(sc["steps"], start=1):
            for col, v in ((8, n), (9, timing), (10, cond or None), (11, ch), (12, msg), (13, mt)):
                cell = ws.cell(row=r, column=col, value=v)
                cell.alignment = WRAP
                cell.border = BOX
            r += 1
        last = r - 1
        for col, fld in scen_cols.items():
            v = sc[fld]
            if fld == "segs":
                v = ";\n".join(v)
            if v == "":
                v = None
            cell = ws.cell(row=first, column=col, value=v)
            cell.alignment = WRAP
            cell.border = BOX
            if isinstance(v, dt.date):
                cell.number_format = "DD.MM.YYYY"
            if last > first:
                ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
        r += 1  # spacer row between scenarios
    widths(ws, [6, 24, 12, 18, 26, 22, 20, 5, 18, 24, 8, 46, 14, 22, 22, 22, 20, 22, 10, 12, 24])
    ws.freeze_panes = "C4"

    # ---------------- segments --------------------------------------------
    ws = wb.create_sheet("Сегменты")
    ws["A1"] = "Сегменты (размеры — выгрузка из CDP на 01.11.2026)"
    ws["A1"].font = BOLD
    header_row(ws, 3, 1, ["Код", "Сегмент", "Критерий отбора", "Размер, чел.", "Ценность", "Стоп-лист", "Комментарий"],
               key, "Сегменты", ["id", "name", "ignore", "size", "tier", "excluded", "ignore"])
    for i, row in enumerate(M1_SEGMENTS):
        for j, v in enumerate(row):
            ws.cell(row=4 + i, column=1 + j, value=v if v != "" else None).alignment = WRAP
    widths(ws, [7, 34, 46, 13, 12, 10, 48])

    # ---------------- events ----------------------------------------------
    ws = wb.create_sheet("События")
    header_row(ws, 1, 1, ["Код", "Событие", "Как фиксируем", "Источник", "Собираем?", "Комментарий"],
               key, "События", ["id", "name", "ignore", "source", "tracked", "ignore"])
    for i, row in enumerate(M1_EVENTS):
        for j, v in enumerate(row):
            ws.cell(row=2 + i, column=1 + j, value=v if v != "" else None).alignment = WRAP
    widths(ws, [7, 32, 36, 22, 11, 50])

    # ---------------- systems ---------------------------------------------
    ws = wb.create_sheet("Системы")
    ws["A1"] = "Системы и обмен данными"
    ws["A1"].font = BOLD
    header_row(ws, 2, 1, ["Система", "Тип", "Каналы", "Получает события из", "Передаёт данные в", "Что передаёт",
                          "Ответственный", "Комментарий"],
               key, "Системы", ["id", "kind", "channel", "source", "sends_to", "ignore", "ignore", "ignore"])
    for i, row in enumerate(M1_SYSTEMS):
        for j, v in enumerate(row):
            ws.cell(row=3 + i, column=1 + j, value=v if v != "" else None).alignment = WRAP
    widths(ws, [24, 26, 10, 44, 44, 30, 18, 36])

    # ---------------- channels --------------------------------------------
    ws = wb.create_sheet("Каналы")
    header_row(ws, 1, 1, ["Канал", "Тип канала", "Через систему", "Частотный лимит", "Стоимость / комментарий"],
               key, "Каналы", ["id", "kind", "system", "ignore", "ignore"])
    for i, row in enumerate(M1_CHANNELS):
        for j, v in enumerate(row):
            ws.cell(row=2 + i, column=1 + j, value=v)
    widths(ws, [10, 20, 24, 20, 26])

    wb.save(folder / M1_FILE)
    write_answers(folder, "Банк «Меридиан»: кредитная карта «Горизонт 120» — CJM-сетка после стратсессии",
                  M1_FILE, "ru", M1_DEFECTS, M1_LOOKALIKES, key)
    return model_map1()


def model_map1():
    seg_by_name = {s[1]: s[0] for s in M1_SEGMENTS}
    stage_by_name = {s[1]: s[0] for s in M1_STAGES}
    ev_by_name = {e[1]: e[0] for e in M1_EVENTS}
    tier = {"VIP": "vip", "высокая": "high"}
    kinds = {"email": "email", "SMS": "sms", "push-уведомление": "push", "звонок (исходящий)": "call"}
    scen = []
    for sc in M1_SCEN:
        steps = []
        for n, (timing, cond, cm, ch, msg, mt) in enumerate(sc["steps"], start=1):
            c = None
            if cm and cm[0] == "fb":
                c = ("fb", f"{sc['id']}.{cm[1]}", cm[2])
            elif cm:
                c = ("event", ev_by_name.get(cm[1], cm[1]))
            steps.append(dict(id=f"{sc['id']}.{n}", channel=ch, message=msg,
                              mtype={"промо": "promo", "информационное": "info"}.get(mt, "service"),
                              cond=c, next=[f"{sc['id']}.{n + 1}"] if n < len(sc["steps"]) else []))
        rv = sc["reviewed"] if isinstance(sc["reviewed"], dt.date) else d(sc["reviewed"])
        scen.append(dict(
            id=sc["id"], kind={"триггерный": "trigger", "регулярный": "regular"}.get(sc["kind"], "service"),
            stage=stage_by_name.get(sc["stage"], sc["stage"]),
            segments=[seg_by_name.get(x, x) for x in sc["segs"]],
            trigger=ev_by_name.get(sc["trigger"], sc["trigger"]) or None, schedule=sc["schedule"],
            per_week=sc.get("per_week", 1), goal=sc["goal"],
            goal_event=ev_by_name.get(sc["goal_event"], sc["goal_event"]) or None,
            stop=[ev_by_name.get(sc["stop"], sc["stop"])] if sc["stop"] else [],
            kpi=sc["kpi"], owner=sc["owner"], status="active", reviewed=rv, steps=steps))
    return dict(
        segments=[dict(id=s[0], parent=None, size=parse_size(s[3]), tier=tier.get(s[4], "mass"),
                       excluded=s[5] == "да") for s in M1_SEGMENTS],
        stages=[dict(id=s[0], next=[x.strip() for x in s[7].replace(";", ",").split(",") if x.strip() not in ("", "—")],
                     final=s[8] == "да") for s in M1_STAGES],
        channels=[dict(id=c[0], kind=kinds[c[1]]) for c in M1_CHANNELS],
        events=[dict(id=e[0], source=e[3], tracked=e[4] == "да") for e in M1_EVENTS],
        systems=[dict(id=s[0], channels=[x.strip() for x in s[2].split(",") if x.strip()],
                      receives=[x.strip() for x in s[3].split(";")],
                      sends_to=[x.strip() for x in s[4].split(";") if x.strip()],
                      orchestrates=s[0] == "CDP") for s in M1_SYSTEMS],
        scenarios=scen, map_reviewed=dt.date(2026, 11, 9))


# ==========================================================================
# MAP 2 — hubspot_en: B2B SaaS lifecycle map kept by marketing ops
# ==========================================================================
M2_DIR = "hubspot_en"
M2_FILE = "Ledgerly_Lifecycle_Map_2026-Q4.xlsx"

M2_STAGES = [
    # Stage, internal value, definition, entry criteria, next, terminal, key workflows, notes
    ("Subscriber", "subscriber", "Opted in to blog/newsletter only", "Newsletter form", "Lead", "N", "WF-01", ""),
    ("Lead", "lead", "Downloaded content or attended a webinar", "Any content-offer form", "MQL", "N", "WF-02, WF-15, WF-19", ""),
    ("MQL", "marketingqualifiedlead", "Score ≥ 60 or started a trial", "HubSpot score / trial_started", "SQL", "N",
     "WF-03, WF-04, WF-05", ""),
    ("SQL", "salesqualifiedlead", "Demo booked with SDR/AE", "Meeting booked", "Opportunity", "N", "WF-06", ""),
    ("Opportunity", "opportunity", "Deal in pipeline", "Deal created", "Customer", "N", "WF-07", "Closed-lost goes back to Lead manually"),
    ("Customer", "customer", "Paying account", "Deal closed won", "At-risk", "N",
     "WF-08, WF-09, WF-10, WF-12, WF-13, WF-18", ""),
    ("At-risk", "at_risk", "Health score < 40 (Vitally)", "Vitally sync", "Customer; Churned", "N", "WF-11", "custom stage"),
    ("Churned", "churned", "Subscription canceled", "Stripe subscription.canceled", "", "Y", "WF-16", "custom stage"),
    ("Evangelist", "evangelist", "Promoter who reviewed / referred us", "Set manually by CS", "", "Y", "WF-14",
     "no workflow or stage hands contacts over to this stage yet"),
]

M2_LISTS = [
    # id, name, persona, type, size, tier, suppression, criteria, notes
    ("L-101", "Newsletter subscribers", "Finance Fiona (Controller)", "Active", "12,400", "Standard", "N", "Lifecycle = Subscriber", ""),
    ("L-102", "Content leads", "Finance Fiona (Controller)", "Active", "3,150", "Standard", "N", "Submitted a content-offer form, last 90 days", ""),
    ("L-103", "MQLs (score ≥ 60)", "AP Manager Alex", "Active", 640, "Standard", "N", "HubSpot score ≥ 60, not in trial", ""),
    ("L-104", "Free-trial users", "AP Manager Alex", "Active", "1,420", "Standard", "N", "trial_started in last 14 days, < 500 employees", ""),
    ("L-105", "Enterprise trials (500+ employees)", "CFO Chris", "Active", 85, "High", "N", "trial_started, company size ≥ 500", "AE-owned"),
    ("L-106", "Customers – SMB", "AP Manager Alex", "Active", "2,300", "Standard", "N", "Lifecycle = Customer, ARR < $20k", ""),
    ("L-107", "Customers – Enterprise", "CFO Chris", "Active", 210, "High", "N", "Lifecycle = Customer, ARR ≥ $20k", ""),
    ("L-108", "At-risk customers (health < 40)", "—", "Active", 160, "Standard", "N", "Vitally health < 40", ""),
    ("L-109", "Churned customers (last 12 mo)", "—", "Active", 390, "Standard", "N", "Canceled in last 12 months", "win-back program TBD"),
    ("L-110", "Unsubscribed / GDPR suppression", "—", "Active", "1,940", "", "Y", "Unsubscribed from all + GDPR erasure requests", "never email"),
    ("L-111", "Competitors & partners (do not email)", "—", "Static", 75, "", "Y", "Manual", ""),
    ("L-112", "Demo booked (SQL)", "AP Manager Alex", "Active", 210, "Standard", "N", "Meeting booked, next 14 days", ""),
    ("L-113", "Open opportunities", "CFO Chris", "Active", 120, "High", "N", "Open deal in Sales pipeline", ""),
    ("L-114", "New customers (first 60 days)", "AP Manager Alex", "Active", 180, "Standard", "N", "Closed won ≤ 60 days ago", ""),
    ("L-115", "Renewals due (≤ 90 days)", "CFO Chris", "Active", 140, "Standard", "N", "Renewal date within 90 days", ""),
    ("L-116", "Customers without mobile app", "AP Manager Alex", "Active", "1,600", "Standard", "N", "Customer AND mobile_app_installed never", ""),
    ("L-117", "NPS promoters (9–10)", "—", "Active", 310, "Standard", "N", "Last NPS ≥ 9", ""),
    ("L-118", "Near plan limit (≥ 80% invoices)", "AP Manager Alex", "Active", 260, "Standard", "N", "Invoice volume ≥ 80% of plan this month", ""),
    ("L-119", "Partner-referred leads", "Finance Fiona (Controller)", "Active", 230, "Standard", "N", "Original source = Partner referral", "new in Q4"),
]

SUPP = "Unsubscribed / GDPR suppression; Competitors & partners (do not email)"

# id, name, type, stage, lists, trigger, schedule, reenroll, suppression, goal, goal event, unenroll,
# kpi, owner, status, last QA'd, notes, actions
# action: (delay, if/then, action, asset, content type)
M2_WF = [
    dict(id="WF-01", name="Weekly product newsletter", type="Scheduled (recurring)", stage="Subscriber",
         lists=["Newsletter subscribers"], trigger="", schedule="Every Tuesday 9:00 AM ET", reenroll="n/a",
         supp=SUPP, goal="Turn subscribers into leads", goal_event="form_submitted", unenroll="form_submitted",
         kpi="CTR ≥ 2.5%; 40 new leads/mo", owner="Dana Whitfield", status="Live", qa="10/6/2026", notes="",
         actions=[("On schedule", "", "Send marketing email", "The Ledger — weekly: 3 AP tips + 1 customer story", "Newsletter")]),
    dict(id="WF-02", name="Content download nurture", type="Contact-based (trigger)", stage="Lead",
         lists=["Content leads"], trigger="Form submission (content-offer forms) → form_submitted", schedule="",
         reenroll="No", supp="Unsubscribed / GDPR suppression", goal="Start a free trial", goal_event="trial_started",
         unenroll="", kpi="8% lead → trial within 30 days", owner="Priya Raman", status="Live", qa="2026-09-14",
         notes="cloned from v2 on 9/14",
         actions=[("Immediately", "", "Send marketing email", "Your guide: The 2026 AP Automation Playbook (PDF)", "Content"),
                  ("Wait 2 business days", "", "Send marketing email", "How Brightline cut invoice processing time by 62%", "Content"),
                  ("Wait 3 days", "If opened email #2 = true", "Send marketing email", "Start your 14-day free trial — no credit card", "Promo")]),
    dict(id="WF-03", name="Trial onboarding", type="Contact-based (trigger)", stage="MQL",
         lists=["Free-trial users"], trigger="Custom event: trial_started", schedule="", reenroll="Yes (new trial)",
         supp="Enterprise trials (500+ employees); Unsubscribed / GDPR suppression", goal="First invoice processed in trial",
         goal_event="first_invoice_processed", unenroll="first_invoice_processed", kpi="35% activation in 7 days",
         owner="Priya Raman", status="Live", qa="11/2/2026", notes="v2 of trial onboarding (v1 = WF-17)",
         actions=[("Immediately", "", "Send marketing email", "Welcome to Ledgerly — connect your ERP in 10 minutes", "Onboarding"),
                  ("Wait 1 day", "If opened email #1 = false", "Send push (Intercom)", "Need a hand connecting QuickBooks? Tap to chat with us", "Onboarding"),
                  ("wait 2 business days", "", "Create task for SDR: call", "Qualification call — check ERP is connected, offer a setup session", "Sales"),
                  ("D+7", "", "Send marketing email", "7 days left: what finance teams automate first", "Promo")]),
    dict(id="WF-04", name="Enterprise trial concierge", type="Contact-based (trigger)", stage="MQL",
         lists=["Enterprise trials (500+ employees)"], trigger="Custom event: trial_started", schedule="",
         reenroll="No", supp="Unsubscribed / GDPR suppression", goal="Tailored demo booked", goal_event="demo_booked",
         unenroll="demo_booked", kpi="60% book a demo within 5 days", owner="Marcus Bell (AE lead)", status="Live",
         qa="2026-10-21", notes="",
         actions=[("Immediately", "", "Send marketing email", "Your enterprise trial workspace is ready", "Onboarding"),
                  ("Within 4 business hours", "", "Create task for AE: call", "Concierge call: map approval chains, book a tailored demo", "Sales")]),
    dict(id="WF-05", name="MQL follow-up", type="Contact-based (trigger)", stage="MQL",
         lists=["MQLs (score ≥ 60)"], trigger="lead_score_reached_60", schedule="", reenroll="No", supp=SUPP,
         goal="Demo booked", goal_event="demo_booked", unenroll="demo_booked", kpi="20% MQL → SQL",
         owner="Jordan Lee (SDR manager)", status="Live", qa="6/1/2026", notes="",
         actions=[("Immediately", "", "Send marketing email (from SDR)", "Saw you comparing plans — 20-minute walkthrough?", "Nurture"),
                  ("Wait 3 days", "If clicked email #1 = false", "Send marketing email", "Last one from me: 3 questions finance teams ask us", "Promo")]),
    dict(id="WF-06", name="Demo booked – reminders & no-show", type="Contact-based (trigger)", stage="SQL",
         lists=["Demo booked (SQL)"], trigger="Meeting booked → demo_booked", schedule="", reenroll="Yes", supp="",
         goal="Deal created after demo", goal_event="deal_created", unenroll="deal_created", kpi="Show rate ≥ 80%",
         owner="Jordan Lee (SDR manager)", status="Live", qa="10/28/2026", notes="",
         actions=[("Immediately", "", "Send marketing email", "Confirmed: your Ledgerly demo on {{meeting.date}}", "Transactional"),
                  ("24 hours before meeting", "", "Send SMS via Twilio", "Reminder: your Ledgerly demo is tomorrow at {{time}}. Reply R to reschedule.", "Transactional"),
                  ("next morning 10am", "If demo_attended = false", "Send marketing email", "Sorry we missed you — pick a new time", "Transactional")]),
    dict(id="WF-07", name="Proposal follow-up", type="Contact-based (trigger)", stage="Opportunity",
         lists=["Open opportunities"], trigger="Deal stage = Proposal sent (proposal_sent)", schedule="", reenroll="No",
         supp="", goal="Closed won", goal_event="deal_closed_won", unenroll="deal_closed_won", kpi="Win rate 28%",
         owner="Marcus Bell (AE lead)", status="Live", qa="2026-11-10", notes="",
         actions=[("Immediately", "", "Send marketing email", "Your proposal + ROI calculator (3-year TCO)", "Promo"),
                  ("Wait 3 business days", "If opened email #1 = false", "Create task for AE: call", "Follow-up call on the proposal; confirm decision timeline", "Sales")]),
    dict(id="WF-08", name="Customer onboarding (first 60 days)", type="Contact-based (trigger)", stage="Customer",
         lists=["New customers (first 60 days)"], trigger="deal_closed_won", schedule="", reenroll="No", supp="",
         goal="Onboarding completed", goal_event="onboarding_completed", unenroll="onboarding_completed",
         kpi="90% live within 30 days", owner="Sam Ortiz (CS Ops)", status="Live", qa="9/30/2026", notes="",
         actions=[("Immediately", "", "Send marketing email", "Welcome aboard! Your implementation plan + kickoff link", "Onboarding"),
                  ("Wait 2 business days", "", "Create task for CSM: call", "Kickoff call: confirm ERP sync + approval rules", "Onboarding"),
                  ("D+14", "", "Send marketing email", "Week 2: set up auto-matching for purchase orders", "Onboarding")]),
    dict(id="WF-09", name="Monthly customer newsletter", type="Scheduled (recurring)", stage="Customer",
         lists=["Customers – SMB", "Customers – Enterprise"], trigger="",
         schedule="First Thursday of the month, 10am ET", reenroll="n/a", supp=SUPP,
         goal="Adoption of newly shipped features", goal_event="feature_activated", unenroll="feature_activated",
         kpi="Open rate ≥ 35%; 10% try the featured feature", owner="", status="Live", qa="10/15/2026",
         notes="Dana on leave, newsletter handed over (to whom?)",
         actions=[("On schedule", "", "Send marketing email", "Ledgerly monthly: new features, tips, webinar dates", "Newsletter")]),
    dict(id="WF-10", name="NPS survey – SMB", type="Scheduled (recurring)", stage="Customer",
         lists=["Customers – SMB"], trigger="", schedule="Quarterly: 1st business day of Jan/Apr/Jul/Oct",
         reenroll="n/a", supp=SUPP, goal="Collect NPS", goal_event="nps_submitted", unenroll="nps_submitted",
         kpi="Response rate ≥ 25%", owner="Sam Ortiz (CS Ops)", status="Live", qa="10/1/2026", notes="",
         actions=[("On schedule", "", "Send marketing email", "How likely are you to recommend Ledgerly? (1 question)", "Survey")]),
    dict(id="WF-10", name="NPS survey – Enterprise", type="Scheduled (recurring)", stage="Customer",
         lists=["Customers – Enterprise"], trigger="", schedule="Quarterly: 1st business day of Jan/Apr/Jul/Oct",
         reenroll="n/a", supp=SUPP, goal="Collect NPS", goal_event="nps_submitted", unenroll="nps_submitted",
         kpi="Response rate ≥ 35%", owner="Sam Ortiz (CS Ops)", status="Live", qa="10/1/2026",
         notes="cloned from the SMB survey",
         actions=[("On schedule", "", "Send marketing email", "Quarterly check-in: how are we doing? (NPS)", "Survey")]),
    dict(id="WF-11", name="At-risk save play", type="Contact-based (trigger)", stage="At-risk",
         lists=["At-risk customers (health < 40)"], trigger="health_score_dropped (Vitally)", schedule="",
         reenroll="Yes", supp="", goal="Health recovered", goal_event="health_score_recovered",
         unenroll="health_score_recovered", kpi="Save 50% of at-risk ARR", owner="Sam Ortiz (CS Ops)",
         status="Live", qa="2026-08-19", notes="",
         actions=[("Immediately", "", "Create task for CSM: call", "Health check call — review usage drop, agree a save plan", "Service"),
                  ("Wait 1 day", "", "Send marketing email", "Your account health review + 3 quick wins", "Nurture")]),
    dict(id="WF-12", name="Mobile approvals adoption", type="Contact-based (trigger)", stage="Customer",
         lists=["Customers without mobile app"], trigger="onboarding_completed", schedule="", reenroll="No",
         supp="", goal="Mobile app installed", goal_event="mobile_app_installed", unenroll="mobile_app_installed",
         kpi="30% install within 21 days", owner="Priya Raman", status="Live", qa="11/18/2026", notes="",
         actions=[("Immediately", "", "Send push (Intercom)", "Approve invoices from your phone — get the Ledgerly app", "Onboarding"),
                  ("Wait 2 days", "If opened push #1 = false", "Send marketing email", "Approvals on mobile: 30-second setup", "Nurture")]),
    dict(id="WF-13", name="Invoice volume upsell", type="Contact-based (trigger)", stage="Customer",
         lists=["Near plan limit (≥ 80% invoices)"], trigger="invoice_limit_80pct", schedule="", reenroll="Yes (monthly)",
         supp=SUPP, goal="Plan upgraded", goal_event="plan_upgraded", unenroll="plan_upgraded",
         kpi="12% upgrade within 30 days", owner="Marcus Bell (AE lead)", status="Live", qa="2026-10-05", notes="",
         actions=[("Immediately", "", "Send marketing email", "Heads-up: you've used 80% of this month's invoices", "Transactional"),
                  ("Wait 3 days", "", "Send marketing email", "Upgrade to Growth: unlimited approvers, 15% off annual", "Promo")]),
    dict(id="WF-14", name="G2 review request", type="Contact-based (trigger)", stage="Evangelist",
         lists=["NPS promoters (9–10)"], trigger="nps_submitted (score ≥ 9)", schedule="", reenroll="No", supp=SUPP,
         goal="G2 review published", goal_event="g2_review_submitted", unenroll="g2_review_submitted",
         kpi="40 reviews per quarter", owner="Dana Whitfield", status="Live", qa="10/22/2026", notes="",
         actions=[("Wait 1 day", "", "Send marketing email", "Thanks for the 10! Would you share it on G2? ($25 gift card)", "Advocacy")]),
    dict(id="WF-15", name="Q4 webinar follow-up", type="Contact-based (trigger)", stage="Lead",
         lists=["Newsletter subscribers"], trigger="webinar_attended", schedule="", reenroll="Yes", supp=SUPP,
         goal="Demo booked by attendees", goal_event="demo_booked", unenroll="demo_booked",
         kpi="10% attendee → demo", owner="Dana Whitfield", status="Live", qa="11/20/2026",
         notes="Q3 emails archived 11/20; new copy pending from content team", actions=[]),
    dict(id="WF-16", name="Cancellation confirmation & exit survey", type="Transactional", stage="Churned",
         lists=["Customers – SMB", "Customers – Enterprise"], trigger="subscription_canceled (Stripe)", schedule="",
         reenroll="No", supp="", goal="Learn why they left", goal_event="exit_survey_submitted",
         unenroll="exit_survey_submitted", kpi="30% complete the exit survey", owner="Sam Ortiz (CS Ops)",
         status="Live", qa="9/9/2026", notes="",
         actions=[("Immediately", "", "Send marketing email", "Your cancellation is confirmed — 2-minute exit survey", "Transactional")]),
    dict(id="WF-17", name="Trial onboarding v1 (retired)", type="Contact-based (trigger)", stage="MQL",
         lists=["Free-trial users"], trigger="Custom event: trial_started", schedule="", reenroll="Yes", supp=SUPP,
         goal="First invoice processed in trial", goal_event="first_invoice_processed",
         unenroll="first_invoice_processed", kpi="35% activation in 7 days", owner="Priya Raman", status="Off",
         qa="10/14/2026", notes="Turned off 10/14/2026 — replaced by WF-03",
         actions=[("Immediately", "", "Send marketing email", "Welcome to your Ledgerly trial", "Onboarding")]),
    dict(id="WF-18", name="Renewal reminders", type="Contact-based (trigger)", stage="Customer",
         lists=["Renewals due (≤ 90 days)"], trigger="renewal_window_90d", schedule="", reenroll="Yes (yearly)",
         supp="", goal="Renewed", goal_event="subscription_renewed", unenroll="subscription_renewed",
         kpi="GRR ≥ 92%", owner="Sam Ortiz (CS Ops)", status="Live", qa="2026-11-03", notes="",
         actions=[("60 days before renewal", "", "Send marketing email", "Your renewal is coming up on {{renewal_date}}", "Transactional"),
                  ("30 days before renewal", "", "Send marketing email", "Lock in 2027 pricing — 10% off annual prepay", "Promo")]),
    dict(id="WF-19", name="Partner-referred leads nurture", type="Contact-based (trigger)", stage="Lead",
         lists=["Partner-referred leads"], trigger="partner_referral_created", schedule="", reenroll="No", supp=SUPP,
         goal="Assessment booked", goal_event="demo_booked", unenroll="demo_booked", kpi="15% book an assessment",
         owner="Dana Whitfield", status="Draft", qa="11/12/2026", notes="launch after partner portal goes live",
         actions=[("Immediately", "", "Send marketing email", "Welcome from {{partner}} — your free AP automation assessment", "Nurture"),
                  ("Wait 3 days", "", "Send marketing email", "Book your free assessment (30 min)", "Promo")]),
]

M2_EVENTS = [
    # name, description, source, implemented, used in, owner, last verified, ticket
    ("form_submitted", "Any content-offer / newsletter form", "HubSpot", "Y", "WF-01, WF-02", "Dana W.", "10/6/2026", ""),
    ("trial_started", "Trial workspace created", "Segment", "Y", "WF-02, WF-03, WF-04, WF-17", "Product analytics", "2026-10-30", ""),
    ("first_invoice_processed", "First invoice pushed through approval", "Segment", "Y", "WF-03, WF-17", "Product analytics", "2026-10-30", ""),
    ("lead_score_reached_60", "HubSpot score crosses 60", "HubSpot", "Y", "WF-05", "Dana W.", "9/2/2026", ""),
    ("demo_booked", "Meeting booked via HubSpot meetings", "HubSpot", "Y", "WF-04, WF-05, WF-06, WF-15, WF-19", "Jordan L.", "10/28/2026", ""),
    ("demo_attended", "Meeting outcome = Completed", "HubSpot", "Y", "WF-06", "Jordan L.", "10/28/2026", ""),
    ("deal_created", "Deal created in Sales pipeline", "HubSpot", "Y", "WF-06", "RevOps", "10/28/2026", ""),
    ("proposal_sent", "Deal stage → Proposal sent", "HubSpot", "Y", "WF-07", "RevOps", "2026-11-10", ""),
    ("deal_closed_won", "Deal stage → Closed won", "HubSpot", "Y", "WF-07, WF-08", "RevOps", "2026-11-10", ""),
    ("onboarding_completed", "All onboarding checklist items done", "Segment", "Y", "WF-08, WF-12", "CS Ops", "9/30/2026", ""),
    ("feature_activated", "First use of a feature flagged as new", "Segment", "Y", "WF-09", "Product analytics", "2026-10-15", ""),
    ("nps_submitted", "NPS answer recorded", "HubSpot", "Y", "WF-10, WF-14", "CS Ops", "10/1/2026", ""),
    ("health_score_dropped", "Health score falls below 40", "Vitally", "Y", "WF-11", "CS Ops", "8/19/2026", ""),
    ("health_score_recovered", "Health score back above 60", "Vitally", "Y", "WF-11", "CS Ops", "8/19/2026", ""),
    ("mobile_app_installed", "First login from the iOS/Android app", "Segment", "Y", "WF-12", "Product analytics", "11/18/2026", ""),
    ("invoice_limit_80pct", "Invoice volume reaches 80% of plan", "Segment", "N", "WF-13", "Product analytics", "", "ANLT-412 (in progress)"),
    ("plan_upgraded", "Subscription plan changed upward", "Stripe", "Y", "WF-13", "RevOps", "2026-10-05", ""),
    ("g2_review_submitted", "G2 review published (G2 app for HubSpot)", "HubSpot", "Y", "WF-14", "Dana W.", "10/22/2026", ""),
    ("webinar_attended", "Zoom webinar attendance synced", "HubSpot", "Y", "WF-15", "Dana W.", "11/20/2026", ""),
    ("subscription_canceled", "customer.subscription.deleted", "Stripe", "Y", "WF-16", "RevOps", "9/9/2026", ""),
    ("exit_survey_submitted", "Exit survey form", "HubSpot", "Y", "WF-16", "CS Ops", "9/9/2026", ""),
    ("renewal_window_90d", "Renewal date is 90 days out", "Stripe", "Y", "WF-18", "RevOps", "2026-11-03", ""),
    ("subscription_renewed", "invoice.paid for renewal", "Stripe", "Y", "WF-18", "RevOps", "2026-11-03", ""),
    ("partner_referral_created", "Partner portal referral submitted", "HubSpot", "Y", "WF-19", "Dana W.", "11/12/2026", ""),
    ("pricing_page_viewed", "Viewed /pricing (for lead scoring v3)", "Segment", "N", "", "Product analytics", "", "ANLT-377 (backlog)"),
]

M2_STACK = [
    # tool, category, channels, receives, syncs to, what syncs, admin, notes
    ("HubSpot", "Marketing automation + CRM (workflows)", "Email, Phone call", "HubSpot, Segment, Stripe, Vitally",
     "Intercom, Twilio, Vitally", "contacts, lifecycle stage, email engagement (opens/clicks) → Intercom; phone + workflow webhooks → Twilio; deals → Vitally",
     "Dana Whitfield", "calls = tasks + HubSpot calling"),
    ("Twilio", "SMS gateway", "SMS", "HubSpot", "HubSpot", "delivery status webhooks back to the HubSpot timeline",
     "Dana Whitfield", "HubSpot marketplace app"),
    ("Intercom", "In-app messaging / mobile push", "Push", "Segment, HubSpot", "",
     "one-way: nothing goes back (push engagement stays in Intercom)", "Priya Raman", "reverse sync = OPS-88, not scheduled"),
    ("Segment", "CDP / event pipeline", "", "Web app, Mobile app", "HubSpot, Intercom, Vitally", "track + identify calls",
     "Product analytics", ""),
    ("Stripe", "Billing", "", "", "HubSpot, Vitally", "subscription + invoice events", "RevOps", ""),
    ("Vitally", "Customer success platform", "", "Segment, Stripe, HubSpot", "HubSpot", "health scores, CSM owner",
     "Sam Ortiz", ""),
]

M2_DEFECTS = [
    ("MAP002", "WF-10",
     "Two rows on «Workflows» carry the id WF-10 («NPS survey – SMB» and «NPS survey – Enterprise», cloned without renumbering)."),
    ("MAP005", "WF-15",
     "WF-15 «Q4 webinar follow-up» is Live but has no row on «Workflow actions» (emails archived, nothing sends)."),
    ("COV001", "L-109",
     "List L-109 «Churned customers (last 12 mo)» is not a suppression list and no workflow enrolls it."),
    ("TRK002", "WF-13",
     "WF-13 is triggered by invoice_limit_80pct, which «Tracking» marks Implemented? = N."),
    ("INT002", "WF-12",
     "WF-12 action 2 (HubSpot email) branches on «If opened push #1 = false», but push is sent by Intercom, which syncs nothing to HubSpot or Segment."),
    ("COST002", "WF-03",
     "WF-03 action 3 creates an SDR call task for every «Free-trial users» contact: 1,420 people, tier Standard (over 1,000, not high/VIP)."),
    ("FLOW004", "WF-02",
     "WF-02 has goal event trial_started but «Unenroll when» is empty: leads who started a trial keep getting the nurture."),
    ("GOV003", "WF-09",
     "WF-09 «Monthly customer newsletter» is Live with an empty Owner cell."),
    ("FLOW002", "evangelist",
     "Stage Evangelist is not listed as «Next stage(s)» of any stage, so it cannot be reached from Subscriber."),
]

M2_LOOKALIKES = [
    ("TRK005", "pricing_page_viewed",
     "pricing_page_viewed is used by nothing, but it is Implemented? = N; the unused-event rule only covers tracked events."),
    ("FREQ002", "WF-17",
     "WF-17 fires on trial_started for «Free-trial users» like WF-03, but its status is Off; only two active scenarios collide."),
    ("COST002", "WF-04",
     "WF-04 creates an AE call task, but «Enterprise trials (500+ employees)» is 85 contacts and tier High."),
    ("GOV002", "WF-05",
     "WF-05 was last QA'd 6/1/2026 (US date, June 1), just inside six months before 2026-11-29; read as D/M it would look stale."),
    ("INT002", "WF-03",
     "WF-03 sends an Intercom push on «If opened email #1 = false» after a HubSpot email; HubSpot syncs email engagement to Intercom, so the cascade is integrated."),
]


def build_map2(root: Path):
    folder = root / M2_DIR
    folder.mkdir(parents=True)
    key = Key()
    wb = Workbook()

    ws = wb.active
    ws.title = "README"
    ws["A1"] = "Ledgerly — Lifecycle & Workflow Map (HubSpot)"
    ws["A1"].font = TITLE
    kv = [("Owner", "Dana Whitfield, Marketing Ops", "owner"),
          ("HubSpot portal", "Marketing Hub Pro + Sales Hub Pro (portal 4471023)", "ignore"),
          ("Last full review", "10/19/2026", "last_reviewed"),
          ("Next review", "Q1 2027", "ignore"),
          ("How to use", "One row per workflow on 'Workflows', one row per action on 'Workflow actions'. "
                         "List sizes refreshed 11/2/2026.", "ignore")]
    for i, (k, v, f) in enumerate(kv):
        ws.cell(row=3 + i, column=1, value=k).font = BOLD
        ws.cell(row=3 + i, column=2, value=v).alignment = WRAP
        key.add("README", k, f)
    ws.cell(row=9, column=1, value="Change log").font = BOLD
    header_row(ws, 10, 1, ["Date", "Change", "By"], key, "README", ["ignore", "ignore", "ignore"])
    log = [("11/20/2026", "WF-15: archived Q3 webinar emails, waiting for Q4 copy", "DW"),
           ("2026-11-18", "WF-12 launched (mobile approvals)", "PR"),
           ("10/19/2026", "Full review with RevOps + CS", "DW"),
           ("10/14/2026", "WF-17 turned off, replaced by WF-03", "PR"),
           ("9/14/2026", "WF-02 cloned from v2", "PR")]
    for i, row in enumerate(log):
        for j, v in enumerate(row):
            ws.cell(row=11 + i, column=1 + j, value=v)
    widths(ws, [18, 70, 8])

    ws = wb.create_sheet("Lifecycle stages")
    header_row(ws, 1, 1, ["Stage", "Internal value", "Definition", "Entry criteria", "Next stage(s)", "Terminal?",
                          "Key workflows", "Notes"], key, "Lifecycle stages",
               ["name", "id", "ignore", "ignore", "next", "final", "scenario", "ignore"])
    for i, row in enumerate(M2_STAGES):
        for j, v in enumerate(row):
            ws.cell(row=2 + i, column=1 + j, value=v if v != "" else None).alignment = WRAP
    widths(ws, [14, 24, 34, 30, 18, 10, 26, 40])

    ws = wb.create_sheet("Lists & personas")
    header_row(ws, 1, 1, ["List ID", "List name", "Persona", "List type", "Size", "Tier", "Suppression?", "Criteria",
                          "Notes"], key, "Lists & personas",
               ["id", "name", "ignore", "ignore", "size", "tier", "excluded", "ignore", "ignore"])
    for i, row in enumerate(M2_LISTS):
        for j, v in enumerate(row):
            ws.cell(row=2 + i, column=1 + j, value=v if v != "" else None).alignment = WRAP
    widths(ws, [8, 36, 26, 9, 8, 9, 12, 44, 22])

    ws = wb.create_sheet("Workflows")
    heads = [("WF #", "id"), ("Workflow name", "name"), ("Type", "kind"), ("Lifecycle stage", "stage"),
             ("Enrolled list(s)", "segments"), ("Enrollment trigger", "trigger"), ("Schedule", "schedule"),
             ("Re-enrollment", "ignore"), ("Suppression list(s)", "excluded"), ("Goal", "goal"),
             ("Goal event", "goal_event"), ("Unenroll when", "stop_event"), ("KPI / target", "kpi"),
             ("Owner", "owner"), ("Status", "status"), ("Last QA'd", "last_reviewed"), ("Notes", "ignore")]
    header_row(ws, 1, 1, [h for h, _ in heads], key, "Workflows", [f for _, f in heads])
    cols = ["id", "name", "type", "stage", "lists", "trigger", "schedule", "reenroll", "supp", "goal", "goal_event",
            "unenroll", "kpi", "owner", "status", "qa", "notes"]
    for i, wf in enumerate(M2_WF):
        for j, c in enumerate(cols):
            v = wf[c]
            if c == "lists":
                v = "; ".join(v)
            if c == "qa" and wf["id"] in ("WF-08", "WF-16"):  # some QA dates are real date cells
                v = d(v)
            cell = ws.cell(row=2 + i, column=1 + j, value=v if v != "" else None)
            cell.alignment = WRAP
            if isinstance(v, dt.date):
                cell.number_format = "m/d/yyyy"
    widths(ws, [7, 30, 20, 12, 32, 34, 26, 14, 40, 28, 22, 22, 28, 22, 7, 11, 40])
    ws.freeze_panes = "C2"

    ws = wb.create_sheet("Workflow actions")
    heads = [("WF #", "scenario"), ("Workflow", "scenario_name"), ("Action #", "step"), ("Delay", "timing"),
             ("If/then branch", "condition"), ("Action", "channel"), ("Asset / copy", "message"),
             ("Content type", "message_type"), ("Notes", "ignore")]
    header_row(ws, 1, 1, [h for h, _ in heads], key, "Workflow actions", [f for _, f in heads])
    r = 2
    for wf in M2_WF:
        emails = 0
        for n, (delay, cond, action, asset, ctype) in enumerate(wf["actions"], start=1):
            if action.startswith("Send marketing email"):
                emails += 1  # HubSpot shows the internal email name next to the action
                action = f"{action}: {wf['name']} #{emails}"
            note = ""
            if wf["id"] == "WF-03" and n == 3:
                note = "SDR team asked for this in Q3"
            for j, v in enumerate([wf["id"], wf["name"], n, delay, cond, action, asset, ctype, note]):
                ws.cell(row=r, column=1 + j, value=v if v != "" else None).alignment = WRAP
            r += 1
    widths(ws, [7, 30, 9, 24, 28, 28, 58, 14, 30])
    ws.freeze_panes = "A2"

    ws = wb.create_sheet("Tracking")
    header_row(ws, 1, 1, ["Event name", "Description", "Source", "Implemented? Y/N", "Used in", "Owner",
                          "Last verified", "Ticket"], key, "Tracking",
               ["id", "ignore", "source", "tracked", "ignore", "ignore", "ignore", "ignore"])
    for i, row in enumerate(M2_EVENTS):
        for j, v in enumerate(row):
            ws.cell(row=2 + i, column=1 + j, value=v if v != "" else None).alignment = WRAP
    widths(ws, [26, 40, 10, 10, 30, 18, 12, 22])

    ws = wb.create_sheet("Stack")
    header_row(ws, 1, 1, ["Tool", "Category", "Channels we send through it", "Receives data from", "Syncs to",
                          "What syncs", "Admin", "Notes"], key, "Stack",
               ["id", "kind", "channel", "source", "sends_to", "ignore", "ignore", "ignore"])
    for i, row in enumerate(M2_STACK):
        for j, v in enumerate(row):
            ws.cell(row=2 + i, column=1 + j, value=v if v != "" else None).alignment = WRAP
    widths(ws, [10, 30, 16, 30, 26, 60, 16, 30])

    wb.save(folder / M2_FILE)
    write_answers(folder, "Ledgerly (B2B SaaS, AP automation): HubSpot lifecycle & workflow map", M2_FILE, "en",
                  M2_DEFECTS, M2_LOOKALIKES, key)
    return model_map2()


def model_map2():
    list_by_name = {x[1]: x[0] for x in M2_LISTS}
    stage_by_name = {x[0]: x[1] for x in M2_STAGES}
    evs = {e[0] for e in M2_EVENTS}
    chan_of = {"Send marketing email": "Email", "Send marketing email (from SDR)": "Email",
               "Send push (Intercom)": "Push", "Send SMS via Twilio": "SMS", "Create task for SDR: call": "Phone call",
               "Create task for AE: call": "Phone call", "Create task for CSM: call": "Phone call"}

    def ev_in(text):
        for e in sorted(evs, key=len, reverse=True):
            if e in text:
                return e
        return text or None

    scen = []
    for wf in M2_WF:
        steps = []
        for n, (delay, cond, action, asset, ctype) in enumerate(wf["actions"], start=1):
            c = None
            if cond.startswith("If opened email #") or cond.startswith("If opened push #") or cond.startswith("If clicked email #"):
                ref = int(cond.split("#")[1].split()[0])
                c = ("fb", f"{wf['id']}/{wf['name']}.{ref}", "clicked" if "clicked" in cond else "opened")
            elif cond:
                c = ("event", ev_in(cond))
            steps.append(dict(id=f"{wf['id']}/{wf['name']}.{n}", channel=chan_of[action], message=asset,
                              mtype="promo" if ctype == "Promo" else ("info" if ctype in ("Newsletter", "Content", "Nurture") else "service"),
                              cond=c, next=[f"{wf['id']}/{wf['name']}.{n + 1}"] if n < len(wf["actions"]) else []))
        scen.append(dict(
            id=wf["id"], kind={"Scheduled (recurring)": "regular", "Transactional": "service"}.get(wf["type"], "trigger"),
            stage=stage_by_name[wf["stage"]], segments=[list_by_name.get(x, x) for x in wf["lists"]],
            trigger=ev_in(wf["trigger"]) if wf["trigger"] else None, schedule=wf["schedule"], per_week=1,
            goal=wf["goal"], goal_event=wf["goal_event"] or None, stop=[wf["unenroll"]] if wf["unenroll"] else [],
            kpi=wf["kpi"], owner=wf["owner"],
            status={"Live": "active", "Draft": "planned", "Off": "off"}[wf["status"]], reviewed=d(wf["qa"]),
            steps=steps))
    return dict(
        segments=[dict(id=x[0], parent=None, size=parse_size(x[4]), tier="high" if x[5] == "High" else "mass",
                       excluded=x[6] == "Y") for x in M2_LISTS],
        stages=[dict(id=x[1], next=[stage_by_name[y.strip()] for y in x[4].split(";") if y.strip()],
                     final=x[5] == "Y") for x in M2_STAGES],
        channels=[dict(id="Email", kind="email"), dict(id="Phone call", kind="call"), dict(id="SMS", kind="sms"),
                  dict(id="Push", kind="push")],
        events=[dict(id=e[0], source=e[2], tracked=e[3] == "Y") for e in M2_EVENTS],
        systems=[dict(id=s[0], channels=[x.strip() for x in s[2].split(",") if x.strip()],
                      receives=[x.strip() for x in s[3].split(",") if x.strip()],
                      sends_to=[x.strip() for x in s[4].split(",") if x.strip()],
                      orchestrates=s[0] == "HubSpot") for s in M2_STACK],
        scenarios=scen, map_reviewed=d("10/19/2026"))


# ==========================================================================
# MAP 3 — board_export_mixed: food delivery app, whiteboard export as CSV tabs
# ==========================================================================
M3_DIR = "tarelka_board_export"

M3_INFO = [
    ("Доска", "CRM-карта «Тарелка» (Miro), фреймы F1–F11", "ignore"),
    ("Экспорт с доски", "27.11.2026, плагин Table Export → Google Sheets", "ignore"),
    ("Последняя актуализация", "12.04.2026", "last_reviewed"),
    ("Владелец карты", "Лена Котова, CRM-лид", "owner"),
    ("Версия", "v7 (после весеннего ребрендинга)", "ignore"),
]

M3_STAGES = [
    # lane, next, final?, what happens
    ("Установка", "Первый заказ", "нет", "поставил приложение, ещё не заказывал"),
    ("Первый заказ", "Повторные заказы, Засыпание", "нет", "1 заказ"),
    ("Повторные заказы", "Постоянный клиент, Засыпание", "нет", "2–4 заказа за 60 дней"),
    ("Постоянный клиент", "Засыпание", "нет", "5+ заказов за 60 дней"),
    ("Засыпание", "Повторные заказы, Отток", "нет", "21–45 дней без заказа"),
    ("Отток", "—", "да", "45+ дней без заказа"),
]

M3_AUD = [
    # audience, parent, size, tier, do-not-disturb, how computed
    ("Новые установки", "", "48 000", "обычная", "нет", "install за 30 дней, 0 заказов"),
    ("Сделали 1 заказ", "", "21500", "обычная", "нет", "ровно 1 доставленный заказ"),
    ("Повторные", "", "36 000", "обычная", "нет", "2–4 заказа за 60 дней"),
    ("Постоянные", "", "14 200", "высокая", "нет", "5+ заказов за 60 дней"),
    ("Постоянные — Москва", "Постоянные", "6 100", "высокая", "нет", "постоянные с адресом доставки в Москве"),
    ("Засыпающие", "", "27 000", "обычная", "нет", "последний заказ 21–45 дней назад"),
    ("Ушедшие", "", "95 000", "обычная", "нет", "последний заказ 45+ дней назад"),
    ("Не беспокоить", "", "12 300", "обычная", "да", "отписались от рекламы в профиле"),
]

M3_EVENTS = [
    ("app_installed", "установил приложение", "приложение", "да", "AppMetrica → Mindbox"),
    ("order_created", "оформил заказ", "бэкенд", "да", ""),
    ("order_delivered", "заказ доставлен", "бэкенд", "да", ""),
    ("rating_submitted", "поставил оценку ресторану/курьеру", "приложение", "да", ""),
    ("cart_abandoned", "корзина брошена > 30 мин", "приложение", "да", "считает Mindbox по событиям корзины"),
    ("no_order_21d", "21 день без заказа", "бэкенд", "да", "ночной расчёт"),
    ("no_order_45d", "45 дней без заказа", "бэкенд", "да", "ночной расчёт"),
    ("friend_first_order", "друг по реф-ссылке сделал первый заказ", "бэкенд", "да", ""),
]

M3_PLATFORMS = [
    ("Mindbox", "CDP + рассылки, оркестрация цепочек", "Push, Email", "бэкенд, приложение", "Devino",
     "все цепочки собраны в Mindbox"),
    ("Devino", "SMS-шлюз", "SMS", "бэкенд, приложение", "Mindbox", "статусы доставки возвращает в Mindbox"),
    ("Edna", "WhatsApp Business API", "WhatsApp", "", "", "подключили в августе, шаблоны согласованы"),
    ("AppMetrica", "аналитика приложения", "", "приложение", "Mindbox", "события приложения"),
]

M3_CHANNELS = [
    ("Push", "push", "Mindbox", "0"),
    ("Email", "email", "Mindbox", "0,1 ₽"),
    ("SMS", "sms", "Devino", "2,2 ₽"),
    ("WhatsApp", "мессенджер", "Edna", "0,9 ₽ за сессию"),
]

# frame: id, name, type, schedule, lane, audiences, goal, goal event, stop, kpi, owner, status, updated, notes
# boxes: (id, type, text, channel, msg type, leads to [ids], branch labels, comment, model extras)
M3_FRAMES = [
    dict(id="F1", name="Welcome после установки", type="триггерный", schedule="", lane="Установка",
         aud=["Новые установки"], goal="Первый заказ", goal_event="order_created", stop="order_created",
         kpi="CR в первый заказ за 7 дней ≥ 18%", owner="Лена Котова (CRM)", status="активен", updated="03.11.2026",
         notes="",
         boxes=[("F1-1", "триггер", "Событие: app_installed (установил приложение)", "", "", ["F1-2"], "", ""),
                ("F1-2", "ожидание", "через 30 минут", "", "", ["F1-3"], "", ""),
                ("F1-3", "сообщение", "Добро пожаловать в Тарелку! 2 000 ресторанов и доставка от 25 минут — выбирайте",
                 "Push", "контент", ["F1-4"], "", ""),
                ("F1-4", "ожидание", "на следующий день в 12:00", "", "", ["F1-5"], "", ""),
                ("F1-5", "условие", "Сделал заказ? (order_created)", "", "", ["F1-6", "F1-7"], "да, нет", ""),
                ("F1-6", "выход", "Заказал — выходим", "", "", [], "", ""),
                ("F1-7", "сообщение", "Первый заказ −300 ₽ по коду ПРИВЕТ300 — код действует 7 дней", "Push", "промо",
                 ["F1-8"], "", ""),
                ("F1-8", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F2", name="Спасибо за первый заказ", type="триггерный", schedule="", lane="Первый заказ",
         aud=["Сделали 1 заказ"], goal="Получить оценку первого заказа", goal_event="rating_submitted",
         stop="rating_submitted", kpi="доля оценок ≥ 35%", owner="Лена Котова (CRM)", status="активен",
         updated="10.10.2026", notes="",
         boxes=[("F2-1", "триггер", "Событие: order_delivered (заказ доставлен)", "", "", ["F2-2"], "", ""),
                ("F2-2", "ожидание", "через 1 час после доставки", "", "", ["F2-3"], "", ""),
                ("F2-3", "сообщение", "Как вам первый заказ? Оцените ресторан — это 10 секунд", "Push", "сервис",
                 ["F2-4"], "", ""),
                ("F2-4", "ожидание", "D+2", "", "", ["F2-5"], "", ""),
                ("F2-5", "сообщение", "Спасибо, что выбрали Тарелку! Дарим 200 баллов на второй заказ", "Email", "промо",
                 ["F2-6"], "", ""),
                ("F2-6", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F3", name="Пятничная подборка", type="регулярный", schedule="каждую пятницу в 17:00",
         lane="Повторные заказы", aud=["Повторные"], goal="Повторный заказ", goal_event="order_created",
         stop="order_created", kpi="открываемость ≥ 22%, заказы из рассылки 3%", owner="Артём Лис (CRM)",
         status="активен", updated="20.11.2026", notes="",
         boxes=[("F3-1", "сообщение", "Пятничная подборка: 12 новых ресторанов рядом с вами", "Email", "контент",
                 ["F3-2"], "", ""),
                ("F3-2", "ожидание", "через 2 часа", "", "", ["F3-3"], "", ""),
                ("F3-3", "условие", "Открыл письмо?", "", "", ["F3-4", "F3-6"], "да, нет", ""),
                ("F3-4", "выход", "Открыл — выходим", "", "", [], "", ""),
                ("F3-5", "сообщение", "Тарелка: только сегодня −20% на роллы по коду ROLL20", "SMS", "промо",
                 ["F3-7"], "", "вариант для A/B из сентября"),
                ("F3-6", "сообщение", "Пятница — время вкусного: бесплатная доставка до 23:00", "Push", "промо",
                 ["F3-7"], "", ""),
                ("F3-7", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F4", name="Брошенная корзина: новички", type="триггерный", schedule="", lane="Установка",
         aud=["Новые установки"], goal="Первый заказ", goal_event="order_created", stop="order_created",
         kpi="возврат корзин ≥ 15%", owner="Лена Котова (CRM)", status="активен", updated="15.09.2026",
         notes="промо-напоминание максимум 2 раза, код живёт 7 дней",
         boxes=[("F4-1", "триггер", "Событие: cart_abandoned (корзина брошена > 30 мин)", "", "", ["F4-2"], "", ""),
                ("F4-2", "ожидание", "через 1 час", "", "", ["F4-3"], "", ""),
                ("F4-3", "сообщение", "Корзина сохранена — курьеры рядом, привезём за 35 минут", "Push", "сервис",
                 ["F4-4"], "", ""),
                ("F4-4", "ожидание", "на следующий день в 18:00", "", "", ["F4-5"], "", ""),
                ("F4-5", "условие", "Сделал заказ? (order_created)", "", "", ["F4-9", "F4-6"], "да, нет", ""),
                ("F4-6", "сообщение", "Промокод ПРИВЕТ300 ещё действует: −300 ₽ на первый заказ", "Push", "промо",
                 ["F4-7"], "", ""),
                ("F4-7", "ожидание", "1 день", "", "", ["F4-8"], "", ""),
                ("F4-8", "условие", "Повторов меньше 2 и промокод ещё действует? (максимум 2 напоминания, код живёт 7 дней)", "", "",
                 ["F4-6", "F4-9"], "да, нет", "ограничение повторов"),
                ("F4-9", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F5", name="Засыпающие: вернуть промокодом", type="триггерный", schedule="", lane="Засыпание",
         aud=["Засыпающие"], goal="Вернуть к заказам", goal_event="order_created", stop="order_created",
         kpi="реактивация 12% за 14 дней", owner="Артём Лис (CRM)", status="активен", updated="24.10.2026", notes="",
         boxes=[("F5-1", "триггер", "Событие: no_order_21d (21 день без заказа)", "", "", ["F5-2"], "", ""),
                ("F5-2", "сообщение", "Соскучились? −25% на заказ до воскресенья по коду ВЕРНИСЬ25", "Push", "промо",
                 ["F5-3"], "", ""),
                ("F5-3", "ожидание", "через 2 дня", "", "", ["F5-4"], "", ""),
                ("F5-4", "условие", "Открыл push?", "", "", ["F5-8", "F5-5"], "да, нет", ""),
                ("F5-5", "сообщение", "Ваши любимые рестораны ждут: −25% по коду ВЕРНИСЬ25", "Email", "промо",
                 ["F5-6"], "", ""),
                ("F5-6", "ожидание", "D+5", "", "", ["F5-7"], "", ""),
                ("F5-7", "сообщение", "Последний день: −25% по коду ВЕРНИСЬ25 сгорает в полночь", "Push", "промо",
                 ["F5-8"], "", ""),
                ("F5-8", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F6", name="Брошенная корзина: повторные и постоянные", type="триггерный", schedule="",
         lane="Повторные заказы", aud=["Повторные", "Постоянные"], goal="Вернуть к оформлению",
         goal_event="order_created", stop="", kpi="возврат корзин ≥ 20%", owner="Артём Лис (CRM)",
         status="активен", updated="06.11.2026", notes="напоминаем раз в неделю, пока не оформит",
         boxes=[("F6-1", "триггер", "Событие: cart_abandoned (корзина брошена > 30 мин)", "", "", ["F6-2"], "", ""),
                ("F6-2", "ожидание", "через 1 час", "", "", ["F6-3"], "", ""),
                ("F6-3", "сообщение", "{Имя}, в корзине остались {блюда} — оформим?", "Push", "сервис", ["F6-4"], "", ""),
                ("F6-4", "ожидание", "через неделю", "", "", ["F6-5"], "", ""),
                ("F6-5", "условие", "Оформил заказ? (order_created)", "", "", ["F6-6", "F6-3"], "да, нет", ""),
                ("F6-6", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F7", name="Win-back ушедших", type="триггерный", schedule="", lane="Отток", aud=["Ушедшие"],
         goal="Вернуть ушедших", goal_event="order_created", stop="order_created", kpi="вернулись 5% за 30 дней",
         owner="Артём Лис (CRM)", status="активен", updated="12.11.2026", notes="",
         boxes=[("F7-1", "триггер", "Событие: no_order_45d (45 дней без заказа)", "", "", ["F7-2"], "", ""),
                ("F7-2", "сообщение", "Мы изменились: 40 новых ресторанов и доставка за 25 минут", "Email", "контент",
                 ["F7-3"], "", ""),
                ("F7-3", "ожидание", "D+3", "", "", ["F7-4"], "", ""),
                ("F7-4", "сообщение", "−30% на заказ после перерыва — код СНОВА30", "Push", "промо", ["F7-5"], "", ""),
                ("F7-5", "ожидание", "через 2 часа", "", "", ["F7-6"], "", ""),
                ("F7-6", "условие", "push доставлен?", "", "", ["F7-8", "F7-7"], "да, нет", ""),
                ("F7-7", "сообщение", "Тарелка: −30% на заказ по коду СНОВА30 до 10.12. tarelka.ru/s30", "SMS", "промо",
                 ["F7-8"], "", "только если push не дошёл"),
                ("F7-8", "ожидание", "через 5 дней", "", "", ["F7-9"], "", ""),
                ("F7-9", "сообщение", "Код СНОВА30 действует ещё 2 дня + бесплатная доставка", "Email", "промо",
                 ["F7-10"], "", ""),
                ("F7-10", "ожидание", "через 7 дней", "", "", ["F7-11"], "", ""),
                ("F7-11", "сообщение", "Расскажите, почему перестали заказывать — опрос на 1 минуту", "Email", "сервис",
                 ["F7-12"], "", ""),
                ("F7-12", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F8", name="Оценка доставки (Ops)", type="триггерный", schedule="", lane="Повторные заказы",
         aud=["Сделали 1 заказ", "Повторные", "Постоянные"], goal="Оценка курьера", goal_event="rating_submitted",
         stop="rating_submitted", kpi="оценок курьера ≥ 40%", owner="Дмитрий Шаров (Ops доставки)",
         status="активен", updated="18.11.2026", notes="запустила команда доставки",
         boxes=[("F8-1", "триггер", "Событие: order_delivered (заказ доставлен)", "", "", ["F8-2"], "", ""),
                ("F8-2", "ожидание", "через 15 минут", "", "", ["F8-3"], "", ""),
                ("F8-3", "сообщение", "Курьер {Имя} доставил заказ. Оцените доставку ⭐", "Push", "сервис", ["F8-4"], "", ""),
                ("F8-4", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F9", name="Курьер опоздал — извинение", type="триггерный", schedule="", lane="Повторные заказы",
         aud=["Сделали 1 заказ", "Повторные"], goal="Сохранить лояльность после опоздания",
         goal_event="order_created", stop="order_created", kpi="повторный заказ за 14 дней ≥ 45%",
         owner="Дмитрий Шаров (Ops доставки)", status="активен", updated="21.11.2026", notes="",
         boxes=[("F9-1", "триггер", "Событие: courier_late_30min (курьер опоздал > 30 мин)", "", "", ["F9-2"], "", ""),
                ("F9-2", "ожидание", "сразу", "", "", ["F9-3"], "", ""),
                ("F9-3", "сообщение", "Простите за опоздание — вернули 150 баллов на счёт", "Push", "сервис", ["F9-4"], "", ""),
                ("F9-4", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F10", name="Приведи друга", type="триггерный", schedule="", lane="Постоянный клиент",
         aud=["Постоянные"], goal="Рефералы от постоянных", goal_event="friend_first_order",
         stop="friend_first_order", kpi="300 рефералов в месяц", owner="Лена Котова (CRM)", status="в разработке",
         updated="25.11.2026", notes="",
         boxes=[("F10-1", "триггер", "", "", "", ["F10-2"], "",
                 "событие не выбрали: после 5-го заказа или после оценки 5★? спросить продукт"),
                ("F10-2", "сообщение", "Приведите друга — вам 500 баллов, ему −300 ₽ на первый заказ", "Push", "промо",
                 ["F10-3"], "", ""),
                ("F10-3", "ожидание", "через 3 дня", "", "", ["F10-4"], "", ""),
                ("F10-4", "сообщение", "Ваша ссылка для друзей и как это работает", "Email", "контент", ["F10-5"], "", ""),
                ("F10-5", "выход", "Конец", "", "", [], "", "")]),
    dict(id="F11", name="Клуб постоянных: новые рестораны", type="регулярный",
         schedule="раз в месяц, первый четверг, 11:00", lane="Постоянный клиент", aud=["Постоянные"],
         goal="Заказ в новом ресторане", goal_event="order_created", stop="order_created",
         kpi="заказы из письма 4%", owner="Артём Лис (CRM)", status="активен", updated="05.11.2026", notes="",
         boxes=[("F11-1", "сообщение", "Первыми попробуйте: 5 новых ресторанов месяца + бесплатная доставка", "Email",
                 "контент", ["F11-2"], "", ""),
                ("F11-2", "выход", "Конец", "", "", [], "", "")]),
]

# feedback / event conditions governing message boxes (model only; the board says it in words)
M3_COND = {
    "F1-7": ("event", "order_created"), "F3-6": ("fb", "F3-1", "opened"), "F4-6": ("event", "order_created"),
    "F5-5": ("fb", "F5-2", "opened"), "F6-3": ("event", "order_created"), "F7-7": ("fb", "F7-4", "delivered"),
}
M3_BOUND = {"F4-8"}  # repeat limit / promo-code expiry

M3_DEFECTS = [
    ("FLOW003", "F6",
     "F6 loops F6-3 → F6-4 → F6-5 «нет» → F6-3 (a push every week) with no stop event and no repeat limit; the «Оформил заказ?» check does not bound it."),
    ("FLOW004", "F6",
     "F6 has goal event order_created but its «Стоп» cell is empty (the same omission that makes the loop endless)."),
    ("FLOW005", "F3-5",
     "Box F3-5 (SMS «−20% на роллы») is in frame F3 but no «Ведёт в» arrow points to it."),
    ("TRK001", "courier_late_30min",
     "F9's trigger box uses the event courier_late_30min, which is not on the «События» tab."),
    ("CNT002", "Засыпающие",
     "Every message to «Засыпающие» (F5-2, F5-5, F5-7) is promo: 100% > 60%."),
    ("FREQ002", "F8",
     "F8 (Ops) and F2 are both active and both fire on order_delivered for «Сделали 1 заказ»."),
    ("GOV001", "2026-04-12",
     "«Инфо» says the map was last updated 12.04.2026, more than 6 months before 2026-11-29 (the export date 27.11.2026 is not a review)."),
    ("COV004", "WhatsApp",
     "Channel WhatsApp (via Edna) is declared on «Каналы» but no box sends through it."),
    ("MAP004", "F10",
     "F10 is a trigger frame whose trigger box F10-1 has empty text: no trigger event."),
]

M3_LOOKALIKES = [
    ("FLOW003", "F4",
     "F4 loops F4-6 → F4-7 → F4-8 → F4-6, but F4 stops on order_created and the loop is bounded (at most 2 reminders, promo code lives 7 days)."),
    ("CNT002", "Ушедшие",
     "«Ушедшие» get 5 messages from F7, 3 of them promo: exactly 60%, not above the threshold."),
    ("COV001", "Постоянные — Москва",
     "No frame names «Постоянные — Москва», but its parent «Постоянные» is targeted by F6, F8, F10 and F11."),
    ("FREQ002", "F4",
     "F4 and F6 both fire on cart_abandoned, but for disjoint audiences («Новые установки» vs «Повторные; Постоянные»)."),
]


def write_csv(path: Path, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in rows:
            w.writerow(r)


def build_map3(root: Path):
    folder = root / M3_DIR
    (folder).mkdir(parents=True)
    key = Key()

    # Инфо: key-value, no header row
    write_csv(folder / "Инфо.csv", [(k, v) for k, v, _ in M3_INFO])
    for k, _, f in M3_INFO:
        key.add("Инфо", k, f)

    heads = [("Фрейм", "scenario"), ("Блок", "step"), ("Тип блока", "kind"), ("Текст", "message"),
             ("Канал", "channel"), ("Тип сообщения", "message_type"), ("Ведёт в", "next"),
             ("Ветка (да/нет)", "condition"), ("Комментарий", "ignore")]
    rows = [[h for h, _ in heads]]
    for h, f in heads:
        key.add("Схема", h, f)
    for fr in M3_FRAMES:
        for (bid, btype, text, ch, mt, nxt, br, com) in fr["boxes"]:
            rows.append([fr["id"], bid, btype, text, ch, mt, ", ".join(nxt), br, com])
        rows.append([""] * len(heads))  # blank separator like the board export
    write_csv(folder / "Схема.csv", rows)

    heads = [("Фрейм", "id"), ("Название", "name"), ("Тип", "kind"), ("Расписание", "schedule"),
             ("Дорожка (этап)", "stage"), ("Аудитория", "segments"), ("Цель", "goal"),
             ("Целевое событие", "goal_event"), ("Стоп", "stop_event"), ("KPI", "kpi"), ("Владелец", "owner"),
             ("Статус", "status"), ("Обновлён", "last_reviewed"), ("Заметки", "ignore")]
    rows = [[h for h, _ in heads]]
    for h, f in heads:
        key.add("Фреймы", h, f)
    for fr in M3_FRAMES:
        rows.append([fr["id"], fr["name"], fr["type"], fr["schedule"], fr["lane"], "; ".join(fr["aud"]), fr["goal"],
                     fr["goal_event"], fr["stop"], fr["kpi"], fr["owner"], fr["status"], fr["updated"], fr["notes"]])
    write_csv(folder / "Фреймы.csv", rows)

    def simple(name, heads, data):
        write_csv(folder / f"{name}.csv", [[h for h, _ in heads]] + [list(r) for r in data])
        for h, f in heads:
            key.add(name, h, f)

    simple("Аудитории", [("Аудитория", "id"), ("Входит в", "parent"), ("Размер", "size"), ("Ценность", "tier"),
                         ("Не беспокоить", "excluded"), ("Как считаем", "ignore")], M3_AUD)
    simple("События", [("event_name", "id"), ("Что это", "ignore"), ("Откуда", "source"), ("Трекаем?", "tracked"),
                       ("Комментарий", "ignore")], M3_EVENTS)
    simple("Платформы", [("Платформа", "id"), ("Что это", "kind"), ("Что шлёт", "channel"),
                         ("Получает события от", "source"), ("Отдаёт данные в", "sends_to"),
                         ("Комментарий", "ignore")], M3_PLATFORMS)
    simple("Каналы", [("Канал", "id"), ("Тип", "kind"), ("Платформа", "system"), ("Цена за контакт", "ignore")],
           M3_CHANNELS)
    simple("Этапы", [("Дорожка", "id"), ("Куда дальше", "next"), ("Конец пути?", "final"),
                     ("Что происходит", "ignore")], M3_STAGES)

    write_answers(folder.parent, "Доставка «Тарелка»: CRM-карта, экспорт с доски Miro в CSV-вкладки", M3_DIR, "ru",
                  M3_DEFECTS, M3_LOOKALIKES, key)
    return model_map3()


def model_map3():
    evs = {e[0] for e in M3_EVENTS}
    ch_kind = {"push": "push", "email": "email", "sms": "sms", "мессенджер": "messenger"}
    scen = []
    for fr in M3_FRAMES:
        steps = []
        trigger = None
        for (bid, btype, text, ch, mt, nxt, br, com) in fr["boxes"]:
            if btype == "триггер" and text:
                trigger = text.split(":")[1].split("(")[0].strip()
            steps.append(dict(id=bid, channel=ch or None, message=text if ch else None,
                              mtype={"промо": "promo", "контент": "content"}.get(mt, "service"),
                              cond=M3_COND.get(bid), next=list(nxt), bound=bid in M3_BOUND))
        scen.append(dict(id=fr["id"], kind="regular" if fr["type"] == "регулярный" else "trigger", stage=fr["lane"],
                         segments=list(fr["aud"]), trigger=trigger, schedule=fr["schedule"], per_week=1,
                         goal=fr["goal"], goal_event=fr["goal_event"] or None,
                         stop=[fr["stop"]] if fr["stop"] else [], kpi=fr["kpi"], owner=fr["owner"],
                         status="active" if fr["status"] == "активен" else "planned", reviewed=d(fr["updated"]),
                         steps=steps))
    assert all(s["trigger"] in evs or s["trigger"] in (None, "courier_late_30min") for s in scen)
    return dict(
        segments=[dict(id=a[0], parent=a[1] or None, size=parse_size(a[2]),
                       tier="high" if a[3] == "высокая" else "mass", excluded=a[4] == "да") for a in M3_AUD],
        stages=[dict(id=s[0], next=[x.strip() for x in s[1].split(",") if x.strip() not in ("", "—")],
                     final=s[2] == "да") for s in M3_STAGES],
        channels=[dict(id=c[0], kind=ch_kind[c[1]]) for c in M3_CHANNELS],
        events=[dict(id=e[0], source=e[2], tracked=e[3] == "да") for e in M3_EVENTS],
        systems=[dict(id=p[0], channels=[x.strip() for x in p[2].split(",") if x.strip()],
                      receives=[x.strip() for x in p[3].split(",") if x.strip()],
                      sends_to=[x.strip() for x in p[4].split(",") if x.strip()],
                      orchestrates=p[0] == "Mindbox") for p in M3_PLATFORMS],
        scenarios=scen, map_reviewed=d(M3_INFO[2][1]))


# ==========================================================================
def main():
    for sub in (M1_DIR, M2_DIR, "board_export_mixed"):
        if (HERE / sub).exists():
            shutil.rmtree(HERE / sub)
    m1 = build_map1(HERE)
    m2 = build_map2(HERE)
    m3 = build_map3(HERE / "board_export_mixed")
    verify("cjm_grid_ru", m1, M1_DEFECTS, M1_LOOKALIKES)
    verify("hubspot_en", m2, M2_DEFECTS, M2_LOOKALIKES)
    verify("board_export_mixed", m3, M3_DEFECTS, M3_LOOKALIKES)
    print("written to", HERE)


if __name__ == "__main__":
    sys.exit(main())
