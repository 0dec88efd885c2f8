-- Each role's revision: a replace or an inheritance writes only over the revision it read (existing roles start
-- at 1), so concurrent writes cannot lose one another's changes.
ALTER TABLE role_objects ADD COLUMN revision BIGINT DEFAULT 1 NOT NULL;
