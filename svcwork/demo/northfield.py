"""northfield-licensing: Northfield Licensing Agency, the fictional English-language licensing agency.

About 5,000 cases; its intake form, case log and survey are in English.
"""

from __future__ import annotations

import datetime as dt

from .spec import _Kpi, _Service, _Spec
from .texts import _OBS_NOTES_EN, _VOCAB_EN, _english_comments


#: The consultant's commentary (commentary.md): the opening note and two section notes, by key and by title.
_COMMENTARY = """\
## summary

Northfield starts from a sound base: renewals, its biggest service, are largely online, and the contact
centre has already shown a lasting improvement. What holds the agency back is not effort but **hand-offs**:
a renewal waits a week for a photo check, and a premises licence file travels between Legal Services and
Licensing Operations with no one owning it.

Our recommendations put one owner on each of those journeys before any new system is bought.

## Citizen journeys and processes

The two journey maps tell the same story from different ends. Renewals fail at one late step; premises
licences fail at every step where the file changes hands. The fixes differ accordingly — a change to one
check for renewals, a change of ownership for premises licences.

## management

The action plan is in good shape overall, but several actions answer the same few findings. Before adding
actions, we suggest closing those that are done in practice and giving each open action a named owner in the
unit that will feel the result.
"""


def _northfield() -> _Spec:
    centre, desk, ops = "Contact Centre", "Customer Service Desk", "Licensing Operations"
    medical, compliance, finance = "Driver Medical Unit", "Compliance and Enforcement", "Finance"
    legal, complaints = "Legal Services", "Complaints Team"
    digital = "Digital Services"
    close, recv, reg, check, decide = "Case closed", "Application received", "Registered", "Document check", "Decision"
    reply = "Reply sent"
    y, n, p = "yes", "no", "partial"
    grant = (("Granted", 0.85), ("Refused", 0.1), ("Withdrawn", 0.05))
    services = (
        _Service("L01", "Driving licence renewal", ops, 2, 4, 5, 40000, 20, 38000, depends=("L11",),
                 channels={"web": (y, 65, y), "counter": (y, 20, y), "mail": (y, 15, n)},
                 path=((recv, ops, 0), (check, ops, 6), (decide, ops, 8), ("Licence issued", ops, 10),
                       (close, ops, 1)), check_at=1, deadline_days=21, outcomes=grant),
        _Service("L02", "Change of address", ops, 1, 3, 4, 20000, 6, 19000, depends=("L11",),
                 channels={"web": (y, 70, y), "phone": (y, 20, n), "mail": (y, 10, n)},
                 path=((recv, ops, 0), ("Record updated", ops, 4), (close, ops, 1)), rework=0.3, pingpong=0.0,
                 outcomes=(("Updated", 1.0),)),
        _Service("L03", "Vehicle registration certificate", ops, 2, 3, 3, 15000, 15, 14000,
                 channels={"web": (y, 50, y), "counter": (y, 30, y), "mail": (y, 20, n)},
                 path=((recv, ops, 0), (check, ops, 8), ("Certificate issued", ops, 12), (close, ops, 1)),
                 check_at=1, outcomes=grant),
        _Service("L04", "Taxi and private hire driver licence", ops, 4, 4, 3, 3000, 40, 2800, mandatory=True,
                 depends=("L08",),
                 channels={"counter": (y, 70, y), "web": (p, 20, n), "email": (y, 10, n)},
                 path=((recv, desk, 0), (reg, ops, 4), (check, ops, 16), ("Medical review", medical, 60),
                       ("Background check", compliance, 80), (decide, ops, 12), ("Licence issued", ops, 8),
                       (close, ops, 1)), check_at=2, deadline_days=60, pingpong=1.8, rework=1.5, outcomes=grant),
        _Service("L05", "Premises licence (alcohol)", ops, 5, 3, 2, 1500, 60, 1400, mandatory=True,
                 channels={"counter": (y, 50, y), "email": (y, 30, n), "mail": (y, 20, n)},
                 path=((recv, ops, 0), (reg, ops, 6), (check, ops, 20), ("Consultation period", ops, 120),
                       ("Legal review", legal, 40), ("Licensing hearing", legal, 80), (decide, ops, 16),
                       ("Licence issued", ops, 8), (close, ops, 1)), check_at=2, optional=(5,), deadline_days=90,
                 rework=1.6, pingpong=1.4, outcomes=grant),
        _Service("L06", "Temporary event notice", ops, 2, 3, 4, 2500, 10, 2400, depends=("L05",),
                 channels={"web": (y, 60, y), "email": (y, 30, n), "counter": (y, 10, y)},
                 path=((recv, ops, 0), (check, ops, 6), ("Notice acknowledged", ops, 4), (close, ops, 1)),
                 check_at=1, deadline_days=10, outcomes=(("Acknowledged", 0.9), ("Counter-notice", 0.1))),
        _Service("L07", "Street trading consent", compliance, 3, 2, 2, 800, 20, 700,
                 channels={"counter": (y, 60, y), "email": (y, 40, n)},
                 path=((recv, compliance, 0), (check, compliance, 16), ("Site visit", compliance, 40),
                       (decide, compliance, 12), (reply, compliance, 4), (close, compliance, 1)), check_at=1,
                 outcomes=grant),
        _Service("L08", "Medical assessment for a licence", medical, 5, 5, 3, 6000, 70, 5800,
                 channels={"mail": (y, 50, n), "web": (p, 30, n), "phone": (y, 20, n)},
                 path=((recv, medical, 0), ("Medical questionnaire sent", medical, 8),
                       ("Questionnaire returned", medical, 80), ("GP report requested", medical, 16),
                       ("Medical review", medical, 60), (decide, ops, 12), (reply, ops, 4), (close, ops, 1)),
                 optional=(3,), deadline_days=90, pingpong=2.0,
                 outcomes=(("Fit to drive", 0.8), ("Restricted licence", 0.12), ("Not fit", 0.08))),
        _Service("L09", "Licence fee refund", finance, 2, 2, 2, 3000, 10, 2900, depends=("L11",),
                 channels={"web": (y, 40, y), "phone": (y, 30, n), "mail": (y, 30, n)},
                 path=((recv, centre, 0), ("Refund check", finance, 20), ("Refund paid", finance, 16),
                       (close, finance, 1)), outcomes=(("Refunded", 0.85), ("Refused", 0.15))),
        _Service("L10", "Complaint about a licensed premises", compliance, 3, 4, 4, 2000, 25, 1800,
                 channels={"phone": (y, 50, y), "web": (y, 30, y), "email": (y, 20, y)},
                 path=((recv, centre, 0), ("Assigned to officer", compliance, 4), ("Site visit", compliance, 40),
                       ("Enforcement decision", compliance, 16), (reply, centre, 8), (close, centre, 1)),
                 pingpong=2.0, outcomes=(("Action taken", 0.6), ("No breach found", 0.4))),
        _Service("L11", "Online account and payments", digital, 4, 5, 4, 0, 80, 60000,
                 notes="Enabler: sign-in, payments and tracking for every service",
                 channels={"web": (y, 85, y), "app": (p, 15, n)}),
    )
    journeys = (
        ("Renewing a driving licence", (
            ("Find out", "Reminder letter arrives", "mail", ops, 0, "", n, "Reminder batch", "data"),
            ("Find out", "Checks requirements online", "web", ops, 1, "", n, "", "none"),
            ("Apply", "Fills in the online form", "web", ops, 1, "Photo upload fails on phones", y, "Payment gateway",
             "partial"),
            ("Wait", "Asked for a new photo", "email", ops, -2, "Request comes a week later and restarts the clock",
             n, "Document check", "data"),
            ("Wait", "Calls to ask about progress", "phone", centre, -1, "Long hold times", n, "", "data"),
            ("Receive", "New licence arrives", "mail", ops, 2, "", y, "Card production", "data"),
        )),
        ("Applying for a premises licence", (
            ("Find out", "Reads the guidance", "web", ops, -1, "Guidance is long and legalistic", n, "", "none"),
            ("Find out", "Pre-application advice", "counter", desk, 1, "", y, "", "partial"),
            ("Apply", "Sends the application by e-mail", "email", ops, 0, "No online form", n, "Manual registration",
             "data"),
            ("Wait", "Asked for missing plans", "email", ops, -2, "Documents requested in several rounds", n,
             "Document check", "data"),
            ("Wait", "Consultation period", "web", ops, -1, "No visibility of objections", n, "Consultation log",
             "partial"),
            ("Wait", "Legal review and back again", "email", legal, -2, "The file bounces between legal and licensing",
             n, "Legal review", "data"),
            ("Decide", "Licensing hearing", "counter", legal, -1, "", y, "Hearing panel", "partial"),
            ("Receive", "Licence granted", "email", ops, 2, "", y, "", "data"),
        )),
    )
    standards = (
        ("*", "resolution_days", 15, "*", "We decide every application within 15 working days of a complete file."),
        ("*", "first_response_days", 2, "*", "We acknowledge every application within 2 working days."),
        ("*", "answer_seconds", 120, "phone", "We answer calls within 2 minutes."),
        ("L01", "resolution_days", 10, "web", "Online renewals decided within 10 days."),
        ("L01", "resolution_days", 21, "mail", "Paper renewals decided within 21 days."),
        ("L05", "resolution_days", 90, "*", "Premises licences decided within 90 days."),
        ("*", "N04", 0.8, "*", "Four in five customers satisfied."),
    )
    criteria = (("benefit", "benefit", 0.3), ("visibility", "benefit", 0.2), ("effort", "cost", 0.3),
                ("resources_days", "cost", 0.2))
    r1, r2 = "Chief Executive", "Head of Customer Service"
    pairwise = (
        ("benefit", "visibility", 2, r1), ("benefit", "effort", 1, r1), ("benefit", "resources_days", 2, r1),
        ("visibility", "effort", "1/2", r1), ("visibility", "resources_days", 1, r1),
        ("effort", "resources_days", 2, r1),
        ("benefit", "visibility", "1/3", r2), ("benefit", "effort", 2, r2), ("benefit", "resources_days", 3, r2),
        ("visibility", "effort", 2, r2), ("visibility", "resources_days", 1, r2), ("effort", "resources_days", 2, r2),
    )
    kpis = (
        _Kpi("N01", "Calls answered within 2 minutes", "higher", 0.85, "share", "Contact Centre Manager", None,
             "proportion", 0.78, 0, n=5200, pattern="shift", size=0.06),
        _Kpi("N02", "Average days to decide a renewal", "lower", 10, "days", "Head of Licensing Operations", "L01",
             "mean", 11.5, 0.9, pattern="spike", size=5),
        _Kpi("N03", "Complaints received", "lower", 60, "complaints", "Complaints Manager", None, "count", 70, 0,
             pattern="trend", size=-25),
        _Kpi("N04", "Customers satisfied (survey)", "higher", 0.8, "share", "Head of Customer Service", None,
             "proportion", 0.74, 0, n=150, pattern="stable"),
        _Kpi("N05", "Applications completed online", "higher", 0.7, "share", "Head of Digital Services", None,
             "proportion", 0.62, 0, n=2600, pattern="trend", size=0.1),
        _Kpi("N06", "Medical assessments older than 90 days", "lower", 40, "cases", "Driver Medical Unit Manager",
             "L08", "count", 70, 0, pattern="stable"),
    )
    actions = (
        ("journey", "Photo upload fails on phones", "Fix the mobile photo upload and test with users",
         "Head of Digital Services",
         "L01", "2025-12-31", "done"),
        ("journey", "Photo request restarts the clock", "Check photos at submission, not a week later",
         "Head of Licensing Operations", "L01", "2026-03-31", "in progress"),
        ("kpi", "Call answering below target", "Callback option at peak hours", "Contact Centre Manager", None,
         "2025-11-30", "done"),
        ("kpi", "Spike in renewal decision times in March", "Root-cause review of the March backlog",
         "Head of Licensing Operations", "L01", "2026-05-31", "done"),
        ("survey", "Low ease scores for premises licences", "Plain-English guidance for premises licences",
         "Head of Licensing Operations", "L05", "2026-06-30", "open"),
        ("survey", "Customers not told about progress", "Automatic status e-mails", "Head of Digital Services", None,
         "2026-04-30", "in progress"),
        ("observation", "Weak anger containment at the desk", "De-escalation workshop for desk staff",
         "Customer Service Desk Manager", None, "2026-01-31", "done"),
        ("observation", "Calls end without agreeing next steps", "Call closing checklist", "Contact Centre Manager",
         None, "2026-07-31", "in progress"),
        ("lesson", "Payment gateway outage on renewal deadline day", "Load testing before known peaks",
         "Head of Digital Services", "L11", "2026-02-28", "done"),
        ("journey", "Premises files bounce between legal and licensing", "Single case owner for premises licences",
         "Head of Legal Services", "L05", "2026-08-31", "open"),
        ("journey", "No online form for premises licences", "Online premises licence application",
         "Head of Digital Services", "L05", "2027-02-28", "open"),
        ("kpi", "Medical backlog above target", "Extra GP report capacity", "Driver Medical Unit Manager", "L08",
         "2026-09-30", "in progress"),
        ("lesson", "Letters sent to an old address", "Check address against the account before posting",
         "Head of Licensing Operations", "L02", "2026-03-31", "open"),
        ("survey", "Long waits at the desk", "Appointments for complex cases", "Customer Service Desk Manager",
         None, "2026-05-31", "in progress"),
        ("observation", "New starters unsure about transfers", "Buddy scheme for new starters",
         "Contact Centre Manager", None, "2025-12-15", "done"),
        ("journey", "Taxi licence medical review delays", "Fast track for returning drivers",
         "Driver Medical Unit Manager",
         "L04", "2026-06-30", "open"),
        ("lesson", "Refunds paid twice", "Duplicate check before refunds", "Finance Manager", "L09", "2026-01-31",
         "done"),
        ("kpi", "Online completion rising but below target", "Promote online renewals in reminder letters",
         "Head of Digital Services", "L01", "2026-10-31", "in progress"),
        ("observation", "Boundary setting weak on the phones", "Coaching sessions on setting limits kindly",
         "Contact Centre Manager", None, "2026-09-15", "open"),
        ("survey", "Trust lower for enforcement complaints", "Publish enforcement outcomes monthly",
         "Head of Compliance", "L10", "2026-04-30", "cancelled"),
        ("journey", "Guidance long and legalistic", "Rewrite guidance pages with customers", "Head of Customer Service",
         None, "2026-02-28", "done"),
        ("lesson", "Hearing scheduled without notifying objectors", "Notification checklist for hearings",
         "Head of Legal Services", "L05", "2026-07-31", "open"),
    )
    renew, premises = journeys[0][0], journeys[1][0]
    action_links = {  # each action's finding by id (the Actions sheet's link columns)
        "A01": {"journey": (renew, 3)}, "A02": {"journey": (renew, 4)}, "A03": {"kpi_id": "N01"},
        "A04": {"kpi_id": "N02"}, "A05": {"survey_item": "ease", "journey": (premises, 1)},
        "A06": {"journey": (renew, 5)}, "A07": {"observation_item": "containing anger"},
        "A08": {"observation_item": "closing"}, "A09": {"lesson": "Payment gateway outage on deadline day"},
        "A10": {"journey": (premises, 6)}, "A11": {"journey": (premises, 3)}, "A12": {"kpi_id": "N06"},
        "A14": {"survey_item": "efficiency"}, "A15": {"lesson": "New starter alone on the desk"},
        "A18": {"kpi_id": "N05"}, "A19": {"observation_item": "setting boundaries kindly"},
        "A20": {"survey_item": "trust"}, "A21": {"journey": (premises, 1), "unit": ops},
        "A22": {"lesson": "Objectors not told about a hearing"},
    }
    recommendations = (  # the consultant's; R05 deliberately has no action yet (the report flags it)
        {"rec_id": "R01", "recommendation": "Check the photo and documents when a renewal is submitted, so that no "
                                            "request restarts the clock a week later",
         "rationale": "The late photo request is the lowest point of the renewal journey and drives the calls "
                      "asking about progress",
         "owner": "Head of Licensing Operations", "horizon": "wave 1", "priority": "high", "service_id": "L01",
         "kpi_id": "N02", "journey": renew, "journey_step": 4, "action_id": "A02"},
        {"rec_id": "R02", "recommendation": "Give every premises licence application one case owner from receipt to "
                                            "decision",
         "rationale": "Files bounce between Legal Services and Licensing Operations, and nobody can tell the "
                      "applicant where the file is",
         "owner": "Head of Legal Services", "horizon": "wave 2", "priority": "high", "service_id": "L05",
         "journey": premises, "journey_step": 6, "action_id": "A10"},
        {"rec_id": "R03", "recommendation": "Clear the medical assessment backlog with extra GP report capacity and a "
                                            "fast track for returning drivers",
         "rationale": "The backlog has stayed above target all period: it will not clear on its own",
         "owner": "Driver Medical Unit Manager", "horizon": "medium term", "priority": "medium", "service_id": "L08",
         "kpi_id": "N06", "action_id": "A12"},
        {"rec_id": "R04", "recommendation": "Make the online account the default route for renewals and changes of "
                                            "address",
         "rationale": "Online completion is rising; the reminder letter is the cheapest place to push it further",
         "owner": "Head of Digital Services", "horizon": "wave 1", "priority": "medium", "service_id": "L11",
         "kpi_id": "N05", "action_id": "A18"},
        {"rec_id": "R05", "recommendation": "Publish the service standards at the counter and online, and report "
                                            "performance against them every quarter",
         "rationale": "Customers cannot hold the agency to promises they have never seen",
         "owner": "Head of Customer Service", "horizon": "short term", "priority": "low", "kpi_id": "N04"},
    )
    owners = {"Head of Digital Services": digital, "Head of Licensing Operations": ops, "Contact Centre Manager": centre,
              "Customer Service Desk Manager": desk, "Head of Legal Services": legal,
              "Driver Medical Unit Manager": medical, "Finance Manager": finance, "Head of Compliance": compliance,
              "Head of Customer Service": desk, "Complaints Manager": complaints}
    kpi_units = {"N01": centre, "N02": ops, "N03": complaints, "N05": digital, "N06": medical}  # N04: its owner's unit
    lesson_categories = (("Systems", 0.3), ("Communication", 0.25), ("Process", 0.2), ("Staffing", 0.12),
                         ("Policy", 0.08), ("Suppliers", 0.05))
    lessons = (
        ("Systems", "Payment gateway outage on deadline day", "Known peaks need load testing"),
        ("Systems", "Photo upload failed for two days", "Critical functions need monitoring"),
        ("Systems", "Case system froze during month-end", "Plan maintenance outside peaks"),
        ("Communication", "Applicant not told about a refusal", "Every decision also goes by e-mail"),
        ("Communication", "Decision letter full of legal jargon", "Letters in plain English"),
        ("Communication", "Objectors not told about a hearing", "Notification checklist"),
        ("Process", "A file went three times between legal and licensing", "One case owner end to end"),
        ("Process", "Same documents requested twice", "Keep documents on the customer's file"),
        ("Staffing", "Leave clustered in peak week", "Rota by forecast demand"),
        ("Staffing", "New starter alone on the desk", "Buddy scheme"),
        ("Policy", "Fee guidance not updated after a change", "Named owner and yearly review for each policy"),
        ("Suppliers", "Card printer supplier missed deliveries", "Service credits in the contract"),
    )
    return _Spec(
        slug="northfield-licensing", lang="en", organization="Northfield Licensing Agency",
        settings={"unit": "Customer Service Directorate", "consultant": "svcwork demo data (fictional)",
                  "service_vision": "One service, easy to use and right first time, whichever way you reach us.",
                  "service_values": "Clear, Fair, Helpful, Accountable", "accent_color": "#2A7F62", "sla_days": 15,
                  "repeat_contact_days": 7, "min_group_size": 10, "waves": 3, "wave_capacity_days": 100,
                  "timezone": "Europe/London", "period_start": dt.date(2025, 5, 1),
                  "period_end": dt.date(2026, 10, 31)},
        weekmask="1111100", tz="Europe/London", offset_units=frozenset({medical, legal, finance}),
        utc_channels=frozenset({"web", "app"}),
        intake_units={"counter": desk, "phone": centre, "chat": centre}, home_units=(), ombud_unit=complaints,
        services=services,
        pool_sizes={centre: 20, desk: 14, ops: 24, medical: 8, compliance: 10, finance: 5, legal: 5, complaints: 4,
                    digital: 4},
        slow_units={medical: 1.5, legal: 1.3}, n_cases=5000, case_prefix="NF", id_style="uk", close_label=close,
        vocab=_VOCAB_EN, journeys=journeys, standards=standards, criteria=criteria, pairwise=pairwise,
        kpis=kpis, observed_units=(centre, desk, ops, compliance), observers=("Observer A", "Observer B", "Observer C"),
        n_sessions=70, n_double=10, survey_n=2500,
        survey_unit_effects={centre: -0.3, desk: 0.2, medical: -0.35}, small_unit=(complaints, 22),
        obs_small=(compliance, 7),
        waves=(("2025Q3", "2025-07-01", "2025-09-30"), ("2026Q1", "2026-01-01", "2026-03-31"),
               ("2026Q3", "2026-07-01", "2026-09-30")),
        trained_per_unit=10, training_date="2026-01-26", actions=actions, lessons=lessons,
        lesson_categories=lesson_categories, comments=_english_comments(), obs_notes=_OBS_NOTES_EN,
        title="Intake form — Services (Northfield Licensing Agency)",
        owners=owners, kpi_units=kpi_units, action_links=action_links, recommendations=recommendations,
        commentary=_COMMENTARY,
    )
