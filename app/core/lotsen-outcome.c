/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Outcomes: what became of a participant — work, studies, an internship —
 * as staff record it or the visitor tells the kiosk, and the figures the
 * funder asks for: how many were in work or studies within 90 days of
 * their first visit.
 *
 * A participant's first visit is the earliest of their registration,
 * their first ticket and their first attended sign-up. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lotsen-atomic-file.h"
#include "lotsen-csv.h"
#include "lotsen-outcome.h"
#include "lotsen-stats-private.h"

#define SECONDS_PER_DAY (24 * 3600)

/* The first visit of the visitor row `v`. */
#define FIRST_VISIT \
  "MIN (v.created_at," \
  "     COALESCE ((SELECT MIN (t.created_at) FROM ticket t WHERE t.visitor_id = v.id), v.created_at)," \
  "     COALESCE ((SELECT MIN (se.starts_at) FROM signup g JOIN session se ON se.id = g.session_id" \
  "                WHERE g.visitor_id = v.id AND g.status = 'attended'), v.created_at))"

static const struct {
  const char         *key;
  const char         *name;
  LotsenOutcomeGroup  group;
} kinds[] = {
  /* Translators: an outcome: the participant has a job. */
  { "employed",     NC_("outcome", "Employed"),                              LOTSEN_OUTCOME_GROUP_WORK },
  /* Translators: an outcome: the participant started a company of their own. */
  { "own-business", NC_("outcome", "Own business"),                          LOTSEN_OUTCOME_GROUP_WORK },
  /* Translators: an outcome the visitor reported at the kiosk: they work. */
  { "work",         NC_("outcome", "Work"),                                  LOTSEN_OUTCOME_GROUP_WORK },
  /* Translators: an outcome: Swedish for immigrants, the language school. */
  { "sfi",          NC_("outcome", "Swedish for immigrants (SFI)"),          LOTSEN_OUTCOME_GROUP_STUDIES },
  /* Translators: an outcome: municipal adult education. */
  { "komvux",       NC_("outcome", "Adult education (Komvux)"),              LOTSEN_OUTCOME_GROUP_STUDIES },
  /* Translators: an outcome: a folk high school (folkhögskola). */
  { "folkhogskola", NC_("outcome", "Folk high school"),                      LOTSEN_OUTCOME_GROUP_STUDIES },
  /* Translators: an outcome: studies at a university or university college. */
  { "university",   NC_("outcome", "University or college"),                 LOTSEN_OUTCOME_GROUP_STUDIES },
  /* Translators: an outcome: vocational training (yrkesutbildning). */
  { "vocational",   NC_("outcome", "Vocational training"),                   LOTSEN_OUTCOME_GROUP_STUDIES },
  /* Translators: an outcome the visitor reported at the kiosk: they study. */
  { "studies",      NC_("outcome", "Studies"),                               LOTSEN_OUTCOME_GROUP_STUDIES },
  /* Translators: an outcome: an internship or a programme of the Public Employment Service. */
  { "internship",   NC_("outcome", "Internship or labour-market programme"), LOTSEN_OUTCOME_GROUP_INTERNSHIP },
  /* Translators: an outcome that is none of the others. */
  { "other",        NC_("outcome", "Other"),                                 LOTSEN_OUTCOME_GROUP_OTHER },
};

static int
kind_index (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].key, kind) == 0)
      return i;

  return -1;
}

/**
 * lotsen_outcome_get_kinds:
 * @n_kinds: (out) (optional): how many there are
 *
 * Returns: (transfer none): the outcome kinds' keys, in the order staff
 *   pick them from, %NULL-terminated
 */
const char * const *
lotsen_outcome_get_kinds (guint *n_kinds)
{
  static const char *keys[G_N_ELEMENTS (kinds) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      keys[i] = kinds[i].key;

  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (kinds);

  return keys;
}

gboolean
lotsen_outcome_kind_is_valid (const char *kind)
{
  return kind_index (kind) >= 0;
}

/**
 * lotsen_outcome_kind_get_name:
 *
 * Returns: the kind's name in the current language, or @kind itself when
 *   it is not a kind
 */
const char *
lotsen_outcome_kind_get_name (const char *kind)
{
  int i = kind_index (kind);

  return i >= 0 ? g_dpgettext2 (NULL, "outcome", kinds[i].name) : kind;
}

LotsenOutcomeGroup
lotsen_outcome_kind_get_group (const char *kind)
{
  int i = kind_index (kind);

  return i >= 0 ? kinds[i].group : LOTSEN_OUTCOME_GROUP_OTHER;
}

static gboolean
is_day (const char *day)
{
  int year, month, mday;
  char end;

  if (day == NULL || strlen (day) != 10 ||
      sscanf (day, "%4d-%2d-%2d%c", &year, &month, &mday, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (mday, month, year);
}

/**
 * lotsen_outcome_set:
 * @visitor_id: the participant
 * @kind: a key of lotsen_outcome_get_kinds()
 * @begins_on: (nullable): the day it began, `YYYY-MM-DD`; %NULL: today
 * @note: (nullable): a note from staff
 *
 * Records an outcome of @visitor_id, or corrects the one of the same kind
 * they have; written to the audit table in the same transaction.
 *
 * Returns: %TRUE when stored; %FALSE with %LOTSEN_STORE_ERROR_INVALID for
 *   an unknown kind, a day that is not one or lies in the future, or a
 *   visitor that does not exist
 */
gboolean
lotsen_outcome_set (LotsenStore            *store,
                    gint64                  visitor_id,
                    const char             *kind,
                    const char             *begins_on,
                    LotsenOutcomeReporter   reported_by,
                    const char             *note,
                    GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  gint64 now;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = lotsen_store_now (store);
  today = lotsen_store_format_local_day (store, now);

  if (!lotsen_outcome_kind_is_valid (kind))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed as the outcome's kind. */
                   _("“%s” is not a kind of outcome."), kind ? kind : "");
      return FALSE;
    }

  if (begins_on == NULL)
    begins_on = today;
  if (!is_day (begins_on) || strcmp (begins_on, today) > 0)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is the date that was typed. */
                   _("“%s” is not a date up to today (YYYY-MM-DD)."), begins_on);
      return FALSE;
    }

  if (note != NULL && *note == '\0')
    note = NULL;

  if (!lotsen_store_begin (store, error))
    return FALSE;

  stmt = lotsen_store_prepare (store,
                               "SELECT 1 FROM visitor WHERE id = ?1 AND anonymised_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("There is no such visitor."));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  uuid = lotsen_store_new_uuid ();
  stmt = lotsen_store_prepare (store,
                               "INSERT INTO outcome (uuid, visitor_id, kind, begins_on, reported_by, note,"
                               "                     created_at, changed_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
                               " ON CONFLICT (visitor_id, kind) DO UPDATE SET"
                               "   begins_on = excluded.begins_on, reported_by = excluded.reported_by,"
                               "   note = excluded.note, changed_at = excluded.changed_at",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, visitor_id);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, begins_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, reported_by == LOTSEN_OUTCOME_BY_VISITOR ? "visitor" : "staff", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!lotsen_store_step_done (store, stmt, error))
    goto fail;

  detail = g_strdup_printf ("visitor %" G_GINT64_FORMAT " %s from %s by %s", visitor_id, kind, begins_on,
                            reported_by == LOTSEN_OUTCOME_BY_VISITOR ? "visitor" : "staff");
  if (!lotsen_store_audit (store, "outcome set", detail, error) ||
      !lotsen_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_outcome_remove:
 *
 * Removes @visitor_id's outcome of @kind (recorded by mistake); audited.
 *
 * Returns: %TRUE when it was there and is gone; %FALSE with
 *   %LOTSEN_STORE_ERROR_INVALID when there was none
 */
gboolean
lotsen_outcome_remove (LotsenStore  *store,
                       gint64        visitor_id,
                       const char   *kind,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  stmt = lotsen_store_prepare (store, "DELETE FROM outcome WHERE visitor_id = ?1 AND kind = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (!lotsen_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (lotsen_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("This visitor has no such outcome."));
      goto fail;
    }

  detail = g_strdup_printf ("visitor %" G_GINT64_FORMAT " %s", visitor_id, kind);
  if (!lotsen_store_audit (store, "outcome removed", detail, error) ||
      !lotsen_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

void
lotsen_outcome_free (LotsenOutcome *outcome)
{
  if (outcome == NULL)
    return;

  g_free (outcome->code);
  g_free (outcome->kind);
  g_free (outcome->begins_on);
  g_free (outcome->note);
  g_free (outcome);
}

/**
 * lotsen_outcome_list:
 * @visitor_id: a visitor, or 0 for every visitor's
 *
 * Returns: (transfer full) (element-type LotsenOutcome): the outcomes,
 *   newest first, or %NULL on error
 */
GPtrArray *
lotsen_outcome_list (LotsenStore  *store,
                     gint64        visitor_id,
                     GError      **error)
{
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_outcome_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store,
                               "SELECT o.id, o.visitor_id, o.kind, o.begins_on, o.reported_by = 'visitor',"
                               "       o.note, o.changed_at, v.code"
                               " FROM outcome o JOIN visitor v ON v.id = o.visitor_id"
                               " WHERE ?1 = 0 OR o.visitor_id = ?1"
                               " ORDER BY o.begins_on DESC, o.id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visitor_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsenOutcome *outcome = g_new0 (LotsenOutcome, 1);

      outcome->id = sqlite3_column_int64 (stmt, 0);
      outcome->visitor_id = sqlite3_column_int64 (stmt, 1);
      outcome->kind = lotsen_store_column_text (stmt, 2);
      outcome->begins_on = lotsen_store_column_text (stmt, 3);
      outcome->reported_by = sqlite3_column_int (stmt, 4) ? LOTSEN_OUTCOME_BY_VISITOR : LOTSEN_OUTCOME_BY_STAFF;
      outcome->note = lotsen_store_column_text (stmt, 5);
      outcome->changed_at = sqlite3_column_int64 (stmt, 6);
      outcome->code = lotsen_store_column_text (stmt, 7);
      g_ptr_array_add (outcomes, outcome);
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&outcomes);
}

/**
 * lotsen_outcome_get_follow_up_days:
 *
 * Returns: the setting "follow_up_days": after how many days from the
 *   first visit a participant without an outcome is followed up, and the
 *   window of the report's outcome share (default 90)
 */
guint
lotsen_outcome_get_follow_up_days (LotsenStore *store)
{
  g_autofree char *value = lotsen_store_get_setting (store, "follow_up_days");
  guint64 days;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MIN,
                                                     LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MAX, &days, NULL))
    return LOTSEN_OUTCOME_FOLLOW_UP_DAYS_DEFAULT;

  return days;
}

/**
 * lotsen_outcome_set_follow_up_days:
 * @days: the number of days, as typed (1 to 3650)
 *
 * Sets "follow_up_days"; audited.
 *
 * Returns: %TRUE when stored; %FALSE with %LOTSEN_STORE_ERROR_INVALID for
 *   anything but a number of days in range
 */
gboolean
lotsen_outcome_set_follow_up_days (LotsenStore  *store,
                                   const char   *days,
                                   GError      **error)
{
  g_autofree char *normal = NULL;
  guint64 value;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (days == NULL || !g_ascii_string_to_unsigned (days, 10, LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MIN,
                                                    LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MAX, &value, NULL))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: keep follow_up_days as it is; %d and %d are 1 and 3650. */
                   _("follow_up_days needs a number of days from %d to %d."),
                   LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MIN, LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MAX);
      return FALSE;
    }

  normal = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  return lotsen_store_change_setting (store, "follow_up_days", normal, error);
}

void
lotsen_follow_up_free (LotsenFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;

  g_free (follow_up->code);
  g_free (follow_up->name);
  g_free (follow_up->phone);
  g_free (follow_up);
}

/* The participants a query gives (visitor id, code, name, phone, first
 * visit), or %NULL on error. */
static GPtrArray *
read_participants (LotsenStore   *store,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_follow_up_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsenFollowUp *row = g_new0 (LotsenFollowUp, 1);

      row->visitor_id = sqlite3_column_int64 (stmt, 0);
      row->code = lotsen_store_column_text (stmt, 1);
      row->name = lotsen_store_column_text (stmt, 2);
      row->phone = lotsen_store_column_text (stmt, 3);
      row->first_visit = sqlite3_column_int64 (stmt, 4);
      if (row->name != NULL && *row->name == '\0')
        g_clear_pointer (&row->name, g_free);
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* The participant columns read_participants() takes, of the visitor rows
 * of a subquery with their first_visit. */
#define PARTICIPANT_COLUMNS \
  "SELECT id, code, trim (coalesce (given_name, '') || ' ' || coalesce (family_name, '')), phone, first_visit"

/**
 * lotsen_outcome_list_follow_up:
 *
 * The call list: participants (registered, not anonymised) whose first
 * visit was at least lotsen_outcome_get_follow_up_days() ago and who have
 * no outcome, the longest waiting first.
 *
 * Returns: (transfer full) (element-type LotsenFollowUp): the list, or
 *   %NULL on error
 */
GPtrArray *
lotsen_outcome_list_follow_up (LotsenStore  *store,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store,
                               PARTICIPANT_COLUMNS
                               " FROM (SELECT v.*, " FIRST_VISIT " AS first_visit FROM visitor v"
                               "       WHERE v.anonymised_at IS NULL"
                               "         AND NOT EXISTS (SELECT 1 FROM outcome o WHERE o.visitor_id = v.id))"
                               " WHERE first_visit <= ?1"
                               " ORDER BY first_visit, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lotsen_store_now (store) -
                      (gint64) lotsen_outcome_get_follow_up_days (store) * SECONDS_PER_DAY);

  return read_participants (store, stmt, error);
}

static gboolean
write_follow_up (GOutputStream  *out,
                 const char     *temp_path,
                 const char     *target,
                 GString        *detail,
                 gpointer        user_data,
                 GError        **error)
{
  LotsenStore *store = user_data;
  static const char * const header[] = { "code", "name", "phone", "first_visit" };
  g_autoptr(GPtrArray) due = lotsen_outcome_list_follow_up (store, error);
  g_autoptr(GString) buffer = g_string_new (LOTSEN_CSV_BOM);

  if (due == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    lotsen_export_append_csv_cell (buffer, ';', i, header[i], FALSE);
  g_string_append (buffer, "\r\n");

  for (guint i = 0; i < due->len; i++)
    {
      LotsenFollowUp *row = due->pdata[i];
      g_autofree char *day = lotsen_store_format_local_day (store, row->first_visit);

      /* Typed by visitors: neutralised, so no cell runs as a formula. */
      lotsen_export_append_csv_cell (buffer, ';', 0, row->code ? row->code : "", TRUE);
      lotsen_export_append_csv_cell (buffer, ';', 1, row->name ? row->name : "", TRUE);
      lotsen_export_append_csv_cell (buffer, ';', 2, row->phone ? row->phone : "", TRUE);
      lotsen_export_append_csv_cell (buffer, ';', 3, day, FALSE);
      g_string_append (buffer, "\r\n");
    }

  g_string_append_printf (detail, "follow-up list, %u rows, to %s", due->len, target);
  return lotsen_export_write_buffer (out, buffer, error);
}

/**
 * lotsen_outcome_export_follow_up:
 * @path: the CSV file to write; an existing file is replaced
 *
 * The follow-up list (lotsen_outcome_list_follow_up()) as a CSV file for
 * a spreadsheet, as the exports write them (UTF-8 with a BOM, `;`, a
 * cell a visitor typed never a formula), written whole or not at all and
 * recorded in the audit table.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
lotsen_outcome_export_follow_up (LotsenStore  *store,
                                 const char   *path,
                                 GError      **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return lotsen_export_replace_file (store, path, write_follow_up, store, error);
}

/**
 * lotsen_outcome_find_participants:
 * @text: what staff typed: a personal code, part of a name, or at least
 *   four digits of a phone number
 *
 * Finds registered (not anonymised) participants to record an outcome
 * for, at most 20, by name.
 *
 * Returns: (transfer full) (element-type LotsenFollowUp): the matches
 *   (empty for an empty @text), or %NULL on error
 */
GPtrArray *
lotsen_outcome_find_participants (LotsenStore  *store,
                                  const char   *text,
                                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *code = g_utf8_strup (trimmed, -1);

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  if (*trimmed == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_follow_up_free);

  for (const char *c = trimmed; *c != '\0'; c++)
    if (g_ascii_isdigit (*c))
      g_string_append_c (digits, *c);

  stmt = lotsen_store_prepare (store,
                               PARTICIPANT_COLUMNS
                               " FROM (SELECT v.*, " FIRST_VISIT " AS first_visit FROM visitor v"
                               "       WHERE v.anonymised_at IS NULL)"
                               " WHERE code = ?1"
                               "    OR instr (lower (coalesce (given_name, '') || ' ' || coalesce (family_name, '')), lower (?2)) > 0"
                               "    OR (length (?3) >= 4 AND instr (replace (replace (replace (coalesce (phone, ''), ' ', ''), '-', ''), '+', ''), ?3) > 0)"
                               " ORDER BY given_name, family_name, id LIMIT 20",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, digits->str, -1, SQLITE_STATIC);

  return read_participants (store, stmt, error);
}

/**
 * lotsen_outcome_should_ask:
 *
 * Whether the kiosk asks @visitor_id, just signed in, "Do you work or
 * study now?": at least the follow-up days after their first visit, with
 * no outcome, and not asked in the last %LOTSEN_OUTCOME_ASK_AGAIN_DAYS.
 */
gboolean
lotsen_outcome_should_ask (LotsenStore *store,
                           gint64       visitor_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  now = lotsen_store_now (store);
  stmt = lotsen_store_prepare (store,
                               "SELECT 1 FROM visitor v"
                               " WHERE v.id = ?1 AND v.anonymised_at IS NULL"
                               "   AND NOT EXISTS (SELECT 1 FROM outcome o WHERE o.visitor_id = v.id)"
                               "   AND (v.outcome_asked_at IS NULL OR v.outcome_asked_at <= ?3)"
                               "   AND " FIRST_VISIT " <= ?2",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  sqlite3_bind_int64 (stmt, 2, now - (gint64) lotsen_outcome_get_follow_up_days (store) * SECONDS_PER_DAY);
  sqlite3_bind_int64 (stmt, 3, now - (gint64) LOTSEN_OUTCOME_ASK_AGAIN_DAYS * SECONDS_PER_DAY);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * lotsen_outcome_record_asked:
 *
 * The kiosk asked @visitor_id (whatever they answered): not again for
 * %LOTSEN_OUTCOME_ASK_AGAIN_DAYS.
 */
gboolean
lotsen_outcome_record_asked (LotsenStore  *store,
                             gint64        visitor_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  stmt = lotsen_store_prepare (store, "UPDATE visitor SET outcome_asked_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  sqlite3_bind_int64 (stmt, 2, lotsen_store_now (store));

  return lotsen_store_step_done (store, stmt, error);
}

/* The kinds of @group as an SQL list: 'employed','own-business',… */
static char *
kinds_in_groups (gboolean work_or_studies)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!work_or_studies ||
        kinds[i].group == LOTSEN_OUTCOME_GROUP_WORK || kinds[i].group == LOTSEN_OUTCOME_GROUP_STUDIES)
      g_string_append_printf (list, "%s'%s'", list->len ? "," : "", kinds[i].key);

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * lotsen_outcome_count:
 * @from: the period, [from, to), unix seconds
 * @age_year: the year ages are counted at (the report's)
 * @days: the window after the first visit, %LOTSEN_OUTCOME_WINDOW_DAYS
 *   for the funder's figure
 * @figures: (out caller-allocates): filled in; clear with
 *   lotsen_outcome_figures_clear()
 *
 * The report's outcome figures: of the participants whose first visit was
 * in the period — and long enough ago, @days, to have had the whole
 * window — how many had work or studies that began from their first
 * visit's day to the day the window ended; and every outcome that began
 * in the period, by kind.
 */
gboolean
lotsen_outcome_count (LotsenStore           *store,
                      gint64                 from,
                      gint64                 to,
                      int                    age_year,
                      guint                  days,
                      LotsenOutcomeFigures  *figures,
                      GError               **error)
{
  g_autoptr(sqlite3_stmt) cohort = NULL;
  g_autoptr(sqlite3_stmt) within = NULL;
  g_autoptr(sqlite3_stmt) by_kind = NULL;
  g_autofree char *work_or_studies = kinds_in_groups (TRUE);
  g_autofree char *within_sql = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  gint64 window;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  figures->days = days;
  figures->n_kinds = G_N_ELEMENTS (kinds);
  figures->by_kind = g_new0 (guint, figures->n_kinds);
  window = (gint64) figures->days * SECONDS_PER_DAY;

  cohort = lotsen_store_prepare (store,
                                 "SELECT id, " LOTSEN_REPORT_GENDER_SQL ("gender") ","
                                 "       " LOTSEN_REPORT_AGE_BAND_SQL ("birth_year", "?4") ", first_visit"
                                 " FROM (SELECT v.id, v.gender, v.birth_year, " FIRST_VISIT " AS first_visit"
                                 "       FROM visitor v)"
                                 " WHERE first_visit >= ?1 AND first_visit < ?2 AND first_visit <= ?3",
                                 error);
  within_sql = g_strdup_printf ("SELECT 1 FROM outcome WHERE visitor_id = ?1 AND kind IN (%s)"
                                " AND begins_on BETWEEN ?2 AND ?3 LIMIT 1", work_or_studies);
  within = cohort ? lotsen_store_prepare (store, within_sql, error) : NULL;
  if (within == NULL)
    goto fail;

  sqlite3_bind_int64 (cohort, 1, from);
  sqlite3_bind_int64 (cohort, 2, to);
  sqlite3_bind_int64 (cohort, 3, lotsen_store_now (store) - window);
  sqlite3_bind_int (cohort, 4, age_year);
  while ((rc = sqlite3_step (cohort)) == SQLITE_ROW)
    {
      int gender = sqlite3_column_int (cohort, 1);
      int age = sqlite3_column_int (cohort, 2);
      gint64 first_visit = sqlite3_column_int64 (cohort, 3);
      g_autofree char *start = lotsen_store_format_local_day (store, first_visit);
      g_autofree char *end = lotsen_store_format_local_day (store, first_visit + window);

      figures->cohort[gender][age]++;
      figures->cohort_total++;

      sqlite3_reset (within);
      sqlite3_bind_int64 (within, 1, sqlite3_column_int64 (cohort, 0));
      sqlite3_bind_text (within, 2, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (within, 3, end, -1, SQLITE_TRANSIENT);
      if ((rc = sqlite3_step (within)) == SQLITE_ROW)
        {
          figures->within[gender][age]++;
          figures->within_total++;
        }
      else if (rc != SQLITE_DONE)
        break;
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      goto fail;
    }

  first_day = lotsen_store_format_local_day (store, from);
  last_day = lotsen_store_format_local_day (store, to - 1);
  by_kind = lotsen_store_prepare (store,
                                  "SELECT kind, count (*) FROM outcome WHERE begins_on BETWEEN ?1 AND ?2"
                                  " GROUP BY kind",
                                  error);
  if (by_kind == NULL)
    goto fail;
  sqlite3_bind_text (by_kind, 1, first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (by_kind, 2, last_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (by_kind)) == SQLITE_ROW)
    {
      int i = kind_index ((const char *) sqlite3_column_text (by_kind, 0));

      if (i >= 0)
        figures->by_kind[i] = sqlite3_column_int (by_kind, 1);
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      goto fail;
    }

  return TRUE;

fail:
  lotsen_outcome_figures_clear (figures);
  return FALSE;
}

void
lotsen_outcome_figures_clear (LotsenOutcomeFigures *figures)
{
  g_clear_pointer (&figures->by_kind, g_free);
  figures->n_kinds = 0;
}
