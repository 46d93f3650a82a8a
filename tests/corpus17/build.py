"""Generator for tests/corpus17: three client-style communication maps with
planted defects, look-alikes and an answer key per map.

Run from /work/main:  python tests/corpus17/build.py
Everything under tests/corpus17/<map>/ is recreated from scratch.
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"
NBSP = "\u00a0"


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def tq(s: str) -> str:
    """TOML basic string."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write_answers(folder: Path, title, map_name, lang, defects, lookalikes, columns):
    lines = [
        f"title = {tq(title)}",
        f"map = {tq(map_name)}",
        f"lang = {tq(lang)}",
        f"today = {tq(TODAY)}",
        "",
    ]
    for code, match, why in defects:
        lines += ["[[defect]]", f"code = {tq(code)}", f"match = {tq(match)}", f"why = {tq(why)}", ""]
    for code, match, why in lookalikes:
        lines += ["[[lookalike]]", f"code = {tq(code)}", f"match = {tq(match)}", f"why = {tq(why)}", ""]
    for sheet, header, field in columns:
        lines += ["[[column]]", f"sheet = {tq(sheet)}", f"header = {tq(header)}", f"field = {tq(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(lines), encoding="utf-8")


def fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def write_csv(path: Path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow(r)


THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


# ==========================================================================
# MAP 1 - sales_sequences_en  (folder of CSV files)
# ==========================================================================
def build_sales_sequences_en():
    folder = fresh(HERE / "sales_sequences_en")
    mapdir = folder / "ledgerly_sequences"
    mapdir.mkdir()

    # ---- sequences.csv -----------------------------------------------------
    seq_header = ["Sequence", "Persona / audience", "Enroll when", "Funnel stage", "Goal",
                  "Goal signal", "Exit if", "Success metric", "Owner", "State", "Last touched"]
    sequences = [
        ["Inbound – Demo request", "Demo requesters", "Demo request form", "MQL",
         "Discovery call booked within 2 business days", "Meeting booked",
         "Meeting booked; Replied; Unsubscribed", "Meeting rate >= 45%",
         "Dana Whitfield", "Active", "10/14/2026"],
        ["Outbound – CFO (Bombora surge)", "CFO-level finance execs", "Bombora surge: AP automation", "Target account",
         "First meeting with the CFO", "Meeting booked",
         "Meeting booked; Replied; Email bounced; Unsubscribed", "Reply rate 6%, meetings 2%",
         "Marcus Oyelaran", "Active", "11/3/2026"],
        ["Outbound – Head of Finance (close pain)", "Head of Finanse", "Bombora surge: AP automation", "Target account",
         "Book a close-process review", "Meeting booked",
         "Meeting booked; Replied; Email bounced; Unsubscribed", "Reply rate 5%",
         "Marcus Oyelaran", "Active", "11/3/2026"],
        ["Webinar – Close in 3 Days (Dec 10)", "Head of Finance; AP Manager", "Webinar registered", "Engaged",
         "Registrants show up live, no-shows get the replay", "Webinar attended",
         "Webinar attended; Unsubscribed", "Live attendance >= 40% of registrants",
         "Priya Natarajan", "Active", "11/18/2026"],
        ["Outbound – AP Manager (hiring signal)", "AP Manager", "Hiring AP clerk (job post)", "Target account",
         "Discovery call with AP lead", "Meeting booked",
         "Meeting booked; Replied; Email bounced; Unsubscribed", "Meetings 3% of enrolled",
         "Tom Reyes", "Active", "9/29/2026"],
        ["SMB – Pricing page revisit", "SMB owner-operators", "Pricing page 2+ visits in 7 days", "Engaged",
         "Convert pricing-page interest into a demo", "Meeting booked",
         "Meeting booked; Replied; Unsubscribed", "Demo rate 4%",
         "Tom Reyes", "Active", "10/22/2026"],
        ["ABM – Strategic accounts exec touch", "Strategic named accounts", "Champion job change", "Target account",
         "Exec meeting at a named account", "Meeting booked",
         "Meeting booked; Replied; Unsubscribed", "Exec meetings: 1 per 5 accounts",
         "Alexis Brandt", "Active", "11/9/2026"],
        ["Trial – Activation nurture", "Trial users", "Trial started", "Trial",
         "Trial converts to a paid plan", "Trial converted to paid",
         "Trial converted to paid; Unsubscribed", "Trial-to-paid >= 18%",
         "Priya Natarajan", "Active", "10/30/2026"],
        ["Closed-lost – 90-day re-engage", "Closed-lost (last 12 mo)", "Closed lost + 90 days", "Closed lost",
         "Re-open the conversation", "Meeting booked",
         "Replied; Unsubscribed", "Re-opened opps 5%",
         "Alexis Brandt", "Active", "10/7/2026"],
        ["Outbound – NetSuite finance systems (G2 intent)", "Finance systems (NetSuite admins)", "G2 category visit",
         "Target account", "Technical discovery with the NetSuite admin", "Meeting booked",
         "Meeting booked; Replied; Email bounced; Unsubscribed", "Meetings 3%",
         "Tom Reyes", "Active", "9/15/2026"],
        ["Customer – Multi-entity expansion", "Current customers – admins", "2nd entity added", "Customer",
         "Expansion opportunity for the multi-entity add-on", "Opportunity created",
         "Opportunity created; Replied; Unsubscribed", "Expansion opps 10% of triggered",
         "", "Active", "11/12/2026"],
        ["Partner referral – warm intro", "CFO-level finance execs", "Partner referral submitted", "MQL",
         "Meeting within a week of the referral", "Meeting booked",
         "Meeting booked; Replied; Unsubscribed", "Meeting rate >= 60%",
         "Dana Whitfield", "Active", "11/20/2026"],
        ["Post-meeting – Recap & business case", "Demo requesters", "Meeting held", "Sales conversation",
         "Turn the first meeting into a qualified opportunity", "Opportunity created",
         "Opportunity created; Unsubscribed", "Meeting-to-opp >= 55%",
         "Dana Whitfield", "Active", "6/3/2026"],
        ["Event – CFO Dinner NYC (Jan)", "Strategic named accounts", "Event invite sent", "Target account",
         "Seat 12 CFOs at the January dinner, book follow-ups", "Meeting booked",
         "Meeting booked; Replied; Unsubscribed", "12 seats filled, 4 meetings",
         "Alexis Brandt", "Draft", "11/24/2026"],
        ["Outbound – Controller test (Q2)", "Head of Finance", "Bombora surge: AP automation", "Target account",
         "Test controller-specific messaging", "Meeting booked",
         "Meeting booked; Replied; Unsubscribed", "Reply rate vs. control",
         "Marcus Oyelaran", "Paused", "7/21/2026"],
    ]
    write_csv(mapdir / "sequences.csv", seq_header, sequences)

    # ---- sequence_steps.csv ------------------------------------------------
    step_header = ["Sequence", "Step #", "Day", "Step type", "Sent from", "Template", "Only if"]
    S = "Outreach"
    H = "HubSpot"
    steps = [
        # Inbound demo request
        ["Inbound – Demo request", 1, "Day 0", "Automatic email", S, "INB-01 Thanks + pick a time (Chili Piper link)", ""],
        ["Inbound – Demo request", 2, "Day 0", "Text", S, "SMS-INB Quick hello from your Ledgerly rep", ""],
        ["Inbound – Demo request", 3, "Day 1", "Phone call", S, "Call script – inbound speed-to-lead v3", "Step 2 not opened"],
        # CFO outbound
        ["Outbound – CFO (Bombora surge)", 1, "Day 1", "LinkedIn - connect", S, "LI connect note – 'fellow finance leaders'", ""],
        ["Outbound – CFO (Bombora surge)", 2, "Day 1", "Automatic email", S, "CFO-01 Month-end close in 3 days?", ""],
        ["Outbound – CFO (Bombora surge)", 3, "Day 4", "Phone call", S, "Call script – CFO value (cash visibility)", ""],
        ["Outbound – CFO (Bombora surge)", 4, "Day 8", "Automatic email", S, "CFO-02 Case study: Harlow Foods cut DPO variance", "Step 2 not opened"],
        ["Outbound – CFO (Bombora surge)", 5, "Day 11", "LinkedIn - message", S, "LI msg – share the Harlow case study", ""],
        # Head of Finance outbound (persona typo)
        ["Outbound – Head of Finance (close pain)", 1, "Day 1", "Automatic email", S, "HOF-01 Is your close still 9 days?", ""],
        ["Outbound – Head of Finance (close pain)", 2, "day 5", "Automatic email", S, "HOF-02 Three numbers from Brightline's close", ""],
        ["Outbound – Head of Finance (close pain)", 3, "Day 6", "LinkedIn - connect", S, "LI connect note – close benchmark", ""],
        # Webinar
        ["Webinar – Close in 3 Days (Dec 10)", 1, "Day 0", "Automatic email", H, "WEB-DEC Confirmation + add to calendar", ""],
        ["Webinar – Close in 3 Days (Dec 10)", 2, "Day 8", "Automatic email", H, "WEB-DEC Replay + slides (no-shows)", ""],
        # AP manager outbound
        ["Outbound – AP Manager (hiring signal)", 1, "Day 1", "Automatic email", S, "AP-01 Hiring another AP clerk? Read this first", ""],
        ["Outbound – AP Manager (hiring signal)", 2, "Day 3", "LinkedIn - connect", S, "LI connect note – AP automation", ""],
        ["Outbound – AP Manager (hiring signal)", 3, "Day 8", "LinkedIn - message", S, "", ""],
        # SMB pricing page
        ["SMB – Pricing page revisit", 1, "Day 0", "Automatic email", S, "SMB-01 Questions about pricing? 15-min walkthrough", ""],
        ["SMB – Pricing page revisit", 2, "Day 2", "Phone call", S, "Call script – SMB pricing follow-up", ""],
        ["SMB – Pricing page revisit", 3, "Day 6", "Automatic email", S, "SMB-02 What a 5-person finance team saves", ""],
        # ABM
        ["ABM – Strategic accounts exec touch", 1, "Day 0", "Manual email", S, "ABM-01 Congrats on the new role (personalised)", ""],
        ["ABM – Strategic accounts exec touch", 2, "Day 1", "LinkedIn - connect", S, "LI connect note – AE personal", ""],
        ["ABM – Strategic accounts exec touch", 3, "Day 3", "Phone call", S, "Call script – exec 90-day plan", ""],
        ["ABM – Strategic accounts exec touch", 4, "Day 8", "Manual email", S, "ABM-02 Peer benchmark for your board pack", ""],
        ["ABM – Strategic accounts exec touch", 5, "Day 13", "LinkedIn - message", S, "LI msg – invite to peer roundtable", ""],
        # Trial
        ["Trial – Activation nurture", 1, "Day 0", "Automatic email", H, "TRIAL-01 Welcome + setup checklist", ""],
        ["Trial – Activation nurture", 2, "Day 4", "Automatic email", H, "TRIAL-02 Connect NetSuite in 10 minutes", ""],
        # Closed lost
        ["Closed-lost – 90-day re-engage", 1, "Day 0", "Manual email", S, "CL-01 What changed since we last spoke?", ""],
        ["Closed-lost – 90-day re-engage", 2, "Day 5", "LinkedIn - message", S, "LI msg – new multi-entity release", ""],
        ["Closed-lost – 90-day re-engage", 3, "Day 12", "Automatic email", S, "CL-02 Multi-entity consolidation is live", ""],
        # NetSuite / G2 intent
        ["Outbound – NetSuite finance systems (G2 intent)", 1, "Day 1", "Automatic email", S, "NS-01 Native NetSuite sync, no middleware", ""],
        ["Outbound – NetSuite finance systems (G2 intent)", 2, "Day 3", "LinkedIn - connect", S, "LI connect note – NetSuite admins", ""],
        ["Outbound – NetSuite finance systems (G2 intent)", 3, "Day 7", "Automatic email", S, "NS-02 Field mapping sheet (PDF)", ""],
        # Customer expansion (no owner)
        ["Customer – Multi-entity expansion", 1, "Day 0", "Automatic email", H, "CX-ME-01 Running more than one entity? See consolidation", ""],
        ["Customer – Multi-entity expansion", 2, "Day 5", "Manual email", S, "CX-ME-02 CSM note + pricing for the add-on", "Step 1 not clicked"],
        # Post meeting
        ["Post-meeting – Recap & business case", 1, "Day 1", "Manual email", S, "PM-01 Recap + mutual action plan", ""],
        ["Post-meeting – Recap & business case", 2, "Day 3", "Task", S, "AE task – build business case in ROI sheet", ""],
        ["Post-meeting – Recap & business case", 3, "Day 4", "LinkedIn - connect", S, "LI connect note – AE after the meeting", ""],
        # Draft event
        ["Event – CFO Dinner NYC (Jan)", 1, "Day 0", "Manual email", S, "EVT-NYC Personal invite from our CEO", ""],
        # Paused test
        ["Outbound – Controller test (Q2)", 1, "Day 1", "Automatic email", S, "CTRL-TEST-A Controller pain: accruals", ""],
    ]
    write_csv(mapdir / "sequence_steps.csv", step_header, steps)

    # ---- personas.csv ------------------------------------------------------
    per_header = ["Persona", "Who they are", "Accounts", "Priority", "Do not contact"]
    personas = [
        ["Demo requesters", "Filled the demo form in the last 90 days", "140", "High", "No"],
        ["CFO-level finance execs", "Top finance exec, 200-2,000 employees", "850", "High", "No"],
        ["Head of Finance", "Runs the close; often titled Controller", "2,300", "Medium", "No"],
        ["AP Manager", "Owns invoice processing and vendor payments", "2,450", "Medium", "No"],
        ["Finance systems (NetSuite admins)", "Finance IT / NetSuite admins", "610", "Medium", "No"],
        ["SMB owner-operators", "Owners of <50-person companies who do their own books", "4,200", "Low", "No"],
        ["Strategic named accounts", "Top-60 ABM list, exec buyers", "60", "High", "No"],
        ["Trial users", "Self-serve trial in the last 30 days", "380", "Medium", "No"],
        ["Closed-lost (last 12 mo)", "Lost opps, 3-12 months ago", "540", "Medium", "No"],
        ["Current customers – admins", "Admins of paying accounts", "1,150", "Medium", "No"],
        ["Competitors & partners", "Competitor and reseller domains", "95", "Low", "Yes"],
        ["GDPR opt-outs", "Asked to be forgotten / opted out of sales contact", "320", "Low", "Yes"],
    ]
    write_csv(mapdir / "personas.csv", per_header, personas)

    # ---- funnel.csv --------------------------------------------------------
    fun_header = ["Stage", "Order", "What it means", "Next stage", "Final?"]
    funnel = [
        ["Target account", "1", "On the ICP list, no engagement yet", "Engaged", "No"],
        ["Engaged", "2", "Opened/clicked, visited site or attended an event", "MQL; Trial", "No"],
        ["MQL", "3", "Hand-raiser or score >= 60", "Sales conversation", "No"],
        ["Trial", "4", "Self-serve trial started", "", "No"],
        ["Sales conversation", "5", "First meeting held, opp being qualified", "Customer; Closed lost", "No"],
        ["Customer", "6", "Closed won / paying", "", "Yes"],
        ["Closed lost", "7", "Opp lost; recycled after 90 days", "Engaged", "No"],
    ]
    write_csv(mapdir / "funnel.csv", fun_header, funnel)

    # ---- signals.csv -------------------------------------------------------
    sig_header = ["Signal", "What it means", "Source", "Tracked?", "Notes"]
    signals = [
        ["Demo request form", "Submitted /demo form", "HubSpot", "Yes", ""],
        ["Bombora surge: AP automation", "Company surge score > 60 on AP automation topics", "Bombora", "Yes", "weekly refresh"],
        ["Webinar registered", "Registered for a Ledgerly webinar", "Zoom", "Yes", ""],
        ["Webinar attended", "Attended live >= 10 min", "Zoom", "Yes", ""],
        ["Hiring AP clerk (job post)", "Open AP clerk / AP specialist role", "ZoomInfo", "Yes", ""],
        ["Pricing page 2+ visits in 7 days", "Known contact hit /pricing twice in a week", "HubSpot", "Yes", ""],
        ["Champion job change", "A past champion joined a named account", "UserGems", "Yes", ""],
        ["Trial started", "Self-serve workspace created", "Segment", "Yes", ""],
        ["Trial converted to paid", "Card added / plan purchased", "Segment", "Yes", ""],
        ["ERP connected", "Customer connected NetSuite/Sage in the app", "Segment", "No", "event spec written, not shipped"],
        ["Closed lost + 90 days", "Opp closed lost 90 days ago", "Salesforce", "Yes", "scheduled flow"],
        ["2nd entity added", "Customer created a second legal entity in the app", "Segment", "Yes", ""],
        ["Partner referral submitted", "Partner portal referral form", "HubSpot", "Yes", ""],
        ["Meeting booked", "Meeting booked via router or link", "Chili Piper", "Yes", ""],
        ["Meeting held", "First meeting marked Held", "Salesforce", "Yes", ""],
        ["Opportunity created", "Opp created in Salesforce", "Salesforce", "Yes", ""],
        ["Replied", "Prospect replied to any sequence email", "Outreach", "Yes", ""],
        ["Email bounced", "Hard bounce", "Outreach", "Yes", ""],
        ["Unsubscribed", "Opted out of email", "HubSpot", "Yes", "synced to Outreach opt-out"],
        ["G2 category visit", "Company researched AP automation on G2", "G2", "No", "G2 Buyer Intent licence lapsed in Aug"],
        ["Event invite sent", "Added to event campaign as Invited", "Salesforce", "Yes", ""],
    ]
    write_csv(mapdir / "signals.csv", sig_header, signals)

    # ---- tools.csv ---------------------------------------------------------
    tool_header = ["Tool", "What we use it for", "Channels", "Gets data from", "Syncs to"]
    tools = [
        ["HubSpot", "Marketing automation, forms, web tracking", "Email",
         "Salesforce; Segment; Zoom; Chili Piper; Outreach", "Salesforce; Outreach"],
        ["Outreach", "Sales engagement – all SDR/AE sequences", "Email; Phone; LinkedIn; SMS; Tasks",
         "Salesforce; HubSpot; Chili Piper; Bombora; ZoomInfo; UserGems; G2", "Salesforce; HubSpot"],
        ["Salesforce", "CRM of record", "", "HubSpot; Outreach; Segment; Bombora; ZoomInfo; UserGems; Chili Piper; G2",
         "HubSpot; Outreach"],
        ["Segment", "Product analytics / CDP", "", "", "HubSpot; Salesforce"],
        ["Bombora", "Intent data", "", "", "HubSpot; Salesforce; Outreach"],
        ["ZoomInfo", "Contact data + hiring signals", "", "", "Salesforce; Outreach"],
        ["UserGems", "Champion job-change tracking", "", "", "Salesforce; Outreach"],
        ["Chili Piper", "Meeting routing and booking", "", "", "Salesforce; HubSpot; Outreach"],
        ["Zoom", "Webinars", "", "", "HubSpot"],
        ["G2", "Buyer intent (licence lapsed 08/2026)", "", "", "Salesforce; Outreach"],
    ]
    write_csv(mapdir / "tools.csv", tool_header, tools)

    defects = [
        ("MAP001", "Head of Finanse",
         "Sequence 'Outbound – Head of Finance (close pain)' targets persona 'Head of Finanse', which personas.csv does not define (closest: 'Head of Finance')."),
        ("MAP005", "Partner referral – warm intro",
         "Active sequence 'Partner referral – warm intro' has no rows at all in sequence_steps.csv."),
        ("TRK002", "G2 category visit",
         "'Outbound – NetSuite finance systems (G2 intent)' enrolls on 'G2 category visit', which signals.csv marks Tracked? = No."),
        ("COST002", "SMB – Pricing page revisit",
         "Step 2 of 'SMB – Pricing page revisit' is a Phone call to 'SMB owner-operators' (4,200 accounts, priority Low)."),
        ("GOV003", "Customer – Multi-entity expansion",
         "Active sequence 'Customer – Multi-entity expansion' has an empty Owner cell."),
        ("FLOW004", "Closed-lost – 90-day re-engage",
         "'Closed-lost – 90-day re-engage' has goal signal 'Meeting booked' but Exit if lists only 'Replied; Unsubscribed', so a prospect who booked still gets the remaining steps."),
        ("FLOW001", "Trial",
         "Funnel stage 'Trial' has no Next stage and Final? = No: trial users have no way onward in the funnel."),
        ("INT003", "Inbound – Demo request",
         "Step 3 (Phone call) of 'Inbound – Demo request' is conditioned on 'Step 2 not opened', and step 2 is a Text (SMS), which does not report opens."),
        ("CNT004", "Outbound – AP Manager (hiring signal)",
         "Step 3 (LinkedIn - message, Day 8) of 'Outbound – AP Manager (hiring signal)' has an empty Template."),
    ]
    lookalikes = [
        ("COST002", "ABM – Strategic accounts exec touch",
         "The Phone call goes to 'Strategic named accounts': 60 accounts with priority High - a small top-tier segment, so calls are allowed."),
        ("FREQ001", "AP Manager",
         "AP Manager gets exactly 3 emails (2 webinar + 1 outbound) and 2 LinkedIn touches in total - at the email cap, not above it."),
        ("GOV002", "Post-meeting – Recap & business case",
         "Last touched 6/3/2026 is just inside six months before 2026-11-29 (cut-off 5/29/2026)."),
        ("TRK005", "ERP connected",
         "'ERP connected' is unused but it is also marked Tracked? = No; the unused-event rule only concerns tracked events."),
        ("INT002", "Customer – Multi-entity expansion",
         "Step 2 (Outreach) depends on the click feedback of step 1 (HubSpot), and tools.csv says HubSpot syncs to Outreach, so the feedback has an integration path."),
    ]
    columns = []
    for h, f in zip(seq_header, ["id", "segments", "trigger", "stage", "goal", "goal_event", "stop_event",
                                  "kpi", "owner", "status", "last_reviewed"]):
        columns.append(("sequences", h, f))
    for h, f in zip(step_header, ["scenario", "step", "timing", "channel", "system", "message", "condition"]):
        columns.append(("sequence_steps", h, f))
    for h, f in zip(per_header, ["id", "ignore", "size", "tier", "excluded"]):
        columns.append(("personas", h, f))
    for h, f in zip(fun_header, ["id", "ignore", "ignore", "next", "final"]):
        columns.append(("funnel", h, f))
    for h, f in zip(sig_header, ["id", "ignore", "source", "tracked", "ignore"]):
        columns.append(("signals", h, f))
    for h, f in zip(tool_header, ["id", "ignore", "channel", "source", "sends_to"]):
        columns.append(("tools", h, f))
    write_answers(folder, "Ledgerly – B2B sales & marketing sequences (Outreach/HubSpot CSV export)",
                  "ledgerly_sequences", "en", defects, lookalikes, columns)


# ==========================================================================
# MAP 2 - mechanics_ru  (Mindbox-style mechanic cards, .xlsx)
# ==========================================================================
def build_mechanics_ru():
    folder = fresh(HERE / "mechanics_ru")
    wb = Workbook()

    head_fill = PatternFill("solid", fgColor="1F4E78")
    head_font = Font(bold=True, color="FFFFFF")

    def sheet_table(ws, header, rows, widths, date_cols=()):
        ws.append(header)
        for c in ws[1]:
            c.fill = head_fill
            c.font = head_font
            c.alignment = Alignment(wrap_text=True, vertical="center")
            c.border = BOX
        for r in rows:
            ws.append(r)
        for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
            for c in row:
                c.alignment = Alignment(wrap_text=True, vertical="top")
                c.border = BOX
                if c.column in date_cols and isinstance(c.value, dt.date):
                    c.number_format = "DD.MM.YYYY"
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = w
        ws.freeze_panes = "C2"
        ws.auto_filter.ref = ws.dimensions

    # ---- Механики -----------------------------------------------------------
    ws = wb.active
    ws.title = "Механики"
    mech_header = ["№", "Механика", "Аудитория", "Этап CJM", "Триггер", "Расписание", "Цель",
                   "Целевое действие", "Стоп-условие", "Каналы и тайминги", "Шаблоны",
                   "Тип сообщений", "Платформа", "KPI", "Ответственный", "Статус",
                   "Дата последней\nпроверки", "Комментарий"]
    D = dt.date
    mechanics = [
        ["М01", "Welcome для новых участников ПЛ", "Новые участники ПЛ", "Первая покупка", "Регистрация в ПЛ", None,
         "Вторая покупка в течение 30 дней", "Покупка", "Покупка; Отписка",
         "email сразу → push +1 д (если не открыл)", "welcome_1 (300 баллов); push_welcome",
         "информационное", "Mindbox", "CR во 2-ю покупку ≥ 12 %", "Анна Кравец", "работает", D(2026, 11, 10), ""],
        ["М02", "Брошенная корзина", "Участники ПЛ", "Повторная покупка", "Брошенная корзина", None,
         "Вернуть в корзину и оформить заказ", "Покупка", "Покупка",
         "push через 30 мин → email +4 ч", "push_cart_1; cart_email_v1",
         "информационное", "Mindbox", "CR из корзины ≥ 8 %", "Илья Соболев", "работает", D(2026, 10, 21), "без скидки, только напоминание"],
        ["М02Б", "Брошенная корзина v2 (тест: только push)", "Участники ПЛ", "Повторная покупка", "Брошенная корзина", None,
         "Вернуть в корзину и оформить заказ", "Покупка", "Покупка",
         "push через 2 ч", "push_cart_v2",
         "информационное", "Mindbox", "CR ≥ 8 % (сравнить с М02)", "Илья Соболев", "работает", D(2026, 11, 17),
         "запустили 17.11 на 2 недели"],
        ["М03", "Брошенный просмотр", "Активные (2+ покупки за 90 дн.)", "Повторная покупка", "Брошенный просмотр", None,
         "Покупка просмотренного товара", "Покупка", "Покупка; Отписка",
         "email через 2 ч", "browse_1 (подборка похожих)",
         "промо", "Mindbox", "Выручка на письмо ≥ 4 ₽", "Илья Соболев", "работает", D(2026, 3, 14), ""],
        ["М04", "Реактивация спящих 90 дн.", "Спящие 90–180 дн.", "Угасание", "Нет покупок 90 дн.", None,
         "Покупка в течение 14 дней", "Покупка", "Покупка; Отписка",
         "email сразу → SMS +2 д (если не открыл) → SMS +5 д", "react90_email (−15 %); react90_sms_1; react90_sms_2",
         "промо", "Mindbox", "Реактивация ≥ 6 %", "Анна Кравец", "работает", D(2026, 11, 2), ""],
        ["М05", "Возврат ушедших 180+", "Отток 180+ дн.; Отписались от рекламы", "Отток", "Нет покупок 180 дн.", None,
         "Вернуть клиента к покупкам", "Покупка", "Покупка; Отписка",
         "email сразу → SMS +4 д (если не открыл)", "winback_email (−20 %); winback_sms",
         "промо", "Mindbox", "Возврат ≥ 3 %", "Анна Кравец", "работает", D(2026, 9, 29),
         "аудиторию расширили по просьбе коммерческого директора"],
        ["М06", "День рождения", "Участники ПЛ", "Лояльность", "День рождения", None,
         "Покупка с подарочными баллами", "Покупка", "Покупка; Отписка",
         "push сразу → SMS +1 д (если push не открыт)", "bday_push; bday_sms (x2 баллы)",
         "промо", "Mindbox", "CR ≥ 9 %", "Мария Лебедь", "работает", D(2026, 10, 15), ""],
        ["М07", "Сгорание баллов", "Участники ПЛ; Отписались от рекламы", "Лояльность", "Баллы сгорают через 7 дн.", None,
         "Списать баллы до сгорания", "Покупка", "Покупка",
         "push сразу", "points_burn_push",
         "сервисное", "Mindbox", "Доля списавших ≥ 20 %", "Мария Лебедь", "работает", D(2026, 11, 6),
         "уведомление о баллах — сервисное, шлём всем участникам"],
        ["М08", "Заказ готов к выдаче (гости)", "Покупатели без карты; Отписались от рекламы", "Первая покупка",
         "Заказ готов к выдаче", None,
         "Выкуп заказа", "Заказ получен", "Заказ получен",
         "SMS сразу → email через 2 ч (если SMS не доставлено)", "pickup_sms; pickup_email",
         "сервисное", "Mindbox", "Выкуп ≥ 92 %", "Олег Туманов", "работает", D(2026, 11, 12), ""],
        ["М09", "Запрос отзыва", "Участники ПЛ", "Повторная покупка", "Заказ получен", None,
         "Отзыв на купленный товар", "Отзыв оставлен", "Отзыв оставлен; Возврат оформлен",
         "email +3 д", "review_request",
         "информационное", "Mindbox", "Доля отзывов ≥ 4 %", "Олег Туманов", "работает", D(2026, 10, 18), ""],
        ["М10", "Дайджест новинок", "Подписчики без покупок", "Знакомство", None, "еженедельно, пт 11:00",
         "Первая покупка", "Покупка", "Покупка; Отписка",
         "email", "digest_weekly",
         "промо", "Mindbox", "CTR ≥ 2,5 %", "Мария Лебедь", "работает", D(2026, 10, 27), ""],
        ["М11", "VIP: звонок персонального консультанта", "VIP (Золотая карта)", "Лояльность",
         "Повышение до Золотого уровня", None,
         "Запись на консультацию и покупка", "Покупка", "Покупка",
         "email сразу → звонок +2 д (если не открыл)", "vip_gold_email; скрипт звонка VIP-1",
         "сервисное", "Mindbox, RetailCRM", "Дозвон ≥ 70 %, покупка ≥ 30 %", "Светлана Юдина", "работает",
         D(2026, 11, 20), "звонит консультант через телефонию RetailCRM"],
        ["М12", "Welcome подписчика сайта", "Подписчики без покупок", "Знакомство", "Подписка на рассылку", None,
         "Первая покупка", "Покупка", "Покупка; Отписка",
         "email сразу → email +3 д", "sub_welcome_1; sub_welcome_2 (−10 %)",
         "информационное", "Mindbox", "CR в 1-ю покупку ≥ 3 %", "Мария Лебедь", "работает", D(2026, 6, 3), ""],
        ["М13", "Пополнение ухода (WhatsApp)", "Активные (2+ покупки за 90 дн.)", "Повторная покупка",
         "45 дней с покупки ухода", None,
         "Повторная покупка средства", "Покупка", "Покупка; Отписка",
         "push сразу → WhatsApp +1 д (если push не открыт)", "replenish_push; replenish_wa",
         "промо", "Mindbox", "CR ≥ 5 %", "Илья Соболев", "работает", D(2026, 11, 24), "WhatsApp — новый канал с ноября"],
        ["М14", "Новогодняя подборка для VIP", "VIP (Золотая карта)", "Лояльность", None, "разово, 20.12.2026 12:00",
         None, None, "Отписка",
         "push", "ny_vip_push",
         "промо", "Mindbox", "CTR ≥ 6 %", "Светлана Юдина", "черновик", D(2026, 11, 25), "цель уточнить с категорийщиками"],
    ]
    sheet_table(ws, mech_header, mechanics,
                [7, 30, 28, 17, 24, 18, 28, 16, 24, 44, 34, 14, 16, 24, 17, 11, 13, 30], date_cols=(17,))
    ws.row_dimensions[1].height = 32

    # ---- Сегменты -----------------------------------------------------------
    ws = wb.create_sheet("Сегменты")
    seg_header = ["Сегмент", "Описание", "Входит в", "Размер, чел.", "Ценность", "Стоп-лист"]
    segments = [
        ["Участники ПЛ", "Все участники программы лояльности", None, 310000, "средняя", "нет"],
        ["Новые участники ПЛ", "Регистрация < 30 дней, 0–1 покупка", "Участники ПЛ", 38000, "средняя", "нет"],
        ["Активные (2+ покупки за 90 дн.)", "Покупали 2+ раза за 90 дней", "Участники ПЛ", 92000, "высокая", "нет"],
        ["Спящие 90–180 дн.", "Последняя покупка 90–180 дней назад", "Участники ПЛ", 61000, "средняя", "нет"],
        ["Отток 180+ дн.", "Нет покупок больше 180 дней", "Участники ПЛ", 104000, "низкая", "нет"],
        ["VIP (Золотая карта)", "Золотой уровень, оборот > 60 000 ₽/год", "Участники ПЛ", 640, "VIP", "нет"],
        ["Подписчики без покупок", "Подписались на сайте, покупок нет", None, 57000, "низкая", "нет"],
        ["Покупатели без карты", "Гости интернет-магазина, самовывоз", None, 74000, "низкая", "нет"],
        ["Отписались от рекламы", "Отказ от рекламных рассылок (38-ФЗ)", None, 23000, "низкая", "да"],
        ["Сотрудники", "Сотрудники сети и франчайзи", None, 1100, "низкая", "да"],
    ]
    sheet_table(ws, seg_header, segments, [32, 40, 18, 14, 12, 11])
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for c in row:
            c.number_format = "# ##0"

    # ---- Этапы CJM ----------------------------------------------------------
    ws = wb.create_sheet("Этапы CJM")
    st_header = ["Этап", "Что делает клиент", "Следующий этап", "Финальный"]
    stages = [
        ["Знакомство", "Подписался, смотрит каталог", "Первая покупка", "нет"],
        ["Первая покупка", "Оформил первый заказ / получил карту", "Повторная покупка", "нет"],
        ["Повторная покупка", "Покупает регулярно", "Лояльность; Угасание", "нет"],
        ["Лояльность", "Золотой уровень, рекомендует", None, "да"],
        ["Угасание", "Нет покупок 90+ дней", "Отток", "нет"],
        ["Отток", "Нет покупок 180+ дней", "Повторная покупка", "нет"],
    ]
    sheet_table(ws, st_header, stages, [20, 40, 26, 11])

    # ---- События -------------------------------------------------------------
    ws = wb.create_sheet("События")
    ev_header = ["Событие", "Описание", "Источник", "Есть в Mindbox?"]
    events = [
        ["Регистрация в ПЛ", "Выдана карта (касса или сайт)", "1С: Розница", "да"],
        ["Покупка", "Чек с картой ПЛ или оплаченный онлайн-заказ", "1С: Розница", "да"],
        ["Брошенная корзина", "Товар в корзине, нет заказа 30 мин", "Сайт", "да"],
        ["Брошенный просмотр", "Смотрел товар 2+ раза, не положил в корзину", "Сайт", "да"],
        ["Заказ готов к выдаче", "Статус «Готов к выдаче»", "RetailCRM", "да"],
        ["Заказ получен", "Статус «Выдан»", "RetailCRM", "да"],
        ["День рождения", "Дата из анкеты", "Mindbox", "да"],
        ["Отзыв оставлен", "Отзыв на карточке товара", "Сайт", "да"],
        ["Нет покупок 90 дн.", "Вычисляемое", "Mindbox", "да"],
        ["Нет покупок 180 дн.", "Вычисляемое", "Mindbox", "да"],
        ["Баллы сгорают через 7 дн.", "Вычисляемое", "Mindbox", "да"],
        ["Подписка на рассылку", "Форма подписки в футере", "Сайт", "да"],
        ["Отписка", "Отписка от рассылок", "Mindbox", "да"],
        ["Повышение до Золотого уровня", "Переход на Золотой уровень", "Mindbox", "да"],
        ["45 дней с покупки ухода", "Вычисляемое по категории «Уход»", "Mindbox", "да"],
        ["Добавил в избранное", "Сердечко в приложении", "Мобильное приложение", "да"],
        ["Снижение цены на избранное", "Цена товара из избранного снизилась", "Сайт", "нет"],
    ]
    sheet_table(ws, ev_header, events, [32, 44, 22, 16])

    # ---- Каналы --------------------------------------------------------------
    ws = wb.create_sheet("Каналы")
    ch_header = ["Канал", "Тип", "Стоимость контакта, ₽", "Комментарий"]
    channels = [
        ["email", "email", 0.08, ""],
        ["push", "push", 0.02, "мобильное приложение"],
        ["SMS", "sms", 2.9, "буквенное имя PUDRA"],
        ["звонок", "звонок", 38, "консультанты VIP"],
        ["WhatsApp", "мессенджер", 0.95, "шаблонные сообщения"],
    ]
    sheet_table(ws, ch_header, channels, [14, 14, 22, 30])

    # ---- Системы -------------------------------------------------------------
    ws = wb.create_sheet("Системы")
    sys_header = ["Система", "Назначение", "Каналы", "Получает данные из", "Передаёт в"]
    systems = [
        ["Mindbox", "CDP, ПЛ, рассылки", "email, push, SMS",
         "Сайт, Мобильное приложение, 1С: Розница, RetailCRM", "RetailCRM"],
        ["RetailCRM", "Заказы интернет-магазина, телефония", "звонок",
         "Сайт, 1С: Розница, Mindbox", "Mindbox"],
        ["1С: Розница", "Кассы и чеки", None, None, "Mindbox, RetailCRM"],
        ["Сайт", "Bitrix, трекер Mindbox", None, None, "Mindbox, RetailCRM"],
        ["Мобильное приложение", "iOS/Android, SDK Mindbox", None, None, "Mindbox"],
    ]
    sheet_table(ws, sys_header, systems, [22, 34, 18, 46, 22])

    wb.save(folder / "pudra_mehaniki.xlsx")

    defects = [
        ("FREQ001", "Спящие 90–180 дн.",
         "Спящие получают SMS из М04 (два SMS) и М06 (одно SMS через родителя «Участники ПЛ») — 3 SMS в неделю при лимите 2."),
        ("COST001", "М08",
         "М08 начинается с SMS и при «SMS не доставлено» уходит в более дешёвый email."),
        ("COV003", "М05",
         "Промо-механика М05 в аудитории напрямую содержит сегмент «Отписались от рекламы», у которого Стоп-лист = да."),
        ("TRK001", "Возврат оформлен",
         "Стоп-условие М09 ссылается на событие «Возврат оформлен», которого нет на листе «События»."),
        ("TRK005", "Добавил в избранное",
         "Событие «Добавил в избранное» есть в Mindbox (да), но ни одна механика не использует его как триггер, условие, цель или стоп."),
        ("CNT001", "М14",
         "У механики М14 «Новогодняя подборка для VIP» пустые «Цель» и «Целевое действие»."),
        ("GOV002", "М03",
         "Механика М03 последний раз проверялась 14.03.2026 — больше шести месяцев до 29.11.2026."),
        ("INT001", "М13",
         "Касание WhatsApp в М13 отправляется с платформы Mindbox, но ни одна система на листе «Системы» не шлёт WhatsApp."),
        ("FREQ002", "Брошенная корзина",
         "М02 и М02Б — обе со статусом «работает» — запускаются на «Брошенная корзина» для одного сегмента «Участники ПЛ»."),
    ]
    lookalikes = [
        ("COST002", "М11",
         "Звонок в М11 идёт только сегменту «VIP (Золотая карта)»: 640 человек, ценность VIP."),
        ("COV003", "М07",
         "М07 достигает «Отписались от рекламы», но это сервисное уведомление о сгорании баллов, не промо/новости/контент (так же и сервисная М08)."),
        ("INT003", "М06",
         "Условие «если push не открыт» в М06 опирается на открытие push, а push открытия передаёт."),
        ("GOV002", "М12",
         "Дата проверки М12 — 03.06.2026, чуть меньше шести месяцев до 29.11.2026 (граница 29.05.2026)."),
        ("TRK005", "Снижение цены на избранное",
         "Событие не используется, но и не отслеживается («Есть в Mindbox?» = нет), а правило касается только отслеживаемых событий."),
    ]
    columns = []
    for h, f in zip(mech_header, ["id", "name", "segments", "stage", "trigger", "schedule", "goal", "goal_event",
                                   "stop_event", "channel", "message", "message_type", "system", "kpi", "owner",
                                   "status", "last_reviewed", "ignore"]):
        columns.append(("Механики", h, f))
    for h, f in zip(seg_header, ["id", "ignore", "parent", "size", "tier", "excluded"]):
        columns.append(("Сегменты", h, f))
    for h, f in zip(st_header, ["id", "ignore", "next", "final"]):
        columns.append(("Этапы CJM", h, f))
    for h, f in zip(ev_header, ["id", "ignore", "source", "tracked"]):
        columns.append(("События", h, f))
    for h, f in zip(ch_header, ["id", "kind", "ignore", "ignore"]):
        columns.append(("Каналы", h, f))
    for h, f in zip(sys_header, ["id", "ignore", "channel", "source", "sends_to"]):
        columns.append(("Системы", h, f))
    write_answers(folder, "«Пудра» — карта механик CRM (Mindbox + RetailCRM)",
                  "pudra_mehaniki.xlsx", "ru", defects, lookalikes, columns)


# ==========================================================================
# MAP 3 - two_level_mixed  (two-row header, RU/EN, stacked reference tables)
# ==========================================================================
def build_two_level_mixed():
    folder = fresh(HERE / "two_level_mixed")
    wb = Workbook()
    ws = wb.active
    ws.title = "Карта коммуникаций"

    groups = [("Сценарий", 1, 8), ("Касание", 9, 16), ("Контроль", 17, 21)]
    lower = ["ID сценария", "Scenario name", "Сегмент", "Stage", "Триггер (event)", "Schedule", "Цель",
             "Goal event",
             "Шаг", "Когда", "Channel", "Система", "Сообщение / шаблон", "Тип", "Условие", "Next step",
             "Стоп-событие", "KPI", "Owner ", "Статус", "Проверено"]
    group_fills = {"Сценарий": "DDEBF7", "Касание": "FCE4D6", "Контроль": "E2EFDA"}
    for name, c1, c2 in groups:
        cell = ws.cell(row=1, column=c1, value=name)
        ws.merge_cells(start_row=1, start_column=c1, end_row=1, end_column=c2)
        cell.font = Font(bold=True, size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        for c in range(c1, c2 + 1):
            ws.cell(row=1, column=c).fill = PatternFill("solid", fgColor=group_fills[name])
            ws.cell(row=1, column=c).border = BOX
    for i, h in enumerate(lower, start=1):
        c = ws.cell(row=2, column=i, value=h)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
        grp = "Сценарий" if i <= 8 else ("Касание" if i <= 16 else "Контроль")
        c.fill = PatternFill("solid", fgColor=group_fills[grp])
        c.border = BOX

    # scenario-level values, repeated on every step row (as the consultant did)
    def scen(sid, name, seg, stage, trig, sched, goal, goal_ev, stop, kpi, owner, status, checked, steps):
        rows = []
        for st in steps:
            n, when, ch, system, msg, typ, cond, nxt = st
            rows.append([sid, name, seg, stage, trig, sched, goal, goal_ev,
                         n, when, ch, system, msg, typ, cond, nxt,
                         stop, kpi, owner, status, checked])
        return rows

    rows = []
    rows += scen("SC-01", "Lead nurture: до пробного урока", "SEG-01", "Интерес (лид)", "Заявка с сайта", None,
                 "Записать на пробный урок", "Пробный урок пройден", "Пробный урок пройден",
                 "Запись на пробный ≥ 25 %", "Ксения Орлова", "active", "12.11.2026 г.", [
                     ("1", "сразу", "Email ", "Unisender", "Welcome: как проходит пробный урок", "контент", None, "2"),
                     ("2", "+1 д", "Telegram", "SaleBot", "Бот: выбери время пробного", "сервис", "email не открыт", "3"),
                     ("3", "+3 days", "Email", "Unisender", "Кейс: заговорил за 3 месяца", "контент", None, None),
                 ])
    rows += scen("SC-02", "Пробный пропущен (B2C)", "SEG-01", "Пробный урок", "Пробный урок пропущен", None,
                 "Перенести пробный урок", "Пробный урок пройден", "Пробный урок пройден",
                 "Перенос ≥ 35 %", "Ксения Орлова", "работает", "05.11.2026 г.", [
                     ("1", "через 30 мин", "Email", "Unisender", "Жаль, что не получилось — выберите новое время", "сервис", None, "2"),
                     ("2", "+4 ч", "SMS", "Unisender", "SMS: ссылка на перенос", "сервис", "email не открыт", None),
                 ])
    rows += scen("SC-03", "Trial → оплата", "SEG-02", "Первая оплата", "Пробный урок пройден", None,
                 "Оплата курса в течение 7 дней", "Оплата", "Оплата; Отписка",
                 "CR в оплату ≥ 18 %", "Dmitry Shevchuk", "active", "31.09.2026 г.", [
                     ("1", "сразу", "Email", "Unisender", "Итоги пробного: ваш уровень A2", "контент", None, "2"),
                     ("2", "+1 д", "WhatsApp", "amoCRM", "Голосовое от преподавателя", "контент", "email не открыт", "3"),
                     ("3", "+2 д", "Email", "Unisender", "−15 % на первый месяц до воскресенья", "promo", None, None),
                 ])
    rows += scen("SC-04", "Онбординг студента", "SEG-03" + NBSP, "Обучение", "Оплата", None,
                 "4 урока за первые 2 недели", "4-й урок пройден", "4-й урок пройден",
                 "≥ 4 уроков за 14 дней у 60 %", "Анна Мельник", "active", "28.10.2026 г.", [
                     ("1", "immediately", "Email", "Unisender", "Доступ в личный кабинет + расписание", "сервис", None, "2"),
                     ("2", "+1 д", "Push", "Pushwoosh", "Скачайте приложение: уроки офлайн", "контент", None, "4"),
                     ("3", "+3 д", "Telegram", "SaleBot", "Бот-напоминалка о занятиях", "контент", None, "4"),
                     ("4", "+7 дн.", "Push", "Pushwoosh", "Неделя позади: ваш прогресс", "контент", None, None),
                 ])
    rows += scen("SC-05", "Missed lesson (re-engagement)", "SEG-03", "Обучение ", "Урок пропущен", None,
                 "Вернуть на занятия", "Урок пройден", "Урок пройден",
                 "Возврат на урок ≥ 50 %", "Анна Мельник", "работает", "03.11.2026 г.", [
                     ("1", "через 2 часа", "Email", "Unisender", "Запись урока + домашка", "контент", None, "2"),
                     ("2", "+1 д", "Push", "Pushwoosh", "Следующий урок завтра в 19:00", "контент", "email не открыт", None),
                 ])
    rows += scen("SC-06", "Продление подписки", "SEG-05", "Продление", "Подписка истекает через 14 дн.", None,
                 "Продлить подписку", None, None,
                 "Продление ≥ 55 %", "Дмитрий Шевчук", "active", "19.11.2026 г.", [
                     ("1", "сразу", "Email", "Unisender", "Счёт на продление", "сервис", None, "2"),
                     ("2", "+7 дн.", "SMS", "Unisender", "SMS: напоминание об оплате", "сервис", "email не открыт", "1"),
                 ])
    rows += scen("SC-07", "Win-back ушедших", "SEG-05", "Отток", "Подписка истекла 30 дн.", None,
                 "Вернуть студента", "Оплата", "Оплата; Отписка",
                 "Возврат ≥ 4 %", "Дмитрий Шевчук", "active", "10.10.2026 г.", [
                     ("1", "сразу", "Email", "Unisender", "Вернитесь: 2 урока в подарок", "промо", None, "2"),
                     ("2", "+3 д", "SMS", "Unisender", "SMS: промокод BACK2", "промо", "email не открыт", None),
                 ])
    rows += scen("SC-08", "Referral: друг по ссылке", "SEG-07", "Реферал", "Друг зарегистрировался по ссылке", None,
                 "Пробный урок для друга", "Пробный урок пройден", "Пробный урок пройден",
                 "Запись на пробный ≥ 30 %", "Ксения Орлова", "active", "21.10.2026 г.", [
                     ("1", "сразу", "Email", "Unisender", "Как проходит пробный урок", "контент", None, "2"),
                     ("2", "+7 д", "Telegram", "SaleBot", "Напоминание: 2 урока в подарок от друга", "промо", None, "1"),
                 ])
    rows += scen("SC-09", "B2B: пропущенный демо-урок", "SEG-06", "Пробный урок", "Пробный урок пропущен", None,
                 "Перенести демо-урок для HR", "Пробный урок пройден", "Пробный урок пройден",
                 "Перенос демо ≥ 60 %", "Игорь Ланской", "active", "02.06.2026 г.", [
                     ("1", "сразу", "Email", "Unisender", "Перенесём демо для вашей команды?", "сервис", None, "2"),
                     ("2", "+1 д", "Звонок", "amoCRM", "Звонок аккаунт-менеджера (скрипт B2B-2)", "сервис", "email не открыт", None),
                 ])
    rows += scen("SC-10", "Выпускники: отзыв и рекомендация", "SEG-03", "Выпускник", "Курс завершён", None,
                 "Привести друга", "Друг зарегистрировался по ссылке", "Друг зарегистрировался по ссылке",
                 "Рекомендации ≥ 7 %", "Анна Мельник", "работает", "14.11.2026 г.", [
                     ("1", "+1 д", "Email", "Unisender", "Сертификат + ссылка для друга", "контент", None, "2"),
                     ("2", "+3 д", "Telegram", "SaleBot", "Подарите другу 2 урока", "promo", None, None),
                 ])
    rows += scen("SC-11", "Weekly digest (push)", "SEG-03", "Обучение", None, "каждый понедельник, 10:00",
                 "Урок в течение недели", "Урок пройден", "Урок пройден",
                 "Open rate ≥ 12 %", "Анна Мельник", "active", "26.10.2026 г.", [
                     ("1", "сразу", "Push", "Pushwoosh", "Слово недели + ближайший урок", "контент", None, None),
                 ])
    rows += scen("SC-12", "B2B: продление договора", "SEG-06", "Продление", "Договор истекает через 30 дн.", None,
                 "Продлить корпоративный договор", "Оплата", "Оплата",
                 "Продление B2B ≥ 80 %", "Игорь Ланской", "active", "17.11.2026 г.", [
                     ("1", "сразу", "Telegram", "SaleBot", "Чат с аккаунт-менеджером: итоги обучения команды", "сервис", None, "2"),
                     ("2", "+5 д", "Email", "Unisender", "КП на продление + акт сверки", "сервис", None, None),
                 ])

    status_fill = {"active": "E2F0D9", "работает": "E2F0D9"}
    r0 = 3
    for i, row in enumerate(rows):
        for j, v in enumerate(row, start=1):
            c = ws.cell(row=r0 + i, column=j, value=v)
            c.border = BOX
            c.alignment = Alignment(wrap_text=True, vertical="top")
            c.fill = PatternFill("solid", fgColor=status_fill.get(row[19], "FFFFFF"))
    # SC-03 has an unreadable date -> the consultant painted it red
    for i, row in enumerate(rows):
        if row[0] == "SC-03":
            ws.cell(row=r0 + i, column=21).fill = PatternFill("solid", fgColor="F4CCCC")
    last = r0 + len(rows) - 1
    # colour legend at the bottom
    legend = [
        ("Легенда / legend:", None),
        ("зелёный — работает / live", "E2F0D9"),
        ("жёлтый — в доработке", "FFF2CC"),
        ("серый — на паузе / paused", "D9D9D9"),
        ("красный — проверить дату / check", "F4CCCC"),
    ]
    lr = last + 3
    for k, (txt, color) in enumerate(legend):
        c = ws.cell(row=lr + k, column=1, value=txt)
        if color:
            c.fill = PatternFill("solid", fgColor=color)
        else:
            c.font = Font(bold=True, italic=True)
    widths = [10, 30, 10, 16, 28, 22, 28, 26, 6, 13, 11, 12, 40, 10, 18, 9, 30, 24, 16, 10, 15]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=2, column=i).column_letter].width = w
    ws.row_dimensions[1].height = 22
    ws.freeze_panes = "C3"

    # ---- Справочники: four stacked tables ------------------------------------
    ref = wb.create_sheet("Справочники")
    seg_h = ["ID", "Сегмент", "Parent", "Размер", "Tier", "Стоп-лист"]
    seg_rows = [
        ["SEG-01", "Лиды с сайта (без пробного)", None, "8" + NBSP + "400", "standard", "нет"],
        ["SEG-02", "Прошли пробный урок", None, "2 100", "standard", "нет"],
        ["SEG-03", "Студенты (активная подписка)", None, "5" + NBSP + "600", "standard", "нет"],
        ["SEG-04", "Студенты VIP (индивидуальные)", "SEG-03", "320", "VIP", "нет"],
        ["SEG-05", "Подписка заканчивается (≤ 14 дн.)", None, "1 250", "standard", "нет"],
        ["SEG-05", "Ушедшие студенты", None, "3 900 ", "standard", "нет"],
        ["SEG-06", "Корпоративные клиенты (B2B)", None, "140", "high", "нет"],
        ["SEG-07", "Приглашённые друзья (рефералы)", None, "760", "standard", "нет"],
        ["SEG-08", "Стоп-лист (жалобы, отказ от рассылок)", None, "410", "standard", "да"],
    ]
    st_h = ["Этап", "Описание", "Next stage", "Финальный?"]
    st_rows = [
        ["Интерес (лид)", "Оставил заявку на сайте", "Пробный урок", "нет"],
        ["Пробный урок", "Записан / прошёл пробный", "Первая оплата", "нет"],
        ["Первая оплата", "Купил первый пакет", "Обучение", "нет"],
        ["Обучение", "Активная подписка", "Продление; Отток; Выпускник", "нет"],
        ["Продление", "Подписка заканчивается", "Обучение", "нет"],
        ["Отток", "Не продлил", "Первая оплата", "нет"],
        ["Выпускник", "Закончил курс", None, "да"],
        ["Реферал", "Пришёл по ссылке друга", "Пробный урок", "нет"],
    ]
    ch_h = ["Канал", "Kind", "Стоимость, ₽", "Комментарий"]
    ch_rows = [
        ["Email", "email", "0,10", "Unisender"],
        ["SMS", "sms", "3,20", "Unisender, имя TALKFIRST"],
        ["Push", "push", "0,01", "только у кого стоит приложение"],
        ["Telegram", "messenger", "0,30", "бот SaleBot"],
        ["WhatsApp", "messenger", "1,10", "Wazzup в amoCRM"],
        ["Звонок", "call", "60", "менеджеры отдела продаж"],
        ["Viber", "messenger", "1,40", "тариф оплачен до 03.2027"],
    ]
    ev_h = ["Событие", "Описание", "Source", "Tracked?"]
    ev_rows = [
        ["Заявка с сайта", "Форма на лендинге", "Tilda", "да"],
        ["Пробный урок пройден", "Преподаватель отметил «был»", "LMS", "да"],
        ["Пробный урок пропущен", "No-show на пробном", "LMS", "yes"],
        ["Оплата", "Успешный платёж", "YooKassa", "да"],
        ["Урок пропущен", "Пропуск планового урока", "LMS", "да"],
        ["Урок пройден", "Урок завершён", "LMS", "да"],
        ["4-й урок пройден", "Четвёртый урок после оплаты", "LMS", "да"],
        ["Подписка истекает через 14 дн.", "Дата окончания − 14 дней", "amoCRM", "да"],
        ["Подписка истекла 30 дн.", "Не продлил 30 дней", "amoCRM", "да"],
        ["Договор истекает через 30 дн.", "B2B: дата окончания договора − 30", "amoCRM", "yes"],
        ["Курс завершён", "Все уроки курса пройдены", "LMS", "да"],
        ["Друг зарегистрировался по ссылке", "Регистрация по реф. ссылке", "Tilda", "да"],
        ["Отписка", "Отписка от email/SMS", "Unisender", "да"],
    ]
    row = 1
    bold = Font(bold=True, size=12)
    hdr_fill = PatternFill("solid", fgColor="D9E1F2")
    for title, h, data in [("Сегменты", seg_h, seg_rows), ("Этапы CJM", st_h, st_rows),
                           ("Каналы", ch_h, ch_rows), ("События", ev_h, ev_rows)]:
        ref.cell(row=row, column=1, value=title).font = bold
        row += 1
        for j, v in enumerate(h, start=1):
            c = ref.cell(row=row, column=j, value=v)
            c.font = Font(bold=True)
            c.fill = hdr_fill
            c.border = BOX
        row += 1
        for d in data:
            for j, v in enumerate(d, start=1):
                c = ref.cell(row=row, column=j, value=v)
                c.border = BOX
            row += 1
        row += 1  # blank line between tables
    for col, w in zip("ABCDEF", [30, 40, 26, 14, 12, 12]):
        ref.column_dimensions[col].width = w

    # ---- Integrations ----------------------------------------------------------
    integ = wb.create_sheet("Integrations")
    in_h = ["Система", "Каналы", "Получает данные из", "Передаёт в", "Комментарий"]
    in_rows = [
        ["Unisender", "Email, SMS", "Tilda, LMS, YooKassa, amoCRM", "amoCRM, Pushwoosh", "ESP + SMS"],
        ["amoCRM", "Звонок, WhatsApp", "Tilda, LMS, YooKassa, Unisender", "Unisender", "Wazzup для WhatsApp"],
        ["SaleBot", "Telegram", "Tilda, LMS, YooKassa", "amoCRM", "бот @talkfirst_bot"],
        ["Pushwoosh", "Push", "Мобильное приложение, LMS", None, ""],
        ["Tilda", None, None, "amoCRM, Unisender, SaleBot", "лендинги"],
        ["LMS", None, None, "amoCRM, Unisender, SaleBot, Pushwoosh", "платформа уроков"],
        ["YooKassa", None, None, "amoCRM, Unisender, SaleBot", "платежи"],
        ["Мобильное приложение", None, None, "Pushwoosh", ""],
    ]
    integ.append(in_h)
    for c in integ[1]:
        c.font = Font(bold=True)
        c.fill = hdr_fill
        c.border = BOX
    for d in in_rows:
        integ.append(d)
    for col, w in zip("ABCDE", [22, 18, 36, 38, 24]):
        integ.column_dimensions[col].width = w
    integ.freeze_panes = "A2"

    wb.save(folder / "talkfirst_comms_map.xlsx")

    defects = [
        ("FLOW003", "SC-06",
         "SC-06 steps loop 1 → 2 → 1 (Next step of step 2 = 1) with no Стоп-событие and no repeat limit; the «email не открыт» condition does not bound it."),
        ("TRK004", "SC-06",
         "Active SC-06 has a goal text (Продлить подписку) but an empty Goal event, so the goal cannot be measured."),
        ("FLOW005", "SC-04",
         "In SC-04 step 2 jumps to step 4 and nothing points to step 3 (Telegram), so step 3 is never reached."),
        ("FLOW002", "Реферал",
         "Stage «Реферал» is not the first stage and no stage lists it as Next stage, so it cannot be reached from «Интерес (лид)»."),
        ("COV004", "Viber",
         "Channel Viber is declared in the Каналы table but no touch uses it."),
        ("INT002", "SC-01",
         "SC-01 step 2 (Telegram via SaleBot) depends on «email не открыт» of step 1 sent by Unisender, and no integration carries Unisender feedback to SaleBot (Unisender → amoCRM, Pushwoosh; amoCRM → Unisender)."),
        ("TRK003", "SC-12",
         "SC-12 is triggered by «Договор истекает через 30 дн.» (source amoCRM) but its first step is sent by SaleBot, which receives only Tilda, LMS and YooKassa."),
        ("MAP002", "SEG-05",
         "ID SEG-05 is defined twice in the Сегменты table (Подписка заканчивается / Ушедшие студенты)."),
        ("MAP003", "SC-03",
         "SC-03's Проверено date «31.09.2026 г.» does not exist (September has 30 days)."),
    ]
    lookalikes = [
        ("FLOW003", "SC-08",
         "SC-08 also loops (step 2 → 1) but it has a stop event «Пробный урок пройден», so the cycle is bounded by the rule's definition."),
        ("COST001", "SC-05",
         "SC-05 is email → push on «email не открыт»: it starts with email, not SMS or call (email → push is explicitly not this)."),
        ("FREQ002", "SC-09",
         "SC-02 and SC-09 both fire on «Пробный урок пропущен» but for different segments (SEG-01 vs SEG-06)."),
        ("GOV002", "SC-09",
         "SC-09 was checked «02.06.2026 г.» — just inside six months before 29.11.2026."),
        ("FLOW001", "Выпускник",
         "Stage «Выпускник» has no Next stage but is marked Финальный? = да."),
    ]
    main_fields = ["scenario", "scenario_name", "segments", "stage", "trigger", "schedule", "goal", "goal_event",
                   "step", "timing", "channel", "system", "message", "message_type", "condition", "next",
                   "stop_event", "kpi", "owner", "status", "last_reviewed"]
    columns = [("Карта коммуникаций", h, f) for h, f in zip(lower, main_fields)]
    columns += [("Справочники", h, f) for h, f in zip(seg_h, ["id", "name", "parent", "size", "tier", "excluded"])]
    columns += [("Справочники", h, f) for h, f in zip(st_h, ["id", "ignore", "next", "final"])]
    columns += [("Справочники", h, f) for h, f in zip(ch_h, ["id", "kind", "ignore", "ignore"])]
    columns += [("Справочники", h, f) for h, f in zip(ev_h, ["id", "ignore", "source", "tracked"])]
    columns += [("Integrations", h, f) for h, f in zip(in_h, ["id", "channel", "source", "sends_to", "ignore"])]
    write_answers(folder, "TalkFirst — карта коммуникаций онлайн-школы (RU/EN, двухуровневая шапка)",
                  "talkfirst_comms_map.xlsx", "ru", defects, lookalikes, columns)


def main():
    build_sales_sequences_en()
    build_mechanics_ru()
    build_two_level_mixed()
    print("corpus17 written to", HERE)


if __name__ == "__main__":
    main()
