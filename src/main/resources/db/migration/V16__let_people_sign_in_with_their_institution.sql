-- Signing in with the identity the institution already has (OpenID Connect, LDAP) and by
-- invitation: an account may have no password of its own.
alter table account alter column password_hash drop not null;

-- The least role the strategist gave by hand: group sync at sign-in never takes an account below
-- it (unless the provider is set to be authoritative). Null for accounts made at a first sign-in.
-- Every account until now was made by hand, with the role it has.
alter table account add column hand_role varchar(20);
alter table account add constraint ck_account_hand_role
    check (hand_role is null or hand_role in ('STAFF', 'MANAGER', 'STRATEGIST'));
update account set hand_role = role;
alter table account_aud add column hand_role varchar(20);

-- A department's code in the institution's directory (HR's cost centre, the identity provider's
-- department value): a sign-in's department is matched by code or by name.
alter table department add column code varchar(40);
create unique index uk_department_code on department (lower(code));
alter table department_aud add column code varchar(40);
