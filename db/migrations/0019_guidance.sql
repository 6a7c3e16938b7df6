CREATE TABLE `guidance_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`counselor_user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`session_id` integer,
	`referral_id` integer,
	`plan_item_id` integer,
	`scheduled_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'due' NOT NULL,
	`done_on` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counselor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `guidance_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `guidance_referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_item_id`) REFERENCES `guidance_plan_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_follow_ups_counselor_due` ON `guidance_follow_ups` (`counselor_user_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `guidance_follow_ups_person` ON `guidance_follow_ups` (`person_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `guidance_follow_ups_status_due` ON `guidance_follow_ups` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `guidance_follow_ups_referral` ON `guidance_follow_ups` (`referral_id`);--> statement-breakpoint
CREATE INDEX `guidance_follow_ups_plan_item` ON `guidance_follow_ups` (`plan_item_id`);--> statement-breakpoint
CREATE TABLE `guidance_plan_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `guidance_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_plan_items_session` ON `guidance_plan_items` (`session_id`);--> statement-breakpoint
CREATE INDEX `guidance_plan_items_status_due` ON `guidance_plan_items` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `guidance_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`session_id` integer,
	`counselor_user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`vacancy_id` integer,
	`target_name` text,
	`referred_on` text NOT NULL,
	`state` text DEFAULT 'referred' NOT NULL,
	`state_on` text NOT NULL,
	`note` text,
	`outcome_note` text,
	`case_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `guidance_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counselor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_referrals_person_date` ON `guidance_referrals` (`person_id`,`referred_on`);--> statement-breakpoint
CREATE INDEX `guidance_referrals_vacancy` ON `guidance_referrals` (`vacancy_id`);--> statement-breakpoint
CREATE INDEX `guidance_referrals_state` ON `guidance_referrals` (`state`,`referred_on`);--> statement-breakpoint
CREATE TABLE `guidance_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`counselor_user_id` integer NOT NULL,
	`session_date` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`mode` text NOT NULL,
	`topics` text NOT NULL,
	`notes` text,
	`skills` text,
	`intended_occupation_code` text,
	`expected_pay_min_fen` integer,
	`expected_pay_max_fen` integer,
	`preferred_place` text,
	`barriers` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counselor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_sessions_person_date` ON `guidance_sessions` (`person_id`,`session_date`);--> statement-breakpoint
CREATE INDEX `guidance_sessions_counselor_date` ON `guidance_sessions` (`counselor_user_id`,`session_date`);--> statement-breakpoint
-- Hand-written: the factory list of guidance topics (OR IGNORE: a row already there, as a migration drill's projected demo county has, is kept) (shared/domain/guidance FACTORY_GUIDANCE_TOPICS), editable by the administrator afterwards.
INSERT OR IGNORE INTO `code_entries` (`table_code`, `code`, `label`, `sort_order`, `applicant`, `created_at`, `updated_at`) VALUES
('guidance_topics', 'career_assessment', '职业测评', 1, NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z'),
('guidance_topics', 'job_search_skills', '求职技巧', 2, NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z'),
('guidance_topics', 'policy_advice', '政策咨询', 3, NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z'),
('guidance_topics', 'training_advice', '培训建议', 4, NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z'),
('guidance_topics', 'entrepreneurship', '创业指导', 5, NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z'),
('guidance_topics', 'counselling', '心理疏导', 6, NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
