"""Build corpus16: three client communication maps with planted defects.

Run from the repository root:  python tests/corpus16/build.py

Each map is described once as plain Python data (segments, stages, channels,
systems, events, scenarios with steps).  The same data is
  * rendered into a workbook laid out the way that client keeps it,
  * run through a small independent self-check (``self_check``) that recomputes
    coverage, reachability, contact pressure, promo share, integration paths
    etc. so the planted defects are the only ones,
  * turned into ``answers.toml`` (defects, look-alikes, column key).
Nothing here imports the audit tool.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 29)
SIX_MONTHS_BEFORE = dt.date(2026, 5, 29)

CAPS = {"email": 3, "sms": 2, "push": 5, "messenger": 3, "call": 1}
CAP_TOTAL = 10
PROMO_SHARE = 0.60
CALL_SIZE = 1000
COST_ORDER = {"push": 1, "email": 2, "messenger": 3, "sms": 4, "call": 5}
# feedback each channel kind reports back
REPORTS = {
    "email": {"delivered", "not_delivered", "opened", "not_opened", "clicked"},
    "sms": {"delivered", "not_delivered"},
    "push": {"delivered", "opened", "not_opened"},
    "messenger": {"delivered", "not_delivered", "read", "not_read"},
    "call": {"answered", "not_answered"},
}

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=13)
WRAP = Alignment(wrap_text=True, vertical="top")


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def step(sid, timing, channel, message, mtype, system=None, cond=None, goto=None):
    """cond: None | ('fb', step_id, feedback) | ('ev_absent', event_id)
    goto: (target_step_id, bounded: bool, delay_text) for loops / jumps."""
    return dict(id=sid, timing=timing, channel=channel, message=message,
                mtype=mtype, system=system, cond=cond, goto=goto)


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write_header(ws, row, headers, widths=None):
    for i, h in enumerate(headers, start=1):
        c = ws.cell(row=row, column=i, value=h)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = WRAP
    if widths:
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w


def title(ws, text, ncols):
    ws.cell(row=1, column=1, value=text).font = TITLE_FONT
    if ncols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)


def wrap_all(ws):
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None and not c.font.bold:
                c.alignment = WRAP


# --------------------------------------------------------------------------
# independent self-check on the normalised model
# --------------------------------------------------------------------------
def self_check(m):
    """Return a sorted list of (code, subject) the model exhibits."""
    out = set()
    seg = {s["id"]: s for s in m["segments"]}
    ch_kind = {c["id"]: c["kind"] for c in m["channels"]}
    events = {e["id"]: e for e in m["events"]}
    systems = {s["id"]: s for s in m["systems"]}
    scen = m["scenarios"]
    live = [s for s in scen if s["status"] in ("active", "planned")]
    active = [s for s in scen if s["status"] == "active"]

    def ancestors(sid):
        res = []
        while sid:
            res.append(sid)
            sid = seg[sid]["parent"] if sid in seg else None
        return res

    # references
    for s in scen:
        for g in s["segments"]:
            if g not in seg:
                out.add(("MAP001", g))
        for e in [s["trigger"], s["goal_event"], *s["stop"]]:
            if e and e not in events:
                out.add(("TRK001", e))
        if s["stage"] and m["stages"] and s["stage"] not in {x["id"] for x in m["stages"]}:
            out.add(("MAP001", s["stage"]))
        ids = [st["id"] for st in s["steps"]]
        for st in s["steps"]:
            if st["channel"] not in ch_kind:
                out.add(("MAP001", st["channel"]))
            if st["cond"] and st["cond"][0] == "ev_absent" and st["cond"][1] not in events:
                out.add(("TRK001", st["cond"][1]))
        all_ids = [st["id"] for x in scen for st in x["steps"] if st["id"]]
        for i in set(all_ids):
            if all_ids.count(i) > 1:
                out.add(("MAP002", i))
        if not s["steps"]:
            out.add(("MAP005", s["name"]))
        if not s["trigger"] and not s["schedule"]:
            out.add(("MAP004", s["name"]))
        # dates
        d = s["reviewed_date"]
        if d is None:
            out.add(("MAP003", s["reviewed"]))
        elif d < SIX_MONTHS_BEFORE:
            out.add(("GOV002", s["name"]))
        if not s["goal"]:
            out.add(("CNT001", s["name"]))
        if not s["kpi"]:
            out.add(("CNT003", s["name"]))
        if s["status"] == "active" and not s["owner"]:
            out.add(("GOV003", s["id"]))
        if s["status"] == "active":
            ge = s["goal_event"]
            if not ge or (ge in events and not events[ge]["tracked"]):
                out.add(("TRK004", s["name"]))
        if s["goal_event"] and s["goal_event"] not in s["stop"]:
            out.add(("FLOW004", s["name"]))
        for st in s["steps"]:
            if not st["message"]:
                out.add(("CNT004", st["id"]))
        # untracked dependencies
        for e in [s["trigger"], *s["stop"]] + [st["cond"][1] for st in s["steps"]
                                              if st["cond"] and st["cond"][0] == "ev_absent"]:
            if e in events and not events[e]["tracked"]:
                out.add(("TRK002", e))
        # step graph: sequential unless goto
        if s["steps"]:
            nxt = defaultdict(set)
            for i, st in enumerate(s["steps"]):
                g = st["goto"]
                seq = s["steps"][i + 1]["id"] if i + 1 < len(s["steps"]) else None
                if g:
                    nxt[st["id"]].add(g["to"])
                    if g.get("loop") and seq:
                        nxt[st["id"]].add(seq)
                elif seq:
                    nxt[st["id"]].add(seq)
            seen, todo = set(), [ids[0]]
            while todo:
                x = todo.pop()
                if x in seen:
                    continue
                seen.add(x)
                todo.extend(nxt[x])
            for i in ids:
                if i not in seen:
                    out.add(("FLOW005", f"{s['name']}/{i}"))
            for st in s["steps"]:
                g = st["goto"]
                if g and g.get("loop") and not g.get("bounded") and not s["stop"]:
                    out.add(("FLOW003", s["name"]))
    # coverage
    for g in seg.values():
        if g["excluded"]:
            continue
        anc = set(ancestors(g["id"]))
        if not any(anc & set(s["segments"]) for s in live if s["steps"] or True):
            out.add(("COV001", g["id"]))
    stage_ids = [x["id"] for x in m["stages"]]
    for st_id in stage_ids:
        if not any(s["stage"] == st_id for s in live):
            out.add(("COV002", st_id))
    used_channels = {st["channel"] for s in scen for st in s["steps"]}
    for c in m["channels"]:
        if c["id"] not in used_channels:
            out.add(("COV004", c["id"]))
    # stage graph
    if m["stages"]:
        nexts = {x["id"]: x["next"] for x in m["stages"]}
        for x in m["stages"]:
            if not x["final"] and not x["next"]:
                out.add(("FLOW001", x["id"]))
            for n in x["next"]:
                if n not in nexts:
                    out.add(("MAP001", n))
        seen, todo = set(), [stage_ids[0]]
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            todo.extend(nexts.get(x, []))
        for x in stage_ids:
            if x not in seen:
                out.add(("FLOW002", x))
    # events usage
    used_ev = set()
    for s in scen:
        used_ev |= {s["trigger"], s["goal_event"], *s["stop"]}
        used_ev |= {st["cond"][1] for st in s["steps"] if st["cond"] and st["cond"][0] == "ev_absent"}
    for e in events.values():
        if e["tracked"] and e["id"] not in used_ev:
            out.add(("TRK005", e["id"]))
    # platform
    edges = {s["id"]: set(s["sends_to"]) for s in systems.values()}

    def reaches(a, b):
        if a == b:
            return True
        seen, todo = set(), [a]
        while todo:
            x = todo.pop()
            if x == b:
                return True
            if x in seen:
                continue
            seen.add(x)
            todo.extend(edges.get(x, ()))
        return False

    def step_system(st):
        if st["system"]:
            return st["system"]
        cands = [s["id"] for s in systems.values() if st["channel"] in s["channels"]]
        return cands[0] if cands else None

    for s in scen:
        if not s["steps"]:
            continue
        first_sys = step_system(s["steps"][0])
        if s["trigger"] in events and first_sys:
            if not reaches(events[s["trigger"]]["source"], first_sys):
                out.add(("TRK003", s["id"]))
        for st in s["steps"]:
            sysid = step_system(st)
            if sysid is None or st["channel"] not in systems.get(sysid, {}).get("channels", []):
                out.add(("INT001", st["id"]))
            for e in s["stop"]:
                if e in events and sysid and not reaches(events[e]["source"], sysid):
                    out.add(("TRK003", f"{s['id']} stop {e} -> {st['id']}"))
            c = st["cond"]
            if c and c[0] == "ev_absent" and c[1] in events and sysid:
                if not reaches(events[c[1]]["source"], sysid):
                    out.add(("TRK003", f"{s['id']} cond -> {st['id']}"))
            if c and c[0] == "fb":
                src = next(x for x in s["steps"] if x["id"] == c[1])
                src_sys = step_system(src)
                if src_sys != sysid and not reaches(src_sys, sysid):
                    out.add(("INT002", st["id"]))
                k_src = ch_kind[src["channel"]]
                if c[2] not in REPORTS[k_src]:
                    out.add(("INT003", st["id"]))
                k_dst = ch_kind[st["channel"]]
                if k_src in ("sms", "call") and COST_ORDER[k_dst] < COST_ORDER[k_src]:
                    out.add(("COST001", st["id"]))
    # calls for mass segments
    for s in live:
        for st in s["steps"]:
            if ch_kind[st["channel"]] == "call":
                for g in s["segments"]:
                    if g in seg and seg[g]["size"] > CALL_SIZE and seg[g]["tier"].lower() not in ("vip", "high"):
                        out.add(("COST002", st["id"]))
    # pressure, promo share, excluded
    per_seg = {}
    for g in seg:
        anc = set(ancestors(g))
        steps = [(s, st) for s in scen if s["status"] == "active" or s["status"] == "planned"
                 for st in s["steps"] if anc & set(s["segments"])]
        per_seg[g] = steps
        cnt = defaultdict(int)
        for _, st in steps:
            cnt[ch_kind[st["channel"]]] += 1
        for k, v in cnt.items():
            if v > CAPS[k]:
                out.add(("FREQ001", f"{g} {k}={v}"))
        if sum(cnt.values()) > CAP_TOTAL:
            out.add(("FREQ001", f"{g} total={sum(cnt.values())}"))
        if steps:
            promo = sum(1 for _, st in steps if st["mtype"] == "promo")
            wide = sum(1 for _, st in steps if st["mtype"] in ("promo", "content"))
            if promo / len(steps) > PROMO_SHARE:
                out.add(("CNT002", g))
            elif wide / len(steps) > PROMO_SHARE:
                out.add(("CNT002?", f"{g} (only if content counted as promo)"))
        if seg[g]["excluded"]:
            for s, st in steps:
                if st["mtype"] != "service":
                    out.add(("COV003", f"{s['name']} -> {g}"))
    # duplicate triggers
    by_ev = defaultdict(list)
    for s in active:
        if s["trigger"]:
            by_ev[s["trigger"]].append(s)
    for e, lst in by_ev.items():
        for i, a in enumerate(lst):
            for b in lst[i + 1:]:
                sa = {x for g in a["segments"] if g in seg for x in ancestors(g)}
                sb = {x for g in b["segments"] if g in seg for x in ancestors(g)}
                if set(a["segments"]) & sb or set(b["segments"]) & sa:
                    out.add(("FREQ002", f"{a['id']}+{b['id']}"))
    # map review
    if m["map_reviewed"] < SIX_MONTHS_BEFORE:
        out.add(("GOV001", str(m["map_reviewed"])))
    return sorted(out), per_seg


def pressure_table(m, per_seg):
    ch_kind = {c["id"]: c["kind"] for c in m["channels"]}
    lines = []
    for g, steps in per_seg.items():
        cnt = defaultdict(int)
        for _, st in steps:
            cnt[ch_kind[st["channel"]]] += 1
        promo = sum(1 for _, st in steps if st["mtype"] == "promo")
        lines.append(f"    {g:28} {dict(cnt)} total={sum(cnt.values())} promo={promo}/{len(steps)}")
    return "\n".join(lines)


def write_answers(folder, title_, mapfile, lang, defects, lookalikes, columns):
    parts = [f"title = {toml_str(title_)}", f"map = {toml_str(mapfile)}",
             f"lang = {toml_str(lang)}", f"today = {toml_str(TODAY.isoformat())}", ""]
    for code, match, why in defects:
        parts += ["[[defect]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                  f"why = {toml_str(why)}", ""]
    for code, match, why in lookalikes:
        parts += ["[[lookalike]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                  f"why = {toml_str(why)}", ""]
    for sheet, header, field in columns:
        parts += ["[[column]]", f"sheet = {toml_str(sheet)}", f"header = {toml_str(header)}",
                  f"field = {toml_str(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(parts), encoding="utf-8")


def verify_columns(folder):
    """Every keyed header must be present in its sheet; every header row cell keyed."""
    ans = tomllib.loads((folder / "answers.toml").read_text(encoding="utf-8"))
    wb = load_workbook(folder / ans["map"])
    texts = defaultdict(set)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    texts[ws.title].add(c.value)
                    # label cells of label/value blocks ("Метка: значение")
                    if ":" in c.value:
                        texts[ws.title].add(c.value.split(":", 1)[0])
    bad = [(c["sheet"], c["header"]) for c in ans["column"]
           if c["header"] not in texts.get(c["sheet"], ())]
    assert not bad, f"keyed headers not found: {bad}"
    fields = {"id", "name", "parent", "size", "tier", "excluded", "stage", "next", "final",
              "channel", "kind", "system", "source", "tracked", "scenario", "scenario_name",
              "step", "trigger", "schedule", "timing", "segments", "goal", "goal_event",
              "stop_event", "kpi", "owner", "status", "last_reviewed", "message",
              "message_type", "condition", "sends_to", "ignore"}
    assert all(c["field"] in fields for c in ans["column"])
    return ans


# ==========================================================================
# MAP 1 — crm_robots_ru: Bitrix24 robots on the sales funnel
# ==========================================================================
def model_robots():
    segments = [
        dict(id="B2C", name="Частные клиенты (все физлица)", parent=None, size=18400, tier="обычный", excluded=False,
             how="Тип контакта = «Физлицо»"),
        dict(id="B2C-LEAD", name="Физлица: заявка в работе", parent="B2C", size=1900, tier="обычный", excluded=False,
             how="Сделка открыта, оплат ещё не было"),
        dict(id="B2C-FIRST", name="Физлица: первый заказ (до 30 дней)", parent="B2C", size=850, tier="обычный",
             excluded=False, how="1 успешная сделка, дата < 30 дн."),
        dict(id="B2C-REG", name="Постоянные физлица", parent="B2C", size=11300, tier="обычный", excluded=False,
             how="2+ заказа, последний не старше 60 дней"),
        dict(id="B2C-SLEEP", name="Уснувшие физлица", parent="B2C", size=4350, tier="обычный", excluded=False,
             how="Поле «Дата последнего заказа» старше 60 дней"),
        dict(id="B2B", name="Компании и офисы", parent=None, size=2350, tier="обычный", excluded=False,
             how="Есть компания в карточке"),
        dict(id="B2B-LEAD", name="Компании: заявка в работе", parent="B2B", size=420, tier="обычный", excluded=False,
             how="Сделка открыта, договора нет"),
        dict(id="B2B-REG", name="Офисы на абонементе", parent="B2B", size=1790, tier="обычный", excluded=False,
             how="Договор-абонемент действует"),
        dict(id="B2B-KEY", name="Ключевые клиенты (от 50 бутылей в месяц)", parent="B2B", size=140, tier="VIP",
             excluded=False, how="Ручная метка «Ключевой» у компании"),
        dict(id="STOP", name="Стоп-лист: отписались, жалоба, «не звонить»", parent=None, size=1260, tier="",
             excluded=True, how="Метка «Не беспокоить» = да"),
    ]
    stages = [
        dict(id="Новая заявка", next=["Квалификация"], final=False, next_txt="Квалификация",
             desc="Заявка с сайта или звонок, сделка создаётся автоматически"),
        dict(id="Квалификация", next=["КП отправлено", "Отказ"], final=False, next_txt="КП отправлено / Отказ",
             desc="Менеджер уточняет адрес, объём, кулер"),
        dict(id="КП отправлено", next=["Счёт выставлен", "Отказ"], final=False, next_txt="Счёт выставлен; Отказ",
             desc="Расчёт отправлен клиенту"),
        dict(id="Счёт выставлен", next=["Оплачено", "Отказ"], final=False, next_txt="Оплачено, Отказ",
             desc="Счёт из 1С, для физлиц — ссылка на оплату"),
        dict(id="Оплачено", next=["Монтаж кулера", "Доставка"], final=False, next_txt="Монтаж кулера / Доставка",
             desc="Оплата подтянулась из 1С"),
        dict(id="Монтаж кулера", next=[], final=False, next_txt="",
             desc="Только B2B: установка кулера/пурифайера мастером"),
        dict(id="Доставка", next=["Постоянный клиент"], final=False, next_txt="Постоянный клиент",
             desc="Водитель отметил доставку в приложении"),
        dict(id="Постоянный клиент", next=["Уснувший"], final=False, next_txt="Уснувший",
             desc="Повторные заказы по графику"),
        dict(id="Уснувший", next=["Постоянный клиент", "Отказ"], final=False, next_txt="Постоянный клиент / Отказ",
             desc="60+ дней без заказа"),
        dict(id="Отказ", next=[], final=True, next_txt="", desc="Сделка проиграна, причина обязательна"),
    ]
    channels = [
        dict(id="SMS", kind="sms", kind_txt="SMS", action="Отправить SMS", system="SMSC.ru"),
        dict(id="Email", kind="email", kind_txt="email", action="Письмо клиенту", system="Unisender"),
        dict(id="WhatsApp", kind="messenger", kind_txt="мессенджер", action="Сообщение в WhatsApp", system="Wazzup"),
        dict(id="Telegram", kind="messenger", kind_txt="мессенджер", action="Сообщение в Telegram", system="Wazzup"),
        dict(id="Звонок", kind="call", kind_txt="звонок", action="Задача менеджеру: позвонить",
             system="Mango Office"),
    ]
    systems = [
        dict(id="Битрикс24", channels=[], sends_to=["SMSC.ru", "Unisender", "Wazzup", "Mango Office"],
             gets="Заявки с сайта, оплаты и доставки из 1С, статусы SMS/писем, звонки",
             gives="Данные сделки и контакта в сервисы рассылок и телефонию",
             note="Роботы и триггеры воронки «Продажи»"),
        dict(id="Сайт на Tilda", channels=[], sends_to=["Битрикс24"], gets="—",
             gives="CRM-форма: имя, телефон, адрес, UTM", note="Форма Битрикс24 встроена в Tilda"),
        dict(id="1С:УНФ", channels=[], sends_to=["Битрикс24"], gets="Сделки, контрагенты",
             gives="Счета, оплаты, отметки о доставке, заказы", note="Обмен каждые 15 минут (модуль обмена)"),
        dict(id="SMSC.ru", channels=["SMS"], sends_to=["Битрикс24"], gets="Телефон, текст из робота",
             gives="Статус доставки SMS", note="Буквенное имя RODNIK"),
        dict(id="Unisender", channels=["Email"], sends_to=["Битрикс24"], gets="Email, имя, сегмент, поля сделки",
             gives="Доставлено / открыто / клик / отписка (вебхук)", note="Транзакционные + дайджест"),
        dict(id="Wazzup", channels=["WhatsApp", "Telegram"], sends_to=["Битрикс24"],
             gets="Телефон, шаблон из робота", gives="Статусы: доставлено / прочитано, ответы клиента в чат",
             note="Telegram подключили в сентябре, сценариев пока нет"),
        dict(id="Mango Office", channels=["Звонок"], sends_to=["Битрикс24"], gets="Карточка клиента при звонке",
             gives="Пропущенные, записи разговоров, итог звонка", note="Задачи на звонок ставит робот Битрикс24"),
        dict(id="Яндекс Формы", channels=[], sends_to=[], gets="Ссылка на опрос в письме",
             gives="Оценки доставки 1–5", note="Интеграции нет: ответы выгружаем в Excel по понедельникам"),
    ]
    ev = lambda i, n, s, t, f: dict(id=n, code=i, name=n, source=s, tracked=t, field=f)
    events = [
        ev("E01", "Заявка с сайта", "Сайт на Tilda", True, "Источник = CRM-форма «Заказать воду»"),
        ev("E02", "Лид квалифицирован", "Битрикс24", True, "Поле «Квалификация пройдена» = да"),
        ev("E03", "КП отправлено", "Битрикс24", True, "Документ «КП» сформирован и отправлен"),
        ev("E04", "Счёт выставлен", "1С:УНФ", True, "Счёт из 1С привязан к сделке"),
        ev("E05", "Оплата поступила", "1С:УНФ", True, "Статус счёта «Оплачен»"),
        ev("E06", "Монтаж назначен", "Битрикс24", True, "Дата монтажа заполнена"),
        ev("E07", "Монтаж выполнен", "Битрикс24", True, "Акт монтажа подписан"),
        ev("E08", "Доставка выполнена", "1С:УНФ", True, "Отметка водителя в приложении 1С"),
        ev("E09", "Низкая оценка доставки", "Яндекс Формы", True, "Оценка 1–3 в опросе после доставки"),
        ev("E10", "Жалоба закрыта", "Битрикс24", True, "Задача «Жалоба» закрыта"),
        ev("E11", "Заказ оформлен", "1С:УНФ", True, "Новый заказ покупателя"),
        ev("E12", "Подходит срок заказа", "Битрикс24", True, "Поле «Дата след. заказа» = сегодня"),
        ev("E13", "Нет заказа 60 дней", "Битрикс24", True, "Робот по полю «Дата последнего заказа»"),
        ev("E14", "Отписка от рассылки", "Unisender", True, "Вебхук unsubscribe"),
        ev("E15", "Сделка проиграна", "Битрикс24", True, "Сделка на стадии «Отказ»"),
        ev("E16", "Анкета отказа заполнена", "Битрикс24", True, "CRM-форма «Почему не подошло»"),
        ev("E17", "Клик по ссылке в SMS", "SMSC.ru", False, "Короткие ссылки SMSC не подключены"),
    ]
    I, A, G, GU = "Ирина Ковалёва (РОП)", "Алексей Мухаметов (маркетинг)", "Гульнара Хасанова (сервис)", ""

    def sc(i, name, stage, trig, segs, owner, goal, ge, stop, kpi, reviewed, steps, status="active",
           schedule=None):
        return dict(id=i, name=name, stage=stage, trigger=trig, segments=segs, owner=owner, goal=goal,
                    goal_event=ge, stop=stop, kpi=kpi, reviewed=reviewed, steps=steps, status=status,
                    schedule=schedule)

    scenarios = [
        sc("Ц1", "Новая заявка (физлица)", "Новая заявка", "Заявка с сайта", ["B2C-LEAD"], I,
           "Связаться с клиентом и квалифицировать заявку", "Лид квалифицирован", ["Лид квалифицирован"],
           "≥ 70 % заявок квалифицированы в течение часа", "02.10.2026", [
               step("Р-01", "сразу", "SMS", "Спасибо за заявку! Перезвоним в течение 15 минут. Родник", "service"),
               step("Р-02", "через 10 мин", "Звонок", "Первичный звонок по скрипту «Новый клиент»", "service"),
           ]),
        sc("Ц2", "Новая заявка (компании)", "Новая заявка", "Заявка с сайта", ["B2B-LEAD"], I,
           "Квалифицировать компанию", "Лид квалифицирован", ["Лид квалифицирован"],
           "80 % заявок квалифицированы за 1 рабочий день", "02.10.2026", [
               step("Р-03", "сразу", "Email", "Спасибо за обращение: ваш менеджер и прайс для офисов", "service"),
               step("Р-04", "+2 ч", "Звонок", "Звонок ЛПР: сколько сотрудников, нужен ли кулер", "service"),
           ]),
        sc("Ц3", "Квалификация", "Квалификация", "Лид квалифицирован", ["B2C-LEAD", "B2B-LEAD"], I,
           "Собрать данные для расчёта", "КП отправлено", ["КП отправлено"],
           "КП отправлено в течение 24 ч — 85 %", "15.09.2026", [
               step("Р-05", "сразу", "WhatsApp",
                    "Уточним пару деталей для расчёта: адрес, этаж, сколько человек пьёт воду", "service"),
           ]),
        sc("Ц4", "КП отправлено", "КП отправлено", "КП отправлено", ["B2C-LEAD", "B2B-LEAD"], I,
           "Довести до счёта", "Счёт выставлен", ["Счёт выставлен"], "Конверсия КП → счёт ≥ 40 %", "15.09.2026", [
               step("Р-06", "0 мин", "Email", "Ваше коммерческое предложение (PDF)", "service"),
               step("Р-07", "через 2 дня", "WhatsApp", "Остались вопросы по предложению? Ответим здесь", "service",
                    cond=("fb", "Р-06", "not_opened")),
           ]),
        sc("Ц5", "Счёт выставлен (юрлица)", "Счёт выставлен", "Счёт выставлен", ["B2B-LEAD"], I,
           "Получить оплату", "Оплата поступила", ["Оплата поступила"], "Оплата в течение 3 дней ≥ 75 %",
           "21.10.2026", [
               step("Р-08", "сразу", "SMS", "Счёт №{номер} на {сумма} ₽ выставлен, оплата по ссылке", "service"),
               step("Р-09", "3 часа", "Email", "Счёт и закрывающие документы в PDF", "service",
                    cond=("fb", "Р-08", "not_delivered")),
           ]),
        sc("Ц6", "Оплата получена", "Оплачено", "Оплата поступила", ["B2C", "B2B", "STOP"], G,
           "Подтвердить оплату и дату доставки", "Доставка выполнена", ["Доставка выполнена"],
           "Доставок в согласованное окно ≥ 95 %", "08.11.2026", [
               step("Р-10", "сразу", "WhatsApp", "Оплату получили, спасибо! Доставка {дата}, окно {время}",
                    "service"),
           ]),
        sc("Ц7", "Монтаж кулера", "Монтаж кулера", "Монтаж назначен", ["B2B"], G,
           "Установить кулер в согласованный день", "Монтаж выполнен", ["Монтаж выполнен"],
           "Монтаж в день поставки ≥ 90 %", "2026-10-21", [
               step("Р-11", "сразу", "SMS", "Мастер приедет {дата} с {время}. Подготовьте место у розетки",
                    "service"),
           ]),
        sc("Ц8", "Первая доставка", "Доставка", "Доставка выполнена", ["B2C-FIRST"], A,
           "Второй заказ в течение 21 дня", "Заказ оформлен", ["Заказ оформлен"],
           "Повторный заказ ≤ 21 дня — 55 %", "31.09.2026", [
               step("Р-12", "через 2 ч", "Email", "Как вам первая доставка? Оцените в 1 клик", "service"),
               step("Р-13", "на 10-й день", "WhatsApp", "Вода заканчивается? Ответьте «да» — привезём завтра",
                    "service"),
           ]),
        sc("Ц9", "Низкая оценка доставки", "Доставка", "Низкая оценка доставки",
           ["B2C-FIRST", "B2C-REG", "B2B-REG", "B2B-KEY"], G, "Отработать негатив", "Жалоба закрыта",
           ["Жалоба закрыта"], "Жалоба закрыта за 24 ч — 90 %", "11.11.2026", [
               step("Р-14", "сразу", "WhatsApp", "Нам жаль, что доставка подвела. Расскажите, что случилось?",
                    "service"),
           ]),
        sc("Ц10", "Напоминание о заказе (физлица)", "Постоянный клиент", "Подходит срок заказа", ["B2C-REG"], A,
           "Регулярный заказ без звонка оператору", "Заказ оформлен", ["Заказ оформлен"],
           "Заказ ответом на SMS ≥ 30 %", "30.09.2026", [
               step("Р-15", "сразу", "SMS", "Пора заказать воду? Ответьте 1 — привезём завтра", "service"),
           ]),
        sc("Ц11", "Дайджест", "Постоянный клиент", None, ["B2C", "B2B-REG", "B2B-KEY"], A,
           "Допродажи аксессуаров и удержание", "Заказ оформлен", ["Заказ оформлен", "Отписка от рассылки"],
           "CTR ≥ 2 %, допродажи 180 тыс. ₽ в месяц", "05.11.2026", [
               step("Р-16", "", "Email", "Дайджест: акции месяца, помпы, стаканчики, чай к воде", "promo"),
           ], schedule="раз в 2 недели, чт 11:00"),
        sc("Ц12", "Уснувшие: реактивация", "Уснувший", "Нет заказа 60 дней", ["B2C-SLEEP"], A,
           "Вернуть уснувших клиентов", "Заказ оформлен", ["Заказ оформлен"], "Реактивация ≥ 8 % за 30 дней",
           "03.06.2026", [
               step("Р-17", "сразу", "Email", "Ваш адрес и график доставки сохранены — закажите в 1 клик",
                    "service"),
               step("Р-18", "через 1 день", "SMS", "Привезём воду завтра? Ответьте 1", "service",
                    cond=("fb", "Р-17", "not_opened")),
               step("Р-19", "через 3 дня", "SMS", "Скидка 15 % на 3 бутыли по коду ВОДА15", "promo"),
               step("Р-20", "через 5 дней", "SMS", "Код ВОДА15 действует до воскресенья", "promo"),
           ]),
        sc("Ц13", "Абонемент: подтверждение поставки", "Постоянный клиент", "Подходит срок заказа", ["B2B-REG"],
           GU, "Подтвердить заказ на неделю без звонка", "Заказ оформлен", ["Заказ оформлен"],
           "Подтверждение без звонка ≥ 70 %", "17.10.2026", [
               step("Р-21", "сразу", "Email", "Подтвердите заказ на следующую неделю: {кол-во} бутылей",
                    "service"),
               step("Р-22", "1 д.", "WhatsApp", "Подтверждаете заказ? Ответьте «да» или пришлите изменения",
                    "service", cond=("fb", "Р-21", "not_opened")),
           ]),
        sc("Ц14", "Ключевые: плановая поставка", "Постоянный клиент", "Подходит срок заказа", ["B2B-KEY"], I,
           "Плановая поставка без срывов", "Заказ оформлен", ["Заказ оформлен"], "Срывов плановых поставок — 0",
           "24.10.2026", [
               step("Р-23", "сразу", "SMS", "Плановая поставка {дата}: {кол-во} бутылей. Всё в силе?", "service"),
               step("Р-24", "через 3 часа", "Звонок", "Звонок аккаунт-менеджера: подтвердить поставку",
                    "service", cond=("fb", "Р-23", "not_read")),
           ]),
        sc("Ц15", "Отказ: причина", "Отказ", "Сделка проиграна", ["B2C-LEAD"], I,
           "Понять причины отказов", "Анкета отказа заполнена", ["Анкета отказа заполнена"],
           "≥ 15 % заполненных анкет", "19.11.2026", [
               step("Р-25", "через 1 день", "Email", "Почему вам не подошло? 3 вопроса, 1 минута", "service"),
           ], status="planned"),
    ]
    for s in scenarios:
        for st in s["steps"]:
            st["system"] = next(c["system"] for c in channels if c["id"] == st["channel"])
    return dict(segments=segments, stages=stages, channels=channels, systems=systems, events=events,
                scenarios=scenarios, map_reviewed=dt.date(2026, 11, 14), map_reviewed_txt="14.11.2026")


def parse_ru_date(s):
    s = s.strip()
    try:
        if "-" in s:
            return dt.date.fromisoformat(s)
        d, m, y = s.split(".")
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


COND_RU = {
    "not_opened": "если письмо {ref} не открыто",
    "not_delivered": "если SMS {ref} не доставлено",
    "not_read": "если SMS {ref} не прочитано",
}


def build_robots(folder):
    m = model_robots()
    for s in m["scenarios"]:
        s["reviewed_date"] = parse_ru_date(s["reviewed"])
    fname = "Родник_карта_коммуникаций_Битрикс24.xlsx"
    wb = Workbook()
    cols = []

    # --- О карте
    ws = wb.active
    ws.title = "О карте"
    info = [
        ("Компания", "ООО «Родник-Сервис» — доставка питьевой воды 19 л и кулеров, Казань", "ignore"),
        ("CRM", "Битрикс24 (облако), воронка «Продажи: вода и кулеры» — общая для физлиц и компаний", "ignore"),
        ("Составил", "Алина Сафина, CRM-консультант (внешний подрядчик)", "ignore"),
        ("Численность сегментов", "выгрузка из Битрикс24 на 01.11.2026", "ignore"),
        ("Дата последней ревизии", m["map_reviewed_txt"], "last_reviewed"),
        ("Как читать", "Одна строка листа «Воронка и роботы» = один робот. Задержка считается от события в "
                       "колонке «Когда срабатывает». Параметры цепочек целиком — на листе «Цепочки».", "ignore"),
    ]
    for r, (k, v, f) in enumerate(info, start=1):
        ws.cell(row=r, column=1, value=k).font = BOLD
        ws.cell(row=r, column=2, value=v)
        cols.append(("О карте", k, f))
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100

    # --- Воронка и роботы
    ws = wb.create_sheet("Воронка и роботы")
    heads = [("Стадия сделки", "stage"), ("Цепочка", "scenario"), ("Робот №", "step"),
             ("Когда срабатывает", "trigger"), ("Задержка\n(от события)", "timing"), ("Действие", "channel"),
             ("Текст / шаблон", "message"), ("Тип сообщения", "message_type"), ("Условие", "condition"),
             ("Кому", "segments"), ("Через сервис", "system"), ("Ответственный", "owner")]
    title(ws, "Роботы и триггеры воронки «Продажи: вода и кулеры» (актуально на 14.11.2026)", len(heads))
    write_header(ws, 2, [h for h, _ in heads], [18, 9, 9, 22, 13, 26, 52, 13, 28, 30, 14, 28])
    cols += [("Воронка и роботы", h, f) for h, f in heads]
    action = {c["id"]: c["action"] for c in m["channels"]}
    mtype = {"service": "сервисное", "promo": "акция", "content": "полезное"}
    r = 3
    for s in m["scenarios"]:
        for st in s["steps"]:
            cond = ""
            if st["cond"]:
                cond = COND_RU[st["cond"][2]].format(ref=st["cond"][1])
                if st["id"] == "Р-22":
                    cond = "если не открыл письмо Р-21"
            komu = ", ".join(s["segments"])
            vals = [s["stage"], s["id"], st["id"], s["trigger"] or "", st["timing"], action[st["channel"]],
                    st["message"], mtype[st["mtype"]], cond, komu, st["system"], s["owner"]]
            for c, v in enumerate(vals, start=1):
                ws.cell(row=r, column=c, value=v if v != "" else None)
            r += 1
    # stage cells merged per block of consecutive robots, as the consultant keeps them
    start = 3
    for row in range(4, r + 1):
        if row == r or ws.cell(row=row, column=1).value != ws.cell(row=start, column=1).value:
            if row - 1 > start:
                for k in range(start + 1, row):
                    ws.cell(row=k, column=1).value = None
                ws.merge_cells(start_row=start, start_column=1, end_row=row - 1, end_column=1)
            start = row
    ws.freeze_panes = "A3"

    # --- Цепочки
    ws = wb.create_sheet("Цепочки")
    heads = [("Цепочка", "scenario"), ("Название", "scenario_name"), ("По расписанию", "schedule"),
             ("Цель", "goal"), ("Целевое событие", "goal_event"), ("Остановить, если", "stop_event"),
             ("KPI", "kpi"), ("Статус", "status"), ("Проверено", "last_reviewed")]
    write_header(ws, 1, [h for h, _ in heads], [9, 34, 22, 38, 24, 30, 38, 11, 12])
    cols += [("Цепочки", h, f) for h, f in heads]
    status = {"active": "работает", "planned": "в плане"}
    for r, s in enumerate(m["scenarios"], start=2):
        stop = "; ".join(s["stop"])
        if s["id"] == "Ц11":
            stop = "Заказ оформлен, Отписка от рассылки"
        vals = [s["id"], s["name"], s["schedule"], s["goal"], s["goal_event"], stop, s["kpi"],
                status[s["status"]], s["reviewed"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)

    # --- Сегменты
    ws = wb.create_sheet("Сегменты")
    heads = [("Код", "id"), ("Сегмент", "name"), ("Входит в", "parent"), ("Численность", "size"),
             ("Уровень", "tier"), ("Не беспокоить", "excluded"), ("Как выделяем в CRM", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [11, 42, 10, 12, 10, 14, 44])
    cols += [("Сегменты", h, f) for h, f in heads]
    for r, g in enumerate(m["segments"], start=2):
        vals = [g["id"], g["name"], g["parent"], g["size"], g["tier"] or None,
                "да" if g["excluded"] else "нет", g["how"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)

    # --- Стадии
    ws = wb.create_sheet("Стадии")
    heads = [("Стадия", "id"), ("Что дальше", "next"), ("Финальная", "final"), ("Что происходит", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [20, 30, 11, 50])
    cols += [("Стадии", h, f) for h, f in heads]
    for r, x in enumerate(m["stages"], start=2):
        vals = [x["id"], x["next_txt"] or None, "да" if x["final"] else "нет", x["desc"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)

    # --- События и поля
    ws = wb.create_sheet("События и поля")
    heads = [("Код", "id"), ("Событие", "name"), ("Откуда приходит", "source"), ("Отслеживается", "tracked"),
             ("Поле / признак в Битрикс24", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [7, 28, 18, 14, 46])
    cols += [("События и поля", h, f) for h, f in heads]
    for r, e in enumerate(m["events"], start=2):
        vals = [e["code"], e["name"], e["source"], "да" if e["tracked"] else "нет", e["field"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)

    # --- Каналы
    ws = wb.create_sheet("Каналы")
    heads = [("Канал", "id"), ("Тип", "kind"), ("Как называется действие в роботе", "name"), ("Сервис", "system")]
    write_header(ws, 1, [h for h, _ in heads], [12, 13, 34, 16])
    cols += [("Каналы", h, f) for h, f in heads]
    for r, c_ in enumerate(m["channels"], start=2):
        for c, v in enumerate([c_["id"], c_["kind_txt"], c_["action"], c_["system"]], start=1):
            ws.cell(row=r, column=c, value=v)

    # --- Сервисы и интеграции
    ws = wb.create_sheet("Сервисы и интеграции")
    heads = [("Сервис", "id"), ("Каналы", "channel"), ("Что получает", "ignore"), ("Что отдаёт", "ignore"),
             ("Передаёт данные в", "sends_to"), ("Комментарий", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [16, 18, 40, 44, 40, 44])
    cols += [("Сервисы и интеграции", h, f) for h, f in heads]
    for r, s in enumerate(m["systems"], start=2):
        vals = [s["id"], ", ".join(s["channels"]) or None, s["gets"], s["gives"],
                ", ".join(s["sends_to"]) or None, s["note"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)
    for w in wb.worksheets:
        wrap_all(w)
    folder.mkdir(parents=True, exist_ok=True)
    wb.save(folder / fname)

    defects = [
        ("COST002", "Р-02", "Робот Р-02 ставит задачу позвонить каждому лиду B2C-LEAD — 1 900 человек обычного "
                            "уровня, больше порога в 1 000 и не VIP."),
        ("COST001", "Р-09", "Каскад Ц5 начинается с SMS Р-08, а письмо Р-09 (дешевле) уходит только если SMS не "
                            "доставлено — дорогой канал первым, дешёвый как запасной."),
        ("INT003", "Р-24", "Условие Р-24 «если SMS Р-23 не прочитано»: SMS сообщает только доставку, прочтение "
                           "SMSC.ru не возвращает."),
        ("FLOW001", "Монтаж кулера", "Стадия «Монтаж кулера» не финальная, но в колонке «Что дальше» пусто — "
                                     "сделке некуда двигаться после монтажа."),
        ("TRK003", "Ц9", "Ц9 запускается событием «Низкая оценка доставки» из Яндекс Форм, а у Яндекс Форм нет "
                         "ни одной интеграции — Wazzup, который шлёт первый шаг Р-14, это событие не получит."),
        ("COV004", "Telegram", "Канал Telegram объявлен на листе «Каналы» (и подключён в Wazzup), но ни один "
                               "робот через него не отправляет."),
        ("MAP003", "31.09.2026", "У цепочки Ц8 в «Проверено» стоит 31.09.2026 — такой даты не существует."),
        ("GOV003", "Ц13", "Цепочка Ц13 работает, но у её роботов Р-21 и Р-22 не заполнен «Ответственный»."),
        ("FREQ001", "B2C-SLEEP", "Сегмент B2C-SLEEP получает за неделю 3 SMS в Ц12 (Р-18, Р-19, Р-20) при "
                                 "лимите 2 SMS в неделю."),
    ]
    lookalikes = [
        ("COV003", "STOP", "STOP получает только сервисное WhatsApp-сообщение Р-10 об оплате и доставке; "
                           "правило касается только промо/новостей/контента."),
        ("FREQ001", "B2B-LEAD", "B2B-LEAD получает ровно 3 письма (Р-03, Р-06, Р-09), 2 SMS (Р-08, Р-11) и 3 "
                                "WhatsApp — всё ровно на лимите, а не выше; всего 9 из 10."),
        ("GOV002", "Ц12", "Ц12 проверена 03.06.2026 — это меньше шести месяцев до 29.11.2026 (граница 29.05.2026)."),
        ("TRK005", "Клик по ссылке в SMS", "Событие «Клик по ссылке в SMS» нигде не используется, но оно и не "
                                           "отслеживается (нет), а правило касается только отслеживаемых."),
        ("INT003", "Р-07", "Р-07 ждёт «письмо Р-06 не открыто» — email сообщает об открытиях, и Unisender "
                           "передаёт их в Битрикс24, откуда они доходят до Wazzup."),
    ]
    write_answers(folder, "Родник-Сервис: роботы Битрикс24 на воронке продаж", fname, "ru", defects,
                  lookalikes, cols)
    return m, defects, lookalikes


# ==========================================================================
# MAP 2 — journey_ux_en: travel CJM + lifecycle comms
# ==========================================================================
def model_journey():
    segments = [
        dict(id="Prospects", parent=None, size=86000, tier="Standard", excluded=False,
             defn="Newsletter sign-ups who have never booked"),
        dict(id="Upcoming travellers", parent=None, size=14200, tier="Standard", excluded=False,
             defn="Confirmed booking with departure date in the future"),
        dict(id="Recently returned", parent=None, size=6800, tier="Standard", excluded=False,
             defn="Returned from a trip in the last 90 days"),
        dict(id="Past guests", parent=None, size=23400, tier="Standard", excluded=False,
             defn="Last trip 3–24 months ago, no future booking"),
        dict(id="Club Gold", parent="Past guests", size=1150, tier="High", excluded=False,
             defn="Azure Club Gold: 3+ trips or £6k+ spend in 24 months"),
        dict(id="Lapsed 24m+", parent=None, size=58000, tier="Low", excluded=False,
             defn="No booking for more than 24 months"),
        dict(id="Suppressed", parent=None, size=12300, tier="", excluded=True,
             defn="Unsubscribed from marketing, hard bounces, complaints"),
    ]
    stages = [
        dict(id="Inspire", next=["Plan & compare"], final=False),
        dict(id="Plan & compare", next=["Book"], final=False),
        dict(id="Book", next=["Pre-trip"], final=False),
        dict(id="Pre-trip", next=["On holiday"], final=False),
        dict(id="On holiday", next=["Post-trip"], final=False),
        dict(id="Post-trip", next=["Loyalty & rebook"], final=False),
        dict(id="Loyalty & rebook", next=["Plan & compare"], final=False),
    ]
    channels = [
        dict(id="Email", kind="email", kind_txt="Email", use="Transactional + marketing", optin="Booking T&Cs / newsletter form"),
        dict(id="Push", kind="push", kind_txt="Push", use="App users only", optin="OS prompt in app"),
        dict(id="SMS", kind="sms", kind_txt="SMS", use="Payment and travel-critical only", optin="Booking form"),
        dict(id="WhatsApp", kind="messenger", kind_txt="Messenger", use="Transfer & rep info (pilot)",
             optin="Checkbox at booking (since Sept 2026)"),
        dict(id="Call", kind="call", kind_txt="Phone call", use="Club Gold concierge", optin="Legitimate interest"),
    ]
    systems = [
        dict(id="Braze", channels=["Email", "Push"], sends_to=["Segment CDP"],
             role="Orchestration (Canvas) and sending: email, app push",
             data="Opens, clicks, unsubscribes, push opens → Segment"),
        dict(id="Segment CDP", channels=[], sends_to=["Braze", "Salesforce Service Cloud"],
             role="Customer data platform, computed traits", data="Profiles, events, audiences"),
        dict(id="Website", channels=[], sends_to=["Segment CDP"], role="azurecoast.co.uk (GA4 + Segment JS)",
             data="Sign-ups, quotes, profile edits"),
        dict(id="Mobile app", channels=[], sends_to=["Segment CDP"], role="iOS/Android app (Firebase)",
             data="Installs, app events"),
        dict(id="Booking engine", channels=[], sends_to=["Segment CDP", "Twilio"], role="Juniper booking engine",
             data="Bookings, payments, check-in, travel dates; SMS triggers straight to Twilio"),
        dict(id="Twilio", channels=["SMS"], sends_to=[], role="SMS gateway",
             data="Delivery receipts stay in Twilio console (no export)"),
        dict(id="Feefo", channels=[], sends_to=["Segment CDP"], role="Reviews platform",
             data="Review submitted, rating"),
        dict(id="Salesforce Service Cloud", channels=["Call"], sends_to=["Segment CDP"],
             role="Contact centre / travel consultants", data="Call outcomes"),
    ]
    ev = lambda n, d, s, t, note="": dict(id=n, name=n, desc=d, source=s, tracked=t, note=note)
    events = [
        ev("newsletter_signup", "Newsletter form submitted", "Website", True),
        ev("quote_started", "Quote builder step 1 completed", "Website", True),
        ev("quote_abandoned", "Quote saved but not booked within 1h", "Website", True),
        ev("profile_updated", "Passport / contact details edited in My Account", "Website", True),
        ev("booking_confirmed", "Booking confirmed (deposit taken)", "Booking engine", True, "Server-side, MP"),
        ev("app_installed", "First app open", "Mobile app", True),
        ev("balance_due", "Balance due in 14 days", "Booking engine", True, "Server-side, MP"),
        ev("balance_paid", "Balance paid in full", "Booking engine", True),
        ev("checkin_open", "Online check-in opens (T-7)", "Booking engine", True),
        ev("trip_started", "Outbound flight departed", "Booking engine", True),
        ev("trip_ended", "Return flight landed", "Booking engine", True),
        ev("review_submitted", "Review left on Feefo", "Feefo", True),
        ev("rebook_window_open", "30 days after return (computed trait)", "Segment CDP", True),
        ev("no_booking_24m", "No booking for 24 months (computed trait)", "Segment CDP", True),
        ev("upgrade_eligible", "Lounge/seat upgrade available for booking", "Booking engine", True),
        ev("ancillary_purchased", "Upgrade or extra purchased", "Booking engine", True),
        ev("unsubscribed", "Unsubscribed from marketing email", "Braze", True),
        ev("wishlist_saved", "Hotel saved to wishlist in app", "Mobile app", False, "Planned for Q1 2027"),
    ]
    P, T, H, S, D = "Priya Nair (CRM lead)", "Tom Barker (Ops)", "Hannah Lee (CX)", "Sophie Grant (Content)", \
        "Dev Patel (Sales)"

    def fl(name, stage, trig, segs, goal, ge, stop, kpi, owner, reviewed, steps, status="active", schedule=None):
        return dict(id=name, name=name, stage=stage, trigger=trig, segments=segs, goal=goal, goal_event=ge,
                    stop=stop, kpi=kpi, owner=owner, reviewed=reviewed, steps=steps, status=status,
                    schedule=schedule)

    B = "Braze"
    scenarios = [
        fl("Welcome series", "Inspire", "newsletter_signup", ["Prospects"], "Get a first quote started",
           "quote_started", ["quote_started"], "Quote-start rate ≥ 8% within 30 days", P, "14 Oct 2026", [
               step("WEL-01", "Instant", "Email", "Welcome to Azure Coast — your 2027 inspiration pack", "content", B),
               step("WEL-02", "+4 days", "Email", "Early-bird: £100 off summer 2027 with code SUN100", "promo", B),
           ]),
        fl("Quote abandonment", "Plan & compare", "quote_abandoned", ["Prospects"],
           "Convert saved quotes into bookings", "booking_confirmed", ["unsubscribed"],
           "Quote → booking ≥ 4.5%", P, "2 Oct 2026", [
               step("QAB-1", "1 hour after trigger", "Email", "Your Crete quote is saved — prices held for 48h",
                    "service", B),
               step("QAB-2", "24h later", "Push", "Your saved quote expires tonight", "service", B,
                    cond=("fb", "QAB-1", "not_opened")),
           ]),
        fl("Booking confirmation", "Book", "booking_confirmed", ["Upcoming travellers"],
           "Confirmation delivered and app installed", "app_installed", ["app_installed"],
           "App installed within 7 days ≥ 35%", T, dt.date(2026, 9, 22), [
               step("BKC-1", "Immediately", "Email", "Booking confirmed: your ATOL certificate & e-tickets",
                    "service", B),
           ]),
        fl("Balance reminder", "Pre-trip", "balance_due", ["Upcoming travellers"], "Balance paid on time",
           "balance_paid", ["balance_paid"], "On-time payment ≥ 96%", T, "2026-10-30", [
               step("BAL-1", "Instant", "Email", "Your balance of £{amount} is due on {date}", "service", B),
               step("BAL-2", "+3d", "SMS", "Reminder: balance due {date}. Pay at azurecoast.co.uk/pay", "service",
                    "Twilio", cond=("fb", "BAL-1", "not_opened")),
           ]),
        fl("Pre-trip countdown", "Pre-trip", "checkin_open", ["Upcoming travellers"],
           "Customers arrive prepared", "trip_started", ["trip_started"], "Online check-in ≥ 80%", H,
           dt.date(2026, 11, 5), [
               step("PRE-1", "Instant", "Push", "Online check-in is open — choose your seats", "service", B),
               step("PRE-2", "Day 1", "Email", "Your holiday checklist: documents, transfers, luggage", "service", B,
                    cond=("fb", "PRE-1", "not_opened")),
               step("PRE-3", "5 days later", "WhatsApp", "Your transfer time & rep contact details", "service", B),
           ]),
        fl("Lounge upgrade offer", "Pre-trip", "upgrade_eligible", ["Club Silver"], "Ancillary revenue",
           "ancillary_purchased", ["ancillary_purchased"], "Take-up ≥ 4%", T, "9 Nov 2026", [
               step("UPG-1", "2 days after trigger", "Email", "Start your holiday in the lounge — £25pp", "promo", B),
           ]),
        fl("Post-trip review", "Post-trip", "trip_ended", ["Recently returned"], "Collect reviews",
           "review_submitted", ["review_submitted"], "Review rate ≥ 12%", H, "19 Oct 2026", [
               step("POST-1", "+1 day", "Email", "Welcome home! How was {resort}?", "service", B),
               step("POST-2", "Day 3", "Push", "Rate your hotel in 30 seconds", "service", B,
                    cond=("ev_absent", "review_submitted")),
               step("POST-2", "Day 6", "Push", "Your Azure Club points for this trip have landed", "service", B),
           ]),
        fl("Rebook window", "Loyalty & rebook", "rebook_window_open", ["Recently returned"], "Second booking",
           "booking_confirmed", ["booking_confirmed"], "Rebook within 90 days ≥ 6%", P, "4 Jun 2026", [
               step("REB-1", "Instant", "Email", "Same time next year? Early-bird 2027 prices are live", "promo", B),
               step("REB-2", "+5 days", "Push", "Early-bird ends Sunday — from £499pp", "promo", B),
           ]),
        fl("Inspiration newsletter", "Loyalty & rebook", None, ["Past guests"],
           "Keep Azure Coast top of mind between trips", None, ["unsubscribed"],
           "Open rate ≥ 32%, CTR ≥ 2.5%", S, dt.date(2026, 11, 12), [
               step("NEWS-1", "", "Email", "The Azure Edit — monthly stories & new hotels", "content", B),
           ], schedule="Monthly, 1st Thursday 10:00"),
        fl("Passport check reminder", "Loyalty & rebook", "passport_expiry_due", ["Past guests"],
           "Avoid document problems on the next trip", "profile_updated", ["profile_updated"],
           "Profile updates ≥ 15% of recipients", H, "28 Oct 2026", [
               step("PASS-1", "Instant", "Email", "Does your passport have 6 months left? Check before you book",
                    "service", B),
           ]),
        fl("Club Gold concierge call", "Loyalty & rebook", None, ["Club Gold"],
           "Retain top customers and get the next trip booked early", "booking_confirmed", ["booking_confirmed"],
           "Gold rebook rate ≥ 45%", D, "16 Sep 2026", [
               step("GLD-1", "", "Call", "Personal call from your travel consultant: 2027 preview", "service",
                    "Salesforce Service Cloud"),
           ], schedule="Quarterly (Jan, Apr, Jul, Oct)"),
        fl("Win-back", "Loyalty & rebook", "no_booking_24m", ["Lapsed 24m+"], "Reactivate lapsed customers",
           "booking_confirmed", ["booking_confirmed"], "Reactivation ≥ 1.5%", P, "11 Feb 2026", [
               step("WIN-1", "Instant", "Email", "It's been a while — check your details & travel preferences",
                    "service", B),
               step("WIN-2", "1 week later", "Email", "£150 off your comeback holiday (ends Sunday)", "promo", B),
           ]),
    ]
    return dict(segments=segments, stages=stages, channels=channels, systems=systems, events=events,
                scenarios=scenarios, map_reviewed=dt.date(2026, 11, 6), map_reviewed_txt="6 Nov 2026")


def parse_en_date(v):
    if isinstance(v, dt.date):
        return v
    for fmt in ("%d %b %Y", "%Y-%m-%d", "%d-%b-%Y"):
        try:
            return dt.datetime.strptime(v, fmt).date()
        except ValueError:
            pass
    return None


JOURNEY = {
    "Inspire": dict(
        goal="Find a sunny, family-friendly break that fits the budget",
        actions="Scrolls Instagram and travel blogs; signs up to the newsletter for deals",
        touch="Instagram, TikTok, Google search, website, newsletter form",
        emotion=4, pain="Too many options; 'from' prices feel like bait",
        opp="Curated 'where's hot in May' guides; real price-from in every post",
        crm="Welcome email (instant)\nEarly-bird offer email (day 4)"),
    "Plan & compare": dict(
        goal="Compare resorts and lock in a good price",
        actions="Builds quotes for 2–3 resorts, checks reviews, asks partner",
        touch="Quote builder, Feefo reviews, comparison sites, call centre",
        emotion=3, pain="Quote disappears; prices change between visits",
        opp="Save & share quote; price-hold for 48h",
        crm="Saved-quote email (1 hour)\nQuote expiry push (24h, if email unopened)"),
    "Book": dict(
        goal="Pay the deposit and feel sure it went through",
        actions="Pays deposit, reads confirmation, downloads documents",
        touch="Checkout, confirmation page, email",
        emotion=4, pain="ATOL certificate hard to find",
        opp="One confirmation email with everything; nudge to app",
        crm="Booking confirmation email (instant)"),
    "Pre-trip": dict(
        goal="Pay the balance and get ready without stress",
        actions="Pays balance, checks in online, packs, arranges transfer",
        touch="Email, app, SMS, My Account",
        emotion=3, pain="Balance deadline missed; transfer details arrive late",
        opp="Countdown in app; transfer info in a chat channel",
        crm="Balance due email, SMS if unopened\nCheck-in push, checklist email (day 1)\n"
            "Transfer details on WhatsApp (5 days later)\nLounge upgrade offer email (2 days after eligible)"),
    "On holiday": dict(
        goal="Relax; get help fast if something goes wrong",
        actions="Meets rep, books excursions, contacts support",
        touch="Rep, resort, app chat, phone",
        emotion=5, pain="Doesn't know who to contact at the resort",
        opp="In-resort tips push; 'how is it going?' pulse on day 2 — nothing built in CRM yet",
        crm=None),
    "Post-trip": dict(
        goal="Share the experience; sort any issues",
        actions="Leaves a review, uploads photos, claims points",
        touch="Email, Feefo, app, social",
        emotion=4, pain="Review requests feel generic",
        opp="Review ask tied to the actual hotel; show points earned",
        crm="Welcome home email (+1 day)\nRate your hotel push (day 3)\nClub points push (day 6)"),
    "Loyalty & rebook": dict(
        goal="Plan the next trip with someone who knows them",
        actions="Browses early-bird deals, reads newsletter, talks to a consultant",
        touch="Email, app, consultant call",
        emotion=4, pain="Offers ignore past trips",
        opp="Personalised early-bird; Gold concierge",
        crm="Early-bird rebook email + push\nMonthly 'Azure Edit' newsletter\nPassport check reminder email\n"
            "Club Gold concierge call (quarterly)\nWin-back emails (24m+)"),
}


def build_journey(folder):
    m = model_journey()
    for s in m["scenarios"]:
        s["reviewed_date"] = parse_en_date(s["reviewed"])
    fname = "AzureCoast_CJM_lifecycle_v3.2.xlsx"
    wb = Workbook()
    cols = []

    ws = wb.active
    ws.title = "Read me"
    info = [
        ("Client", "Azure Coast Holidays Ltd (package holidays, UK market)", "ignore"),
        ("Prepared by", "Fieldnote CX — J. Okafor, M. Lindqvist", "ignore"),
        ("Version", "v3.2 (post-workshop 4)", "ignore"),
        ("Last full review", m["map_reviewed_txt"], "last_reviewed"),
        ("How to read", "Journey = customer view by stage. Lifecycle comms = one row per message; "
                        "flow-level columns are repeated on every row of the flow.", "ignore"),
    ]
    for r, (k, v, f) in enumerate(info, start=1):
        ws.cell(row=r, column=1, value=k).font = BOLD
        ws.cell(row=r, column=2, value=v)
        cols.append(("Read me", k, f))
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 100

    # Journey (stages as columns)
    ws = wb.create_sheet("Journey")
    stage_ids = [x["id"] for x in m["stages"]]
    title(ws, "Azure Coast — customer journey, package holidays (summer 2027 season)", len(stage_ids) + 1)
    rows = [("Stage", "id", lambda s: s), ("Next stage", "next",
                                              lambda s: ", ".join(next(x for x in m["stages"] if x["id"] == s)["next"])),
            ("Customer goal", "ignore", lambda s: JOURNEY[s]["goal"]),
            ("Actions", "ignore", lambda s: JOURNEY[s]["actions"]),
            ("Touchpoints", "ignore", lambda s: JOURNEY[s]["touch"]),
            ("Emotion (1–5)", "ignore", lambda s: JOURNEY[s]["emotion"]),
            ("Pain points", "ignore", lambda s: JOURNEY[s]["pain"]),
            ("Opportunities", "ignore", lambda s: JOURNEY[s]["opp"]),
            ("CRM messages", "message", lambda s: JOURNEY[s]["crm"])]
    for i, (label, field, fn) in enumerate(rows):
        r = 3 + i
        c = ws.cell(row=r, column=1, value=label)
        c.font = BOLD
        c.fill = HEAD_FILL
        for j, s in enumerate(stage_ids, start=2):
            ws.cell(row=r, column=j, value=fn(s))
            if label == "Stage":
                ws.cell(row=r, column=j).font = BOLD
        cols.append(("Journey", label, field))
    ws.column_dimensions["A"].width = 16
    for j in range(2, len(stage_ids) + 2):
        ws.column_dimensions[get_column_letter(j)].width = 32

    # Lifecycle comms
    ws = wb.create_sheet("Lifecycle comms")
    heads = [("Flow", "scenario"), ("Step ID", "step"), ("Journey stage", "stage"), ("Trigger event", "trigger"),
             ("Schedule", "schedule"), ("Timing", "timing"), ("Channel", "channel"), ("Sent from", "system"),
             ("Audience", "segments"), ("Condition", "condition"), ("Message", "message"), ("Type", "message_type"),
             ("Purpose", "goal"), ("Success event", "goal_event"), ("Exit when", "stop_event"), ("KPI", "kpi"),
             ("Owner", "owner"), ("Status", "status"), ("Last reviewed", "last_reviewed")]
    title(ws, "Lifecycle communications — master list (one row per message)", len(heads))
    write_header(ws, 2, [h for h, _ in heads],
                 [22, 9, 15, 19, 20, 17, 10, 14, 18, 24, 48, 11, 34, 18, 18, 28, 20, 9, 13])
    cols += [("Lifecycle comms", h, f) for h, f in heads]
    mt = {"service": "Service", "promo": "Marketing", "content": "Content"}
    cond_txt = {"QAB-2": "Only if QAB-1 not opened", "BAL-2": "If BAL-1 not opened after 72h",
                "PRE-2": "If PRE-1 push not opened", "POST-2": "No review_submitted yet"}
    r = 3
    for s in m["scenarios"]:
        for st in s["steps"]:
            cond = cond_txt.get(st["id"]) if st["cond"] else None
            vals = [s["name"], st["id"], s["stage"], s["trigger"], s["schedule"], st["timing"] or None,
                    st["channel"], st["system"], "; ".join(s["segments"]), cond, st["message"], mt[st["mtype"]],
                    s["goal"], s["goal_event"], ", ".join(s["stop"]) or None, s["kpi"], s["owner"],
                    "Live" if s["status"] == "active" else "Planned", s["reviewed"]]
            for c, v in enumerate(vals, start=1):
                cell = ws.cell(row=r, column=c, value=v)
                if isinstance(v, dt.date):
                    cell.number_format = "dd mmm yyyy"
            r += 1
        r += 1  # blank row between flows
    ws.freeze_panes = "C3"

    # Audiences
    ws = wb.create_sheet("Audiences")
    heads = [("Audience", "id"), ("Definition", "ignore"), ("Part of", "parent"), ("Size (Nov 2026)", "size"),
             ("Value tier", "tier"), ("Suppressed?", "excluded")]
    write_header(ws, 1, [h for h, _ in heads], [22, 52, 14, 15, 11, 12])
    cols += [("Audiences", h, f) for h, f in heads]
    for r, g in enumerate(m["segments"], start=2):
        vals = [g["id"], g["defn"], g["parent"], g["size"], g["tier"] or None, "Yes" if g["excluded"] else "No"]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)

    # Events
    ws = wb.create_sheet("Events")
    heads = [("Event name", "id"), ("Description", "ignore"), ("Source", "source"), ("Tracked in GA4?", "tracked"),
             ("Notes", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [22, 44, 18, 15, 24])
    cols += [("Events", h, f) for h, f in heads]
    for r, e in enumerate(m["events"], start=2):
        vals = [e["id"], e["desc"], e["source"], "Yes" if e["tracked"] else "No", e["note"] or None]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)

    # Channels
    ws = wb.create_sheet("Channels")
    heads = [("Channel", "id"), ("Kind", "kind"), ("Used for", "ignore"), ("Consent source", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [12, 12, 34, 36])
    cols += [("Channels", h, f) for h, f in heads]
    for r, c_ in enumerate(m["channels"], start=2):
        for c, v in enumerate([c_["id"], c_["kind_txt"], c_["use"], c_["optin"]], start=1):
            ws.cell(row=r, column=c, value=v)

    # Platforms & integrations
    ws = wb.create_sheet("Platforms & integrations")
    heads = [("Platform", "id"), ("Role", "ignore"), ("Channels", "channel"), ("Sends data to", "sends_to"),
             ("Data shared", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [24, 44, 14, 36, 52])
    cols += [("Platforms & integrations", h, f) for h, f in heads]
    for r, s in enumerate(m["systems"], start=2):
        vals = [s["id"], s["role"], ", ".join(s["channels"]) or None, ", ".join(s["sends_to"]) or None, s["data"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)
    for w in wb.worksheets:
        wrap_all(w)
    folder.mkdir(parents=True, exist_ok=True)
    wb.save(folder / fname)

    defects = [
        ("MAP001", "Club Silver", "The 'Lounge upgrade offer' row targets audience 'Club Silver', which is not "
                                  "on the Audiences tab (only Club Gold exists)."),
        ("MAP002", "POST-2", "Step ID POST-2 is used on two rows of 'Post-trip review' (the rating push and the "
                             "points push)."),
        ("FLOW004", "Quote abandonment", "'Quote abandonment' measures success by booking_confirmed but exits only "
                                         "on unsubscribed, so a customer who books still gets the expiry push."),
        ("TRK001", "passport_expiry_due", "'Passport check reminder' is triggered by passport_expiry_due, which "
                                          "is not on the Events tab."),
        ("TRK004", "Inspiration newsletter", "The live 'Inspiration newsletter' has a purpose but no success "
                                             "event, so its goal cannot be measured."),
        ("COV002", "On holiday", "No flow in Lifecycle comms serves the 'On holiday' stage (the journey's CRM "
                                 "messages cell for it is empty)."),
        ("GOV002", "Win-back", "'Win-back' was last reviewed on 11 Feb 2026, more than six months before "
                               "29 Nov 2026."),
        ("INT001", "PRE-3", "PRE-3 goes out on WhatsApp from Braze, but no platform on the Platforms tab sends "
                            "WhatsApp (Braze: Email, Push only)."),
        ("INT002", "BAL-2", "BAL-2 (SMS, Twilio) waits for 'BAL-1 not opened' from Braze, but Braze only sends to "
                            "Segment CDP, and Segment feeds Braze and Salesforce, never Twilio."),
    ]
    lookalikes = [
        ("COST001", "QAB-2", "QAB-2 falls back from email to push; the cascade starts with email, not SMS or "
                             "a call, and push is the cheaper channel."),
        ("INT003", "PRE-2", "PRE-2 waits for 'PRE-1 push not opened' — push does report opens (Braze "
                            "sends push opens)."),
        ("COST002", "GLD-1", "The concierge call goes to Club Gold: 1,150 people is above 1,000, but the tier is "
                             "High, so the call is allowed."),
        ("GOV002", "Rebook window", "'Rebook window' was reviewed on 4 Jun 2026, inside six months of "
                                    "29 Nov 2026 (limit 29 May 2026)."),
        ("TRK005", "wishlist_saved", "wishlist_saved triggers nothing, but it is not tracked (No), and the rule "
                                     "only covers tracked events."),
    ]
    write_answers(folder, "Azure Coast Holidays: customer journey and lifecycle comms (Fieldnote CX)", fname, "en",
                  defects, lookalikes, cols)
    return m, defects, lookalikes


# ==========================================================================
# MAP 3 — matrix_prose_ru: segment × channel matrix + prose scenarios
# ==========================================================================
def model_matrix():
    segments = [
        dict(id="Новые подписчики", parent=None, size=24000, tier="обычная", excluded=False,
             note="подписались на сайте/в приложении, заказов нет"),
        dict(id="Новички (1 заказ)", parent=None, size=3100, tier="обычная", excluded=False,
             note="ровно один заказ за последние 60 дней"),
        dict(id="Постоянные", parent=None, size=15600, tier="средняя", excluded=False,
             note="2+ заказа, последний не старше 90 дней"),
        dict(id="Кошатники", parent="Постоянные", size=8400, tier="средняя", excluded=False,
             note="+ всё, что у постоянных"),
        dict(id="Собачники", parent="Постоянные", size=6100, tier="средняя", excluded=False,
             note="+ всё, что у постоянных"),
        dict(id="Клуб Премиум", parent="Постоянные", size=410, tier="VIP", excluded=False,
             note="+ всё, что у постоянных; куратор — Анна Зайцева"),
        dict(id="Уходящие", parent=None, size=11200, tier="обычная", excluded=False,
             note="90+ дней без покупки"),
        dict(id="Заводчики", parent=None, size=320, tier="высокая", excluded=False,
             note="питомники, оптовые цены; ведёт менеджер вручную, в рассылки пока не включены"),
        dict(id="Стоп-лист", parent=None, size=2900, tier="", excluded=True,
             note="только сервисные! (ЧП — решили попробовать вернуть)"),
    ]
    channels = [
        dict(id="Email", kind="email"), dict(id="SMS", kind="sms"), dict(id="Push", kind="push"),
        dict(id="Telegram-бот", kind="messenger"), dict(id="Звонок", kind="call"),
    ]
    systems = [
        dict(id="Mindbox", channels=["Email", "SMS", "Push"], sends_to=["Salebot", "Манго Офис"],
             note="CDP и оркестрация: все цепочки собраны в Mindbox"),
        dict(id="Salebot", channels=["Telegram-бот"], sends_to=["Mindbox"], note="Бот @zoodom_bot, привязка по телефону"),
        dict(id="Манго Офис", channels=["Звонок"], sends_to=["Mindbox"], note="Кураторы клуба звонят по задачам из Mindbox"),
        dict(id="Сайт", channels=[], sends_to=["Mindbox"], note="1С-Битрикс, трекер Mindbox"),
        dict(id="Мобильное приложение", channels=[], sends_to=["Mindbox"], note="SDK Mindbox"),
        dict(id="1С:УТ", channels=[], sends_to=["Mindbox"], note="Статусы доставки, остатки"),
    ]
    ev = lambda n, s, t, note="": dict(id=n, name=n, source=s, tracked=t, note=note)
    events = [
        ev("Подписка на рассылку", "Сайт", True),
        ev("Корзина брошена", "Сайт", True, "30 минут без оформления"),
        ev("Просмотр товара", "Сайт", True),
        ev("Добавление в избранное", "Сайт", True),
        ev("Первый заказ", "Сайт", True),
        ev("Заказ оформлен", "Сайт", True, "любой заказ, включая первый"),
        ev("Повторный заказ", "Сайт", True),
        ev("Заказ доставлен", "1С:УТ", True),
        ev("Отзыв оставлен", "Сайт", True),
        ev("Заканчивается корм", "Mindbox", True, "расчёт по весу упаковки и породе"),
        ev("Нет покупок 90 дней", "Mindbox", True),
        ev("Бонусы скоро сгорят", "Mindbox", True, "за 14 дней до сгорания"),
        ev("Бонусы списаны", "Mindbox", True),
        ev("Отписка", "Mindbox", True),
        ev("Клик по push", "Мобильное приложение", False, "не настроено в SDK"),
    ]
    MB, OK, DO, AZ, IS = "Марина Белова", "Ольга Ким (контент)", "Дмитрий Орлов (категория «Корма»)", \
        "Анна Зайцева (клуб)", "Игорь Савин (логистика)"

    def sc(name, segs, trig, goal, ge, stop, kpi, owner, reviewed, steps, status="active", schedule=None):
        return dict(id=name, name=name, stage=None, trigger=trig, segments=segs, goal=goal, goal_event=ge,
                    stop=stop, kpi=kpi, owner=owner, reviewed=reviewed, steps=steps, status=status,
                    schedule=schedule)

    scenarios = [
        sc("Велком", ["Новые подписчики"], "Подписка на рассылку", "первый заказ", "Первый заказ", ["Первый заказ"],
           "конверсия в первый заказ за 14 дней ≥ 6 %", MB, "12.10.2026", [
               step("1", "сразу", "Email", "Добро пожаловать в ЗооДом! Промокод −10 % на первый заказ", "promo"),
               step("2", "через 2 дня", "Email", "Гид: как выбрать корм по возрасту питомца", "content"),
               step("3", "на 5-й день", "Push", "Доставим за 2 часа — как работает доставка", "service"),
           ]),
        sc("Дайджест по пятницам", ["Постоянные"], None, "вовлечение и повторные заказы", "Заказ оформлен",
           ["Заказ оформлен", "Отписка"], "открываемость ≥ 25 %, CTR ≥ 3 %", OK, "30.10.2026", [
               step("1", "", "Email", "Дайджест недели: новинки, советы ветеринара, акции", "content"),
           ], schedule="каждую пятницу в 12:00"),
        sc("Брошенная корзина", ["Новые подписчики", "Новички (1 заказ)", "Постоянные"], "Корзина брошена",
           "оформление заказа", "Заказ оформлен", ["Заказ оформлен"], "возврат в корзину ≥ 9 %", MB, "21.10.2026", [
               step("1", "через 1 час", "Email", "Вы кое-что забыли в корзине", "service"),
               step("2", "через 1 день", "Push", "Корзина ждёт: товары ещё в наличии", "service"),
           ]),
        sc("Второй заказ", ["Новички (1 заказ)"], "Первый заказ", "второй заказ в течение 30 дней",
           "Повторный заказ", ["Повторный заказ"], "вторых заказов за 30 дней ≥ 22 %", MB, "07.11.2026", [
               step("1", "сразу", "Email", "Спасибо за первый заказ! Что дальше", "service"),
               step("2", "через 3 дня", "Push", "Установили приложение? −5 % на второй заказ", "promo",
                    goto=dict(to="4")),
               step("3", "через 7 дней", "SMS", "Второй заказ со скидкой 5 % — код ДРУГ5", "promo"),
               step("4", "через 14 дней", "Email", "Пора пополнить запасы? Подборка для вашего питомца", "content"),
           ]),
        sc("Корм заканчивается", ["Кошатники", "Собачники"], "Заканчивается корм", "повторный заказ корма",
           "Повторный заказ", ["Повторный заказ"], "повторный заказ корма ≥ 35 %", DO, "15.10.2026", [
               step("1", "сразу", "Push", "Корм скоро закончится — повторить заказ в 1 клик", "service"),
               step("2", "через 2 дня", "SMS", "Повторить прошлый заказ? Ответьте 1", "service",
                    cond=("ev_absent", "Повторный заказ"),
                    goto=dict(to="1", loop=True, bounded=True, after="через 14 дней")),
           ]),
        sc("Реактивация", ["Уходящие"], "Нет покупок 90 дней", "вернуть клиента", "Заказ оформлен",
           ["Заказ оформлен"], "реактивация ≥ 4 %", MB, "18.09.2026", [
               step("1", "сразу", "Email", "Скучаем! −15 % на любой заказ", "promo"),
               step("2", "через 3 дня", "Push", "−15 % действует ещё 4 дня", "promo"),
               step("3", "через 6 дней", "SMS", "Последний день скидки −15 %: код ВЕРНИСЬ", "promo"),
           ]),
        sc("Чёрная пятница", ["Постоянные", "Уходящие", "Стоп-лист"], None, "выручка акции", "Заказ оформлен",
           ["Заказ оформлен"], "выручка акции ≥ 4,5 млн ₽", OK, "20.11.2026", [
               step("1", "сразу", "Email", "Чёрная пятница: −30 % на корма и лежанки", "promo"),
           ], schedule="разово, 27.11.2026 в 10:00"),
        sc("Отзыв о заказе", ["Новички (1 заказ)"], "Заказ доставлен", "отзывы на купленные товары",
           "Отзыв оставлен", ["Отзыв оставлен"], "заказов с отзывом ≥ 10 %", OK, "02.06.2026", [
               step("1", "через 2 дня", "Push", "Оцените покупку — начислим 100 бонусов", "service"),
               step("2", "через 3 дня", "Telegram-бот", "Оставьте отзыв в 2 клика прямо здесь", "service",
                    cond=("ev_absent", "Отзыв оставлен")),
           ]),
        sc("Бонусы сгорают", ["Клуб Премиум"], "Бонусы скоро сгорят", "использовать бонусы до сгорания", None, [],
           "списано ≥ 30 % сгорающих бонусов", MB, "11.11.2026", [
               step("1", "сразу", "Push", "У вас {N} бонусов — сгорят через 14 дней", "service"),
               step("2", "через 3 дня", "Push", "Потратьте бонусы: подборка для вашего питомца", "promo",
                    cond=("ev_absent", "Бонусы списаны"),
                    goto=dict(to="1", loop=True, bounded=False, after="через 4 дня")),
           ], status="planned"),
        sc("Звонок куратора", ["Клуб Премиум"], None, "удержание участников клуба", "Заказ оформлен",
           ["Заказ оформлен"], "отток клуба < 5 % в квартал", AZ, "28.10.2026", [
               step("1", "", "Звонок", "Персональная подборка и запись к ветеринару-партнёру", "service"),
           ], schedule="раз в месяц, первый вторник"),
        sc("Статусы заказа", ["Новички (1 заказ)", "Постоянные", "Уходящие", "Стоп-лист"], "Заказ оформлен",
           "клиент знает статус заказа", "Заказ доставлен", ["Заказ доставлен"],
           "звонков «где мой заказ» < 2 % заказов", IS, "09.11.2026", [
               step("1", "сразу", "SMS", "Заказ №{номер} принят, доставим {дата} с {время}", "service"),
           ]),
        sc("ДР питомца", ["Кошатники", "Собачники"], None, "тёплый повод и заказ", "Заказ оформлен",
           ["Заказ оформлен"], "использование подарка ≥ 12 %", OK, "25.10.2026", [
               step("1", "сразу", "Push", "С днём рождения, {кличка}! Подарок −20 % внутри", "promo"),
           ]),
        sc("Брошенный просмотр", ["Новые подписчики", "Постоянные"], "Просмотр товара", "вернуть к товару",
           "Заказ оформлен", ["Заказ оформлен"], "конверсия ≥ 2 %", MB, "19.11.2026", [], status="planned"),
    ]
    for s in scenarios:
        for st in s["steps"]:
            st["id"] = f"{s['name']}/{st['id']}" if "/" not in st["id"] else st["id"]
            if st["goto"]:
                st["goto"]["to"] = f"{s['name']}/{st['goto']['to']}"
    return dict(segments=segments, stages=[], channels=channels, systems=systems, events=events,
                scenarios=scenarios, map_reviewed=dt.date(2026, 4, 16), map_reviewed_txt="2026-04-16")


MT3 = {"service": "сервис", "promo": "акция", "content": "полезное"}
CH3 = {"Email": "email", "SMS": "SMS", "Push": "push", "Telegram-бот": "Telegram-бот", "Звонок": "звонок"}


def render_steps_ru(s):
    parts = []
    for n, st in enumerate(s["steps"], start=1):
        t = f"{st['timing']} — " if st["timing"] else ""
        line = f"{n}) {t}{CH3[st['channel']]} «{st['message']}» ({MT3[st['mtype']]})"
        g = st["goto"]
        if g and g.get("loop"):
            line += (f"; если нет события «{st['cond'][1]}» — {g['after']} снова шаг "
                     f"{g['to'].split('/')[-1]}")
            if g.get("bounded"):
                line += ", не более 2 повторов"
        elif st["cond"] and st["cond"][0] == "ev_absent":
            line += f", если нет события «{st['cond'][1]}»"
        if g and not g.get("loop"):
            line += f" → затем шаг {g['to'].split('/')[-1]}"
        parts.append(line)
    return parts


def build_matrix(folder):
    m = model_matrix()
    for s in m["scenarios"]:
        s["reviewed_date"] = parse_ru_date(s["reviewed"])
    fname = "ЗооДом_матрица_коммуникаций.xlsx"
    wb = Workbook()
    cols = []

    ws = wb.active
    ws.title = "Инфо"
    info = [
        ("Проект", "Карта коммуникаций интернет-зоомагазина «ЗооДом» (Москва и МО)", "ignore"),
        ("Платформа", "Mindbox + Salebot (Telegram) + Манго Офис", "ignore"),
        ("Ответственная", "Марина Белова, CRM-маркетолог", "ignore"),
        ("Дата актуализации", m["map_reviewed_txt"], "last_reviewed"),
        ("Комментарий", "Карта собрана после переезда на Mindbox; блоки сценариев дописывают владельцы, "
                        "матрицу целиком не пересматривали.", "ignore"),
    ]
    for r, (k, v, f) in enumerate(info, start=1):
        ws.cell(row=r, column=1, value=k).font = BOLD
        ws.cell(row=r, column=2, value=v)
        cols.append(("Инфо", k, f))
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 90

    # Матрица
    ws = wb.create_sheet("Матрица")
    ch_ids = [c["id"] for c in m["channels"]]
    heads = [("Сегмент", "id"), ("Входит в", "parent"), ("Клиентов", "size"), ("Ценность", "tier"),
             ("Стоп-лист", "excluded")] + [(c, "channel") for c in ch_ids] + [("Комментарий", "ignore")]
    title(ws, "Матрица: кто что получает по каналам (названия — как на листе «Сценарии»)", len(heads))
    ws.cell(row=2, column=1, value="Сегменты-потомки получают также всё, что их «родитель».")
    write_header(ws, 3, [h for h, _ in heads], [20, 12, 10, 10, 10, 36, 30, 40, 18, 18, 40])
    cols += [("Матрица", h, f) for h, f in heads]
    cell_map = defaultdict(list)
    for s in m["scenarios"]:
        for g in s["segments"]:
            for st in s["steps"]:
                nm = s["name"]
                nm = nm if nm.startswith("ДР") else nm[0].lower() + nm[1:]
                if nm not in cell_map[(g, st["channel"])]:
                    cell_map[(g, st["channel"])].append(nm)
    for r, g in enumerate(m["segments"], start=4):
        vals = [g["id"], g["parent"], g["size"], g["tier"] or None, "да" if g["excluded"] else None]
        vals += [", ".join(cell_map.get((g["id"], c), [])) or "—" for c in ch_ids]
        vals += [g["note"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)
    ws.freeze_panes = "B4"

    # Сценарии (prose blocks in column A)
    ws = wb.create_sheet("Сценарии")
    ws.column_dimensions["A"].width = 120
    ws.cell(row=1, column=1, value="СЦЕНАРИИ — описание для подрядчика (один блок = один сценарий)").font = TITLE_FONT
    labels = [("Сценарий", "scenario"), ("Кому", "segments"), ("Старт", "trigger"), ("Расписание", "schedule"),
              ("Шаги", "step"), ("Цель", "goal"), ("Событие цели", "goal_event"), ("Выход", "stop_event"),
              ("KPI", "kpi"), ("Владелец", "owner"), ("Статус", "status"), ("Проверено", "last_reviewed")]
    cols += [("Сценарии", h, f) for h, f in labels]
    r = 3
    status = {"active": "работает", "planned": "в плане"}
    for s in m["scenarios"]:
        lines = [f"Сценарий: {s['name']}", f"Кому: {', '.join(s['segments'])}"]
        if s["schedule"]:
            lines.append(f"Расписание: {s['schedule']}")
        else:
            lines.append(f"Старт: {s['trigger'] or ''}".rstrip() if s["trigger"] else "Старт:")
        steps = render_steps_ru(s)
        if not steps:
            lines.append("Шаги:")
        elif len(steps) <= 2:
            lines.append("Шаги: " + " ".join(steps))
        else:
            lines.append("Шаги:\n" + "\n".join(steps))
        lines.append(f"Цель: {s['goal']}")
        if s["goal_event"]:
            lines.append(f"Событие цели: {s['goal_event']}")
        if s["stop"]:
            lines.append(f"Выход: {'; '.join(s['stop'])}")
        lines += [f"KPI: {s['kpi']}", f"Владелец: {s['owner']}", f"Статус: {status[s['status']]}",
                  f"Проверено: {s['reviewed']}"]
        for ln in lines:
            c = ws.cell(row=r, column=1, value=ln)
            c.alignment = WRAP
            if ln.startswith("Сценарий:"):
                c.font = BOLD
            r += 1
        r += 1

    # События
    ws = wb.create_sheet("События")
    heads = [("Событие", "id"), ("Откуда", "source"), ("Пишем?", "tracked"), ("Комментарий", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [26, 22, 9, 40])
    cols += [("События", h, f) for h, f in heads]
    for r, e in enumerate(m["events"], start=2):
        for c, v in enumerate([e["id"], e["source"], "да" if e["tracked"] else "нет", e["note"] or None], start=1):
            ws.cell(row=r, column=c, value=v)

    # Системы
    ws = wb.create_sheet("Системы")
    heads = [("Система", "id"), ("Каналы", "channel"), ("Передаёт данные в", "sends_to"), ("Комментарий", "ignore")]
    write_header(ws, 1, [h for h, _ in heads], [22, 22, 26, 50])
    cols += [("Системы", h, f) for h, f in heads]
    for r, s in enumerate(m["systems"], start=2):
        vals = [s["id"], ", ".join(s["channels"]) or None, ", ".join(s["sends_to"]) or None, s["note"]]
        for c, v in enumerate(vals, start=1):
            ws.cell(row=r, column=c, value=v)
    for w in wb.worksheets:
        wrap_all(w)
    folder.mkdir(parents=True, exist_ok=True)
    wb.save(folder / fname)

    defects = [
        ("COV001", "Заводчики", "Сегмент «Заводчики» (320, не в стоп-листе) не указан ни в одном «Кому:» — в "
                                "матрице у него везде прочерки."),
        ("COV003", "Чёрная пятница", "Рассылка «Чёрная пятница» (акция) адресована в том числе сегменту "
                                     "«Стоп-лист», отмеченному как стоп-лист."),
        ("FLOW003", "Бонусы сгорают", "В «Бонусы сгорают» шаг 2 возвращает к шагу 1 каждые 4 дня, пока нет "
                                      "«Бонусы списаны»: выхода нет, лимита повторов нет."),
        ("FLOW005", "Второй заказ", "В «Второй заказ» шаг 2 ведёт сразу к шагу 4, поэтому до SMS шага 3 не "
                                    "доходит ни один путь."),
        ("MAP005", "Брошенный просмотр", "У сценария «Брошенный просмотр» строка «Шаги:» пустая."),
        ("CNT002", "Уходящие", "«Уходящие» получают 4 шага из 5 с типом «акция» (Реактивация ×3, Чёрная "
                               "пятница; пятый — сервисное SMS «Статусы заказа») — 80 % при пороге 60 %."),
        ("TRK005", "Добавление в избранное", "Событие «Добавление в избранное» пишется (да), но ни один сценарий "
                                             "его не использует."),
        ("GOV001", "2026-04-16", "Карта актуализирована 2026-04-16 — больше шести месяцев до 29.11.2026."),
        ("MAP004", "ДР питомца", "«ДР питомца» — триггерный сценарий без расписания, но строка «Старт:» пустая."),
    ]
    lookalikes = [
        ("COST002", "Звонок куратора", "Звонок получает только «Клуб Премиум» — 410 человек с ценностью VIP, "
                                       "это малый VIP-сегмент."),
        ("COV003", "Статусы заказа", "«Стоп-лист» получает «Статусы заказа», но это сервисное SMS о заказе, а не "
                                     "промо/новости/контент."),
        ("FLOW003", "Корм заканчивается", "Повтор в «Корм заканчивается» ограничен («не более 2 повторов») и "
                                          "останавливается на «Повторный заказ»."),
        ("TRK005", "Клик по push", "«Клик по push» нигде не используется, но и не пишется (нет) — правило только "
                                   "для отслеживаемых событий."),
        ("GOV002", "Отзыв о заказе", "«Отзыв о заказе» проверен 02.06.2026 — меньше шести месяцев до 29.11.2026."),
    ]
    write_answers(folder, "ЗооДом: матрица сегмент × канал и сценарии текстом", fname, "ru", defects,
                  lookalikes, cols)
    return m, defects, lookalikes


# ==========================================================================
def main():
    results = {}
    for name, fn in [("crm_robots_ru", build_robots), ("journey_ux_en", build_journey),
                     ("matrix_prose_ru", build_matrix)]:
        folder = HERE / name
        for old in folder.glob("*.xlsx"):
            old.unlink()
        m, defects, lookalikes = fn(folder)
        ans = verify_columns(folder)
        found, per_seg = self_check(m)
        results[name] = (found, defects, lookalikes, len(ans["column"]))
        print(f"== {name}: {len(defects)} defects, {len(lookalikes)} look-alikes, {len(ans['column'])} columns")
        for code, subj in found:
            print(f"   self-check {code:8} {subj}")
        got = sorted(c for c, _ in found)
        want = sorted(c for c, _, _ in defects)
        assert got == want, f"{name}: self-check {got} != planted {want}"
        if "-v" in sys.argv:
            print(pressure_table(m, per_seg))
    return results


if __name__ == "__main__":
    main()
