-- Standalone host schema, portable between H2 and PostgreSQL. Each statement ends with a semicolon.
CREATE TABLE IF NOT EXISTS wopi_users (
    id           VARCHAR(128) PRIMARY KEY,
    display_name VARCHAR(256) NOT NULL,
    email        VARCHAR(256),
    user_info    VARCHAR(4096),
    password     VARCHAR(256)
);
CREATE TABLE IF NOT EXISTS wopi_documents (
    id         VARCHAR(64)  PRIMARY KEY,
    title      VARCHAR(512) NOT NULL,
    owner_id   VARCHAR(128) NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE TABLE IF NOT EXISTS wopi_acl (
    doc_id     VARCHAR(64)  NOT NULL,
    principal  VARCHAR(128) NOT NULL,
    permission VARCHAR(16)  NOT NULL,
    PRIMARY KEY (doc_id, principal)
);
CREATE TABLE IF NOT EXISTS wopi_blobs (
    doc_id          VARCHAR(64)  NOT NULL,
    xpath           VARCHAR(256) NOT NULL,
    file_name       VARCHAR(512) NOT NULL,
    current_version INTEGER      NOT NULL,
    PRIMARY KEY (doc_id, xpath)
);
CREATE TABLE IF NOT EXISTS wopi_versions (
    doc_id      VARCHAR(64)  NOT NULL,
    xpath       VARCHAR(256) NOT NULL,
    version     INTEGER      NOT NULL,
    blob_key    VARCHAR(64)  NOT NULL,
    size        BIGINT       NOT NULL,
    modified_at BIGINT       NOT NULL,
    modified_by VARCHAR(128) NOT NULL,
    working     BOOLEAN      DEFAULT FALSE NOT NULL,
    co_authors  VARCHAR(8192),
    PRIMARY KEY (doc_id, xpath, version)
);
CREATE TABLE IF NOT EXISTS wopi_locks (
    file_id    VARCHAR(1024) PRIMARY KEY,
    lock_id    VARCHAR(1024) NOT NULL,
    expires_at BIGINT        NOT NULL
);
-- Who took each lock and when (added after the table: a data folder of an earlier version gets them).
ALTER TABLE wopi_locks ADD COLUMN IF NOT EXISTS user_id VARCHAR(128);
ALTER TABLE wopi_locks ADD COLUMN IF NOT EXISTS since BIGINT;
CREATE TABLE IF NOT EXISTS wopi_claims (
    task       VARCHAR(64) PRIMARY KEY,
    claimed_at BIGINT      NOT NULL
);
-- Which version a blob file belongs to: settling what a crashed process left asks it.
CREATE INDEX IF NOT EXISTS wopi_versions_blob_key ON wopi_versions (blob_key);
-- working: an autosave, the file's working version (replaced by the next save, never a version of its
-- own). co_authors: the co-authors a save credits (X-WOPI-Editors), comma separated. Added to databases
-- made before them (Database skips these when the column exists: ALTER TABLE locks the table)
ALTER TABLE wopi_versions ADD COLUMN IF NOT EXISTS working BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE wopi_versions ADD COLUMN IF NOT EXISTS co_authors VARCHAR(8192);
