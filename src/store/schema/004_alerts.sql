-- Practice alerts and dispute resolution (issue 4; spec §2, §3;
-- core/record_alerts.c): the authority's themes, teams and ladder, and each
-- alert with its stage history, time-bound actions and themes. Like every
-- record, a change keeps the replaced version in `revision`.

CREATE TABLE theme (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE team (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE ladder (
	id         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 31),
	name       TEXT NOT NULL,
	ceiling_wd INTEGER NOT NULL CHECK (ceiling_wd BETWEEN 1 AND 120)
) STRICT;

CREATE TABLE ladder_stage (
	id          INTEGER PRIMARY KEY,
	ladder_id   INTEGER NOT NULL REFERENCES ladder(id),
	name        TEXT NOT NULL,
	addressee   TEXT,
	response_wd INTEGER NOT NULL CHECK (response_wd BETWEEN 1 AND 60),
	formal      INTEGER NOT NULL CHECK (formal IN (0, 1))
) STRICT;
CREATE INDEX ladder_stage_ladder ON ladder_stage(ladder_id);

CREATE TABLE alert (
	id          INTEGER PRIMARY KEY,
	child_id    INTEGER NOT NULL REFERENCES child(id),
	iro_id      INTEGER NOT NULL REFERENCES iro(id),
	raised      TEXT NOT NULL CHECK (raised IS date(raised, '+0 days')),
	kind        TEXT NOT NULL,
	review_id   INTEGER REFERENCES review(id),
	team        TEXT,
	description TEXT NOT NULL,
	impact      TEXT,
	ladder      TEXT,
	status      TEXT NOT NULL,
	closed      TEXT CHECK (closed IS date(closed, '+0 days')),
	outcome     TEXT
) STRICT;
CREATE INDEX alert_child ON alert(child_id);
CREATE INDEX alert_open ON alert(iro_id) WHERE status = 'open';

CREATE TABLE alert_stage (
	id        INTEGER PRIMARY KEY,
	alert_id  INTEGER NOT NULL REFERENCES alert(id),
	stage     INTEGER NOT NULL,
	name      TEXT,
	addressee TEXT,
	entered   TEXT NOT NULL CHECK (entered IS date(entered, '+0 days')),
	due       TEXT CHECK (due IS date(due, '+0 days')),
	responded TEXT CHECK (responded IS date(responded, '+0 days')),
	response  TEXT
) STRICT;
CREATE INDEX alert_stage_alert ON alert_stage(alert_id);

CREATE TABLE alert_action (
	id       INTEGER PRIMARY KEY,
	alert_id INTEGER NOT NULL REFERENCES alert(id),
	action   TEXT NOT NULL,
	owner    TEXT,
	due      TEXT CHECK (due IS date(due, '+0 days')),
	done     TEXT CHECK (done IS date(done, '+0 days'))
) STRICT;
CREATE INDEX alert_action_alert ON alert_action(alert_id);

CREATE TABLE alert_theme (
	id       INTEGER PRIMARY KEY,
	alert_id INTEGER NOT NULL REFERENCES alert(id),
	theme    TEXT NOT NULL
) STRICT;
CREATE INDEX alert_theme_alert ON alert_theme(alert_id);

-- The themes of the seed reports, to start from: Buckinghamshire's Table
-- 18 (BUCKS-T18), Cheshire East's (CHESH-T2), Manchester's (MAN-H24) and
-- Nottinghamshire's escalation triggers (domain-rules §5.2).
INSERT INTO theme(name) VALUES
	('C&F assessment not completed in timescales before CPC / CLA Review'),
	('C&F assessment not shared with family in timescales before CPC / CLA Review'),
	('C&F assessment not signed off by manager before CPC / CLA Review'),
	('Children not being seen / seen alone'),
	('Decisions / Actions not carried out'),
	('Drift in permanency planning'),
	('IRO not notified of significant events'),
	('Lack of management oversight / supervision on child''s record'),
	('Missing / incomplete / poor standard of documentation'),
	('No SW or ATM / TM attended Review / Conference'),
	('Plan ''drifting'' or not agreed by IRO'),
	('Visits or Core Groups not being done'),
	('Education/PEP'),
	('Education'),
	('Health'),
	('Health Assessment'),
	('No updated care plan or plan not ready'),
	('No updated assessment'),
	('No social work report before the review'),
	('Lack of a clear exit plan'),
	('No social worker allocated'),
	('Child participation'),
	('Other');
