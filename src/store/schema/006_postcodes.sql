-- The postcode table (reference data, spec §2; core/postcode.h): each
-- postcode, sector or district with its local authority and OS grid
-- reference, for where children are placed (M08). Postcodes are matched
-- by pc_key (upper case, one space before the inward part); of two rows
-- with one key, the first loaded is used.

CREATE TABLE postcode (
	id       INTEGER PRIMARY KEY,
	postcode TEXT NOT NULL UNIQUE CHECK (length(postcode) BETWEEN 1 AND 10),
	la       TEXT NOT NULL CHECK (length(la) BETWEEN 1 AND 11),
	easting  INTEGER CHECK (easting BETWEEN 0 AND 800000),
	northing INTEGER CHECK (northing BETWEEN 0 AND 1300000)
) STRICT;
