-- Palisade store, schema 2. A grant is given for one publisher key: the extension module keeps an
-- operator's approval only while the extension is signed by the key it was approved for. NULL: not tied
-- to a key (grants from schema 1, or restored from its backups), which the extension module treats as void.
ALTER TABLE grants ADD COLUMN publisher VARCHAR(128);
