-- Indexes for the worklist (store/worklist_feed.c), which reads every
-- child's episodes and allocations in child order: covering them, each
-- child's rows are one stretch of one index, and the tables' wider rows
-- (postcodes, URNs, reasons) are never read. The allocation index also
-- serves what allocation_child did (the rules' look-ups by child).
CREATE INDEX episode_worklist ON episode(child_id, decom, dec, rne, ls,
	place, rec);
DROP INDEX allocation_child;
CREATE INDEX allocation_worklist ON allocation(child_id, start_date, iro_id,
	end_date, reason);
-- The open recommendations, by due date: the worklist wants those overdue.
CREATE INDEX recommendation_open ON recommendation(due_date, review_id)
	WHERE status = 'open';
-- Who the worklist on a day can name (worklist_feed.c): children in care
-- in a window, by the end of their episodes, and reviews held in it.
CREATE INDEX episode_open ON episode(dec, decom, child_id);
CREATE INDEX review_held ON review(held_date, child_id);
