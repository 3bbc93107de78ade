-- The SSDA903 return as a whole (issue 7). iro keeps the header, episodes,
-- reviews and UASC rows as its own records (child, episode, review); the
-- return's other tables - OC2, OC3, AD1, placed for adoption, previous
-- permanence, missing, social worker episodes - are kept here as the return
-- gave them, so that `iro export 903` can give the year's return back and
-- `iro validate` can check it.
--
-- year is the collection year a row came in with, by its end (2023 is
-- 2022/23); seq the row's place among the child's rows of that table and
-- year; cells the row's cells after CHILD and DOB (which are the child's),
-- a JSON array of strings and nulls in the table's column order.

CREATE TABLE return_row (
	id       INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES child(id),
	tbl      TEXT NOT NULL CHECK (tbl IN ('OC2', 'OC3', 'AD1',
		'PlacedAdoption', 'PrevPerm', 'Missing', 'SWEpisodes')),
	year     INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	seq      INTEGER NOT NULL CHECK (seq >= 0),
	cells    TEXT NOT NULL CHECK (substr(cells, 1, 1) = '['),
	UNIQUE (child_id, tbl, year, seq)
) STRICT;

CREATE INDEX return_row_year ON return_row(year, tbl);

-- The children each year's return listed in its header: a child with no
-- episode in the year (a care leaver in OC3) is still in that year's
-- return.
CREATE TABLE return_child (
	child_id INTEGER NOT NULL REFERENCES child(id),
	year     INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	PRIMARY KEY (child_id, year)
) STRICT, WITHOUT ROWID;
