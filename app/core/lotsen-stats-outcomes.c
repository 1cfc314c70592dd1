/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-stats-outcomes.c — the report's outcome figures: of the
 * participants whose first visit ever was in the period, how many had
 * work or studies that began within 90 days of it (from the day of that
 * visit to 90 days after, both included), by gender and by age band (at
 * the period's first year, as in lotsen-stats.c); and all outcomes that
 * began in the period, by kind.
 */

#define G_LOG_DOMAIN "lotsen-stats"

#include "config.h"

#include <string.h>

#include "lotsen-outcome.h"
#include "lotsen-stats.h"
#include "lotsen-store-private.h"

#define FIRST_VISIT_SQL \
  "min (v.created_at," \
  "     coalesce ((SELECT min (t.created_at) FROM ticket t WHERE t.visitor_id = v.id), v.created_at)," \
  "     coalesce ((SELECT min (s.starts_at) FROM signup g JOIN session s ON s.id = g.session_id" \
  "                WHERE g.visitor_id = v.id AND g.status = 'attended'), v.created_at))"

static const char cohort_sql[] =
  "SELECT id, gender_band, age_band, first FROM ("
  "  SELECT v.id,"
  "         CASE v.gender WHEN 'woman' THEN 0 WHEN 'man' THEN 1 WHEN 'other' THEN 2"
  "                       WHEN 'unstated' THEN 3 ELSE 4 END AS gender_band,"
  "         CASE WHEN v.birth_year IS NULL OR v.birth_year <= 0 THEN 7"
  "              WHEN ?3 - v.birth_year < 16 THEN 0"
  "              WHEN ?3 - v.birth_year < 25 THEN 1"
  "              WHEN ?3 - v.birth_year < 35 THEN 2"
  "              WHEN ?3 - v.birth_year < 45 THEN 3"
  "              WHEN ?3 - v.birth_year < 55 THEN 4"
  "              WHEN ?3 - v.birth_year < 65 THEN 5"
  "              ELSE 6 END AS age_band, "
  FIRST_VISIT_SQL " AS first "
  "  FROM visitor v) "
  "WHERE first >= ?1 AND first < ?2";

static const char work_or_studies_sql[] =
  "SELECT EXISTS (SELECT 1 FROM outcome WHERE visitor_id = ?1 AND begin_date BETWEEN ?2 AND ?3"
  "               AND (kind GLOB 'work*' OR kind GLOB 'studies*'))";

static const char by_kind_sql[] =
  "SELECT kind, count(*) FROM outcome WHERE begin_date BETWEEN ?1 AND ?2 GROUP BY kind";

/**
 * lotsen_outcome_share:
 *
 * Returns: @part of @whole in per cent, 0 when @whole is 0
 */
double
lotsen_outcome_share (guint part,
                      guint whole)
{
  return whole == 0 ? 0.0 : 100.0 * part / whole;
}

/**
 * lotsen_stats_outcomes:
 * @from: the period's first second, unix seconds
 * @to: the second after the period
 * @figures: (out caller-allocates): filled in
 */
gboolean
lotsen_stats_outcomes (LotsenStore           *store,
                       gint64                 from,
                       gint64                 to,
                       LotsenOutcomeFigures  *figures,
                       GError               **error)
{
  g_autoptr(sqlite3_stmt) cohort = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) kinds = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (figures != NULL && from < to, FALSE);

  G_STATIC_ASSERT (LOTSEN_REPORT_N_GENDERS == G_N_ELEMENTS (figures->new_by_gender));
  G_STATIC_ASSERT (LOTSEN_REPORT_N_AGE_BANDS == G_N_ELEMENTS (figures->new_by_age));

  memset (figures, 0, sizeof *figures);
  start = lotsen_store_to_local (store, from);

  cohort = lotsen_store_prepare (store, cohort_sql, error);
  check = lotsen_store_prepare (store, work_or_studies_sql, error);
  kinds = lotsen_store_prepare (store, by_kind_sql, error);
  if (cohort == NULL || check == NULL || kinds == NULL)
    return FALSE;

  sqlite3_bind_int64 (cohort, 1, from);
  sqlite3_bind_int64 (cohort, 2, to);
  sqlite3_bind_int (cohort, 3, g_date_time_get_year (start));

  while ((rc = sqlite3_step (cohort)) == SQLITE_ROW)
    {
      int gender = CLAMP (sqlite3_column_int (cohort, 1), 0, LOTSEN_REPORT_N_GENDERS - 1);
      int age = CLAMP (sqlite3_column_int (cohort, 2), 0, LOTSEN_REPORT_N_AGE_BANDS - 1);
      gint64 first = sqlite3_column_int64 (cohort, 3);
      g_autofree char *day = lotsen_store_format_local_day (store, first);
      g_autoptr(GDateTime) local = lotsen_store_to_local (store, first);
      g_autoptr(GDateTime) later = g_date_time_add_days (local, LOTSEN_OUTCOME_WITHIN_DAYS);
      g_autofree char *until = g_date_time_format (later, "%Y-%m-%d");

      figures->new_participants++;
      figures->new_by_gender[gender]++;
      figures->new_by_age[age]++;

      sqlite3_reset (check);
      sqlite3_bind_int64 (check, 1, sqlite3_column_int64 (cohort, 0));
      sqlite3_bind_text (check, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (check, 3, until, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (check) != SQLITE_ROW)
        {
          lotsen_store_set_error (store, error);
          return FALSE;
        }
      if (sqlite3_column_int (check, 0))
        {
          figures->work_or_studies++;
          figures->work_or_studies_by_gender[gender]++;
          figures->work_or_studies_by_age[age]++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  first_day = lotsen_store_format_local_day (store, from);
  last_day = lotsen_store_format_local_day (store, to - 1);
  sqlite3_bind_text (kinds, 1, first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (kinds, 2, last_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (kinds)) == SQLITE_ROW)
    {
      LotsenOutcomeKind kind;

      if (!lotsen_outcome_kind_from_string ((const char *) sqlite3_column_text (kinds, 0), &kind))
        continue;
      figures->by_kind[kind] = sqlite3_column_int (kinds, 1);
      figures->total += figures->by_kind[kind];
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  return TRUE;
}
