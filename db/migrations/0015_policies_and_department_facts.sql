CREATE TABLE `policy_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`policy_code` text NOT NULL,
	`policy_version` integer NOT NULL,
	`state` text NOT NULL,
	`items` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `policy_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`policy_code` text NOT NULL,
	`policy_version` integer NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`result` text NOT NULL,
	`amount_fen` integer,
	`verdict` text NOT NULL,
	`facts` text NOT NULL,
	`status` text NOT NULL,
	`first_found_at` text NOT NULL,
	`last_sweep_id` integer,
	`case_id` integer,
	`batch_id` integer,
	`decision` text,
	`decision_reason` text,
	`decided_by` integer,
	`decided_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`last_sweep_id`) REFERENCES `policy_sweeps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `policy_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_findings_live` ON `policy_findings` (`policy_code`,`subject_type`,`subject_id`) WHERE "policy_findings"."status" in ('open', 'contacted');--> statement-breakpoint
CREATE INDEX `policy_findings_policy_status` ON `policy_findings` (`policy_code`,`status`);--> statement-breakpoint
CREATE INDEX `policy_findings_subject` ON `policy_findings` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `policy_findings_batch` ON `policy_findings` (`batch_id`);--> statement-breakpoint
CREATE TABLE `policy_outreach` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`channel` text NOT NULL,
	`contacted_on` text NOT NULL,
	`outcome` text NOT NULL,
	`message` text,
	`note` text,
	`staff_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `policy_findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_outreach_finding` ON `policy_outreach` (`finding_id`);--> statement-breakpoint
CREATE TABLE `policy_subjects` (
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`recheck_on` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_subjects_subject` ON `policy_subjects` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `policy_subjects_due` ON `policy_subjects` (`recheck_on`);--> statement-breakpoint
CREATE TABLE `policy_sweeps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mode` text NOT NULL,
	`versions` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`started_by` integer,
	`evaluated` integer DEFAULT 0 NOT NULL,
	`found` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `policy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`policy_version` integer NOT NULL,
	`name` text NOT NULL,
	`target` text NOT NULL,
	`status` text NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`no_application` integer NOT NULL,
	`definition` text NOT NULL,
	`activated_at` text,
	`activated_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`activated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "policy_versions_dates" CHECK("policy_versions"."effective_to" is null or "policy_versions"."effective_to" >= "policy_versions"."effective_from")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_versions_code_version` ON `policy_versions` (`code`,`policy_version`);--> statement-breakpoint
CREATE UNIQUE INDEX `policy_versions_one_active` ON `policy_versions` (`code`) WHERE "policy_versions"."status" = 'active';--> statement-breakpoint
CREATE INDEX `policy_versions_status` ON `policy_versions` (`status`,`code`);--> statement-breakpoint
CREATE TABLE `employer_insurance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`insured_headcount` integer NOT NULL,
	`headcount_year_ago` integer,
	`headcount_start_last_year` integer,
	`reductions_last_year` integer,
	`ui_paid_last_year_fen` integer,
	`arrears` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `fact_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "employer_insurance_counts" CHECK("employer_insurance"."insured_headcount" >= 0 and coalesce("employer_insurance"."reductions_last_year", 0) >= 0 and coalesce("employer_insurance"."ui_paid_last_year_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE INDEX `employer_insurance_enterprise` ON `employer_insurance` (`enterprise_id`,`import_id`);--> statement-breakpoint
CREATE TABLE `fact_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`file_name` text NOT NULL,
	`rows` integer NOT NULL,
	`matched` integer NOT NULL,
	`unmatched` integer NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` integer,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fact_imports_source_as_of` ON `fact_imports` (`source`,`as_of`);--> statement-breakpoint
CREATE TABLE `person_assistance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_date` text,
	`to_date` text,
	FOREIGN KEY (`import_id`) REFERENCES `fact_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_assistance_person` ON `person_assistance` (`person_id`,`import_id`);--> statement-breakpoint
CREATE TABLE `person_businesses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`credit_code` text NOT NULL,
	`business_name` text NOT NULL,
	`founded_on` text NOT NULL,
	`operating` integer NOT NULL,
	`enterprise_id` integer,
	FOREIGN KEY (`import_id`) REFERENCES `fact_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_businesses_person` ON `person_businesses` (`person_id`,`import_id`);--> statement-breakpoint
CREATE TABLE `person_deaths` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`died_on` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `fact_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_deaths_person` ON `person_deaths` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_disabilities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`certificate_no` text NOT NULL,
	`category` text,
	`grade` text,
	`valid_to` text,
	FOREIGN KEY (`import_id`) REFERENCES `fact_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_disabilities_person` ON `person_disabilities` (`person_id`,`import_id`);--> statement-breakpoint
CREATE TABLE `person_insurance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`months_total` integer NOT NULL,
	`months_last12` integer NOT NULL,
	`employer_credit_code` text,
	`enterprise_id` integer,
	`employer_since` text,
	FOREIGN KEY (`import_id`) REFERENCES `fact_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "person_insurance_months" CHECK("person_insurance"."months_total" >= 0 and "person_insurance"."months_last12" between 0 and 12 and "person_insurance"."months_last12" <= "person_insurance"."months_total")
);
--> statement-breakpoint
CREATE INDEX `person_insurance_person` ON `person_insurance` (`person_id`,`import_id`);--> statement-breakpoint
CREATE INDEX `person_insurance_enterprise` ON `person_insurance` (`enterprise_id`,`employer_since`);--> statement-breakpoint
CREATE TRIGGER `persons_policy_due_insert` AFTER INSERT ON `persons` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `persons_policy_due_update` AFTER UPDATE ON `persons` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_key_groups_policy_due_insert` AFTER INSERT ON `person_key_groups` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_key_groups_policy_due_delete` AFTER DELETE ON `person_key_groups` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', old.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_qualifications_policy_due_insert` AFTER INSERT ON `person_qualifications` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_qualifications_policy_due_update` AFTER UPDATE ON `person_qualifications` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `cases_policy_due_insert` AFTER INSERT ON `cases` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'person', new.person_id, '' WHERE new.person_id IS NOT NULL ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'enterprise', new.enterprise_id, '' WHERE new.enterprise_id IS NOT NULL ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `cases_policy_due_update` AFTER UPDATE ON `cases` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'person', new.person_id, '' WHERE new.person_id IS NOT NULL ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'enterprise', new.enterprise_id, '' WHERE new.enterprise_id IS NOT NULL ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `case_events_policy_due_insert` AFTER INSERT ON `case_events` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'person', person_id, '' FROM cases WHERE id = new.case_id AND person_id IS NOT NULL ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_policy_due_insert` AFTER INSERT ON `enterprises` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('enterprise', new.id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_policy_due_update` AFTER UPDATE ON `enterprises` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('enterprise', new.id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_insurance_policy_due_insert` AFTER INSERT ON `person_insurance` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'enterprise', new.enterprise_id, '' WHERE new.enterprise_id IS NOT NULL ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `employer_insurance_policy_due_insert` AFTER INSERT ON `employer_insurance` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('enterprise', new.enterprise_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_assistance_policy_due_insert` AFTER INSERT ON `person_assistance` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_deaths_policy_due_insert` AFTER INSERT ON `person_deaths` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_businesses_policy_due_insert` AFTER INSERT ON `person_businesses` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
CREATE TRIGGER `person_disabilities_policy_due_insert` AFTER INSERT ON `person_disabilities` BEGIN
  INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) VALUES ('person', new.person_id, '') ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
END;
--> statement-breakpoint
INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'person', id, '' FROM persons WHERE true ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
--> statement-breakpoint
INSERT INTO policy_subjects (subject_type, subject_id, recheck_on) SELECT 'enterprise', id, '' FROM enterprises WHERE true ON CONFLICT (subject_type, subject_id) DO UPDATE SET recheck_on = '';
--> statement-breakpoint
INSERT OR IGNORE INTO code_entries (table_code, code, label, active, sort_order, applicant, created_at, updated_at) VALUES ('subsidy_catalogue', 'job_retention', '稳岗返还', 1, 10, 'enterprise', '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('job_expansion', 1, '一次性扩岗补助', 'enterprise', 'active', '2025-01-01', '2026-12-31', 1, '{"code":"job_expansion","version":1,"name":"一次性扩岗补助","legalBasis":"人力资源社会保障部、教育部、财政部关于实施（延续）一次性扩岗补助政策的通知（文号待核）；江苏省及本县实施口径（待核）","target":"enterprise","effectiveFrom":"2025-01-01","effectiveTo":"2026-12-31","fundSource":"unemployment_insurance_fund","noApplication":true,"amountsConfirmed":false,"conditions":[{"label":"招用高校毕业生或16–24岁登记失业青年","anyOf":[{"fact":"graduateHiresInPeriod","op":"gte","value":1},{"fact":"youthUnemployedHiresInPeriod","op":"gte","value":1}]},{"fact":"contributionArrears","op":"isFalse","note":"依法参保缴费"}],"checklist":[],"exclusions":[],"benefit":{"kind":"perUnit","amountFen":150000,"unitsFrom":["graduateHiresInPeriod","youthUnemployedHiresInPeriod"]},"limits":[{"kind":"timesPerYear","times":1}],"cases":[{"name":"招用2名毕业生和1名登记失业青年：按3人发放","on":"2026-03-02","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"graduateHiresInPeriod":2,"youthUnemployedHiresInPeriod":1},"expect":{"result":"eligible","amountFen":450000}},{"name":"没有招用：不符合","on":"2026-03-02","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"graduateHiresInPeriod":0,"youthUnemployedHiresInPeriod":0},"expect":{"result":"not_eligible","amountFen":null}},{"name":"有效期起日前一天：不符合","on":"2024-12-31","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"graduateHiresInPeriod":1,"youthUnemployedHiresInPeriod":0},"expect":{"result":"not_eligible","amountFen":null}},{"name":"有效期最后一天：符合","on":"2026-12-31","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"graduateHiresInPeriod":1,"youthUnemployedHiresInPeriod":0},"expect":{"result":"eligible","amountFen":150000}},{"name":"本年度已领过一次：不符合","on":"2026-09-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[{"policyCode":"job_expansion","from":"2026-04-10","to":"2026-04-10","months":0,"amountFen":150000}],"graduateHiresInPeriod":3,"youthUnemployedHiresInPeriod":0},"expect":{"result":"not_eligible","amountFen":null}},{"name":"登记失业青年人数未知：金额算不出，需人工核查","on":"2026-03-02","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"graduateHiresInPeriod":1,"youthUnemployedHiresInPeriod":null},"expect":{"result":"needs_check","amountFen":null}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('job_retention', 1, '稳岗返还', 'enterprise', 'active', '2025-01-01', '2026-12-31', 1, '{"code":"job_retention","version":1,"name":"稳岗返还","legalBasis":"人力资源社会保障部、财政部、国家税务总局关于继续实施失业保险稳岗惠企政策的通知（文号待核）；返还比例按江苏省口径（待核）","target":"enterprise","effectiveFrom":"2025-01-01","effectiveTo":"2026-12-31","fundSource":"unemployment_insurance_fund","noApplication":true,"amountsConfirmed":false,"conditions":[{"fact":"unemploymentInsuranceContributionsLastYearFen","op":"gte","value":1,"note":"上年度缴纳了失业保险费"},{"fact":"contributionArrears","op":"isFalse","note":"依法参保缴费"},{"label":"裁员率条件","anyOf":[{"fact":"layoffRatePct","op":"lte","value":5.5,"note":"不高于全国城镇调查失业率控制目标"},{"label":"参保30人（含）以下的企业","allOf":[{"fact":"insuredHeadcount","op":"lte","value":30},{"fact":"layoffRatePct","op":"lte","value":20}]}]}],"checklist":[],"exclusions":[],"benefit":{"kind":"byCode","fact":"sizeClass","rows":[{"codes":["micro","small","medium"],"formula":{"kind":"share","percent":60,"of":"unemploymentInsuranceContributionsLastYearFen"}},{"codes":["large"],"formula":{"kind":"share","percent":30,"of":"unemploymentInsuranceContributionsLastYearFen"}}]},"limits":[{"kind":"timesPerYear","times":1}],"cases":[{"name":"小型企业返还上年度失业保险费的60%","on":"2026-06-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"small","insuredHeadcount":80,"layoffRatePct":2,"unemploymentInsuranceContributionsLastYearFen":1000005},"expect":{"result":"eligible","amountFen":600003}},{"name":"大型企业返还30%","on":"2026-06-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"large","insuredHeadcount":1500,"layoffRatePct":1.2,"unemploymentInsuranceContributionsLastYearFen":2000000},"expect":{"result":"eligible","amountFen":600000}},{"name":"裁员率恰为5.5%：符合","on":"2026-06-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"medium","insuredHeadcount":200,"layoffRatePct":5.5,"unemploymentInsuranceContributionsLastYearFen":500000},"expect":{"result":"eligible","amountFen":300000}},{"name":"裁员率5.51%且参保超过30人：不符合","on":"2026-06-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"medium","insuredHeadcount":200,"layoffRatePct":5.51,"unemploymentInsuranceContributionsLastYearFen":500000},"expect":{"result":"not_eligible","amountFen":null}},{"name":"参保30人、裁员率20%：按小微企业口径符合","on":"2026-06-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"micro","insuredHeadcount":30,"layoffRatePct":20,"unemploymentInsuranceContributionsLastYearFen":100000},"expect":{"result":"eligible","amountFen":60000}},{"name":"参保31人、裁员率10%：不符合","on":"2026-06-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"small","insuredHeadcount":31,"layoffRatePct":10,"unemploymentInsuranceContributionsLastYearFen":100000},"expect":{"result":"not_eligible","amountFen":null}},{"name":"欠缴社保费：不符合","on":"2026-06-01","facts":{"contributionArrears":true,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"small","insuredHeadcount":50,"layoffRatePct":0,"unemploymentInsuranceContributionsLastYearFen":100000},"expect":{"result":"not_eligible","amountFen":null}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('social_insurance', 1, '社会保险补贴（单位招用就业困难人员）', 'person', 'active', '2025-01-01', NULL, 0, '{"code":"social_insurance","version":1,"name":"社会保险补贴（单位招用就业困难人员）","legalBasis":"苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）","target":"person","paidTo":"enterprise","effectiveFrom":"2025-01-01","effectiveTo":null,"fundSource":"employment_subsidy_fund","noApplication":false,"amountsConfirmed":false,"conditions":[{"fact":"deceased","op":"isFalse"},{"fact":"certified","op":"isTrue","note":"就业困难人员认定在有效期内"},{"fact":"employmentStatus","op":"eq","value":"employed"},{"fact":"flexibleEmployment","op":"isFalse","note":"灵活就业的另有灵活就业社保补贴"},{"fact":"contributionMonthsLast12","op":"gte","value":1},{"fact":"monthsToRetirement","op":"gte","value":1,"note":"未达法定退休年龄"}],"checklist":[{"code":"labour_contract","text":"用人单位与其签订劳动合同，并按月足额缴纳社会保险费"}],"exclusions":[{"policyCode":"public_welfare_post","name":"公益性岗位补贴"},{"policyCode":"flexible_social_insurance","name":"灵活就业社会保险补贴"}],"benefit":{"kind":"perUnit","amountFen":70000,"unitsFrom":["contributionMonthsLast12"],"maxUnits":12},"limits":[{"kind":"maxMonths","months":36,"waivedWhen":{"fact":"monthsToRetirement","op":"lte","value":60,"note":"距法定退休年龄不足5年的，可延续至退休"}}],"cases":[{"name":"认定在有效期内、单位缴费12个月：待核查劳动合同","on":"2026-03-01","born":{"birthDate":"1980-04-02","sex":"female"},"facts":{"deceased":false,"certified":true,"employmentStatus":"employed","flexibleEmployment":false,"contributionMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[]},"expect":{"result":"needs_check","amountFen":840000}},{"name":"已享受36个月，距退休5年零1天（2026-10-09）：期满，不符合","on":"2026-10-09","born":{"birthDate":"1970-05-10","sex":"male"},"facts":{"deceased":false,"certified":true,"employmentStatus":"employed","flexibleEmployment":false,"contributionMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[{"policyCode":"social_insurance","from":"2023-01-01","to":"2025-12-31","months":36,"amountFen":0}]},"confirmedChecklist":["labour_contract"],"expect":{"result":"not_eligible","amountFen":null}},{"name":"已享受36个月，次日（2026-10-10）距退休恰5年：延续至退休","on":"2026-10-10","born":{"birthDate":"1970-05-10","sex":"male"},"facts":{"deceased":false,"certified":true,"employmentStatus":"employed","flexibleEmployment":false,"contributionMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[{"policyCode":"social_insurance","from":"2023-01-01","to":"2025-12-31","months":36,"amountFen":0}]},"confirmedChecklist":["labour_contract"],"expect":{"result":"eligible","amountFen":840000}},{"name":"本年度已享受公益性岗位补贴：不能同时享受","on":"2026-03-01","born":{"birthDate":"1980-04-02","sex":"female"},"facts":{"deceased":false,"certified":true,"employmentStatus":"employed","flexibleEmployment":false,"contributionMonthsLast12":12,"enjoyedPolicies":["public_welfare_post"],"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}},{"name":"认定未知：需人工核查","on":"2026-03-01","born":{"birthDate":"1980-04-02","sex":"female"},"facts":{"deceased":false,"certified":null,"employmentStatus":"employed","flexibleEmployment":false,"contributionMonthsLast12":6,"enjoyedPolicies":[],"entitlements":[]},"confirmedChecklist":["labour_contract"],"expect":{"result":"needs_check","amountFen":420000}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('public_welfare_post', 1, '公益性岗位补贴', 'person', 'active', '2025-01-01', NULL, 0, '{"code":"public_welfare_post","version":1,"name":"公益性岗位补贴","legalBasis":"苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）","target":"person","paidTo":"enterprise","effectiveFrom":"2025-01-01","effectiveTo":null,"fundSource":"employment_subsidy_fund","noApplication":false,"amountsConfirmed":false,"conditions":[{"fact":"deceased","op":"isFalse"},{"fact":"certified","op":"isTrue","note":"公益性岗位只安置就业困难人员"},{"fact":"onPublicWelfarePost","op":"isTrue","note":"只在岗期间补贴"},{"fact":"publicWelfarePostMonthsLast12","op":"gte","value":1},{"fact":"monthsToRetirement","op":"gte","value":1,"note":"未达法定退休年龄"}],"checklist":[{"code":"on_duty","text":"在岗履职，用人单位按月报送考勤与工资发放记录"}],"exclusions":[{"policyCode":"social_insurance","name":"社会保险补贴（单位招用就业困难人员）"}],"benefit":{"kind":"perUnit","amountFen":120000,"unitsFrom":["publicWelfarePostMonthsLast12"],"maxUnits":12},"limits":[{"kind":"maxMonths","months":36,"waivedWhen":{"fact":"monthsToRetirement","op":"lte","value":60,"note":"距法定退休年龄不足5年的，可延续至退休"}}],"cases":[{"name":"已享受30个月：只补足剩余6个月","on":"2026-07-01","born":{"birthDate":"1985-09-09","sex":"male"},"facts":{"deceased":false,"certified":true,"onPublicWelfarePost":true,"publicWelfarePostMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[{"policyCode":"public_welfare_post","from":"2023-01-01","to":"2025-12-31","months":30,"amountFen":0}]},"confirmedChecklist":["on_duty"],"expect":{"result":"eligible","amountFen":720000}},{"name":"退休日前一天（2027-10-19）：仍在劳动年龄，已满36个月但距退休不足5年","on":"2027-10-19","born":{"birthDate":"1972-03-20","sex":"female"},"facts":{"deceased":false,"certified":true,"onPublicWelfarePost":true,"publicWelfarePostMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[{"policyCode":"public_welfare_post","from":"2023-01-01","to":"2025-12-31","months":36,"amountFen":0}]},"confirmedChecklist":["on_duty"],"expect":{"result":"eligible","amountFen":1440000}},{"name":"退休日（2027-10-20，55岁7个月）：已达法定退休年龄，不符合","on":"2027-10-20","born":{"birthDate":"1972-03-20","sex":"female"},"facts":{"deceased":false,"certified":true,"onPublicWelfarePost":true,"publicWelfarePostMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[]},"confirmedChecklist":["on_duty"],"expect":{"result":"not_eligible","amountFen":null}},{"name":"未在岗：不符合","on":"2026-07-01","born":{"birthDate":"1985-09-09","sex":"male"},"facts":{"deceased":false,"certified":true,"onPublicWelfarePost":false,"publicWelfarePostMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('flexible_social_insurance', 1, '灵活就业社会保险补贴', 'person', 'active', '2025-01-01', NULL, 0, '{"code":"flexible_social_insurance","version":1,"name":"灵活就业社会保险补贴","legalBasis":"苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）","target":"person","effectiveFrom":"2025-01-01","effectiveTo":null,"fundSource":"employment_subsidy_fund","noApplication":false,"amountsConfirmed":false,"conditions":[{"fact":"deceased","op":"isFalse"},{"label":"就业困难人员或离校2年内未就业高校毕业生","anyOf":[{"fact":"certified","op":"isTrue"},{"label":"离校2年内的高校毕业生","allOf":[{"fact":"higherEducation","op":"isTrue"},{"fact":"monthsSinceGraduation","op":"lte","value":24,"note":"毕业之日起2年内"}]}]},{"fact":"flexibleEmployment","op":"isTrue","note":"以灵活就业人员身份参保"},{"fact":"contributionMonthsLast12","op":"gte","value":1},{"fact":"monthsToRetirement","op":"gte","value":1,"note":"未达法定退休年龄"}],"checklist":[],"exclusions":[{"policyCode":"social_insurance","name":"社会保险补贴（单位招用就业困难人员）"},{"policyCode":"public_welfare_post","name":"公益性岗位补贴"}],"benefit":{"kind":"perUnit","amountFen":40000,"unitsFrom":["contributionMonthsLast12"],"maxUnits":12},"limits":[{"kind":"maxMonths","months":36,"waivedWhen":{"fact":"monthsToRetirement","op":"lte","value":60,"note":"距法定退休年龄不足5年的，可延续至退休"}}],"cases":[{"name":"退休日前一天（2025-05-14，原50周岁退休的女职工）：符合","on":"2025-05-14","born":{"birthDate":"1975-03-15","sex":"female","femaleRetirementCategory":"worker50"},"facts":{"deceased":false,"certified":true,"keyGroups":["employment_difficulty"],"flexibleEmployment":true,"contributionMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[]},"expect":{"result":"eligible","amountFen":480000}},{"name":"退休日（2025-05-15，50岁2个月）：不符合","on":"2025-05-15","born":{"birthDate":"1975-03-15","sex":"female","femaleRetirementCategory":"worker50"},"facts":{"deceased":false,"certified":true,"keyGroups":["employment_difficulty"],"flexibleEmployment":true,"contributionMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}},{"name":"离校2年内的毕业生灵活就业，未认定：符合，缴费5个月","on":"2026-03-01","born":{"birthDate":"2002-06-30","sex":"male"},"facts":{"deceased":false,"certified":false,"keyGroups":[],"flexibleEmployment":true,"contributionMonthsLast12":5,"enjoyedPolicies":[],"entitlements":[],"higherEducation":true,"monthsSinceGraduation":8},"expect":{"result":"eligible","amountFen":200000}},{"name":"毕业已满2年零1个月，未认定：不符合","on":"2026-03-01","born":{"birthDate":"2000-06-30","sex":"male"},"facts":{"deceased":false,"certified":false,"keyGroups":[],"flexibleEmployment":true,"contributionMonthsLast12":5,"enjoyedPolicies":[],"entitlements":[],"higherEducation":true,"monthsSinceGraduation":25},"expect":{"result":"not_eligible","amountFen":null}},{"name":"不是灵活就业：不符合","on":"2026-03-01","born":{"birthDate":"1980-01-01","sex":"female"},"facts":{"deceased":false,"certified":true,"keyGroups":["employment_difficulty"],"flexibleEmployment":false,"contributionMonthsLast12":12,"enjoyedPolicies":[],"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('skill_upgrade', 1, '技能提升补贴', 'person', 'active', '2025-01-01', NULL, 0, '{"code":"skill_upgrade","version":1,"name":"技能提升补贴","legalBasis":"人力资源社会保障部、财政部关于失业保险支持参保职工提升职业技能有关问题的通知（文号待核）；江苏省标准（待核）","target":"person","effectiveFrom":"2025-01-01","effectiveTo":null,"fundSource":"unemployment_insurance_fund","noApplication":false,"amountsConfirmed":false,"conditions":[{"fact":"deceased","op":"isFalse"},{"fact":"employmentStatus","op":"eq","value":"employed","note":"企业在职职工"},{"fact":"contributionMonths","op":"gte","value":12,"note":"参加失业保险累计缴费满1年"},{"fact":"certificateLevel","op":"in","value":["level1","level2","level3","level4","level5"]},{"fact":"certificateMonthsAgo","op":"lte","value":12,"note":"发证之日起12个月内"}],"checklist":[{"code":"first_of_level","text":"同一职业（工种）同一等级的证书未享受过技能提升补贴"}],"exclusions":[],"benefit":{"kind":"byCode","fact":"certificateLevel","rows":[{"codes":["level5"],"formula":{"kind":"fixed","amountFen":100000}},{"codes":["level4"],"formula":{"kind":"fixed","amountFen":150000}},{"codes":["level3"],"formula":{"kind":"fixed","amountFen":200000}},{"codes":["level2","level1"],"formula":{"kind":"fixed","amountFen":250000}}]},"limits":[{"kind":"timesPerYear","times":1}],"cases":[{"name":"高级工证书、缴费满12个月：2,000元","on":"2026-04-01","facts":{"deceased":false,"employmentStatus":"employed","contributionMonths":12,"certificateLevel":"level3","certificateMonthsAgo":2,"entitlements":[]},"confirmedChecklist":["first_of_level"],"expect":{"result":"eligible","amountFen":200000}},{"name":"缴费11个月：差一个月，不符合","on":"2026-04-01","facts":{"deceased":false,"employmentStatus":"employed","contributionMonths":11,"certificateLevel":"level3","certificateMonthsAgo":2,"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}},{"name":"发证满12个月：仍可申领，待核查是否首次","on":"2026-04-01","facts":{"deceased":false,"employmentStatus":"employed","contributionMonths":40,"certificateLevel":"level5","certificateMonthsAgo":12,"entitlements":[]},"expect":{"result":"needs_check","amountFen":100000}},{"name":"发证13个月：不符合","on":"2026-04-01","facts":{"deceased":false,"employmentStatus":"employed","contributionMonths":40,"certificateLevel":"level5","certificateMonthsAgo":13,"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}},{"name":"只有专项职业能力证书：不在补贴范围","on":"2026-04-01","facts":{"deceased":false,"employmentStatus":"employed","contributionMonths":40,"certificateLevel":"special","certificateMonthsAgo":1,"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('startup_one_time', 1, '一次性创业补贴', 'person', 'active', '2025-01-01', NULL, 0, '{"code":"startup_one_time","version":1,"name":"一次性创业补贴","legalBasis":"苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）","target":"person","effectiveFrom":"2025-01-01","effectiveTo":null,"fundSource":"employment_subsidy_fund","noApplication":false,"amountsConfirmed":false,"conditions":[{"fact":"deceased","op":"isFalse"},{"fact":"age","op":"gte","value":16,"note":"劳动年龄下限"},{"fact":"monthsToRetirement","op":"gte","value":1,"note":"未达法定退休年龄"},{"fact":"foundedEnterprise","op":"isTrue","note":"市场监管登记的企业或个体工商户"},{"fact":"foundedEnterpriseMonths","op":"gte","value":6,"note":"正常经营6个月以上"},{"fact":"keyGroups","op":"includesAny","value":["graduate_this_year","graduate_unemployed_2y","employment_difficulty","veteran","rural_labour","low_income","disabled"],"note":"首次创业的重点群体"}],"checklist":[{"code":"operating","text":"创办主体正常经营（经营场所实地核实），为首次创业"}],"exclusions":[],"benefit":{"kind":"fixed","amountFen":500000},"limits":[{"kind":"once"}],"cases":[{"name":"60周岁生日后、退休日前一天（2025-03-09）：仍在劳动年龄","on":"2025-03-09","born":{"birthDate":"1965-02-10","sex":"male"},"facts":{"deceased":false,"foundedEnterprise":true,"foundedEnterpriseMonths":8,"keyGroups":["employment_difficulty"],"entitlements":[]},"confirmedChecklist":["operating"],"expect":{"result":"eligible","amountFen":500000}},{"name":"退休日（2025-03-10，60岁1个月）：不符合","on":"2025-03-10","born":{"birthDate":"1965-02-10","sex":"male"},"facts":{"deceased":false,"foundedEnterprise":true,"foundedEnterpriseMonths":8,"keyGroups":["employment_difficulty"],"entitlements":[]},"confirmedChecklist":["operating"],"expect":{"result":"not_eligible","amountFen":null}},{"name":"经营5个月：不符合","on":"2026-02-01","born":{"birthDate":"1998-11-11","sex":"female"},"facts":{"deceased":false,"foundedEnterprise":true,"foundedEnterpriseMonths":5,"keyGroups":["graduate_unemployed_2y"],"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}},{"name":"已享受过一次：不符合","on":"2026-02-01","born":{"birthDate":"1998-11-11","sex":"female"},"facts":{"deceased":false,"foundedEnterprise":true,"foundedEnterpriseMonths":8,"keyGroups":["employment_difficulty"],"entitlements":[{"policyCode":"startup_one_time","from":"2024-05-06","to":"2024-05-06","months":0,"amountFen":500000}]},"expect":{"result":"not_eligible","amountFen":null}},{"name":"经营满6个月的退役军人：待核查经营情况","on":"2026-02-01","born":{"birthDate":"1998-11-11","sex":"female"},"facts":{"deceased":false,"foundedEnterprise":true,"foundedEnterpriseMonths":6,"keyGroups":["veteran"],"entitlements":[]},"expect":{"result":"needs_check","amountFen":500000}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('hiring_one_time', 1, '一次性吸纳就业补贴', 'enterprise', 'active', '2025-01-01', NULL, 0, '{"code":"hiring_one_time","version":1,"name":"一次性吸纳就业补贴","legalBasis":"苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）","target":"enterprise","effectiveFrom":"2025-01-01","effectiveTo":null,"fundSource":"employment_subsidy_fund","noApplication":false,"amountsConfirmed":false,"conditions":[{"fact":"sizeClass","op":"in","value":["micro","small","medium"],"note":"中小微企业"},{"fact":"keyGroupHiresInPeriod","op":"gte","value":1},{"fact":"contributionArrears","op":"isFalse","note":"依法参保缴费"}],"checklist":[{"code":"contract_one_year","text":"与招用人员签订1年以上劳动合同"},{"code":"not_double_paid","text":"同一招用人员未同时享受一次性扩岗补助"}],"exclusions":[],"benefit":{"kind":"perUnit","amountFen":100000,"unitsFrom":["keyGroupHiresInPeriod"],"capFen":1000000},"limits":[{"kind":"timesPerYear","times":1}],"cases":[{"name":"小型企业招用3名重点群体：核查前需人工核查","on":"2026-05-20","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"small","keyGroupHiresInPeriod":3},"expect":{"result":"needs_check","amountFen":300000}},{"name":"核查清单已核：符合","on":"2026-05-20","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"small","keyGroupHiresInPeriod":3},"confirmedChecklist":["contract_one_year","not_double_paid"],"expect":{"result":"eligible","amountFen":300000}},{"name":"招用12人：封顶1万元","on":"2026-05-20","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"medium","keyGroupHiresInPeriod":12},"confirmedChecklist":["contract_one_year","not_double_paid"],"expect":{"result":"eligible","amountFen":1000000}},{"name":"大型企业：不符合","on":"2026-05-20","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"large","keyGroupHiresInPeriod":3},"expect":{"result":"not_eligible","amountFen":null}},{"name":"有效期起日：符合","on":"2025-01-01","facts":{"contributionArrears":false,"enjoyedPolicies":[],"entitlements":[],"sizeClass":"micro","keyGroupHiresInPeriod":1},"confirmedChecklist":["contract_one_year","not_double_paid"],"expect":{"result":"eligible","amountFen":100000}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO policy_versions (code, policy_version, name, target, status, effective_from, effective_to, no_application, definition, activated_at, activated_by, created_at, updated_at) VALUES ('vocational_training', 1, '职业培训补贴', 'person', 'active', '2025-01-01', NULL, 0, '{"code":"vocational_training","version":1,"name":"职业培训补贴","legalBasis":"苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；职业培训补贴标准目录（待核）","target":"person","effectiveFrom":"2025-01-01","effectiveTo":null,"fundSource":"employment_subsidy_fund","noApplication":false,"amountsConfirmed":false,"conditions":[{"fact":"deceased","op":"isFalse"},{"fact":"age","op":"gte","value":16,"note":"劳动年龄下限"},{"fact":"monthsToRetirement","op":"gte","value":1,"note":"未达法定退休年龄"},{"label":"培训对象","anyOf":[{"fact":"keyGroups","op":"includesAny","value":["graduate_this_year","graduate_unemployed_2y","rural_labour","employment_difficulty","veteran","disabled","low_income"]},{"fact":"employmentStatus","op":"in","value":["unemployed_registered","unemployed_unregistered"]}]},{"fact":"certificateLevel","op":"ne","value":"none","note":"培训后取得证书"},{"fact":"certificateMonthsAgo","op":"lte","value":12}],"checklist":[{"code":"designated_provider","text":"在定点培训机构参加培训并考核合格（机构、课时、考勤核实）"}],"exclusions":[{"policyCode":"skill_upgrade","name":"技能提升补贴"}],"benefit":{"kind":"byCode","fact":"certificateLevel","rows":[{"codes":["special"],"formula":{"kind":"fixed","amountFen":60000}},{"codes":["level5"],"formula":{"kind":"fixed","amountFen":100000}},{"codes":["level4"],"formula":{"kind":"fixed","amountFen":150000}},{"codes":["level3"],"formula":{"kind":"fixed","amountFen":200000}},{"codes":["level2","level1"],"formula":{"kind":"fixed","amountFen":250000}}]},"limits":[{"kind":"timesPerYear","times":1}],"cases":[{"name":"16岁生日前一天（2026-04-30）：未满16周岁，不符合","on":"2026-04-30","born":{"birthDate":"2010-05-01","sex":"female"},"facts":{"deceased":false,"keyGroups":[],"employmentStatus":"unemployed_unregistered","certificateLevel":"level5","certificateMonthsAgo":1,"enjoyedPolicies":[],"entitlements":[]},"confirmedChecklist":["designated_provider"],"expect":{"result":"not_eligible","amountFen":null}},{"name":"16岁生日当天（2026-05-01）：符合","on":"2026-05-01","born":{"birthDate":"2010-05-01","sex":"female"},"facts":{"deceased":false,"keyGroups":[],"employmentStatus":"unemployed_unregistered","certificateLevel":"level5","certificateMonthsAgo":1,"enjoyedPolicies":[],"entitlements":[]},"confirmedChecklist":["designated_provider"],"expect":{"result":"eligible","amountFen":100000}},{"name":"在职且不属重点群体：不符合","on":"2026-06-01","born":{"birthDate":"1990-03-07","sex":"male"},"facts":{"deceased":false,"keyGroups":[],"employmentStatus":"employed","certificateLevel":"level5","certificateMonthsAgo":1,"enjoyedPolicies":[],"entitlements":[]},"expect":{"result":"not_eligible","amountFen":null}},{"name":"农村劳动力取得专项职业能力证书：待核查培训机构","on":"2026-06-01","born":{"birthDate":"1990-03-07","sex":"male"},"facts":{"deceased":false,"keyGroups":["rural_labour"],"employmentStatus":"employed","certificateLevel":"special","certificateMonthsAgo":1,"enjoyedPolicies":[],"entitlements":[]},"expect":{"result":"needs_check","amountFen":60000}},{"name":"本年度已享受技能提升补贴：不能同时享受","on":"2026-06-01","born":{"birthDate":"1990-03-07","sex":"male"},"facts":{"deceased":false,"keyGroups":[],"employmentStatus":"unemployed_unregistered","certificateLevel":"level5","certificateMonthsAgo":1,"enjoyedPolicies":["skill_upgrade"],"entitlements":[]},"confirmedChecklist":["designated_provider"],"expect":{"result":"not_eligible","amountFen":null}}]}', '2026-12-06T00:00:00.000Z', NULL, '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z');
