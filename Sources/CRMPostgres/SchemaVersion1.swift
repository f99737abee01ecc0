extension PostgresSchema {
    /// Every collection's table has its records' ids and what reports filter and sort on as
    /// real columns, written from the record on each change, and the whole record in
    /// `record` as the data files hold it, fields crmtop does not know included; crmtop
    /// reads only `record`, so the columns can never say something the data does not.
    /// `pos` keeps the order of a file's list: a record added goes last, one changed keeps
    /// its place.
    static let version1 = """
    CREATE TABLE crmtop_schema (
        version     integer     NOT NULL,
        migrated_at timestamptz NOT NULL DEFAULT now()
    );
    -- The last change number given out, and reminders.json's last_id.
    CREATE TABLE crmtop_meta (
        key   text PRIMARY KEY,
        value text NOT NULL
    );
    INSERT INTO crmtop_meta VALUES ('change_seq', '0');

    CREATE TABLE settings (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        record   jsonb   NOT NULL
    );

    CREATE TABLE reminders (
        pos bigserial UNIQUE,
        id          text PRIMARY KEY,
        title       text        NOT NULL,
        priority    text        NOT NULL,
        owners      text[]      NOT NULL,
        creator     text,
        start_at    timestamptz,
        due         timestamptz NOT NULL,
        end_at      timestamptz,
        repeats     boolean     NOT NULL,
        external_id text,
        record      jsonb       NOT NULL
    );
    CREATE INDEX reminders_due ON reminders (due);
    CREATE INDEX reminders_owners ON reminders USING gin (owners);

    CREATE TABLE cases (
        pos bigserial UNIQUE,
        id                text PRIMARY KEY,
        title             text        NOT NULL,
        kind              text        NOT NULL,
        priority          text        NOT NULL,
        status            text        NOT NULL,
        team              text,
        owner             text,
        customer          text,
        opened            timestamptz NOT NULL,
        first_response_at timestamptz,
        resolved_at       timestamptz,
        sla_due           timestamptz,
        escalation_level  integer     NOT NULL,
        external_id       text,
        record            jsonb       NOT NULL
    );
    CREATE INDEX cases_team_status ON cases (team, status);
    CREATE INDEX cases_owner ON cases (owner);

    CREATE TABLE influencers (
        pos bigserial UNIQUE,
        id     text PRIMARY KEY,
        name   text  NOT NULL,
        handle text,
        record jsonb NOT NULL
    );

    CREATE TABLE people (
        pos bigserial UNIQUE,
        id      text PRIMARY KEY,
        name    text  NOT NULL,
        role    text  NOT NULL,
        team    text,
        manager text,
        record  jsonb NOT NULL
    );

    CREATE TABLE teams (
        pos bigserial UNIQUE,
        id     text PRIMARY KEY,
        name   text  NOT NULL,
        lead   text,
        record jsonb NOT NULL
    );

    CREATE TABLE kpis (
        pos bigserial UNIQUE,
        id     text PRIMARY KEY,
        name   text    NOT NULL,
        points integer NOT NULL,
        record jsonb   NOT NULL
    );

    -- In the order logged, like activities.jsonl.
    CREATE TABLE activities (
        seq    bigserial PRIMARY KEY,
        person text        NOT NULL,
        kpi    text        NOT NULL,
        count  integer     NOT NULL,
        at     timestamptz NOT NULL,
        record jsonb       NOT NULL
    );
    CREATE INDEX activities_at ON activities (at);
    CREATE INDEX activities_person ON activities (person, at);

    -- One row per stored batch of changes, in the order they committed.
    CREATE TABLE changes (
        seq       bigint      PRIMARY KEY,
        batch_id  text        NOT NULL UNIQUE,
        mutations jsonb       NOT NULL,
        who       text        NOT NULL DEFAULT current_user,
        at        timestamptz NOT NULL DEFAULT now()
    );

    -- The notifier: who sends, until when, and what went to whom.
    CREATE TABLE notifier_lease (
        only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        holder     text        NOT NULL,
        expires_at timestamptz NOT NULL
    );
    CREATE TABLE deliveries (
        key        text PRIMARY KEY,
        state      text        NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        record     jsonb       NOT NULL
    );
    """
}
