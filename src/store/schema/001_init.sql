-- 001_init.sql: the first schema of the iro case store.
--
-- Dates are ISO 8601 text ('YYYY-MM-DD') and each is checked to name a day
-- that exists (date(x, '+0 days') normalises 2021-02-31 to 2021-03-03, so
-- the check refuses it). Times are UTC, 'YYYY-MM-DDTHH:MM:SS.sssZ'.
-- Every table is STRICT. Every write is also a row in `audit`, which is
-- append-only.

CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

-- A child: the SSDA903 header (and UASC) fields, and what iro adds.
CREATE TABLE child (
	id           INTEGER PRIMARY KEY,
	la_child_id  TEXT NOT NULL UNIQUE CHECK (length(la_child_id) BETWEEN 1 AND 32),
	sex          TEXT CHECK (sex IN ('M', 'F', 'U')),
	dob          TEXT NOT NULL CHECK (dob IS date(dob, '+0 days')),
	ethnicity    TEXT,
	upn          TEXT,
	mother       INTEGER CHECK (mother IN (0, 1)),
	mc_dob       TEXT CHECK (mc_dob IS date(mc_dob, '+0 days')),
	uasc         INTEGER NOT NULL DEFAULT 0 CHECK (uasc IN (0, 1)),
	uasc_ceased  TEXT CHECK (uasc_ceased IS date(uasc_ceased, '+0 days')),
	given_name   TEXT,
	family_name  TEXT,
	team         TEXT,
	restricted   INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1))
) STRICT;

-- An SSDA903 episode of care.
CREATE TABLE episode (
	id                  INTEGER PRIMARY KEY,
	child_id            INTEGER NOT NULL REFERENCES child(id),
	decom               TEXT NOT NULL CHECK (decom IS date(decom, '+0 days')),
	rne                 TEXT CHECK (rne IN ('S', 'L', 'P', 'T', 'U', 'B')),
	ls                  TEXT NOT NULL,
	cin                 TEXT NOT NULL,
	place               TEXT NOT NULL,
	place_provider      TEXT,
	dec                 TEXT CHECK (dec IS date(dec, '+0 days')),
	rec                 TEXT,
	reason_place_change TEXT,
	home_post           TEXT,
	pl_post             TEXT,
	urn                 TEXT,
	UNIQUE (child_id, decom),
	CHECK (dec IS NULL OR dec >= decom),
	CHECK ((dec IS NULL) = (rec IS NULL))
) STRICT;

-- An Independent Reviewing Officer.
CREATE TABLE iro (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	team        TEXT,
	fte         REAL NOT NULL DEFAULT 1.0 CHECK (fte > 0 AND fte <= 1.5),
	start_date  TEXT NOT NULL CHECK (start_date IS date(start_date, '+0 days')),
	end_date    TEXT CHECK (end_date IS date(end_date, '+0 days')),
	CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;

-- Which IRO a child is allocated to, and when.
CREATE TABLE allocation (
	id          INTEGER PRIMARY KEY,
	child_id    INTEGER NOT NULL REFERENCES child(id),
	iro_id      INTEGER NOT NULL REFERENCES iro(id),
	start_date  TEXT NOT NULL CHECK (start_date IS date(start_date, '+0 days')),
	end_date    TEXT CHECK (end_date IS date(end_date, '+0 days')),
	reason      TEXT NOT NULL CHECK (reason IN ('new', 'transfer', 'cover')),
	CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX allocation_child ON allocation(child_id);
CREATE INDEX allocation_iro ON allocation(iro_id);

-- A review meeting. Its status history is in review_status; `status`
-- here is the latest.
CREATE TABLE review (
	id              INTEGER PRIMARY KEY,
	child_id        INTEGER NOT NULL REFERENCES child(id),
	kind            TEXT NOT NULL DEFAULT 'looked_after'
	                CHECK (kind IN ('looked_after', 'pathway_plan',
	                                'short_break', 'adoption')),
	status          TEXT NOT NULL
	                CHECK (status IN ('scheduled', 'rearranged', 'held',
	                                  'stood_down', 'cancelled', 'adjourned')),
	original_date   TEXT CHECK (original_date IS date(original_date, '+0 days')),
	scheduled_date  TEXT CHECK (scheduled_date IS date(scheduled_date, '+0 days')),
	held_date       TEXT CHECK (held_date IS date(held_date, '+0 days')),
	pn_code         TEXT CHECK (pn_code IN ('PN0', 'PN1', 'PN2', 'PN3',
	                                        'PN4', 'PN5', 'PN6', 'PN7')),
	chair_iro_id    INTEGER REFERENCES iro(id),
	source          TEXT NOT NULL CHECK (source IN ('ssda903', 'iro')),
	CHECK ((status = 'held') = (held_date IS NOT NULL))
) STRICT;
-- One review held a day per child: the key an SSDA903 import matches on.
CREATE UNIQUE INDEX review_held_day ON review(child_id, held_date)
	WHERE held_date IS NOT NULL;

CREATE TABLE review_status (
	id              INTEGER PRIMARY KEY,
	review_id       INTEGER NOT NULL REFERENCES review(id),
	status          TEXT NOT NULL
	                CHECK (status IN ('scheduled', 'rearranged', 'held',
	                                  'stood_down', 'cancelled', 'adjourned')),
	effective_date  TEXT CHECK (effective_date IS date(effective_date, '+0 days')),
	requested_by    TEXT,
	reason          TEXT,
	recorded_at     TEXT NOT NULL,
	actor           TEXT NOT NULL
) STRICT;
CREATE INDEX review_status_review ON review_status(review_id);

-- Days an administrator has made a holiday (working = 0) or a working day
-- (working = 1), over the rules of the England and Wales calendar.
CREATE TABLE calendar_day (
	day         TEXT PRIMARY KEY CHECK (day IS date(day, '+0 days')),
	working     INTEGER NOT NULL CHECK (working IN (0, 1)),
	name        TEXT NOT NULL,
	recorded_at TEXT NOT NULL,
	actor       TEXT NOT NULL
) STRICT;

-- Who did what, when: every write, and every read of a child's record.
CREATE TABLE audit (
	id         INTEGER PRIMARY KEY,
	at         TEXT NOT NULL,
	actor      TEXT NOT NULL,
	action     TEXT NOT NULL,
	entity     TEXT NOT NULL,
	entity_id  INTEGER,
	child_id   INTEGER,   -- not a foreign key: the log outlives records
	detail     TEXT       -- JSON, written by iro's own code
) STRICT;
CREATE INDEX audit_child ON audit(child_id) WHERE child_id IS NOT NULL;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
