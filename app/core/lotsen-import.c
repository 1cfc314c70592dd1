/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-import.c — another kiosk's JSONL export merged into this one.
 *
 * Every line is one flat JSON object that names its data set; the four
 * data sets may come in one file, in any order.  Rows are matched by
 * uuid, so importing a file twice changes nothing:
 *
 *  - visitors, tickets and activities' sessions are only ever added; a row
 *    whose uuid is here already is left as it is (they have no changed_at
 *    to tell which copy is newer);
 *  - a sign-up that is here already is updated when the incoming one has a
 *    later changed_at (its status, place, party and contact), else left.
 *
 * References: a ticket's service by its one-letter prefix (a prefix this
 * kiosk does not have skips the line: services are set up by staff, not
 * invented by an import); a sign-up's session, and a ticket's or sign-up's
 * visitor, by uuid.  A line whose session or visitor is neither here nor
 * read yet waits until the whole file is read, so no order is required
 * (the export's order needs no waiting).  Then a sign-up whose session is
 * still unknown is skipped; a visitor still unknown is left out of the row
 * (as after the visitor was erased on the other kiosk).
 *
 * Conflicts with this kiosk's own rows: a visitor code in use here is not
 * taken over (the visitor is added without one, counted in the report); a
 * ticket whose number that day is taken gets the day's next free number
 * and keeps its printed label; a session at the same start as another of
 * the same activity skips the line.  An activity new here is added
 * inactive, with the title under "sv" (the export's Swedish, or only,
 * title) and a generic pictogram: staff decide whether it runs here.
 *
 * A line that is not a JSON object, lacks a uuid, has a value of the wrong
 * type, names an unknown data set, or that the database refuses (a CHECK),
 * is reported with its number and skipped; the others are applied in one
 * transaction, each line inside its own savepoint, so a line is applied
 * whole or not at all and a failed read leaves the database as it was.
 */

#define G_LOG_DOMAIN "lotsen-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lotsen-dataset.h"
#include "lotsen-import.h"
#include "lotsen-store-private.h"

#define UTF8_BOM            "\xEF\xBB\xBF"
#define ACTIVITY_PICTOGRAM  "lotsen-activities-symbolic"
#define ACTIVITY_TITLE_LANG "sv"

G_DEFINE_QUARK (lotsen-import-error-quark, lotsen_import_error)

/* Whether @line (valid UTF-8) can be a flat JSON object, before it is
 * parsed: no array and no object inside it, and no "\u0000" in a string
 * (text in the database never holds a NUL).  This also keeps a line of
 * deeply nested brackets away from the parser, which would recurse once
 * per bracket. */
static gboolean
is_flat (const char *line,
         gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = line[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\')
            {
              if (i + 5 < length && memcmp (line + i + 1, "u0000", 5) == 0)
                return FALSE;
              i++;
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || (c == '{' && ++depth > 1))
        return FALSE;
    }

  return TRUE;
}

static void
count_member (JsonParser *parser,
              JsonObject *object,
              const char *name,
              gpointer    user_data)
{
  guint *n_members = user_data;

  (*n_members)++;
}

/* One line as a JSON object whose values are strings, numbers, true,
 * false or null, or %NULL when it is not one (a name twice counts as
 * malformed).  @line is valid UTF-8 without NUL. */
static JsonObject *
parse_object (JsonParser *parser,
              const char *line,
              gsize       length)
{
  g_autoptr(JsonObject) object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  JsonNode *root;
  guint n_members = 0;
  gulong handler;
  gboolean parsed;

  if (!is_flat (line, length))
    return NULL;

  handler = g_signal_connect (parser, "object-member", G_CALLBACK (count_member), &n_members);
  parsed = json_parser_load_from_data (parser, line, length, NULL);
  g_signal_handler_disconnect (parser, handler);

  root = parsed ? json_parser_get_root (parser) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_object_ref (json_node_get_object (root));

  /* The parser keeps the last of two members with one name. */
  if (n_members != json_object_get_size (object))
    return NULL;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node))
        return NULL;

      /* A lone surrogate ("\ud800") is no character. */
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return NULL;
    }

  return g_steal_pointer (&object);
}

/* Field access.  Each returns %FALSE with @reason set (translated) when the
 * field is missing although @required, or of the wrong type. */

static gboolean
get_text (JsonObject  *object,
          const char  *key,
          gboolean     required,
          const char **text,
          char       **reason)
{
  JsonNode *value = json_object_get_member (object, key);
  const char *string;

  *text = NULL;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (!required)
        return TRUE;

      /* Translators: %s is a field name such as "uuid"; it stays in English. */
      *reason = g_strdup_printf (_("“%s” is missing."), key);
      return FALSE;
    }

  if (json_node_get_value_type (value) != G_TYPE_STRING)
    {
      /* Translators: %s is a field name such as "given_name"; it stays in English. */
      *reason = g_strdup_printf (_("“%s” should be text."), key);
      return FALSE;
    }

  string = json_node_get_string (value);
  if (required && *string == '\0')
    {
      *reason = g_strdup_printf (_("“%s” is missing."), key);
      return FALSE;
    }

  *text = string;
  return TRUE;
}

static gboolean
get_integer (JsonObject  *object,
             const char  *key,
             gboolean     required,
             gboolean    *present,
             gint64      *integer,
             char       **reason)
{
  JsonNode *value = json_object_get_member (object, key);

  *present = FALSE;
  *integer = 0;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (!required)
        return TRUE;

      *reason = g_strdup_printf (_("“%s” is missing."), key);
      return FALSE;
    }

  /* A fraction or an exponent is no whole number, even "1.0". */
  if (json_node_get_value_type (value) != G_TYPE_INT64)
    {
      /* Translators: %s is a field name such as "birth_year"; it stays in English. */
      *reason = g_strdup_printf (_("“%s” should be a whole number."), key);
      return FALSE;
    }

  *present = TRUE;
  *integer = json_node_get_int (value);
  return TRUE;
}

/* A time as the export writes it: ISO 8601 with the UTC offset (one
 * without takes the site's zone), or unix seconds for a time no calendar
 * shows. */
static gboolean
get_time (LotsenStore  *store,
          JsonObject   *object,
          const char   *key,
          gboolean      required,
          gboolean     *present,
          gint64       *unix_seconds,
          char        **reason)
{
  JsonNode *value = json_object_get_member (object, key);
  g_autoptr(GDateTime) time = NULL;

  if (value == NULL || json_node_get_value_type (value) != G_TYPE_STRING)
    return get_integer (object, key, required, present, unix_seconds, reason);

  time = g_date_time_new_from_iso8601 (json_node_get_string (value), lotsen_store_get_timezone (store));
  if (time == NULL)
    {
      /* Translators: %s is a field name such as "created_at"; it stays in
       * English, and so does ISO 8601. */
      *reason = g_strdup_printf (_("“%s” should be a date and time (ISO 8601)."), key);
      return FALSE;
    }

  *present = TRUE;
  *unix_seconds = g_date_time_to_unix (time);
  return TRUE;
}

/* One field of a line, read as its column in the data set says. */
typedef struct
{
  gboolean    present; /* there, and not null */
  const char *text;    /* a text column's */
  gint64      integer; /* a number's, or a time's unix seconds */
} Field;

/* Reads every column of @dataset from @object into @fields (indexed like
 * the data set's columns); the export's derived columns are not read. */
static gboolean
read_fields (LotsenStore          *store,
             JsonObject           *object,
             LotsenExportDataset   dataset,
             Field                *fields,
             char                **reason)
{
  const LotsenDataset *info = lotsen_dataset_get (dataset);

  for (guint i = 0; i < info->n_columns; i++)
    {
      const LotsenColumn *column = &info->columns[i];
      gboolean required = (column->flags & LOTSEN_COLUMN_REQUIRED) != 0;
      Field *field = &fields[i];

      if (column->flags & LOTSEN_COLUMN_DERIVED)
        continue;

      switch (column->kind)
        {
        case LOTSEN_COLUMN_KIND_TEXT:
          if (!get_text (object, column->key, required, &field->text, reason))
            return FALSE;
          field->present = field->text != NULL;
          break;
        case LOTSEN_COLUMN_KIND_NUMBER:
          if (!get_integer (object, column->key, required, &field->present, &field->integer, reason))
            return FALSE;
          break;
        case LOTSEN_COLUMN_KIND_TIME:
          if (!get_time (store, object, column->key, required, &field->present, &field->integer, reason))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               gboolean      present,
               gint64        value)
{
  if (present)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* A number or time field, or NULL. */
static void
bind_field (sqlite3_stmt *stmt,
            int           index,
            const Field  *field)
{
  bind_optional (stmt, index, field->present, field->integer);
}

/* What a line did. */
typedef enum {
  OUTCOME_ADDED,
  OUTCOME_UPDATED,
  OUTCOME_PRESENT,
  OUTCOME_SKIPPED, /* reason set */
  OUTCOME_WAIT,    /* a reference not read yet: try again at the end */
  OUTCOME_FAILED,  /* the database failed: error set */
} Outcome;

/* A line that waits for a reference further down the file. */
typedef struct
{
  guint64              line;
  LotsenExportDataset  dataset;
  JsonObject          *object;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  json_object_unref (pending->object);
  g_free (pending);
}

typedef struct
{
  LotsenStore        *store;
  LotsenImportReport *report;
  GHashTable         *kiosks;  /* the exporting kiosks' ids, for the audit */
  GPtrArray          *pending; /* of Pending */
  JsonParser         *parser;  /* for every line */
  gboolean            final;   /* the file is read: no more waiting */
} Importer;

/* The id of the row of @table with @uuid: 0 when there is none, -1 on a
 * database error. */
static gint64
find_id (Importer    *importer,
         const char  *sql,
         const char  *uuid,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (importer->store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  lotsen_store_set_error (importer->store, error);
  return -1;
}

/* A visitor's id by uuid; 0 for none (@uuid %NULL, or unknown once the
 * file is read).  Returns %OUTCOME_WAIT for one that may come later. */
static Outcome
resolve_visitor (Importer    *importer,
                 const char  *uuid,
                 gint64      *visitor_id,
                 GError     **error)
{
  *visitor_id = 0;
  if (uuid == NULL)
    return OUTCOME_ADDED;

  *visitor_id = find_id (importer, "SELECT id FROM visitor WHERE uuid = ?", uuid, error);
  if (*visitor_id < 0)
    return OUTCOME_FAILED;
  if (*visitor_id == 0 && !importer->final)
    return OUTCOME_WAIT;

  return OUTCOME_ADDED;
}

/* After one statement of a line: a constraint the row breaks skips the
 * line; anything else is the database failing. */
static Outcome
step_row (Importer      *importer,
          sqlite3_stmt  *stmt,
          char         **reason,
          GError       **error)
{
  sqlite3 *db = lotsen_store_get_db (importer->store);
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return sqlite3_changes (db) > 0 ? OUTCOME_ADDED : OUTCOME_PRESENT;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* Translators: %s is a technical message from the database engine. */
      *reason = g_strdup_printf (_("The database refused the row: %s"), sqlite3_errmsg (db));
      return OUTCOME_SKIPPED;
    }

  lotsen_store_set_error (importer->store, error);
  return OUTCOME_FAILED;
}

static Outcome
import_visitor (Importer    *importer,
                JsonObject  *object,
                char       **reason,
                GError     **error)
{
  Field f[LOTSEN_VISITORS_N_COLUMNS] = { { 0 } };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *code;
  gboolean anonymised;
  gint64 existing;

  if (!read_fields (importer->store, object, LOTSEN_EXPORT_VISITORS, f, reason))
    return OUTCOME_SKIPPED;

  existing = find_id (importer, "SELECT id FROM visitor WHERE uuid = ?", f[LOTSEN_VISITORS_UUID].text, error);
  if (existing < 0)
    return OUTCOME_FAILED;
  if (existing > 0)
    return OUTCOME_PRESENT;

  /* Anonymised over there: no code, no name, no phone. */
  code = f[LOTSEN_VISITORS_CODE].text;
  anonymised = code == NULL && !f[LOTSEN_VISITORS_GIVEN_NAME].present &&
               !f[LOTSEN_VISITORS_FAMILY_NAME].present && !f[LOTSEN_VISITORS_PHONE].present;

  /* A code this kiosk gave someone else stays theirs. */
  if (code != NULL)
    {
      gint64 holder = find_id (importer, "SELECT id FROM visitor WHERE code = ?", code, error);

      if (holder < 0)
        return OUTCOME_FAILED;
      if (holder > 0)
        {
          code = NULL;
          importer->report->n_codes_dropped++;
        }
    }

  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO visitor (uuid, code, lang, given_name, family_name, gender, "
                               "phone, municipality, interests, interpreter_lang, created_at, birth_year, "
                               "consent_version, consent_at, last_seen_at, anonymised_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
                               "ON CONFLICT (uuid) DO NOTHING",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  bind_text (stmt, 1, f[LOTSEN_VISITORS_UUID].text);
  bind_text (stmt, 2, code);
  bind_text (stmt, 3, f[LOTSEN_VISITORS_LANG].text);
  bind_text (stmt, 4, f[LOTSEN_VISITORS_GIVEN_NAME].text);
  bind_text (stmt, 5, f[LOTSEN_VISITORS_FAMILY_NAME].text);
  bind_text (stmt, 6, f[LOTSEN_VISITORS_GENDER].text);
  bind_text (stmt, 7, f[LOTSEN_VISITORS_PHONE].text);
  bind_text (stmt, 8, f[LOTSEN_VISITORS_MUNICIPALITY].text);
  bind_text (stmt, 9, f[LOTSEN_VISITORS_INTERESTS].text);
  bind_text (stmt, 10, f[LOTSEN_VISITORS_INTERPRETER_LANG].text);
  sqlite3_bind_int64 (stmt, 11, f[LOTSEN_VISITORS_CREATED_AT].integer);
  bind_field (stmt, 12, &f[LOTSEN_VISITORS_BIRTH_YEAR]);
  bind_field (stmt, 13, &f[LOTSEN_VISITORS_CONSENT_VERSION]);
  bind_field (stmt, 14, &f[LOTSEN_VISITORS_CONSENT_AT]);
  bind_field (stmt, 15, &f[LOTSEN_VISITORS_LAST_SEEN_AT]);
  bind_optional (stmt, 16, anonymised, lotsen_store_now (importer->store));

  return step_row (importer, stmt, reason, error);
}

static Outcome
import_ticket (Importer    *importer,
               JsonObject  *object,
               char       **reason,
               GError     **error)
{
  Field f[LOTSEN_TICKETS_N_COLUMNS] = { { 0 } };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *prefix;
  gint64 existing, service_id, visitor_id;
  Outcome outcome;

  if (!read_fields (importer->store, object, LOTSEN_EXPORT_TICKETS, f, reason))
    return OUTCOME_SKIPPED;

  existing = find_id (importer, "SELECT id FROM ticket WHERE uuid = ?", f[LOTSEN_TICKETS_UUID].text, error);
  if (existing < 0)
    return OUTCOME_FAILED;
  if (existing > 0)
    return OUTCOME_PRESENT;

  prefix = f[LOTSEN_TICKETS_SERVICE_PREFIX].text;
  service_id = find_id (importer, "SELECT id FROM service WHERE prefix = ?", prefix, error);
  if (service_id < 0)
    return OUTCOME_FAILED;
  if (service_id == 0)
    {
      /* Translators: %s is a service's letter, such as "D". */
      *reason = g_strdup_printf (_("This kiosk has no service with the letter %s."), prefix);
      return OUTCOME_SKIPPED;
    }

  outcome = resolve_visitor (importer, f[LOTSEN_TICKETS_VISITOR_UUID].text, &visitor_id, error);
  if (outcome != OUTCOME_ADDED)
    return outcome;

  /* A number taken here that day: the day's next one; the label stays as printed. */
  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO ticket (uuid, service_id, visitor_id, day, number, label, lang, "
                               "interpreter_lang, status, created_at, called_at, finished_at, desk) "
                               "VALUES (?1, ?2, ?3, ?4, "
                               "CASE WHEN EXISTS (SELECT 1 FROM ticket WHERE service_id = ?2 AND day = ?4 "
                               "AND number = ?5) THEN (SELECT max (number) + 1 FROM ticket "
                               "WHERE service_id = ?2 AND day = ?4) ELSE ?5 END, "
                               "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                               "ON CONFLICT (uuid) DO NOTHING",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  bind_text (stmt, 1, f[LOTSEN_TICKETS_UUID].text);
  sqlite3_bind_int64 (stmt, 2, service_id);
  bind_optional (stmt, 3, visitor_id > 0, visitor_id);
  bind_text (stmt, 4, f[LOTSEN_TICKETS_DAY].text);
  sqlite3_bind_int64 (stmt, 5, f[LOTSEN_TICKETS_NUMBER].integer);
  bind_text (stmt, 6, f[LOTSEN_TICKETS_LABEL].text);
  bind_text (stmt, 7, f[LOTSEN_TICKETS_LANG].text);
  bind_text (stmt, 8, f[LOTSEN_TICKETS_INTERPRETER_LANG].text);
  bind_text (stmt, 9, f[LOTSEN_TICKETS_STATUS].text);
  sqlite3_bind_int64 (stmt, 10, f[LOTSEN_TICKETS_CREATED_AT].integer);
  bind_field (stmt, 11, &f[LOTSEN_TICKETS_CALLED_AT]);
  bind_field (stmt, 12, &f[LOTSEN_TICKETS_FINISHED_AT]);
  bind_field (stmt, 13, &f[LOTSEN_TICKETS_DESK]);

  return step_row (importer, stmt, reason, error);
}

/* The session of an export without session_uuid (before it had one): the
 * only one at that start whose activity has that title. */
static gint64
find_session_by_title (Importer    *importer,
                       gint64       starts_at,
                       const char  *title,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;
  int rc;

  stmt = lotsen_store_prepare (importer->store,
                               "SELECT se.id FROM session se WHERE se.starts_at = ?1 AND EXISTS "
                               "(SELECT 1 FROM activity_text WHERE activity_id = se.activity_id AND title = ?2) "
                               "LIMIT 2",
                               error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, starts_at);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = id == 0 ? sqlite3_column_int64 (stmt, 0) : G_MAXINT64;

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (importer->store, error);
      return -1;
    }

  /* Two are as good as none. */
  return id == G_MAXINT64 ? 0 : id;
}

static Outcome
import_signup (Importer    *importer,
               JsonObject  *object,
               char       **reason,
               GError     **error)
{
  Field f[LOTSEN_SIGNUPS_N_COLUMNS] = { { 0 } };
  const char *uuid, *title, *status, *name, *phone, *session_uuid;
  gint64 party_size, created_at, changed_at;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 session_id, visitor_id;
  Outcome outcome;

  if (!read_fields (importer->store, object, LOTSEN_EXPORT_SIGNUPS, f, reason))
    return OUTCOME_SKIPPED;

  uuid = f[LOTSEN_SIGNUPS_UUID].text;
  session_uuid = f[LOTSEN_SIGNUPS_SESSION_UUID].text;
  title = f[LOTSEN_SIGNUPS_ACTIVITY_TITLE].text;
  status = f[LOTSEN_SIGNUPS_STATUS].text;
  name = f[LOTSEN_SIGNUPS_NAME].text;
  phone = f[LOTSEN_SIGNUPS_PHONE].text;
  created_at = f[LOTSEN_SIGNUPS_CREATED_AT].integer;
  changed_at = f[LOTSEN_SIGNUPS_CHANGED_AT].present ? f[LOTSEN_SIGNUPS_CHANGED_AT].integer : created_at;
  party_size = f[LOTSEN_SIGNUPS_PARTY_SIZE].present ? f[LOTSEN_SIGNUPS_PARTY_SIZE].integer : 1;

  /* Here already: newer over there changes it, else it stays. */
  {
    gint64 existing = find_id (importer, "SELECT id FROM signup WHERE uuid = ?", uuid, error);

    if (existing < 0)
      return OUTCOME_FAILED;
    if (existing > 0)
      {
        stmt = lotsen_store_prepare (importer->store,
                                     "UPDATE signup SET status = ?2, party_size = ?3, position = ?4, "
                                     "name = ?5, phone = ?6, changed_at = ?7 "
                                     "WHERE uuid = ?1 AND changed_at < ?7",
                                     error);
        if (stmt == NULL)
          return OUTCOME_FAILED;

        sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 3, party_size);
        bind_field (stmt, 4, &f[LOTSEN_SIGNUPS_POSITION]);
        bind_text (stmt, 5, name);
        bind_text (stmt, 6, phone);
        sqlite3_bind_int64 (stmt, 7, changed_at);

        outcome = step_row (importer, stmt, reason, error);
        return outcome == OUTCOME_ADDED ? OUTCOME_UPDATED : outcome;
      }
  }

  if (session_uuid != NULL)
    session_id = find_id (importer, "SELECT id FROM session WHERE uuid = ?", session_uuid, error);
  else if (f[LOTSEN_SIGNUPS_SESSION_STARTS_AT].present && title != NULL)
    session_id = find_session_by_title (importer, f[LOTSEN_SIGNUPS_SESSION_STARTS_AT].integer, title, error);
  else
    {
      *reason = g_strdup_printf (_("“%s” is missing."), "session_uuid");
      return OUTCOME_SKIPPED;
    }

  if (session_id < 0)
    return OUTCOME_FAILED;
  if (session_id == 0)
    {
      if (!importer->final)
        return OUTCOME_WAIT;

      *reason = g_strdup (_("The sign-up’s session is neither in the file nor on this kiosk."));
      return OUTCOME_SKIPPED;
    }

  outcome = resolve_visitor (importer, f[LOTSEN_SIGNUPS_VISITOR_UUID].text, &visitor_id, error);
  if (outcome != OUTCOME_ADDED)
    return outcome;

  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO signup (uuid, session_id, visitor_id, name, phone, party_size, "
                               "status, position, created_at, changed_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                               "ON CONFLICT (uuid) DO NOTHING",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, session_id);
  bind_optional (stmt, 3, visitor_id > 0, visitor_id);
  bind_text (stmt, 4, name);
  bind_text (stmt, 5, phone);
  sqlite3_bind_int64 (stmt, 6, party_size);
  sqlite3_bind_text (stmt, 7, status, -1, SQLITE_STATIC);
  bind_field (stmt, 8, &f[LOTSEN_SIGNUPS_POSITION]);
  sqlite3_bind_int64 (stmt, 9, created_at);
  sqlite3_bind_int64 (stmt, 10, changed_at);

  return step_row (importer, stmt, reason, error);
}

/* The activity of a session line, added when new here: its id, 0 with
 * @reason when the line is refused, -1 on a database error. */
static gint64
ensure_activity (Importer    *importer,
                 const char  *uuid,
                 const char  *category,
                 const char  *location,
                 const char  *title,
                 gboolean     has_capacity,
                 gint64       capacity,
                 gint64       minutes,
                 char       **reason,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  id = find_id (importer, "SELECT id FROM activity WHERE uuid = ?", uuid, error);
  if (id != 0)
    return id;

  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO activity (uuid, category, pictogram, location, capacity, minutes, "
                               "active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)",
                               error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  bind_text (stmt, 2, category);
  sqlite3_bind_text (stmt, 3, ACTIVITY_PICTOGRAM, -1, SQLITE_STATIC);
  bind_text (stmt, 4, location);
  sqlite3_bind_int64 (stmt, 5, has_capacity ? capacity : 0);
  sqlite3_bind_int64 (stmt, 6, minutes);

  switch (step_row (importer, stmt, reason, error))
    {
    case OUTCOME_SKIPPED:
      return 0;
    case OUTCOME_FAILED:
      return -1;
    default:
      break;
    }

  id = sqlite3_last_insert_rowid (lotsen_store_get_db (importer->store));

  if (title != NULL)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = lotsen_store_prepare (importer->store,
                                   "INSERT INTO activity_text (activity_id, lang, title) VALUES (?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return -1;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, ACTIVITY_TITLE_LANG, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
      if (!lotsen_store_step_done (importer->store, stmt, error))
        return -1;
    }

  return id;
}

static Outcome
import_session (Importer    *importer,
                JsonObject  *object,
                char       **reason,
                GError     **error)
{
  Field f[LOTSEN_ACTIVITIES_N_COLUMNS] = { { 0 } };
  const char *session_uuid;
  gint64 starts_at, ends_at;
  gboolean has_capacity;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 existing, activity_id;
  int clash;

  if (!read_fields (importer->store, object, LOTSEN_EXPORT_ACTIVITIES, f, reason))
    return OUTCOME_SKIPPED;

  session_uuid = f[LOTSEN_ACTIVITIES_SESSION_UUID].text;
  starts_at = f[LOTSEN_ACTIVITIES_STARTS_AT].integer;
  ends_at = f[LOTSEN_ACTIVITIES_ENDS_AT].integer;
  has_capacity = f[LOTSEN_ACTIVITIES_CAPACITY].present;

  existing = find_id (importer, "SELECT id FROM session WHERE uuid = ?", session_uuid, error);
  if (existing < 0)
    return OUTCOME_FAILED;
  if (existing > 0)
    return OUTCOME_PRESENT;

  activity_id = ensure_activity (importer, f[LOTSEN_ACTIVITIES_ACTIVITY_UUID].text,
                                 f[LOTSEN_ACTIVITIES_CATEGORY].text, f[LOTSEN_ACTIVITIES_LOCATION].text,
                                 f[LOTSEN_ACTIVITIES_TITLE].text, has_capacity,
                                 f[LOTSEN_ACTIVITIES_CAPACITY].integer, MAX ((ends_at - starts_at) / 60, 1),
                                 reason, error);
  if (activity_id < 0)
    return OUTCOME_FAILED;
  if (activity_id == 0)
    return OUTCOME_SKIPPED;

  stmt = lotsen_store_prepare (importer->store,
                               "SELECT id FROM session WHERE activity_id = ?1 AND starts_at = ?2", error);
  if (stmt == NULL)
    return OUTCOME_FAILED;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, starts_at);
  clash = sqlite3_step (stmt);
  if (clash != SQLITE_ROW && clash != SQLITE_DONE)
    {
      lotsen_store_set_error (importer->store, error);
      return OUTCOME_FAILED;
    }
  if (clash == SQLITE_ROW)
    {
      *reason = g_strdup (_("Another session of this activity starts at the same time on this kiosk."));
      return OUTCOME_SKIPPED;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO session (uuid, activity_id, starts_at, ends_at, capacity, cancelled) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (uuid) DO NOTHING",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  sqlite3_bind_text (stmt, 1, session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, activity_id);
  sqlite3_bind_int64 (stmt, 3, starts_at);
  sqlite3_bind_int64 (stmt, 4, ends_at);
  bind_field (stmt, 5, &f[LOTSEN_ACTIVITIES_CAPACITY]);
  sqlite3_bind_int64 (stmt, 6, f[LOTSEN_ACTIVITIES_CANCELLED].present && f[LOTSEN_ACTIVITIES_CANCELLED].integer != 0);

  return step_row (importer, stmt, reason, error);
}

static void
skip_line (Importer   *importer,
           guint64     line,
           const char *reason)
{
  g_array_append_val (importer->report->skipped_lines, line);
  g_ptr_array_add (importer->report->skipped,
                   /* Translators: %lu is a line number of the file; %s says what is wrong with it. */
                   g_strdup_printf (_("Line %lu: %s"), (gulong) line, reason));
}

/* One parsed line, inside its own savepoint.  Returns %FALSE only when the
 * database fails. */
static gboolean
apply_object (Importer             *importer,
              guint64               line,
              LotsenExportDataset   dataset,
              JsonObject           *object,
              GError              **error)
{
  g_autofree char *reason = NULL;
  Outcome outcome = OUTCOME_FAILED;

  if (!lotsen_store_exec (importer->store, "SAVEPOINT line", error))
    return FALSE;

  switch (dataset)
    {
    case LOTSEN_EXPORT_VISITORS:
      outcome = import_visitor (importer, object, &reason, error);
      break;
    case LOTSEN_EXPORT_TICKETS:
      outcome = import_ticket (importer, object, &reason, error);
      break;
    case LOTSEN_EXPORT_SIGNUPS:
      outcome = import_signup (importer, object, &reason, error);
      break;
    case LOTSEN_EXPORT_ACTIVITIES:
      outcome = import_session (importer, object, &reason, error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* The caller rolls the whole import back. */
  if (outcome == OUTCOME_FAILED)
    return FALSE;

  /* Nothing of a skipped or waiting line stays. */
  if ((outcome == OUTCOME_SKIPPED || outcome == OUTCOME_WAIT) &&
      !lotsen_store_exec (importer->store, "ROLLBACK TO line", error))
    return FALSE;

  if (!lotsen_store_exec (importer->store, "RELEASE line", error))
    return FALSE;

  switch (outcome)
    {
    case OUTCOME_ADDED:
      importer->report->n_added[dataset]++;
      break;
    case OUTCOME_UPDATED:
      importer->report->n_updated[dataset]++;
      break;
    case OUTCOME_PRESENT:
      importer->report->n_present[dataset]++;
      break;
    case OUTCOME_SKIPPED:
      skip_line (importer, line, reason);
      break;
    case OUTCOME_WAIT:
      {
        Pending *pending = g_new0 (Pending, 1);

        pending->line = line;
        pending->dataset = dataset;
        pending->object = json_object_ref (object);
        g_ptr_array_add (importer->pending, pending);
        break;
      }
    case OUTCOME_FAILED:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* One line of the file (its end of line cut off).  Returns %FALSE only
 * when the database fails; *@is_object tells whether it was a JSON object. */
static gboolean
import_line (Importer    *importer,
             guint64      line,
             const char  *text,
             gsize        length,
             gboolean    *is_object,
             GError     **error)
{
  g_autoptr(JsonObject) object = NULL;
  LotsenExportDataset dataset;
  const char *name = NULL;
  g_autofree char *reason = NULL;

  *is_object = FALSE;

  if (line == 1 && length >= 3 && memcmp (text, UTF8_BOM, 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  if (length > 0 && text[length - 1] == '\r')
    length--;

  /* A blank line is no data, and no error. */
  {
    gsize i = 0;

    while (i < length && g_ascii_isspace (text[i]))
      i++;
    if (i == length)
      return TRUE;
  }

  /* Invalid UTF-8 and NUL bytes end here: the parser needs neither. */
  if (g_utf8_validate_len (text, length, NULL))
    object = parse_object (importer->parser, text, length);

  if (object == NULL)
    {
      skip_line (importer, line, _("The line is not a JSON object of plain values."));
      return TRUE;
    }

  *is_object = TRUE;

  if (!get_text (object, "dataset", TRUE, &name, &reason))
    {
      skip_line (importer, line, reason);
      return TRUE;
    }

  if (!lotsen_export_dataset_from_string (name, &dataset, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a data set of Lotsen."), name);

      skip_line (importer, line, message);
      return TRUE;
    }

  {
    const char *kiosk_id = NULL;

    if (get_text (object, "kiosk_id", FALSE, &kiosk_id, &reason) && kiosk_id != NULL)
      g_hash_table_add (importer->kiosks, g_strdup (kiosk_id));
    g_clear_pointer (&reason, g_free);
  }

  return apply_object (importer, line, dataset, object, error);
}

/* A skipped line's number with its message. */
typedef struct
{
  guint64  line;
  gpointer message;
} Skipped;

static int
compare_skipped (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = ((const Skipped *) a)->line;
  guint64 y = ((const Skipped *) b)->line;

  return (x > y) - (x < y);
}

/* Waiting lines skipped at the end go back to their place in the file,
 * their messages with them.  A line is skipped at most once. */
static void
sort_skipped (LotsenImportReport *report)
{
  guint n = report->skipped_lines->len;
  g_autofree Skipped *skipped = NULL;

  g_assert (report->skipped->len == n);

  if (n < 2)
    return;

  skipped = g_new (Skipped, n);

  for (guint i = 0; i < n; i++)
    {
      skipped[i].line = g_array_index (report->skipped_lines, guint64, i);
      skipped[i].message = report->skipped->pdata[i];
    }

  qsort (skipped, n, sizeof (Skipped), compare_skipped);

  for (guint i = 0; i < n; i++)
    {
      g_array_index (report->skipped_lines, guint64, i) = skipped[i].line;
      report->skipped->pdata[i] = skipped[i].message;
    }
}

static void
report_reset (LotsenImportReport *report)
{
  lotsen_import_report_clear (report);
  report->skipped_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  report->skipped = g_ptr_array_new_with_free_func (g_free);
}

/* Everything but the end of the transaction. */
static gboolean
import_lines (Importer      *importer,
              GInputStream  *in,
              GError       **error)
{
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (in);
  g_autoptr(GError) local_error = NULL;
  gboolean any_object = FALSE;
  char *text;
  gsize length;

  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_LF);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);

  while ((text = g_data_input_stream_read_line (data, &length, NULL, &local_error)) != NULL)
    {
      g_autofree char *owned = text;
      gboolean is_object;

      importer->report->n_lines++;
      if (!import_line (importer, importer->report->n_lines, owned, length, &is_object, error))
        return FALSE;
      any_object |= is_object;
    }

  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is the reason, e.g. "Input/output error". */
                   _("The file could not be read: %s"), local_error->message);
      return FALSE;
    }

  if (importer->report->n_lines > 0 && !any_object)
    {
      g_set_error_literal (error, LOTSEN_IMPORT_ERROR, LOTSEN_IMPORT_ERROR_NOT_JSONL,
                           /* Translators: JSONL stays as it is. */
                           _("The file is not a Lotsen export in JSONL: not one line is a JSON object."));
      return FALSE;
    }

  /* The lines that waited, in their order: the file is all here now. */
  importer->final = TRUE;
  for (guint i = 0; i < importer->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (importer->pending, i);

      if (!apply_object (importer, pending->line, pending->dataset, pending->object, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
describe_import (Importer   *importer,
                 const char *source)
{
  LotsenImportReport *report = importer->report;
  g_autoptr(GString) detail = g_string_new (source ? source : "-");
  g_autofree const char **kiosks = NULL;
  guint n_kiosks;

  g_string_append_printf (detail, " lines=%" G_GUINT64_FORMAT, report->n_lines);
  for (guint i = 0; i < LOTSEN_IMPORT_N_DATASETS; i++)
    g_string_append_printf (detail, " %s=+%" G_GUINT64_FORMAT "/~%" G_GUINT64_FORMAT "/=%" G_GUINT64_FORMAT,
                            lotsen_export_dataset_to_string (i), report->n_added[i], report->n_updated[i], report->n_present[i]);
  g_string_append_printf (detail, " skipped=%u", report->skipped_lines->len);

  kiosks = (const char **) g_hash_table_get_keys_as_array (importer->kiosks, &n_kiosks);
  if (n_kiosks > 0)
    {
      g_autofree char *joined = NULL;

      qsort (kiosks, n_kiosks, sizeof (char *), compare_strings);
      joined = g_strjoinv (",", (char **) kiosks);
      g_string_append_printf (detail, " from=%s", joined);
    }

  return g_string_free (g_steal_pointer (&detail), FALSE);
}

static gboolean
import_stream (LotsenStore         *store,
               GInputStream        *in,
               const char          *source,
               LotsenImportReport  *report,
               GError             **error)
{
  g_autoptr(GHashTable) kiosks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *detail = NULL;
  Importer importer = {
    .store = store,
    .report = report,
    .kiosks = kiosks,
    .pending = pending,
    .parser = parser,
  };

  report_reset (report);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!import_lines (&importer, in, error))
    {
      lotsen_store_rollback (store);
      return FALSE;
    }

  /* Waiting lines may have been skipped later: in the file's order. */
  sort_skipped (report);

  detail = describe_import (&importer, source);
  if (!lotsen_store_audit (store, "import", detail, error))
    {
      lotsen_store_rollback (store);
      return FALSE;
    }

  return lotsen_store_commit (store, error);
}

/**
 * lotsen_import_jsonl:
 * @in: another kiosk's export in JSONL (lotsen_export_write()); read to its
 *   end, not closed
 * @report: (out caller-allocates): what was done; cleared first, and to be
 *   cleared with lotsen_import_report_clear() after a success or a failure
 *
 * Merges the rows of @in into @store by uuid, as described at the top of
 * this file; importing the same data again changes nothing.  Lines that
 * cannot be used are skipped and listed in @report, which is no error.
 * Everything, with an audit row "import", is written in one transaction.
 *
 * Returns: %TRUE when the import is done; %FALSE with
 *   %LOTSEN_IMPORT_ERROR_NOT_JSONL, the stream's error when it cannot be
 *   read (%G_IO_ERROR for a file), or a %LOTSEN_STORE_ERROR, and nothing
 *   changed
 */
gboolean
lotsen_import_jsonl (LotsenStore         *store,
                     GInputStream        *in,
                     LotsenImportReport  *report,
                     GError             **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_stream (store, in, NULL, report, error);
}

/**
 * lotsen_import_jsonl_file:
 * @path: a JSONL file
 *
 * Like lotsen_import_jsonl(), from the file at @path; the audit row names
 * the file.  A file that cannot be read is a %G_IO_ERROR, such as
 * %G_IO_ERROR_NOT_FOUND or %G_IO_ERROR_PERMISSION_DENIED.
 */
gboolean
lotsen_import_jsonl_file (LotsenStore         *store,
                          const char          *path,
                          LotsenImportReport  *report,
                          GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report_reset (report);

  target = g_canonicalize_filename (path, NULL);
  file = g_file_new_for_path (target);
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, then the reason. */
                   _("The file %s cannot be read: %s"), target, local_error->message);
      return FALSE;
    }

  return import_stream (store, G_INPUT_STREAM (in), target, report, error);
}

guint64
lotsen_import_report_get_added (const LotsenImportReport *report)
{
  guint64 sum = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < LOTSEN_IMPORT_N_DATASETS; i++)
    sum += report->n_added[i];
  return sum;
}

guint64
lotsen_import_report_get_present (const LotsenImportReport *report)
{
  guint64 sum = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < LOTSEN_IMPORT_N_DATASETS; i++)
    sum += report->n_present[i];
  return sum;
}

/**
 * lotsen_import_report_clear:
 *
 * Frees what @report holds and sets it to zero; the struct itself is the
 * caller's.
 */
void
lotsen_import_report_clear (LotsenImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->skipped_lines, g_array_unref);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}
