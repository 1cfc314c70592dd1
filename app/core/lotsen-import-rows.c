/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-import-rows.c — one imported line of a data set into rows: its
 * fields read as the data set's columns say, its references resolved,
 * and the visitor, ticket, sign-up or session (with its activity when
 * new here) added, updated or left as it is.
 */

#define G_LOG_DOMAIN "lotsen-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-activity-private.h"
#include "lotsen-dataset.h"
#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-import-private.h"
#include "lotsen-visitor.h"

#define ACTIVITY_PICTOGRAM  "lotsen-activities-symbolic"
#define ACTIVITY_TITLE_LANG "sv"
#define MAX_TICKET_NUMBER   999999

/* Field access.  Each returns %FALSE with @reason set (translated) when the
 * field is missing although @required, or of the wrong type. */

gboolean
lotsen_import_get_text (JsonObject  *object,
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
  if (strlen (string) > LOTSEN_IMPORT_MAX_FIELD_BYTES)
    {
      /* Translators: %s is a field name such as "title"; it stays in English. */
      *reason = g_strdup_printf (_("“%s” is too long."), key);
      return FALSE;
    }

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
    {
      if (!get_integer (object, key, required, present, unix_seconds, reason))
        return FALSE;

      /* Only times a calendar can show: no arithmetic on them overflows. */
      if (*present && (*unix_seconds < LOTSEN_TIME_MIN || *unix_seconds > LOTSEN_TIME_MAX))
        {
          *reason = g_strdup_printf (_("“%s” should be a date and time (ISO 8601)."), key);
          return FALSE;
        }

      return TRUE;
    }

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
          if (!lotsen_import_get_text (object, column->key, required, &field->text, reason))
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

static gint64 find_id (Importer    *importer,
                       const char  *sql,
                       const char  *uuid,
                       GError     **error);

/* The field rules of the kiosk's own forms (lotsen-visitor-fields.c),
 * for what another kiosk's file says a visitor typed.  Each returns
 * %FALSE with @reason ("“field”: why") when @text breaks them; a text
 * kept is the cleaned one (NFC, trimmed, one phone form) in @clean, or
 * %NULL for none. */

static gboolean
refuse_field (const char  *key,
              const char  *why,
              char       **reason)
{
  /* Translators: %s is a field name such as "given_name" (it stays in
   * English), then what is wrong with it. */
  *reason = g_strdup_printf (_("“%s”: %s"), key, why);
  return FALSE;
}

typedef enum {
  FIELD_NAME,
  FIELD_PHONE,
} FieldRule;

/* A name or a phone number as lotsen-visitor-fields.c normalises it, in
 * @clean (%NULL for none); or the field refused with that file's reason. */
static gboolean
clean_field (const char  *key,
             const char  *text,
             FieldRule    rule,
             char       **clean,
             char       **reason)
{
  g_autoptr(GError) refusal = NULL;
  char *cleaned;

  *clean = NULL;
  if (text == NULL)
    return TRUE;

  if (rule == FIELD_PHONE)
    cleaned = lotsen_visitor_normalize_phone (text, -1, &refusal);
  else
    cleaned = lotsen_visitor_normalize_name (text, -1, FALSE, &refusal);

  if (cleaned == NULL)
    return refuse_field (key, refusal->message, reason);

  if (*cleaned == '\0')
    g_free (cleaned);
  else
    *clean = cleaned;
  return TRUE;
}

static gboolean
check_language (const char  *key,
                const char  *code,
                char       **reason)
{
  if (code == NULL || lotsen_i18n_lookup (code) != NULL)
    return TRUE;

  return refuse_field (key, _("That language is not one of the kiosk’s languages."), reason);
}

static gboolean
check_interpreter_language (const char  *code,
                            char       **reason)
{
  /* A kiosk language too: earlier kiosks offered those. */
  if (code == NULL || lotsen_interpreter_lookup (code) != NULL || lotsen_i18n_lookup (code) != NULL)
    return TRUE;

  return refuse_field ("interpreter_lang", _("No interpreter can be asked for in that language."), reason);
}

/* The ESF+ answers: one of the kiosk's keys, or none. */
static gboolean
check_esf_answers (const char  *employment,
                   const char  *education,
                   char       **reason)
{
  /* Translators: refusing an imported line; the field's name comes before it. */
  const char *message = N_("That is not one of the answers the kiosk offers.");

  if (employment != NULL && lotsen_employment_from_string (employment) == LOTSEN_EMPLOYMENT_UNASKED)
    return refuse_field ("employment", _(message), reason);
  if (education != NULL && lotsen_education_from_string (education) == LOTSEN_EDUCATION_UNASKED)
    return refuse_field ("education", _(message), reason);

  return TRUE;
}

/* The kiosk offers a list of municipalities; another kiosk's list may
 * differ, so a name not in this one's is checked as a name is. */
static Outcome
clean_municipality (Importer    *importer,
                    const char  *text,
                    char       **clean,
                    char       **reason,
                    GError     **error)
{
  gint64 known;

  *clean = NULL;
  if (text == NULL || *text == '\0')
    return OUTCOME_ADDED;

  known = find_id (importer, "SELECT 1 FROM municipality WHERE name = ?", text, error);
  if (known < 0)
    return OUTCOME_FAILED;
  if (known > 0)
    {
      *clean = g_strdup (text);
      return OUTCOME_ADDED;
    }

  return clean_field ("municipality", text, FIELD_NAME, clean, reason) ? OUTCOME_ADDED : OUTCOME_SKIPPED;
}

static gboolean
check_interests (const char  *text,
                 char       **reason)
{
  g_auto(GStrv) keys = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  keys = g_strsplit (text, ",", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_strv_contains (lotsen_visitor_get_interests (), keys[i]))
      return refuse_field ("interests", _("Please choose one of the answers."), reason);

  return TRUE;
}

/* A personal code as the kiosk makes them: letters and digits. */
static gboolean
check_code (const char  *code,
            char       **reason)
{
  gsize length = code != NULL ? strlen (code) : 0;

  if (code == NULL)
    return TRUE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (code[i]))
      return refuse_field ("code", _("That code is not known here. Please check it and try again."), reason);

  if (length == 0 || length > 16)
    return refuse_field ("code", _("That code is not known here. Please check it and try again."), reason);

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
 * file is read).  Returns %OUTCOME_WAIT for one that may come later in
 * the file.  One that is not here when the file is read may come with a
 * later import: the row (@kind, @row_uuid) is added without its visitor
 * and linked to them then (lotsen_import_resolve_pending()). */
static Outcome
resolve_visitor (Importer    *importer,
                 const char  *kind,
                 const char  *row_uuid,
                 const char  *uuid,
                 gint64      *visitor_id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) link = NULL;

  *visitor_id = 0;
  if (uuid == NULL)
    return OUTCOME_ADDED;

  *visitor_id = find_id (importer, "SELECT id FROM visitor WHERE uuid = ?", uuid, error);
  if (*visitor_id < 0)
    return OUTCOME_FAILED;
  if (*visitor_id > 0)
    return OUTCOME_ADDED;
  if (!importer->final)
    return OUTCOME_WAIT;

  link = lotsen_store_prepare (importer->store,
                               "INSERT OR REPLACE INTO import_link (kind, row_uuid, visitor_uuid) VALUES (?, ?, ?)",
                               error);
  if (link == NULL)
    return OUTCOME_FAILED;
  sqlite3_bind_text (link, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (link, 2, row_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (link, 3, uuid, -1, SQLITE_STATIC);
  if (!lotsen_store_step_done (importer->store, link, error))
    return OUTCOME_FAILED;

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

Outcome
lotsen_import_visitor (Importer    *importer,
                       JsonObject  *object,
                       char       **reason,
                       GError     **error)
{
  Field f[LOTSEN_VISITORS_N_COLUMNS] = { { 0 } };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *given_name = NULL;
  g_autofree char *family_name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *municipality = NULL;
  const char *code;
  gboolean anonymised;
  gint64 existing;
  Outcome outcome;

  if (!read_fields (importer->store, object, LOTSEN_EXPORT_VISITORS, f, reason))
    return OUTCOME_SKIPPED;

  /* What the kiosk would not have taken from a visitor, it does not take
   * from a file either. */
  if (!clean_field ("given_name", f[LOTSEN_VISITORS_GIVEN_NAME].text, FIELD_NAME, &given_name, reason) ||
      !clean_field ("family_name", f[LOTSEN_VISITORS_FAMILY_NAME].text, FIELD_NAME, &family_name, reason) ||
      !clean_field ("phone", f[LOTSEN_VISITORS_PHONE].text, FIELD_PHONE, &phone, reason) ||
      !check_language ("lang", f[LOTSEN_VISITORS_LANG].text, reason) ||
      !check_interpreter_language (f[LOTSEN_VISITORS_INTERPRETER_LANG].text, reason) ||
      !check_interests (f[LOTSEN_VISITORS_INTERESTS].text, reason) ||
      !check_code (f[LOTSEN_VISITORS_CODE].text, reason) ||
      !check_esf_answers (f[LOTSEN_VISITORS_EMPLOYMENT].text, f[LOTSEN_VISITORS_EDUCATION].text, reason))
    return OUTCOME_SKIPPED;

  outcome = clean_municipality (importer, f[LOTSEN_VISITORS_MUNICIPALITY].text, &municipality, reason, error);
  if (outcome != OUTCOME_ADDED)
    return outcome;

  existing = find_id (importer, "SELECT id FROM visitor WHERE uuid = ?", f[LOTSEN_VISITORS_UUID].text, error);
  if (existing < 0)
    return OUTCOME_FAILED;
  if (existing > 0)
    return OUTCOME_PRESENT;

  /* Anonymised over there: no code, no name, no phone. */
  code = f[LOTSEN_VISITORS_CODE].text;
  anonymised = code == NULL && given_name == NULL && family_name == NULL && phone == NULL;

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
                               "consent_version, consent_at, last_seen_at, anonymised_at, employment, education) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                               "?17, ?18) "
                               "ON CONFLICT (uuid) DO NOTHING",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  bind_text (stmt, 1, f[LOTSEN_VISITORS_UUID].text);
  bind_text (stmt, 2, code);
  bind_text (stmt, 3, f[LOTSEN_VISITORS_LANG].text);
  bind_text (stmt, 4, given_name);
  bind_text (stmt, 5, family_name);
  bind_text (stmt, 6, f[LOTSEN_VISITORS_GENDER].text);
  bind_text (stmt, 7, phone);
  bind_text (stmt, 8, municipality);
  bind_text (stmt, 9, f[LOTSEN_VISITORS_INTERESTS].text);
  bind_text (stmt, 10, f[LOTSEN_VISITORS_INTERPRETER_LANG].text);
  sqlite3_bind_int64 (stmt, 11, f[LOTSEN_VISITORS_CREATED_AT].integer);
  bind_field (stmt, 12, &f[LOTSEN_VISITORS_BIRTH_YEAR]);
  bind_field (stmt, 13, &f[LOTSEN_VISITORS_CONSENT_VERSION]);
  bind_field (stmt, 14, &f[LOTSEN_VISITORS_CONSENT_AT]);
  bind_field (stmt, 15, &f[LOTSEN_VISITORS_LAST_SEEN_AT]);
  bind_optional (stmt, 16, anonymised, lotsen_store_now (importer->store));
  bind_text (stmt, 17, f[LOTSEN_VISITORS_EMPLOYMENT].text);
  bind_text (stmt, 18, f[LOTSEN_VISITORS_EDUCATION].text);

  return step_row (importer, stmt, reason, error);
}

/* A ticket keeps its number and label unless this kiosk gave the number
 * to another ticket of the service that day: then it takes the service's
 * next number and the label that goes with it, so that two tickets of one
 * day never share a label, and the line's change is noted.  (The label is
 * the service's letter and the number, as the kiosk prints it, which
 * lotsen_import_ticket() checked.) */
static Outcome
free_ticket_number (Importer    *importer,
                    gint64       service_id,
                    const char  *prefix,
                    const char  *day,
                    const char  *label,
                    gint64      *number,
                    char       **new_label,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *new_label = NULL;

  stmt = lotsen_store_prepare (importer->store,
                               "SELECT EXISTS (SELECT 1 FROM ticket WHERE service_id = ?2 AND day = ?1 "
                               "  AND number = ?3), "
                               "(SELECT coalesce (max (number), 0) + 1 FROM ticket WHERE service_id = ?2 AND day = ?1)",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, service_id);
  sqlite3_bind_int64 (stmt, 3, *number);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      lotsen_store_set_error (importer->store, error);
      return OUTCOME_FAILED;
    }

  if (sqlite3_column_int (stmt, 0) == 0)
    return OUTCOME_ADDED;

  *number = sqlite3_column_int64 (stmt, 1);
  *new_label = g_strdup_printf ("%s%03" G_GINT64_FORMAT, prefix, *number);
  importer->change = g_strdup_printf (/* Translators: two ticket labels, such as "A005" and "A012". */
                                      _("Ticket %s is taken here that day, so it is %s here."),
                                      label, *new_label);
  return OUTCOME_ADDED;
}

/* A service this kiosk does not have, for the tickets of another that
 * had it: added switched off (the kiosk does not offer it), with the
 * exported name as its Swedish one, so that its tickets are counted in
 * the report rather than lost.  Returns its id, 0 with @reason when
 * @prefix cannot be a service's letter, -1 on a database error. */
static gint64
add_hidden_service (Importer    *importer,
                    const char  *prefix,
                    const char  *name,
                    char       **reason,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  if (strlen (prefix) != 1 || prefix[0] < 'A' || prefix[0] > 'Z')
    {
      /* Translators: %s is a service's letter, such as "D". */
      *reason = g_strdup_printf (_("This kiosk has no service with the letter %s."), prefix);
      return 0;
    }

  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO service (uuid, prefix, pictogram, sort_order, active) "
                               "VALUES (?1, ?2, 'lotsen-help-symbolic', (SELECT coalesce (max (sort_order), 0) + 1 "
                               "FROM service), 0)",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);
  if (!lotsen_store_step_done (importer->store, stmt, error))
    return -1;
  id = sqlite3_last_insert_rowid (lotsen_store_get_db (importer->store));

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO service_text (service_id, lang, name) VALUES (?, 'sv', ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name != NULL && *name != '\0' ? name : prefix, -1, SQLITE_STATIC);
  if (!lotsen_store_step_done (importer->store, stmt, error))
    return -1;

  return id;
}

Outcome
lotsen_import_ticket (Importer    *importer,
                      JsonObject  *object,
                      char       **reason,
                      GError     **error)
{
  Field f[LOTSEN_TICKETS_N_COLUMNS] = { { 0 } };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *new_label = NULL;
  const char *prefix, *label;
  gint64 existing, service_id, visitor_id, number;
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
    service_id = add_hidden_service (importer, prefix, f[LOTSEN_TICKETS_SERVICE_NAME].text, reason, error);
  if (service_id < 0)
    return OUTCOME_FAILED;
  if (service_id == 0)
    return OUTCOME_SKIPPED;

  outcome = resolve_visitor (importer, "ticket", f[LOTSEN_TICKETS_UUID].text, f[LOTSEN_TICKETS_VISITOR_UUID].text,
                             &visitor_id, error);
  if (outcome != OUTCOME_ADDED)
    return outcome;

  number = f[LOTSEN_TICKETS_NUMBER].integer;
  label = f[LOTSEN_TICKETS_LABEL].text;
  if (number < 1 || number > MAX_TICKET_NUMBER)
    {
      *reason = g_strdup_printf (_("“%s” should be a whole number."), "number");
      return OUTCOME_SKIPPED;
    }

  /* The label is what the kiosk prints for the service and number; any
   * other could be another ticket's. */
  {
    g_autofree char *printed = g_strdup_printf ("%s%03" G_GINT64_FORMAT, prefix, number);

    if (g_strcmp0 (label, printed) != 0)
      {
        /* Translators: %s is a ticket label such as "A005". */
        *reason = g_strdup_printf (_("The label %s does not go with the ticket’s service and number."), label);
        return OUTCOME_SKIPPED;
      }
  }

  outcome = free_ticket_number (importer, service_id, prefix, f[LOTSEN_TICKETS_DAY].text, label, &number,
                                &new_label, error);
  if (outcome != OUTCOME_ADDED)
    return outcome;
  if (new_label != NULL)
    label = new_label;

  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO ticket (uuid, service_id, visitor_id, day, number, label, lang, "
                               "interpreter_lang, status, created_at, called_at, finished_at, desk) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                               "ON CONFLICT (uuid) DO NOTHING",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  bind_text (stmt, 1, f[LOTSEN_TICKETS_UUID].text);
  sqlite3_bind_int64 (stmt, 2, service_id);
  bind_optional (stmt, 3, visitor_id > 0, visitor_id);
  bind_text (stmt, 4, f[LOTSEN_TICKETS_DAY].text);
  sqlite3_bind_int64 (stmt, 5, number);
  bind_text (stmt, 6, label);
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

/* The kiosk's seat rule (lotsen-signup.c) for a sign-up the import just
 * added or changed: one that takes seats the session no longer has goes
 * on the waiting list instead (in the order of sign-up, as every waiting
 * party), and the line's change is noted; the waiting list's places are
 * then counted afresh.  Walk-ins (attended)
 * were in the room and keep their seats. */
static Outcome
fit_signup (Importer    *importer,
            const char  *uuid,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  LotsenSeats seats;
  gint64 session_id;
  gboolean confirmed, waiting;
  int rc;

  stmt = lotsen_store_prepare (importer->store,
                               "SELECT session_id, status = 'confirmed', status = 'waitlisted' "
                               "FROM signup WHERE uuid = ?",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      lotsen_store_set_error (importer->store, error);
      return OUTCOME_FAILED;
    }
  session_id = sqlite3_column_int64 (stmt, 0);
  confirmed = sqlite3_column_int (stmt, 1) != 0;
  waiting = sqlite3_column_int (stmt, 2) != 0;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (confirmed)
    {
      if (!lotsen_session_read_seats (importer->store, session_id, &seats, error))
        return OUTCOME_FAILED;

      if (seats.taken > seats.capacity)
        {
          stmt = lotsen_store_prepare (importer->store,
                                       "UPDATE signup SET status = 'waitlisted' WHERE uuid = ?1",
                                       error);
          if (stmt == NULL)
            return OUTCOME_FAILED;

          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          if (!lotsen_store_step_done (importer->store, stmt, error))
            return OUTCOME_FAILED;

          g_free (importer->change);
          importer->change = g_strdup (_("The session has no seats left here, so the sign-up is on its waiting list."));
          waiting = TRUE;
        }
    }

  if (waiting && !lotsen_session_renumber_waiting (importer->store, session_id, error))
    return OUTCOME_FAILED;

  return OUTCOME_ADDED;
}

Outcome
lotsen_import_signup (Importer    *importer,
                      JsonObject  *object,
                      char       **reason,
                      GError     **error)
{
  Field f[LOTSEN_SIGNUPS_N_COLUMNS] = { { 0 } };
  const char *uuid, *title, *status, *name, *phone, *session_uuid;
  g_autofree char *clean_name_text = NULL;
  g_autofree char *clean_phone_text = NULL;
  gint64 party_size, created_at, changed_at;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 session_id, visitor_id;
  Outcome outcome;

  if (!read_fields (importer->store, object, LOTSEN_EXPORT_SIGNUPS, f, reason))
    return OUTCOME_SKIPPED;

  if (!clean_field ("name", f[LOTSEN_SIGNUPS_NAME].text, FIELD_NAME, &clean_name_text, reason) ||
      !clean_field ("phone", f[LOTSEN_SIGNUPS_PHONE].text, FIELD_PHONE, &clean_phone_text, reason))
    return OUTCOME_SKIPPED;

  uuid = f[LOTSEN_SIGNUPS_UUID].text;
  session_uuid = f[LOTSEN_SIGNUPS_SESSION_UUID].text;
  title = f[LOTSEN_SIGNUPS_ACTIVITY_TITLE].text;
  status = f[LOTSEN_SIGNUPS_STATUS].text;
  name = clean_name_text;
  phone = clean_phone_text;
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
        if (outcome == OUTCOME_ADDED)
          outcome = fit_signup (importer, uuid, error);
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
      /* Its session may come with a later import. */
      return importer->final ? OUTCOME_KEEP : OUTCOME_WAIT;
    }

  outcome = resolve_visitor (importer, "signup", uuid, f[LOTSEN_SIGNUPS_VISITOR_UUID].text, &visitor_id, error);
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

  outcome = step_row (importer, stmt, reason, error);
  if (outcome == OUTCOME_ADDED)
    outcome = fit_signup (importer, uuid, error);
  return outcome;
}

/* @texts (the column "texts": {"sv": {"title": …, "description": …}, …})
 * as the activity's texts. */
static Outcome
insert_texts (Importer    *importer,
              gint64       activity_id,
              const char  *texts,
              char       **reason,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *languages;
  JsonNode *root;
  g_autoptr(GList) members = NULL;

  if (!json_parser_load_from_data (parser, texts, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse_field ("texts", _("The texts should be a JSON object of languages, each with a title."), reason);
      return OUTCOME_SKIPPED;
    }

  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO activity_text (activity_id, lang, title, description) VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return OUTCOME_FAILED;

  languages = json_node_get_object (root);
  members = json_object_get_members (languages);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      JsonNode *node = json_object_get_member (languages, lang);
      JsonObject *text;
      const char *title = NULL, *description = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) || !check_language ("texts", lang, reason))
        {
          if (*reason == NULL)
            refuse_field ("texts", _("The texts should be a JSON object of languages, each with a title."), reason);
          return OUTCOME_SKIPPED;
        }
      text = json_node_get_object (node);
      if (!lotsen_import_get_text (text, "title", TRUE, &title, reason) ||
          !lotsen_import_get_text (text, "description", FALSE, &description, reason))
        return OUTCOME_SKIPPED;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, activity_id);
      sqlite3_bind_text (stmt, 2, lang, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
      bind_text (stmt, 4, description);
      if (step_row (importer, stmt, reason, error) != OUTCOME_ADDED)
        return *reason != NULL ? OUTCOME_SKIPPED : OUTCOME_FAILED;
    }

  return OUTCOME_ADDED;
}

/* The activity of a session line, added when new here: its id, 0 with
 * @reason when the line is refused, -1 on a database error. */
static gint64
ensure_activity (Importer    *importer,
                 const char  *uuid,
                 const char  *category,
                 const char  *location,
                 const char  *title,
                 const char  *texts,
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

  /* Every language's texts; an older export's line has only the title. */
  if (texts != NULL)
    {
      switch (insert_texts (importer, id, texts, reason, error))
        {
        case OUTCOME_SKIPPED:
          return 0;
        case OUTCOME_FAILED:
          return -1;
        default:
          return id;
        }
    }

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

Outcome
lotsen_import_session (Importer    *importer,
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

  /* An activity without sessions: the activity alone. */
  if (session_uuid == NULL)
    {
      existing = find_id (importer, "SELECT id FROM activity WHERE uuid = ?",
                          f[LOTSEN_ACTIVITIES_ACTIVITY_UUID].text, error);
      if (existing != 0)
        return existing < 0 ? OUTCOME_FAILED : OUTCOME_PRESENT;

      activity_id = ensure_activity (importer, f[LOTSEN_ACTIVITIES_ACTIVITY_UUID].text,
                                     f[LOTSEN_ACTIVITIES_CATEGORY].text, f[LOTSEN_ACTIVITIES_LOCATION].text,
                                     f[LOTSEN_ACTIVITIES_TITLE].text, f[LOTSEN_ACTIVITIES_TEXTS].text, has_capacity,
                                     f[LOTSEN_ACTIVITIES_CAPACITY].integer, 60, reason, error);
      if (activity_id < 0)
        return OUTCOME_FAILED;
      return activity_id == 0 ? OUTCOME_SKIPPED : OUTCOME_ADDED;
    }

  if (!f[LOTSEN_ACTIVITIES_STARTS_AT].present || !f[LOTSEN_ACTIVITIES_ENDS_AT].present)
    {
      *reason = g_strdup_printf (_("“%s” is missing."), f[LOTSEN_ACTIVITIES_STARTS_AT].present ? "ends_at" : "starts_at");
      return OUTCOME_SKIPPED;
    }

  existing = find_id (importer, "SELECT id FROM session WHERE uuid = ?", session_uuid, error);
  if (existing < 0)
    return OUTCOME_FAILED;
  if (existing > 0)
    return OUTCOME_PRESENT;

  activity_id = ensure_activity (importer, f[LOTSEN_ACTIVITIES_ACTIVITY_UUID].text,
                                 f[LOTSEN_ACTIVITIES_CATEGORY].text, f[LOTSEN_ACTIVITIES_LOCATION].text,
                                 f[LOTSEN_ACTIVITIES_TITLE].text, f[LOTSEN_ACTIVITIES_TEXTS].text, has_capacity,
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
