ALTER TABLE sample_things ADD COLUMN label VARCHAR(64);
