-- E-mail alerts (issue 10): subscriptions with double opt-in and their links' tokens, stored
-- hashed. Nothing existing changes; an archive of the previous release gains two empty tables.
CREATE TABLE "alert_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"label" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_notified" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_subscriptions_kind_check" CHECK ("kind" in ('body', 'case', 'person', 'search'))
);
--> statement-breakpoint
CREATE TABLE "alert_tokens" (
	"hash" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"subscription_id" integer,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_tokens_purpose_check" CHECK ("purpose" in ('confirm', 'unsubscribe', 'erase'))
);
--> statement-breakpoint
ALTER TABLE "alert_tokens" ADD CONSTRAINT "alert_tokens_subscription_id_alert_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."alert_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_subscriptions_email_kind_target_key" ON "alert_subscriptions" USING btree ("email","kind","target");--> statement-breakpoint
CREATE INDEX "alert_tokens_email_idx" ON "alert_tokens" USING btree ("email");