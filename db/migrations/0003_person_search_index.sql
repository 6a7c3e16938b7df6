-- Phone suffix search: the reversed number makes "last digits" an indexed prefix.
-- reverse_text() is registered by db/open.ts on every connection.
UPDATE `persons` SET `phone_reversed` = reverse_text(`phone`) WHERE `phone` IS NOT NULL;
--> statement-breakpoint
-- ID fragments (e.g. the middle digits read over the phone): a trigram index over the ID number.
CREATE VIRTUAL TABLE `person_id_fts` USING fts5(`id_number`, content='persons', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `person_id_fts`(`person_id_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `persons_id_fts_insert` AFTER INSERT ON `persons` BEGIN
  INSERT INTO `person_id_fts`(rowid, `id_number`) VALUES (new.`id`, new.`id_number`);
END;
--> statement-breakpoint
CREATE TRIGGER `persons_id_fts_delete` AFTER DELETE ON `persons` BEGIN
  INSERT INTO `person_id_fts`(`person_id_fts`, rowid, `id_number`) VALUES ('delete', old.`id`, old.`id_number`);
END;
--> statement-breakpoint
CREATE TRIGGER `persons_id_fts_update` AFTER UPDATE OF `id_number` ON `persons` BEGIN
  INSERT INTO `person_id_fts`(`person_id_fts`, rowid, `id_number`) VALUES ('delete', old.`id`, old.`id_number`);
  INSERT INTO `person_id_fts`(rowid, `id_number`) VALUES (new.`id`, new.`id_number`);
END;
