#!/usr/bin/env python3
"""Writes Tests/CRMCoreTests/RecurrenceOracleCases.swift: for each series below, every
occurrence instant an independent reader (Python's icalendar with recurring-ical-events)
gives in the window. Run again after changing the cases:
    pip install icalendar recurring-ical-events
    python3 scripts/recurrence-oracle.py > Tests/CRMCoreTests/RecurrenceOracleCases.swift
The series are RFC 5545's own examples (section 3.8.5.3) and DST cases."""
import datetime as dt
import zoneinfo
import icalendar
import recurring_ical_events

NY = "America/New_York"
# (name, zone, DTSTART local, [RRULE], [RDATE local], [EXDATE local], [(RECURRENCE-ID local, new local)], window years)
CASES = [
    ("daily for 10 occurrences", NY, "19970902T090000", ["FREQ=DAILY;COUNT=10"], [], [], [], 2),
    ("daily until December 24, 1997", NY, "19970902T090000", ["FREQ=DAILY;UNTIL=19971224T000000Z"], [], [], [], 2),
    ("every other day, forever", NY, "19970902T090000", ["FREQ=DAILY;INTERVAL=2"], [], [], [], 2),
    ("every 10 days, 5 occurrences", NY, "19970902T090000", ["FREQ=DAILY;INTERVAL=10;COUNT=5"], [], [], [], 2),
    ("every day in January, for 3 years (yearly)", NY, "19980101T090000",
     ["FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA"], [], [], [], 3),
    ("every day in January, for 3 years (daily)", NY, "19980101T090000",
     ["FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1"], [], [], [], 3),
    ("weekly for 10 occurrences", NY, "19970902T090000", ["FREQ=WEEKLY;COUNT=10"], [], [], [], 2),
    ("weekly until December 24, 1997", NY, "19970902T090000", ["FREQ=WEEKLY;UNTIL=19971224T000000Z"], [], [], [], 2),
    ("every other week, forever", NY, "19970902T090000", ["FREQ=WEEKLY;INTERVAL=2;WKST=SU"], [], [], [], 2),
    ("weekly on Tuesday and Thursday for five weeks (until)", NY, "19970902T090000",
     ["FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH"], [], [], [], 2),
    ("weekly on Tuesday and Thursday for five weeks (count)", NY, "19970902T090000",
     ["FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH"], [], [], [], 2),
    ("every other week on Monday, Wednesday and Friday until December 24, 1997", NY, "19970901T090000",
     ["FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR"], [], [], [], 2),
    ("every other week on Tuesday and Thursday, for 8 occurrences", NY, "19970902T090000",
     ["FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH"], [], [], [], 2),
    ("monthly on the first Friday for 10 occurrences", NY, "19970905T090000", ["FREQ=MONTHLY;COUNT=10;BYDAY=1FR"], [], [], [], 2),
    ("monthly on the first Friday until December 24, 1997", NY, "19970905T090000",
     ["FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR"], [], [], [], 2),
    ("every other month on the first and last Sunday, for 10 occurrences", NY, "19970907T090000",
     ["FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU"], [], [], [], 2),
    ("monthly on the second-to-last Monday for 6 months", NY, "19970922T090000", ["FREQ=MONTHLY;COUNT=6;BYDAY=-2MO"], [], [], [], 2),
    ("monthly on the third-to-the-last day, forever", NY, "19970928T090000", ["FREQ=MONTHLY;BYMONTHDAY=-3"], [], [], [], 2),
    ("monthly on the 2nd and 15th for 10 occurrences", NY, "19970902T090000", ["FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15"], [], [], [], 2),
    ("monthly on the first and last day for 10 occurrences", NY, "19970930T090000", ["FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1"], [], [], [], 2),
    ("every 18 months on the 10th thru 15th for 10 occurrences", NY, "19970910T090000",
     ["FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15"], [], [], [], 3),
    ("every Tuesday, every other month", NY, "19970902T090000", ["FREQ=MONTHLY;INTERVAL=2;BYDAY=TU"], [], [], [], 2),
    ("yearly in June and July for 10 occurrences", NY, "19970610T090000", ["FREQ=YEARLY;COUNT=10;BYMONTH=6,7"], [], [], [], 6),
    ("every other year on January, February and March for 10 occurrences", NY, "19970310T090000",
     ["FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3"], [], [], [], 8),
    ("every third year on the 1st, 100th and 200th day for 10 occurrences", NY, "19970101T090000",
     ["FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200"], [], [], [], 12),
    ("every 20th Monday of the year, forever", NY, "19970519T090000", ["FREQ=YEARLY;BYDAY=20MO"], [], [], [], 3),
    ("Monday of week number 20, forever", NY, "19970512T090000", ["FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO"], [], [], [], 3),
    ("every Thursday in March, forever", NY, "19970313T090000", ["FREQ=YEARLY;BYMONTH=3;BYDAY=TH"], [], [], [], 3),
    ("every Thursday, but only during June, July, and August", NY, "19970605T090000",
     ["FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8"], [], [], [], 3),
    ("every Friday the 13th, forever", NY, "19970902T090000", ["FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"], [],
     ["19970902T090000"], [], 4),
    ("the first Saturday that follows the first Sunday of the month", NY, "19970913T090000",
     ["FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13"], [], [], [], 2),
    ("every 4 years, the first Tuesday after a Monday in November (election day)", NY, "19961105T090000",
     ["FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8"], [], [], [], 13),
    ("the third instance into the month of one of Tuesday, Wednesday or Thursday, for the next 3 months", NY,
     "19970904T090000", ["FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3"], [], [], [], 2),
    ("the second-to-last weekday of the month", NY, "19970929T090000",
     ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2"], [], [], [], 2),
    ("WKST=MO changes the days of an every-other-week rule", NY, "19970805T090000",
     ["FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO"], [], [], [], 1),
    ("WKST=SU changes the days of an every-other-week rule", NY, "19970805T090000",
     ["FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU"], [], [], [], 1),
    ("an invalid date (February 30) is ignored", NY, "20070115T090000", ["FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5"], [], [], [], 1),
    ("a monthly rule on the 31st skips shorter months", NY, "20260131T090000", ["FREQ=MONTHLY"], [], [], [], 1),
    ("crmtop's monthly on the 31st: the last day of shorter months", NY, "20260131T090000",
     ["FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1"], [], [], [], 1),
    # DST: the series' zone changes its clocks on other days than the data set's (Europe/Berlin).
    ("weekly 19:30 in Melbourne, one moved and one cancelled, across both DST changes", "Australia/Melbourne",
     "20260305T193000", ["FREQ=WEEKLY;BYDAY=TH"], [], ["20260409T193000"], [("20260326T193000", "20260327T080000")], 1),
    ("weekly 13:30 in New York on Monday and Wednesday, across both DST changes", NY, "20260302T133000",
     ["FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261130T000000Z"], [], ["20261104T133000"], [], 1),
    ("two rules and an extra date", NY, "20260105T100000",
     ["FREQ=MONTHLY;BYDAY=1MO;COUNT=6", "FREQ=MONTHLY;BYMONTHDAY=20;COUNT=4"], ["20260317T080000"], [], [], 1),
    ("daily at 02:30 in New York: the skipped time moves forward by the gap", NY, "20260306T023000",
     ["FREQ=DAILY;COUNT=5"], [], [], [], 1),
    ("every other month on the last Friday in Melbourne, until a date", "Australia/Melbourne", "20260130T090000",
     ["FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;UNTIL=20270101"], [], [], [], 2),
]


def local(text, zone):
    return dt.datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=zoneinfo.ZoneInfo(zone))


def occurrences(case):
    name, zone, start, rules, rdates, exdates, moves, years = case
    cal = icalendar.Calendar()
    event = icalendar.Event()
    event.add("uid", "series@example.com")
    event.add("dtstart", local(start, zone))
    event.add("dtend", local(start, zone) + dt.timedelta(hours=1))
    event.add("summary", name)
    for rule in rules:
        event.add("rrule", icalendar.vRecur.from_ical(rule))
    for d in rdates:
        event.add("rdate", local(d, zone))
    for d in exdates:
        event.add("exdate", local(d, zone))
    cal.add_component(event)
    for original, moved in moves:
        override = icalendar.Event()
        override.add("uid", "series@example.com")
        override.add("recurrence-id", local(original, zone))
        override.add("dtstart", local(moved, zone))
        override.add("dtend", local(moved, zone) + dt.timedelta(hours=1))
        cal.add_component(override)
    first = local(start, zone)
    until = first + dt.timedelta(days=366 * years)
    found = recurring_ical_events.of(cal).between(first, until)
    return until.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), sorted(e["DTSTART"].dt.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for e in found)


def swift(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def strings(items):
    return "[" + ", ".join(swift(i) for i in items) + "]"


print("// Generated by scripts/recurrence-oracle.py from Python's icalendar and recurring-ical-events;")
print("// do not edit by hand.")
print("extension RecurrenceOracleTests {")
print("    static let cases: [OracleCase] = [")
for case in CASES:
    name, zone, start, rules, rdates, exdates, moves, years = case
    window, found = occurrences(case)
    print(f"        OracleCase(")
    print(f"            what: {swift(name)}, zone: {swift(zone)}, start: {swift(start)},")
    print(f"            rules: {strings(rules)}, dates: {strings(rdates)}, exceptions: {strings(exdates)},")
    print(f"            moves: [{', '.join('(' + swift(a) + ', ' + swift(b) + ')' for a, b in moves)}], before: {swift(window)},")
    print(f"            expected: [")
    for i in range(0, len(found), 4):
        print("                " + ", ".join(swift(x) for x in found[i:i + 4]) + ",")
    print("            ]),")
print("    ]")
print("}")
