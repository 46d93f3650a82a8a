#!/usr/bin/env python3
"""Generator for tests/corpus12: three client-style communication maps with
planted defects, look-alikes and an answer key per map.

Run from the repository root:  python tests/corpus12/build.py

Each map is first described as a small canonical model (segments, stages,
events, platforms, channels, scenarios with steps).  The model is rendered in
the client's own layout (agency matrix workbook, US "Flows" workbook, Google
Sheets CSV export) and also fed to a hand-written sanity checker
(``selfcheck``) that recomputes, with the thresholds of the rule catalogue,
everything the answer key claims: weekly contact pressure per segment, promo
share, coverage, stage graph, event usage, platform sources, integrations.
The checker prints its findings so that the planted defects can be compared
with answers.toml and accidental ones spotted.
"""
from __future__ import annotations

import csv
import datetime as dt
import pathlib
import shutil
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = pathlib.Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 29)

# ---------------------------------------------------------------------------
# canonical model helpers (used by the self-check only)
# ---------------------------------------------------------------------------
CAPS = {"email": 3, "sms": 2, "push": 5, "messenger": 3, "call": 1}
CAP_TOTAL = 10
COST = {"push": 1, "email": 2, "messenger": 3, "sms": 4, "call": 5}
PROMO_SHARE = 0.60
CALL_SIZE = 1000
REPORTS = {  # feedback a channel can report
    "email": {"opened", "clicked", "delivered"},
    "push": {"opened", "clicked", "delivered"},
    "messenger": {"delivered", "read", "clicked"},
    "sms": {"delivered", "clicked"},
    "call": {"answered"},
}


def step(n, ch, system, timing, text, mtype, cond=None, nxt=None, note=""):
    """cond: None, or (feedback, step_no) e.g. ("opened", 1) meaning
    "only if step 1 was NOT opened"."""
    return dict(n=n, ch=ch, system=system, timing=timing, text=text,
                mtype=mtype, cond=cond, next=nxt, note=note)


def months_before(d: dt.date, m: int) -> dt.date:
    y, mo = d.year, d.month - m
    while mo <= 0:
        mo += 12
        y -= 1
    return dt.date(y, mo, min(d.day, 28 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31))


def selfcheck(name, m):
    """m: dict with segments, stages, events, systems, channels, scenarios,
    map_reviewed.  Prints everything a careful auditor would flag."""
    out = []
    segs = {s["id"]: s for s in m["segments"]}
    chans = {c["id"]: c for c in m["channels"]}
    evs = {}
    for e in m["events"]:
        if e["id"] in evs:
            out.append(f"MAP002 duplicate event {e['id']}")
        evs[e["id"]] = e
    systems = {s["id"]: s for s in m["systems"]}
    stages = {s["id"]: s for s in m["stages"]}
    live = [s for s in m["scenarios"] if s["status"] in ("active", "planned")]
    active = [s for s in m["scenarios"] if s["status"] == "active"]

    def kind(ch):
        return chans[ch]["kind"]

    # references
    for s in m["scenarios"]:
        for sg in s["segments"]:
            if sg not in segs:
                out.append(f"MAP001 {s['id']} unknown segment {sg}")
        if s["stage"] not in stages:
            out.append(f"MAP001 {s['id']} unknown stage {s['stage']}")
        for ev in [s.get("trigger")] + [s.get("goal_event")] + list(s.get("stop", [])):
            if ev and ev not in evs:
                out.append(f"TRK001 {s['id']} undefined event {ev}")
            elif ev and not evs[ev]["tracked"]:
                out.append(f"TRK002 {s['id']} untracked event {ev}")
        if s["kind"] in ("trigger", "service") and not s.get("trigger"):
            out.append(f"MAP004 {s['id']} trigger scenario without trigger")
        if not s["steps"]:
            out.append(f"MAP005 {s['id']} no steps")
        if not s.get("goal"):
            out.append(f"CNT001 {s['id']} no goal")
        if not s.get("kpi"):
            out.append(f"CNT003 {s['id']} no KPI")
        if s["status"] == "active" and not s.get("owner"):
            out.append(f"GOV003 {s['id']} no owner")
        if s["status"] == "active" and (not s.get("goal_event") or (s["goal_event"] in evs and not evs[s["goal_event"]]["tracked"])):
            out.append(f"TRK004 {s['id']} goal not measurable")
        if s.get("goal_event") and s["goal_event"] not in s.get("stop", []):
            out.append(f"FLOW004 {s['id']} goal {s['goal_event']} not a stop")
        rev = s.get("reviewed")
        if isinstance(rev, str):
            out.append(f"MAP003 {s['id']} bad date {rev}")
        elif rev and rev < months_before(TODAY, 6):
            out.append(f"GOV002 {s['id']} reviewed {rev}")
        for st in s["steps"]:
            if st["ch"] not in chans:
                out.append(f"MAP001 {s['id']}-{st['n']} unknown channel {st['ch']}")
            if st["system"] not in systems:
                out.append(f"MAP001 {s['id']}-{st['n']} unknown system {st['system']}")
            elif chans[st["ch"]]["id"] not in systems[st["system"]]["channels"]:
                out.append(f"INT001 {s['id']}-{st['n']} {st['system']} does not send {st['ch']}")
            if not st["text"]:
                out.append(f"CNT004 {s['id']}-{st['n']} no message")
    # duplicates of step ids / scenario ids
    seen = set()
    for s in m["scenarios"]:
        if s["id"] in seen:
            out.append(f"MAP002 duplicate scenario {s['id']}")
        seen.add(s["id"])
    rv = m["map_reviewed"]
    out.append(f"(map reviewed {rv}; stale if before {months_before(TODAY, 6)})")
    if rv < months_before(TODAY, 6):
        out.append(f"GOV001 map reviewed {rv}")

    # coverage
    def reaches(s, sg):
        return sg in s["segments"] or (segs.get(sg, {}).get("parent") in s["segments"])
    for sg in segs.values():
        if sg["excluded"]:
            continue
        if not any(reaches(s, sg["id"]) for s in live):
            out.append(f"COV001 segment {sg['id']} untargeted")
    for st in stages.values():
        if not any(s["stage"] == st["id"] for s in live):
            out.append(f"COV002 stage {st['id']} unserved")
    for s in live:
        for st in s["steps"]:
            if st["mtype"] in ("promo", "news", "content"):
                for sg in segs.values():
                    if sg["excluded"] and reaches(s, sg["id"]):
                        out.append(f"COV003 {s['id']}-{st['n']} {st['mtype']} to excluded {sg['id']}")
    used_ch = {st["ch"] for s in m["scenarios"] for st in s["steps"]}
    for c in chans:
        if c not in used_ch:
            out.append(f"COV004 channel {c} unused")

    # stage graph
    first = m["stages"][0]["id"]
    seen, todo = {first}, [first]
    while todo:
        x = todo.pop()
        for y in stages[x]["next"]:
            if y not in stages:
                out.append(f"MAP001 stage {x} next {y} unknown")
                continue
            if y not in seen:
                seen.add(y)
                todo.append(y)
    for st in stages.values():
        if not st["next"] and not st["final"]:
            out.append(f"FLOW001 stage {st['id']} dead end")
        if st["id"] not in seen:
            out.append(f"FLOW002 stage {st['id']} unreachable")

    # loops
    for s in m["scenarios"]:
        nxt = {st["n"]: st["next"] for st in s["steps"] if st.get("next")}
        for a in nxt:
            cur, hops = nxt.get(a), 0
            while cur is not None and hops < 20:
                if cur == a:
                    if not s.get("stop"):
                        out.append(f"FLOW003 {s['id']} loop via step {a} without stop")
                    break
                cur, hops = nxt.get(cur), hops + 1

    # events
    used_ev = set()
    for s in m["scenarios"]:
        used_ev |= {s.get("trigger"), s.get("goal_event"), *s.get("stop", [])}
    for e in evs.values():
        if e["tracked"] and e["id"] not in used_ev:
            out.append(f"TRK005 event {e['id']} unused")
        if not e["tracked"] and e["id"] not in used_ev:
            out.append(f"(info) untracked unused event {e['id']} - not TRK005")

    # sources (TRK003)
    for s in live:
        if not s["steps"]:
            continue
        tr = s.get("trigger")
        if tr in evs:
            sy = s["steps"][0]["system"]
            if evs[tr]["source"] not in systems[sy]["receives"]:
                out.append(f"TRK003 {s['id']} trigger {tr} from {evs[tr]['source']} not received by {sy}")
        for ev in set(s.get("stop", [])) | ({s["goal_event"]} if s.get("goal_event") else set()):
            if ev in evs:
                for st in s["steps"]:
                    if evs[ev]["source"] not in systems[st["system"]]["receives"]:
                        out.append(f"TRK003? {s['id']}-{st['n']} stop/goal {ev} from {evs[ev]['source']} not received by {st['system']}")

    # cascades
    def path(a, b):
        seen, todo = {a}, [a]
        while todo:
            x = todo.pop()
            for y in systems[x]["sends_to"]:
                if y == b:
                    return True
                if y not in seen and y in systems:
                    seen.add(y)
                    todo.append(y)
        return False
    for s in m["scenarios"]:
        by_n = {st["n"]: st for st in s["steps"]}
        for st in s["steps"]:
            if not st["cond"]:
                continue
            fb, ref = st["cond"]
            src = by_n[ref]
            if fb not in REPORTS[kind(src["ch"])]:
                out.append(f"INT003 {s['id']}-{st['n']} '{fb}' on {src['ch']}")
            if src["system"] != st["system"] and not path(src["system"], st["system"]):
                out.append(f"INT002 {s['id']}-{st['n']} {src['system']}->{st['system']} no integration")
            if kind(src["ch"]) in ("sms", "call") and COST[kind(st["ch"])] < COST[kind(src["ch"])]:
                out.append(f"COST001 {s['id']}-{st['n']} {src['ch']} -> cheaper {st['ch']}")
            if src["system"] != st["system"] and path(src["system"], st["system"]):
                out.append(f"(info) cross-platform cascade {s['id']}-{st['n']} {src['system']}->{st['system']} ok")

    # calls
    for s in live:
        for st in s["steps"]:
            if kind(st["ch"]) == "call":
                for sg in s["segments"]:
                    g = segs.get(sg)
                    if g is None:
                        continue
                    ok = g["tier"] in ("vip", "high") and g["size"] <= CALL_SIZE
                    out.append(("COST002 " if not ok else "(ok call) ") + f"{s['id']}-{st['n']} call to {sg} size {g['size']} tier {g['tier']}")

    # duplicate triggers
    pairs = {}
    for s in active:
        for sg in s["segments"]:
            if s.get("trigger"):
                pairs.setdefault((s["trigger"], sg), []).append(s["id"])
    for (ev, sg), ids in pairs.items():
        if len(ids) > 1:
            out.append(f"FREQ002 {ev} for {sg}: {ids}")

    # pressure and promo share
    for sg in segs.values():
        cnt = {k: 0.0 for k in CAPS}
        n_steps = n_promo = 0
        for s in live:
            if not reaches(s, sg["id"]):
                continue
            f = s.get("per_week", 1.0)
            for st in s["steps"]:
                cnt[kind(st["ch"])] += f
                n_steps += 1
                n_promo += st["mtype"] == "promo"
        tot = sum(cnt.values())
        flags = [k for k in CAPS if cnt[k] > CAPS[k]] + (["total"] if tot > CAP_TOTAL else [])
        at = [k for k in CAPS if cnt[k] == CAPS[k] and cnt[k]] + (["total"] if tot == CAP_TOTAL else [])
        share = n_promo / n_steps if n_steps else 0
        line = (f"  {sg['id']:<22} " + " ".join(f"{k}={v:g}" for k, v in cnt.items() if v)
                + f" total={tot:g} promo={n_promo}/{n_steps}={share:.0%}")
        if flags:
            line += f"  <-- FREQ001 {flags}"
        if at:
            line += f"  (at cap: {at})"
        if share > PROMO_SHARE:
            line += "  <-- CNT002"
        out.append(line)
    print(f"===== self-check {name}")
    for o in out:
        print("  " + o)


# ---------------------------------------------------------------------------
# TOML writer
# ---------------------------------------------------------------------------
def tq(s: str) -> str:
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{s}"'


def write_answers(folder, title, map_name, lang, defects, lookalikes, columns):
    lines = [f"title = {tq(title)}", f"map = {tq(map_name)}", f"lang = {tq(lang)}",
             f"today = {tq(TODAY.isoformat())}", ""]
    for tbl, items in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in items:
            lines += [f"[[{tbl}]]", f"code = {tq(code)}", f"match = {tq(match)}", f"why = {tq(why)}", ""]
    for sheet, header, field in columns:
        lines += ["[[column]]", f"sheet = {tq(sheet)}", f"header = {tq(header)}", f"field = {tq(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(lines), encoding="utf-8")


FIELDS = set("id name parent size tier excluded stage next final channel kind system source tracked "
             "scenario scenario_name step trigger schedule timing segments goal goal_event stop_event kpi "
             "owner status last_reviewed message message_type condition sends_to ignore".split())


# ---------------------------------------------------------------------------
# xlsx styling helpers
# ---------------------------------------------------------------------------
THIN = Side(style="thin", color="B7B7B7")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def fill(hex_):
    return PatternFill("solid", start_color=hex_, end_color=hex_)


def title(ws, cell_range, text, size=14, color="1F3864", bg=None):
    ws.merge_cells(cell_range)
    c = ws[cell_range.split(":")[0]]
    c.value = text
    c.font = Font(bold=True, size=size, color=color)
    c.alignment = Alignment(vertical="center")
    if bg:
        c.fill = fill(bg)


def header_row(ws, row, headers, col=1, bg="D9E1F2"):
    for i, h in enumerate(headers):
        c = ws.cell(row=row, column=col + i, value=h)
        c.font = Font(bold=True)
        c.fill = fill(bg)
        c.alignment = CENTER
        c.border = BOX


def widths(ws, ws_widths):
    for i, w in enumerate(ws_widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def put(ws, row, col, value, fmt=None, bg=None, bold=False):
    c = ws.cell(row=row, column=col, value=value)
    c.alignment = WRAP
    c.border = BOX
    if fmt:
        c.number_format = fmt
    if bg:
        c.fill = fill(bg)
    if bold:
        c.font = Font(bold=True)
    return c


# ===========================================================================
# MAP 1 — agency_ru: «Сытый Хвост», DTC pet food, agency-style workbook
# ===========================================================================
def agency_model():
    segments = [
        # id, name, size text, size, tier(text), tier(canon), stop?, criterion, note
        ("S01", "Новые подписчики (без заказа)", "~38 тыс.", 38000, "стандарт", "std", False,
         "Подписка на сайте / в приложении, оплаченных заказов нет", "Основной вход — поп-ап «−10% на первый заказ»"),
        ("S02", "Сделали первый заказ", "22 400", 22400, "стандарт", "std", False,
         "Ровно 1 оплаченный заказ", ""),
        ("S03", "Постоянные покупатели", "~41 тыс.", 41000, "средняя", "mid", False,
         "2+ заказа, последний — менее 45 дней назад", "Ядро базы, 62% выручки"),
        ("S04", "Автодоставка", "9 800", 9800, "высокая", "high", False,
         "Активная подписка на автодоставку корма", ""),
        ("S05", "Риск оттока", "17 500", 17500, "стандарт", "std", False,
         "45–90 дней без заказа", ""),
        ("S06", "Ушедшие", "~26 тыс.", 26000, "низкая", "low", False,
         "Более 90 дней без заказа", "Частота писем — не выше 3 в неделю"),
        ("S07", "Заводчики и питомники", "340", 340, "VIP", "vip", False,
         "Карта заводчика, оптовые условия", "Персональные менеджеры (Ирина Пак)"),
        ("S08", "Покупатели с маркетплейсов", "6 300", 6300, "стандарт", "std", False,
         "Зарегистрировали покупку с Ozon по QR-вкладышу", "Новый сегмент с v3.0"),
        ("S09", "Отказ от рекламы", "12 000", 12000, "", "", True,
         "Отписались от рекламных рассылок (ФЗ «О рекламе»)", "Только сервисные сообщения!"),
    ]
    stages = [
        # name, what happens, next, final, metric, comment
        ("Знакомство", "Подписался, изучает ассортимент, ещё не покупал", ["Первый заказ"], False, "CR в первый заказ", ""),
        ("Первый заказ", "Получил первый заказ, пробует корм", ["Повторные заказы"], False, "Доля вторых заказов", ""),
        ("Повторные заказы", "Покупает регулярно вручную", ["Автодоставка", "Риск оттока"], False, "Частота покупок", ""),
        ("Автодоставка", "Оформил подписку на регулярную доставку", ["Амбассадор", "Риск оттока"], False, "Отток подписки", ""),
        ("Риск оттока", "Пропустил обычный цикл покупки", ["Повторные заказы", "Отток"], False, "Возврат в 45–90 дн.", ""),
        ("Отток", "Не покупает более 90 дней", [], False, "Доля вернувшихся", "Возврат — через win-back"),
        ("Амбассадор", "Рекомендует бренд, приводит друзей", [], True, "Приглашённые друзья", "Реферальная программа — в 2027"),
    ]
    events = [
        # id, meaning, source, how, tracked(text), tracked, used in, comment
        ("subscribe", "Подписка на рассылку (поп-ап, футер, ЛК)", "Сайт", "JS-трекер Mindbox", "да", True, "W1", ""),
        ("cart_abandoned", "Корзина без оформления 60 минут", "Сайт", "JS-трекер Mindbox", "да", True, "C1", ""),
        ("order_created", "Заказ оформлен и оплачен", "1С", "обмен 1С → Mindbox каждые 15 мин", "да", True, "цели всех цепочек", ""),
        ("order_shipped", "Заказ передан в СДЭК", "1С", "обмен 1С → Mindbox, 1С → SMSC", "да", True, "D1", ""),
        ("order_delivered", "СДЭК подтвердил вручение", "1С", "статусы СДЭК в 1С", "да", True, "P1, D1", ""),
        ("food_running_out", "Расчётная дата окончания корма минус 5 дней", "1С", "расчёт в 1С по граммовке и весу питомца", "да", True, "R1", "Граммовку берём из анкеты питомца"),
        ("autoship_in_2_days", "До списания по автодоставке 2 дня", "1С", "регламентное задание 1С, 09:00", "да", True, "A1", ""),
        ("autoship_paid", "Списание по автодоставке прошло", "1С", "1С ← CloudPayments", "да", True, "A1", ""),
        ("payment_failed", "Списание по автодоставке не прошло", "CloudPayments", "вебхук CloudPayments → Mindbox", "да", True, "A2", ""),
        ("card_updated", "Клиент привязал новую карту в ЛК", "Сайт", "JS-трекер Mindbox", "да", True, "A2", ""),
        ("no_order_45d", "45 дней с последнего заказа", "1С", "ночной пересчёт", "да", True, "K1", ""),
        ("no_order_90d", "90 дней с последнего заказа", "1С", "ночной пересчёт", "да", True, "B1", ""),
        ("marketplace_order", "Покупка на Ozon, клиент отсканировал QR-вкладыш", "Ozon", "выгрузка из ЛК продавца Ozon раз в сутки", "да", True, "M1",
         "Выгрузка Ozon идёт в BI (DataLens)"),
    ]
    systems = [
        # id, role, channels, receives, sends_to, what, contract, comment
        ("Mindbox", "CDP, оркестрация цепочек, email и push", ["Email", "Push"],
         ["Сайт", "Приложение", "1С", "CloudPayments"], ["Salebot", "Битрикс24"],
         "сегменты, статусы доставки и открытий писем и push", "31.12.2026", "Основная платформа, все цепочки собираются здесь"),
        ("SMSC.ru", "SMS-шлюз", ["SMS"], ["1С"], ["Mindbox"],
         "статусы доставки SMS (вебхук)", "", "Подключён к 1С для сервисных SMS. Интеграция Mindbox → SMSC — в планах на Q1 2027"),
        ("Salebot", "Telegram-бот @sytyhvost_bot", ["Telegram"], ["Mindbox", "1С", "Telegram"], [],
         "", "", "Заказы из 1С приходят транзитом через Mindbox"),
        ("Битрикс24", "Колл-центр и задачи менеджерам B2B", ["Звонок"], ["Mindbox", "1С"], [],
         "", "", "Звонят только менеджеры по заводчикам"),
    ]
    channels = [
        ("Email", "email", 0.15, "Mindbox", ""),
        ("Push", "мобильный push", 0.05, "Mindbox", "Только пользователи приложения (iOS/Android)"),
        ("SMS", "SMS", 2.9, "SMSC.ru", "Имя отправителя SytyHvost"),
        ("Telegram", "мессенджер", 0.3, "Salebot", "Только подписчики бота"),
        ("Звонок", "звонок", 45, "Битрикс24", ""),
    ]
    K = dict(email="Email", push="Push", sms="SMS", tg="Telegram", call="Звонок")
    MB, SM, SB, BX = "Mindbox", "SMSC.ru", "Salebot", "Битрикс24"
    scen = []

    def sc(**kw):
        kw.setdefault("per_week", 1.0)
        kw.setdefault("schedule", "")
        kw.setdefault("trigger", "")
        scen.append(kw)

    sc(id="W1", name="Welcome-цепочка", kind="trigger", kind_text="триггерная", trigger="subscribe",
       segments=["S01"], stage="Знакомство", goal="Первый заказ в течение 14 дней после подписки",
       goal_event="order_created", stop=["order_created"], kpi="CR в первый заказ ≥ 7%",
       owner="Ксения Лебедева", status="active", status_text="работает", reviewed=dt.date(2026, 10, 12),
       steps=[
           step(1, K["email"], MB, "сразу", "Добро пожаловать в стаю! −10% на первый заказ по коду ХВОСТ10", "promo"),
           step(2, K["email"], MB, "через 1 день, 10:00", "Как выбрать корм по возрасту: котёнок, взрослый, пожилой", "content"),
           step(3, K["email"], MB, "на 3-й день", "Беззерновой или холистик? Разбираем состав без маркетинга", "content"),
           step(4, K["email"], MB, "на 6-й день", "Код ХВОСТ10 сгорает завтра — успейте забрать скидку", "promo",
                note="4 письма за неделю — клиент просил «пожирнее»"),
       ])
    sc(id="C1", name="Брошенная корзина", kind="trigger", kind_text="триггерная", trigger="cart_abandoned",
       segments=["S03", "S10"], stage="Повторные заказы", goal="Вернуть к оформлению заказа",
       goal_event="order_created", stop=["order_created"], kpi="Конверсия в заказ 9–12%",
       owner="Ксения Лебедева", status="active", status_text="работает", reviewed=dt.date(2026, 9, 5),
       steps=[
           step(1, K["email"], MB, "через 1 час", "Вы забыли кое-что вкусное 🐾 — товары из корзины и кнопка «Оформить»", "content"),
           step(2, K["push"], MB, "через 1 день", "Корзина ждёт: Holistic Lamb 2 кг и ещё 1 товар", "content", cond=("opened", 1)),
           step(3, K["email"], MB, "через 3 дня", "−5% на вашу корзину до воскресенья", "promo"),
       ])
    sc(id="P1", name="После первого заказа", kind="trigger", kind_text="триггерная", trigger="order_delivered",
       segments=["S02"], stage="Первый заказ", goal="Второй заказ в течение 30 дней",
       goal_event="order_created", stop=["order_created"], kpi="Доля вторых заказов за 30 дн. ≥ 25%",
       owner="Ксения Лебедева", status="active", status_text="работает", reviewed=dt.date(2026, 9, 5),
       steps=[
           step(1, K["email"], MB, "через 2 часа после доставки", "Как перевести питомца на новый корм: схема на 7 дней", "content"),
           step(2, K["tg"], SB, "D+5", "Подключите нашего бота — напомним, когда корм будет заканчиваться", "content"),
           step(3, K["email"], MB, "D+14", "Второй заказ — с бесплатной доставкой до конца месяца", "promo"),
       ])
    sc(id="R1", name="Корм заканчивается", kind="trigger", kind_text="триггерная", trigger="food_running_out",
       segments=["S03"], stage="Повторные заказы", goal="Повторный заказ до того, как корм закончится",
       goal_event="order_created", stop=["order_created"], kpi="Заказы из напоминания ≥ 18%",
       owner="", status="active", status_text="работает", reviewed=dt.date(2026, 8, 21),
       steps=[
           step(1, K["push"], MB, "сразу, в 11:00", "Барсик доест корм примерно через 5 дней. Повторить заказ в 1 клик?", "content"),
           step(2, K["tg"], SB, "через 1 день", "Напоминаем про корм: повторить прошлый заказ — кнопка ниже", "content",
                cond=("opened", 1), note="Ответственный уволился, сценарий ведёт кто-то из CRM"),
       ])
    sc(id="D1", name="Статусы заказа", kind="service", kind_text="сервисная", trigger="order_shipped",
       segments=["S02", "S03", "S04", "S07", "S09"], stage="Повторные заказы",
       goal="Клиент знает, где заказ; меньше звонков в поддержку",
       goal_event="order_delivered", stop=["order_delivered"], kpi="Обращения «где мой заказ» −20%",
       owner="Дмитрий Орлов", status="active", status_text="работает", reviewed=dt.date(2026, 7, 1),
       steps=[
           step(1, K["sms"], SM, "сразу", "Сытый Хвост: заказ №{номер} передан в СДЭК. Трек: {ссылка}", "service",
                note="Отказ от рекламы (S09) получает — это сервисное"),
       ])
    sc(id="A1", name="Автодоставка: предупреждение о списании", kind="service", kind_text="сервисная",
       trigger="autoship_in_2_days", segments=["S04"], stage="Автодоставка",
       goal="Клиент знает о списании и не отменяет подписку", goal_event="autoship_paid", stop=["autoship_paid"],
       kpi="Отмены после списания < 2%", owner="Дмитрий Орлов", status="active", status_text="работает",
       reviewed=dt.date(2026, 9, 14),
       steps=[
           step(1, K["sms"], SM, "в день события, 12:00", "Через 2 дня спишем 3 490 ₽ за автодоставку корма. Изменить состав: {ссылка}", "service"),
           step(2, K["email"], MB, "через 2 часа", "Напоминаем о списании по автодоставке — состав заказа и дата", "service",
                cond=("delivered", 1), note="SMS — первым, «чтобы точно увидели»"),
       ])
    sc(id="A2", name="Автодоставка: ошибка оплаты", kind="service", kind_text="сервисная", trigger="payment_failed",
       segments=["S04"], stage="Автодоставка", goal="Клиент обновил карту, автодоставка не сорвалась",
       goal_event="card_updated", stop=["card_updated"], kpi="Восстановлено платежей ≥ 60%",
       owner="Дмитрий Орлов", status="active", status_text="работает", reviewed=dt.date(2026, 9, 14),
       steps=[
           step(1, K["email"], MB, "сразу", "Не получилось списать оплату — обновите карту, чтобы корм приехал вовремя", "service"),
           step(2, K["push"], MB, "через 1 день, 10:00", "Карта не обновлена — автодоставка на паузе", "service"),
       ])
    sc(id="K1", name="Риск оттока", kind="trigger", kind_text="триггерная", trigger="no_order_45d",
       segments=["S05"], stage="Риск оттока", goal="Вернуть к заказу до 90 дней",
       goal_event="order_created", stop=["order_created"], kpi="Реактивация 45–90 дн. ≥ 12%",
       owner="Ксения Лебедева", status="active", status_text="работает", reviewed=dt.date(2026, 10, 30),
       steps=[
           step(1, K["email"], MB, "сразу", "Как дела у вашего питомца? Подберём рацион заново — тест за 2 минуты", "content"),
           step(2, K["push"], MB, "через 2 дня", "Новое: гипоаллергенная линейка с индейкой", "content", cond=("opened", 1)),
           step(3, K["email"], MB, "на 5-й день", "−15% на любимый корм до воскресенья по коду СКУЧАЕМ", "promo"),
           step(4, K["sms"], SM, "на 7-й день, 12:00", "Сытый Хвост: −15% по коду СКУЧАЕМ до вс. {ссылка}", "promo",
                cond=("opened", 3)),
       ])
    sc(id="B1", name="Возврат ушедших (win-back)", kind="trigger", kind_text="триггерная", trigger="no_order_90d",
       segments=["S06"], stage="Отток", goal="Повторный заказ после 90+ дней тишины",
       goal_event="order_created", stop=["order_created"], kpi="Вернулось ≥ 5% сегмента",
       owner="Ксения Лебедева", status="active", status_text="работает", reviewed="31.06.2026",
       steps=[
           step(1, K["email"], MB, "сразу", "Мы обновили рецептуры: в гипоаллергенных кормах больше нет курицы", "content"),
           step(2, K["email"], MB, "через неделю", "−20% на возвращение — код СНОВАВМЕСТЕ", "promo"),
           step(3, K["tg"], SB, "D+10", "−20% ещё действует 3 дня — забрать скидку", "promo", cond=("opened", 2)),
           step(4, K["email"], MB, "D+21", "Хотите получать письма реже? Настройте частоту в один клик", "content"),
       ])
    sc(id="V1", name="Заводчики: персональный менеджер", kind="regular", kind_text="регулярная",
       schedule="раз в месяц, первая неделя", per_week=0.25, segments=["S07"], stage="Повторные заказы",
       goal="Закупка на месяц по оптовым условиям", goal_event="order_created", stop=["order_created"],
       kpi="Средний чек заводчика ≥ 18 000 ₽", owner="Ирина Пак", status="active", status_text="работает",
       reviewed=dt.date(2026, 11, 2),
       steps=[
           step(1, K["call"], BX, "1-я неделя месяца, пн–ср", "Звонок менеджера: план закупки на месяц, оптовые цены, образцы новинок", "content"),
           step(2, K["email"], MB, "в день звонка", "Прайс для питомников на месяц + условия отсрочки", "promo"),
       ])
    sc(id="N1", name="Дайджест «Хвостатые новости»", kind="regular", kind_text="регулярная",
       schedule="раз в 2 недели, пятница 11:00", per_week=0.5, segments=["S03", "S04"], stage="Повторные заказы",
       goal="Вовлечение, переходы в каталог", goal_event="order_created", stop=["order_created"],
       kpi="CTR ≥ 2,5%", owner="Ксения Лебедева", status="active", status_text="работает",
       reviewed=dt.date(2026, 10, 12),
       steps=[
           step(1, K["email"], MB, "пятница, 11:00", "Новинки месяца, советы ветеринара, истории наших клиентов", "news"),
       ])
    sc(id="M1", name="С маркетплейса на сайт", kind="trigger", kind_text="триггерная", trigger="marketplace_order",
       segments=["S08"], stage="Первый заказ", goal="Первый заказ на сайте после покупки на Ozon",
       goal_event="order_created", stop=["order_created"], kpi="Переход в заказ на сайте ≥ 8%",
       owner="Антон Мельников", status="active", status_text="запущена", reviewed=dt.date(2026, 11, 18),
       steps=[
           step(1, K["email"], MB, "через 3 дня после покупки", "Спасибо за покупку на Ozon! На сайте — −15% на второй заказ", "promo"),
           step(2, K["email"], MB, "D+10", "Как хранить корм после вскрытия упаковки: 4 правила", "content"),
       ])

    model = dict(
        segments=[dict(id=s[0], parent=None, size=s[3], tier=s[5], excluded=s[6]) for s in segments],
        stages=[dict(id=s[0], next=s[2], final=s[3]) for s in stages],
        events=[dict(id=e[0], source=e[2], tracked=e[5]) for e in events],
        systems=[dict(id=s[0], channels=s[2], receives=s[3], sends_to=s[4]) for s in systems],
        channels=[dict(id=c[0], kind={"мобильный push": "push", "мессенджер": "messenger", "звонок": "call",
                                      "SMS": "sms", "email": "email"}[c[1]]) for c in channels],
        scenarios=scen, map_reviewed=dt.date(2026, 6, 3))
    raw = dict(segments=segments, stages=stages, events=events, systems=systems, channels=channels)
    return model, raw


AG_MTYPE = {"promo": "акционное", "content": "информационное", "news": "новостное", "service": "сервисное"}
AG_COND = {
    ("C1", 2): "если письмо не открыто",
    ("R1", 2): "если push не открыт",
    ("A1", 2): "если SMS не доставлено",
    ("K1", 2): "если письмо не открыто",
    ("K1", 4): "если письмо с промокодом не открыто",
    ("B1", 3): "если письмо не открыто",
}
AG_CH_SHORT = {"Email": "email", "Push": "push", "SMS": "SMS", "Telegram": "TG", "Звонок": "звонок"}


def build_agency():
    model, raw = agency_model()
    folder = HERE / "agency_ru"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "Syty_Hvost_karta_kommunikatsiy_v3.2.xlsx"
    wb = Workbook()
    cols = []

    # --- sheet 1: cover -----------------------------------------------------
    ws = wb.active
    ws.title = "О документе"
    title(ws, "A1:D1", "Карта коммуникаций «Сытый Хвост»", size=18, bg="FCE4D6")
    title(ws, "A2:D2", "Подготовлено CRM-агентством «Точка касания» для ООО «Сытый Хвост»", size=11, color="595959")
    kv = [("Клиент", "ООО «Сытый Хвост» — DTC-бренд кормов для кошек и собак (сайт, приложение, Ozon)", "ignore"),
          ("Версия", "3.2", "ignore"),
          ("Дата актуализации", "03.06.2026", "last_reviewed"),
          ("Согласовано с клиентом", "Е. Воронина, директор по маркетингу", "ignore"),
          ("Менеджер проекта (агентство)", "Анна Кравец, a.kravets@tochka-kasaniya.ru", "ignore")]
    for i, (k, v, f) in enumerate(kv, start=4):
        put(ws, i, 1, k, bold=True, bg="F2F2F2")
        ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=4)
        put(ws, i, 2, v)
        cols.append((ws.title, k, f))
    ws.cell(row=11, column=1, value="Легенда").font = Font(bold=True, size=12)
    header_row(ws, 12, ["Обозначение", "Что значит"])
    cols += [(ws.title, "Обозначение", "ignore"), (ws.title, "Что значит", "ignore")]
    legend = [("работает / запущена", "сценарий в продакшене"),
              ("план", "в разработке, запуск по роадмапу"),
              ("D+5", "на 5-й день после события-триггера"),
              ("→", "следующее касание в цепочке"),
              ("S01…S09", "коды сегментов, см. лист «Матрица»"),
              ("Стоп-лист: да", "рекламные и контентные сообщения запрещены, сервисные — можно"),
              ("Серая заливка", "касание не трогали с прошлой версии")]
    for i, (a, b) in enumerate(legend, start=13):
        put(ws, i, 1, a)
        put(ws, i, 2, b)
    widths(ws, [30, 60, 14, 14])

    # --- sheet 2: matrix -----------------------------------------------------
    ws = wb.create_sheet("Матрица")
    stage_names = [s[0] for s in raw["stages"]]
    n_left = 6
    last_col = n_left + len(stage_names) + 1
    title(ws, f"A1:{get_column_letter(last_col)}1", "Матрица коммуникаций: сегмент × этап пути клиента", size=16, bg="DDEBF7")
    title(ws, f"A2:{get_column_letter(last_col)}2",
          "В ячейке — цепочки, которые получает сегмент на этапе (код, название, каналы и задержки). Подробности — лист «Цепочки».",
          size=10, color="595959")
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=n_left)
    put(ws, 3, 1, "Сегмент", bold=True, bg="BDD7EE").alignment = CENTER
    ws.merge_cells(start_row=3, start_column=n_left + 1, end_row=3, end_column=n_left + len(stage_names))
    put(ws, 3, n_left + 1, "Этапы пути клиента →", bold=True, bg="BDD7EE").alignment = CENTER
    left_h = [("Код", "id"), ("Сегмент", "name"), ("Размер базы", "size"), ("Ценность", "tier"),
              ("Стоп-лист", "excluded"), ("Критерий попадания", "ignore")]
    hdr = [h for h, _ in left_h] + stage_names + ["Комментарий агентства"]
    header_row(ws, 4, hdr)
    cols += [(ws.title, h, f) for h, f in left_h] + [(ws.title, s, "scenario") for s in stage_names] + \
            [(ws.title, "Комментарий агентства", "ignore")]
    scen = model["scenarios"]

    def summary(s):
        parts = []
        for st in s["steps"]:
            t = st["timing"]
            parts.append(f"{AG_CH_SHORT[st['ch']]} ({t})")
        if s["kind"] == "regular":
            return f"{s['id']} {s['name']}: {' + '.join(parts)}; {s['schedule']}"
        return f"{s['id']} {s['name']}: " + " → ".join(parts)

    seg_comments = {"S01": "Welcome усилили до 4 писем по просьбе клиента",
                    "S03": "Корзину и «корм заканчивается» не пересекаем по времени",
                    "S07": "Звонит персональный менеджер, не колл-центр",
                    "S09": "Только сервисные (статусы заказа)!",
                    "S06": "Раз в квартал чистим неактивных"}
    for r, s in enumerate(raw["segments"], start=5):
        put(ws, r, 1, s[0], bold=True)
        put(ws, r, 2, s[1])
        put(ws, r, 3, s[2] if s[0] not in ("S02", "S04", "S07") else
            (int(s[2].replace(" ", "")) if s[0] != "S07" else 340), fmt="# ##0" if s[0] in ("S02", "S04") else None)
        put(ws, r, 4, s[4])
        put(ws, r, 5, "да" if s[6] else "нет", bg="F8CBAD" if s[6] else None)
        put(ws, r, 6, s[7])
        for j, stg in enumerate(stage_names):
            items = [summary(x) for x in scen if s[0] in x["segments"] and x["stage"] == stg]
            put(ws, r, n_left + 1 + j, "\n".join(items) if items else None)
        put(ws, r, last_col, seg_comments.get(s[0]))
        ws.row_dimensions[r].height = 75
    widths(ws, [7, 26, 12, 11, 10, 30] + [34] * len(stage_names) + [30])
    ws.freeze_panes = "C5"

    # --- sheet 3: journey ----------------------------------------------------
    ws = wb.create_sheet("Путь клиента")
    title(ws, "A1:F1", "Этапы пути клиента (CJM) и переходы", size=14, bg="E2EFDA")
    jh = [("Этап", "id"), ("Что происходит с клиентом", "ignore"), ("Следующий этап", "next"),
          ("Конечный этап", "final"), ("Метрика этапа", "ignore"), ("Комментарий", "ignore")]
    header_row(ws, 3, [h for h, _ in jh], bg="C6E0B4")
    cols += [(ws.title, h, f) for h, f in jh]
    for r, s in enumerate(raw["stages"], start=4):
        put(ws, r, 1, s[0], bold=True)
        put(ws, r, 2, s[1])
        put(ws, r, 3, "; ".join(s[2]) if s[2] else None)
        put(ws, r, 4, "да" if s[3] else "нет")
        put(ws, r, 5, s[4])
        put(ws, r, 6, s[5] or None)
    widths(ws, [20, 44, 30, 12, 24, 34])

    # --- sheet 4: chains (vertically merged scenario passport) ---------------
    ws = wb.create_sheet("Цепочки")
    ch = [("Код", "scenario"), ("Цепочка", "scenario_name"), ("Тип", "kind"), ("Триггер", "trigger"),
          ("Периодичность", "schedule"), ("Сегменты", "segments"), ("Этап", "stage"), ("Цель", "goal"),
          ("Целевое\nсобытие", "goal_event"), ("Выход из\nцепочки", "stop_event"), ("KPI", "kpi"),
          ("Ответственный", "owner"), ("Статус", "status"), ("Пересмотрено", "last_reviewed"),
          ("Шаг", "step"), ("Канал", "channel"), ("Платформа", "system"), ("Когда", "timing"),
          ("Условие", "condition"), ("Тип сообщения", "message_type"), ("Тема / текст", "message"),
          ("Комментарий", "ignore")]
    last = get_column_letter(len(ch))
    title(ws, f"A1:{last}1", "Цепочки коммуникаций — детализация по шагам", size=16, bg="FFF2CC")
    title(ws, f"A2:{last}2", "Паспорт цепочки — в объединённых ячейках слева, шаги — справа. Время — МСК.",
          size=10, color="595959")
    header_row(ws, 4, [h for h, _ in ch], bg="FFE699")
    cols += [(ws.title, h, f) for h, f in ch]
    r = 5
    for si, s in enumerate(scen):
        n = len(s["steps"])
        pas = [s["id"], s["name"], s["kind_text"], s["trigger"] or None, s["schedule"] or None,
               ", ".join(s["segments"]), s["stage"], s["goal"], s["goal_event"],
               ", ".join(s["stop"]), s["kpi"], s["owner"] or None, s["status_text"], s["reviewed"]]
        for j, v in enumerate(pas, start=1):
            if isinstance(v, dt.date) and si % 3 == 1:
                put(ws, r, j, v.strftime("%d.%m.%Y"))  # typed by hand as text
            elif isinstance(v, dt.date):
                put(ws, r, j, v, fmt="DD.MM.YYYY")
            else:
                put(ws, r, j, v, bold=(j == 1))
            if n > 1:
                ws.merge_cells(start_row=r, start_column=j, end_row=r + n - 1, end_column=j)
        for k, st in enumerate(s["steps"]):
            rr = r + k
            put(ws, rr, 15, st["n"])
            put(ws, rr, 16, st["ch"])
            put(ws, rr, 17, st["system"])
            put(ws, rr, 18, st["timing"])
            put(ws, rr, 19, AG_COND.get((s["id"], st["n"])))
            put(ws, rr, 20, AG_MTYPE[st["mtype"]])
            put(ws, rr, 21, st["text"])
            put(ws, rr, 22, st["note"] or None)
        r += n
    widths(ws, [6, 24, 12, 18, 16, 14, 16, 26, 14, 14, 20, 16, 11, 12, 5, 10, 11, 18, 22, 14, 46, 30])
    ws.freeze_panes = "C5"

    # --- sheet 5: events -----------------------------------------------------
    ws = wb.create_sheet("События и трекинг")
    eh = [("Событие", "id"), ("Что означает", "ignore"), ("Источник", "source"), ("Как передаётся", "ignore"),
          ("Трекается", "tracked"), ("Где используется", "ignore"), ("Комментарий", "ignore")]
    title(ws, "A1:G1", "События, на которых строятся цепочки, и статус трекинга", size=14, bg="EDEDED")
    header_row(ws, 3, [h for h, _ in eh])
    cols += [(ws.title, h, f) for h, f in eh]
    for r, e in enumerate(raw["events"], start=4):
        for j, v in enumerate([e[0], e[1], e[2], e[3], e[4], e[6], e[7] or None], start=1):
            put(ws, r, j, v)
    widths(ws, [22, 44, 16, 36, 11, 20, 36])

    # --- sheet 6: platforms + channels (two tables on one sheet) -------------
    ws = wb.create_sheet("Платформы")
    ph = [("Платформа", "id"), ("Роль", "ignore"), ("Каналы", "channel"), ("Получает данные из", "source"),
          ("Передаёт данные в", "sends_to"), ("Что передаёт", "ignore"), ("Договор до", "ignore"),
          ("Комментарий", "ignore")]
    title(ws, "A1:H1", "Платформы и интеграции", size=14, bg="E4DFEC")
    header_row(ws, 3, [h for h, _ in ph], bg="D9D2E9")
    cols += [(ws.title, h, f) for h, f in ph]
    for r, s in enumerate(raw["systems"], start=4):
        vals = [s[0], s[1], ", ".join(s[2]), ", ".join(s[3]), ", ".join(s[4]) or None, s[5] or None,
                s[6] or None, s[7] or None]
        for j, v in enumerate(vals, start=1):
            put(ws, r, j, v)
    r0 = 4 + len(raw["systems"]) + 2
    title(ws, f"A{r0}:E{r0}", "Каналы", size=12)
    chh = [("Канал", "id"), ("Тип канала", "kind"), ("Стоимость контакта, ₽", "ignore"),
           ("Через платформу", "system"), ("Примечание", "ignore")]
    header_row(ws, r0 + 1, [h for h, _ in chh], bg="D9D2E9")
    cols += [(ws.title, h, f) for h, f in chh]
    for r, c in enumerate(raw["channels"], start=r0 + 2):
        for j, v in enumerate([c[0], c[1], c[2], c[3], c[4] or None], start=1):
            put(ws, r, j, v, fmt="0.00" if j == 3 else None)
    widths(ws, [16, 34, 16, 34, 22, 40, 12, 50])

    wb.save(folder / fname)

    defects = [
        ("MAP001", "S10", "Цепочка C1 «Брошенная корзина» адресована сегментам «S03, S10», а сегмента S10 в матрице нет (есть S01–S09)."),
        ("MAP003", "31.06.2026", "У цепочки B1 в «Пересмотрено» стоит 31.06.2026 — такой даты не бывает (в июне 30 дней)."),
        ("COV002", "Амбассадор", "Этап «Амбассадор» есть на листе «Путь клиента» и в матрице, но ни одна цепочка его не обслуживает: столбец матрицы пуст."),
        ("FLOW001", "Отток", "Этап «Отток» не отмечен как конечный, а «Следующий этап» у него пуст: из оттока пути нет (win-back должен вести обратно в «Повторные заказы»)."),
        ("INT002", "K1", "K1 шаг 4 — SMS через SMSC.ru при условии «письмо с промокодом не открыто», а письмо шлёт Mindbox; у Mindbox интеграции только с Salebot и Битрикс24, статусы писем в SMSC не попадают (интеграция «в планах на Q1 2027»)."),
        ("TRK003", "M1", "Триггер M1 — событие marketplace_order из источника Ozon, но первый шаг шлёт Mindbox, который получает данные только с сайта, из приложения, 1С и CloudPayments."),
        ("FREQ001", "S01", "Welcome-цепочка W1 — 4 письма на 0-й, 1-й, 3-й и 6-й день: сегмент S01 получает 4 email в неделю при лимите 3."),
        ("COST001", "A1", "A1 начинается с SMS, а при «SMS не доставлено» падает на email — дорогой канал первым, дешёвый как запасной."),
        ("GOV003", "R1", "Рабочая цепочка R1 «Корм заканчивается» без ответственного (ячейка пустая)."),
    ]
    lookalikes = [
        ("COST002", "V1", "Звонок в V1 идёт сегменту S07 «Заводчики и питомники»: 340 человек с ценностью VIP — ниже порога 1 000 и высокий уровень."),
        ("COV003", "D1", "Сегмент S09 «Отказ от рекламы» (стоп-лист) получает только D1 «Статусы заказа» — сервисное SMS, не промо/новости/контент."),
        ("INT003", "R1", "R1 шаг 2 срабатывает «если push не открыт» — push сообщает об открытии, условие проверяемо."),
        ("GOV001", "2026-06-03", "Карта актуализирована 03.06.2026 — это меньше шести месяцев до 29.11.2026 (граница 29.05.2026)."),
        ("FREQ001", "S06", "Сегмент S06 получает в B1 ровно 3 письма (шаги 1, 2, 4) и один Telegram — ровно на лимите email 3, не выше."),
    ]
    write_answers(folder, "Сытый Хвост — карта коммуникаций от CRM-агентства (матрица + цепочки)", fname, "ru",
                  defects, lookalikes, cols)
    return model, cols


# ===========================================================================
# MAP 2 — subscription_en: Forkful meal kits, one big "Flows" sheet
# ===========================================================================
def subscription_model():
    audiences = [
        # id, definition, size text, size, tier text, tier, dnm text, excluded, notes
        ("New", "Subscribed, boxes 1–4 delivered", "85k", 85000, "Standard", "std", "No", False, ""),
        ("Core", "Box 5+, not Plus", "240k", 240000, "Standard", "std", "No", False, ""),
        ("Plus", "Forkful Plus members (12+ months, auto-enrolled)", "87k", 87000, "High", "high", "No", False, ""),
        ("Paused", "Active subscription on pause (1–8 weeks)", "64k", 64000, "Standard", "std", "No", False, ""),
        ("Cancelled <90d", "Cancelled in the last 90 days", "58k", 58000, "Standard", "std", "No", False, ""),
        ("Lapsed", "Cancelled 90+ days ago, still emailable", "310k", 310000, "Low", "low", "No", False, ""),
        ("Leads", "Email captured, never ordered", "1.2M", 1200000, "Low", "low", "No", False, "Mostly from the $60-off popup"),
        ("Gift recipients", "Redeemed a gift box, no own subscription", "14k", 14000, "Standard", "std", "No", False,
         "Gift-redemption flow from v6 — rebuild TBD"),
        ("Marketing opt-outs", "Unsubscribed from marketing (CAN-SPAM / GDPR); still customers", "96k", 96000, "", "", "Yes", True,
         "Service messages only — list them explicitly on transactional flows so Braze doesn't suppress"),
        ("Fraud hold", "Chargeback / fraud review", "~1.1k", 1100, "", "", "Yes", True, "Do not contact — Support only"),
    ]
    stages = [
        ("Prospect", "Leads who haven't ordered", ["First box"], "Lead→order CVR", ""),
        ("First box", "Boxes 1–4", ["Active"], "Box-2 retention", ""),
        ("Active", "Ordering week to week", ["At risk", "Paused"], "Weekly active rate", ""),
        ("At risk", "Payment problems or in the cancel flow", ["Active", "Churned"], "Save rate", ""),
        ("Paused", "Skipping deliveries for a while", ["Active", "Churned"], "Resume rate", ""),
        ("Churned", "Cancelled or lapsed", ["Active"], "Reactivation rate", "Win-back + lapsed flows"),
    ]
    events = [
        # id, fires when, source, live text, tracked, added, notes
        ("lead_captured", "Email submitted on popup / landing page", "Web", "Yes", True, "2/11/2024", ""),
        ("order_placed", "Any order, incl. the first", "Backend", "Yes", True, "2/11/2024", ""),
        ("subscription_started", "First paid box confirmed", "Backend", "Yes", True, "2/11/2024", ""),
        ("second_box_shipped", "Box #2 left the warehouse", "Backend", "Yes", True, "5/3/2025", ""),
        ("box_delivered", "Carrier marks the box delivered", "Backend", "No", False, "7/30/2026",
         "Carrier webhook → backend not in prod yet (ENG-4471)"),
        ("meal_rated", "User rates a recipe", "App", "Yes", True, "3/9/2025", ""),
        ("menu_deadline_approaching", "48h before weekly cutoff, no meals picked", "Backend", "Yes", True, "2/11/2024", ""),
        ("menu_selected", "Meals picked for the week", "Web / App", "Yes", True, "2/11/2024", ""),
        ("box_skipped", "User skips a week", "Web / App", "Yes", True, "2/11/2024", ""),
        ("addon_added", "Add-on (dessert, breakfast) added to a box", "Web / App", "Yes", True, "6/20/2025", ""),
        ("payment_failed", "Charge declined", "Recurly", "Yes", True, "2/11/2024", ""),
        ("payment_updated", "New card saved and charge succeeded", "Recurly", "Yes", True, "2/11/2024", ""),
        ("cancel_clicked", "User enters the cancel flow", "Web / App", "Yes", True, "1/15/2025", ""),
        ("cancellation_reversed", "User leaves the cancel flow without cancelling", "Backend", "Yes", True, "1/15/2025", ""),
        ("subscription_paused", "Pause confirmed", "Backend", "Yes", True, "2/11/2024", ""),
        ("subscription_resumed", "Pause ended or resumed early", "Backend", "Yes", True, "2/11/2024", ""),
        ("subscription_cancelled", "Cancel confirmed", "Backend", "Yes", True, "2/11/2024", ""),
        ("lapsed_90d", "90 days since cancel", "Backend", "Yes", True, "4/2/2025", ""),
        ("subscription_reactivated", "Cancelled / lapsed user restarts", "Backend", "Yes", True, "2/11/2024", ""),
        ("referral_eligible", "User becomes Plus (12 months)", "Backend", "Yes", True, "9/1/2025", ""),
        ("referral_completed", "Referred friend's first box ships", "Backend", "Yes", True, "9/1/2025", ""),
        ("box_skipped", "Skip tapped in the app", "App", "Yes", True, "8/19/2026", "added by app squad"),
    ]
    tools = [
        ("Braze", "Orchestration, email, push", ["Email", "Push"], ["Web", "App", "Backend", "Recurly"],
         ["Attentive"], "Priya Shah", "Yes", "Currents → Attentive: email & push opens/clicks"),
        ("Attentive", "SMS", ["SMS"], ["Web", "App", "Backend", "Recurly"], ["Braze"], "Kelsey Ramos", "TBD",
         "SMS delivery + click events back to Braze"),
        ("Segment", "CDP / event pipeline", [], ["Web", "App", "Backend", "Recurly"], ["Braze", "Attentive"],
         "Data Eng", "Yes", "Source of truth for events"),
    ]
    channels = [("Email", "email", 0.0008, "Braze", "Checkout + footer"),
                ("Push", "mobile push", 0.0001, "Braze", "iOS / Android prompt after 1st box"),
                ("SMS", "SMS", 0.0079, "Attentive", "Checkout opt-in (TCPA)")]
    BR, AT = "Braze", "Attentive"
    scen = []

    def sc(**kw):
        kw.setdefault("per_week", 1.0)
        kw.setdefault("schedule", "")
        kw.setdefault("trigger", "")
        scen.append(kw)

    sc(id="Lead nurture", code="LN", kind="trigger", kind_text="Triggered", trigger="lead_captured", segments=["Leads"],
       stage="Prospect", goal="Convert lead to first order", goal_event="order_placed", stop=["order_placed"],
       kpi="Lead→order CVR 4.5%", owner="Jordan Mills", status="active", status_text="Live", reviewed=dt.date(2026, 10, 2),
       steps=[step(1, "Email", BR, "Immediately", "Welcome to Forkful — here's how dinner gets easier", "content", nxt=2),
              step(2, "Email", BR, "Day 2, 9am local", "$60 off your first 4 boxes — code HELLO60", "promo", nxt=3),
              step(3, "Email", BR, "Day 5", "'Dinner in 20 minutes, no joke' — real reviews from real kitchens", "content")])
    sc(id="Onboarding", code="ONB", kind="trigger", kind_text="Triggered", trigger="subscription_started", segments=["New"],
       stage="First box", goal="Get new subs to box 2 without a skip or cancel", goal_event="second_box_shipped",
       stop=["second_box_shipped", "subscription_cancelled"], kpi="Box-2 retention ≥ 78%", owner="Priya Shah",
       status="active", status_text="Live", reviewed=dt.date(2026, 9, 14),
       steps=[step(1, "Email", BR, "Immediately", "Welcome aboard! Your first box ships Tuesday", "service", nxt=2),
              step(2, "Push", BR, "Next morning 10am", "Pick your 4 meals for week 1 👉", "service", nxt=3),
              step(3, "Push", BR, "D+6", "Cooking tonight? Start with the 15-min Chicken Tinga", "content")])
    sc(id="Delivery day", code="DLV", kind="trigger", kind_text="Triggered", trigger="box_delivered", segments=["New"],
       stage="First box", goal="Help first-timers unpack and cook week 1", goal_event="meal_rated", stop=["meal_rated"],
       kpi="Week-1 rating rate ≥ 35%", owner="Priya Shah", status="active", status_text="Live",
       reviewed=dt.date(2026, 10, 20),
       steps=[step(1, "Push", BR, "Within 1 hr of delivery scan", "Your box is here! Fridge the proteins first 🧊", "service",
                   note="Waiting on carrier webhook (ENG-4471)")])
    sc(id="Menu reminder", code="MR", kind="trigger", kind_text="Triggered", trigger="menu_deadline_approaching",
       segments=["New", "Core", "Plus"], stage="Active", goal="Every sub picks meals before cutoff",
       goal_event="menu_selected", stop=["menu_selected", "box_skipped"], kpi="Auto-assigned boxes < 20%",
       owner="Kelsey Ramos", status="active", status_text="Live", reviewed=dt.date(2026, 8, 28),
       steps=[step(1, "Push", BR, "Immediately (T-48h)", "48 hours left to pick this week's meals", "service", nxt=2),
              step(2, "SMS", AT, "24h later", "Forkful: your menu locks tomorrow 11:59pm. Pick meals: fkfl.co/m", "service",
                   cond=("opened", 1))])
    sc(id="Add-on upsell", code="AO", kind="trigger", kind_text="Triggered", trigger="menu_deadline_approaching",
       segments=["Core"], stage="Active", goal="Attach add-ons to the weekly box", goal_event="addon_added",
       stop=["addon_added"], kpi="Add-on attach rate 6%", owner="Tom Becker", status="active", status_text="Live",
       reviewed=dt.date(2026, 11, 3),
       steps=[step(1, "Email", BR, "Same day, 6pm", "Make it a feast: desserts from $4.99 this week", "promo",
                   note="Built by Growth in Q3, not on the CRM calendar")])
    sc(id="Weekly menu", code="WM", kind="regular", kind_text="Broadcast", schedule="Weekly — Thu 9:00 AM ET",
       per_week=1.0, segments=["Core", "Plus"], stage="Active", goal="Drive meal selection",
       goal_event="menu_selected", stop=["menu_selected"], kpi="Click-to-select 11%", owner="Kelsey Ramos",
       status="active", status_text="Live", reviewed=dt.date(2026, 9, 14),
       steps=[step(1, "Email", BR, "Thursdays 9:00 AM ET", "This week's menu is live: 32 recipes, 6 new", "news",
                   note="Suppress anyone who already picked")])
    sc(id="Refer-a-friend", code="REF", kind="trigger", kind_text="Triggered", trigger="referral_eligible",
       segments=["Plus"], stage="Active", goal="Referrals from our happiest subs", goal_event="referral_completed",
       stop=[], kpi="Referrals per 1k Plus subs", owner="Tom Becker", status="active", status_text="Live",
       reviewed=dt.date(2026, 10, 9),
       steps=[step(1, "Push", BR, "Immediately", "Give $40, get $40 — share Forkful with a friend", "promo", nxt=2),
              step(2, "Push", BR, "7 days later", "Your 2 free boxes to share are waiting — invite a friend", "promo",
                   cond=("opened", 1), nxt=1, note="Loops weekly until they share")])
    sc(id="Dunning", code="DUN", kind="service", kind_text="Transactional", trigger="payment_failed",
       segments=["New", "Core", "Plus", "Marketing opt-outs"], stage="At risk", goal="Recover failed payments",
       goal_event="payment_updated", stop=["payment_updated"], kpi="Recovery ≥ 55% within 7 days",
       owner="Priya Shah", status="active", status_text="Live", reviewed=dt.date(2026, 7, 22),
       steps=[step(1, "Email", BR, "Immediately", "Your payment didn't go through — update your card", "service", nxt=2),
              step(2, "Push", BR, "D+1, 10am", "Heads up: update your card to keep Thursday's box", "service",
                   cond=("opened", 1), nxt=3),
              step(3, "SMS", AT, "D+3", "Forkful: we couldn't charge your card. Update in 1 tap: fkfl.co/pay", "service",
                   cond=("opened", 2))])
    sc(id="Cancel save – New", code="CSN", kind="trigger", kind_text="Triggered", trigger="cancel_clicked",
       segments=["New"], stage="At risk", goal="Keep new subs from cancelling", goal_event="cancellation_reversed",
       stop=["cancellation_reversed"], kpi="Save rate 12%", owner="Jordan Mills", status="active", status_text="Live",
       reviewed=dt.date(2026, 8, 5),
       steps=[step(1, "Email", BR, "Immediately", "Before you go: $20 off your next box", "promo")])
    sc(id="Cancel save – Plus", code="CSP", kind="trigger", kind_text="Triggered", trigger="cancel_clicked",
       segments=["Plus"], stage="At risk", goal="Keep Plus members", goal_event="cancellation_reversed",
       stop=["cancellation_reversed"], kpi="Save rate 25%", owner="Jordan Mills", status="active", status_text="Live",
       reviewed=dt.date(2026, 8, 5),
       steps=[step(1, "Email", BR, "Immediately", "A year of dinners together — your next box is on us", "promo")])
    sc(id="Pause check-in", code="PA", kind="trigger", kind_text="Triggered", trigger="subscription_paused",
       segments=["Paused"], stage="Paused", goal="Bring paused subs back on schedule", goal_event="subscription_resumed",
       stop=["subscription_resumed"], kpi="Resume rate ≥ 70%", owner="Kelsey Ramos", status="active", status_text="Live",
       reviewed=dt.date(2026, 3, 14),
       steps=[step(1, "Email", BR, "D+7", "What's new on the menu while you're away", "content", nxt=2),
              step(2, "Push", BR, "D+12", "Your deliveries restart Monday — pick your meals", "service")])
    sc(id="Win-back", code="WB", kind="trigger", kind_text="Triggered", trigger="subscription_cancelled",
       segments=["Cancelled <90d"], stage="Churned", goal="Reactivate recent cancels",
       goal_event="subscription_reactivated", stop=["subscription_reactivated"], kpi="Reactivation within 90d ≥ 7%",
       owner="Jordan Mills", status="active", status_text="Live", reviewed=dt.date(2026, 6, 15),
       steps=[step(1, "Email", BR, "D+14", "New on Forkful: 15-minute meals", "content", nxt=2),
              step(2, "Email", BR, "D+21, 11am", "50% off your comeback box", "promo", nxt=3),
              step(3, "SMS", AT, "D+23", "Forkful: 50% off your comeback box ends Sun. fkfl.co/back  Reply STOP to opt out",
                   "promo", cond=("opened", 2), nxt=4),
              step(4, "Email", BR, "D+45", "Quick question: why did you leave? (2-min survey)", "content")])
    sc(id="Lapsed reactivation", code="LP", kind="trigger", kind_text="Triggered", trigger="lapsed_90d",
       segments=["Lapsed"], stage="Churned", goal="Bring back long-lapsed customers",
       goal_event="subscription_reactivated", stop=["subscription_reactivated"], kpi="Reactivation ≥ 3%",
       owner="Jordan Mills", status="active", status_text="Live", reviewed=dt.date(2026, 10, 27),
       steps=[step(1, "Email", BR, "Immediately", "A lot has changed since you left", "content", nxt=2),
              step(2, "SMS", AT, "D+7, 12pm", "Forkful: $80 off your first 3 boxes back. Code COMEBACK80 fkfl.co/80", "promo", nxt=3),
              step(3, "SMS", AT, "D+9", "Still thinking? This week's menu: fkfl.co/m", "content", cond=("opened", 2))])
    sc(id="Cyber Monday 2026", code="CM", kind="regular", kind_text="Broadcast", schedule="One-off: 11/30/2026 8:00 AM ET",
       per_week=1.0, segments=["Paused", "Marketing opt-outs"], stage="Paused", goal="Restart deliveries before the holidays",
       goal_event="subscription_resumed", stop=["subscription_resumed"], kpi="Resumes from send ≥ 2.5%",
       owner="Kelsey Ramos", status="active", status_text="Scheduled", reviewed=dt.date(2026, 11, 18),
       steps=[step(1, "Email", BR, "11/30/2026 8:00 AM ET", "Cyber Monday: 40% off 4 boxes + free dessert for life", "promo",
                   note="Audience widened 11/18 per Growth ask ('max reach')")])
    model = dict(
        segments=[dict(id=a[0], parent=None, size=a[3], tier=a[5], excluded=a[7]) for a in audiences],
        stages=[dict(id=s[0], next=s[2], final=False) for s in stages],
        events=[dict(id=e[0], source=e[2], tracked=e[4]) for e in events],
        systems=[dict(id=t[0], channels=t[2], receives=t[3] + ["Web / App"], sends_to=t[4]) for t in tools],
        channels=[dict(id=c[0], kind={"mobile push": "push", "SMS": "sms", "email": "email"}[c[1]]) for c in channels],
        scenarios=scen, map_reviewed=dt.date(2026, 9, 14))
    raw = dict(audiences=audiences, stages=stages, events=events, tools=tools, channels=channels)
    return model, raw


EN_MTYPE = {"promo": "Promo", "content": "Content", "news": "News", "service": "Service"}
EN_COND = {("MR", 2): "push not opened", ("REF", 2): "if push not opened", ("DUN", 2): "email not opened",
           ("DUN", 3): "push not opened after 48h", ("WB", 3): "email not opened", ("LP", 3): "SMS not opened"}


def build_subscription():
    model, raw = subscription_model()
    folder = HERE / "subscription_en"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "Forkful_CRM_Flow_Map_FY26H2.xlsx"
    wb = Workbook()
    cols = []

    ws = wb.active
    ws.title = "Read me"
    title(ws, "A1:C1", "Forkful — CRM Lifecycle Flow Map", size=18, bg="E2EFDA")
    kv = [("Map owner", "Lifecycle Marketing (CRM) — Priya Shah", "ignore"),
          ("Last full review", "9/14/2026", "last_reviewed"),
          ("Version", "v7 (FY26 H2)", "ignore"),
          ("Scope", "All automated lifecycle flows + recurring broadcasts. Order/shipping confirmations are owned by "
                    "Eng (order service) and are NOT in this map; dunning is (CRM owns it).", "ignore")]
    for i, (k, v, f) in enumerate(kv, start=3):
        put(ws, i, 1, k, bold=True, bg="F2F2F2")
        put(ws, i, 2, v)
        cols.append((ws.title, k, f))
    header_row(ws, 9, ["Column", "What goes in it"], bg="C6E0B4")
    cols += [(ws.title, "Column", "ignore"), (ws.title, "What goes in it", "ignore")]
    legend = [("Only if", "Condition checked before the message goes out (otherwise skipped)"),
              ("Exit when", "Event that pulls the user out of the flow"),
              ("Conversion event", "What we count as success for the flow"),
              ("Next", "Msg # that follows; blank = end of flow"),
              ("Msg type", "Promo / Content / News / Service — Legal needs this for opt-out handling")]
    for i, (a, b) in enumerate(legend, start=10):
        put(ws, i, 1, a)
        put(ws, i, 2, b)
    widths(ws, [22, 90, 10])

    ws = wb.create_sheet("Flows")
    fh = [("Flow", "scenario"), ("Msg #", "step"), ("Flow type", "kind"), ("Trigger / entry", "trigger"),
          ("Cadence", "schedule"), ("Audience", "segments"), ("Lifecycle stage", "stage"), ("Send via", "channel"),
          ("Tool", "system"), ("When", "timing"), ("Only if", "condition"), ("Subject / copy", "message"),
          ("Msg type", "message_type"), ("Next", "next"), ("Objective", "goal"), ("Conversion event", "goal_event"),
          ("Exit when", "stop_event"), ("Success metric", "kpi"), ("Owner", "owner"), ("Status", "status"),
          ("Last reviewed", "last_reviewed"), ("Notes", "ignore")]
    header_row(ws, 1, [h for h, _ in fh], bg="FCE4D6")
    cols += [(ws.title, h, f) for h, f in fh]
    r = 2
    band = ["FFFFFF", "F7F7F7"]
    for i, s in enumerate(model["scenarios"]):
        for st in s["steps"]:
            vals = [s["id"], f"{s['code']}-{st['n']}", s["kind_text"], s["trigger"] or None, s["schedule"] or None,
                    ", ".join(s["segments"]), s["stage"], st["ch"], st["system"], st["timing"],
                    EN_COND.get((s["code"], st["n"])), st["text"], EN_MTYPE[st["mtype"]],
                    f"{s['code']}-{st['next']}" if st["next"] else None, s["goal"], s["goal_event"],
                    ", ".join(s["stop"]) or None, s["kpi"], s["owner"] or None, s["status_text"], s["reviewed"],
                    st["note"] or None]
            for j, v in enumerate(vals, start=1):
                if isinstance(v, dt.date):
                    # half of the dates as real dates, half typed as text — as in the real sheet
                    if i % 2:
                        put(ws, r, j, v, fmt="m/d/yyyy", bg=band[i % 2])
                    else:
                        put(ws, r, j, f"{v.month}/{v.day}/{v.year}", bg=band[i % 2])
                else:
                    put(ws, r, j, v, bg=band[i % 2])
            r += 1
    widths(ws, [20, 8, 13, 26, 24, 30, 12, 9, 10, 22, 22, 58, 9, 8, 36, 24, 36, 28, 14, 10, 12, 36])
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(fh))}{r - 1}"

    ws = wb.create_sheet("Audiences")
    ah = [("Audience", "id"), ("Definition", "ignore"), ("Approx. size", "size"), ("Value tier", "tier"),
          ("Do not market?", "excluded"), ("Notes", "ignore")]
    header_row(ws, 1, [h for h, _ in ah], bg="DDEBF7")
    cols += [(ws.title, h, f) for h, f in ah]
    for r, a in enumerate(raw["audiences"], start=2):
        for j, v in enumerate([a[0], a[1], a[2], a[4] or None, a[6], a[8] or None], start=1):
            put(ws, r, j, v)
    widths(ws, [20, 52, 12, 11, 14, 60])

    ws = wb.create_sheet("Lifecycle")
    lh = [("Stage", "id"), ("Who's in it", "ignore"), ("Moves to", "next"), ("Stage KPI", "ignore"), ("Notes", "ignore")]
    header_row(ws, 1, [h for h, _ in lh], bg="E2EFDA")
    cols += [(ws.title, h, f) for h, f in lh]
    for r, s in enumerate(raw["stages"], start=2):
        for j, v in enumerate([s[0], s[1], ", ".join(s[2]), s[3], s[4] or None], start=1):
            put(ws, r, j, v)
    widths(ws, [14, 40, 20, 22, 30])

    ws = wb.create_sheet("Event dictionary")
    eh = [("Event", "id"), ("Fires when", "ignore"), ("Source", "source"), ("Live?", "tracked"), ("Added", "ignore"),
          ("Notes", "ignore")]
    header_row(ws, 1, [h for h, _ in eh], bg="EDEDED")
    cols += [(ws.title, h, f) for h, f in eh]
    for r, e in enumerate(raw["events"], start=2):
        for j, v in enumerate([e[0], e[1], e[2], e[3], e[5], e[6] or None], start=1):
            put(ws, r, j, v)
    widths(ws, [28, 46, 12, 7, 11, 48])

    ws = wb.create_sheet("Tools & integrations")
    th = [("Tool", "id"), ("What we use it for", "ignore"), ("Channels", "channel"), ("Gets data from", "source"),
          ("Sends data to", "sends_to"), ("Owner", "ignore"), ("SSO?", "ignore"), ("Notes", "ignore")]
    header_row(ws, 1, [h for h, _ in th], bg="E4DFEC")
    cols += [(ws.title, h, f) for h, f in th]
    for r, t in enumerate(raw["tools"], start=2):
        vals = [t[0], t[1], ", ".join(t[2]) or None, ", ".join(t[3]), ", ".join(t[4]), t[5], t[6], t[7]]
        for j, v in enumerate(vals, start=1):
            put(ws, r, j, v)
    r0 = len(raw["tools"]) + 4
    ws.cell(row=r0 - 1, column=1, value="Channels").font = Font(bold=True, size=12)
    chh = [("Channel", "id"), ("Type", "kind"), ("Cost per send (USD)", "ignore"), ("Sent from", "system"),
           ("Opt-in source", "ignore")]
    header_row(ws, r0, [h for h, _ in chh], bg="E4DFEC")
    cols += [(ws.title, h, f) for h, f in chh]
    for r, c in enumerate(raw["channels"], start=r0 + 1):
        for j, v in enumerate(c, start=1):
            put(ws, r, j, v, fmt="$0.0000" if j == 3 else None)
    widths(ws, [14, 28, 16, 30, 20, 14, 8, 50])

    wb.save(folder / fname)

    defects = [
        ("MAP002", "box_skipped", "The Event dictionary defines box_skipped twice (row 10 from Web / App and row 23 added by the app squad)."),
        ("COV001", "Gift recipients", "Audience 'Gift recipients' (14k, not do-not-market) is targeted by no flow — the gift-redemption flow was dropped in v7."),
        ("COV003", "Cyber Monday", "Cyber Monday 2026 is a Promo email whose audience includes 'Marketing opt-outs', an audience marked Do not market = Yes."),
        ("FLOW003", "Refer-a-friend", "Refer-a-friend: REF-2 goes Next → REF-1 and REF-1 → REF-2, with no exit event and no repeat limit; the 'push not opened' condition does not bound the loop."),
        ("FLOW004", "Refer-a-friend", "Refer-a-friend has conversion event referral_completed but 'Exit when' is empty, so members who referred keep getting the pushes."),
        ("TRK002", "box_delivered", "Delivery day is triggered by box_delivered, which the Event dictionary marks Live? = No (carrier webhook not in prod)."),
        ("INT003", "LP-3", "LP-3 is sent only if 'SMS not opened' after LP-2 — SMS does not report opens, so the condition can never be evaluated."),
        ("FREQ002", "menu_deadline_approaching", "Menu reminder and Add-on upsell are both live on menu_deadline_approaching and both target Core."),
        ("GOV002", "Pause check-in", "Pause check-in was last reviewed 3/14/2026, more than six months before 11/29/2026."),
    ]
    lookalikes = [
        ("FREQ002", "cancel_clicked", "Cancel save – New and Cancel save – Plus both fire on cancel_clicked, but for different audiences (New vs Plus)."),
        ("FREQ001", "New", "New gets 3 emails (ONB-1, DUN-1, CSN-1), 5 pushes (ONB-2, ONB-3, DLV-1, MR-1, DUN-2), 2 SMS (MR-2, DUN-3): exactly at the caps 3/5/2 and total 10, not above."),
        ("INT002", "DUN-3", "DUN-3 is an Attentive SMS conditioned on a Braze push (DUN-2); Braze sends data to Attentive (Currents: opens/clicks), so the feedback path exists."),
        ("GOV002", "Win-back", "Win-back was last reviewed 6/15/2026 — inside the six-month window (cut-off 5/29/2026)."),
        ("COV001", "Fraud hold", "'Fraud hold' is targeted by nothing, but it is marked Do not market = Yes, so it is meant to be left alone."),
    ]
    write_answers(folder, "Forkful meal kits — in-house CRM flow map (one row per message)", fname, "en",
                  defects, lookalikes, cols)
    return model, cols


# ===========================================================================
# MAP 3 — retail_mixed: «ДомКрафт», Google Sheets CSV export, tab per scenario
# ===========================================================================
def retail_model():
    segments = [
        # id, name, parent, size text, size, tier text, tier, stop text, excluded, how
        ("new", "Новые", "", "64 000", 64000, "обычный", "std", "нет", False, "Регистрация, 0 оплаченных заказов"),
        ("buyers", "Покупатели", "", "85 300", 85300, "обычный", "std", "нет", False, "1+ оплаченный заказ, последний < 180 дн."),
        ("first", "Первая покупка", "buyers", "31 500", 31500, "обычный", "std", "нет", False, "Ровно 1 заказ"),
        ("repeat", "Повторные", "buyers", "42 000", 42000, "средний", "mid", "нет", False, "2–4 заказа"),
        ("loyal", "Лояльные", "buyers", "11 800", 11800, "high", "high", "нет", False, "5+ заказов, бонусная карта Gold"),
        ("sleeping", "Спящие", "", "48 000", 48000, "обычный", "std", "нет", False, "180+ дней без заказа"),
        ("deal_hunters", "Охотники за скидками", "", "23 000", 23000, "обычный", "std", "нет", False,
         "≥ 70% заказов с промокодом (считает аналитик раз в месяц)"),
        ("b2b", "B2B-клиенты", "", "900", 900, "high", "high", "нет", False, "Юрлица: кафе, рестораны, офисы"),
        ("stoplist", "Стоп-лист", "", "7 400", 7400, "", "", "да", True, "Жалобы, «отписать от всего», запросы юристов"),
    ]
    stages = [
        ("Знакомство", "Зарегистрировался, смотрит каталог", ["Первая покупка"], ""),
        ("Первая покупка", "Оплатил первый заказ", ["Повторные покупки"], ""),
        ("Повторные покупки", "Покупает снова", ["Лояльность", "Спящие"], ""),
        ("Лояльность", "5+ заказов, бонусная карта Gold", ["Спящие"], ""),
        ("Спящие", "Полгода без заказа", ["Повторные покупки"], "Реактивация возвращает в повторные"),
        ("B2B-закупка", "Оптовые закупки юрлиц", ["Повторные покупки"], "Добавили в июле, B2B-отдел"),
    ]
    events = [
        ("user_registered", "Регистрация на сайте или в приложении", "сайт", "да", True, ""),
        ("cart_abandoned", "Корзина без заказа 1 час", "сайт", "да", True, ""),
        ("order_paid", "Заказ оплачен", "1С", "да", True, ""),
        ("second_order_paid", "Оплачен второй заказ клиента", "1С", "да", True, "считается в 1С по истории"),
        ("order_shipped", "Заказ передан в доставку", "1С", "да", True, ""),
        ("order_delivered", "Заказ доставлен (статус СДЭК / ПВЗ)", "1С", "да", True, "СДЭК → 1С"),
        ("review_left", "Оставлен отзыв на товар", "сайт", "да", True, ""),
        ("no_orders_180d", "180 дней без заказа", "1С", "да", True, "ночной пересчёт"),
        ("back_in_stock", "Товар из «Сообщить о поступлении» снова в наличии", "1С", "да", True, ""),
        ("bonus_redeemed", "Клиент списал бонусы", "1С", "да", True, ""),
        ("wishlist_shared", "Поделился вишлистом", "приложение", "нет", False, "трекинг в приложении не доделан, в план не брали"),
    ]
    platforms = [
        ("Altcraft", ["Email", "Push"], ["сайт", "приложение", "1С"], ["SMS Aero", "Edna", "Naumen"],
         "CDP + оркестрация, все цепочки собираются тут"),
        ("SMS Aero", ["SMS"], ["1С", "Altcraft"], ["Altcraft"], "статусы доставки — вебхуком в Altcraft"),
        ("Edna", ["WhatsApp", "Viber"], ["1С", "Altcraft"], ["Altcraft"], "WhatsApp Business API"),
        ("Naumen", ["Звонок"], ["1С", "Altcraft"], ["Altcraft"], "колл-центр, исходящий обзвон по задачам из Altcraft"),
    ]
    channels = [
        ("Email", "email", "0,12", "Altcraft", ""),
        ("Push", "push", "0,03", "Altcraft", "мобильное приложение iOS/Android"),
        ("SMS", "sms", "3,10", "SMS Aero", ""),
        ("WhatsApp", "messenger", "0,95", "Edna", ""),
        ("Viber", "messenger", "0,80", "Edna", "подключали в 2024 для регионов"),
        ("Звонок", "call", "38", "Naumen", "оператор колл-центра"),
    ]
    AC, SA, ED, NA = "Altcraft", "SMS Aero", "Edna", "Naumen"
    scen = []

    def sc(**kw):
        kw.setdefault("per_week", 1.0)
        kw.setdefault("schedule", "")
        kw.setdefault("trigger", "")
        kw.setdefault("comment", "")
        scen.append(kw)

    sc(id="SC01", tab="SC01 Welcome", name="Welcome-цепочка", kind="trigger", kind_text="триггер",
       trigger="user_registered", segments=["new"], seg_text="Новые", stage="Знакомство",
       goal="Первый заказ в течение 14 дней", goal_event="order_paid", stop=["order_paid"],
       kpi="CR в первый заказ ≥ 6%", owner="Марина Соколова", status="active", status_text="активен",
       reviewed=dt.date(2026, 9, 18),
       steps=[step(1, "Email", AC, "сразу", "Добро пожаловать в ДомКрафт! 500 welcome-бонусов на первый заказ", "promo"),
              step(2, "Push", AC, "через 1 день, 19:00", "Хиты кухни этой недели: чугун, ножи, хранение", "content"),
              step(3, "Email", AC, "D+3", "Гайд: как выбрать сковороду под вашу плиту", "content"),
              step(4, "Email", AC, "D+6", "500 бонусов сгорят через 24 часа", "promo")])
    sc(id="SC02", tab="SC02 Abandoned cart", name="Abandoned cart v2", kind="trigger", kind_text="триггер",
       trigger="cart_abandoned", segments=["buyers"], seg_text="Покупатели", stage="Повторные покупки",
       goal="Вернуть к оформлению заказа", goal_event="order_paid", stop=["order_paid"], kpi="CR в заказ ≥ 8%",
       owner="Марина Соколова", status="active", status_text="активен", reviewed=dt.date(2026, 10, 2),
       comment="v2 с 12.09.2026, A/B по скидке в WhatsApp",
       steps=[step(1, "Email", AC, "через 1 час", "«Вы кое-что забыли в корзине» — карточки товаров + кнопка «Оформить»", "service"),
              step(2, "Push", AC, "через 3 часа", "Корзина ждёт: сковорода Biol 28 см и ещё 2 товара", "service", cond=("opened", 1)),
              step(3, "WhatsApp", ED, "на следующий день в 12:00", "Промокод CART5: −5% на вашу корзину до конца дня", "promo")])
    sc(id="SC02-v1", tab="SC02 Abandoned cart v1 (выкл)", name="Abandoned cart v1", kind="trigger", kind_text="триггер",
       trigger="cart_abandoned", segments=["buyers"], seg_text="Покупатели", stage="Повторные покупки",
       goal="Вернуть к оформлению заказа", goal_event="order_paid", stop=["order_paid"], kpi="CR в заказ ≥ 5%",
       owner="Марина Соколова", status="off", status_text="выключен", reviewed=dt.date(2026, 9, 12),
       comment="оставили для истории, заменён на SC02 (v2)",
       steps=[step(1, "Push", AC, "через 2 часа", "Вы забыли товары в корзине — вернуться к заказу", "service")])
    sc(id="SC03", tab="SC03 Price drop", name="Снижение цены на избранное (price drop)", kind="trigger",
       kind_text="триггер", trigger="price_drop", segments=["deal_hunters"], seg_text="Охотники за скидками",
       stage="Повторные покупки", goal="Покупка товара из избранного со скидкой", goal_event="order_paid",
       stop=["order_paid"], kpi="CR ≥ 3%", owner="Артём Гусев", status="active", status_text="активен",
       reviewed=dt.date(2026, 10, 7),
       steps=[step(1, "Push", AC, "сразу", "Цена снизилась: кофемолка Bork −25% — в вашем избранном", "promo"),
              step(2, "Email", AC, "через 1 день", "Товары из избранного подешевели — подборка для вас", "promo", cond=("opened", 1))])
    sc(id="SC04", tab="SC04 Распродажа недели", name="Распродажа недели", kind="regular", kind_text="регулярная",
       schedule="каждую пятницу, 10:00", per_week=1.0, segments=["deal_hunters"], seg_text="deal_hunters",
       stage="Повторные покупки", goal="Продажи распродажных позиций", goal_event="order_paid", stop=["order_paid"],
       kpi="Выручка с рассылки ≥ 400 тыс. ₽", owner="Артём Гусев", status="active", status_text="активна",
       reviewed=dt.date(2026, 10, 7),
       steps=[step(1, "Email", AC, "пт 10:00", "Распродажа недели: до −50% на текстиль и посуду", "promo")])
    sc(id="SC05", tab="SC05 Подборка недели", name="Подборка недели (digest)", kind="regular", kind_text="регулярная",
       schedule="по вторникам в 11:00", per_week=1.0, segments=["buyers"], seg_text="Покупатели",
       stage="Повторные покупки", goal="Вовлечение и повторные покупки", goal_event="order_paid", stop=["order_paid"],
       kpi="CTR ≥ 2%", owner="Ольга Ким", status="active", status_text="активна", reviewed=dt.date(2026, 8, 25),
       steps=[step(1, "Email", AC, "вт 11:00", "Идеи для кухни: 7 способов хранить специи", "content")])
    sc(id="SC06", tab="SC06 Запрос отзыва", name="Запрос отзыва (review request)", kind="trigger", kind_text="триггер",
       trigger="order_delivered", segments=["buyers"], seg_text="Покупатели", stage="Повторные покупки",
       goal="", goal_event="review_left", stop=["review_left"], kpi="Доля заказов с отзывом ≥ 7%",
       owner="Ольга Ким", status="active", status_text="активен", reviewed=dt.date(2026, 8, 25),
       steps=[step(1, "Push", AC, "через 3 дня после доставки", "Как вам покупка? Оставьте отзыв — +100 бонусов", "content")])
    sc(id="SC07", tab="SC07 Второй заказ", name="Второй заказ", kind="trigger", kind_text="триггер",
       trigger="order_paid", segments=["first"], seg_text="Первая покупка", stage="Первая покупка",
       goal="Второй заказ в течение 30 дней", goal_event="second_order_paid", stop=["second_order_paid"],
       kpi="Repeat rate 30д ≥ 22%", owner="Марина Соколова", status="active", status_text="активен",
       reviewed=dt.date(2026, 10, 2),
       steps=[step(1, "Email", AC, "через 2 дня", "Как ухаживать за чугуном: 5 правил", "content"),
              step(2, "Push", AC, "D+10", "−10% на второй заказ по коду ЕЩЁ10", "promo"),
              step(3, "WhatsApp", ED, "D+14, 12:00", "Напоминаем: −10% по коду ЕЩЁ10 ещё 3 дня", "promo", cond=("opened", 2))])
    sc(id="SC08", tab="SC08 Реактивация спящих", name="Реактивация спящих (win-back)", kind="trigger", kind_text="триггер",
       trigger="no_orders_180d", segments=["sleeping"], seg_text="Спящие", stage="Спящие",
       goal="Вернуть к покупке", goal_event="order_paid", stop=["order_paid"], kpi="Реактивация ≥ 4%",
       owner="Артём Гусев", status="active", status_text="активен", reviewed=dt.date(2026, 10, 15),
       steps=[step(1, "Email", AC, "сразу", "Мы обновили ассортимент: 1 200 новинок для кухни", "content"),
              step(2, "Email", AC, "через 3 дня", "−15% на возвращение, код СНОВА15", "promo"),
              step(3, "SMS", SA, "D+5, 12:00", "ДомКрафт: −15% по коду СНОВА15 до воскресенья", "promo", cond=("opened", 2)),
              step(4, "Звонок", NA, "D+10", "Опрос: почему перестали покупать + напомнить про код СНОВА15", "content",
                   note="скрипт у колл-центра, 3 попытки дозвона"),
              step(5, "Email", AC, "D+14", "Последний шанс: −15% сгорает сегодня", "promo")])
    sc(id="SC09", tab="SC09 B2B", name="B2B: новинки и опт", kind="regular", kind_text="регулярная",
       schedule="первый понедельник месяца", per_week=0.25, segments=["b2b"], seg_text="B2B-клиенты",
       stage="B2B-закупка", goal="Повторная оптовая закупка", goal_event="order_paid", stop=["order_paid"],
       kpi="Выручка B2B ≥ 1,2 млн ₽/мес", owner="Денис Власов", status="active", status_text="активна",
       reviewed=dt.date(2026, 9, 30),
       steps=[step(1, "Email", AC, "пн 10:00", "Новинки для HoReCa и оптовые цены месяца", "news"),
              step(2, "WhatsApp", ED, "через 2 дня", "Пришлём каталог PDF сюда, в WhatsApp?", "content", cond=("opened", 1))])
    sc(id="SC10", tab="SC10 Бонусы сгорают", name="Бонусы сгорают", kind="trigger", kind_text="триггер",
       trigger="", segments=["loyal"], seg_text="loyal", stage="Лояльность",
       goal="Потратить бонусы до сгорания", goal_event="bonus_redeemed", stop=["bonus_redeemed"],
       kpi="Доля списанных бонусов ≥ 35%", owner="Марина Соколова", status="active", status_text="активен",
       reviewed=dt.date(2026, 10, 2), comment="событие сгорания уточнить у 1С-ников",
       steps=[step(1, "Push", AC, "за 7 дней до сгорания", "У вас 1 240 бонусов — сгорят через 7 дней", "service"),
              step(2, "Email", AC, "за 1 день до сгорания", "Последний день: бонусы сгорят завтра — подборка до 1 500 ₽", "promo",
                   cond=("opened", 1))])
    sc(id="SC11", tab="SC11 Back in stock", name="Back in stock", kind="trigger", kind_text="триггер",
       trigger="back_in_stock", segments=["repeat"], seg_text="Повторные", stage="Повторные покупки",
       goal="Покупка товара, которого ждали", goal_event="order_paid", stop=["order_paid"], kpi="CR ≥ 15%",
       owner="Артём Гусев", status="planned", status_text="в разработке", reviewed=dt.date(2026, 11, 20),
       comment="шаги согласуем после запуска фида остатков", steps=[])
    sc(id="SC12", tab="SC12 Статусы заказа", name="Статусы заказа", kind="service", kind_text="сервисный",
       trigger="order_shipped", segments=["buyers"], seg_text="Покупатели", stage="Первая покупка",
       goal="Меньше обращений «где мой заказ»", goal_event="order_delivered", stop=["order_delivered"],
       kpi="WISMO-обращения −15%", owner="Игорь Лапин", status="active", status_text="активен",
       reviewed=dt.date(2026, 9, 11),
       steps=[step(1, "SMS", SA, "сразу", "ДомКрафт: заказ №{order_id} передан в доставку. Отследить: {link}", "service")])
    model = dict(
        segments=[dict(id=s[0], parent=s[2] or None, size=s[4], tier=s[6], excluded=s[8]) for s in segments],
        stages=[dict(id=s[0], next=s[2], final=False) for s in stages],
        events=[dict(id=e[0], source=e[2], tracked=e[4]) for e in events],
        systems=[dict(id=p[0], channels=p[1], receives=p[2], sends_to=p[3]) for p in platforms],
        channels=[dict(id=c[0], kind=c[1]) for c in channels],
        scenarios=scen, map_reviewed=dt.date(2026, 2, 14))
    raw = dict(segments=segments, stages=stages, events=events, platforms=platforms, channels=channels)
    return model, raw


RT_MTYPE = {"promo": "promo", "content": "контент", "news": "новости", "service": "сервис"}
RT_COND = {("SC02", 2): "если email не открыт", ("SC03", 2): "если push не открыт",
           ("SC07", 3): "если push не открыт", ("SC08", 3): "если письмо не открыто",
           ("SC09", 2): "если письмо не открыто", ("SC10", 2): "если push не открыт"}


def write_csv(path, rows, width):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)  # Google Sheets export: comma, CRLF, quotes only when needed
        for row in rows:
            row = ["" if v is None else str(v) for v in row]
            w.writerow(row + [""] * (width - len(row)))


def build_retail():
    model, raw = retail_model()
    folder = HERE / "retail_mixed"
    mapdir = folder / "domkraft_crm_map"
    if mapdir.exists():
        shutil.rmtree(mapdir)
    mapdir.mkdir(parents=True)
    cols = []

    # about
    tab = "О карте"
    kv = [("Карта коммуникаций:", "ДомКрафт — интернет-магазин товаров для дома и кухни", "ignore"),
          ("Версия:", "2.4", "ignore"),
          ("Актуализирована:", "14.02.2026", "last_reviewed"),
          ("Владелец карты:", "CRM-команда (Марина Соколова)", "ignore"),
          ("Как читать:", "одна вкладка = один сценарий; сверху паспорт, ниже шаги. Справочники — вкладки без SC в названии", "ignore")]
    write_csv(mapdir / f"{tab}.csv", [[k, v] for k, v, _ in kv], 3)
    cols += [(tab, k, f) for k, _, f in kv]

    tab = "Сегменты"
    h = [("ID", "id"), ("Сегмент", "name"), ("Родитель", "parent"), ("Кол-во", "size"), ("Уровень", "tier"),
         ("Стоп-лист", "excluded"), ("Как считаем", "ignore")]
    rows = [[x for x, _ in h]] + [[s[0], s[1], s[2], s[3], s[5], s[7], s[9]] for s in raw["segments"]]
    write_csv(mapdir / f"{tab}.csv", rows, len(h))
    cols += [(tab, x, f) for x, f in h]

    tab = "Этапы CJM"
    h = [("Этап", "id"), ("Описание", "ignore"), ("Следующий этап", "next"), ("Комментарий", "ignore")]
    rows = [[x for x, _ in h]] + [[s[0], s[1], "; ".join(s[2]), s[3]] for s in raw["stages"]]
    write_csv(mapdir / f"{tab}.csv", rows, len(h))
    cols += [(tab, x, f) for x, f in h]

    tab = "События"
    h = [("event_name", "id"), ("Описание", "ignore"), ("Источник", "source"), ("Трекаем?", "tracked"),
         ("Комментарий", "ignore")]
    rows = [[x for x, _ in h]] + [[e[0], e[1], e[2], e[3], e[5]] for e in raw["events"]]
    write_csv(mapdir / f"{tab}.csv", rows, len(h))
    cols += [(tab, x, f) for x, f in h]

    tab = "Платформы"
    h = [("Платформа", "id"), ("Каналы", "channel"), ("Получает данные из", "source"),
         ("Интеграции (куда передаёт)", "sends_to"), ("Комментарий", "ignore")]
    rows = [[x for x, _ in h]] + [[p[0], ", ".join(p[1]), ", ".join(p[2]), ", ".join(p[3]), p[4]] for p in raw["platforms"]]
    write_csv(mapdir / f"{tab}.csv", rows, len(h))
    cols += [(tab, x, f) for x, f in h]

    tab = "Каналы"
    h = [("Канал", "id"), ("Тип", "kind"), ("Цена за сообщение, ₽", "ignore"), ("Платформа", "system"),
         ("Комментарий", "ignore")]
    rows = [[x for x, _ in h]] + [list(c) for c in raw["channels"]]
    write_csv(mapdir / f"{tab}.csv", rows, len(h))
    cols += [(tab, x, f) for x, f in h]

    step_h = [("Шаг", "step"), ("Канал", "channel"), ("Платформа", "system"), ("Когда", "timing"),
              ("Условие", "condition"), ("Тип контента", "message_type"), ("Сообщение", "message"),
              ("Комментарий", "ignore")]
    for s in model["scenarios"]:
        tab = s["tab"]
        seg_label = "Сегмент:" if s["id"] in ("SC08", "SC09") else "Аудитория:"
        head = [("Сценарий:", s["name"], "scenario_name"), ("ID:", s["id"], "scenario"), ("Тип:", s["kind_text"], "kind")]
        if s["kind"] == "regular":
            head.append(("Расписание:", s["schedule"], "schedule"))
        else:
            head.append(("Триггер:", s["trigger"], "trigger"))
        head += [(seg_label, s["seg_text"], "segments"), ("Этап CJM:", s["stage"], "stage"),
                 ("Цель:", s["goal"], "goal"), ("Целевое событие:", s["goal_event"], "goal_event"),
                 ("Стоп:", ", ".join(s["stop"]), "stop_event"), ("KPI:", s["kpi"], "kpi"),
                 ("Владелец:", s["owner"], "owner"), ("Статус:", s["status_text"], "status"),
                 ("Обновлено:", s["reviewed"].strftime("%d.%m.%Y"), "last_reviewed")]
        if s["comment"]:
            head.append(("Комментарий:", s["comment"], "ignore"))
        rows = [[k, v] for k, v, _ in head] + [[]] + [[x for x, _ in step_h]]
        for st in s["steps"]:
            rows.append([st["n"], st["ch"], st["system"], st["timing"], RT_COND.get((s["id"], st["n"])),
                         RT_MTYPE[st["mtype"]], st["text"], st["note"] or None])
        write_csv(mapdir / f"{tab}.csv", rows, len(step_h))
        cols += [(tab, k, f) for k, _, f in head] + [(tab, x, f) for x, f in step_h]

    defects = [
        ("MAP004", "SC10", "SC10 «Бонусы сгорают» — тип «триггер», но строка «Триггер:» пустая (событие сгорания бонусов не заведено)."),
        ("MAP005", "SC11", "SC11 «Back in stock» (в разработке) — паспорт есть, а таблица шагов пустая: только строка заголовков."),
        ("TRK001", "price_drop", "Триггер SC03 — событие price_drop, которого нет на вкладке «События»."),
        ("COV004", "Viber", "Канал Viber объявлен на вкладке «Каналы» (через Edna), но ни один шаг ни одного сценария его не использует."),
        ("FLOW002", "B2B-закупка", "Этап «B2B-закупка» ни у одного этапа не указан как следующий: от «Знакомства» до него не дойти."),
        ("COST002", "SC08", "SC08 шаг 4 — звонок оператора сегменту «Спящие»: 48 000 человек, уровень «обычный»."),
        ("CNT002", "deal_hunters", "Сегмент deal_hunters («Охотники за скидками») получает только SC03 (2 шага) и SC04 (1 шаг) — все три promo, 100% > 60%."),
        ("CNT001", "SC06", "У SC06 «Запрос отзыва» строка «Цель:» пустая (целевое событие review_left есть, самой цели нет)."),
        ("GOV001", "2026-02-14", "Карта актуализирована 14.02.2026 — больше шести месяцев до 29.11.2026."),
    ]
    lookalikes = [
        ("FREQ002", "SC02-v1", "SC02 и SC02-v1 оба на cart_abandoned для «Покупателей», но SC02-v1 выключен — активен только один."),
        ("CNT002", "sleeping", "«Спящие» получают 5 шагов SC08, из них 3 promo — ровно 60%, не выше порога."),
        ("COST001", "SC02", "Каскад SC02 — email, потом push «если email не открыт»: начинается с email, не с SMS/звонка (email → push не то правило)."),
        ("TRK005", "wishlist_shared", "Событие wishlist_shared ничем не используется, но и не трекается («Трекаем? — нет»)."),
    ]
    write_answers(folder, "ДомКрафт — карта коммуникаций (выгрузка Google Sheets в CSV, вкладка на сценарий)",
                  "domkraft_crm_map", "ru", defects, lookalikes, cols)
    return model, cols


def main():
    results = [("agency_ru", *build_agency()), ("subscription_en", *build_subscription()),
               ("retail_mixed", *build_retail())]
    bad = False
    for name, model, cols in results:
        for sheet, header, field in cols:
            if field not in FIELDS:
                print(f"!! {name}: bad field {field} for {sheet}/{header}")
                bad = True
        seen = set()
        for sheet, header, field in cols:
            if (sheet, header) in seen:
                print(f"!! {name}: duplicate column key {sheet}/{header}")
                bad = True
            seen.add((sheet, header))
        if "-q" not in sys.argv:
            selfcheck(name, model)
    try:
        import tomllib
        for name, *_ in results:
            tomllib.loads((HERE / name / "answers.toml").read_text(encoding="utf-8"))
    except ImportError:  # pragma: no cover
        pass
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
