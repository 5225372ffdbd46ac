-- Failed sign-ins, counted per email as typed and per client address (SignInThrottle): enough of
-- them within the window pause signing in for that email or from that address for a while.
-- Kept in the database, so that every instance of the application sees the same counts.
create table sign_in_failure (
    key           varchar(400) primary key,
    failures      integer     not null,
    window_start  timestamptz not null,
    blocked_until timestamptz
);
