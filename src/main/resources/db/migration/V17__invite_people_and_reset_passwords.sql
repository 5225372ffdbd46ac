-- Links by e-mail to set a password (PasswordLinks): an invitation to a new account (valid 7 days)
-- or a reset asked for on the sign-in page (valid 1 hour). Only the SHA-256 hash of a link's token
-- is kept, never the token itself. A link works once (used_at); it is voided (voided_at) when the
-- account's password changes in any way, or when a newer link of the same purpose replaces it.
-- sent_at stays empty while the e-mail could not be sent (send_failure says why): the strategist
-- sends the invitation again, which makes a new link.
create sequence password_link_seq increment by 50;

create table password_link (
    id           bigint       not null,
    account_id   bigint       not null,
    purpose      varchar(20)  not null,
    token_hash   varchar(64)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    used_at      timestamptz,
    voided_at    timestamptz,
    sent_at      timestamptz,
    send_failure varchar(300),
    constraint pk_password_link primary key (id),
    constraint fk_password_link_account foreign key (account_id) references account (id) on delete cascade,
    constraint uk_password_link_token_hash unique (token_hash),
    constraint ck_password_link_purpose check (purpose in ('INVITATION', 'RESET')),
    constraint ck_password_link_expires check (expires_at > created_at)
);
-- An account's links, newest first: the accounts page shows each account's latest invitation, and a
-- change of password voids the account's open links.
create index ix_password_link_account on password_link (account_id, purpose, created_at);
