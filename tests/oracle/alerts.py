#!/usr/bin/env python3
"""An independent computation of iro's practice-alert measures (M51-M57).

Written from the rules as the headers state them (src/core/alert_measures.h,
src/core/dispute.h, src/core/alerts.h) and docs/records.md / docs/cli.md,
not from the C code, in another language and style, so that a slip in
either side shows up as a difference. Working days are clocks.py's England
and Wales calendar plus the administrator's `calendar_day` records.

    alerts.py DUMP [--year Y] [--as-of D] [--by X[,Y]]
        what `iro alert list [--year Y] --as-of D [--by X[,Y]] --format csv`
        prints: counts (grouping..., alerts, percent), or without --by one
        row per alert (every column but open_actions)
    alerts.py DUMP [--year Y] [--as-of D] --all DIR
        every grouping into DIR/BY.csv (DIR/team,month.csv for the pairs)
        and the rows into DIR/rows.csv, in one run
    --past-deadline, --escalated-late
        only the alerts open past a deadline on the day / escalated after
        a missed due, as iro's filters of those names
    alerts.py DUMP dues
        id,stage,entered,stored_due,computed_due for every stage: the due
        the calendar gives (entry + the ladder stage's working days)

DUMP is `iro dump` output (JSON Lines; docs/records.md): the alert, ladder,
team, theme and calendar_day records are read, the rest ignored. Rows are
printed unsorted after the header; the test sorts both sides.

The rules, as read here:

  * The alert as it stood at the end of the as-of day: one raised after it
    did not exist; stages entered, responses given and a closure after it
    had not happened (the alert is open, with no closed date). A dispute
    "is formal exactly when it has entered a formal stage" ("formal from
    then on"): on the day it is formal when a stage entered by then is
    formal on its ladder, else informal.
  * Working days from raised (day 0) to closed, or to the as-of day while
    open: the working days d with raised < d <= end. The ceiling date is
    the ceiling's Nth working day after raised; the ceiling is passed when
    more than N working days have gone.
  * State on the day: good practice has no clock (no state); closed;
    else past the ceiling; else stage overdue when the current stage (the
    last entered) has no response and its due is before the day; else on
    time. The row's due is the current stage's due while it has no
    response (dispute.h: none only when answered or with no stage; so a
    closed alert's unanswered stage still shows its due).
  * reached: the highest stage entered, "NAME (ADDRESSEE)" from the stage
    as stored (NAME alone with no addressee); none while a dispute has
    entered no stage yet. resolved-at: for a resolved alert the stage it was at (the
    last entered); "referred to Cafcass", "withdrawn", "open".
  * band: working days raised to closed, up to 5 / 6-10 / 11-20 / over 20;
    weeks: calendar days, < 7 / 7-13 / 14-28 / over; ceiling: closed
    within the ladder's ceiling or over it; open alerts "open" in all three.
  * escalation: an escalation (entering any stage after the first) is late
    when made after the stage before was due (entry > due) and that stage
    had no response by its due date. A dispute with one stage entered (or
    none yet) is "not escalated".
  * A good-practice alert has no stage and no clock: no key under reached,
    resolved-at, entered, band, weeks, ceiling, state, escalation.
  * Every key of an alert counts it once; percent is of the alerts with at
    least one key (one decimal). Listed active teams and themes with no
    alerts are rows of 0 (for a pair, with an empty second key).
"""
import datetime as dt
import io
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside clocks.py
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clocks  # noqa: E402  (the England and Wales working-day calendar)

ONE = dt.timedelta(days=1)
DEFAULT_CEILING = 20  # IRO Handbook 6.2

GROUPINGS = ['kind', 'status', 'month', 'quarter', 'year', 'team', 'theme',
             'iro', 'reached', 'resolved-at', 'entered', 'band', 'weeks',
             'ceiling', 'state', 'escalation']
PAIRS = ['team,month', 'kind,month', 'theme,month', 'kind,state']


def day(s):
    return dt.date.fromisoformat(s) if s else None


class Calendar:
    def __init__(self, overrides):
        self.overrides = overrides  # date -> working (bool)

    def working(self, d):
        if d in self.overrides:
            return self.overrides[d]
        return clocks.working(d)

    def between(self, a, b):
        """Working days in (a, b]."""
        n, d = 0, a
        while d < b:
            d += ONE
            n += self.working(d)
        return n

    def plus(self, d, n):
        while n:
            d += ONE
            if self.working(d):
                n -= 1
        return d


def read_dump(path):
    alerts, ladders, teams, themes, overrides = [], {}, [], [], {}
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            t = r.get('type')
            if t == 'alert':
                alerts.append(r)
            elif t == 'ladder':
                ladders[r['key']] = r
            elif t == 'team':
                teams.append(r)
            elif t == 'theme':
                themes.append(r)
            elif t == 'calendar_day':
                overrides[day(r['day'])] = bool(r['working'])
    return alerts, ladders, teams, themes, Calendar(overrides)


def reporting_year(text):
    y = int(text[:4])
    return dt.date(y, 4, 1), dt.date(y + 1, 3, 31)


def year_of(d):
    y = d.year if d.month >= 4 else d.year - 1
    return f'{y}-{(y + 1) % 100:02d}'


# ---- One alert on a day -------------------------------------------------

class Alert:
    pass


def as_of(rec, ladders, cal, on):
    """The alert as it stood at the end of `on`, with its facts; None when
    it was raised after."""
    raised = day(rec['raised'])
    if raised > on:
        return None
    a = Alert()
    a.rec = rec
    a.id = rec['id']
    a.raised = raised
    ladder = ladders.get(rec.get('ladder'))
    a.ceiling = ladder['ceiling'] if ladder else DEFAULT_CEILING
    lstages = ladder['stages'] if ladder else []
    closed = day(rec.get('closed'))
    if closed is not None and closed <= on:
        a.status, a.closed = rec.get('status', 'open'), closed
    else:
        a.status, a.closed = 'open', None
    a.stages = []
    for s in rec.get('stages', []):
        entered = day(s['entered'])
        if entered > on:
            continue
        resp = day(s.get('responded'))
        a.stages.append(dict(
            n=s['stage'], name=s.get('name', ''), to=s.get('addressee', ''),
            entered=entered, due=day(s.get('due')),
            responded=resp if resp is not None and resp <= on else None))
    a.good = rec['kind'] == 'good_practice'
    if a.good:
        a.kind = 'good_practice'
    else:
        formal = any(1 <= s['n'] <= len(lstages) and lstages[s['n'] - 1].get('formal')
                     for s in a.stages)
        a.kind = 'formal' if formal else 'informal'
    a.team = rec.get('team')
    a.themes = [t['theme'] for t in rec.get('themes', [])]

    cur = a.stages[-1] if a.stages else None
    a.due = cur['due'] if cur and cur['responded'] is None else None
    if a.good:
        a.working_days = a.ceiling_date = None
        a.state = None
    else:
        end = a.closed if a.closed else on
        a.working_days = cal.between(raised, end)
        a.ceiling_date = cal.plus(raised, a.ceiling)
        if a.closed:
            a.state = 'closed'
        elif a.working_days > a.ceiling:
            a.state = 'past the ceiling'
        elif cur and cur['responded'] is None and cur['due'] is not None and cur['due'] < on:
            a.state = 'stage overdue'
        else:
            a.state = 'on time'
    a.late = 0
    for before, after in zip(a.stages, a.stages[1:]):
        d = before['due']
        if d is not None and after['entered'] > d and (
                before['responded'] is None or before['responded'] > d):
            a.late += 1
    return a


def stage_key(s):
    return (s['n'], f"{s['name']} ({s['to']})" if s['to'] else s['name'])


def keys(a, by, window):
    """[(order, text)] of alert a under grouping `by`."""
    r = a.raised
    if by == 'kind':
        return [({'good_practice': 0, 'informal': 1, 'formal': 2}[a.kind],
                 a.kind.replace('_', ' '))]
    if by == 'status':
        words = {'open': 'open', 'resolved': 'resolved', 'withdrawn': 'withdrawn',
                 'cafcass': 'referred to Cafcass'}
        return [(list(words).index(a.status), words[a.status])]
    if by == 'month':
        return [(0, f'{r.year}-{r.month:02d}')]
    if by == 'quarter':
        return [(0, f'{year_of(r)} Q{((r.month - 4) % 12) // 3 + 1}')]
    if by == 'year':
        return [(0, year_of(r))]
    if by == 'team':
        return [(0, a.team)] if a.team else [(1, 'no team recorded')]
    if by == 'theme':
        return [(0, t) for t in a.themes] or [(1, 'no theme recorded')]
    if by == 'iro':
        return [(0, a.rec['iro'])]
    if a.good:
        return []
    if by == 'reached':
        return [stage_key(max(a.stages, key=lambda s: s['n']))] if a.stages else []
    if by == 'resolved-at':
        if a.status == 'resolved':
            return [stage_key(a.stages[-1])] if a.stages else []
        return [{'cafcass': (100, 'referred to Cafcass'), 'withdrawn': (101, 'withdrawn'),
                 'open': (102, 'open')}[a.status]]
    if by == 'entered':
        lo, hi = window
        return [stage_key(s) for s in a.stages
                if (lo is None or s['entered'] >= lo) and (hi is None or s['entered'] <= hi)]
    if by in ('band', 'weeks', 'ceiling') and a.closed is None:
        return [(9, 'open')]
    if by == 'band':
        w = a.working_days
        i = 0 if w <= 5 else 1 if w <= 10 else 2 if w <= 20 else 3
        return [(i, ('up to 5', '6 to 10', '11 to 20', 'over 20')[i] + ' working days')]
    if by == 'weeks':
        c = (a.closed - a.raised).days
        i = 0 if c < 7 else 1 if c < 14 else 2 if c <= 28 else 3
        return [(i, ('under 1 week', '1 to 2 weeks', '2 to 4 weeks', 'over 4 weeks')[i])]
    if by == 'ceiling':
        within = a.working_days <= a.ceiling
        return [(0 if within else 1,
                 f"{'within' if within else 'over'} {a.ceiling} working days")]
    if by == 'state':
        order = ['on time', 'stage overdue', 'past the ceiling', 'closed']
        return [(order.index(a.state), a.state)]
    if by == 'escalation':
        if a.late:
            return [(0, 'escalated after a missed deadline')]
        if len(a.stages) > 1:
            return [(1, 'escalated within deadlines')]
        return [(2, 'not escalated')]
    raise SystemExit(f'alerts.py: unknown grouping {by!r}')


# ---- Output ---------------------------------------------------------------

def cell(v, text=True):
    """One CSV cell as docs/cli.md says: RFC 4180, and a text cell a
    spreadsheet would take for a formula prefixed with '."""
    if v is None:
        return ''
    v = str(v)
    if text and v[:1] in ('=', '+', '-', '@'):
        v = "'" + v
    if any(c in v for c in ',"\r\n'):
        v = '"' + v.replace('"', '""') + '"'
    return v


def line(cells):
    return ','.join(cells) + '\n'


def counts(alerts, by, window, teams, themes):
    dims = by.split(',')
    rows, total = {}, 0
    for a in alerts:
        per = [keys(a, d, window) for d in dims]
        pairs = [(k,) for k in per[0]] if len(dims) == 1 else \
            [(k, m) for k in per[0] for m in per[1]]
        pairs = list(dict.fromkeys(pairs))
        if pairs:
            total += 1
        for p in pairs:
            rows[p] = rows.get(p, 0) + 1
    listed = {'team': teams, 'theme': themes}.get(dims[0], [])
    have = {p[0][1] for p in rows}
    for r in listed:
        if r.get('active', True) and r['name'] not in have:
            empty = (0, r['name'])
            rows[(empty,) if len(dims) == 1 else (empty, (0, ''))] = 0
    out = io.StringIO()
    out.write(line(dims + ['alerts', 'percent']))
    for p, n in rows.items():
        pct = 100.0 * n / total if total else 0.0
        out.write(line([cell(k[1]) for k in p] + [str(n), '%.1f' % pct]))
    return out.getvalue()


ROW_COLS = ['id', 'child', 'iro', 'raised', 'kind', 'status', 'closed', 'stage',
            'stage_name', 'due', 'state', 'working_days', 'ceiling_date', 'team',
            'themes']


def rows(alerts):
    out = io.StringIO()
    out.write(line(ROW_COLS))
    for a in alerts:
        top = max(a.stages, key=lambda s: s['n']) if a.stages else None
        iso = lambda d: d.isoformat() if d else ''  # noqa: E731
        out.write(line([
            str(a.id), cell(a.rec['child']), cell(a.rec['iro']), iso(a.raised),
            a.kind, a.status, iso(a.closed),
            str(top['n']) if top else '', cell(a.stages[-1]['name']) if a.stages else '',
            iso(a.due), a.state or '',
            '' if a.working_days is None else str(a.working_days),
            iso(a.ceiling_date), cell(a.team or ''), cell('; '.join(a.themes))]))
    return out.getvalue()


def select(dump, year, on, by_entry):
    recs, ladders, teams, themes, cal = dump
    lo, hi = reporting_year(year) if year else (None, None)
    out = []
    for rec in recs:
        a = as_of(rec, ladders, cal, on)
        if a is None:
            continue
        if by_entry:
            if lo is not None and not any(lo <= s['entered'] <= hi for s in a.stages):
                continue
        elif lo is not None and not (lo <= a.raised <= hi):
            continue
        out.append(a)
    return out, (lo, hi)


def filtered(alerts, filters):
    """--past-deadline (open, its stage overdue or past the ceiling) and
    --escalated-late (an escalation after a missed due)."""
    if 'past-deadline' in filters:
        alerts = [a for a in alerts if a.state in ('stage overdue', 'past the ceiling')]
    if 'escalated-late' in filters:
        alerts = [a for a in alerts if a.late]
    return alerts


def reports(dump, year, on, wanted, filters=()):
    """{by: text} for each grouping (None: the rows) in wanted."""
    chosen = {}
    for e in (False, True):
        if any(by is not None and ('entered' in by.split(',')) == e for by in wanted) \
                or (None in wanted and not e):
            alerts, window = select(dump, year, on, e)
            chosen[e] = filtered(alerts, filters), window
    out = {}
    for by in wanted:
        alerts, window = chosen[by is not None and 'entered' in by.split(',')]
        out[by] = rows(alerts) if by is None else \
            counts(alerts, by, window, dump[2], dump[3])
    return out


def dues(dump):
    recs, ladders, _, _, cal = dump
    print('id,stage,entered,stored_due,computed_due')
    for rec in recs:
        lad = ladders.get(rec.get('ladder'))
        for s in rec.get('stages', []):
            days = lad['stages'][s['stage'] - 1]['days'] if lad else None
            comp = cal.plus(day(s['entered']), days) if days is not None else None
            print(f"{rec['id']},{s['stage']},{s['entered']},{s.get('due', '')},"
                  f"{comp.isoformat() if comp else ''}")


USAGE_FLAGS = ('--year', '--as-of', '--by', '--all')
SWITCHES = ('--past-deadline', '--escalated-late')


def main(argv):
    args = argv[1:]
    if not args or args[0] in ('-h', '--help'):
        print(__doc__, file=sys.stderr)
        return 2
    dump = read_dump(args[0])
    opts, switches, rest = {}, set(), args[1:]
    if rest == ['dues']:
        dues(dump)
        return 0
    while rest:
        if rest[0] in SWITCHES:
            switches.add(rest[0][2:])
            rest = rest[1:]
            continue
        if len(rest) < 2 or rest[0] not in USAGE_FLAGS:
            print(__doc__, file=sys.stderr)
            return 2
        opts[rest[0]] = rest[1]
        rest = rest[2:]
    on = day(opts.get('--as-of')) or dt.date.today()
    year = opts.get('--year')
    if '--all' in opts:
        folder = opts['--all']
        os.makedirs(folder, exist_ok=True)
        wanted = [None] + GROUPINGS + PAIRS
        for by, text in reports(dump, year, on, wanted, switches).items():
            with open(os.path.join(folder, f'{by or "rows"}.csv'), 'w', encoding='utf-8',
                      newline='') as fh:
                fh.write(text)
        return 0
    by = opts.get('--by')
    sys.stdout.write(reports(dump, year, on, [by], switches)[by])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
