-- Hand edit after drizzle-kit generate (it cannot express this): the hot tables are WITHOUT ROWID, so a
-- row lives in its primary-key B-tree and a write touches one tree instead of two (fewer WAL pages per
-- hold and confirm). https://www.sqlite.org/withoutrowid.html ; checked by src/sqlite/sqlite.test.ts
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`showtime_id` text NOT NULL,
	`user_id` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`showtime_id`) REFERENCES `showtimes`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_code` ON `bookings` (`code`);--> statement-breakpoint
CREATE TABLE `cities` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `holds` (
	`id` text PRIMARY KEY NOT NULL,
	`showtime_id` text NOT NULL,
	`user_id` text NOT NULL,
	`seat_ids` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`showtime_id`) REFERENCES `showtimes`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `movies` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `password_reset_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text NOT NULL,
	`window_start` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
--> statement-breakpoint
CREATE TABLE `screens` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seats` (
	`showtime_id` text NOT NULL,
	`seat_id` text NOT NULL,
	`status` text NOT NULL,
	`user_id` text NOT NULL,
	`hold_id` text,
	`booking_id` text,
	`expires_at` text,
	PRIMARY KEY(`showtime_id`, `seat_id`),
	FOREIGN KEY (`showtime_id`) REFERENCES `showtimes`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expiry` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `showtimes` (
	`id` text PRIMARY KEY NOT NULL,
	`city_id` text NOT NULL,
	`movie_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `showtimes_city_start` ON `showtimes` (`city_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `showtimes_movie_city_start` ON `showtimes` (`movie_id`,`city_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `theaters` (
	`id` text PRIMARY KEY NOT NULL,
	`city_id` text NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `theaters_city` ON `theaters` (`city_id`);--> statement-breakpoint
CREATE TABLE `ticket_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`booking_id` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`lease_owner` text,
	`lease_expires_at` text
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `ticket_jobs_state_due` ON `ticket_jobs` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `user_bookings` (
	`user_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`booking_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `idempotency_key`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email_normalized` text NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email_normalized`);