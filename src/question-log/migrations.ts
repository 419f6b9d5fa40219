/**
 * The question log's schema, one migration per version. The database's `user_version` pragma says
 * how many are applied; opening applies the missing ones in one transaction, and refuses a
 * database written by a newer version (its schema is unknown here). Never edit a released
 * migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: one row per answered question.
  `CREATE TABLE questions (
     id          INTEGER PRIMARY KEY,
     at          TEXT    NOT NULL,            -- ISO 8601, UTC
     front_end   TEXT    NOT NULL CHECK (front_end IN ('bot', 'cli')),
     chat_kind   TEXT    NOT NULL CHECK (chat_kind IN ('private', 'group')),
     user_hash   TEXT,                        -- HMAC-SHA256 of front end + user id, keyed; never the id
     lang        TEXT    NOT NULL,
     intent      TEXT    NOT NULL,
     question    TEXT    NOT NULL,
     reply       TEXT    NOT NULL CHECK (reply IN ('answer', 'evidence', 'refusal')),
     answer      TEXT    NOT NULL,
     articles    TEXT    NOT NULL,            -- JSON array of cited article ids
     build       TEXT,
     latency_ms  INTEGER NOT NULL,
     feedback    TEXT    CHECK (feedback IN ('up', 'down')),
     feedback_at TEXT
   );
   CREATE INDEX questions_at ON questions (at);
   CREATE INDEX questions_user ON questions (user_hash);`,
];

/** The schema version this program writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
