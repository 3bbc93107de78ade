-- Practice alerts on the worklist (store/worklist_children.c,
-- worklist_feed.c). The alerts that can make an item on a day are those
-- open (alert_open), closed after it (closed then, open on the day), or
-- with an action due before it and not done by it; each branch is one
-- index range, so only those alerts are read.
CREATE INDEX alert_closed ON alert(closed) WHERE closed IS NOT NULL;
CREATE INDEX alert_action_undone ON alert_action(due, alert_id)
	WHERE done IS NULL;
CREATE INDEX alert_action_done ON alert_action(done, due, alert_id)
	WHERE done IS NOT NULL;
