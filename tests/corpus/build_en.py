#!/usr/bin/env python3
"""(Re)build the four English client-style communication maps in tests/corpus/en_*.

Each map imitates how a US/UK/EU CRM team or agency keeps its map in a
spreadsheet; it never uses commap's own vocabulary on purpose. Every folder
gets the map file(s) plus a hand-written answers.toml (this script rewrites
it too, so the key and the map stay in step).

    . .venv/bin/activate && python tests/corpus/build_en.py
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-28"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="1F3864")
HEAD_FONT = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")
STATUS_FILL = {
    "live": "C6EFCE", "draft": "FFEB9C", "idea": "D9D9D9", "paused": "D9D9D9",
}


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_answers(folder: Path, title: str, map_name: str, defects, lookalikes, columns):
    out = [
        f"title = {toml_str(title)}",
        f"map = {toml_str(map_name)}",
        'lang = "en"',
        f'today = "{TODAY}"',
        "",
    ]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                f"why = {toml_str(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                f"why = {toml_str(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {toml_str(sheet)}", f"header = {toml_str(header)}",
                f"field = {toml_str(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def style_header(ws, row: int, ncols: int, start_col: int = 1):
    for c in range(start_col, start_col + ncols):
        cell = ws.cell(row=row, column=c)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def widths(ws, ws_widths):
    for i, w in enumerate(ws_widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def check_pressure(name, plan, caps=None):
    """Rough worst-case weekly contacts per audience: every step of every
    live/draft/idea journey counts once (the strict reading). Returns
    {audience: {channel: n}} for the audiences over a cap."""
    caps = caps or {"email": 3, "sms": 2, "push": 5, "messenger": 3, "call": 1, "total": 10}
    counts = defaultdict(lambda: defaultdict(int))
    for audiences, channels in plan:
        for a in audiences:
            for ch in channels:
                counts[a][ch] += 1
                counts[a]["total"] += 1
    over = {a: dict(c) for a, c in counts.items()
            if any(c.get(k, 0) > v for k, v in caps.items())}
    return over


# --------------------------------------------------------------------------
# 1. en_saas_wide — B2B SaaS, one wide sheet with merged blocks
# --------------------------------------------------------------------------

SAAS_HEAD = [
    ("#", "ignore", 4),
    ("Who gets it", "segments", 20),
    ("Audience size\n(approx.)", "size", 11),
    ("Lifecycle stage", "stage", 13),
    ("Flow", "scenario_name", 24),
    ("Flow type", "kind", 11),
    ("Trigger (event)", "trigger", 24),
    ("Touch #", "step", 7),
    ("When", "timing", 22),
    ("If…", "condition", 22),
    ("Then (go to)", "next", 22),
    ("Channel", "channel", 10),
    ("Sent via", "system", 16),
    ("Copy / offer", "message", 44),
    ("Msg type", "message_type", 12),
    ("Goal", "goal", 22),
    ("Success event", "goal_event", 18),
    ("Exit when", "stop_event", 18),
    ("KPI", "kpi", 20),
    ("Owner", "owner", 18),
    ("Status", "status", 9),
    ("Notes", "ignore", 30),
]

# audience blocks -> flows -> touches
# flow: (stage, name, type, trigger, goal, success, exit, kpi, owner, status, touches)
# touch: (when, if, then, channel, tool, copy, type, notes)
SAAS_BLOCKS = [
    ("Free trial (14-day)", "~3,200 / month", [
        ("Onboarding", "Trial onboarding", "Triggered", "Trial started",
         "Trial converts to a paid plan", "Subscription started", "Subscription started",
         "Trial→paid ≥ 18%", "Dana Whitfield", "Live", [
            ("immediately", "", "", "Email", "HubSpot",
             "Welcome to Loopline 👋 — your 3-minute setup checklist", "Onboarding", ""),
            ("on first login", "", "", "In-app", "Intercom",
             "Product tour: create your first board (5 steps)", "Onboarding", "tour id 88213"),
            ("next day at 10am", "", "", "Email", "HubSpot",
             "Boards are better with people — invite your team", "Onboarding", ""),
            ("day 3, 10am", "", "", "Email", "HubSpot",
             "5 templates teams copy first (sprint board, content calendar…)", "Content", ""),
            ("day 5, 10am", "", "", "Email", "HubSpot",
             "Connect Slack & Google Drive in 2 clicks", "Content", ""),
            ("day 7, 10am", "", "", "Email", "HubSpot",
             "Case study: how Brightwave cut status meetings by 40%", "Content", "swap for new case study in Q2?"),
        ]),
        ("Onboarding", "Activation nudge", "Triggered", "No project created 48h after signup",
         "First project created", "Project created", "Project created",
         "Activation ≥ 45% in week 1", "Dana Whitfield", "Live", [
            ("immediately", "", "", "Email", "HubSpot",
             "Stuck? Watch the 2-minute setup video", "Onboarding", ""),
            ("2 days later", "if email not opened", "", "SMS", "Twilio",
             "Hi {first_name}, your Loopline workspace is ready — start your first project: {short_link}",
             "Onboarding", "Twilio list exported weekly from HubSpot (CSV)"),
        ]),
        ("Conversion", "Upgrade checkout abandoned", "Triggered", "Checkout started, not completed",
         "Paid plan bought", "Subscription started", "Subscription started",
         "Checkout recovery ≥ 25%", "Sam Okafor", "Live", [
            ("2 hours later", "", "", "Email", "HubSpot",
             "Your Pro plan is one step away — pick up where you left off", "Reminder", ""),
            ("2 days later", "if still not upgraded",
             "back to touch 1 — max 2 resends, then stop", "Email", "HubSpot",
             "Resend with annual-billing option (2 months free)", "Promo", "stops on purchase anyway"),
        ]),
        ("Conversion", "Trial ending reminder", "Triggered", "Trial ends in 3 days",
         "Trial converts to a paid plan", "Subscription started", "Subscription started",
         "Trial→paid ≥ 18%", "Sam Okafor", "Live", [
            ("3 days before trial ends, 9am", "", "", "Email", "HubSpot",
             "Your trial ends Friday — keep your boards and history", "Reminder", ""),
            ("1 day before trial ends", "", "", "In-app", "Intercom",
             "Top banner: choose a plan (annual = 2 months free)", "Promo", ""),
        ]),
    ]),
    ("Free plan users", "38,000", [
        ("Expansion", "Free → Pro upsell", "Triggered", "Hit free plan limit (3 projects)",
         "Upgrade to Pro", "Subscription started", "Subscription started",
         "Free→Pro 4% per quarter", "Sam Okafor", "Live", [
            ("immediately", "", "", "In-app", "Intercom",
             "Heads-up: you've hit the 3-project limit on Free", "Service", ""),
            ("next day at 10am", "", "", "Email", "HubSpot",
             "How teams use Pro: 3 workflows (unlimited projects, timelines, guests)", "Content", ""),
            ("5 days later", "if no upgrade", "", "Call", "Aircall (SDR team)",
             "Discovery call: team size, use case; offer 20% off first year", "Sales",
             "SDRs take the whole list, no scoring yet"),
        ]),
    ]),
    ("Paying customers – SMB", "6,900", [
        ("Retention", "Payment failed (dunning)", "Triggered", "Payment failed",
         "Recover the failed payment", "Invoice paid", "Invoice paid",
         "≥ 60% recovered within 7 days", "Priya Shah (Billing Ops)", "Live", [
            ("immediately", "", "", "Email", "HubSpot",
             "Your card was declined — update it in one click", "Service", ""),
            ("next day at 10am", "if invoice still unpaid", "", "SMS", "Twilio",
             "Loopline: the payment for your workspace failed. Update your card: {link}", "Service", ""),
            ("2 days later", "if SMS not opened", "", "SMS", "Twilio",
             "Final reminder: your workspace will be paused in 48h unless the card is updated", "Service", ""),
        ]),
        ("Retention", "NPS survey (90 days)", "Triggered", "90 days after first payment",
         "Collect NPS and find promoters", "NPS submitted", "NPS submitted",
         "Response rate ≥ 20%", "Leo Brandt (CS Ops)", "Draft", [
            ("10am recipient's time", "", "", "Email", "HubSpot",
             "How likely are you to recommend Loopline? (one click)", "Survey", ""),
        ]),
        ("Advocacy", "G2 review ask", "Triggered", "NPS submitted with score 9–10",
         "Public reviews from happy customers", "G2 review left", "G2 review left",
         "30 new G2 reviews / quarter", "Leo Brandt (CS Ops)", "Idea", [
            ("next login", "", "", "In-app", "Intercom",
             "Thanks for the 9/10! Mind telling others on G2? ($25 gift card)", "Advocacy", ""),
        ]),
        ("Expansion", "Seat expansion", "Triggered", "Seat limit reached",
         "Extra seats bought", "Seats added", "Seats added",
         "Seat upsell ≥ 30%", "Sam Okafor", "Paused", [
            ("immediately", "", "", "In-app", "Intercom",
             "You're out of seats — add teammates for $8/seat", "Promo", "paused until new pricing"),
            ("2 days later", "if no seats added", "", "Email", "HubSpot",
             "Admins only: add seats before your next invoice", "Promo", ""),
        ]),
    ]),
    ("Enterprise accounts", "420", [
        ("Renewal", "Enterprise renewal", "Triggered", "Contract renewal date",
         "Contract renewed", "Contract renewed", "Contract renewed",
         "Gross revenue retention ≥ 92%", "Hannah Lee (CS)", "Live", [
            ("60 days before renewal", "", "", "Email", "HubSpot",
             "Your annual review: usage report + roadmap preview", "Account", ""),
            ("30 days before renewal", "if renewal not confirmed", "", "Call", "Aircall (CSM)",
             "Renewal call with the named CSM", "Account", "CSM owns the account"),
            ("3 days before renewal", "if renewal not confirmed", "", "In-app", "Intercom",
             "Admin banner: renewal on {date}, invoice preview", "Service", ""),
        ]),
        ("Retention", "Payment failed – Enterprise", "Triggered", "Payment failed",
         "Recover the failed payment", "Invoice paid", "Invoice paid",
         "≥ 90% recovered within 14 days", "Hannah Lee (CS)", "Live", [
            ("immediately", "", "", "Email", "HubSpot",
             "Heads-up from your CSM: an invoice didn't go through (no service impact)", "Service",
             "different copy from SMB dunning, no SMS"),
        ]),
    ]),
    ("Inactive 30+ days", "2,100", [
        ("Win-back", "Dormant workspace win-back", "Triggered", "No login for 30 days",
         "Admin comes back to the workspace", "Logged in", "",
         "Reactivation ≥ 10%", "Dana Whitfield", "Live", [
            ("immediately", "", "", "Email", "HubSpot",
             "We've missed you — here's what's new in Loopline", "Reactivation", ""),
            ("3 days later", "if email not opened",
             "touch 1 again (keep resending until opened)", "Email", "HubSpot",
             "Same email, new subject line", "Reactivation", "subject line A/B"),
        ]),
    ]),
    ("All customers (free + paid)", "47,000", [
        ("Adoption", "Monthly product update", "Scheduled", "",
         "Feature adoption", "New feature used", "",
         "Open ≥ 35%, CTR ≥ 4%", "Dana Whitfield", "Live", [
            ("first Tuesday of the month, 4pm CET", "", "", "Email", "HubSpot",
             "What's new: releases, tips, upcoming webinars", "Newsletter", ""),
        ]),
    ]),
]


def build_saas():
    folder = HERE / "en_saas_wide"
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Lifecycle map"
    ncol = len(SAAS_HEAD)
    ws.cell(row=1, column=1, value="Loopline — Customer Lifecycle Communication Map (Lifecycle Marketing)").font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    ws.cell(row=2, column=1, value="Last updated: Feb 14, 2025")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    ws.cell(row=3, column=1, value=(
        "Colour key: green = live, yellow = draft, grey = idea / paused. "
        "Questions → #lifecycle-marketing on Slack"))
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=8)
    hr = 5
    for i, (h, _, w) in enumerate(SAAS_HEAD, start=1):
        ws.cell(row=hr, column=i, value=h)
        ws.column_dimensions[get_column_letter(i)].width = w
    style_header(ws, hr, ncol)
    ws.row_dimensions[hr].height = 32
    ws.freeze_panes = ws.cell(row=hr + 1, column=3)

    col = {h: i for i, (h, _, _) in enumerate(SAAS_HEAD, start=1)}
    r = hr + 1
    n = 0
    for audience, size, flows in SAAS_BLOCKS:
        a_start = r
        for (stage, name, ftype, trig, goal, succ, exit_, kpi, owner, status, touches) in flows:
            f_start = r
            for k, (when, cond, then, ch, tool, copy, mtype, notes) in enumerate(touches, start=1):
                n += 1
                ws.cell(row=r, column=col["#"], value=n)
                ws.cell(row=r, column=col["Touch #"], value=k)
                ws.cell(row=r, column=col["When"], value=when)
                ws.cell(row=r, column=col["If…"], value=cond or None)
                ws.cell(row=r, column=col["Then (go to)"], value=then or None)
                ws.cell(row=r, column=col["Channel"], value=ch)
                ws.cell(row=r, column=col["Sent via"], value=tool)
                ws.cell(row=r, column=col["Copy / offer"], value=copy)
                ws.cell(row=r, column=col["Msg type"], value=mtype)
                ws.cell(row=r, column=col["Notes"], value=notes or None)
                r += 1
            f_end = r - 1
            for h, v in (("Lifecycle stage", stage), ("Flow", name), ("Flow type", ftype),
                         ("Trigger (event)", trig or None), ("Goal", goal), ("Success event", succ or None),
                         ("Exit when", exit_ or None), ("KPI", kpi), ("Owner", owner), ("Status", status)):
                c = col[h]
                ws.cell(row=f_start, column=c, value=v)
                if f_end > f_start:
                    ws.merge_cells(start_row=f_start, start_column=c, end_row=f_end, end_column=c)
            fill = STATUS_FILL.get(status.lower())
            if fill:
                ws.cell(row=f_start, column=col["Status"]).fill = PatternFill("solid", fgColor=fill)
            ws.cell(row=f_start, column=col["Flow"]).font = BOLD
        a_end = r - 1
        for h, v in (("Who gets it", audience), ("Audience size\n(approx.)", size)):
            c = col[h]
            ws.cell(row=a_start, column=c, value=v)
            if a_end > a_start:
                ws.merge_cells(start_row=a_start, start_column=c, end_row=a_end, end_column=c)
            ws.cell(row=a_start, column=c).font = BOLD
    for row in ws.iter_rows(min_row=hr + 1, max_row=r - 1):
        for cell in row:
            cell.alignment = WRAP
    wb.save(folder / "map.xlsx")

    # sanity: contact pressure (strict reading, live/draft/idea only)
    plan = []
    for audience, _, flows in SAAS_BLOCKS:
        for f in flows:
            if f[9].lower() == "paused":
                continue
            chans = [{"email": "email", "sms": "sms", "whatsapp": "messenger", "in-app": "push",
                      "call": "call"}[t[3].lower()] for t in f[10]]
            plan.append(([audience], chans))
    over = check_pressure("saas", plan)
    assert set(over) == {"Free trial (14-day)"}, over

    defects = [
        ("GOV001", "2025", "'Last updated: Feb 14, 2025' — more than 6 months before the audit date"),
        ("INT002", "Activation nudge",
         "email in HubSpot, then 'if email not opened' an SMS from Twilio; nothing says Twilio gets HubSpot opens (list is a weekly CSV)"),
        ("INT003", "Payment failed (dunning)", "'if SMS not opened' — SMS does not report opens"),
        ("FLOW003", "Dormant workspace win-back",
         "touch 2 goes back to touch 1 'until opened', no cap, no exit event"),
        ("FLOW004", "Dormant workspace win-back",
         "success event 'Logged in' but 'Exit when' is empty: people who came back keep getting the resends"),
        ("COST002", "Free → Pro upsell", "SDR call to the whole free plan base (38,000), not a VIP/high tier"),
        ("FREQ001", "Free trial",
         "trial users get ~9 emails in their first week (onboarding 5 + nudge + checkout resends + trial ending)"),
    ]
    lookalikes = [
        ("COST002", "Enterprise renewal", "CSM call for 420 enterprise accounts before renewal: small, high-value audience"),
        ("FLOW003", "Upgrade checkout abandoned", "resend loop capped at 2 resends and exits on 'Subscription started'"),
        ("FREQ002", "Payment failed",
         "two flows fire on 'Payment failed' but for different audiences (SMB vs Enterprise)"),
    ]
    columns = [("Lifecycle map", h, f) for h, f, _ in SAAS_HEAD]
    columns.append(("Lifecycle map", "Last updated", "last_reviewed"))
    write_answers(folder, "SaaS lifecycle: one wide sheet with merged blocks", "map.xlsx",
                  defects, lookalikes, columns)


# --------------------------------------------------------------------------
# 2. en_marketplace_multisheet — UK marketplace, normalised-ish workbook
# --------------------------------------------------------------------------

MKT_AUDIENCES = [
    # id, name, parent, size, tier, suppressed, definition
    ("AUD-00", "All registered customers", "", "1,240,000", "", "No", "Every account with a verified email"),
    ("AUD-01", "New registrants (no order yet)", "", "86,000", "Standard", "No", "Account < 30 days, 0 orders"),
    ("AUD-02", "First-time buyers", "", "154,000", "Standard", "No", "Exactly 1 completed order"),
    ("AUD-03", "Repeat buyers", "", "310,000", "Standard", "No", "2+ orders in last 12 months"),
    ("AUD-04", "Gold members", "", "1,900", "VIP", "No", "Top 2% by 12m spend (loyalty tier Gold)"),
    ("AUD-05", "At-risk (90–179 days)", "", "120,000", "Standard", "No", "Last order 90–179 days ago"),
    ("AUD-06", "Lapsed 180+ days", "", "210,000", "Low", "No", "Last order 180+ days ago, still marketable"),
    ("AUD-07", "App users (push opt-in)", "", "380,000", "Standard", "No", "App installed, push permission granted"),
    ("AUD-08", "Newsletter-only subscribers", "", "95,000", "Standard", "No", "Email sign-up, no account"),
    ("AUD-09", "Trade / business buyers", "", "7,400", "High", "No", "Northgate for Business accounts (VAT invoice)"),
    ("AUD-12", "Marketing opt-outs", "AUD-00", "64,000", "", "Yes", "Unsubscribed or GDPR objection — service messages only"),
    ("AUD-13", "Hard bounces & complaints", "AUD-00", "9,100", "", "Yes", "Do not send anything"),
    ("AUD-14", "Students (UNiDAYS verified)", "", "22,000", "Standard", "No", "Verified via UNiDAYS in last 12m"),
    ("AUD-15", "Wishlist savers", "", "140,000", "Standard", "No", "1+ item on wishlist"),
    ("AUD-16", "Basket abandoners", "", "48,000", "Standard", "No", "Rolling 7 days, consented"),
    ("AUD-17", "Customers with an open order", "", "35,000", "", "No", "Order placed, not yet delivered/collected"),
    ("AUD-18", "Pet Club members", "", "38,000", "Standard", "No", "Joined Pet Club (free)"),
    ("AUD-19", "Baby Club members", "", "26,000", "Standard", "No", "Joined Baby Club, due date or child DOB given"),
    ("AUD-20", "Garden buyers", "", "61,000", "Standard", "No", "2+ garden orders in last 24m"),
    ("AUD-21", "Electronics buyers", "", "88,000", "Standard", "No", "Electronics order in last 12m"),
    ("AUD-22", "Dormant app users", "", "57,000", "Standard", "No", "No app open for 30 days"),
    ("AUD-23", "New app installers", "", "18,000", "Standard", "No", "App installed in last 14 days"),
    ("AUD-24", "Click & collect users", "", "9,800", "Standard", "No", "Open click & collect order"),
    ("AUD-25", "Returns in progress", "", "6,200", "", "No", "Return started, refund not yet issued"),
    ("AUD-26", "Points expiring", "", "44,000", "Standard", "No", "Loyalty points expire in next 30 days"),
]

MKT_STAGES = [
    ("ST-1", "Registered", "ST-2", "Has an account, no order yet"),
    ("ST-2", "First order", "ST-3", "One completed order"),
    ("ST-3", "Repeat buyer", "ST-4, ST-6", "Two or more orders"),
    ("ST-4", "Loyal (Gold)", "ST-5", "Gold tier"),
    ("ST-5", "Advocate", "(final)", "Refers friends, writes reviews, joins the referral programme"),
    ("ST-6", "At risk", "ST-3, ST-7", "No order 90–179 days"),
    ("ST-7", "Lapsed", "ST-3", "No order 180+ days"),
]

MKT_EVENTS = [
    # name, meaning, source, tracked
    ("account_created", "Account registered (web or app)", "Website / App (Segment)", "Yes"),
    ("app_installed", "First app open after install", "App (Segment)", "Yes"),
    ("cart_abandoned", "Basket idle 60 min with items, logged in", "Website / App (Segment)", "Yes"),
    ("browse_abandoned", "Viewed 3+ products, no basket add in session", "App (Segment)", "Yes"),
    ("price_drop_wishlist", "Price of a wishlist item fell by 10%+", "Bloomreach (catalogue)", "Yes"),
    ("back_in_stock", "Wishlist / 'notify me' item back in stock", "Bloomreach (catalogue)", "No – not live yet (ticket CRM-412)"),
    ("order_placed", "Order placed", "OMS", "Yes"),
    ("order_dispatched", "Seller/warehouse dispatched the parcel", "OMS", "Yes"),
    ("out_for_delivery", "Courier scan: out for delivery", "OMS", "Yes"),
    ("order_delivered", "Courier scan: delivered", "OMS", "Yes"),
    ("order_cancelled", "Order cancelled by customer or seller", "OMS", "Yes"),
    ("review_submitted", "Product/seller review submitted", "Bazaarvoice → Segment", "Yes"),
    ("replenishment_due", "Predicted re-order date for consumables", "Bloomreach (computed)", "Yes"),
    ("birthday", "Birthday (profile date)", "Bloomreach (profile)", "Yes"),
    ("gold_tier_reached", "Moved into Gold tier", "Loyalty platform", "Yes"),
    ("gold_no_order_60d", "Gold member, no order for 60 days", "Loyalty platform", "Yes"),
    ("no_order_90d", "Hit 90 days since last order", "Bloomreach (computed)", "Yes"),
    ("no_order_180d", "Hit 180 days since last order", "Bloomreach (computed)", "Yes"),
    ("newsletter_signup", "Email sign-up form (no account)", "Website (Segment)", "Yes"),
    ("student_verified", "UNiDAYS verification success", "UNiDAYS → Segment", "Yes"),
    ("pet_club_joined", "Joined Pet Club", "Website / App (Segment)", "Yes"),
    ("pet_food_due", "Predicted pet food run-out", "Bloomreach (computed)", "Yes"),
    ("baby_club_joined", "Joined Baby Club", "Website / App (Segment)", "Yes"),
    ("garden_order_delivered", "Delivered order containing plants / garden furniture", "OMS", "Yes"),
    ("electronics_order_delivered", "Delivered order containing electronics £50+", "OMS", "Yes"),
    ("warranty_purchased", "Extended warranty bought", "OMS", "Yes"),
    ("app_inactive_30d", "No app open for 30 days", "App (Segment)", "Yes"),
    ("app_opened", "App opened", "App (Segment)", "Yes"),
    ("click_collect_ready", "Click & collect order ready at store", "OMS", "Yes"),
    ("order_collected", "Click & collect order collected", "OMS", "Yes"),
    ("return_started", "Return label created", "OMS", "Yes"),
    ("refund_issued", "Refund issued", "OMS", "Yes"),
    ("points_expiring_30d", "Loyalty points expire within 30 days", "Loyalty platform", "Yes"),
    ("points_redeemed", "Loyalty points redeemed", "Loyalty platform", "Yes"),
]

MKT_TOOLS = [
    # tool, vendor, type, sends, receives events from, owner team
    ("Bloomreach", "Bloomreach Engagement", "Omnichannel CDP / journey orchestration",
     "Email, App push, Web push", "Segment, OMS, Loyalty platform, Bazaarvoice, UNiDAYS", "CRM team"),
    ("Infobip", "Infobip", "SMS & WhatsApp gateway", "SMS, WhatsApp", "Bloomreach (journey API), OMS", "CRM team"),
    ("Genesys", "Genesys Cloud CX", "Contact centre (outbound calls)", "Call", "Bloomreach (daily call list)", "Customer Care"),
    ("Attentive", "Attentive", "SMS marketing (Growth team's own list)", "SMS", "Website (Attentive tag)", "Growth team"),
]

MKT_INTEGRATIONS = [
    # from, to, what, status
    ("Segment", "Bloomreach", "Web & app events, profile traits", "Live"),
    ("OMS", "Bloomreach", "Order events (placed, dispatched, delivered, cancelled, returns, refunds)", "Live"),
    ("Loyalty platform", "Bloomreach", "Tier changes, points balance & expiry", "Live"),
    ("Bloomreach", "Infobip", "Send requests from journeys (API node)", "Live"),
    ("Infobip", "Bloomreach", "SMS/WhatsApp delivery receipts, WhatsApp read receipts, STOP replies", "Live"),
    ("OMS", "Infobip", "Order status events for service SMS", "Live"),
    ("Bloomreach", "Genesys", "Daily call list (SFTP, 07:00)", "Live"),
    ("Genesys", "Bloomreach", "Call outcome codes", "Live"),
]

E, P, S, W, C = "Email", "App push", "SMS", "WhatsApp", "Call"
B, I, G, A = "Bloomreach", "Infobip", "Genesys", "Attentive"

# journey: id, name, type, audiences, stage, entry, schedule, goal, goal_ev, exit_ev, kpi, owner, status, reviewed, touches
# touch: timing, condition, next, channel, tool, content, msg type
MKT_JOURNEYS = [
    ("J01", "Welcome series", "Triggered", "AUD-01", "ST-1", "account_created", "",
     "First order within 14 days", "order_placed", "order_placed", "Reg→1st order 9%",
     "Priya Natarajan", "Live", "2026-08-12", [
        ("Immediately", "", "", E, B, "Welcome to Northgate + 10% off your first order (code WELCOME10)", "Promo"),
        ("Day 1, 10:00", "Has the app", "", P, B, "Top picks for you today", "Content"),
        ("Day 3, 09:00", "", "", E, B, "How Northgate works: delivery, returns, seller ratings", "Content"),
        ("Day 5, 18:00", "Has the app", "", P, B, "Your 10% code is waiting", "Promo"),
        ("Day 6, 18:00", "Has the app", "", P, B, "Last day for your 10% welcome code", "Promo"),
    ]),
    ("J02", "Basket abandonment", "Triggered", "AUD-16", "ST-2", "cart_abandoned", "",
     "Recover the basket", "order_placed", "order_placed", "Recovered baskets 11%",
     "Priya Natarajan", "Live", "2026-08-12", [
        ("1 hour after abandon", "", "", E, B, "You left something behind (basket items, live prices)", "Reminder"),
        ("Next day 11:00", "Email not opened", "", P, B, "Still thinking about {item}?", "Reminder"),
        ("Day 3, 19:00", "No order yet", "", E, B, "Free delivery on your basket — 48h", "Promo"),
        ("Day 4, 12:00", "No order yet", "", P, B, "Delivery options for your basket: next day, nominated day, click & collect", "Service"),
        ("Day 5, 12:00", "No order yet; WhatsApp opt-in", "", W, I, "Need help choosing? Chat with our team", "Service"),
    ]),
    ("J03", "Browse abandonment", "Triggered", "AUD-07", "ST-2", "browse_abandoned", "",
     "Basket add / order", "order_placed", "order_placed", "Order rate 2.5%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("2 hours later", "", "", P, B, "Still looking at {category}? See what's trending", "Content"),
        ("Next day 10:00", "Push not opened", "", E, B, "Picked for you: {category} bestsellers", "Content"),
        ("Day 3, 18:00", "No order yet", "", P, B, "Prices you viewed, side by side", "Content"),
        ("Day 5, 12:00", "No order yet; WhatsApp opt-in", "", W, I, "Want a hand comparing? Reply and a specialist will help", "Service"),
        ("Day 7, 18:00", "No order yet", "", P, B, "New arrivals in {category}", "Content"),
    ]),
    ("J04", "Price drop alert", "Triggered", "AUD-15", "ST-3", "price_drop_wishlist", "",
     "Wishlist item bought", "order_placed", "order_placed", "Wishlist→order 6%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("Immediately (max 1/day)", "", "", E, B, "Price drop on {item} — now £{price}", "Promo"),
        ("24h later", "Email not opened", "", S, A, "Northgate: {item} on your wishlist just dropped to £{price} {link}", "Promo"),
    ]),
    ("J05", "Back in stock alert", "Triggered", "AUD-15", "ST-3", "back_in_stock", "",
     "Item bought", "order_placed", "order_placed", "Notify-me→order 12%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("Immediately", "", "", E, B, "{item} is back in stock", "Service"),
        ("Next day 12:00", "No order yet", "", P, B, "{item} is selling fast", "Service"),
    ]),
    ("J06", "Order status updates", "Triggered", "AUD-17; AUD-12", "ST-2", "order_placed", "",
     "Fewer 'where is my order' contacts", "order_delivered", "order_delivered, order_cancelled", "WISMO contacts < 25 per 1,000 orders",
     "Aisha Khan (Customer Care)", "Live", "2026-09-01", [
        ("Immediately", "", "", E, B, "Order confirmation #{order_id}", "Transactional"),
        ("On order_dispatched", "", "", S, I, "Your order is on its way. Track it: {link}", "Transactional"),
        ("On out_for_delivery", "", "", P, B, "Arriving today between {slot}", "Transactional"),
        ("On order_delivered", "", "", P, B, "Delivered! Not right? Returns are free for 30 days", "Transactional"),
        ("On order_delivered", "", "", E, B, "Delivery receipt + how to return", "Transactional"),
    ]),
    ("J07", "Post-delivery review request", "Triggered", "AUD-02", "ST-2", "order_delivered", "",
     "Review written", "review_submitted", "review_submitted", "Review rate 7%",
     "Ellie Morgan", "Live", "2026-08-20", [
        ("3 days after delivery", "", "", E, B, "How was {item}? Rate it and your seller", "Survey"),
        ("7 days after delivery", "No review yet", "", P, B, "30 seconds: rate your last order", "Survey"),
    ]),
    ("J08", "Post-delivery cross-sell", "Triggered", "AUD-02", "ST-2", "order_delivered", "",
     "Second order", "order_placed", "order_placed", "2nd order within 60d 14%",
     "Ellie Morgan", "Live", "2026-08-20", [
        ("5 days after delivery", "", "", E, B, "Goes well with {item}: how other buyers use it", "Content"),
        ("10 days after delivery", "Email not clicked", "", P, B, "Complete the set — 10% off accessories", "Promo"),
    ]),
    ("J09", "Replenishment reminder", "Triggered", "AUD-03", "ST-3", "replenishment_due", "",
     "Re-order", "order_placed", "order_placed", "Re-order rate 18%",
     "Ellie Morgan", "Live", "2026-08-20", [
        ("Predicted date −3 days, 09:00", "", "", E, B, "Running low on {item}? Re-order in one tap", "Reminder"),
        ("+2 days", "Email not opened", "", P, B, "Time to restock {item}", "Reminder"),
        ("+4 days", "No order yet; WhatsApp opt-in", "", W, I, "Shall we reserve {item} for you? Reply YES", "Reminder"),
    ]),
    ("J10", "Gold welcome", "Triggered", "AUD-04", "ST-4", "gold_tier_reached", "",
     "First Gold order within 30 days", "order_placed", "order_placed", "Gold 30-day order rate 55%",
     "Marcus Bell (Loyalty)", "Live", "2026-09-10", [
        ("Immediately", "", "", E, B, "Welcome to Gold: free next-day delivery and early access", "Loyalty"),
        ("Next day 10:00", "", "", P, B, "Your Gold perks are live", "Loyalty"),
        ("Day 3", "WhatsApp opt-in", "", W, I, "Meet your personal shopper line", "Loyalty"),
        ("Day 10", "Has the app", "", P, B, "Your airport lounge pass is in the app", "Loyalty"),
    ]),
    ("J11", "Gold early access", "Scheduled", "AUD-04", "ST-4", "",
     "24h before each seasonal sale goes public (4× a year)",
     "Gold spend in first 24h of sale", "order_placed", "order_placed", "£ per Gold member in first 24h",
     "Marcus Bell (Loyalty)", "Live", "2026-09-10", [
        ("Sale day −1, 08:00", "", "", S, I, "Gold early access is open — 24h before everyone else {link}", "Promo"),
        ("Sale day −1, 10:00", "SMS not delivered", "", E, B, "Your Gold early access is open", "Promo"),
    ]),
    ("J12", "Gold lapse save", "Triggered", "AUD-04", "ST-6", "gold_no_order_60d", "",
     "Gold member orders again", "order_placed", "order_placed", "Save rate 35%",
     "Marcus Bell (Loyalty)", "Live", "2026-09-10", [
        ("Immediately", "", "", E, B, "We've saved something for you: £15 Gold credit", "Loyalty"),
        ("5 days later", "No order yet", "", C, G, "Courtesy call from the Gold care team", "Loyalty"),
    ]),
    ("J13", "At-risk reactivation", "Triggered", "AUD-05", "ST-6", "no_order_90d", "",
     "Order again", "order_placed", "order_placed", "Reactivation 8%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("Immediately", "", "", E, B, "Pick up where you left off — new in your favourite categories", "Content"),
        ("3 days later", "Email not opened", "", P, B, "New in {category}", "Content"),
        ("7 days later", "No order yet", "", E, B, "15% off, this week only", "Promo"),
        ("9 days later", "No order yet", "", P, B, "Your 15% ends in 48h", "Promo"),
        ("10 days later", "No order yet; WhatsApp opt-in", "", W, I, "Anything we can help with?", "Service"),
    ]),
    ("J14", "Lapsed 180 win-back", "Triggered", "AUD-06", "ST-7", "no_order_180d", "",
     "Order again", "order_placed", "order_placed", "Win-back 3%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("Immediately, 11:00", "", "", S, I, "Northgate: £10 off your next order, code BACK10. STOP to opt out", "Promo"),
        ("Same day 15:00", "SMS not delivered", "", E, B, "£10 off your next order — we've missed you", "Promo"),
        ("7 days later", "No order yet", "", E, B, "What's new since you last visited: 2,000 new sellers", "Content"),
        ("8 days later", "No order yet; has the app", "", P, B, "New in your favourite categories", "Content"),
    ]),
    ("J15", "The Northgate Edit (weekly newsletter)", "Scheduled", "AUD-01, AUD-02, AUD-03, AUD-05, AUD-08",
     "ST-3", "", "Every Thursday 09:00",
     "Orders from the newsletter", "order_placed", "", "CTR ≥ 2.5%, unsub < 0.2%",
     "Hannah Cole (Content)", "Live", "2026-10-05", [
        ("Thursday 09:00", "", "", E, B, "Trends, editor's picks, seller stories", "Newsletter"),
    ]),
    ("J16", "Subscriber → account", "Triggered", "AUD-08", "ST-1", "newsletter_signup", "",
     "Account created", "account_created", "account_created", "Sub→account 12%",
     "Priya Natarajan", "Live", "2026-08-12", [
        ("Immediately", "", "", E, B, "Thanks for subscribing — 10% off when you create an account", "Promo"),
        ("4 days later", "No account yet", "", E, B, "Why an account: order tracking, wishlist, free returns", "Content"),
    ]),
    ("J17", "Student discount", "Triggered", "AUD-14", "ST-1", "student_verified", "",
     "First student order", "order_placed", "order_placed", "Student order rate 20%",
     "Hannah Cole (Content)", "Live", "2026-10-05", [
        ("Immediately", "", "", E, B, "Your 15% student discount is live", "Promo"),
        ("2 days later", "Has the app", "", P, B, "Desk set-up guide: small rooms, big ideas", "Content"),
        ("Start of next term (Sep/Jan)", "No order yet", "", E, B, "Back-to-uni essentials, student prices", "Promo"),
        ("Start of next term +2 days", "No order yet; has the app", "", P, B, "Moving-in checklist for halls", "Content"),
        ("Start of next term +5 days", "Has the app", "", P, B, "Student night: extra 10% Thursday only", "Promo"),
    ]),
    ("J18", "Birthday treat", "Triggered", "AUD-03", "ST-3", "birthday", "",
     "Birthday order", "order_placed", "order_placed", "Birthday order rate 9%",
     "Marcus Bell (Loyalty)", "Live", "2026-09-10", [
        ("7 days before birthday, 09:00", "", "", E, B, "Double points all birthday week", "Loyalty"),
        ("On the day, 09:00", "Has the app", "", P, B, "Happy birthday from Northgate!", "Loyalty"),
    ]),
    ("J19", "Weekend flash sale", "One-off", "AUD-00", "ST-3", "",
     "Sat 5 Dec 2026, 08:00",
     "Weekend revenue", "order_placed", "order_placed", "£1.2m weekend GMV",
     "Hannah Cole (Content)", "Draft", "2026-10-05", [
        ("Sat 08:00", "", "", S, I, "Northgate FLASH SALE: up to 50% off home & garden for 48h {link}. STOP to opt out", "Promo"),
    ]),
    ("J31", "Terms & privacy update 2027", "One-off", "AUD-00", "ST-1", "",
     "Mon 11 Jan 2027, 10:00",
     "Customers informed of new terms (legal requirement)", "", "", "Delivered ≥ 98%",
     "Aisha Khan (Customer Care)", "Draft", "2026-10-05", [
        ("Mon 11 Jan 10:00", "", "", E, B, "We're updating our Terms and Privacy Notice (effective 10 Feb 2027)", "Service"),
    ]),
    ("J20", "Pet Club onboarding", "Triggered", "AUD-18", "ST-3", "pet_club_joined", "",
     "First Pet Club order", "order_placed", "order_placed", "Pet Club 30-day order rate 25%",
     "Ellie Morgan", "Live", "2026-08-20", [
        ("Immediately", "", "", E, B, "Welcome to Pet Club: 10% off food, every order", "Loyalty"),
        ("Day 2", "Has the app", "", P, B, "Tell us about your pet", "Content"),
        ("Day 5", "", "", E, B, "Flea & worming calendar for {pet_name}", "Content"),
        ("Day 9", "Has the app", "", P, B, "Your Pet Club discount works on treats too", "Promo"),
        ("Day 14", "No order yet; WhatsApp opt-in", "", W, I, "Vet questions? Our pet team is on WhatsApp", "Service"),
    ]),
    ("J21", "Pet food top-up", "Triggered", "AUD-18", "ST-3", "pet_food_due", "",
     "Re-order pet food", "order_placed", "order_placed", "Pet food re-order 40%",
     "Ellie Morgan", "Live", "2026-08-20", [
        ("Predicted run-out −5 days", "Has the app", "", P, B, "{pet_name}'s food is running low", "Reminder"),
        ("Predicted run-out −3 days", "Push not opened", "", E, B, "Re-order {product} with your Pet Club 10%", "Reminder"),
        ("Predicted run-out −1 day", "No order yet; WhatsApp opt-in", "", W, I, "Reply YES and we'll re-order {product} for you", "Service"),
    ]),
    ("J22", "Baby Club journey", "Triggered", "AUD-19", "ST-3", "baby_club_joined", "",
     "Baby Club orders", "order_placed", "order_placed", "Club revenue per member",
     "Ellie Morgan", "Live", "2026-08-20", [
        ("Immediately", "", "", E, B, "Welcome to Baby Club — your free changing bag voucher", "Loyalty"),
        ("Day 2", "Has the app", "", P, B, "Your checklist for {stage}", "Content"),
        ("Day 7", "", "", E, B, "Nursery essentials, chosen by parents", "Content"),
        ("Day 10", "Has the app", "", P, B, "Car seat guide: what fits your car", "Content"),
        ("Day 14", "Has the app", "", P, B, "Club prices on nappies this week", "Promo"),
        ("Day 21", "WhatsApp opt-in", "", W, I, "Questions about sizes? Ask the Baby Club team", "Service"),
        ("Day 25", "Has the app", "", P, B, "Your voucher expires soon", "Reminder"),
    ]),
    ("J23", "Garden season", "Scheduled", "AUD-20", "ST-3", "",
     "First Saturday of the month, Mar–Sep, 08:00",
     "Seasonal garden orders", "order_placed", "order_placed", "Garden revenue per send",
     "Hannah Cole (Content)", "Live", "2026-10-05", [
        ("First Saturday 08:00", "", "", E, B, "This month in the garden: jobs, picks, offers", "Content"),
        ("Same day 12:00", "Has the app", "", P, B, "Weekend garden deals", "Promo"),
    ]),
    ("J24", "Garden aftercare", "Triggered", "AUD-20", "ST-3", "garden_order_delivered", "",
     "Fewer plant returns", "review_submitted", "review_submitted", "Plant returns < 2%",
     "Hannah Cole (Content)", "Live", "2026-10-05", [
        ("Day 1 after delivery", "", "", E, B, "Planting & care guide for your order", "Service"),
        ("Day 7 after delivery", "Has the app", "", P, B, "How are your plants settling in? Leave a review", "Survey"),
        ("Day 21 after delivery", "Has the app", "", P, B, "Feeding reminder for {plant}", "Content"),
    ]),
    ("J25", "Electronics warranty", "Triggered", "AUD-21", "ST-3", "electronics_order_delivered", "",
     "Extended warranty bought", "warranty_purchased", "warranty_purchased", "Warranty attach 6%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("Day 2 after delivery", "", "", E, B, "Set-up tips + protect {item} for 3 years", "Promo"),
        ("Day 5 after delivery", "Has the app", "", P, B, "Register your {item} in the app", "Service"),
        ("Day 25 after delivery", "No warranty yet", "", E, B, "Warranty window closes in 5 days", "Promo"),
        ("Day 28 after delivery", "Has the app", "", P, B, "Set-up help: book a free video call with our tech team", "Service"),
    ]),
    ("J26", "App re-engagement", "Triggered", "AUD-22", "ST-6", "app_inactive_30d", "",
     "App opened again", "app_opened", "app_opened", "Re-open rate 15%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("Immediately, 18:00", "", "", P, B, "New this week in the app", "Content"),
        ("3 days later", "Push not opened", "", P, B, "App-only deal: free delivery today", "Promo"),
        ("7 days later", "App still not opened", "", E, B, "Your app has new features (and your wishlist misses you)", "Content"),
        ("10 days later", "App still not opened", "", P, B, "One tap back to your wishlist", "Content"),
    ]),
    ("J27", "App onboarding", "Triggered", "AUD-23", "ST-1", "app_installed", "",
     "First app order", "order_placed", "order_placed", "App 1st order 10%",
     "Tom Hargreaves", "Live", "2026-07-30", [
        ("Immediately", "", "", P, B, "Welcome! Turn on price-drop alerts", "Onboarding"),
        ("Day 1", "", "", P, B, "Scan a barcode to compare prices", "Content"),
        ("Day 3", "", "", P, B, "App-only: free delivery on your first app order", "Promo"),
        ("Day 5", "No order yet", "", E, B, "Your app perks in one place", "Onboarding"),
        ("Day 7", "No order yet", "", P, B, "Tip: turn on price alerts for your wishlist", "Content"),
    ]),
    ("J28", "Click & collect ready", "Triggered", "AUD-24", "ST-2", "click_collect_ready", "",
     "Order collected", "order_collected", "order_collected", "Uncollected orders < 3%",
     "Aisha Khan (Customer Care)", "Live", "2026-09-01", [
        ("Immediately", "", "", S, I, "Your order is ready at {store}. Bring code {code}", "Transactional"),
        ("Immediately", "", "", E, B, "Ready to collect: opening hours, what to bring", "Transactional"),
        ("3 days later", "Not collected", "", P, B, "Reminder: collect by {date}", "Transactional"),
        ("6 days later", "Not collected", "", E, B, "Last day to collect — after that we refund", "Transactional"),
    ]),
    ("J29", "Returns & refunds", "Triggered", "AUD-25", "ST-2", "return_started", "",
     "Return closed without a care contact", "refund_issued", "refund_issued", "Care contacts per return < 0.1",
     "Aisha Khan (Customer Care)", "Live", "2026-09-01", [
        ("Immediately", "", "", E, B, "Your returns label and drop-off points", "Transactional"),
        ("When parcel scanned", "", "", P, B, "We've got your return", "Transactional"),
        ("On refund_issued", "", "", E, B, "Refund of £{amount} issued", "Transactional"),
        ("On refund_issued", "", "", P, B, "Refund on its way (3–5 working days)", "Transactional"),
        ("On refund_issued", "No app", "", S, I, "Northgate: refund of £{amount} issued for order {order_id}", "Transactional"),
    ]),
    ("J30", "Points expiry reminder", "Triggered", "AUD-26", "ST-3", "points_expiring_30d", "",
     "Points used before expiry", "points_redeemed", "points_redeemed", "Redemption before expiry 30%",
     "Marcus Bell (Loyalty)", "Live", "2026-09-10", [
        ("30 days before expiry", "", "", E, B, "{points} points (£{value}) expire on {date}", "Loyalty"),
        ("7 days before expiry", "Has the app", "", P, B, "£{value} in points expires next week", "Loyalty"),
        ("1 day before expiry", "Has the app", "", P, B, "Use your points today", "Loyalty"),
        ("1 day before expiry", "WhatsApp opt-in", "", W, I, "Your £{value} points expire tomorrow", "Loyalty"),
    ]),
]

MKT_CONTENTS = [
    ("Sheet", "What's in it"),
    ("About this map", "Owner, review dates, how to request changes"),
    ("Audiences", "Audience definitions (Bloomreach segment IDs)"),
    ("Customer stages", "Lifecycle stages and how customers move between them"),
    ("Journeys", "Every automated journey and scheduled campaign"),
    ("Touches", "Each message in each journey"),
    ("Events & tracking", "Events journeys depend on + GA4 status"),
    ("Tech stack", "Tools that send messages"),
    ("Integrations", "Data flows between tools"),
    ("Notes", "Workshop notes (not part of the map)"),
]

MKT_NOTES = [
    "Workshop 02/09 — notes (Priya, Tom, Ellie, Aisha)",
    "- Growth team still runs Attentive for SMS on their own list; CRM to review overlap in Q1",
    "- Black Friday plan lives in a separate deck",
    "- Ask data team about moving back_in_stock to GA4 (ticket CRM-412)",
    "- Referral programme: budget approved for 2027, no comms yet",
    "- Seller comms (Seller Hub) are out of scope of this map",
]


def build_marketplace():
    folder = HERE / "en_marketplace_multisheet"
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Contents"
    ws["A1"] = "Northgate Market — CRM Communication Map"
    ws["A1"].font = TITLE
    for i, (a, b) in enumerate(MKT_CONTENTS, start=3):
        ws.cell(row=i, column=1, value=a)
        ws.cell(row=i, column=2, value=b)
        if i == 3:
            ws.cell(row=i, column=1).font = BOLD
            ws.cell(row=i, column=2).font = BOLD
    widths(ws, [22, 60])

    ws = wb.create_sheet("About this map")
    about = [
        ("Map", "Northgate Market — CRM communication map (buyers, UK)"),
        ("Owner", "Priya Natarajan, Head of CRM"),
        ("Version", "v7.2"),
        ("Last reviewed", "03 Sep 2026"),
        ("Next review", "Mar 2027"),
        ("Change requests", "Jira project CRM, component 'Comms map'"),
    ]
    ws["A1"] = "About this map"
    ws["A1"].font = TITLE
    for i, (k, v) in enumerate(about, start=3):
        ws.cell(row=i, column=1, value=k).font = BOLD
        ws.cell(row=i, column=2, value=v)
    widths(ws, [18, 60])

    def table(title, head, rows, w):
        sh = wb.create_sheet(title)
        for j, h in enumerate(head, start=1):
            sh.cell(row=1, column=j, value=h)
        style_header(sh, 1, len(head))
        for i, row in enumerate(rows, start=2):
            for j, v in enumerate(row, start=1):
                sh.cell(row=i, column=j, value=(v if v != "" else None))
        widths(sh, w)
        sh.freeze_panes = "A2"
        return sh

    aud_head = ["Audience ID", "Audience name", "Parent", "Approx. size", "Value tier", "Suppressed?", "Definition / rule"]
    table("Audiences", aud_head, MKT_AUDIENCES, [12, 32, 9, 13, 11, 12, 50])
    st_head = ["Stage ID", "Stage", "Next stage(s)", "Description"]
    table("Customer stages", st_head, MKT_STAGES, [10, 18, 14, 60])
    j_head = ["Journey ID", "Journey", "Type", "Audience(s)", "Stage", "Entry event", "Schedule",
              "Goal", "Goal event", "Exit event", "KPI", "Owner", "Status", "Last reviewed"]
    j_rows = [j[:14] for j in MKT_JOURNEYS]
    table("Journeys", j_head, j_rows, [10, 34, 11, 26, 8, 24, 30, 30, 18, 18, 28, 24, 8, 13])
    t_head = ["Touch ID", "Journey ID", "Seq", "Send timing", "Condition", "Next touch", "Channel",
              "Tool", "Content summary", "Message type"]
    t_rows = []
    for j in MKT_JOURNEYS:
        for k, (tm, cond, nxt, ch, tool, content, mtype) in enumerate(j[14], start=1):
            t_rows.append((f"{j[0]}-T{k}", j[0], k, tm, cond, nxt, ch, tool, content, mtype))
    table("Touches", t_head, t_rows, [10, 10, 5, 26, 26, 10, 10, 11, 60, 13])
    ev_head = ["Event name", "What it means", "Source", "Tracked in GA4?"]
    table("Events & tracking", ev_head, MKT_EVENTS, [26, 46, 26, 28])
    ts_head = ["Tool", "Vendor / product", "Type", "Sends", "Receives events from", "Owner team"]
    table("Tech stack", ts_head, MKT_TOOLS, [12, 24, 36, 24, 46, 16])
    in_head = ["From", "To", "What is passed", "Status"]
    table("Integrations", in_head, MKT_INTEGRATIONS, [16, 16, 70, 8])
    sh = wb.create_sheet("Notes")
    for i, line in enumerate(MKT_NOTES, start=1):
        sh.cell(row=i, column=1, value=line)
    sh.column_dimensions["A"].width = 100
    wb.save(folder / "map.xlsx")

    # --- sanity checks on the data itself
    aud_ids = {a[0] for a in MKT_AUDIENCES}
    ev_ids = {e[0] for e in MKT_EVENTS}
    used_aud = set()
    used_ev = set()
    plan = []
    chan = {E: "email", P: "push", S: "sms", W: "messenger", C: "call"}
    for j in MKT_JOURNEYS:
        auds = [a.strip() for a in j[3].replace(";", ",").split(",")]
        assert set(auds) <= aud_ids, auds
        used_aud |= set(auds)
        for ev in [j[5], j[8]] + j[9].split(", "):
            if ev:
                assert ev in ev_ids, ev
                used_ev.add(ev)
        for t in j[14]:
            if t[0].startswith("On "):
                used_ev.add(t[0][3:])
        if "AUD-00" in auds:   # AUD-00 reaches its explicit children (the suppressed lists)
            auds = auds + ["AUD-12", "AUD-13"]
        plan.append((auds, [chan[t[3]] for t in j[14]]))
    assert aud_ids - used_aud == {"AUD-09", "AUD-13"}, aud_ids - used_aud
    assert len(MKT_JOURNEYS) == 31 and len(t_rows) >= 100, (len(MKT_JOURNEYS), len(t_rows))
    assert ev_ids - used_ev <= {"app_installed"} | {"order_dispatched", "out_for_delivery"}, ev_ids - used_ev
    over = check_pressure("marketplace", plan)
    assert not over, over

    defects = [
        ("COV001", "Trade / business buyers", "audience AUD-09 (7,400, High tier) is targeted by no journey"),
        ("COV002", "Advocate", "stage ST-5 'Advocate' is served by no journey (referral programme has no comms)"),
        ("COV003", "Weekend flash sale",
         "J19: promo SMS to AUD-00 'All registered customers', which contains the suppressed AUD-12/AUD-13"),
        ("TRK002", "Back in stock alert", "J05: entry event back_in_stock is 'No – not live yet' in GA4"),
        ("FREQ002", "Post-delivery",
         "J07 review request and J08 cross-sell both fire on order_delivered for AUD-02 First-time buyers"),
        ("INT002", "Price drop alert",
         "J04: email in Bloomreach, then 'Email not opened' → SMS from Attentive; no integration carries opens to Attentive"),
        ("COST001", "Lapsed 180 win-back",
         "J14: SMS first with email as fallback on non-delivery, for 210,000 low-value lapsed customers"),
    ]
    lookalikes = [
        ("COV003", "Order status updates", "J06: transactional order messages may go to marketing opt-outs (AUD-12)"),
        ("CNT002", "Gold members",
         "Gold get 2 promo messages (early access) among 9 loyalty/service ones: promo share is low"),
        ("COST001", "Gold early access", "J11: SMS first, email fallback — only for 1,900 Gold (VIP) members"),
        ("INT002", "Basket abandonment",
         "J02: email → 'Email not opened' → app push, both sent by Bloomreach (omnichannel orchestration)"),
    ]
    columns = []
    columns += [("About this map", k, f) for k, f in (("Owner", "owner"), ("Last reviewed", "last_reviewed"))]
    columns += [("Audiences", h, f) for h, f in zip(aud_head, ["id", "name", "parent", "size", "tier", "excluded", "ignore"])]
    columns += [("Customer stages", h, f) for h, f in zip(st_head, ["id", "name", "next", "ignore"])]
    columns += [("Journeys", h, f) for h, f in zip(j_head, [
        "id", "name", "kind", "segments", "stage", "trigger", "schedule", "goal", "goal_event",
        "stop_event", "kpi", "owner", "status", "last_reviewed"])]
    columns += [("Touches", h, f) for h, f in zip(t_head, [
        "id", "scenario", "step", "timing", "condition", "next", "channel", "system", "message", "message_type"])]
    columns += [("Events & tracking", h, f) for h, f in zip(ev_head, ["id", "ignore", "source", "tracked"])]
    columns += [("Tech stack", h, f) for h, f in zip(ts_head, ["id", "name", "kind", "channel", "source", "owner"])]
    columns += [("Integrations", h, f) for h, f in zip(in_head, ["source", "system", "kind", "status"])]
    write_answers(folder, "UK marketplace: multi-sheet workbook with its own sheet names", "map.xlsx",
                  defects, lookalikes, columns)


# --------------------------------------------------------------------------
# 3. en_dtc_csv — small DTC coffee brand, Google Sheets CSV export folder
# --------------------------------------------------------------------------

DTC_PREFIX = "Ridgeline CRM map - "
DTC_HEAD = ["Audience", "List size", "Flow", "Trigger", "Step #", "Timing", "Channel", "Tool", "Condition",
            "Message / offer", "Type", "Goal", "Exit when", "KPI", "Owner", "Status", "Comments"]
DTC_FIELDS = ["segments", "size", "scenario_name", "trigger", "step", "timing", "channel", "system", "condition",
              "message", "message_type", "goal", "stop_event", "kpi", "owner", "status", "ignore"]

# block: audience, flow, trigger, goal, exit, kpi, owner, status, comments, steps
# step: timing, channel, tool, condition, message, type, comment
DTC_BLOCKS = [
    ("New subscribers (pop-up)", "Welcome series", "Joined list via pop-up",
     "First order", "Placed order", "Welcome CVR 6%", "Maya Chen", "Live", [
        ("Immediately", "Email", "Klaviyo", "", "Here's your 15% off + the story of our roastery", "Welcome", ""),
        ("Day 1", "Email", "Klaviyo", "", "Which roast are you? (quiz)", "Content", ""),
        ("Day 2", "SMS", "Klaviyo", "Has SMS consent", "Your 15% code expires in 5 days ☕", "Promo", ""),
        ("Day 3", "E-mail", "Klaviyo", "", "How we source: meet the farmers in Huila", "Content", ""),
        ("Day 5", "Email", "Klaviyo", "", "Brew guide: V60 vs French press vs AeroPress", "Content", ""),
        ("Day 6", "Email", "Klaviyo", "", "Reviews from 4,000+ coffee nerds", "Social proof", ""),
        ("Day 7", "Email", "Klaviyo", "", "Last call: 15% ends at midnight", "Promo", "Jake wants to test day 10"),
    ]),
    ("Checkout abandoners", "Abandoned checkout", "Started checkout",
     "Recover the order", "Placed order", "Recovery 10%", "Jake Ortiz", "Live", [
        ("1 hour", "Email", "Klaviyo", "", "Forgot something? Your beans are still in the cart", "Reminder", ""),
        ("4 hours", "SMS", "Klaviyo", "If email not opened", "Your cart's waiting — free shipping over $40 {link}", "Reminder", "same Klaviyo flow, conditional split"),
    ]),
    ("First-time buyers", "Post-purchase cross-sell", "Placed order (1st)",
     "", "", "Subscription take-up 8%", "Jake Ortiz", "Live", [
        ("Day 3 after delivery", "Email", "Klaviyo", "", "How to brew your first bag", "Content", ""),
        ("Day 12", "SMS", "Klaviyo", "Has SMS consent", "Never run out: subscribe & save 15% {link}", "Promo", ""),
    ]),
    ("Active subscribers", "Subscription renewal reminder", "Renewal in 3 days (Recharge)",
     "Renewal goes through without a skip", "Renewal charged", "Skip rate < 12%", "Maya Chen", "Live", [
        ("3 days before renewal", "SMS", "Klaviyo", "", "Your next bag ships Friday. Reply SKIP or SWAP", "Service", ""),
        ("1 day before renewal", "SMS", "Klaviyo", "If they didn't open the text", "Reminder: your next bag ships tomorrow", "Service", ""),
    ]),
    ("", "Subscription payment failed", "Payment failed (Recharge)",
     "Card updated", "Payment method updated", "Recovered 70%", "Maya Chen", "Live", [
        ("Immediately", "Email", "Klaviyo", "", "Your card didn't go through — update it here", "Service", ""),
        ("3 days later", "Email", "Klaviyo", "If card still not updated — resend once more (max 2 sends), then stop", "Same email, new subject line", "Service", "stops when card updated"),
    ]),
    ("Lapsed customers (120 days+)", "Win-back", "120 days since last order",
     "Order again", "Placed order", "Win-back 4%", "Jake Ortiz", "Draft", [
        ("Immediately", "Email", "Klaviyo", "", "We miss you — 20% off any bag this week", "Promo", ""),
        ("7 days later", "Email", "Klaviyo", "If no order", "Last chance for 20% off", "Promo", ""),
    ]),
    ("VIP (5+ orders)", "Limited drop early access", "",
     "Drop sells out to VIPs first", "Placed order", "VIP sell-through 40% in 24h", "Maya Chen", "Live", [
        ("Drop day −1, 9am ET", "SMS", "Klaviyo", "", "VIP early access: Ethiopia Guji natural is live {link}", "Promo", "≈ once a month"),
        ("Drop day −1, 11am ET", "Email", "Klaviyo", "If SMS not delivered", "Your VIP early access is open", "Promo", ""),
    ]),
    ("Product browsers", "Browse abandonment", "Viewed product (Klaviyo onsite)",
     "Add to cart", "Added to cart", "", "Jake Ortiz", "Idea", []),
    ("Email list (opted in)", "Roaster's letter (fortnightly)", "",
     "Stay top of mind", "", "Open 45%, CTR 3%", "Maya Chen", "Live", [
        ("Every other Thursday, 7am ET", "Email", "Klaviyo", "", "Notes from the roastery + what's roasting next", "Newsletter", ""),
    ]),
    ("Everyone", "Black Friday early access", "",
     "BFCM revenue", "Placed order", "$60k BFCM weekend", "Jake Ortiz", "Draft", [
        ("Nov 25, 2026 8:00 AM ET", "Email", "Klaviyo", "", "Black Friday early access: 30% off sitewide", "Promo", "send to everyone this year?"),
    ]),
    ("Everyone (incl. unsubscribed)", "Shipping updates", "Order fulfilled (Shopify)",
     "Fewer 'where is my order' tickets", "Delivered", "WISMO tickets < 5/week", "Jake Ortiz", "Live", [
        ("When fulfilled", "Email", "Shopify", "", "Your coffee is on its way + tracking", "Transactional", "Shopify notification template"),
        ("When delivered", "Email", "Shopify", "", "Delivered — brew it within 2 weeks of roast date", "Transactional", ""),
    ]),
    ("Cancelled subscribers", "", "", "", "", "", "", "", []),
    ("Wholesale / cafés", "", "", "", "", "", "", "", []),
    ("Suppressed — unsubscribed / bounced (do not contact)", "", "", "", "", "", "", "", []),
]


DTC_SIZES = {
    "New subscribers (pop-up)": "~1,800/mo", "Checkout abandoners": "~900/mo", "First-time buyers": "5,200",
    "Active subscribers": "3,100", "Lapsed customers (120 days+)": "7,800", "VIP (5+ orders)": "340",
    "Product browsers": "", "Email list (opted in)": "24,000", "Everyone": "31,000",
    "Everyone (incl. unsubscribed)": "", "Cancelled subscribers": "2,600", "Wholesale / cafés": "45",
    "Suppressed — unsubscribed / bounced (do not contact)": "4,100",
}


def build_dtc():
    folder = HERE / "en_dtc_csv"
    mapdir = folder / "map"
    mapdir.mkdir(parents=True, exist_ok=True)
    for old in mapdir.glob("*.csv"):
        old.unlink()

    rows = [DTC_HEAD]
    for b_i, (aud, flow, trig, goal, exit_, kpi, owner, status, steps) in enumerate(DTC_BLOCKS):
        if b_i and flow and aud:
            rows.append([""] * len(DTC_HEAD))          # blank row between blocks
        if not steps:
            rows.append([aud, DTC_SIZES.get(aud, ""), flow, trig, "", "", "", "", "", "", "", goal, exit_, kpi, owner, status,
                         "nothing written yet" if aud and not flow else "TODO"])
            continue
        for k, (tm, ch, tool, cond, msg, typ, com) in enumerate(steps, start=1):
            first = k == 1
            rows.append([aud if first else "", DTC_SIZES.get(aud, "") if first else "", flow if first else "", trig if first else "", str(k), tm, ch, tool,
                         cond, msg, typ, goal if first else "", exit_ if first else "",
                         kpi if first else "", owner if first else "", status if first else "", com])
    with open(mapdir / f"{DTC_PREFIX}Flows.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)

    tools = [
        ["Tool", "Used for", "Channels", "Gets data from"],
        ["Klaviyo", "All marketing email + SMS flows (conditional splits)", "Email, SMS", "Shopify, Recharge"],
        ["Shopify", "Store; order & shipping notifications", "Email", ""],
        ["Recharge", "Subscriptions & renewals (no messages, events only)", "", "Shopify"],
        ["Gorgias", "Support inbox (not automated)", "", "Shopify"],
    ]
    with open(mapdir / f"{DTC_PREFIX}Tools.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(tools)

    readme = [
        ["Ridgeline Coffee Co. — CRM map", ""],
        ["", ""],
        ["Owner", "Maya Chen (co-founder)"],
        ["Last updated", "2026-10-02"],
        ["Agency", "Steep Hill Studio (Klaviyo build)"],
        ["How to use", "One row per message. Blank Flow = nothing planned yet for that audience."],
    ]
    with open(mapdir / f"{DTC_PREFIX}Read me.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(readme)

    plan = []
    star = ["email"]   # Black Friday to Everyone (shipping updates are transactional)
    for aud, flow, _, _, _, _, _, status, steps in DTC_BLOCKS:
        if steps and aud and not aud.startswith("Everyone"):
            chans = [s[1].lower().replace("e-mail", "email") for s in steps]
            if flow == "Subscription renewal reminder":
                chans += ["email", "email"]   # payment failed flow (same audience, no label row)
            plan.append(([aud], chans + star))
    over = check_pressure("dtc", plan)
    assert set(over) == {"New subscribers (pop-up)"}, over

    flows_sheet = f"{DTC_PREFIX}Flows"
    defects = [
        ("COV001", "Cancelled subscribers", "audience row with nothing planned for it"),
        ("COV001", "Wholesale", "audience row 'Wholesale / cafés' with nothing planned for it"),
        ("COV003", "Black Friday early access",
         "promo to 'Everyone' while the list has a suppressed / do-not-contact audience"),
        ("FREQ001", "New subscribers",
         "welcome series sends 6 emails + 1 SMS in 7 days (plus Black Friday)"),
        ("INT003", "Subscription renewal reminder", "'If they didn't open the text' — SMS opens are not reported"),
        ("CNT001", "Post-purchase cross-sell", "no goal (and no exit)"),
        ("MAP005", "Browse abandonment", "flow with a trigger but no steps (status Idea)"),
    ]
    lookalikes = [
        ("COV003", "Shipping updates", "transactional shipping emails to everyone incl. unsubscribed: allowed"),
        ("INT002", "Abandoned checkout", "email → 'if email not opened' → SMS inside one Klaviyo flow"),
        ("FLOW003", "Subscription payment failed", "resend capped (max 2 sends) and stops when the card is updated"),
        ("COST001", "Limited drop early access", "SMS first, email fallback only for ~340 VIPs"),
    ]
    columns = [(flows_sheet, h, f) for h, f in zip(DTC_HEAD, DTC_FIELDS)]
    columns += [(f"{DTC_PREFIX}Tools", h, f) for h, f in
                zip(tools[0], ["id", "ignore", "channel", "source"])]
    columns += [(f"{DTC_PREFIX}Read me", "Owner", "owner"),
                (f"{DTC_PREFIX}Read me", "Last updated", "last_reviewed")]
    write_answers(folder, "DTC coffee brand: Google Sheets CSV export, wide, with audience-only rows",
                  "map", defects, lookalikes, columns)


# --------------------------------------------------------------------------
# 4. en_travel_sheets — tour operator, one sheet per journey
# --------------------------------------------------------------------------

TRAVEL_AUDIENCES = [
    ("Audience", "Approx. size", "Who's in it"),
    ("All customers", "410,000", "Anyone who booked or enquired in the last 5 years"),
    ("Enquirers", "9,800", "Asked for a quote in the last 30 days, no booking"),
    ("Known browsers", "31,000", "Logged-in website visitors who searched holidays, no booking"),
    ("Booked travellers", "22,500", "Confirmed booking, departure in the future"),
    ("Returned travellers", "6,400", "Came home in the last 60 days"),
    ("Past travellers", "88,000", "Last trip 1–3 years ago"),
    ("Lapsed travellers", "52,000", "Last trip more than 3 years ago"),
    ("VIP / Platinum", "640", "Platinum tier: 3+ trips or £25k+ lifetime"),
    ("Brochure requesters", "4,300", "Ordered a printed or digital brochure in the last 90 days"),
    ("Newsletter subscribers", "164,000", "Opted in to the weekly deals email"),
    ("Groups & weddings", "1,150", "Group / destination-wedding enquiries (10+ travellers)"),
    ("Do not contact", "18,400", "Marketing opt-outs, legal holds, deceased — service messages only"),
]

# (sheet, head dict, steps) ; step = (when, channel, sent from, only if, message, type)
SF, TD = "SFMC", "Talkdesk"
TRAVEL_JOURNEYS = [
    ("Quote follow-up", {
        "Journey": "Quote follow-up", "Audience": "Enquirers", "Entry trigger": "Quote requested",
        "Goal": "Quote turns into a booking", "Conversion event": "Booking made",
        "Exit when": "After step 3 (end of sequence)", "KPI": "Quote→booking 14%",
        "Owner": "Rachel Dunn (Sales ops)", "Status": "Live"}, [
        ("Day 0, within 10 minutes", "Email", SF, "", "Your personalised quote + what's included", "Service"),
        ("Day 3, 11:00", "SMS", SF, "No booking yet", "Altamira: your quote for {destination} is held until {date}. Questions? Call 0330 …", "Service"),
        ("Day 6, 09:00", "Email", SF, "No booking yet", "Your quote expires in 24 hours — price guarantee inside", "Sales"),
    ]),
    ("Abandoned search", {
        "Journey": "Abandoned search", "Audience": "Known browsers", "Entry trigger": "Searched holidays, no booking within 2h",
        "Goal": "Booking", "Conversion event": "Booking made", "Exit when": "Booking made",
        "KPI": "Search→booking 1.5%", "Owner": "Oliver Grant (CRM)", "Status": "Live"}, [
        ("2 hours later", "Email", SF, "", "Still dreaming of {destination}? Prices for your dates", "Reminder"),
        ("Next day, 19:00", "Email", SF, "No booking yet", "3 hotels our experts love in {destination}", "Content"),
    ]),
    ("Travel docs & flights", {
        "Journey": "Travel documents & flight updates", "Audience": "Booked travellers; Do not contact",
        "Entry trigger": "Booking confirmed", "Goal": "Customer travels with all documents, no service calls",
        "Conversion event": "Trip completed", "Exit when": "Booking cancelled or trip completed",
        "KPI": "Doc-related calls < 2% of bookings", "Owner": "Sofia Ricci (Customer Service)", "Status": "Live"}, [
        ("Immediately", "Email", SF, "", "Booking confirmation & ATOL certificate", "Transactional"),
        ("10 days before departure", "Email", SF, "", "Your e-tickets, transfers and hotel vouchers", "Transactional"),
        ("2 days before departure", "SMS", SF, "", "Flight {flight_no} departs {time}. Check in online now.", "Transactional"),
    ]),
    ("Pre-departure countdown", {
        "Journey": "Pre-departure: countdown", "Audience": "Booked travellers",
        "Entry trigger": "14 days before departure", "Goal": "Customer arrives prepared (fewer calls)",
        "Conversion event": "Online check-in done", "Exit when": "Online check-in done",
        "KPI": "Online check-in 85%", "Owner": "Sofia Ricci (Customer Service)", "Status": "Live"}, [
        ("14 days before departure", "Email", SF, "", "Countdown: weather, packing list, local tips", "Content"),
        ("3 days before departure", "Push", SF, "Has the app", "Online check-in is open", "Service"),
    ]),
    ("Pre-departure extras", {
        "Journey": "Pre-departure: extras upsell", "Audience": "Booked travellers",
        "Entry trigger": "14 days before departure", "Goal": "Extras sold (seats, transfers, excursions)",
        "Conversion event": "Extra purchased", "Exit when": "Extra purchased",
        "KPI": "Extras revenue £38 per booking", "Owner": "Rachel Dunn (Sales ops)", "Status": "Live"}, [
        ("14 days before departure", "Email", SF, "", "Upgrade your trip: private transfer, lounge, excursions", "Promo"),
        ("7 days before departure", "Email", SF, "No extras bought", "Last chance to pre-book excursions (save 15%)", "Promo"),
    ]),
    ("Balance reminder", {
        "Journey": "Balance payment reminder", "Audience": "Booked travellers",
        "Entry trigger": "Balance due in 14 days", "Goal": "Balance paid on time",
        "Conversion event": "Balance paid", "Exit when": "Balance paid",
        "KPI": "On-time balance 97%", "Owner": "Sofia Ricci (Customer Service)", "Status": "Live"}, [
        ("14 days before due date", "Email", SF, "", "Your balance of £{amount} is due on {date}", "Service"),
        ("Every 3 days after", "Email", SF, "Balance not paid — repeat max 3 times", "Reminder: balance due {date}", "Service"),
    ]),
    ("Welcome home", {
        "Journey": "Welcome home", "Audience": "Returned travellers", "Entry trigger": "Trip completed",
        "Goal": "Review + next booking", "Conversion event": "Review submitted", "Exit when": "Review submitted",
        "KPI": "Review rate 20%", "Owner": "Oliver Grant (CRM)", "Status": "Live"}, [
        ("2 days after return", "Email", SF, "", "Welcome home! How was {destination}? (2-minute review)", "Service"),
        ("10 days after return", "Email", SF, "No review yet", "Your next trip: 5% returning-guest discount", "Promo"),
    ]),
    ("Rebook past guests", {
        "Journey": "Rebook past guests", "Audience": "Past travellers",
        "Entry trigger": "Anniversary of last trip", "Goal": "Rebooking",
        "Conversion event": "Booking made", "Exit when": "Booking made",
        "KPI": "Anniversary rebook 2%", "Owner": "Oliver Grant (CRM)", "Status": "Live"}, [
        ("On the anniversary, 09:00", "Email", SF, "", "A year ago you were in {destination} — where next?", "Promo"),
        ("7 days later", "Email", SF, "No booking yet", "Ideas like {destination}, hand-picked", "Content"),
    ]),
    ("Lapsed win-back", {
        "Journey": "Lapsed win-back", "Audience": "Lapsed travellers",
        "Entry trigger": "3 years since last trip", "Goal": "Booking",
        "Conversion event": "Booking made", "Exit when": "Booking made",
        "KPI": "Win-back 1%", "Owner": "Rachel Dunn (Sales ops)", "Status": "Live"}, [
        ("Immediately", "Email", SF, "", "It's been a while — 40 new destinations since your last trip", "Content"),
        ("3 days later", "Email", SF, "", "£100 off your next holiday, this month only", "Promo"),
        ("7 days later", "Phone call", TD, "No booking yet", "Sales team call: offer a quote on last destination", ""),
    ]),
    ("Platinum welcome", {
        "Journey": "Platinum welcome", "Audience": "VIP / Platinum",
        "Entry trigger": "Upgraded to Platinum", "Goal": "Next booking via personal travel manager",
        "Conversion event": "Booking made", "Exit when": "Booking made",
        "KPI": "Platinum rebook 30% / 12m", "Owner": "James Whitaker (Platinum desk)", "Status": "Live"}, [
        ("Within 2 working days", "Phone call", TD, "", "Personal travel manager introduces themselves", "Loyalty"),
        ("Next day", "Email", SF, "", "Your Platinum benefits: lounge, upgrades, 24/7 line", "Loyalty"),
    ]),
    ("Brochure request", {
        "Journey": "Brochure request", "Audience": "Brochure requesters",
        "Entry trigger": "Brochure requested", "Goal": "Quote request",
        "Conversion event": "Quote requested", "Exit when": "Quote requested",
        "KPI": "Brochure→quote 6%", "Owner": "", "Status": "Live"}, [
        ("Immediately", "Email", SF, "", "Your digital brochure (print copy on its way)", "Content"),
        ("5 days later", "Email", SF, "No quote yet", "Which page made you dream? Get a quote in 2 minutes", "Sales"),
    ]),
    ("Summer sale 2027", {
        "Journey": "Summer sale launch", "Audience": "All customers",
        "Schedule": "Tue 5 Jan 2027, 07:00 (one-off)", "Goal": "Sale bookings",
        "Conversion event": "Booking made", "Exit when": "Booking made",
        "KPI": "£2.4m booked in sale week", "Owner": "Oliver Grant (CRM)", "Status": "Draft"}, [
        ("Tue 5 Jan 07:00", "Email", SF, "", "Summer 2027 sale: up to £500 off + low deposits", "Promo"),
    ]),
    ("T&Cs update", {
        "Journey": "Booking conditions update", "Audience": "All customers",
        "Schedule": "Mon 1 Feb 2027, 10:00 (one-off, legal)", "Goal": "Every customer informed of the new booking conditions",
        "Conversion event": "", "Exit when": "",
        "KPI": "Delivered ≥ 98%", "Owner": "Sofia Ricci (Customer Service)", "Status": "Draft"}, [
        ("Mon 1 Feb 10:00", "Email", SF, "", "Changes to our booking conditions from 1 March 2027", "Service"),
    ]),
    ("Weekly deals", {
        "Journey": "Weekly deals newsletter", "Audience": "Newsletter subscribers",
        "Schedule": "Every Friday, 08:00", "Goal": "Sessions & enquiries",
        "Conversion event": "Quote requested", "Exit when": "",
        "KPI": "CTR 3%, unsubscribe < 0.15%", "Owner": "Oliver Grant (CRM)", "Status": "Live"}, [
        ("Friday 08:00", "Email", SF, "", "This week's best deals + last-minute availability", "Newsletter"),
    ]),
]

TRAVEL_STEP_HEAD = ["Step", "When", "Channel", "Sent from", "Only if", "Message", "Type"]
TRAVEL_STEP_FIELDS = ["step", "timing", "channel", "system", "condition", "message", "message_type"]
TRAVEL_KEY_FIELDS = {
    "Journey": "scenario_name", "Audience": "segments", "Entry trigger": "trigger", "Schedule": "schedule",
    "Goal": "goal", "Conversion event": "goal_event", "Exit when": "stop_event", "KPI": "kpi",
    "Owner": "owner", "Status": "status",
}


def build_travel():
    folder = HERE / "en_travel_sheets"
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Cover"
    cover = [
        ("Altamira Holidays — CRM journeys", None),
        (None, None),
        ("Prepared by", "Oliver Grant, CRM Manager"),
        ("Last reviewed", "2 Oct 2026"),
        ("Version", "2026.3"),
        ("How to read", "One tab per journey. Top block = journey card, table = messages in order."),
    ]
    for i, (k, v) in enumerate(cover, start=1):
        ws.cell(row=i, column=1, value=k).font = TITLE if i == 1 else BOLD
        ws.cell(row=i, column=2, value=v)
    widths(ws, [18, 80])
    ws = wb.create_sheet("Audiences")
    for i, row in enumerate(TRAVEL_AUDIENCES, start=1):
        for j, v in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=v)
    style_header(ws, 1, 3)
    widths(ws, [26, 14, 64])

    for sheet, head, steps in TRAVEL_JOURNEYS:
        sh = wb.create_sheet(sheet)
        r = 1
        for k, v in head.items():
            sh.cell(row=r, column=1, value=k).font = BOLD
            sh.cell(row=r, column=2, value=v if v else None)
            r += 1
        r += 1
        for j, h in enumerate(TRAVEL_STEP_HEAD, start=1):
            sh.cell(row=r, column=j, value=h)
        style_header(sh, r, len(TRAVEL_STEP_HEAD))
        for k, st in enumerate(steps, start=1):
            sh.cell(row=r + k, column=1, value=k)
            for j, v in enumerate(st, start=2):
                sh.cell(row=r + k, column=j, value=v if v else None)
        widths(sh, [18, 26, 12, 10, 30, 60, 13])
    wb.save(folder / "map.xlsx")

    plan = []
    for sheet, head, steps in TRAVEL_JOURNEYS:
        auds = [a.strip() for a in head["Audience"].split(";")]
        chans = [{"Email": "email", "SMS": "sms", "Push": "push", "Phone call": "call"}[s[1]] for s in steps]
        if sheet == "Balance reminder":
            chans += ["email", "email"]   # up to 3 repeats
        if head["Audience"] == "All customers" and sheet != "T&Cs update":   # a one-off legal notice adds no weekly pressure
            auds = [a[0] for a in TRAVEL_AUDIENCES[1:]]
        plan.append((auds, chans))
    over = check_pressure("travel", plan)
    assert set(over) == {"Booked travellers"}, over

    defects = [
        ("COV001", "Groups & weddings", "audience with no journey"),
        ("COV003", "Summer sale", "promo to 'All customers' while 'Do not contact' (18,400) is part of the base"),
        ("FLOW004", "Quote follow-up",
         "conversion event 'Booking made' but exit is 'after step 3': people who booked still get the SMS and the expiry email"),
        ("COST002", "Lapsed win-back", "sales call to 52,000 lapsed (ordinary) travellers"),
        ("GOV003", "Brochure request", "live journey, Owner left blank"),
        ("FREQ001", "Booked travellers",
         "4 journeys on booked travellers: up to ~8 emails + SMS + push in the two weeks before departure"),
        ("FREQ002", "Pre-departure",
         "countdown and extras upsell both start '14 days before departure' for Booked travellers"),
    ]
    lookalikes = [
        ("COV003", "Travel documents", "booking / flight messages to 'Do not contact' are service messages: allowed"),
        ("FLOW004", "Travel documents",
         "exit is 'Booking cancelled or trip completed' — it does stop on its conversion event"),
        ("COST002", "Platinum welcome", "personal travel manager call to 640 VIP / Platinum customers"),
        ("FLOW003", "Balance payment reminder", "repeat capped at 3 times and exits on 'Balance paid'"),
    ]
    columns = [("Cover", "Prepared by", "owner"), ("Cover", "Last reviewed", "last_reviewed"),
               ("Audiences", "Audience", "name"), ("Audiences", "Approx. size", "size"),
               ("Audiences", "Who's in it", "ignore")]
    for sheet, head, _ in TRAVEL_JOURNEYS:
        for k in head:
            columns.append((sheet, k, TRAVEL_KEY_FIELDS[k]))
        for h, f in zip(TRAVEL_STEP_HEAD, TRAVEL_STEP_FIELDS):
            columns.append((sheet, h, f))
    write_answers(folder, "Tour operator: one sheet per journey with a key-value head", "map.xlsx",
                  defects, lookalikes, columns)


if __name__ == "__main__":
    build_saas()
    build_marketplace()
    build_dtc()
    build_travel()
    print("built:", ", ".join(p.name for p in sorted(HERE.glob("en_*")) if p.is_dir()))
