-- 002_records.sql: every record of spec §2 beyond episodes, and the
-- history of every change (issue 3).
--
-- The fields are those of src/core/record_kinds.c (docs/records.md); the
-- code lists are checked there, and here only the shape: real days,
-- booleans 0/1, references. A record's current version is its row; every
-- version it replaced is in `revision`, with who replaced it and when.

-- No release wrote IROs or allocations before this version: they are made
-- again with the fields the records now have.
DROP TABLE allocation;
DROP TABLE iro;

CREATE TABLE iro (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	team        TEXT,
	start_date  TEXT NOT NULL CHECK (start_date IS date(start_date, '+0 days')),
	end_date    TEXT CHECK (end_date IS date(end_date, '+0 days')),
	CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;

-- FTE as a dated history: the FTE on a day is the latest from on or before it.
CREATE TABLE iro_fte (
	id          INTEGER PRIMARY KEY,
	iro_id      INTEGER NOT NULL REFERENCES iro(id),
	from_date   TEXT NOT NULL CHECK (from_date IS date(from_date, '+0 days')),
	fte         REAL NOT NULL CHECK (fte > 0 AND fte <= 1.5)
) STRICT;
CREATE INDEX iro_fte_iro ON iro_fte(iro_id);

CREATE TABLE iro_absence (
	id          INTEGER PRIMARY KEY,
	iro_id      INTEGER NOT NULL REFERENCES iro(id),
	from_date   TEXT NOT NULL CHECK (from_date IS date(from_date, '+0 days')),
	to_date     TEXT CHECK (to_date IS date(to_date, '+0 days')),
	reason      TEXT,
	CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX iro_absence_iro ON iro_absence(iro_id);

CREATE TABLE allocation (
	id              INTEGER PRIMARY KEY,
	child_id        INTEGER NOT NULL REFERENCES child(id),
	iro_id          INTEGER NOT NULL REFERENCES iro(id),
	start_date      TEXT NOT NULL CHECK (start_date IS date(start_date, '+0 days')),
	end_date        TEXT CHECK (end_date IS date(end_date, '+0 days')),
	reason          TEXT NOT NULL CHECK (reason IN ('new', 'transfer', 'cover')),
	override_reason TEXT,
	CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX allocation_child ON allocation(child_id, start_date);
CREATE INDEX allocation_iro ON allocation(iro_id);

ALTER TABLE child ADD COLUMN disability INTEGER CHECK (disability IN (0, 1));
ALTER TABLE child ADD COLUMN social_worker TEXT;
ALTER TABLE child ADD COLUMN sibling_group TEXT;
ALTER TABLE child ADD COLUMN parent_id INTEGER REFERENCES child(id);
CREATE INDEX child_sibling_group ON child(sibling_group)
	WHERE sibling_group IS NOT NULL;
CREATE INDEX child_parent ON child(parent_id) WHERE parent_id IS NOT NULL;

ALTER TABLE review ADD COLUMN venue TEXT;
ALTER TABLE review ADD COLUMN mode TEXT;
ALTER TABLE review ADD COLUMN co_chaired INTEGER CHECK (co_chaired IN (0, 1));
ALTER TABLE review ADD COLUMN parents_attended INTEGER
	CHECK (parents_attended IN (0, 1));
ALTER TABLE review ADD COLUMN sw_attended INTEGER CHECK (sw_attended IN (0, 1));
ALTER TABLE review ADD COLUMN sw_attended_role TEXT;
ALTER TABLE review ADD COLUMN sw_report_date TEXT
	CHECK (sw_report_date IS date(sw_report_date, '+0 days'));
ALTER TABLE review ADD COLUMN plan_updated INTEGER CHECK (plan_updated IN (0, 1));
ALTER TABLE review ADD COLUMN assessment_date TEXT
	CHECK (assessment_date IS date(assessment_date, '+0 days'));
ALTER TABLE review ADD COLUMN plan_copy INTEGER CHECK (plan_copy IN (0, 1));
ALTER TABLE review ADD COLUMN plan_satisfied INTEGER
	CHECK (plan_satisfied IN (0, 1));
ALTER TABLE review ADD COLUMN plan_grade TEXT;
ALTER TABLE review ADD COLUMN rag TEXT;
ALTER TABLE review ADD COLUMN permanence_plan TEXT;
ALTER TABLE review ADD COLUMN permanence_confirmed INTEGER
	CHECK (permanence_confirmed IN (0, 1));
ALTER TABLE review ADD COLUMN advocate_present INTEGER
	CHECK (advocate_present IN (0, 1));
ALTER TABLE review ADD COLUMN minutes_sent_date TEXT
	CHECK (minutes_sent_date IS date(minutes_sent_date, '+0 days'));
-- Covers every column the worklist reads, in the order it reads them
-- (store/worklist_feed.c), so the whole service's reviews are one index scan.
CREATE INDEX review_worklist ON review(child_id, held_date, id, status, kind,
	source, scheduled_date, minutes_sent_date, permanence_plan,
	chair_iro_id);

CREATE TABLE recommendation (
	id            INTEGER PRIMARY KEY,
	review_id     INTEGER NOT NULL REFERENCES review(id),
	text          TEXT NOT NULL,
	owner_role    TEXT,
	owner_name    TEXT,
	due_date      TEXT CHECK (due_date IS date(due_date, '+0 days')),
	status        TEXT NOT NULL,
	achieved_date TEXT CHECK (achieved_date IS date(achieved_date, '+0 days')),
	childs_own    INTEGER CHECK (childs_own IN (0, 1))
) STRICT;
CREATE INDEX recommendation_review ON recommendation(review_id);

CREATE TABLE consultation (
	id               INTEGER PRIMARY KEY,
	review_id        INTEGER NOT NULL REFERENCES review(id),
	respondent_group TEXT NOT NULL,
	sent_date        TEXT CHECK (sent_date IS date(sent_date, '+0 days')),
	received_date    TEXT CHECK (received_date IS date(received_date, '+0 days'))
) STRICT;
CREATE INDEX consultation_review ON consultation(review_id);

CREATE TABLE oversight (
	id        INTEGER PRIMARY KEY,
	child_id  INTEGER NOT NULL REFERENCES child(id),
	iro_id    INTEGER NOT NULL REFERENCES iro(id),
	on_date   TEXT NOT NULL CHECK (on_date IS date(on_date, '+0 days')),
	kind      TEXT NOT NULL,
	note      TEXT
) STRICT;
CREATE INDEX oversight_child ON oversight(child_id);

CREATE TABLE oversight_progress (
	id                INTEGER PRIMARY KEY,
	oversight_id      INTEGER NOT NULL REFERENCES oversight(id),
	recommendation_id INTEGER NOT NULL REFERENCES recommendation(id),
	progress          TEXT NOT NULL,
	note              TEXT
) STRICT;
CREATE INDEX oversight_progress_oversight ON oversight_progress(oversight_id);

CREATE TABLE contact (
	id          INTEGER PRIMARY KEY,
	child_id    INTEGER NOT NULL REFERENCES child(id),
	iro_id      INTEGER NOT NULL REFERENCES iro(id),
	on_date     TEXT NOT NULL CHECK (on_date IS date(on_date, '+0 days')),
	kind        TEXT NOT NULL,
	seen_alone  INTEGER CHECK (seen_alone IN (0, 1))
) STRICT;
CREATE INDEX contact_child ON contact(child_id, on_date);

CREATE TABLE advocacy (
	id           INTEGER PRIMARY KEY,
	child_id     INTEGER NOT NULL REFERENCES child(id),
	on_date      TEXT NOT NULL CHECK (on_date IS date(on_date, '+0 days')),
	provider     TEXT,
	issue        TEXT,
	referred_by  TEXT
) STRICT;
CREATE INDEX advocacy_child ON advocacy(child_id);

CREATE TABLE feedback (
	id          INTEGER PRIMARY KEY,
	respondent  TEXT NOT NULL,
	on_date     TEXT NOT NULL CHECK (on_date IS date(on_date, '+0 days')),
	child_id    INTEGER REFERENCES child(id),
	review_id   INTEGER REFERENCES review(id),
	survey      TEXT,
	quote       TEXT
) STRICT;
CREATE INDEX feedback_child ON feedback(child_id) WHERE child_id IS NOT NULL;

CREATE TABLE feedback_answer (
	id          INTEGER PRIMARY KEY,
	feedback_id INTEGER NOT NULL REFERENCES feedback(id),
	question    TEXT NOT NULL,
	answer      TEXT NOT NULL
) STRICT;
CREATE INDEX feedback_answer_feedback ON feedback_answer(feedback_id);

CREATE TABLE qa (
	id        INTEGER PRIMARY KEY,
	iro_id    INTEGER NOT NULL REFERENCES iro(id),
	on_date   TEXT NOT NULL CHECK (on_date IS date(on_date, '+0 days')),
	kind      TEXT NOT NULL,
	child_id  INTEGER REFERENCES child(id),
	note      TEXT
) STRICT;
CREATE INDEX qa_iro ON qa(iro_id);

-- Every version of a record that a change replaced: its JSON as
-- docs/records.md gives it, who replaced it and when. Append-only, like
-- the audit log.
CREATE TABLE revision (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL,
	record_id    INTEGER NOT NULL,
	child_id     INTEGER, -- not a foreign key: history outlives records
	replaced_at  TEXT NOT NULL,
	replaced_by  TEXT NOT NULL,
	data         TEXT NOT NULL
) STRICT;
CREATE INDEX revision_record ON revision(kind, record_id);
CREATE INDEX revision_child ON revision(child_id) WHERE child_id IS NOT NULL;
CREATE TRIGGER revision_no_update BEFORE UPDATE ON revision
BEGIN
	SELECT RAISE(ABORT, 'the history of records is append-only');
END;
CREATE TRIGGER revision_no_delete BEFORE DELETE ON revision
BEGIN
	SELECT RAISE(ABORT, 'the history of records is append-only');
END;
