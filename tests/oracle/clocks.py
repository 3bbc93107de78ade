#!/usr/bin/env python3
"""An independent implementation of iro's statutory clocks (spec §3).

Written from the spec's text, apart from the C code, in another language
and another style, so that a slip in either shows up as a difference:

    clocks.py reviews DIR FROM TO   -> what `iro reviews --format csv` prints
    clocks.py due DIR AS_OF         -> what `iro due --format csv` prints
    clocks.py gen SEED N DIR        -> a random SSDA903 return full of edge
                                       cases (short periods, re-entries, X1
                                       chains that break, month ends, bank
                                       holidays, adoption, short breaks,
                                       reviews outside any period)

Rows are printed unsorted; the test sorts both sides.
"""
import csv
import datetime as dt
import os
import random
import sys

ONE = dt.timedelta(days=1)


# ---- Working days (domain-rules §1.2, §2) --------------------------------

def easter(y):
    """Easter Sunday by Gauss's method with the Gregorian corrections."""
    a, b, c = y % 19, y % 4, y % 7
    k = y // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    m = (15 - p + k - q) % 30
    n = (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    day = 22 + d + e  # in March, may spill into April
    if d == 29 and e == 6:
        return dt.date(y, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return dt.date(y, 4, 18)
    if day > 31:
        return dt.date(y, 4, day - 31)
    return dt.date(y, 3, day)


def bank_holidays(y):
    h = set()
    nyd = dt.date(y, 1, 1)
    while nyd.weekday() >= 5:
        nyd += ONE
    h.add(nyd)
    e = easter(y)
    h.add(e - 2 * ONE)
    h.add(e + ONE)
    may1 = dt.date(y, 5, 1)
    h.add(may1 + dt.timedelta(days=(7 - may1.weekday()) % 7))
    for month_end in (dt.date(y, 5, 31), dt.date(y, 8, 31)):
        h.add(month_end - dt.timedelta(days=month_end.weekday()))
    # Christmas and Boxing Day, each moved to the next free weekday.
    taken = set()
    for d in (dt.date(y, 12, 25), dt.date(y, 12, 26)):
        while d.weekday() >= 5 or d in taken:
            d += ONE
        taken.add(d)
    h |= taken
    one_offs = {
        2011: ([], [dt.date(2011, 4, 29)]),
        2012: ([dt.date(2012, 5, 28)], [dt.date(2012, 6, 4), dt.date(2012, 6, 5)]),
        2020: ([dt.date(2020, 5, 4)], [dt.date(2020, 5, 8)]),
        2022: ([dt.date(2022, 5, 30)], [dt.date(2022, 6, 2), dt.date(2022, 6, 3),
                                        dt.date(2022, 9, 19)]),
        2023: ([], [dt.date(2023, 5, 8)]),
    }
    gone, added = one_offs.get(y, ([], []))
    return (h - set(gone)) | set(added)


_holidays = {}


def working(d):
    if d.weekday() >= 5 or (d.month == 12 and d.day == 25):
        return False
    if d.year not in _holidays:
        _holidays[d.year] = bank_holidays(d.year)
    return d not in _holidays[d.year] and d != easter(d.year) - 2 * ONE


def plus_working_days(d, n):
    while n:
        d += ONE
        if working(d):
            n -= 1
    return d


def plus_months(d, n):
    months = d.year * 12 + d.month - 1 + n
    y, m = divmod(months, 12)
    m += 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - ONE).day
    return dt.date(y, m, min(d.day, last))


# ---- Reading a return -------------------------------------------------------

def read903(folder):
    def rows(name):
        for f in os.listdir(folder):
            if f.lower() == name:
                with open(os.path.join(folder, f), newline='', encoding='utf-8-sig') as fh:
                    return [{k.strip().upper(): (v or '').strip() for k, v in r.items()}
                            for r in csv.DictReader(fh)]
        return []

    def day(s):
        return dt.datetime.strptime(s, '%d/%m/%Y').date() if s else None

    eps, revs = {}, {}
    for r in rows('episodes.csv'):
        eps.setdefault(r['CHILD'], []).append(dict(
            start=day(r['DECOM']), end=day(r['DEC']), rne=r['RNE'].upper(),
            ls=r['LS'].upper(), place=r['PLACE'].upper(), rec=r['REC'].upper()))
    for r in rows('reviews.csv'):
        if r['REVIEW']:
            revs.setdefault(r['CHILD'], set()).add((day(r['REVIEW']), r['REVIEW_CODE'].upper()))
    children = [r['CHILD'] for r in rows('header.csv')]
    return children, {c: sorted(e, key=lambda x: x['start']) for c, e in eps.items()}, \
        {c: sorted(v) for c, v in revs.items()}


# ---- Periods and the schedule (spec §3) ------------------------------------

def periods_of(episodes):
    """RNE S starts a period; REC X1 hands it on; any other REC ends it."""
    out, open_period = [], None
    for e in episodes:
        if open_period is None or e['rne'] == 'S':
            if open_period is not None and (open_period['end'] is None
                                            or open_period['end'] > e['start']):
                open_period['end'] = e['start']
            open_period = dict(start=e['start'], end=e['end'], eps=[e])
            out.append(open_period)
        else:
            open_period['eps'].append(e)
            open_period['end'] = e['end']
        if e['rec'] and e['rec'] != 'X1':
            open_period = None
    for p in out:
        p['short'] = all(e['ls'] in ('V3', 'V4') for e in p['eps'])
        p['auth'] = next((e['start'] for e in p['eps'] if e['ls'] == 'E1'), None)
        p['placed'] = next((e['start'] for e in p['eps']
                            if e['place'] in ('A3', 'A4', 'A5', 'A6')), None)
    return out


def holding(periods, d):
    """The period whose start and end (inclusive) hold d; the later wins."""
    found = None
    for i, p in enumerate(periods):
        if p['start'] <= d and (p['end'] is None or d <= p['end']):
            found = i
    return found


def regime(p, d):
    if p['short']:
        return 'short'
    if p['placed'] and d >= p['placed']:
        return 'placed'
    if p['auth'] and d >= p['auth']:
        return 'authority'
    return 'standard'


def due_after(p, previous, on):
    """Due date of the review after `previous` (dates held earlier in the
    period, oldest first), for a review on (or looked for on) `on`."""
    g = regime(p, on)
    last = previous[-1] if previous else None
    if g == 'short':
        return plus_months(p['start'], 3) if last is None else plus_months(last, 6)
    if g == 'authority':
        if last is None or last < p['auth']:
            return plus_months(p['auth'], 3)
        return plus_months(last, 6)
    if g == 'placed':
        since = [d for d in previous if d >= p['placed']]
        if not since:
            return p['placed'] + dt.timedelta(days=28)
        return plus_months(last, 3 if len(since) == 1 else 6)
    if last is None:
        return plus_working_days(p['start'], 20)
    return plus_months(last, 3 if len(previous) == 1 else 6)


def iso(d):
    return d.isoformat() if d else ''


def reviews(folder, lo, hi):
    children, eps, revs = read903(folder)
    print('child,period_start,sequence,due,held,in_time,pn_code')
    for c in children:
        ps = periods_of(eps.get(c, []))
        seen = {}
        for held, pn in revs.get(c, []):
            i = holding(ps, held)
            if i is not None:
                before = seen.setdefault(i, [])
                due = due_after(ps[i], before, held)
                before.append(held)
            if not (lo <= held <= hi):
                continue
            if i is None:
                print(f'{c},,,,{iso(held)},,{pn}')
            else:
                print(f'{c},{iso(ps[i]["start"])},{len(before)},{iso(due)},{iso(held)},'
                      f'{"yes" if held <= due else "no"},{pn}')


def due(folder, as_of):
    children, eps, revs = read903(folder)
    print('child,period_start,next_sequence,due,days_overdue')
    for c in children:
        ps = periods_of(eps.get(c, []))
        now = [i for i, p in enumerate(ps)
               if p['start'] <= as_of and (p['end'] is None or as_of < p['end'])]
        if not now:
            continue
        p = ps[now[-1]]
        if regime(p, as_of) != 'standard':
            continue
        previous = [d for d, _ in revs.get(c, []) if d <= as_of and holding(ps, d) == now[-1]]
        d = due_after(p, previous, as_of)
        print(f'{c},{iso(p["start"])},{len(previous) + 1},{iso(d)},{max(0, (as_of - d).days)}')


# ---- Random returns full of edge cases ------------------------------------

def gen(seed, n, folder):
    rnd = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    hard_days = [dt.date(y, m, d) for y in range(2011, 2027)
                 for (m, d) in ((1, 31), (2, 28), (2, 29) if y % 4 == 0 else (2, 28),
                                (3, 31), (4, 30), (5, 31), (8, 31), (11, 30),
                                (12, 18), (12, 19), (12, 24))]
    hard_days += [easter(y) - k * ONE for y in range(2011, 2027) for k in range(0, 6)]
    hard_days += [dt.date(2022, 5, 27), dt.date(2020, 5, 1), dt.date(2011, 4, 20)]

    def some_day(lo, hi):
        if rnd.random() < 0.3:
            choices = [d for d in hard_days if lo <= d <= hi]
            if choices:
                return rnd.choice(choices)
        return lo + dt.timedelta(days=rnd.randint(0, max(0, (hi - lo).days)))

    def f(d):
        return d.strftime('%d/%m/%Y') if d else ''

    with open(os.path.join(folder, 'header.csv'), 'w', newline='') as h, \
            open(os.path.join(folder, 'episodes.csv'), 'w', newline='') as e, \
            open(os.path.join(folder, 'reviews.csv'), 'w', newline='') as r:
        h.write('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n')
        e.write('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,'
                'REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n')
        r.write('CHILD,DOB,REVIEW,REVIEW_CODE\n')
        end_of_data = dt.date(2026, 3, 31)
        for k in range(n):
            child = f'R{k:05d}'
            dob = some_day(dt.date(2004, 1, 1), dt.date(2020, 12, 31))
            h.write(f'{child},{rnd.choice("12")},{f(dob)},WBRI,,,\n')
            t = max(dob, dt.date(2011, 1, 1)) + dt.timedelta(days=rnd.randint(0, 2000))
            kind = rnd.random()
            held_all = []
            for _ in range(rnd.choice((1, 1, 1, 2, 3))):  # periods of care
                if t >= end_of_data:
                    break
                start = some_day(t, min(end_of_data, t + dt.timedelta(days=300)))
                short = kind < 0.08
                ls = rnd.choice(('V3', 'V4')) if short else rnd.choice(('V2', 'C1', 'C2'))
                d = start
                rne = 'S'
                for j in range(rnd.choice((1, 2, 3, 4))):  # episodes
                    length = rnd.choice((3, 10, 25, 60, 200, 400, 900))
                    stop = d + dt.timedelta(days=length)
                    place = rnd.choice(('U4', 'U6', 'K2'))
                    this_ls = ls
                    if not short and kind > 0.85 and j >= 1:
                        this_ls = 'E1'
                        if j >= 2:
                            place = rnd.choice(('A5', 'A6', 'A3'))
                    last = j == 3 or rnd.random() < 0.3 or stop >= end_of_data
                    anomaly = rnd.random()
                    if stop >= end_of_data and rnd.random() < 0.6:
                        e.write(f'{child},{f(d)},{rne},{this_ls},N1,{place},PR1,,,,,,\n')
                        d = None
                        break
                    rec = 'X1' if not last else rnd.choice(('E4A', 'E13', 'E8'))
                    if last and anomaly < 0.03:
                        rec = 'X1'  # X1 with nothing after it (rule 388)
                    e.write(f'{child},{f(d)},{rne},{this_ls},N1,{place},PR1,{f(stop)},{rec},,,,\n')
                    if last:
                        d = stop
                        break
                    gap = dt.timedelta(days=rnd.choice((1, 5))) if anomaly < 0.04 else dt.timedelta(0)
                    d = stop + gap  # a gap after X1 breaks the chain (rule 388)
                    rne = 'S' if anomaly > 0.98 else rnd.choice(('L', 'P', 'T'))
                p_end = d
                # Reviews: around the period, some outside it.
                if not short or rnd.random() < 0.5:
                    cursor = start
                    hi = min(end_of_data, p_end or end_of_data)
                    for _ in range(rnd.randint(0, 8)):
                        if cursor > hi:
                            break
                        step = rnd.choice((10, 20, 28, 60, 85, 92, 150, 180, 185, 200))
                        cand = cursor + dt.timedelta(days=rnd.randint(step - 10, step + 10))
                        if rnd.random() < 0.2:
                            cand = some_day(cursor, cursor + dt.timedelta(days=200))
                        if rnd.random() < 0.03:
                            cand = start - dt.timedelta(days=rnd.randint(1, 40))
                        if cand > end_of_data or cand < dob:
                            break
                        held_all.append(cand)
                        cursor = cand + ONE
                if p_end is None:
                    break
                t = p_end + dt.timedelta(days=rnd.randint(1, 500))
            for d in sorted(set(held_all)):
                age = (d.year - dob.year) - ((d.month, d.day) < (dob.month, dob.day))
                code = 'PN0' if age < 4 else rnd.choice(('PN1', 'PN5', 'PN6', 'PN7'))
                if rnd.random() < 0.02:
                    code = ''
                r.write(f'{child},{f(dob)},{f(d)},{code}\n')


def main(argv):
    if len(argv) >= 2 and argv[1] == 'reviews':
        lo, hi = (dt.date.fromisoformat(x) for x in argv[3:5])
        reviews(argv[2], lo, hi)
    elif len(argv) >= 2 and argv[1] == 'due':
        due(argv[2], dt.date.fromisoformat(argv[3]))
    elif len(argv) >= 2 and argv[1] == 'gen':
        gen(int(argv[2]), int(argv[3]), argv[4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
