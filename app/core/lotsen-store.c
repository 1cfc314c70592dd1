/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-store.c — the sqlite file every other core module writes through.
 *
 * A ticket or sign-up shown to a person is already on disk: WAL with
 * synchronous=FULL, writes in BEGIN IMMEDIATE transactions so two kiosk
 * processes on one file take turns instead of failing.  The schema grows by
 * numbered migrations recorded in PRAGMA user_version.
 */

#define G_LOG_DOMAIN "lotsen-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "lotsen-store-private.h"

#define BUSY_TIMEOUT_MS 10000
#define BUSY_POLL_USEC  1000

/* Up to this size the whole file is checked at every open (a few tens of
 * milliseconds); a bigger one has its small tables checked at open and
 * the rest by lotsen_store_check(), which the kiosk runs after its first
 * frame.  quick_check reads about 170 MB a second on the benchmark
 * database. */
#define FULL_CHECK_MAX_BYTES (8 * 1024 * 1024)

/* How often an open is tried while another process makes the file. */
#define OPEN_ATTEMPTS 100
#define DEFAULT_TIMEZONE "Europe/Stockholm"

/* How a connection waits for another's write lock: it tries again every
 * millisecond, for up to BUSY_TIMEOUT_MS.  SQLite's own busy timeout
 * waits ever longer between tries (up to 100 ms each), so a writer of
 * many short transactions back to back, such as an import, would take the
 * lock again each time before a waiting kiosk looked. */
static int
wait_for_lock (void *data,
               int   n_tries)
{
  if ((gint64) n_tries * BUSY_POLL_USEC >= (gint64) BUSY_TIMEOUT_MS * 1000)
    return 0;

  g_usleep (BUSY_POLL_USEC);
  return 1;
}

struct _LotsenStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  LotsenClock *clock;
  GTimeZone   *timezone;
  char        *kiosk_id;
  gboolean     created;
  gboolean     seeding;   /* inside the creating transaction: no nested ones */
  gboolean     busy;      /* the last error was another connection's lock */

  /* The files this connection writes to, as they were at open: a lost
   * -wal takes every later commit with it. */
  dev_t        db_dev;
  ino_t        db_ino;
  dev_t        wal_dev;
  ino_t        wal_ino;
  gboolean     wal_known;
  char        *unusable;  /* why nothing more can be stored, or %NULL */
};

enum {
  SIGNAL_UNUSABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LotsenStore, lotsen_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (lotsen-store-error-quark, lotsen_store_error)

/* Each entry takes the schema from level i to level i + 1, in one
 * transaction.  Never edit an entry that has shipped: add a new one. */
static const char * const migrations[] = {
  /* 1: the first cut of the data model */
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE audit ("
  "  id     INTEGER PRIMARY KEY,"
  "  at     INTEGER NOT NULL,"
  "  what   TEXT NOT NULL,"
  "  detail TEXT"
  ");"
  "CREATE TABLE visitor ("
  "  id               INTEGER PRIMARY KEY,"
  "  uuid             TEXT NOT NULL UNIQUE,"
  "  code             TEXT UNIQUE,"
  "  created_at       INTEGER NOT NULL,"
  "  lang             TEXT,"
  "  given_name       TEXT,"
  "  family_name      TEXT,"
  "  birth_year       INTEGER,"
  "  gender           TEXT CHECK (gender IN ('woman','man','other','unstated')),"
  "  phone            TEXT,"
  "  email            TEXT,"
  "  municipality     TEXT,"
  "  interests        TEXT,"
  "  interpreter_lang TEXT,"
  "  consent_version  INTEGER,"
  "  consent_at       INTEGER,"
  "  anonymised_at    INTEGER"
  ");"
  "CREATE TABLE activity ("
  "  id         INTEGER PRIMARY KEY,"
  "  uuid       TEXT NOT NULL UNIQUE,"
  "  category   TEXT NOT NULL,"
  "  pictogram  TEXT NOT NULL,"
  "  location   TEXT,"
  "  capacity   INTEGER NOT NULL CHECK (capacity >= 0),"
  "  weekday    INTEGER CHECK (weekday BETWEEN 1 AND 7),"
  "  start_time TEXT,"
  "  minutes    INTEGER NOT NULL DEFAULT 60,"
  "  active     INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE activity_text ("
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  lang        TEXT NOT NULL,"
  "  title       TEXT NOT NULL,"
  "  description TEXT,"
  "  PRIMARY KEY (activity_id, lang)"
  ");"
  "CREATE TABLE session ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  starts_at   INTEGER NOT NULL,"
  "  ends_at     INTEGER NOT NULL,"
  "  capacity    INTEGER,"
  "  cancelled   INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (activity_id, starts_at)"
  ");"
  "CREATE INDEX session_starts_at ON session (starts_at);"
  "CREATE TABLE signup ("
  "  id         INTEGER PRIMARY KEY,"
  "  uuid       TEXT NOT NULL UNIQUE,"
  "  session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  visitor_id INTEGER REFERENCES visitor (id) ON DELETE SET NULL,"
  "  name       TEXT,"
  "  phone      TEXT,"
  "  party_size INTEGER NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 4),"
  "  status     TEXT NOT NULL CHECK (status IN ('confirmed','waitlisted','cancelled','attended','no_show')),"
  "  position   INTEGER,"
  "  created_at INTEGER NOT NULL,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX signup_session ON signup (session_id, status);"
  "CREATE TABLE service ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  prefix          TEXT NOT NULL UNIQUE CHECK (length (prefix) = 1 AND prefix BETWEEN 'A' AND 'Z'),"
  "  pictogram       TEXT NOT NULL,"
  "  default_minutes INTEGER NOT NULL DEFAULT 5 CHECK (default_minutes > 0),"
  "  sort_order      INTEGER NOT NULL DEFAULT 0,"
  "  active          INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE service_text ("
  "  service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,"
  "  lang       TEXT NOT NULL,"
  "  name       TEXT NOT NULL,"
  "  PRIMARY KEY (service_id, lang)"
  ");"
  "CREATE TABLE ticket ("
  "  id               INTEGER PRIMARY KEY,"
  "  uuid             TEXT NOT NULL UNIQUE,"
  "  service_id       INTEGER NOT NULL REFERENCES service (id),"
  "  visitor_id       INTEGER REFERENCES visitor (id) ON DELETE SET NULL,"
  "  day              TEXT NOT NULL,"
  "  number           INTEGER NOT NULL CHECK (number > 0),"
  "  label            TEXT NOT NULL,"
  "  lang             TEXT,"
  "  interpreter_lang TEXT,"
  "  priority         INTEGER NOT NULL DEFAULT 0,"
  "  status           TEXT NOT NULL DEFAULT 'waiting'"
  "                   CHECK (status IN ('waiting','called','serving','done','no_show')),"
  "  created_at       INTEGER NOT NULL,"
  "  called_at        INTEGER,"
  "  finished_at      INTEGER,"
  "  desk             INTEGER,"
  "  UNIQUE (service_id, day, number)"
  ");"
  "CREATE INDEX ticket_day_status ON ticket (day, status, priority, created_at);"
  "CREATE INDEX ticket_service_finished ON ticket (service_id, finished_at);",

  /* 2: registration — the site's municipalities, when a visitor was last seen */
  "CREATE TABLE municipality ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE,"
  "  sort_order INTEGER NOT NULL DEFAULT 0"
  ");"
  "ALTER TABLE visitor ADD COLUMN last_seen_at INTEGER;"
  "CREATE INDEX visitor_last_seen ON visitor (last_seen_at);"
  "CREATE INDEX ticket_visitor ON ticket (visitor_id);"
  "CREATE INDEX signup_visitor ON signup (visitor_id);",

  /* 3: activities — promotions from the waiting list, walk-ins, change times */
  "ALTER TABLE signup ADD COLUMN promoted_at INTEGER;"
  "ALTER TABLE signup ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE session ADD COLUMN changed_at INTEGER;"
  "ALTER TABLE activity ADD COLUMN changed_at INTEGER;"
  "CREATE INDEX signup_queue ON signup (session_id, status, created_at, id);"
  "CREATE INDEX signup_phone ON signup (session_id, phone);",

  /* 4: the funder report (lotsen-stats.c) — covering indexes, so its
   * range scans over tickets and sign-ups never visit the tables */
  "CREATE INDEX IF NOT EXISTS ticket_report ON ticket (day, created_at, visitor_id, service_id, status, called_at);"
  "CREATE INDEX IF NOT EXISTS signup_report ON signup (session_id, status, visitor_id, party_size);",

  /* 5: calls that reach the waiting room — how often a ticket was called,
   * so a display in another process tells a call again from the first */
  "ALTER TABLE ticket ADD COLUMN call_count INTEGER NOT NULL DEFAULT 0;"
  "UPDATE ticket SET call_count = 1 WHERE called_at IS NOT NULL;"
  "CREATE INDEX ticket_calls ON ticket (day, called_at);",

  /* 6: imports in any order (lotsen-import.c) — lines whose session has
   * not been imported yet, and rows whose visitor has not */
  "CREATE TABLE import_pending ("
  "  id       INTEGER PRIMARY KEY,"
  "  dataset  TEXT NOT NULL,"
  "  object   TEXT NOT NULL,"
  "  added_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE import_link ("
  "  kind         TEXT NOT NULL CHECK (kind IN ('ticket','signup')),"
  "  row_uuid     TEXT NOT NULL,"
  "  visitor_uuid TEXT NOT NULL,"
  "  PRIMARY KEY (kind, row_uuid)"
  ");",

  /* 7: outcomes — what became of a participant (work, studies, …), and
   * when the kiosk last asked them */
  "CREATE TABLE outcome ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  visitor_id  INTEGER NOT NULL REFERENCES visitor (id) ON DELETE CASCADE,"
  "  kind        TEXT NOT NULL,"
  "  begins_on   TEXT NOT NULL,"
  "  reported_by TEXT NOT NULL CHECK (reported_by IN ('staff','visitor')),"
  "  note        TEXT,"
  "  created_at  INTEGER NOT NULL,"
  "  changed_at  INTEGER NOT NULL,"
  "  UNIQUE (visitor_id, kind)"
  ");"
  "ALTER TABLE visitor ADD COLUMN outcome_asked_at INTEGER;",

  /* 8: the ESF+ questions a site can ask at registration (the setting
   * "esf_fields"); NULL: not asked, or not answered */
  "ALTER TABLE visitor ADD COLUMN employment TEXT "
  "  CHECK (employment IN ('unemployed','working','studying','inactive','unstated'));"
  "ALTER TABLE visitor ADD COLUMN education TEXT "
  "  CHECK (education IN ('compulsory','upper_secondary','post_secondary','unstated'));",
};

static void
lotsen_store_finalize (GObject *object)
{
  LotsenStore *self = (LotsenStore *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->kiosk_id, g_free);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_clear_pointer (&self->unusable, g_free);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lotsen_store_parent_class)->finalize (object);
}

static void
lotsen_store_class_init (LotsenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lotsen_store_finalize;

  /**
   * LotsenStore::unusable:
   *
   * Nothing more can be stored: the database file or its -wal was
   * removed or replaced while open, or the file turned out damaged.
   * Emitted once; every later write fails with the reason
   * (lotsen_store_get_unusable()).
   */
  signals[SIGNAL_UNUSABLE] =
    g_signal_new ("unusable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lotsen_store_init (LotsenStore *self)
{
}

/**
 * lotsen_store_set_unusable:
 * @reason: why, for the log and staff
 *
 * Nothing more is to be stored through @self (its file was found damaged
 * or lost): every later write fails with %LOTSEN_STORE_ERROR_LOST, and
 * #LotsenStore::unusable is emitted, once.
 */
void
lotsen_store_set_unusable (LotsenStore *self,
                           const char  *reason)
{
  g_return_if_fail (LOTSEN_IS_STORE (self));
  g_return_if_fail (reason != NULL);

  if (self->unusable != NULL)
    return;

  self->unusable = g_strdup (reason);
  g_warning ("%s: %s; nothing more is stored", self->path, reason);
  g_signal_emit (self, signals[SIGNAL_UNUSABLE], 0);
}

static int
code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return LOTSEN_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return LOTSEN_STORE_ERROR_OPEN;
    default:
      return LOTSEN_STORE_ERROR_FAILED;
    }
}

void
lotsen_store_set_error (LotsenStore  *self,
                        GError      **error)
{
  int rc = sqlite3_extended_errcode (self->db);

  self->busy = (rc & 0xff) == SQLITE_BUSY;

  /* Damage found while running: stop before more goes wrong. */
  if (code_for_sqlite (rc) == LOTSEN_STORE_ERROR_CORRUPT && !self->seeding && self->kiosk_id != NULL)
    lotsen_store_set_unusable (self, sqlite3_errmsg (self->db));

  g_set_error (error, LOTSEN_STORE_ERROR, code_for_sqlite (rc),
               /* Translators: %s is a technical message from the database engine. */
               _("The database could not be used: %s"),
               sqlite3_errmsg (self->db));
}

/* Whether the database file and its -wal are still the ones this
 * connection opened.  Deleting the -wal of a running kiosk (or replacing
 * the file) would let sqlite go on committing into a file no one will
 * ever read again. */
static gboolean
check_files (LotsenStore  *self,
             GError      **error)
{
  g_autofree char *wal = NULL;
  GStatBuf st;

  if (self->unusable == NULL && self->db_ino != 0)
    {
      wal = g_strconcat (self->path, "-wal", NULL);

      if (g_stat (self->path, &st) != 0 || st.st_dev != self->db_dev || st.st_ino != self->db_ino)
        lotsen_store_set_unusable (self, "the database file was removed or replaced");
      else if (g_stat (wal, &st) != 0)
        {
          if (self->wal_known)
            lotsen_store_set_unusable (self, "the -wal file was removed");
        }
      else if (!self->wal_known)
        {
          self->wal_dev = st.st_dev;
          self->wal_ino = st.st_ino;
          self->wal_known = TRUE;
        }
      else if (st.st_dev != self->wal_dev || st.st_ino != self->wal_ino)
        lotsen_store_set_unusable (self, "the -wal file was replaced");
    }

  if (self->unusable != NULL)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_LOST,
                   _("The database file was removed or changed while in use, so nothing more can be stored. Restart the kiosk."));
      return FALSE;
    }

  return TRUE;
}

/* Notes the files' identity once the connection is open. */
static void
remember_files (LotsenStore *self)
{
  GStatBuf st;

  if (g_strcmp0 (self->path, ":memory:") == 0 || g_stat (self->path, &st) != 0)
    return;

  self->db_dev = st.st_dev;
  self->db_ino = st.st_ino;
  check_files (self, NULL);
}

sqlite3 *
lotsen_store_get_db (LotsenStore *self)
{
  return self->db;
}

sqlite3_stmt *
lotsen_store_prepare (LotsenStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      lotsen_store_set_error (self, error);
      return NULL;
    }

  return stmt;
}

gboolean
lotsen_store_exec (LotsenStore  *self,
                   const char   *sql,
                   GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      lotsen_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* While a new database is seeded, the seed's own transactions are part of
 * the one that creates the schema: begin and commit do nothing, and a
 * failure rolls the whole creation back. */
gboolean
lotsen_store_begin (LotsenStore  *self,
                    GError      **error)
{
  if (self->seeding)
    return TRUE;

  return check_files (self, error) &&
         lotsen_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
lotsen_store_commit (LotsenStore  *self,
                     GError      **error)
{
  if (self->seeding)
    return TRUE;

  if (!lotsen_store_exec (self, "COMMIT", error))
    {
      lotsen_store_rollback (self);
      return FALSE;
    }

  /* Committed into a -wal that is gone: not kept, so not acknowledged. */
  return check_files (self, error);
}

void
lotsen_store_rollback (LotsenStore *self)
{
  if (self->seeding)
    return;

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
lotsen_store_step_done (LotsenStore   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  /* A write outside a transaction is its own commit. */
  gboolean own_commit = sqlite3_get_autocommit (self->db) && !sqlite3_stmt_readonly (stmt);

  if (own_commit && !check_files (self, error))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      lotsen_store_set_error (self, error);
      return FALSE;
    }

  return !own_commit || check_files (self, error);
}

/* A text column, copied; %NULL for SQL NULL. */
char *
lotsen_store_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

char *
lotsen_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

gint64
lotsen_store_now (LotsenStore *self)
{
  return lotsen_clock_get_now (self->clock);
}

static int
query_int (LotsenStore  *self,
           const char   *sql,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (self, sql, error);

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lotsen_store_set_error (self, error);
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

static void
load_timezone (LotsenStore *self)
{
  g_autofree char *identifier = NULL;

  if (self->timezone != NULL)
    return;

  identifier = lotsen_store_get_setting (self, "timezone");

  self->timezone = g_time_zone_new_identifier (identifier ? identifier : DEFAULT_TIMEZONE);
  if (self->timezone == NULL)
    {
      g_debug ("Time zone %s is unknown; using the local one",
               identifier ? identifier : DEFAULT_TIMEZONE);
      self->timezone = g_time_zone_new_local ();
    }
}

/* The tables every screen reads, and that are small in any centre. */
static const char * const small_tables[] = {
  "setting", "service", "service_text", "municipality", "activity", "activity_text", "session",
};

/* PRAGMA quick_check of @table, or of the whole file when %NULL: every
 * page readable and well formed. */
static gboolean
check_pages (LotsenStore  *self,
             const char   *table,
             GError      **error)
{
  g_autofree char *sql = table ? g_strdup_printf ("PRAGMA quick_check (%s)", table)
                               : g_strdup ("PRAGMA quick_check");
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (self, sql, error);
  const char *result;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      lotsen_store_set_error (self, error);
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a technical message from the database engine. */
                   _("The database file is damaged: %s"), result ? result : "?");
      return FALSE;
    }

  return TRUE;
}

/* Beside a database whose last full check found damage: the next open
 * checks the whole file, however big, so that it is kept aside then. */
static char *
get_check_marker (LotsenStore *self)
{
  return g_strconcat (self->path, ".check-at-open", NULL);
}

/* At open: the small tables always, the whole file when it is small or
 * was found damaged while it was in use. */
static gboolean
check_at_open (LotsenStore  *self,
               GError      **error)
{
  g_autofree char *marker = NULL;
  GStatBuf st;

  if (g_strcmp0 (self->path, ":memory:") == 0)
    return TRUE;

  marker = get_check_marker (self);
  if (g_file_test (marker, G_FILE_TEST_EXISTS))
    {
      if (!check_pages (self, NULL, error))
        return FALSE;
      g_unlink (marker);
      return TRUE;
    }

  if (g_stat (self->path, &st) == 0 && st.st_size <= FULL_CHECK_MAX_BYTES)
    return check_pages (self, NULL, error);

  for (guint i = 0; i < G_N_ELEMENTS (small_tables); i++)
    if (!check_pages (self, small_tables[i], error))
      return FALSE;

  return TRUE;
}

/**
 * lotsen_store_check:
 *
 * Reads every page of the database file and checks that it is well formed
 * (PRAGMA quick_check).  Takes about a second for every 170 MB.  A damaged
 * file is marked, so that the next open checks all of it (and
 * lotsen_store_open_or_recover() keeps it aside), however big it is.
 *
 * Returns: %TRUE when the file is whole; %FALSE with
 *   %LOTSEN_STORE_ERROR_CORRUPT when it is damaged
 */
gboolean
lotsen_store_check (LotsenStore  *self,
                    GError      **error)
{
  g_autofree char *marker = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), FALSE);

  if (check_pages (self, NULL, error))
    return TRUE;

  /* Found while in use: the next start checks the whole file, and keeps
   * it aside as lotsen_store_open_or_recover() does. */
  marker = get_check_marker (self);
  if (g_strcmp0 (self->path, ":memory:") != 0 && !g_file_set_contents (marker, "", 0, NULL))
    g_warning ("Cannot mark %s for a full check at the next start", self->path);

  return FALSE;
}

/* The schema checks and migrations, and for a new database the seed, in
 * one transaction under the write lock.  Another process may be creating
 * or upgrading the same file at this moment, so the version read before
 * the lock is only a hint: it is read again once the lock is held. */
static gboolean
migrate (LotsenStore          *self,
         LotsenStoreSeedFunc   seed,
         GError              **error)
{
  int latest = G_N_ELEMENTS (migrations);
  int version;
  int tables;
  gboolean seeded;

  version = query_int (self, "PRAGMA user_version", error);
  if (version < 0)
    return FALSE;

  if (version == latest)
    return TRUE;

  if (!lotsen_store_begin (self, error))
    return FALSE;

  version = query_int (self, "PRAGMA user_version", error);
  tables = version < 0 ? -1 : query_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", error);
  if (tables < 0)
    {
      lotsen_store_rollback (self);
      return FALSE;
    }

  if (version == 0 && tables > 0)
    {
      lotsen_store_rollback (self);
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT,
                   _("The file is a database of another program, not of Lotsen."));
      return FALSE;
    }

  if (version > latest)
    {
      lotsen_store_rollback (self);
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_TOO_NEW,
                   _("The database was made by a newer version of Lotsen (level %d; this version knows up to %d)."),
                   version, latest);
      return FALSE;
    }

  self->created = (version == 0);

  for (int level = version; level < latest; level++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", level + 1);

      if (!lotsen_store_exec (self, migrations[level], error) ||
          !lotsen_store_exec (self, set_version, error))
        {
          lotsen_store_rollback (self);
          return FALSE;
        }
    }

  if (self->created && seed != NULL)
    {
      load_timezone (self);
      self->seeding = TRUE;
      seeded = seed (self, error);
      self->seeding = FALSE;

      if (!seeded)
        {
          lotsen_store_rollback (self);
          return FALSE;
        }
    }

  return lotsen_store_commit (self, error);
}

/* Read first, so that an open writes nothing when the id is there; two
 * processes making a new database agree on the one that was stored first. */
static gboolean
ensure_kiosk_id (LotsenStore  *self,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *kiosk_id = NULL;

  self->kiosk_id = lotsen_store_get_setting (self, "kiosk_id");
  if (self->kiosk_id != NULL)
    return TRUE;

  stmt = lotsen_store_prepare (self,
                               "INSERT INTO setting (key, value) VALUES ('kiosk_id', ?) "
                               "ON CONFLICT (key) DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;

  kiosk_id = lotsen_store_new_uuid ();
  sqlite3_bind_text (stmt, 1, kiosk_id, -1, SQLITE_STATIC);
  if (!lotsen_store_step_done (self, stmt, error))
    return FALSE;

  self->kiosk_id = lotsen_store_get_setting (self, "kiosk_id");
  if (self->kiosk_id == NULL)
    {
      lotsen_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Visitors' names and phone numbers are no one else's business: a new
 * database file is made readable by its owner only, whatever the umask or
 * the folder.  sqlite gives its -wal and -shm files the same mode.  An
 * existing file is left as it is. */
static void
create_private (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL, 0600);

  if (fd >= 0)
    close (fd);
}

/* A file the kiosk may read but not write (mode 0444 for its user, a
 * read-only file system) is opened by sqlite read-only without a word,
 * and then every ticket fails.  Better to say at once that it cannot be
 * used.  The folder must be writable too: sqlite makes the -wal and -shm
 * files beside the database. */
static gboolean
check_writable (LotsenStore  *self,
                GError      **error)
{
  g_autofree char *dir = NULL;
  const char *where = self->path;
  int reason = 0;

  if (g_strcmp0 (self->path, ":memory:") == 0)
    return TRUE;

  dir = g_path_get_dirname (self->path);
  if (g_access (self->path, W_OK) != 0)
    reason = errno;
  else if (g_access (dir, W_OK) != 0)
    {
      reason = errno;
      where = dir;
    }
  else if (sqlite3_db_readonly (self->db, "main") == 1)
    reason = EROFS;

  if (reason == 0)
    return TRUE;

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN,
               /* Translators: %s is a file or folder name, then the reason. */
               _("The database cannot be written at %s: %s"), where, g_strerror (reason));
  return FALSE;
}

static gboolean
open_connection (LotsenStore          *self,
                 LotsenStoreSeedFunc   seed,
                 GError              **error)
{
  int rc;

  self->busy = FALSE;
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, code_for_sqlite (rc),
                   /* Translators: %s is a file name, then the reason. */
                   _("The database %s cannot be opened: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_handler (self->db, wait_for_lock, NULL);

  if (!check_writable (self, error))
    return FALSE;

  /* The first read tells whether the file is a database at all. */
  if (!lotsen_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !lotsen_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !lotsen_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !migrate (self, seed, error) ||
      !check_at_open (self, error) ||
      !ensure_kiosk_id (self, error))
    return FALSE;

  load_timezone (self);
  remember_files (self);
  return TRUE;
}

/**
 * lotsen_store_open:
 * @path: a file name, or ":memory:"
 * @clock: (nullable): the clock to use; the system clock when %NULL
 *
 * Opens the database at @path, creating it and its folder when missing,
 * and brings its schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 *   (%LOTSEN_STORE_ERROR_CORRUPT when the file is not a Lotsen database)
 */
LotsenStore *
lotsen_store_open (const char   *path,
                   LotsenClock  *clock,
                   GError      **error)
{
  return lotsen_store_open_seeded (path, clock, NULL, error);
}

/**
 * lotsen_store_open_seeded:
 * @seed: (nullable): what a new database starts with
 *
 * Like lotsen_store_open(), but a database this call creates gets its
 * first rows from @seed in the same transaction as its schema, so another
 * process opening it at the same moment sees it either not yet made or
 * made and seeded, never half.
 */
LotsenStore *
lotsen_store_open_seeded (const char           *path,
                          LotsenClock          *clock,
                          LotsenStoreSeedFunc   seed,
                          GError              **error)
{
  g_autoptr(LotsenStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (clock == NULL || LOTSEN_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* sqlite would open a temporary database for "", lost at exit. */
  if (*path == '\0')
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   _("The database needs a file name."));
      return NULL;
    }

  self = g_object_new (LOTSEN_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->clock = clock ? g_object_ref (clock) : lotsen_clock_new_system ();

  if (g_strcmp0 (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN,
                       /* Translators: %s is a folder name, then the reason. */
                       _("The folder %s cannot be created: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }

      create_private (path);
    }

  /* While another process turns a new file into a WAL database, sqlite
   * may answer "locked" at once instead of waiting: try again. */
  for (guint attempt = 1; !open_connection (self, seed, error); attempt++)
    {
      if (!self->busy || attempt == OPEN_ATTEMPTS)
        return NULL;

      g_debug ("%s: %s; trying again", path, (*error)->message);
      g_clear_error (error);
      g_clear_pointer (&self->db, sqlite3_close_v2);
      g_clear_pointer (&self->kiosk_id, g_free);
      g_clear_pointer (&self->timezone, g_time_zone_unref);
      self->created = FALSE;
      g_usleep (g_random_int_range (5, 50) * 1000);
    }

  return g_steal_pointer (&self);
}

static gboolean
move_aside (const char  *path,
            const char  *suffix,
            char       **moved_to,
            GError     **error)
{
  static const char * const companions[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (path, suffix, companions[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN,
                       _("The damaged database %s cannot be moved aside: %s"),
                       from, g_strerror (saved_errno));
          return FALSE;
        }

      if (i == 0 && moved_to != NULL)
        *moved_to = g_steal_pointer (&to);
    }

  return TRUE;
}

/**
 * lotsen_store_open_or_recover:
 * @seed: (nullable): what a new database starts with
 * @moved_aside: (out) (optional) (nullable): where a damaged file was moved
 *
 * Like lotsen_store_open(), but when @path holds something that is not a
 * Lotsen database, that file is kept under a new name beside it and a
 * fresh database is started in its place.
 */
LotsenStore *
lotsen_store_open_or_recover (const char           *path,
                              LotsenClock          *clock,
                              LotsenStoreSeedFunc   seed,
                              char                **moved_aside,
                              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *suffix = NULL;
  LotsenStore *store;

  if (moved_aside != NULL)
    *moved_aside = NULL;

  store = lotsen_store_open_seeded (path, clock, seed, &local_error);
  if (store != NULL)
    return store;

  if (!g_error_matches (local_error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_warning ("%s: %s; moving it aside", path, local_error->message);

  now = g_date_time_new_now_utc ();
  suffix = g_date_time_format (now, ".damaged-%Y%m%dT%H%M%SZ");

  if (!move_aside (path, suffix, moved_aside, error))
    return NULL;

  store = lotsen_store_open_seeded (path, clock, seed, error);
  if (store != NULL && moved_aside != NULL && *moved_aside != NULL)
    lotsen_store_audit (store, "recovered", *moved_aside, NULL);

  return store;
}

/**
 * lotsen_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/lotsen/lotsen.db`
 */
char *
lotsen_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lotsen", "lotsen.db", NULL);
}

const char *
lotsen_store_get_path (LotsenStore *self)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (self), NULL);

  return self->path;
}

LotsenClock *
lotsen_store_get_clock (LotsenStore *self)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (self), NULL);

  return self->clock;
}

/**
 * lotsen_store_get_created:
 *
 * Returns: %TRUE if this open created the schema (a new database)
 */
gboolean
lotsen_store_get_created (LotsenStore *self)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (self), FALSE);

  return self->created;
}

const char *
lotsen_store_get_kiosk_id (LotsenStore *self)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (self), NULL);

  return self->kiosk_id;
}

int
lotsen_store_get_schema_version (LotsenStore *self)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (self), -1);

  return query_int (self, "PRAGMA user_version", NULL);
}

int
lotsen_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * lotsen_store_get_unusable:
 *
 * Returns: (nullable): why nothing more can be stored (for the log and
 *   staff, in English), or %NULL while the store works
 */
const char *
lotsen_store_get_unusable (LotsenStore *self)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (self), NULL);

  return self->unusable;
}

GTimeZone *
lotsen_store_get_timezone (LotsenStore *self)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (self), NULL);

  return self->timezone;
}

/**
 * lotsen_store_to_local:
 *
 * Returns: (transfer full): @unix_seconds in the site's time zone
 */
GDateTime *
lotsen_store_to_local (LotsenStore *self,
                       gint64       unix_seconds)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), NULL);

  utc = g_date_time_new_from_unix_utc (unix_seconds);
  return g_date_time_to_timezone (utc, self->timezone);
}

/**
 * lotsen_store_format_local:
 * @format: as for g_date_time_format()
 *
 * Returns: (transfer full): @unix_seconds as the site's local time
 */
char *
lotsen_store_format_local (LotsenStore *self,
                           gint64       unix_seconds,
                           const char  *format)
{
  g_autoptr(GDateTime) local = lotsen_store_to_local (self, unix_seconds);

  g_return_val_if_fail (local != NULL, NULL);

  return g_date_time_format (local, format);
}

/**
 * lotsen_store_format_local_day:
 *
 * Returns: (transfer full): the site's local date of @unix_seconds as
 *   YYYY-MM-DD; days begin at local midnight, not at UTC midnight
 */
char *
lotsen_store_format_local_day (LotsenStore *self,
                               gint64       unix_seconds)
{
  return lotsen_store_format_local (self, unix_seconds, "%Y-%m-%d");
}

char *
lotsen_store_get_setting (LotsenStore *self,
                          const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = lotsen_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
lotsen_store_set_setting (LotsenStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  stmt = lotsen_store_prepare (self,
                               "INSERT INTO setting (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return lotsen_store_step_done (self, stmt, error);
}

/**
 * lotsen_store_change_setting:
 * @key: the setting
 * @value: its new value, already checked
 *
 * Stores a setting a staff member changed and records the change in the
 * audit table ("settings", "KEY=VALUE"), in one transaction.
 *
 * Returns: %TRUE when stored; %FALSE with @error and nothing changed
 */
gboolean
lotsen_store_change_setting (LotsenStore  *self,
                             const char   *key,
                             const char   *value,
                             GError      **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  detail = g_strdup_printf ("%s=%s", key, value);

  if (!lotsen_store_begin (self, error))
    return FALSE;

  if (!lotsen_store_set_setting (self, key, value, error) ||
      !lotsen_store_audit (self, "settings", detail, error))
    {
      lotsen_store_rollback (self);
      return FALSE;
    }

  return lotsen_store_commit (self, error);
}

/**
 * lotsen_store_get_retention_days:
 *
 * The setting "retention_days": for how many days after their last visit a
 * visitor's name and contact details are kept.  A value that is missing or
 * cannot be read gives %LOTSEN_RETENTION_DAYS_DEFAULT; one outside the
 * allowed range (written by hand into the database) is brought into it.
 *
 * Returns: the number of days
 */
guint
lotsen_store_get_retention_days (LotsenStore *self)
{
  g_autofree char *value = NULL;
  guint64 days;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), LOTSEN_RETENTION_DAYS_DEFAULT);

  value = lotsen_store_get_setting (self, "retention_days");
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &days, NULL))
    return LOTSEN_RETENTION_DAYS_DEFAULT;

  return CLAMP (days, LOTSEN_RETENTION_DAYS_MIN, LOTSEN_RETENTION_DAYS_MAX);
}

/**
 * lotsen_store_set_retention_days:
 * @days: from %LOTSEN_RETENTION_DAYS_MIN to %LOTSEN_RETENTION_DAYS_MAX
 *
 * Stores the setting "retention_days" and records the change in the
 * audit table.
 *
 * Returns: %TRUE when stored; %FALSE with %LOTSEN_STORE_ERROR_INVALID
 *   (and nothing changed) when @days is out of range
 */
gboolean
lotsen_store_set_retention_days (LotsenStore  *self,
                                 guint         days,
                                 GError      **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), FALSE);

  if (days < LOTSEN_RETENTION_DAYS_MIN || days > LOTSEN_RETENTION_DAYS_MAX)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: how long visitors' names are kept; %d and %d are numbers of days. */
                   _("The retention period must be from %d to %d days."),
                   LOTSEN_RETENTION_DAYS_MIN, LOTSEN_RETENTION_DAYS_MAX);
      return FALSE;
    }

  value = g_strdup_printf ("%u", days);
  return lotsen_store_change_setting (self, "retention_days", value, error);
}

#define NAME_SETTING_MAX 80 /* characters */

/**
 * lotsen_store_set_name_setting:
 * @key: "site_name" (the drop-in centre, e.g. "Mötesplats Malmö") or
 *   "project_name" (the funded project); both show on the report's cover
 * @value: the name; surrounding spaces are dropped, and an empty one
 *   takes the setting back to its default
 *
 * Stores one of the site's names and records the change in the audit
 * table.
 *
 * Returns: %TRUE when stored; %FALSE with %LOTSEN_STORE_ERROR_INVALID
 *   (and nothing changed) for another key, or a name that is too long,
 *   not UTF-8 or has control characters
 */
gboolean
lotsen_store_set_name_setting (LotsenStore  *self,
                               const char   *key,
                               const char   *value,
                               GError      **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!g_str_equal (key, "site_name") && !g_str_equal (key, "project_name"))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is what was given; keep the settings' keys as they are. */
                   _("There is no setting “%s”. The settings are site_name, project_name, retention_days, follow_up_days and esf_fields."),
                   key);
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    goto invalid;

  name = g_strstrip (g_strdup (value));
  if (g_utf8_strlen (name, -1) > NAME_SETTING_MAX)
    goto invalid;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      goto invalid;

  return lotsen_store_change_setting (self, key, name, error);

invalid:
  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %d is a number of characters. */
               _("A name is one line of at most %d characters."), NAME_SETTING_MAX);
  return FALSE;
}

gboolean
lotsen_store_audit (LotsenStore  *self,
                    const char   *what,
                    const char   *detail,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  stmt = lotsen_store_prepare (self, "INSERT INTO audit (at, what, detail) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, lotsen_store_now (self));
  sqlite3_bind_text (stmt, 2, what, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, detail, -1, SQLITE_STATIC);

  return lotsen_store_step_done (self, stmt, error);
}
