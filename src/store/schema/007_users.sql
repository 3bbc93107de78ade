-- The people who sign in to iro's web pages (spec §1), and who may see a
-- restricted child's record.
--
-- A user has one role. An IRO's user names the IRO record whose caseload
-- they see. The password is kept only as an argon2id hash (libsodium's
-- crypto_pwhash_str); a disabled user cannot sign in and is never deleted,
-- so the audit log's actor "web:NAME" always names someone.

CREATE TABLE app_user (
	id            INTEGER PRIMARY KEY,
	username      TEXT NOT NULL UNIQUE
	              CHECK (length(username) BETWEEN 1 AND 64
	                     AND username NOT GLOB '*[^a-z0-9._-]*'),
	display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
	role          TEXT NOT NULL
	              CHECK (role IN ('iro', 'manager', 'analyst', 'admin', 'auditor')),
	iro_id        INTEGER REFERENCES iro(id),
	password_hash TEXT NOT NULL CHECK (password_hash GLOB '$argon2id$*'),
	disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at    TEXT NOT NULL,
	CHECK ((role = 'iro') = (iro_id IS NOT NULL))
) STRICT;

-- The named users who may see a restricted child (child.restricted = 1);
-- nobody else may, whatever their role.
CREATE TABLE child_access (
	child_id INTEGER NOT NULL REFERENCES child(id),
	user_id  INTEGER NOT NULL REFERENCES app_user(id),
	PRIMARY KEY (child_id, user_id)
) STRICT;
