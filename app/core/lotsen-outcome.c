/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-outcome.c — what participants went on to: work, studies, an
 * internship.  Staff record and correct outcomes (the staff panel,
 * lotsen-admin); a visitor answers one question at the kiosk.  Every
 * change is written to the audit table in the same transaction.
 *
 * A participant's first visit is the earliest of their registration,
 * their first ticket and their first attended session.  The follow-up
 * list holds those whose first visit was at least "follow_up_days"
 * (a setting, 90 by default) ago and who have no outcome; the kiosk asks
 * the same people, once, and not again for 30 days
 * (visitor.outcome_asked_at).
 */

#define G_LOG_DOMAIN "lotsen-outcome"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lotsen-atomic-file.h"
#include "lotsen-csv.h"
#include "lotsen-outcome.h"
#include "lotsen-store-private.h"

static const char * const kind_keys[LOTSEN_OUTCOME_N_KINDS] = {
  "work",
  "work-employed",
  "work-own-business",
  "studies",
  "studies-sfi",
  "studies-komvux",
  "studies-folkhogskola",
  "studies-university",
  "studies-vocational",
  "internship",
  "other",
};

/* The earliest visit of the visitor v. */
#define FIRST_VISIT_SQL \
  "min (v.created_at," \
  "     coalesce ((SELECT min (t.created_at) FROM ticket t WHERE t.visitor_id = v.id), v.created_at)," \
  "     coalesce ((SELECT min (s.starts_at) FROM signup g JOIN session s ON s.id = g.session_id" \
  "                WHERE g.visitor_id = v.id AND g.status = 'attended'), v.created_at))"

const char *
lotsen_outcome_kind_to_string (LotsenOutcomeKind kind)
{
  g_return_val_if_fail (kind < LOTSEN_OUTCOME_N_KINDS, NULL);

  return kind_keys[kind];
}

gboolean
lotsen_outcome_kind_from_string (const char        *text,
                                 LotsenOutcomeKind *kind)
{
  for (guint i = 0; text != NULL && i < LOTSEN_OUTCOME_N_KINDS; i++)
    if (g_str_equal (text, kind_keys[i]))
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * lotsen_outcome_kind_label:
 *
 * Returns: the kind in words, in the current gettext language
 */
const char *
lotsen_outcome_kind_label (LotsenOutcomeKind kind)
{
  switch (kind)
    {
    case LOTSEN_OUTCOME_WORK:
      /* Translators: an outcome: work, of a kind not said (the visitor's own answer). */
      return C_("outcome", "Work");
    case LOTSEN_OUTCOME_WORK_EMPLOYED:
      /* Translators: an outcome: the participant got a job. */
      return C_("outcome", "Work: employed");
    case LOTSEN_OUTCOME_WORK_OWN_BUSINESS:
      /* Translators: an outcome: the participant started a business of their own. */
      return C_("outcome", "Work: own business");
    case LOTSEN_OUTCOME_STUDIES:
      /* Translators: an outcome: studies, of a kind not said (the visitor's own answer). */
      return C_("outcome", "Studies");
    case LOTSEN_OUTCOME_STUDIES_SFI:
      /* Translators: an outcome: Swedish for immigrants, the language course. */
      return C_("outcome", "Studies: SFI");
    case LOTSEN_OUTCOME_STUDIES_KOMVUX:
      /* Translators: an outcome: municipal adult education (komvux). */
      return C_("outcome", "Studies: komvux");
    case LOTSEN_OUTCOME_STUDIES_FOLKHOGSKOLA:
      /* Translators: an outcome: a folk high school (folkhögskola). */
      return C_("outcome", "Studies: folk high school");
    case LOTSEN_OUTCOME_STUDIES_UNIVERSITY:
      /* Translators: an outcome: university or university college. */
      return C_("outcome", "Studies: university");
    case LOTSEN_OUTCOME_STUDIES_VOCATIONAL:
      /* Translators: an outcome: vocational training (yrkesutbildning). */
      return C_("outcome", "Studies: vocational");
    case LOTSEN_OUTCOME_INTERNSHIP:
      /* Translators: an outcome: an internship or a labour-market programme. */
      return C_("outcome", "Internship or labour-market programme");
    case LOTSEN_OUTCOME_OTHER:
    case LOTSEN_OUTCOME_N_KINDS:
    default:
      /* Translators: an outcome of another kind. */
      return C_("outcome", "Other");
    }
}

gboolean
lotsen_outcome_kind_is_work_or_studies (LotsenOutcomeKind kind)
{
  return kind <= LOTSEN_OUTCOME_STUDIES_VOCATIONAL;
}

void
lotsen_outcome_free (LotsenOutcome *outcome)
{
  if (outcome == NULL)
    return;

  g_free (outcome->code);
  g_free (outcome->begin_date);
  g_free (outcome->note);
  g_free (outcome);
}

void
lotsen_follow_up_free (LotsenFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;

  g_free (follow_up->code);
  g_free (follow_up->given_name);
  g_free (follow_up->family_name);
  g_free (follow_up->phone);
  g_free (follow_up);
}

/* YYYY-MM-DD, a real day, not after today. */
static gboolean
check_date (LotsenStore  *store,
            const char   *date,
            GError      **error)
{
  g_autofree char *today = lotsen_store_format_local_day (store, lotsen_store_now (store));
  int y, m, d;
  char end;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is the date as typed. */
                   _("“%s” is not a date. Write it as YYYY-MM-DD."), date ? date : "");
      return FALSE;
    }

  if (strcmp (date, today) > 0)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   _("The date an outcome began cannot be in the future."));
      return FALSE;
    }

  return TRUE;
}

static char *
clean_note (const char  *note,
            GError     **error)
{
  g_autofree char *copy = NULL;

  if (note == NULL)
    return NULL;

  if (!g_utf8_validate (note, -1, NULL) || g_utf8_strlen (note, -1) > 500)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The note must be text of at most 500 characters."));
      return NULL;
    }

  copy = g_strstrip (g_strdup (note));
  if (*copy == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

static gboolean
audit (LotsenStore       *store,
       const char        *what,
       gint64             outcome_id,
       gint64             visitor_id,
       LotsenOutcomeKind  kind,
       const char        *begin_date,
       GError           **error)
{
  g_autofree char *detail = g_strdup_printf ("outcome=%" G_GINT64_FORMAT " visitor=%" G_GINT64_FORMAT
                                             " kind=%s begin=%s",
                                             outcome_id, visitor_id, kind_keys[kind], begin_date);

  return lotsen_store_audit (store, what, detail, error);
}

/**
 * lotsen_outcome_set:
 * @begin_date: (nullable): YYYY-MM-DD, today when %NULL
 * @note: (nullable): staff's note
 *
 * Records a new outcome for a visitor, audited.
 *
 * Returns: the outcome's id, or 0 with an error (nothing changed)
 */
gint64
lotsen_outcome_set (LotsenStore            *store,
                    gint64                  visitor_id,
                    LotsenOutcomeKind       kind,
                    const char             *begin_date,
                    LotsenOutcomeReporter   reported_by,
                    const char             *note,
                    GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *clean = NULL;
  GError *local_error = NULL;
  gint64 now, id;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), 0);
  g_return_val_if_fail (kind < LOTSEN_OUTCOME_N_KINDS, 0);

  now = lotsen_store_now (store);
  if (begin_date == NULL)
    begin_date = today = lotsen_store_format_local_day (store, now);
  if (!check_date (store, begin_date, error))
    return 0;
  clean = clean_note (note, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }

  if (!lotsen_store_begin (store, error))
    return 0;

  stmt = lotsen_store_prepare (store,
                               "INSERT INTO outcome (visitor_id, kind, begin_date, reported_by, note, created_at, updated_at) "
                               "SELECT id, ?2, ?3, ?4, ?5, ?6, ?6 FROM visitor WHERE id = ?1 AND anonymised_at IS NULL",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  sqlite3_bind_text (stmt, 2, kind_keys[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, begin_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reported_by == LOTSEN_OUTCOME_BY_VISITOR ? "visitor" : "staff", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!lotsen_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (lotsen_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
                           _("That visitor is not known here."));
      goto fail;
    }
  id = sqlite3_last_insert_rowid (lotsen_store_get_db (store));

  if (!audit (store, reported_by == LOTSEN_OUTCOME_BY_VISITOR ? "outcome-answered" : "outcome-set",
              id, visitor_id, kind, begin_date, error) ||
      !lotsen_store_commit (store, error))
    goto fail;

  return id;

fail:
  lotsen_store_rollback (store);
  return 0;
}

/**
 * lotsen_outcome_correct:
 *
 * Changes an outcome's kind, date and note (staff), audited.
 */
gboolean
lotsen_outcome_correct (LotsenStore        *store,
                        gint64              outcome_id,
                        LotsenOutcomeKind   kind,
                        const char         *begin_date,
                        const char         *note,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autofree char *clean = NULL;
  GError *local_error = NULL;
  gint64 visitor_id;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < LOTSEN_OUTCOME_N_KINDS, FALSE);

  if (!check_date (store, begin_date, error))
    return FALSE;
  clean = clean_note (note, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!lotsen_store_begin (store, error))
    return FALSE;

  read = lotsen_store_prepare (store, "SELECT visitor_id FROM outcome WHERE id = ?", error);
  if (read == NULL)
    goto fail;
  sqlite3_bind_int64 (read, 1, outcome_id);
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
                           _("That outcome is not known here."));
      goto fail;
    }
  visitor_id = sqlite3_column_int64 (read, 0);

  stmt = lotsen_store_prepare (store,
                               "UPDATE outcome SET kind = ?2, begin_date = ?3, note = ?4, updated_at = ?5 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, outcome_id);
  sqlite3_bind_text (stmt, 2, kind_keys[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, begin_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, lotsen_store_now (store));
  if (!lotsen_store_step_done (store, stmt, error) ||
      !audit (store, "outcome-corrected", outcome_id, visitor_id, kind, begin_date, error) ||
      !lotsen_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_outcome_list:
 * @visitor_id: one visitor's, or 0 for all
 *
 * Returns: (transfer full) (element-type LotsenOutcome): by begin date
 */
GPtrArray *
lotsen_outcome_list (LotsenStore  *store,
                     gint64        visitor_id,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_outcome_free);
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store,
                               "SELECT o.id, o.visitor_id, v.code, o.kind, o.begin_date, o.reported_by, o.note,"
                               "       o.created_at, o.updated_at "
                               "FROM outcome o JOIN visitor v ON v.id = o.visitor_id "
                               "WHERE ?1 = 0 OR o.visitor_id = ?1 ORDER BY o.begin_date, o.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visitor_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsenOutcome *outcome = g_new0 (LotsenOutcome, 1);

      outcome->id = sqlite3_column_int64 (stmt, 0);
      outcome->visitor_id = sqlite3_column_int64 (stmt, 1);
      outcome->code = lotsen_store_column_text (stmt, 2);
      if (!lotsen_outcome_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &outcome->kind))
        outcome->kind = LOTSEN_OUTCOME_OTHER;
      outcome->begin_date = lotsen_store_column_text (stmt, 4);
      outcome->reported_by = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "visitor") == 0
                             ? LOTSEN_OUTCOME_BY_VISITOR : LOTSEN_OUTCOME_BY_STAFF;
      outcome->note = lotsen_store_column_text (stmt, 6);
      outcome->created_at = sqlite3_column_int64 (stmt, 7);
      outcome->updated_at = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (list, outcome);
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * lotsen_outcome_first_visit:
 *
 * Returns: the visitor's first visit (unix seconds), or 0 if not known
 */
gint64
lotsen_outcome_first_visit (LotsenStore *store,
                            gint64       visitor_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lotsen_store_prepare (store, "SELECT " FIRST_VISIT_SQL " FROM visitor v WHERE v.id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * lotsen_outcome_get_follow_up_days:
 *
 * The setting "follow_up_days": how long after their first visit a
 * participant without an outcome is followed up.
 */
guint
lotsen_outcome_get_follow_up_days (LotsenStore *store)
{
  g_autofree char *value = NULL;
  guint64 days;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), LOTSEN_FOLLOW_UP_DAYS_DEFAULT);

  value = lotsen_store_get_setting (store, "follow_up_days");
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &days, NULL))
    return LOTSEN_FOLLOW_UP_DAYS_DEFAULT;

  return CLAMP (days, LOTSEN_FOLLOW_UP_DAYS_MIN, LOTSEN_FOLLOW_UP_DAYS_MAX);
}

gboolean
lotsen_outcome_set_follow_up_days (LotsenStore  *store,
                                   guint         days,
                                   GError      **error)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (days < LOTSEN_FOLLOW_UP_DAYS_MIN || days > LOTSEN_FOLLOW_UP_DAYS_MAX)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %d and %d are numbers of days. */
                   _("The follow-up time must be from %d to %d days."),
                   LOTSEN_FOLLOW_UP_DAYS_MIN, LOTSEN_FOLLOW_UP_DAYS_MAX);
      return FALSE;
    }

  value = g_strdup_printf ("%u", days);
  detail = g_strdup_printf ("follow_up_days=%u", days);
  if (!lotsen_store_begin (store, error))
    return FALSE;
  if (!lotsen_store_set_setting (store, "follow_up_days", value, error) ||
      !lotsen_store_audit (store, "settings", detail, error))
    {
      lotsen_store_rollback (store);
      return FALSE;
    }

  return lotsen_store_commit (store, error);
}

/**
 * lotsen_outcome_list_due:
 *
 * The follow-up list: participants (not anonymised) whose first visit
 * was at least "follow_up_days" ago and who have no outcome, the longest
 * waiting first.
 *
 * Returns: (transfer full) (element-type LotsenFollowUp):
 */
GPtrArray *
lotsen_outcome_list_due (LotsenStore  *store,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_follow_up_free);
  gint64 cutoff;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  cutoff = lotsen_store_now (store) - (gint64) lotsen_outcome_get_follow_up_days (store) * 86400;
  stmt = lotsen_store_prepare (store,
                               "SELECT id, code, given_name, family_name, phone, first FROM ("
                               "  SELECT v.id, v.code, v.given_name, v.family_name, v.phone, "
                               FIRST_VISIT_SQL " AS first "
                               "  FROM visitor v WHERE v.anonymised_at IS NULL"
                               "  AND NOT EXISTS (SELECT 1 FROM outcome o WHERE o.visitor_id = v.id)) "
                               "WHERE first <= ?1 ORDER BY first, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cutoff);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsenFollowUp *row = g_new0 (LotsenFollowUp, 1);

      row->visitor_id = sqlite3_column_int64 (stmt, 0);
      row->code = lotsen_store_column_text (stmt, 1);
      row->given_name = lotsen_store_column_text (stmt, 2);
      row->family_name = lotsen_store_column_text (stmt, 3);
      row->phone = lotsen_store_column_text (stmt, 4);
      row->first_visit = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, row);
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
write_due (GOutputStream  *out,
           const char     *temp_path,
           const char     *target,
           GString        *detail,
           gpointer        user_data,
           GError        **error)
{
  g_string_append (detail, "follow-up list");
  return lotsen_export_write_buffer (out, user_data, error);
}

/**
 * lotsen_outcome_export_due:
 * @path: the CSV file to write (replaced whole, or left as it was)
 *
 * Writes the follow-up list as CSV, as the exports write theirs (UTF-8
 * with a BOM, ';' between cells, CRLF, names neutralised): code,
 * given_name, family_name, phone, first_visit (the local day).  Recorded
 * in the audit table.
 */
gboolean
lotsen_outcome_export_due (LotsenStore  *store,
                           const char   *path,
                           GError      **error)
{
  static const char * const header[] = { "code", "given_name", "family_name", "phone", "first_visit" };
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GString) buffer = g_string_new (LOTSEN_CSV_BOM);

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  due = lotsen_outcome_list_due (store, error);
  if (due == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    lotsen_export_append_csv_cell (buffer, ';', i, header[i], FALSE);
  g_string_append (buffer, "\r\n");
  for (guint i = 0; i < due->len; i++)
    {
      LotsenFollowUp *row = g_ptr_array_index (due, i);
      g_autofree char *first = lotsen_store_format_local_day (store, row->first_visit);
      const char *cells[] = { row->code, row->given_name, row->family_name, row->phone, first };

      for (guint j = 0; j < G_N_ELEMENTS (cells); j++)
        lotsen_export_append_csv_cell (buffer, ';', j, cells[j] ? cells[j] : "", TRUE);
      g_string_append (buffer, "\r\n");
    }

  return lotsen_export_replace_file (store, path, write_due, buffer, error);
}

/**
 * lotsen_outcome_should_ask:
 *
 * The kiosk's rule: ask a visitor who signed in with their code whether
 * they work or study now when their first visit was at least
 * "follow_up_days" ago, they have no outcome, and they were not asked in
 * the last %LOTSEN_OUTCOME_ASK_AGAIN_DAYS days.
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
                               "SELECT " FIRST_VISIT_SQL ", v.outcome_asked_at,"
                               "       EXISTS (SELECT 1 FROM outcome o WHERE o.visitor_id = v.id) "
                               "FROM visitor v WHERE v.id = ?1 AND v.anonymised_at IS NULL",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visitor_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 2))
    return FALSE;

  if (now - sqlite3_column_int64 (stmt, 0) < (gint64) lotsen_outcome_get_follow_up_days (store) * 86400)
    return FALSE;

  return sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
         now - sqlite3_column_int64 (stmt, 1) >= (gint64) LOTSEN_OUTCOME_ASK_AGAIN_DAYS * 86400;
}

/**
 * lotsen_outcome_mark_asked:
 *
 * Records that the kiosk asked the visitor now (they answered "not yet"
 * or skipped).
 */
gboolean
lotsen_outcome_mark_asked (LotsenStore  *store,
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

/**
 * lotsen_outcome_answer:
 *
 * The visitor's own answer at the kiosk: an outcome beginning today,
 * reported by the visitor; also records that they were asked.
 *
 * Returns: the outcome's id, or 0 with an error
 */
gint64
lotsen_outcome_answer (LotsenStore        *store,
                       gint64              visitor_id,
                       LotsenOutcomeKind   kind,
                       GError            **error)
{
  gint64 id;

  id = lotsen_outcome_set (store, visitor_id, kind, NULL, LOTSEN_OUTCOME_BY_VISITOR, NULL, error);
  if (id == 0 || !lotsen_outcome_mark_asked (store, visitor_id, error))
    return 0;

  return id;
}
