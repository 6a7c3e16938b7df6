CREATE TABLE `difficulty_types` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`sort_order` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `enterprise_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` text,
	`phone` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_contacts_enterprise` ON `enterprise_contacts` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `enterprise_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`reason` text NOT NULL,
	`corrected_by` integer,
	`corrected_at` text NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_corrections_enterprise` ON `enterprise_corrections` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `enterprise_former_names` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`name` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_former_names_enterprise` ON `enterprise_former_names` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `enterprise_headcounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`insured_count` integer NOT NULL,
	`source` text NOT NULL,
	`visit_id` integer,
	`recorded_at` text NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_headcounts_enterprise` ON `enterprise_headcounts` (`enterprise_id`,`as_of`);--> statement-breakpoint
CREATE TABLE `enterprise_hiring_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`occupation_code` text NOT NULL,
	`title` text NOT NULL,
	`quarter` text NOT NULL,
	`openings` integer NOT NULL,
	`vacancy_id` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `enterprise_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_hiring_plans_visit` ON `enterprise_hiring_plans` (`visit_id`);--> statement-breakpoint
CREATE INDEX `enterprise_hiring_plans_quarter` ON `enterprise_hiring_plans` (`quarter`,`occupation_code`);--> statement-breakpoint
CREATE TABLE `enterprise_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`visit_id` integer,
	`description` text NOT NULL,
	`owner_user_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`closing_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `enterprise_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_tasks_enterprise` ON `enterprise_tasks` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE INDEX `enterprise_tasks_owner` ON `enterprise_tasks` (`owner_user_id`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `enterprise_visit_difficulties` (
	`visit_id` integer NOT NULL,
	`code` text NOT NULL,
	`note` text,
	PRIMARY KEY(`visit_id`, `code`),
	FOREIGN KEY (`visit_id`) REFERENCES `enterprise_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`code`) REFERENCES `difficulty_types`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_visit_difficulties_code` ON `enterprise_visit_difficulties` (`code`);--> statement-breakpoint
CREATE TABLE `enterprise_visit_policies` (
	`visit_id` integer NOT NULL,
	`policy_code` text NOT NULL,
	`interest` text NOT NULL,
	PRIMARY KEY(`visit_id`, `policy_code`),
	FOREIGN KEY (`visit_id`) REFERENCES `enterprise_visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `enterprise_visit_staff` (
	`visit_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`visit_id`, `user_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `enterprise_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_visit_staff_user` ON `enterprise_visit_staff` (`user_id`);--> statement-breakpoint
CREATE TABLE `enterprise_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`visit_date` text NOT NULL,
	`mode` text NOT NULL,
	`contact_id` integer,
	`contact_name` text,
	`headcount` integer,
	`requests` text,
	`notes` text,
	`survey_quarter` text,
	`reference_date` text,
	`headcount_previous` integer,
	`headcount_change_reason` text,
	`shortage_count` integer,
	`starting_pay_fen` integer,
	`expected_hires` integer,
	`cancelled_at` text,
	`cancel_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `enterprise_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_visits_enterprise` ON `enterprise_visits` (`enterprise_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `enterprise_visits_date` ON `enterprise_visits` (`visit_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `enterprise_visits_one_survey` ON `enterprise_visits` (`enterprise_id`,`survey_quarter`) WHERE kind = 'survey' and cancelled_at is null;--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`credit_code` text,
	`registration_number` text,
	`name` text NOT NULL,
	`entity_type` text NOT NULL,
	`industry_section` text,
	`industry_division` text,
	`ownership_code` text,
	`size_class` text,
	`address` text,
	`township_code` text,
	`is_digital_transformation` integer DEFAULT false NOT NULL,
	`is_specialized` integer DEFAULT false NOT NULL,
	`is_key_enterprise` integer DEFAULT false NOT NULL,
	`is_labour_intensive` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_credit_code` ON `enterprises` (`credit_code`) WHERE credit_code is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_registration_number` ON `enterprises` (`registration_number`) WHERE registration_number is not null;--> statement-breakpoint
CREATE INDEX `enterprises_name` ON `enterprises` (`name`);--> statement-breakpoint
CREATE INDEX `enterprises_township` ON `enterprises` (`township_code`);--> statement-breakpoint
CREATE TABLE `vacancies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`occupation_code` text NOT NULL,
	`title` text NOT NULL,
	`openings` integer NOT NULL,
	`salary_min_fen` integer,
	`salary_max_fen` integer,
	`education_code` text,
	`experience_years` integer,
	`requirements` text,
	`work_place` text,
	`contract_type` text,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`source` text NOT NULL,
	`visit_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`status_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `enterprise_visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vacancies_enterprise` ON `vacancies` (`enterprise_id`);--> statement-breakpoint
CREATE INDEX `vacancies_status_valid_to` ON `vacancies` (`status`,`valid_to`);--> statement-breakpoint
CREATE INDEX `vacancies_occupation` ON `vacancies` (`occupation_code`);--> statement-breakpoint
INSERT INTO `difficulty_types` (`code`, `label`, `sort_order`, `active`) VALUES
	('recruitment', '招工难', 10, 1),
	('skills', '技能不足', 20, 1),
	('turnover', '员工流失', 30, 1),
	('funding', '资金', 40, 1),
	('orders', '订单', 50, 1),
	('social_insurance_cost', '社保成本', 60, 1),
	('training', '培训需求', 70, 1),
	('premises', '用地用房', 80, 1),
	('other', '其他', 999, 1);
