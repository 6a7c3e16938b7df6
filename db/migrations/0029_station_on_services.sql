ALTER TABLE `person_contacts` ADD `station_id` integer REFERENCES stations(id);--> statement-breakpoint
ALTER TABLE `guidance_sessions` ADD `station_id` integer REFERENCES stations(id);