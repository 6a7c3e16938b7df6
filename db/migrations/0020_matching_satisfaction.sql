CREATE TABLE `satisfaction_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_type` text NOT NULL,
	`service_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`staff_user_id` integer,
	`rating` integer NOT NULL,
	`comment` text,
	`channel` text NOT NULL,
	`rated_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "satisfaction_ratings_rating_range" CHECK("satisfaction_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `satisfaction_ratings_service` ON `satisfaction_ratings` (`service_type`,`service_id`);--> statement-breakpoint
CREATE INDEX `satisfaction_ratings_rated_on` ON `satisfaction_ratings` (`rated_on`);--> statement-breakpoint
CREATE INDEX `satisfaction_ratings_staff` ON `satisfaction_ratings` (`staff_user_id`,`rated_on`);--> statement-breakpoint
CREATE INDEX `satisfaction_ratings_person` ON `satisfaction_ratings` (`person_id`);--> statement-breakpoint
CREATE INDEX `persons_intention` ON `persons` (`intended_occupation_code`,`employment_status`,`education_code`,`merged_into_id`,`residence_township_code`,`intended_salary_min_fen`,`intended_salary_max_fen`,`intended_place`);--> statement-breakpoint
CREATE INDEX `vacancies_match` ON `vacancies` (`status`,`occupation_code`,`valid_to`,`valid_from`,`education_code`,`salary_min_fen`,`salary_max_fen`,`enterprise_id`,`work_place`);