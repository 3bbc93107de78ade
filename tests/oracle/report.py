#!/usr/bin/env python3
"""An independent computation of the annual report's core figures.

Written from spec.md §3-§4 and the report's key definitions, not from
iro's C code, in another language and style, so that a slip in either
shows up as a difference. The working-day calendar, periods of care and
the review schedule (which review is due when, under which regime) are
clocks.py's, itself an oracle of spec §3.

    report.py DIR --year 2021-22
        the keys `iro report annual --year 2021-22 --format json` prints:
        period, reviews, participation and population (only those)
    report.py DIR --month 2022-03
        the same for one month (`iro report monthly --month 2022-03`)
    report.py DIR --year 2021-22 --timeliness
        what `iro timeliness --year 2021-22 --format json` gives: first,
        second, subsequent and all reviews (in time / held), the children
        every one of whose reviews due in the year was held in time (of
        those with one due), and the children overdue at the year end
    report.py compare [--as GOT,WANT] GOT.json WANT.json GROUP...
        exit 0 when every GROUP (a dotted key: reviews.by_sequence) agrees,
        a code map's missing key counting as 0 (other groups: WANT's keys);
        else print both sides of each
        key that differs (named iro and oracle unless --as) and exit 1
    report.py iro-timeliness TIMELINESS.json OVERDUE
        `iro timeliness --format json` (and the overdue count of its text
        form) in the shape of --timeliness, for compare

DIR is an SSDA903 return: header.csv, episodes.csv, reviews.csv, dates
DD/MM/YYYY. The rules, as read here (the period runs FROM to TO = D):

  * A period of care starts with an RNE S episode and runs through
    episodes chained by REC X1 until one ends with another REC; its end is
    the last episode's DEC (none while open). A period whose episodes are
    all LS V3/V4 is a short-break period.
  * Looked after on D: a period (not short-break) started on or before D
    and not ended by D (a period ending ON D has ended). LS and PLACE are
    those of the period's episode open on D (started on or before D, not
    ceased by D: an episode ceasing on D with X1 hands over to the next).
    Age: whole years on D, a birthday on D counting as turned. Sex: the
    header's SEX code, 1 male and 2 female (M and F from 2024/25 read as
    1 and 2; U, blank or anything else not_known).
  * Started / ceased: periods (not short-break) whose start / end falls
    in FROM..TO; ceased by the REC of the period's last episode. A blank
    LS, PLACE or REC is counted as not_known.
  * Reviews: a review belongs to the period whose days (both ends
    included) hold it; it is a standard looked-after review when that
    period is not a short-break period and it was held before the
    adoption authority date (first E1 episode) and the placement-for-
    adoption date (first A3-A6 episode), i.e. clocks.regime is
    'standard'. Its due date is the schedule's (clocks.due_after, over
    every review held earlier in the period); in time = held <= due; its
    sequence counts the reviews held in the period before it, plus one.
    Reviews on no day of any period of care are not counted.
  * Overdue at the end: children looked after on D whose current period
    is in the standard regime on D and whose next review (after those
    held on or before D) was due before D.
  * Participation: every review held in FROM..TO (whatever its regime,
    in a period or not; a row repeated exactly is one review), by
    REVIEW_CODE; attendance PN1-PN4 and
    participation PN1, PN2, PN3, PN5, PN6, both over PN1-PN7.
  * Child-level timeliness (--timeliness, docs/cli.md): children looked
    after on D and still in the standard measures (spec §3: a child
    leaves them from the adoption authority date); the standard reviews due in FROM..TO in any of their
    periods: each held review's due, and a due nobody met - the review
    after the last one held, due before the period ended (open periods:
    any time) and before the adoption regime began. A child counts when
    he or she had one due in the year; in time when every one was held
    on or before its due.
"""
import csv
import datetime as dt
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clocks  # noqa: E402

PN = ['PN%d' % i for i in range(8)]
BANDS = [('under_1', 0, 0), ('1_4', 1, 4), ('5_9', 5, 9), ('10_15', 10, 15),
         ('16_17', 16, 17), ('18_plus', 18, 999)]


def year_bounds(year):
    """'2021-22' -> (2021-04-01, 2022-03-31)."""
    first = int(year.split('-')[0])
    return dt.date(first, 4, 1), dt.date(first + 1, 3, 31)


def month_bounds(month):
    """'2022-03' -> (2022-03-01, 2022-03-31)."""
    y, m = (int(x) for x in month.split('-'))
    return dt.date(y, m, 1), clocks.plus_months(dt.date(y, m, 1), 1) - clocks.ONE


def read_header(folder):
    for f in os.listdir(folder):
        if f.lower() == 'header.csv':
            with open(os.path.join(folder, f), newline='', encoding='utf-8-sig') as fh:
                out = {}
                for r in csv.DictReader(fh):
                    r = {k.strip().upper(): (v or '').strip() for k, v in r.items()}
                    dob = r.get('DOB', '')
                    out[r['CHILD']] = dict(
                        sex=r.get('SEX', ''),
                        dob=dt.datetime.strptime(dob, '%d/%m/%Y').date() if dob else None)
                return out
    return {}


def read_review_rows(folder):
    """Every review in reviews.csv with a date: (child, held, code), a row
    repeated exactly read once (the same review twice)."""
    for f in os.listdir(folder):
        if f.lower() == 'reviews.csv':
            with open(os.path.join(folder, f), newline='', encoding='utf-8-sig') as fh:
                out = set()
                for r in csv.DictReader(fh):
                    r = {k.strip().upper(): (v or '').strip() for k, v in r.items()}
                    if r.get('REVIEW'):
                        out.add((r['CHILD'],
                                 dt.datetime.strptime(r['REVIEW'], '%d/%m/%Y').date(),
                                 r.get('REVIEW_CODE', '').upper()))
                return sorted(out)
    return []


# SEX: 1 male, 2 female until 2023/24; M, F, U (unknown) from 2024/25
# (domain-rules §3.3, rule 101). The report's keys are the older codes.
SEX = {'1': '1', '2': '2', 'M': '1', 'F': '2'}


def age_on(dob, d):
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


def open_on(p, d):
    return p['start'] <= d and (p['end'] is None or d < p['end'])


def episode_on(p, d):
    """The period's episode open on d: started by d, not ceased by d."""
    found = None
    for e in p['eps']:
        if e['start'] <= d and (e['end'] is None or d < e['end']):
            found = e
    if found is None:  # a gap in the chain: the last one started by d
        for e in p['eps']:
            if e['start'] <= d:
                found = e
    return found


def switch_date(p):
    """The day the adoption regime begins in a period (None: never)."""
    days = [x for x in (p['auth'], p['placed']) if x is not None]
    return min(days) if days else None


class Return:
    def __init__(self, folder):
        self.children, eps, self.revs = clocks.read903(folder)
        self.header = read_header(folder)
        self.rows = read_review_rows(folder)
        self.periods = {c: clocks.periods_of(eps.get(c, [])) for c in self.children}

    def timed_reviews(self):
        """Every review in a period: (child, period index, sequence, due,
        held, code, standard?)."""
        for c in self.children:
            ps = self.periods[c]
            seen = {}
            for held, code in self.revs.get(c, []):
                i = clocks.holding(ps, held)
                if i is None:
                    continue
                before = seen.setdefault(i, [])
                due = clocks.due_after(ps[i], before, held)
                before.append(held)
                yield (c, i, len(before), due, held, code,
                       clocks.regime(ps[i], held) == 'standard')

    def current(self, c, d):
        """The child's period (not short-break) open on d, or None."""
        now = [p for p in self.periods[c] if not p['short'] and open_on(p, d)]
        return now[-1] if now else None


def report(ret, lo, hi):
    held = in_time = 0
    seq = {k: dict(held=0, in_time=0) for k in ('first', 'second', 'subsequent')}
    for c, i, n, due, d, code, standard in ret.timed_reviews():
        if not standard or not (lo <= d <= hi):
            continue
        k = 'first' if n == 1 else 'second' if n == 2 else 'subsequent'
        ok = d <= due
        held += 1
        in_time += ok
        seq[k]['held'] += 1
        seq[k]['in_time'] += ok

    overdue = 0
    pop = dict(at_end=0, by_legal_status={}, by_placement={},
               by_age_band={b: 0 for b, _, _ in BANDS}, by_sex={},
               started=0, ceased=0, ceased_by_reason={})

    def bump(m, k):
        k = k or 'not_known'  # a blank code
        m[k] = m.get(k, 0) + 1

    for c in ret.children:
        for p in ret.periods[c]:
            if p['short']:
                continue
            if lo <= p['start'] <= hi:
                pop['started'] += 1
            if p['end'] is not None and lo <= p['end'] <= hi:
                pop['ceased'] += 1
                bump(pop['ceased_by_reason'], p['eps'][-1]['rec'])
        p = ret.current(c, hi)
        if p is None:
            continue
        pop['at_end'] += 1
        e = episode_on(p, hi)
        bump(pop['by_legal_status'], e['ls'])
        bump(pop['by_placement'], e['place'])
        h = ret.header.get(c, {})
        bump(pop['by_sex'], SEX.get(h.get('sex', '').upper(), 'not_known'))
        if h.get('dob'):
            a = age_on(h['dob'], hi)
            for b, a0, a1 in BANDS:
                if a0 <= a <= a1:
                    pop['by_age_band'][b] += 1
        else:
            bump(pop['by_age_band'], 'not_known')
        if clocks.regime(p, hi) == 'standard':
            i = ret.periods[c].index(p)
            previous = [d for d, _ in ret.revs.get(c, [])
                        if d <= hi and clocks.holding(ret.periods[c], d) == i]
            if clocks.due_after(p, previous, hi) < hi:
                overdue += 1

    codes = {k: 0 for k in PN}
    for c, d, code in ret.rows:
        if lo <= d <= hi and code in codes:
            codes[code] += 1
    den = sum(codes['PN%d' % i] for i in range(1, 8))
    att = sum(codes['PN%d' % i] for i in (1, 2, 3, 4))
    part = sum(codes['PN%d' % i] for i in (1, 2, 3, 5, 6))

    return {
        'period': {'from': lo.isoformat(), 'to': hi.isoformat()},
        'reviews': {'held': held, 'in_time': in_time, 'by_sequence': seq,
                    'overdue_at_end': overdue},
        'participation': {'codes': codes,
                          'attendance': {'num': att, 'den': den},
                          'participation': {'num': part, 'den': den}},
        'population': pop,
    }


def child_level(ret, lo, hi):
    """(in time, total): children looked after on hi with a standard
    review due in lo..hi, and those whose every such review was in time."""
    held_in = {}
    for c, i, n, due, d, code, standard in ret.timed_reviews():
        held_in.setdefault((c, i), []).append((d, due, standard))
    good = total = 0
    for c in ret.children:
        now = ret.current(c, hi)
        if now is None or clocks.regime(now, hi) != 'standard':
            continue  # not looked after, or left the standard measures
        dues = []  # (due, in time?)
        for i, p in enumerate(ret.periods[c]):
            if p['short']:
                continue
            if clocks.regime(p, p['start']) != 'standard':
                continue  # adoption regime from its first day
            sw = switch_date(p)
            previous = []
            for d, due, standard in held_in.get((c, i), []):
                if not standard:
                    break  # the standard clock stopped before d
                dues.append((due, d <= due))
                previous.append(d)
            # The standard review after the last one held: due, never met
            # (held under the adoption regime, or not at all) - counted
            # when it fell due while the period and the standard regime
            # both lasted.
            nxt = clocks.due_after(p, previous, previous[-1] if previous else p['start'])
            if (p['end'] is None or nxt < p['end']) and (sw is None or nxt < sw):
                dues.append((nxt, False))
        dues = [ok for due, ok in dues if lo <= due <= hi]
        if dues:
            total += 1
            good += all(dues)
    return good, total


def timeliness(ret, lo, hi):
    r = report(ret, lo, hi)['reviews']
    s = r['by_sequence']
    good, total = child_level(ret, lo, hi)
    return {
        'first': s['first'], 'second': s['second'], 'subsequent': s['subsequent'],
        'all': {'held': r['held'], 'in_time': r['in_time']},
        'children': {'total': total, 'in_time': good},
        'overdue_at_end': r['overdue_at_end'],
    }


def pick(doc, group):
    for k in group.split('.'):
        doc = doc.get(k) if isinstance(doc, dict) else None
    return doc


def flat(x, prefix=''):
    """A group's figures as {dotted key: value}; absent figures are 0."""
    if isinstance(x, dict):
        out = {}
        for k, v in x.items():
            out.update(flat(v, prefix + '.' + str(k) if prefix else str(k)))
        return out
    return {prefix: 0 if x is None else x}


# Code maps: every key either side has is compared, a missing one being 0.
# Other groups have a fixed shape: the keys WANT has are compared (a
# percentage or rate GOT prints beside them is not one of these figures).
MAPS = {'participation.codes', 'population.by_legal_status', 'population.by_placement',
        'population.by_age_band', 'population.by_sex', 'population.ceased_by_reason'}


def compare(got_file, want_file, groups, names=('iro', 'oracle')):
    with open(got_file) as f:
        got = json.load(f)
    with open(want_file) as f:
        want = json.load(f)
    bad = 0
    for g in groups:
        a, b = flat(pick(got, g)), flat(pick(want, g))
        keys = sorted(set(a) | set(b)) if g in MAPS else sorted(b)
        diff = [k for k in keys if a.get(k, 0) != b.get(k, 0)]
        if diff:
            bad = 1
            for k in diff:
                print('%s%s: %s %s, %s %s' % (g, '.' + k if k else '',
                                              names[0], json.dumps(a.get(k, 0)),
                                              names[1], json.dumps(b.get(k, 0))))
    return bad


def iro_timeliness(path, overdue):
    with open(path) as f:
        rows = {r['measure']: r for r in json.load(f)}
    out = {}
    for k in ('first', 'second', 'subsequent', 'all'):
        r = rows.get(k + ' reviews', {})
        out[k] = {'held': r.get('total'), 'in_time': r.get('in_time')}
    r = rows.get('children (every review in time)', {})
    out['children'] = {'total': r.get('total'), 'in_time': r.get('in_time')}
    out['overdue_at_end'] = int(overdue) if overdue.isdigit() else None
    return out


def main(argv):
    args = argv[1:]
    if args[:1] == ['compare'] and len(args) >= 4:
        names = ('iro', 'oracle')
        if args[1] == '--as':
            names = tuple(args[2].split(','))
            args = args[2:]
        return compare(args[1], args[2], args[3:], names)
    if args[:1] == ['iro-timeliness'] and len(args) == 3:
        print(json.dumps(iro_timeliness(args[1], args[2]), indent=1, sort_keys=True))
        return 0
    if len(args) < 3 or ('--year' not in args and '--month' not in args):
        print(__doc__, file=sys.stderr)
        return 2
    flag = '--year' if '--year' in args else '--month'
    when = args[args.index(flag) + 1]
    folder = [a for a in args if not a.startswith('--') and a != when][0]
    lo, hi = year_bounds(when) if flag == '--year' else month_bounds(when)
    ret = Return(folder)
    out = timeliness(ret, lo, hi) if '--timeliness' in args else report(ret, lo, hi)
    print(json.dumps(out, indent=1, sort_keys=True))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
