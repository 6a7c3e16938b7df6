CREATE TABLE `person_key_group_counts` (
	`code` text PRIMARY KEY NOT NULL,
	`persons` integer NOT NULL
);

--> statement-breakpoint
-- Hand-written (issue 22): the counts of the tags already stored, then kept by the database on every write of them.
INSERT INTO `person_key_group_counts` (`code`, `persons`) SELECT `code`, count(*) FROM `person_key_groups` GROUP BY `code`;
--> statement-breakpoint
CREATE TRIGGER `person_key_group_counts_insert` AFTER INSERT ON `person_key_groups` BEGIN
  INSERT INTO `person_key_group_counts` (`code`, `persons`) VALUES (new.`code`, 1) ON CONFLICT(`code`) DO UPDATE SET `persons` = `persons` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `person_key_group_counts_delete` AFTER DELETE ON `person_key_groups` BEGIN
  UPDATE `person_key_group_counts` SET `persons` = `persons` - 1 WHERE `code` = old.`code`;
END;
--> statement-breakpoint
CREATE TRIGGER `person_key_group_counts_update` AFTER UPDATE OF `code` ON `person_key_groups` BEGIN
  UPDATE `person_key_group_counts` SET `persons` = `persons` - 1 WHERE `code` = old.`code`;
  INSERT INTO `person_key_group_counts` (`code`, `persons`) VALUES (new.`code`, 1) ON CONFLICT(`code`) DO UPDATE SET `persons` = `persons` + 1;
END;
