-- Lists of many children (worklists, caseloads, alerts) leave out the
-- restricted records a user is not named on (store_hidden_children), on
-- every page view: find the restricted few without reading every child.
CREATE INDEX child_restricted ON child(la_child_id) WHERE restricted = 1;
