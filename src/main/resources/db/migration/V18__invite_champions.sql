-- The strategist invites a colleague to be a champion; the colleague accepts (and becomes an
-- active champion) or declines, or the strategist withdraws the invitation while it waits.
create sequence champion_invitation_seq increment by 50;

create table champion_invitation (
    id                bigint        not null,
    person_id         bigint        not null,
    -- The department the person was in when invited (the suggestion that led to it was for it).
    department_id     bigint,
    invited_by        bigint        not null,
    message           varchar(2000),
    -- What the strategist suggests the champion's profile says; the invitee confirms or changes it.
    pitch             varchar(600),
    platforms         varchar(400)  not null default '',
    skills            varchar(1000) not null default '',
    status            varchar(10)   not null,
    decline_reason    varchar(600),
    answered_at       timestamptz,
    version           bigint        not null default 0,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    constraint pk_champion_invitation primary key (id),
    constraint fk_champion_invitation_person foreign key (person_id) references person (id),
    constraint fk_champion_invitation_department foreign key (department_id) references department (id),
    constraint fk_champion_invitation_invited_by foreign key (invited_by) references person (id),
    constraint ck_champion_invitation_status check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    constraint ck_champion_invitation_answered check ((status = 'PENDING') = (answered_at is null))
);
-- One pending invitation per person at a time.
create unique index uk_champion_invitation_pending on champion_invitation (person_id) where status = 'PENDING';
create index ix_champion_invitation_status on champion_invitation (status, created_at);
create index ix_champion_invitation_person on champion_invitation (person_id, created_at);
