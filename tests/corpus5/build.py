"""Generator for corpus5: four client-style communication maps with answer keys.

Run:  . /work/main/.venv/bin/activate && python tests/corpus5/build.py
Writes one folder per map (map file(s) + answers.toml).
"""
import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-28"
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def sheet(wb, title, header, rows, start_row=1, widths=None):
    ws = wb.create_sheet(title)
    for c, h in enumerate(header, 1):
        cell = ws.cell(row=start_row, column=c, value=h)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP
    for r, row in enumerate(rows, start_row + 1):
        for c, v in enumerate(row, 1):
            if v is not None and v != "":
                ws.cell(row=r, column=c, value=v).alignment = WRAP
    for i in range(len(header)):
        ws.column_dimensions[chr(65 + i) if i < 26 else "A" + chr(65 + i - 26)].width = (widths or {}).get(i, 18)
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    return ws


def toml_str(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_answers(folder, title, mapname, lang, defects, lookalikes, columns):
    out = [f"title = {toml_str(title)}", f"map = {toml_str(mapname)}", f"lang = {toml_str(lang)}",
           f"today = {toml_str(TODAY)}", ""]
    for kind, items in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in items:
            out += [f"[[{kind}]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                    f"why = {toml_str(why)}", ""]
    for sh, header, field in columns:
        out += ["[[column]]", f"sheet = {toml_str(sh)}", f"header = {toml_str(header)}",
                f"field = {toml_str(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def cols(sheet_name, header, fields):
    assert len(header) == len(fields), (sheet_name, header, fields)
    return [(sheet_name, h, f) for h, f in zip(header, fields)]


# ---------------------------------------------------------------------------
# Map A (EN): Pawprint Pantry — pet-food subscription, agency deliverable,
# Flows sheet + Messages sheet joined by a flow code.
# ---------------------------------------------------------------------------
def map_pawprint():
    folder = HERE / "pawprint_pantry"
    folder.mkdir(exist_ok=True)
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    for r, (a, b) in enumerate([
        ("Pawprint Pantry — CRM communication map", None),
        ("Prepared by", "Northlight CRM Studio (agency)"),
        ("Client contact", "Maya Okafor, Head of Retention"),
        ("Version", "v3.1 — after Q3 workshop"),
        ("Last updated", "2026-10-21"),
        ("How to read this file",
         "Audiences and the journey are on their own tabs. Every flow has a code (PP-xx); "
         "the Messages tab lists each message of a flow in order, joined by that code."),
        ("Open questions", "Food-running-low prediction model — data team says Q1 2027."),
    ], 1):
        cover.cell(row=r, column=1, value=a).font = BOLD
        if b:
            cover.cell(row=r, column=2, value=b).alignment = WRAP
    cover["A1"].font = Font(bold=True, size=16)
    cover.column_dimensions["A"].width = 26
    cover.column_dimensions["B"].width = 90

    legend = wb.create_sheet("Legend")
    for r, (a, b) in enumerate([
        ("Status", None), ("🟢 live", "running in production"), ("🟡 in design", "approved, being built"),
        ("🔴 off", "switched off, kept for reference"), (None, None),
        ("Content type", None), ("Promo", "discount or offer"), ("Info", "how-to, product info"),
        ("Content", "editorial, tips, stories"), ("Service", "account, billing, delivery"),
        (None, None), ("Timing", "Day 0 = the day the flow starts; '@ 9am' = local time of the customer"),
    ], 1):
        if a:
            legend.cell(row=r, column=1, value=a).font = BOLD if b is None else Font()
        if b:
            legend.cell(row=r, column=2, value=b)
    legend.column_dimensions["A"].width = 20
    legend.column_dimensions["B"].width = 70

    aud_h = ["Audience", "Sits inside (parent audience)", "Approx. size (customers)", "Value tier",
             "Do not market (suppression)", "How we define it"]
    aud = [
        ["New subscribers", "", 3200, "standard", "no", "First order within the last 30 days"],
        ["Active subscribers", "", 31000, "standard", "no", "Subscription active, past the first 30 days"],
        ["Senior dogs (7+)", "Active subscribers", 5200, "standard", "no", "Pet profile age 7+; gets everything Active gets"],
        ["Multi-pet households", "", 6400, "high", "no", "Two or more pet profiles, avg basket x2.3"],
        ["Paused subscriptions", "", 2900, "standard", "no", "Subscription paused by the customer"],
        ["Lapsed (cancelled 60+ days)", "", 8100, "standard", "no", "Cancelled at least 60 days ago"],
        ["Breeders (trade accounts)", "", 180, "high", "no", "Kennels and breeders on trade pricing"],
        ["Hard bounces & unsubscribes", "", 2300, "", "yes", "Never send marketing"],
    ]
    sheet(wb, "Audiences", aud_h, aud, widths={0: 30, 1: 24, 5: 44})

    jr_h = ["Journey stage", "What the customer is doing", "Moves on to (next stage)"]
    jr = [
        ["Trial box", "Ordered the discounted trial box", "First subscription"],
        ["First subscription", "First paid boxes, learning the routine", "Routine"],
        ["Routine", "Boxes arrive every 4 weeks", "Loyal pack member; Paused; Lapsed"],
        ["Paused", "Skipped or paused deliveries", ""],
        ["Lapsed", "Cancelled", "Routine"],
        ["Loyal pack member", "12+ months, refers friends", "Routine"],
    ]
    sheet(wb, "Journey", jr_h, jr, widths={0: 22, 1: 40, 2: 36})

    fl_h = ["Flow code", "Flow name", "Type (trigger / regular / service)", "Audience", "Journey stage",
            "Starts when… (trigger event or schedule)", "Goal", "Goal event (conversion)",
            "Exit when (stop)", "KPI (target)", "Owner", "Status", "Last reviewed"]
    fl = [
        ["PP-01", "Trial onboarding", "trigger", "New subscribers", "Trial box", "Trial box ordered",
         "Turn the trial into a paid subscription", "Subscription started", "Subscription started",
         "Trial → paid 35%", "Maya O.", "🟢 live", "2026-09-30"],
        ["PP-02", "Subscription confirmation", "service", "New subscribers", "First subscription",
         "Subscription started", "Customer knows what is coming and when", "Box delivered", "Box delivered",
         "Where-is-my-order tickets < 3%", "Tom (CX)", "🟢 live", "2026-09-30"],
        ["PP-03", "First box feedback", "trigger", "New subscribers", "First subscription", "Box delivered",
         "Hear how the first box went", "Feedback submitted", "Feedback submitted",
         "Feedback rate 20%", "Tom (CX)", "🟢 live", "2026-10-02"],
        ["PP-04", "Treats add-on cross-sell", "trigger", "Active subscribers", "Routine", "Box delivered",
         "Add treats to the next box", "Add-on added", "Add-on added", "Add-on attach rate 8%",
         "Maya O.", "🟢 live", "2026-10-02"],
        ["PP-05", "Payment failed", "service", "Active subscribers", "Routine", "Payment failed",
         "Recover the payment before the next box", "Payment updated", "Payment updated",
         "Recovered 70% within 5 days", "Tom (CX)", "🟢 live", "2026-10-15"],
        ["PP-06", "Pause save", "trigger", "Paused subscriptions", "Paused", "Subscription paused",
         "Get them to resume", "Subscription resumed", "", "Resume rate 25%", "Maya O.", "🟢 live",
         "2026-10-15"],
        ["PP-07", "Win-back", "trigger", "Lapsed (cancelled 60+ days)", "Lapsed",
         "Subscription cancelled 60 days ago", "Re-subscribe", "Subscription started",
         "Subscription started", "Win-back 6%", "Maya O.", "🟢 live", "2026-10-15"],
        ["PP-08", "Multi-pet nutrition check-in", "trigger", "Multi-pet households", "Loyal pack member",
         "Third pet profile added", "Book a free nutrition consult", "Consult booked", "Consult booked",
         "Consult booking 15%", "Priya (Nutrition)", "🟢 live", "2026-10-20"],
        ["PP-09", "The Food Bowl newsletter", "regular", "Active subscribers; Multi-pet households", "Routine",
         "First Thursday of the month, 10:00", "Keep the brand useful between boxes", "Newsletter clicked",
         "Newsletter clicked", "CTR 3%", "Maya O.", "🟢 live", "2026-10-20"],
        ["PP-10", "Give a bowl, get a bowl (referral)", "trigger", "Multi-pet households", "Loyal pack member",
         "Fifth box delivered", "Referrals from happy customers", "Referral sent", "Referral sent",
         "Referral rate 4%", "", "🟡 in design", "2026-11-02"],
        ["PP-11", "Running low nudge", "trigger", "Active subscribers", "Routine", "Food running low (predicted)",
         "Top up before the bowl is empty", "Top-up ordered", "Top-up ordered", "Top-up rate 10%",
         "Maya O.", "🟢 live", "2026-11-02"],
    ]
    sheet(wb, "Flows", fl_h, fl, widths={1: 30, 3: 28, 5: 32, 6: 32, 9: 24})

    ms_h = ["Flow code", "Step #", "Send (channel action)", "Timing", "Only if… (condition)",
            "Message / subject line", "Content type", "Sent from"]
    ms = [
        ["PP-01", 1, "Send email", "Day 0", "", "Your trial box is on its way 🐾", "Info", "Klaviyo"],
        ["PP-01", 2, "Send push", "Day 3 @ 9am", "", "How is your pup liking it?", "Content", "Klaviyo"],
        ["PP-01", 3, "Send email", "Day 6 @ 9am", "", "Lock in 15% off your first subscription", "Promo", "Klaviyo"],
        ["PP-02", 1, "Send email", "Day 0", "", "You're subscribed — here's your delivery plan", "Service", "Klaviyo"],
        ["PP-02", 2, "Send SMS", "On dispatch day @ 8am", "", "Your box ships today, track it here", "Service", "Twilio"],
        ["PP-03", 1, "Send push", "Day 1 @ 6pm", "", "How did the first box go? 2 quick taps", "Content", "Klaviyo"],
        ["PP-04", 1, "Send push", "Day 2 @ 12pm", "", "Treats that go with her food", "Promo", "Klaviyo"],
        ["PP-05", 1, "Send email", "Day 0", "", "Your payment didn't go through", "Service", "Klaviyo"],
        ["PP-05", 2, "Send SMS", "Day 1 @ 10am", "Only if they didn't open the email",
         "Update your card so the next box ships", "Service", "Twilio"],
        ["PP-06", 1, "Send email", "Day 1", "", "Everything ok? Change the recipe or the frequency instead", "Content", "Klaviyo"],
        ["PP-06", 2, "Send email", "Day 14 @ 9am", "", "Resume now and get a free treat pouch", "Promo", "Klaviyo"],
        ["PP-06", 3, "Send push", "Day 21 @ 9am", "", "Tip: switch to a smaller bag instead of pausing", "Info", "Klaviyo"],
        ["PP-07", 1, "Send email", "Day 0", "", "What's new since you left: 3 new recipes", "Content", "Klaviyo"],
        ["PP-07", 2, "Send SMS", "Day 5 @ 11am", "Only if the email was not clicked",
         "20% off your comeback box — ends Friday", "Promo", "Klaviyo"],
        ["PP-07", 3, "Create call task", "Day 10", "", "Call: ask why they left, note feedback", "Info", "HubSpot"],
        ["PP-08", 1, "Send email", "Day 0", "", "Three pets, one plan — a free consult with our nutritionist", "Info", "Klaviyo"],
        ["PP-08", 2, "Create call task", "Day 2", "", "Call to book the nutrition consult", "Info", "HubSpot"],
        ["PP-09", 1, "Send email", "Monthly", "", "The Food Bowl: recipes, tips and pet of the month", "Content", "Klaviyo"],
        ["PP-10", 1, "Send email", "Day 1", "", "Give a bowl, get a bowl", "Promo", "Klaviyo"],
        ["PP-11", 1, "Send push", "Day 0 @ 5pm", "", "Running low? Top up in one tap", "Service", "Klaviyo"],
        ["PP-11", 2, "Send email", "Day 2 @ 9am", "Only if the push wasn't opened",
         "Don't let the bowl go empty", "Service", "Klaviyo"],
    ]
    sheet(wb, "Messages", ms_h, ms, widths={2: 18, 3: 20, 4: 34, 5: 52})

    ev_h = ["Event", "What it means", "Tracked today?", "Notes"]
    ev = [
        ["Trial box ordered", "Checkout of the trial SKU", "✅", ""],
        ["Subscription started", "First paid subscription order", "✅", ""],
        ["Box delivered", "Carrier marks delivered", "✅", "carrier webhook"],
        ["Feedback submitted", "Survey answered", "✅", ""],
        ["Add-on added", "Treats/extras added to next box", "✅", ""],
        ["Payment failed", "Card declined on renewal", "✅", ""],
        ["Payment updated", "New card saved", "✅", ""],
        ["Subscription paused", "Paused in the account", "✅", ""],
        ["Subscription resumed", "Pause ended by the customer", "✅", ""],
        ["Subscription cancelled 60 days ago", "Computed daily", "✅", ""],
        ["Third pet profile added", "Pet profile #3 created", "✅", ""],
        ["Consult booked", "Calendly booking", "✅", ""],
        ["Newsletter clicked", "Any click in the newsletter", "✅", ""],
        ["Fifth box delivered", "Computed from deliveries", "✅", ""],
        ["Referral sent", "Referral link shared", "✅", ""],
        ["Food running low (predicted)", "Predicted < 5 days of food left", "❌",
         "needs the consumption model — not built yet"],
        ["Top-up ordered", "One-off extra bag ordered", "✅", ""],
    ]
    sheet(wb, "Events & tracking", ev_h, ev, widths={0: 34, 1: 36, 3: 40})

    tl_h = ["Tool", "What it is", "Sends (channels)"]
    tl = [
        ["Klaviyo", "Email & marketing automation", "Email, SMS, Push"],
        ["Twilio", "SMS gateway (billing notifications)", "SMS"],
        ["HubSpot", "Sales CRM", "Call tasks"],
    ]
    sheet(wb, "Tools", tl_h, tl, widths={1: 36, 2: 24})
    wb.save(folder / "map.xlsx")

    columns = (
        cols("Audiences", aud_h, ["name", "parent", "size", "tier", "excluded", "ignore"])
        + cols("Journey", jr_h, ["name", "ignore", "next"])
        + cols("Flows", fl_h, ["scenario", "scenario_name", "kind", "segments", "stage", "trigger", "goal",
                                "goal_event", "stop_event", "kpi", "owner", "status", "last_reviewed"])
        + cols("Messages", ms_h, ["scenario", "step", "channel", "timing", "condition", "message",
                                   "message_type", "system"])
        + cols("Events & tracking", ev_h, ["name", "ignore", "tracked", "ignore"])
        + cols("Tools", tl_h, ["name", "kind", "channel"])
    )
    write_answers(
        folder, "Pawprint Pantry — pet-food subscription (agency deliverable, Flows + Messages)",
        "map.xlsx", "en",
        [
            ("COV001", "Breeders", "Breeders (trade accounts) is a live, high-value audience that no flow targets."),
            ("FLOW001", "Paused", "Journey stage Paused is not final but has no next stage (resume or lapse missing)."),
            ("FLOW004", "Pause save", "PP-06 has goal event Subscription resumed but no exit: customers who resumed still get the Day 14 promo and Day 21 push."),
            ("INT002", "Payment failed", "PP-05 step 2 SMS is sent from Twilio on 'didn't open the email' — opens are known to Klaviyo only and the map states no link between them."),
            ("COST002", "Win-back", "PP-07 step 3 creates call tasks for Lapsed (8,100 customers, standard tier)."),
            ("TRK002", "Food running low", "PP-11 is live but its trigger Food running low (predicted) is not tracked (model not built)."),
        ],
        [
            ("COV001", "Senior dogs", "Senior dogs (7+) has no flow of its own but sits inside Active subscribers, which is targeted."),
            ("COST002", "Multi-pet", "PP-08 call task targets Multi-pet households, tier high — calls are fine for a high-value audience."),
            ("FREQ002", "Box delivered", "PP-03 and PP-04 both fire on Box delivered, but for different audiences (New vs Active subscribers)."),
            ("GOV003", "Give a bowl", "PP-10 has no owner, but it is in design, not live."),
        ],
        columns,
    )


# ---------------------------------------------------------------------------
# Map B (EN): Stagepass — concert ticketing, CSV folder, one-row-per-step
# trigger map with status in colour words.
# ---------------------------------------------------------------------------
def map_stagepass():
    folder = HERE / "stagepass"
    mapdir = folder / "map"
    mapdir.mkdir(parents=True, exist_ok=True)

    def wcsv(name, header, rows):
        with open(mapdir / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)

    aud_h = ["Audience", "Part of", "Size", "Tier", "Suppressed?"]
    aud = [
        ["Gig-goers (bought in last 12 months)", "", "95000", "standard", ""],
        ["Browsers (registered, never bought)", "", "210000", "standard", ""],
        ["Artist followers", "", "140000", "standard", ""],
        ["Lapsed fans (no ticket 18+ months)", "", "60000", "standard", ""],
        ["Premium members", "", "8000", "high", ""],
        ["Do-not-contact", "", "12000", "", "Y"],
    ]
    wcsv("audiences", aud_h, aud)

    st_h = ["Stage", "Next stage(s)", "Notes"]
    st = [
        ["Discover", "Consider", "hears about a show"],
        ["Consider", "Buy", "presale, cart, picks"],
        ["Buy", "Attend", "order paid"],
        ["Attend", "Share & rebuy", "show day"],
        ["Share & rebuy", "Consider", "reviews, next gig"],
    ]
    wcsv("stages", st_h, st)

    ch_h = ["Channel", "Cost per message (GBP)", "What it reports back"]
    ch = [
        ["Email", "0.001", "delivered, opened, clicked"],
        ["Push (app)", "0", "delivered, opened"],
        ["Web push", "0", "delivered, clicked"],
        ["SMS", "0.045", "delivered only"],
        ["WhatsApp", "0.03", "delivered, read"],
    ]
    wcsv("channels", ch_h, ch)

    ev_h = ["Event", "Description", "Tracked (Y/N)"]
    ev = [
        ["artist_announced", "An artist the fan follows announces a show", "Y"],
        ["presale_registered", "Fan signed up for a presale", "Y"],
        ["member_presale_opened", "Premium presale window opens", "Y"],
        ["cart_abandoned", "Tickets in the basket, no payment for 30 min", "Y"],
        ["order_paid", "Ticket order paid", "Y"],
        ["tickets_downloaded", "Tickets added to wallet or downloaded", "Y"],
        ["show_tomorrow", "Scheduler: the show is tomorrow", "Y"],
        ["ticket_scanned", "Ticket scanned at the door", "Y"],
        ["show_ended", "Show end time passed", "Y"],
        ["review_left", "Fan rated the show", "Y"],
        ["no_ticket_18_months", "No ticket bought for 18 months", "Y"],
    ]
    wcsv("events", ev_h, ev)

    pl_h = ["Platform", "Type", "Channels it sends"]
    pl = [
        ["Braze", "Customer engagement platform", "Email; Push (app); Web push; SMS"],
        ["Infobip", "Messaging gateway", "WhatsApp; SMS"],
    ]
    wcsv("platforms", pl_h, pl)

    fh = ["Scenario", "Audience", "Stage", "Fires on", "Kind", "Step", "Channel", "When", "Only if", "Then",
          "Message", "Content type", "Goal", "Success event", "Stop when", "KPI", "Owner",
          "Status (green/amber/red)", "Platform", "Last checked"]

    def sc(name, aud_, stage, fires, kind, goal, succ, stop, kpi, owner, status, checked, steps):
        rows = []
        for s in steps:
            num, chan, when, only_if, then, msg, ctype = s
            rows.append([name, aud_, stage, fires, kind, num, chan, when, only_if, then, msg, ctype, goal,
                         succ, stop, kpi, owner, status, "Braze", checked])
        return rows

    rows = []
    rows += sc("Artist announce alert", "Artist followers", "Discover", "artist_announced", "trigger",
               "", "presale_registered", "presale_registered", "Presale sign-up 12%", "Jonah", "green",
               "2026-10-12", [
                   (1, "Push (app)", "Within 1 hour", "", "", "{{artist}} just announced {{city}}!", "news"),
                   (2, "Email", "Same day 6pm", "if push not opened", "", "{{artist}} live — get presale access", "news"),
               ])
    rows += sc("Presale reminder", "Artist followers", "Consider", "presale_registered", "trigger",
               "Buy in the presale", "order_paid", "", "Presale conversion 18%", "Jonah", "green",
               "2026-10-12", [
                   (1, "Email", "24h before presale opens", "", "2", "Your presale code is inside", "info"),
                   (2, "Push (app)", "When presale opens", "", "3", "Presale is LIVE", "promo"),
                   (3, "Email", "+2h", "if push not opened", "back to step 2 (keep nudging until they open)",
                    "Don't miss out — presale is open", "promo"),
               ])
    rows += sc("Abandoned basket", "Browsers (registered, never bought); Gig-goers (bought in last 12 months)",
               "Consider", "cart_abandoned", "trigger", "Recover the basket", "order_paid", "order_paid",
               "Recovery 9%", "Alia", "green", "2026-11-03", [
                   (1, "Email", "1 hour after", "", "2", "Your tickets are still in the basket", "info"),
                   (2, "Push (app)", "Next day 7pm", "if email not opened", "back to step 1, max 2 rounds",
                    "Seats are going fast", "promo"),
               ])
    rows += sc("Tickets & confirmation", "Gig-goers (bought in last 12 months)", "Buy", "order_paid", "service",
               "Fan has the tickets on the phone", "tickets_downloaded", "tickets_downloaded",
               "Wallet adds 85%", "Alia", "green", "2026-11-03", [
                   (1, "Email", "Immediately", "", "", "Your tickets for {{show}}", "transactional"),
                   (2, "SMS", "Immediately", "", "", "Tickets ready: {{wallet_link}}", "transactional"),
                   (3, "SMS", "Next day 10am", "if SMS not opened", "", "Reminder: your tickets are in the app", "service"),
               ])
    rows += sc("Show-day logistics", "Gig-goers (bought in last 12 months)", "Attend", "show_tomorrow", "service",
               "Smooth entry on the night", "ticket_scanned", "ticket_scanned", "Entry queries < 1%",
               "Ops desk", "green", "2026-11-03", [
                   (1, "SMS", "Day before, 10am", "", "", "Doors {{doors}}, bag policy, entry gate", "service"),
                   (2, "Email", "Day before, 12pm", "if SMS not delivered", "", "Everything you need for tomorrow", "service"),
               ])
    rows += sc("Post-show review", "Gig-goers (bought in last 12 months)", "Share & rebuy", "show_ended", "trigger",
               "Collect reviews", "review_left", "review_left", "Review rate 7%", "Jonah", "green",
               "2026-09-18", [
                   (1, "Email", "Next day 10am", "", "", "How was {{artist}}?", "content"),
                   (2, "Push (app)", "Day 3, 7pm", "if email not opened", "", "Rate last night's show", "content"),
               ])
    rows += sc("Weekly gig picks", "Gig-goers (bought in last 12 months)", "Consider",
               "Every Mon, Wed and Fri at 11:00", "regular", "Ticket sales from editorial picks", "order_paid",
               "", "Revenue per send £0.04", "Editorial team", "green", "2026-09-18", [
                   (1, "Email", "Mon/Wed/Fri 11:00", "", "", "This week's picks near you", "promo"),
               ])
    rows += sc("Lapsed fan win-back", "Lapsed fans (no ticket 18+ months)", "Consider", "no_ticket_18_months",
               "trigger", "Bring them back to a gig", "order_paid", "order_paid", "Reactivation 3%", "Alia",
               "green", "2026-11-03", [
                   (1, "Email", "Day 0", "", "", "Artists you loved are touring again", "content"),
                   (2, "Web push", "Day 4", "if email not clicked", "", "Your £10 is waiting", "promo"),
               ])
    rows += sc("Premium member presale", "Premium members", "Consider", "member_presale_opened", "trigger",
               "Members buy first", "order_paid", "order_paid", "Member presale share 30%", "Jonah", "amber",
               "2026-11-20", [
                   (1, "Push (app)", "When window opens", "", "", "Your members' presale is open", "info"),
                   (2, "Email", "+3h", "if push not opened", "", "Members first: your window closes tonight", "promo"),
               ])
    wcsv("flows", fh, rows)

    columns = (
        cols("audiences", aud_h, ["name", "parent", "size", "tier", "excluded"])
        + cols("stages", st_h, ["name", "next", "ignore"])
        + cols("channels", ch_h, ["name", "ignore", "ignore"])
        + cols("events", ev_h, ["name", "ignore", "tracked"])
        + cols("platforms", pl_h, ["name", "kind", "channel"])
        + cols("flows", fh, ["scenario_name", "segments", "stage", "trigger", "kind", "step", "channel", "timing",
                              "condition", "next", "message", "message_type", "goal", "goal_event", "stop_event",
                              "kpi", "owner", "status", "system", "last_reviewed"])
    )
    write_answers(
        folder, "Stagepass — concert ticketing (CSV folder, one row per step)", "map", "en",
        [
            ("FLOW003", "Presale reminder", "Step 3 loops back to step 2 'until they open' with no stop event and no limit — non-openers are nudged forever."),
            ("FLOW004", "Presale reminder", "Success event order_paid but the Stop when cell is empty: buyers keep getting the presale nudges."),
            ("INT003", "Tickets & confirmation", "Step 3 waits for 'SMS not opened' — SMS only reports delivery."),
            ("COST001", "Show-day logistics", "Cascade starts with SMS and falls back to email when the SMS is not delivered (expensive channel first)."),
            ("FREQ001", "Gig-goers", "Weekly picks go out Mon/Wed/Fri by email on top of the basket, ticket, review emails — far above 3 emails a week."),
            ("CNT001", "Artist announce alert", "The Goal cell is empty (only a success event is given)."),
            ("COV004", "WhatsApp", "WhatsApp is declared in channels (and Infobip sends it) but no step uses it."),
        ],
        [
            ("FLOW003", "Abandoned basket", "Loops back to step 1 but is bounded ('max 2 rounds') and stops on order_paid."),
            ("COST001", "Artist announce alert", "Push first, email as fallback — cheap to slightly dearer, not an expensive-first cascade."),
            ("COV004", "Web push", "Web push is used once (Lapsed fan win-back step 2)."),
            ("FLOW004", "Weekly gig picks", "Stop when is empty, but it is a one-email regular mailing: nothing is left to send after a purchase."),
        ],
        columns,
    )


# ---------------------------------------------------------------------------
# Map C (RU): «Дента Линия» — сеть стоматологий; реестр сценариев + по листу
# на каждый этап пути пациента; статусы словами; нет листа систем.
# ---------------------------------------------------------------------------
def map_denta():
    folder = HERE / "denta_liniya"
    folder.mkdir(exist_ok=True)
    wb = Workbook()
    cover = wb.active
    cover.title = "Обложка"
    for r, (a, b) in enumerate([
        ("Карта коммуникаций с пациентами — сеть клиник «Дента Линия»", None),
        ("Подготовил", "CRM-отдел, Е. Смирнова"),
        ("Дата актуализации", "14.04.2026"),
        ("Как читать", "Реестр сценариев — общий список с целями и KPI. Шаги каждого сценария — "
                       "на листе того этапа пути, где пациент их получает (1–5)."),
        ("Статусы", "работает / в разработке / на паузе"),
        ("Типы сообщений", "сервисное, информационное, контентное, акционное"),
    ], 1):
        cover.cell(row=r, column=1, value=a).font = BOLD
        if b:
            cover.cell(row=r, column=2, value=b).alignment = WRAP
    cover["A1"].font = Font(bold=True, size=15)
    cover.column_dimensions["A"].width = 24
    cover.column_dimensions["B"].width = 90

    seg_h = ["Сегмент", "Входит в", "Кол-во пациентов", "Ценность", "Стоп-лист (не беспокоить рекламой)"]
    seg = [
        ["Новые пациенты", "", 1900, "обычный", "нет"],
        ["Пациенты на лечении", "", 4300, "обычный", "нет"],
        ["Пациенты с имплантами", "", 1800, "VIP", "нет"],
        ["Профилактика (гигиена раз в полгода)", "", 9500, "обычный", "нет"],
        ["Спящие (нет визита 12+ мес)", "", 14000, "обычный", "нет"],
        ["Отказ от рекламы", "", 2100, "", "да"],
    ]
    sheet(wb, "Сегменты", seg_h, seg, widths={0: 38, 4: 30})

    st_h = ["Этап пути пациента", "Что происходит", "Следующий этап"]
    st = [
        ["Запись на приём", "Пациент записался онлайн или по телефону", "Первичный приём"],
        ["Первичный приём", "Осмотр, снимок, план лечения", "Лечение"],
        ["Лечение", "Визиты по плану лечения", "Профилактика"],
        ["Профилактика", "Гигиена и осмотр раз в полгода", "Лечение; Возврат"],
        ["Возврат", "Нет визита больше года", "Запись на приём"],
    ]
    sheet(wb, "Этапы пути", st_h, st, widths={0: 24, 1: 44, 2: 26})

    rg_h = ["Код", "Сценарий", "Тип (триггерный / регулярный / сервисный)", "Сегмент", "Этап",
            "Запуск (событие или расписание)", "Цель", "Целевое событие", "Остановить, если", "KPI",
            "Ответственный", "Статус", "Ревизия"]
    rg = [
        ["D01", "Подтверждение записи", "сервисный", "Новые пациенты", "Запись на приём", "Запись создана",
         "Пациент дошёл до приёма", "Визит состоялся", "Визит состоялся", "Неявки < 8%", "Администраторы (Ольга К.)",
         "работает", "12.02.2026"],
        ["D02", "Неявка на приём", "триггерный", "Новые пациенты", "Запись на приём",
         "Пациент не пришёл на приём", "Перезаписать пациента", "Запись создана", "Запись создана",
         "Перезапись 40%", "Администраторы (Ольга К.)", "работает", "12.02.2026"],
        ["D03", "План лечения после консультации", "триггерный", "Пациенты на лечении", "Первичный приём",
         "Визит состоялся", "Согласие на план лечения", "План лечения подписан", "План лечения подписан",
         "Подписание плана 55%", "Е. Смирнова", "работает", "20.03.2026"],
        ["D04", "Отзыв после визита", "триггерный", "Пациенты на лечении", "Лечение", "Визит состоялся",
         "Отзыв на картах", "Отзыв оставлен", "Отзыв оставлен", "Отзывы 6% визитов", "Е. Смирнова",
         "работает", "20.03.2026"],
        ["D05", "Памятка после первого визита", "триггерный", "Новые пациенты", "Первичный приём",
         "Визит состоялся", "Повторная запись", "Запись создана", "Запись создана", "Повторная запись 50%",
         "Е. Смирнова", "работает", "20.03.2026"],
        ["D06", "Импланты: контроль приживления", "сервисный", "Пациенты с имплантами", "Лечение",
         "Установлен имплант", "Пациент пришёл на контрольный осмотр", "Контрольный осмотр проведён",
         "Контрольный осмотр проведён", "Явка на контроль 90%", "Главврач (А. Петров)", "работает", "02.04.2026"],
        ["D07", "Напоминание о гигиене", "триггерный", "Профилактика (гигиена раз в полгода)", "Профилактика",
         "Прошло 6 месяцев с последней гигиены", "Запись на гигиену", "Запись создана", "Запись создана",
         "Запись 30%", "", "работает", "02.04.2026"],
        ["D08", "Реактивация спящих", "триггерный", "Спящие (нет визита 12+ мес)", "Возврат",
         "Нет визита 12 месяцев", "Вернуть пациента", "Запись создана", "Запись создана", "Возврат 5%",
         "Е. Смирнова", "работает", "02.04.2026"],
        ["D09", "Акции месяца", "регулярный",
         "Спящие (нет визита 12+ мес); Профилактика (гигиена раз в полгода); Отказ от рекламы", "Возврат",
         "1-го числа каждого месяца, 11:00", "Загрузка кресел в несезон", "Запись создана", "Запись создана",
         "Записи с рассылки 150/мес", "Маркетинг (И. Лебедев)", "работает", "14.04.2026"],
        ["D10", "Перенос приёма по инициативе клиники", "сервисный", "Пациенты на лечении; Отказ от рекламы",
         "Лечение", "Приём перенесён клиникой", "Пациент знает новое время", "Запись подтверждена",
         "Запись подтверждена", "Подтверждение 95%", "Администраторы (Ольга К.)", "работает", "14.04.2026"],
        ["D11", "Контрольный осмотр через год после лечения", "триггерный", "Пациенты на лечении", "Профилактика",
         "Год после завершения лечения", "Запись на осмотр", "Запись создана", "Запись создана", "Запись 35%",
         "Е. Смирнова", "в разработке", "14.04.2026"],
    ]
    sheet(wb, "Реестр сценариев", rg_h, rg, widths={1: 34, 3: 36, 5: 32, 6: 30})

    step_h = ["Код сценария", "№ шага", "Канал", "Когда", "Условие", "Текст / тема", "Тип сообщения"]
    stage_sheets = {
        "1 Запись": ("Этап 1. Запись на приём", [
            ["D01", 1, "СМС", "сразу", "", "Вы записаны к врачу {{врач}} на {{дата}} {{время}}", "сервисное"],
            ["D01", 2, "WhatsApp", "за 24 часа до приёма", "", "Напоминаем о приёме завтра. Ответьте 1 — подтвердить", "сервисное"],
            ["D02", 1, "СМС", "через 2 часа после времени приёма", "", "Не смогли прийти? Подберём удобное время", "сервисное"],
            ["D02", 2, "Email", "на 2-й день в 10:00", "", "Запишитесь заново в два клика", "информационное"],
        ]),
        "2 Первичный приём": ("Этап 2. Первичный приём", [
            ["D03", 1, "Email", "в день визита в 19:00", "", "Ваш план лечения и смета", "информационное"],
            ["D03", 2, "WhatsApp", "на 3-й день в 11:00", "", "Остались вопросы по плану? Врач ответит", "информационное"],
            ["D05", 1, "Email", "на следующий день в 12:00", "", "Как ухаживать за зубами после приёма", "контентное"],
        ]),
        "3 Лечение": ("Этап 3. Лечение", [
            ["D04", 1, "СМС", "через 3 часа после визита", "", "Оцените визит — ссылка на Яндекс Карты", "контентное"],
            ["D06", 1, "Звонок администратора", "на 3-й день", "", "Как самочувствие? Нет ли боли и отёка", "сервисное"],
            ["D06", 2, "WhatsApp", "через 14 дней", "", "Памятка: уход за имплантом", "сервисное"],
            ["D06", 3, "Email", "через 3 месяца", "", "Пора на контрольный осмотр", "сервисное"],
            ["D10", 1, "СМС", "сразу", "", "Ваш приём перенесён на {{дата}}. Подтвердите: {{ссылка}}", "сервисное"],
        ]),
        "4 Профилактика": ("Этап 4. Профилактика", [
            ["D07", 1, "СМС", "в день наступления, 10:00", "", "Полгода с последней гигиены — пора записаться", "информационное"],
            ["D07", 2, "Email", "на 7-й день в 10:00", "если не записался", "Запишитесь на гигиену онлайн", "информационное"],
        ]),
        "5 Возврат": ("Этап 5. Возврат", [
            ["D08", 1, "Email", "в день наступления", "", "Скидка 20% на гигиену до конца месяца", "акционное"],
            ["D08", 2, "СМС", "на 5-й день в 12:00", "", "−20% на гигиену, запись по ссылке", "акционное"],
            ["D08", 3, "Email", "на 12-й день", "", "Последние дни скидки 20%", "акционное"],
            ["D09", 1, "Email", "ежемесячно", "", "Акции месяца: отбеливание, гигиена, имплантация", "акционное"],
        ]),
    }
    columns = []
    for name, (title, rows) in stage_sheets.items():
        ws = sheet(wb, name, step_h, rows, start_row=3, widths={2: 22, 3: 30, 5: 50})
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=13)
        columns += cols(name, step_h, ["scenario", "step", "channel", "timing", "condition", "message",
                                       "message_type"])

    ev_h = ["Событие", "Откуда приходит", "Отслеживается"]
    ev = [
        ["Запись создана", "МИС IDENT", "да"],
        ["Запись подтверждена", "МИС IDENT", "да"],
        ["Визит состоялся", "МИС IDENT", "да"],
        ["План лечения подписан", "МИС IDENT", "да"],
        ["Отзыв оставлен", "Яндекс Бизнес (выгрузка раз в день)", "да"],
        ["Установлен имплант", "МИС IDENT", "да"],
        ["Контрольный осмотр проведён", "МИС IDENT", "да"],
        ["Приём перенесён клиникой", "МИС IDENT", "да"],
        ["Прошло 6 месяцев с последней гигиены", "расчёт в CRM", "да"],
        ["Нет визита 12 месяцев", "расчёт в CRM", "да"],
        ["Год после завершения лечения", "расчёт в CRM", "да"],
    ]
    sheet(wb, "События", ev_h, ev, widths={0: 38, 1: 36})
    wb.save(folder / "map.xlsx")

    columns = (
        cols("Сегменты", seg_h, ["name", "parent", "size", "tier", "excluded"])
        + cols("Этапы пути", st_h, ["name", "ignore", "next"])
        + cols("Реестр сценариев", rg_h, ["scenario", "scenario_name", "kind", "segments", "stage", "trigger",
                                           "goal", "goal_event", "stop_event", "kpi", "owner", "status",
                                           "last_reviewed"])
        + columns
        + cols("События", ev_h, ["name", "source", "tracked"])
    )
    write_answers(
        folder, "«Дента Линия» — сеть стоматологий (реестр + лист на каждый этап)", "map.xlsx", "ru",
        [
            ("GOV001", "2026-04-14", "Карта актуализирована 14.04.2026, последняя ревизия сценариев тоже 14.04.2026 — больше 6 месяцев до 28.11.2026."),
            ("TRK001", "Пациент не пришёл на приём", "Триггер D02 «Пациент не пришёл на приём» отсутствует в листе «События»."),
            ("FREQ002", "Визит состоялся", "D03 и D04 — оба работают, оба на событии «Визит состоялся» и для одного сегмента «Пациенты на лечении»."),
            ("COV003", "Акции месяца", "Регулярная акционная рассылка D09 включает сегмент «Отказ от рекламы» (стоп-лист)."),
            ("CNT002", "Спящие", "Сегмент «Спящие» получает только акционные сообщения (D08 + D09) — 100% промо."),
            ("MAP005", "Контрольный осмотр через год", "Сценарий D11 есть в реестре, но ни на одном листе этапа нет его шагов."),
            ("GOV003", "Напоминание о гигиене", "D07 работает, а ответственный не указан."),
        ],
        [
            ("COV003", "Перенос приёма", "D10 тоже идёт на «Отказ от рекламы», но это сервисное сообщение о переносе приёма, не реклама."),
            ("COST002", "Импланты", "Звонок администратора в D06 для 1 800 пациентов, но сегмент VIP."),
            ("FREQ002", "Памятка после первого визита", "D05 тоже срабатывает на «Визит состоялся», но для другого сегмента (Новые пациенты)."),
        ],
        columns,
    )


# ---------------------------------------------------------------------------
# Map D (RU): «Хинкальная на углу» — программа лояльности сети ресторанов;
# один большой лист со «светофором», объединёнными ячейками и каналами-действиями.
# ---------------------------------------------------------------------------
def map_khinkali():
    folder = HERE / "khinkalnaya_loyalty"
    folder.mkdir(exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Карта коммуникаций"
    ws["A1"] = "Программа лояльности «Хинкальная на углу» — карта коммуникаций с гостями"
    ws["A1"].font = Font(bold=True, size=15)
    ws["A2"] = "Обновлено: 02.10.2026 · Владелец карты: CRM-менеджер Н. Гогуа · светофор: зелёный — работает, жёлтый — в разработке, красный — выключено"
    h = ["Сценарий", "Кому (сегмент)", "Этап пути гостя", "Что запускает", "№", "Следующий шаг",
         "Действие (канал)", "Когда отправляем", "Условие", "Текст / оффер", "Тип", "Зачем (цель)",
         "Событие-цель", "Прекращаем, если", "KPI", "Ответственный", "Светофор", "Откуда шлём", "Проверено"]
    HR = 4
    for c, v in enumerate(h, 1):
        cell = ws.cell(row=HR, column=c, value=v)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP

    # scenario-level columns are written on the first row only and merged down (as in the client file)
    scen = [
        (["Welcome в программу", "Новые участники (до 30 дней)", "Регистрация в программе",
          "Регистрация в программе"],
         ["Первый визит", "Первый визит (чек в iiko)", "Первый визит (чек в iiko)", "Конверсия в 1-й визит 25%",
          "Н. Гогуа", "зелёный", "15.09.2026"],
         [(1, "2", "Пуш в приложении", "сразу", "", "Добро пожаловать! 300 бонусов уже на карте", "информационное", "Mindbox"),
          (2, "3", "Отправить письмо", "на 1-й день в 12:00", "", "Как копить и тратить бонусы", "информационное", "Mindbox"),
          (3, "конец", "Отправить SMS", "на 3-й день в 12:00", "только если не открыл письмо",
           "300 бонусов ждут вас — хинкали за наш счёт", "акционное", "Mindbox")]),
        (["Спасибо за первый визит", "Новые участники (до 30 дней)", "Первый визит", "Первый визит (чек в iiko)"],
         ["Отзыв о первом визите", "Отзыв оставлен", "Отзыв оставлен", "Отзывы 10%", "Н. Гогуа", "зелёный",
          "15.09.2026"],
         [(1, "2", "Пуш в приложении", "через 3 часа после чека", "", "Как вам у нас? Оцените визит", "контентное", "Mindbox"),
          (2, "конец", "Сообщение в Telegram", "на 2-й день в 11:00", "если не оставил отзыв",
           "Расскажите, что понравилось — это 2 минуты", "контентное", "Unisender")]),
        (["Засыпающие: вернуть за стол", "Засыпающие (60–120 дней)", "Засыпание", "Нет визита 60 дней"],
         ["Визит", "Визит (чек)", "Визит (чек)", "Возврат 12%", "А. Беридзе", "зелёный", "20.09.2026"],
         [(1, "2", "Пуш в приложении", "день 0, 12:00", "", "Скучаем! Посмотрите осеннее меню", "новостное", "Mindbox"),
          (2, "3", "Отправить письмо", "на 3-й день", "только если не открыл пуш", "Порция хинкали в подарок до воскресенья", "акционное", "Mindbox"),
          (3, "конец", "Отправить SMS", "на 7-й день в 12:00", "", "Забронируйте стол — мы вас ждём", "информационное", "Mindbox"),
          (4, "конец", "Пуш в приложении", "на 10-й день", "", "Последний день подарка!", "акционное", "Mindbox")]),
        (["Потерянные: реактивация", "Потерянные (120+ дней)", "Засыпание", "Нет визита 120 дней"],
         ["Вернуть гостя", "Визит (чек)", "", "Реактивация 4%", "А. Беридзе", "зелёный", "20.09.2026"],
         [(1, "2", "Отправить письмо", "день 0", "", "Что нового у нас: осеннее меню и новый зал", "новостное", "Mindbox"),
          (2, "3", "Отправить SMS", "на 5-й день в 12:00", "", "−20% на всё меню до конца недели", "акционное", "Mindbox"),
          (3, "конец", "Поставить задачу на звонок", "на 10-й день", "", "Позвонить: узнать, почему перестал приходить", "информационное", "amoCRM")]),
        (["День рождения", "Именинники месяца", "Регулярные визиты", "День рождения через 7 дней"],
         ["Визит в неделю ДР", "Визит (чек)", "Визит (чек)", "", "Н. Гогуа", "зелёный", "01.10.2026"],
         [(1, "2; 3", "Отправить письмо", "за 7 дней до ДР, 10:00", "", "Десерт и чача в подарок к ДР", "акционное", "Mindbox"),
          (2, "конец", "Пуш в приложении", "за 1 день до ДР", "только если открыл письмо", "Завтра ваш день — забронируйте стол", "информационное", "Mindbox"),
          (3, "конец", "Отправить SMS", "за 1 день до ДР", "только если не открыл письмо", "С наступающим! Бронь стола по ссылке", "информационное", "Mindbox")]),
        (["Сгорание бонусов", "Активные гости (визит за 60 дней)", "Регулярные визиты", "Бонусы сгорают через 14 дней"],
         ["Списание бонусов", "Бонусы списаны", "Бонусы списаны", "Списание 35%", "Н. Гогуа", "зелёный", "01.10.2026"],
         [(1, "2", "Пуш в приложении", "сразу", "", "{{бонусы}} бонусов сгорят через 14 дней", "сервисное", "Mindbox"),
          (2, "конец", "Отправить письмо", "за 3 дня до сгорания", "если бонусы не списаны", "Успейте потратить бонусы", "сервисное", "Mindbox")]),
        (["Золотая карта: личный менеджер", "Золотая карта", "Регулярные визиты", "Выдана Золотая карта"],
         ["", "Бронь через менеджера", "Бронь через менеджера", "Брони через менеджера 40%", "А. Беридзе",
          "зелёный", "01.10.2026"],
         [(1, "2", "Поставить задачу на звонок", "в течение 1 дня", "", "Знакомство с менеджером, любимый стол", "информационное", "amoCRM"),
          (2, "конец", "Отправить письмо", "на 2-й день", "", "Ваш личный менеджер и привилегии карты", "информационное", "Mindbox")]),
        (["Дайджест «Новое в меню»", "Активные гости (визит за 60 дней); Засыпающие (60–120 дней)",
          "Регулярные визиты", "каждый второй четверг, 12:00"],
         ["Узнаваемость новинок", "Клик по письму", "", "CTR 2,5%", "Маркетинг (Л. Каландадзе)", "зелёный",
          "10.10.2026"],
         [(1, "конец", "Отправить письмо", "раз в 2 недели", "", "Новое в меню: осенние хачапури", "новостное", "Unisender")]),
        (["Опрос NPS после визита", "Активные гости (визит за 60 дней)", "Регулярные визиты", "Визит (чек)"],
         ["Измерить NPS", "Ответ на опрос", "Ответ на опрос", "Ответы 8%", "", "красный", "10.10.2026"],
         [(1, "конец", "Пуш в приложении", "через 2 часа после чека", "", "Оцените нас от 0 до 10", "контентное", "Mindbox")]),
    ]
    r = HR + 1
    for head, tail, steps in scen:
        first = r
        for s in steps:
            num, nxt, chan, when, cond, text, typ, sysname = s
            vals = {5: num, 6: nxt, 7: chan, 8: when, 9: cond, 10: text, 11: typ, 18: sysname}
            for c, v in vals.items():
                if v != "":
                    ws.cell(row=r, column=c, value=v).alignment = WRAP
            r += 1
        for i, v in enumerate(head):
            if v:
                ws.cell(row=first, column=1 + i, value=v).alignment = WRAP
        for i, v in enumerate(tail[:-1]):
            col = 12 + i
            if v:
                ws.cell(row=first, column=col, value=v).alignment = WRAP
        ws.cell(row=first, column=19, value=tail[-1])
        if r - 1 > first:
            for c in list(range(1, 5)) + list(range(12, 18)) + [19]:
                ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
        colour = {"зелёный": "C6EFCE", "жёлтый": "FFEB9C", "красный": "FFC7CE"}[tail[5]]
        ws.cell(row=first, column=17).fill = PatternFill("solid", fgColor=colour)
    for i in range(len(h)):
        ws.column_dimensions[chr(65 + i)].width = {0: 28, 1: 30, 3: 28, 9: 42, 11: 24}.get(i, 16)
    ws.freeze_panes = ws.cell(row=HR + 1, column=2)

    seg_h = ["Сегмент гостей", "Размер", "Уровень", "Не отправлять (стоп)"]
    seg = [
        ["Новые участники (до 30 дней)", 6500, "базовый", ""],
        ["Активные гости (визит за 60 дней)", 38000, "базовый", ""],
        ["Засыпающие (60–120 дней)", 15000, "базовый", ""],
        ["Потерянные (120+ дней)", 27000, "базовый", ""],
        ["Именинники месяца", 4000, "базовый", ""],
        ["Золотая карта", 900, "VIP", ""],
        ["Отписались от всего", 5200, "", "да"],
    ]
    sheet(wb, "Сегменты гостей", seg_h, seg, widths={0: 36})

    st_h = ["Этап", "Куда дальше"]
    st = [
        ["Регистрация в программе", "Первый визит"],
        ["Первый визит", "Регулярные визиты"],
        ["Регулярные визиты", "Амбассадор; Засыпание"],
        ["Засыпание", "Регулярные визиты"],
        ["Амбассадор", "Регулярные визиты"],
    ]
    sheet(wb, "Путь гостя", st_h, st, widths={0: 28, 1: 32})

    ev_h = ["Событие", "Есть в данных?"]
    ev = [[e, "есть"] for e in [
        "Регистрация в программе", "Первый визит (чек в iiko)", "Визит (чек)", "Отзыв оставлен",
        "Нет визита 60 дней", "Нет визита 120 дней", "День рождения через 7 дней",
        "Бонусы сгорают через 14 дней", "Бонусы списаны", "Выдана Золотая карта", "Бронь через менеджера",
        "Клик по письму", "Ответ на опрос"]]
    sheet(wb, "События", ev_h, ev, widths={0: 34})

    pl_h = ["Платформа", "Что это", "Каналы"]
    pl = [
        ["Mindbox", "CDP и автоматизация", "Email, SMS, Пуш в приложении"],
        ["Unisender", "Email-рассылки (дайджест)", "Email"],
        ["SaleBot", "Telegram-бот", "Telegram"],
        ["amoCRM", "CRM менеджеров", "Задачи на звонок"],
    ]
    sheet(wb, "Платформы", pl_h, pl, widths={1: 28, 2: 30})

    lg = wb.create_sheet("Легенда")
    for i, (a, b) in enumerate([
        ("Светофор", "зелёный — работает, жёлтый — в разработке, красный — выключено"),
        ("Следующий шаг", "номер шага или «конец»; несколько номеров через «;» — ветки по условию"),
        ("Когда отправляем", "день 0 — день события; время — по часовому поясу ресторана"),
    ], 1):
        lg.cell(row=i, column=1, value=a).font = BOLD
        lg.cell(row=i, column=2, value=b)
    lg.column_dimensions["A"].width = 20
    lg.column_dimensions["B"].width = 80
    wb.save(folder / "map.xlsx")

    fields = ["scenario_name", "segments", "stage", "trigger", "step", "next", "channel", "timing", "condition",
              "message", "message_type", "goal", "goal_event", "stop_event", "kpi", "owner", "status", "system",
              "last_reviewed"]
    columns = (
        cols("Карта коммуникаций", h, fields)
        + cols("Сегменты гостей", seg_h, ["name", "size", "tier", "excluded"])
        + cols("Путь гостя", st_h, ["name", "next"])
        + cols("События", ev_h, ["name", "tracked"])
        + cols("Платформы", pl_h, ["name", "kind", "channel"])
    )
    write_answers(
        folder, "«Хинкальная на углу» — программа лояльности сети ресторанов (один лист, светофор)",
        "map.xlsx", "ru",
        [
            ("FLOW005", "Засыпающие: вернуть за стол", "Шаг 4 (пуш на 10-й день) недостижим: шаг 3 ведёт в «конец», на шаг 4 не ссылается ни один шаг."),
            ("FLOW004", "Потерянные: реактивация", "Событие-цель «Визит (чек)» есть, а «Прекращаем, если» пусто — вернувшийся гость получит SMS и звонок."),
            ("COST002", "Потерянные: реактивация", "Задача на звонок для сегмента «Потерянные (120+ дней)» — 27 000 гостей, базовый уровень."),
            ("INT001", "Спасибо за первый визит", "Шаг 2 «Сообщение в Telegram» отправляется из Unisender, который шлёт только email (Telegram — через SaleBot)."),
            ("COV002", "Амбассадор", "Этап «Амбассадор» есть в пути гостя, но ни один сценарий его не обслуживает."),
            ("CNT003", "День рождения", "У сценария «День рождения» не заполнен KPI."),
            ("CNT001", "Золотая карта", "У сценария «Золотая карта: личный менеджер» пустая колонка «Зачем (цель)» (указано только событие)."),
        ],
        [
            ("FLOW005", "День рождения", "Шаги 2 и 3 — ветки после шага 1 («2; 3»), оба достижимы."),
            ("COST002", "Золотая карта", "Звонок менеджера только для «Золотая карта» — 900 гостей, уровень VIP."),
            ("FLOW004", "Дайджест", "Регулярная рассылка из одного письма: «Прекращаем, если» пусто, но после цели нечего досылать."),
            ("GOV003", "Опрос NPS", "Нет ответственного, но сценарий выключен (красный)."),
        ],
        columns,
    )


if __name__ == "__main__":
    map_pawprint()
    map_stagepass()
    map_denta()
    map_khinkali()
    print("corpus5 written to", HERE)
