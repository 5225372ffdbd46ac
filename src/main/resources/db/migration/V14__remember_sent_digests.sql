-- The weekly digest e-mail (playbook module): whether each account wants it, and which week's
-- digest each account has been sent, so that a second run of the job (on this instance or
-- another) sends nothing more that week.

-- Everyone who gets a digest (managers and strategists) gets it until they unsubscribe on their
-- own settings page. A preference of the user's, not an administrative change: not in the history.
alter table account add column weekly_digest boolean not null default true;

-- One row per account and week (the week's Monday, in the application's time zone). A run claims
-- the row before it sends (claimed_at), and marks it sent afterwards (sent_at). A failed send
-- leaves the row unsent, counted in attempts, for the next run to try again; a claim left by an
-- instance that stopped while sending expires after a while (see DigestLedger).
create table sent_digest (
    account_id   bigint       not null,
    week_start   date         not null,
    claimed_at   timestamptz,
    sent_at      timestamptz,
    attempts     integer      not null default 0,
    last_failure varchar(300),
    constraint pk_sent_digest primary key (account_id, week_start),
    constraint fk_sent_digest_account foreign key (account_id) references account (id) on delete cascade
);
-- The retries look for the week's unsent rows.
create index ix_sent_digest_unsent on sent_digest (week_start) where sent_at is null;
