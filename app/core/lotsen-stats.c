/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-stats.c — the funder report: how many people came, how often, to
 * what, and how long they waited, per local month.
 *
 * Every number comes from an aggregate query; no ticket or sign-up row is
 * ever loaded.  Months are local (the store's time zone, Europe/Stockholm
 * by default) while times are stored as UTC seconds, so the month
 * boundaries are worked out here with GDateTime and bound as parameters:
 * one query per month and section, each a GROUP BY over the month's rows.
 * Tickets are found through their local day (the index on ticket.day),
 * sessions through their start (the index on session.starts_at), sign-ups
 * through their session (the index on signup.session_id); no other index
 * is needed.  Medians are exact and computed in SQL with row_number ()
 * over the ordered waits: the middle one, or the mean of the middle two.
 *
 * The numbers carry stable keys ("woman", "16-24", "signups"); the words
 * people read are the writers' business (app/lotsen-report-pdf.c).
 */

#define G_LOG_DOMAIN "lotsen-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <xlsxwriter.h>

#include "lotsen-export.h"
#include "lotsen-stats.h"
#include "lotsen-store-private.h"

#define CSV_BOM          "\xEF\xBB\xBF"
#define DEFAULT_SITE     "Lotsen"
#define XLSX_MAX_WIDTH   60

/* ?1, ?2: [from, to) in unix seconds; ?3, ?4: the local days from and
 * to (both included) that narrow the tickets down through their index. */
#define TICKETS_IN_RANGE \
  "day BETWEEN ?3 AND ?4 AND created_at >= ?1 AND created_at < ?2"

/* Staff-entered content in Swedish, or in some language when there is
 * no Swedish text (as the export writes it). */
#define SWEDISH_TEXT(column, table, key, id) \
  "(SELECT " column " FROM " table " WHERE " key " = " id " ORDER BY lang = 'sv' DESC, lang LIMIT 1)"

/* Per person, then per gender × age band: everything one stretch of time
 * holds.  ?5 is the year ages are counted at.  The row of people without
 * a person (visitor_id NULL) carries the anonymous visits. */
static const char counts_sql[] =
  "WITH event (visitor_id, visit, signup, attended, attendees, no_show) AS ("
  "  SELECT visitor_id, 1, 0, 0, 0, 0 FROM ticket WHERE " TICKETS_IN_RANGE
  "  UNION ALL"
  "  SELECT g.visitor_id, g.status = 'attended', 1, g.status = 'attended',"
  "         CASE WHEN g.status = 'attended' THEN g.party_size ELSE 0 END, g.status = 'no_show'"
  "  FROM session se JOIN signup g ON g.session_id = se.id"
  "  WHERE se.starts_at >= ?1 AND se.starts_at < ?2 AND g.status <> 'cancelled'"
  "), person AS ("
  "  SELECT visitor_id, sum (visit) AS visits, sum (signup) AS signups, sum (attended) AS attended,"
  "         sum (attendees) AS attendees, sum (no_show) AS no_shows"
  "  FROM event GROUP BY visitor_id"
  ") "
  "SELECT CASE v.gender WHEN 'woman' THEN 0 WHEN 'man' THEN 1 WHEN 'other' THEN 2"
  "                     WHEN 'unstated' THEN 3 ELSE 4 END AS gender_band,"
  "       CASE WHEN v.birth_year IS NULL OR v.birth_year <= 0 THEN 7"
  "            WHEN ?5 - v.birth_year < 16 THEN 0"
  "            WHEN ?5 - v.birth_year < 25 THEN 1"
  "            WHEN ?5 - v.birth_year < 35 THEN 2"
  "            WHEN ?5 - v.birth_year < 45 THEN 3"
  "            WHEN ?5 - v.birth_year < 55 THEN 4"
  "            WHEN ?5 - v.birth_year < 65 THEN 5"
  "            ELSE 6 END AS age_band,"
  "       count (*) FILTER (WHERE p.visitor_id IS NOT NULL AND p.visits > 0),"
  "       count (*) FILTER (WHERE p.visitor_id IS NOT NULL AND p.visits > 0"
  "                         AND v.created_at >= ?1 AND v.created_at < ?2),"
  "       sum (p.visits),"
  "       sum (CASE WHEN p.visitor_id IS NULL THEN p.visits ELSE 0 END),"
  "       sum (p.signups), sum (p.attended), sum (p.attendees), sum (p.no_shows) "
  "FROM person p LEFT JOIN visitor v ON v.id = p.visitor_id "
  "GROUP BY gender_band, age_band";

static const char activities_sql[] =
  "SELECT " SWEDISH_TEXT ("title", "activity_text", "activity_id", "x.activity_id") ","
  "       x.sessions, x.signups, x.attended, x.attendees, x.no_shows "
  "FROM (WITH se AS MATERIALIZED ("
  "        SELECT id, activity_id, cancelled FROM session WHERE starts_at >= ?1 AND starts_at < ?2)"
  "      SELECT se.activity_id,"
  "             count (DISTINCT CASE WHEN se.cancelled = 0 THEN se.id END) AS sessions,"
  "             count (g.id) AS signups,"
  "             count (*) FILTER (WHERE g.status = 'attended') AS attended,"
  "             coalesce (sum (CASE WHEN g.status = 'attended' THEN g.party_size END), 0) AS attendees,"
  "             count (*) FILTER (WHERE g.status = 'no_show') AS no_shows"
  "      FROM se LEFT JOIN signup g ON g.session_id = se.id AND g.status <> 'cancelled'"
  "      GROUP BY se.activity_id) x "
  "ORDER BY 1, x.activity_id";

/* The median of the waits of each service's called tickets: the middle
 * one of the ordered waits, or the mean of the middle two. */
static const char services_sql[] =
  "WITH t AS ("
  "  SELECT service_id, status, called_at - created_at AS wait FROM ticket WHERE " TICKETS_IN_RANGE
  "), ranked AS ("
  "  SELECT service_id, wait,"
  "         row_number () OVER (PARTITION BY service_id ORDER BY wait) AS n,"
  "         count (*) OVER (PARTITION BY service_id) AS c"
  "  FROM t WHERE wait IS NOT NULL"
  "), median AS ("
  "  SELECT service_id, CAST (round (avg (wait)) AS INTEGER) AS wait"
  "  FROM ranked WHERE n IN ((c + 1) / 2, c / 2 + 1) GROUP BY service_id"
  "), total AS ("
  "  SELECT service_id, count (*) AS tickets, count (wait) AS called,"
  "         count (*) FILTER (WHERE status = 'no_show') AS no_shows"
  "  FROM t GROUP BY service_id"
  ") "
  "SELECT s.prefix, " SWEDISH_TEXT ("name", "service_text", "service_id", "s.id") ","
  "       coalesce (total.tickets, 0), coalesce (total.called, 0), coalesce (total.no_shows, 0),"
  "       median.wait "
  "FROM service s LEFT JOIN total ON total.service_id = s.id"
  " LEFT JOIN median ON median.service_id = s.id "
  "WHERE s.active OR total.tickets > 0 "
  "ORDER BY s.sort_order, s.prefix";

static const char median_sql[] =
  "WITH ranked AS ("
  "  SELECT called_at - created_at AS wait,"
  "         row_number () OVER (ORDER BY called_at - created_at) AS n,"
  "         count (*) OVER () AS c"
  "  FROM ticket WHERE " TICKETS_IN_RANGE " AND called_at IS NOT NULL"
  ") "
  "SELECT CAST (round (avg (wait)) AS INTEGER) FROM ranked WHERE n IN ((c + 1) / 2, c / 2 + 1)";

static const char * const gender_keys[] = {
  [LOTSEN_REPORT_GENDER_WOMAN]    = "woman",
  [LOTSEN_REPORT_GENDER_MAN]      = "man",
  [LOTSEN_REPORT_GENDER_OTHER]    = "other",
  [LOTSEN_REPORT_GENDER_UNSTATED] = "unstated",
  [LOTSEN_REPORT_GENDER_UNKNOWN]  = "unknown",
};

static const char * const age_keys[] = {
  [LOTSEN_REPORT_AGE_UNDER_16] = "0-15",
  [LOTSEN_REPORT_AGE_16_24]    = "16-24",
  [LOTSEN_REPORT_AGE_25_34]    = "25-34",
  [LOTSEN_REPORT_AGE_35_44]    = "35-44",
  [LOTSEN_REPORT_AGE_45_54]    = "45-54",
  [LOTSEN_REPORT_AGE_55_64]    = "55-64",
  [LOTSEN_REPORT_AGE_65_PLUS]  = "65+",
  [LOTSEN_REPORT_AGE_UNKNOWN]  = "unknown",
};

/* The numbers of LotsenReportCounts, as columns. */
typedef enum {
  MEASURE_PARTICIPANTS,
  MEASURE_NEW,
  MEASURE_RETURNING,
  MEASURE_VISITS,
  MEASURE_ANONYMOUS,
  MEASURE_SIGNUPS,
  MEASURE_ATTENDED,
  MEASURE_ATTENDEES,
  MEASURE_NO_SHOWS,
} Measure;

static const char * const months_columns[] = {
  "months", "participants", "new_participants", "returning_participants", "visits",
  "anonymous_visits", "signups", "attended", "attendees", "no_shows",
};
static const Measure months_measures[] = {
  MEASURE_PARTICIPANTS, MEASURE_NEW, MEASURE_RETURNING, MEASURE_VISITS, MEASURE_ANONYMOUS,
  MEASURE_SIGNUPS, MEASURE_ATTENDED, MEASURE_ATTENDEES, MEASURE_NO_SHOWS,
};

static const char * const months_gender_columns[] = {
  "months_by_gender", "woman", "man", "other", "unstated", "unknown",
};

static const char * const months_age_columns[] = {
  "months_by_age_band", "0-15", "16-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown",
};

static const char * const gender_columns[] = {
  "by_gender", "participants", "new_participants", "returning_participants", "visits",
  "signups", "attended", "attendees", "no_shows",
};
static const char * const age_columns[] = {
  "by_age_band", "participants", "new_participants", "returning_participants", "visits",
  "signups", "attended", "attendees", "no_shows",
};
static const Measure group_measures[] = {
  MEASURE_PARTICIPANTS, MEASURE_NEW, MEASURE_RETURNING, MEASURE_VISITS,
  MEASURE_SIGNUPS, MEASURE_ATTENDED, MEASURE_ATTENDEES, MEASURE_NO_SHOWS,
};

static const char * const activities_columns[] = {
  "activities", "sessions", "signups", "attended", "attendees", "no_shows",
};

static const char * const services_columns[] = {
  "services", "service", "tickets", "called", "no_shows", "median_wait_seconds",
};

static const struct {
  const char * const *columns;
  guint               n_columns;
} sections[] = {
  [LOTSEN_REPORT_SECTION_MONTHS]        = { months_columns, G_N_ELEMENTS (months_columns) },
  [LOTSEN_REPORT_SECTION_MONTHS_GENDER] = { months_gender_columns, G_N_ELEMENTS (months_gender_columns) },
  [LOTSEN_REPORT_SECTION_MONTHS_AGE]    = { months_age_columns, G_N_ELEMENTS (months_age_columns) },
  [LOTSEN_REPORT_SECTION_GENDER]        = { gender_columns, G_N_ELEMENTS (gender_columns) },
  [LOTSEN_REPORT_SECTION_AGE]           = { age_columns, G_N_ELEMENTS (age_columns) },
  [LOTSEN_REPORT_SECTION_ACTIVITIES]    = { activities_columns, G_N_ELEMENTS (activities_columns) },
  [LOTSEN_REPORT_SECTION_SERVICES]      = { services_columns, G_N_ELEMENTS (services_columns) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (gender_keys) == LOTSEN_REPORT_N_GENDERS);
G_STATIC_ASSERT (G_N_ELEMENTS (age_keys) == LOTSEN_REPORT_N_AGE_BANDS);
G_STATIC_ASSERT (G_N_ELEMENTS (sections) == LOTSEN_REPORT_N_SECTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (months_measures) + 1 == G_N_ELEMENTS (months_columns));
G_STATIC_ASSERT (G_N_ELEMENTS (group_measures) + 1 == G_N_ELEMENTS (gender_columns));
G_STATIC_ASSERT (G_N_ELEMENTS (group_measures) + 1 == G_N_ELEMENTS (age_columns));
G_STATIC_ASSERT (LOTSEN_REPORT_N_GENDERS + 1 == G_N_ELEMENTS (months_gender_columns));
G_STATIC_ASSERT (LOTSEN_REPORT_N_AGE_BANDS + 1 == G_N_ELEMENTS (months_age_columns));

const char *
lotsen_report_gender_to_string (LotsenReportGender gender)
{
  g_return_val_if_fail (gender < LOTSEN_REPORT_N_GENDERS, NULL);

  return gender_keys[gender];
}

const char *
lotsen_report_age_band_to_string (LotsenReportAgeBand band)
{
  g_return_val_if_fail (band < LOTSEN_REPORT_N_AGE_BANDS, NULL);

  return age_keys[band];
}

static void
month_free (LotsenReportMonth *month)
{
  g_free (month->key);
  g_free (month);
}

static void
activity_free (LotsenReportActivity *activity)
{
  g_free (activity->title);
  g_free (activity);
}

static void
service_free (LotsenReportService *service)
{
  g_free (service->prefix);
  g_free (service->name);
  g_free (service);
}

void
lotsen_report_free (LotsenReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->months, g_ptr_array_unref);
  g_clear_pointer (&report->total, month_free);
  g_clear_pointer (&report->activities, g_ptr_array_unref);
  g_clear_pointer (&report->services, g_ptr_array_unref);
  g_free (report->site_name);
  g_free (report);
}

/* Binds [from, to) as ?1 … ?4 of a query that selects tickets with
 * TICKETS_IN_RANGE or sessions by their start. */
static void
bind_range (LotsenStore  *store,
            sqlite3_stmt *stmt,
            gint64        from,
            gint64        to)
{
  g_autofree char *first_day = lotsen_store_format_local_day (store, from);
  g_autofree char *last_day = lotsen_store_format_local_day (store, to - 1);

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last_day, -1, SQLITE_TRANSIENT);
}

static void
add_counts (LotsenReportCounts       *sum,
            const LotsenReportCounts *counts)
{
  sum->participants += counts->participants;
  sum->new_participants += counts->new_participants;
  sum->visits += counts->visits;
  sum->anonymous_visits += counts->anonymous_visits;
  sum->signups += counts->signups;
  sum->attended += counts->attended;
  sum->attendees += counts->attendees;
  sum->no_shows += counts->no_shows;
}

/* Fills @month for its own [start, end); with @by_gender and @by_age,
 * also the counts of each group. */
static gboolean
count_range (LotsenStore         *store,
             int                  age_year,
             LotsenReportMonth   *month,
             LotsenReportCounts  *by_gender,
             LotsenReportCounts  *by_age,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, counts_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_range (store, stmt, month->start, month->end);
  sqlite3_bind_int (stmt, 5, age_year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int gender = sqlite3_column_int (stmt, 0);
      int age = sqlite3_column_int (stmt, 1);
      LotsenReportCounts counts = {
        .participants = sqlite3_column_int (stmt, 2),
        .new_participants = sqlite3_column_int (stmt, 3),
        .visits = sqlite3_column_int (stmt, 4),
        .anonymous_visits = sqlite3_column_int (stmt, 5),
        .signups = sqlite3_column_int (stmt, 6),
        .attended = sqlite3_column_int (stmt, 7),
        .attendees = sqlite3_column_int (stmt, 8),
        .no_shows = sqlite3_column_int (stmt, 9),
      };

      g_assert (gender >= 0 && gender < LOTSEN_REPORT_N_GENDERS);
      g_assert (age >= 0 && age < LOTSEN_REPORT_N_AGE_BANDS);

      add_counts (&month->counts, &counts);
      month->participants_by_gender[gender] += counts.participants;
      month->participants_by_age[age] += counts.participants;
      if (by_gender != NULL)
        add_counts (&by_gender[gender], &counts);
      if (by_age != NULL)
        add_counts (&by_age[age], &counts);
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  return TRUE;
}

static LotsenReportMonth *
month_new (char   *key,
           gint64  start,
           gint64  end)
{
  LotsenReportMonth *month = g_new0 (LotsenReportMonth, 1);

  month->key = key;
  month->start = start;
  month->end = end;
  return month;
}

/* A row a local month that overlaps [from, to). */
static gboolean
count_months (LotsenStore   *store,
              LotsenReport  *report,
              GError       **error)
{
  g_autoptr(GDateTime) local = lotsen_store_to_local (store, report->from);
  g_autoptr(GDateTime) start = g_date_time_new (lotsen_store_get_timezone (store),
                                                g_date_time_get_year (local),
                                                g_date_time_get_month (local), 1, 0, 0, 0);

  while (start != NULL && g_date_time_to_unix (start) < report->to)
    {
      g_autoptr(GDateTime) next = g_date_time_add_months (start, 1);
      LotsenReportMonth *month;

      if (next == NULL)
        break;

      month = month_new (g_date_time_format (start, "%Y-%m"),
                         MAX (report->from, g_date_time_to_unix (start)),
                         MIN (report->to, g_date_time_to_unix (next)));
      g_ptr_array_add (report->months, month);

      if (!count_range (store, report->age_year, month, NULL, NULL, error))
        return FALSE;

      g_date_time_unref (start);
      start = g_steal_pointer (&next);
    }

  return TRUE;
}

static gboolean
count_activities (LotsenStore   *store,
                  LotsenReport  *report,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, activities_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report->from);
  sqlite3_bind_int64 (stmt, 2, report->to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsenReportActivity *activity = g_new0 (LotsenReportActivity, 1);

      activity->title = lotsen_store_column_text (stmt, 0);
      if (activity->title == NULL)
        activity->title = g_strdup ("");
      activity->sessions = sqlite3_column_int (stmt, 1);
      activity->signups = sqlite3_column_int (stmt, 2);
      activity->attended = sqlite3_column_int (stmt, 3);
      activity->attendees = sqlite3_column_int (stmt, 4);
      activity->no_shows = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (report->activities, activity);
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
count_services (LotsenStore   *store,
                LotsenReport  *report,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, services_sql, error);
  g_autoptr(sqlite3_stmt) median = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_range (store, stmt, report->from, report->to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsenReportService *service = g_new0 (LotsenReportService, 1);

      service->prefix = lotsen_store_column_text (stmt, 0);
      service->name = lotsen_store_column_text (stmt, 1);
      if (service->name == NULL)
        service->name = g_strdup ("");
      service->tickets = sqlite3_column_int (stmt, 2);
      service->called = sqlite3_column_int (stmt, 3);
      service->no_shows = sqlite3_column_int (stmt, 4);
      service->median_wait = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                             ? -1 : sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (report->services, service);
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  median = lotsen_store_prepare (store, median_sql, error);
  if (median == NULL)
    return FALSE;

  bind_range (store, median, report->from, report->to);
  if (sqlite3_step (median) != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  report->median_wait = sqlite3_column_type (median, 0) == SQLITE_NULL
                        ? -1 : sqlite3_column_int64 (median, 0);
  return TRUE;
}

/**
 * lotsen_report_new:
 * @from: the period's first second, unix seconds
 * @to: the second after its last; after @from
 *
 * Counts the period [@from, @to) for the funder report: a row per local
 * month it touches (the first and last only for their part inside the
 * period) and one for the whole period, in which a person who came in
 * several months is counted once; the whole period split by gender and by
 * age band (age in the local year of @from); every activity with a
 * session in the period; every active service or one with tickets in
 * the period, with the median wait.  Read in one transaction, so the
 * sections agree with each other.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *   (%LOTSEN_STORE_ERROR_INVALID when @to is not after @from)
 */
LotsenReport *
lotsen_report_new (LotsenStore  *store,
                   gint64        from,
                   gint64        to,
                   GError      **error)
{
  g_autoptr(LotsenReport) report = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *site_name = NULL;
  gboolean counted;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (to <= from)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The end of the period comes before its start."));
      return NULL;
    }

  start = lotsen_store_to_local (store, from);
  if (start == NULL)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The period lies outside the calendar."));
      return NULL;
    }

  site_name = lotsen_store_get_setting (store, "site_name");

  report = g_new0 (LotsenReport, 1);
  report->from = from;
  report->to = to;
  report->age_year = g_date_time_get_year (start);
  report->site_name = site_name != NULL && *site_name != '\0'
                      ? g_steal_pointer (&site_name) : g_strdup (DEFAULT_SITE);
  report->made_at = lotsen_store_now (store);
  report->months = g_ptr_array_new_with_free_func ((GDestroyNotify) month_free);
  report->total = month_new (g_strdup ("total"), from, to);
  report->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) activity_free);
  report->services = g_ptr_array_new_with_free_func ((GDestroyNotify) service_free);

  /* One snapshot for every query. */
  if (!lotsen_store_exec (store, "BEGIN", error))
    return NULL;

  counted = count_months (store, report, error) &&
            count_range (store, report->age_year, report->total,
                         report->by_gender, report->by_age, error) &&
            count_activities (store, report, error) &&
            count_services (store, report, error);

  lotsen_store_rollback (store);

  if (!counted)
    return NULL;

  return g_steal_pointer (&report);
}

const char *
lotsen_report_section_to_string (LotsenReportSection section)
{
  g_return_val_if_fail (section < LOTSEN_REPORT_N_SECTIONS, NULL);

  return sections[section].columns[0];
}

/**
 * lotsen_report_get_n_columns:
 *
 * Returns: the columns of @section's table, its first (the row's key or
 *   name) included
 */
guint
lotsen_report_get_n_columns (LotsenReportSection section)
{
  g_return_val_if_fail (section < LOTSEN_REPORT_N_SECTIONS, 0);

  return sections[section].n_columns;
}

/**
 * lotsen_report_get_column:
 *
 * Returns: the stable key of a column: the section's own name for the
 *   first, a measure ("visits"), a gender or an age band for the others
 */
const char *
lotsen_report_get_column (LotsenReportSection section,
                          guint               column)
{
  g_return_val_if_fail (section < LOTSEN_REPORT_N_SECTIONS, NULL);
  g_return_val_if_fail (column < sections[section].n_columns, NULL);

  return sections[section].columns[column];
}

/**
 * lotsen_report_get_n_rows:
 *
 * Returns: the rows of @section's table, not counting its header; the
 *   month sections end with a "total" row, services with a "total" row
 */
guint
lotsen_report_get_n_rows (const LotsenReport  *report,
                          LotsenReportSection  section)
{
  g_return_val_if_fail (report != NULL, 0);

  switch (section)
    {
    case LOTSEN_REPORT_SECTION_MONTHS:
    case LOTSEN_REPORT_SECTION_MONTHS_GENDER:
    case LOTSEN_REPORT_SECTION_MONTHS_AGE:
      return report->months->len + 1;
    case LOTSEN_REPORT_SECTION_GENDER:
      return LOTSEN_REPORT_N_GENDERS;
    case LOTSEN_REPORT_SECTION_AGE:
      return LOTSEN_REPORT_N_AGE_BANDS;
    case LOTSEN_REPORT_SECTION_ACTIVITIES:
      return report->activities->len;
    case LOTSEN_REPORT_SECTION_SERVICES:
      return report->services->len + 1;
    case LOTSEN_REPORT_N_SECTIONS:
    default:
      g_return_val_if_reached (0);
    }
}

static guint
measure (const LotsenReportCounts *counts,
         Measure                   which)
{
  switch (which)
    {
    case MEASURE_PARTICIPANTS: return counts->participants;
    case MEASURE_NEW:          return counts->new_participants;
    case MEASURE_RETURNING:    return counts->participants - counts->new_participants;
    case MEASURE_VISITS:       return counts->visits;
    case MEASURE_ANONYMOUS:    return counts->anonymous_visits;
    case MEASURE_SIGNUPS:      return counts->signups;
    case MEASURE_ATTENDED:     return counts->attended;
    case MEASURE_ATTENDEES:    return counts->attendees;
    case MEASURE_NO_SHOWS:     return counts->no_shows;
    default:
      g_assert_not_reached ();
    }
}

static LotsenReportCellKind
set_number (gint64 *number,
            gint64  value)
{
  *number = value;
  return LOTSEN_REPORT_CELL_NUMBER;
}

static LotsenReportCellKind
set_text (const char           **text,
          const char            *value,
          LotsenReportCellKind   kind)
{
  *text = value;
  return kind;
}

static LotsenReportCellKind
get_service_cell (const LotsenReport  *report,
                  guint                row,
                  guint                column,
                  const char         **text,
                  gint64              *number)
{
  const LotsenReportService *service;
  guint tickets = 0, called = 0, no_shows = 0;

  if (row < report->services->len)
    {
      service = report->services->pdata[row];
      switch (column)
        {
        case 0: return set_text (text, service->prefix, LOTSEN_REPORT_CELL_NAME);
        case 1: return set_text (text, service->name, LOTSEN_REPORT_CELL_NAME);
        case 2: return set_number (number, service->tickets);
        case 3: return set_number (number, service->called);
        case 4: return set_number (number, service->no_shows);
        default:
          if (service->median_wait < 0)
            return LOTSEN_REPORT_CELL_EMPTY;
          return set_number (number, service->median_wait);
        }
    }

  /* The total row. */
  for (guint i = 0; i < report->services->len; i++)
    {
      service = report->services->pdata[i];
      tickets += service->tickets;
      called += service->called;
      no_shows += service->no_shows;
    }

  switch (column)
    {
    case 0: return set_text (text, "total", LOTSEN_REPORT_CELL_TEXT);
    case 1: return LOTSEN_REPORT_CELL_EMPTY;
    case 2: return set_number (number, tickets);
    case 3: return set_number (number, called);
    case 4: return set_number (number, no_shows);
    default:
      if (report->median_wait < 0)
        return LOTSEN_REPORT_CELL_EMPTY;
      return set_number (number, report->median_wait);
    }
}

/**
 * lotsen_report_get_cell:
 * @text: (out): for a text or name cell: its text, owned by @report
 * @number: (out): for a number cell: its value
 *
 * One cell of @section's table, as every writer shows it.  A number that
 * does not exist (the median wait of a service nobody was called to) is
 * %LOTSEN_REPORT_CELL_EMPTY.
 *
 * Returns: what the cell holds
 */
LotsenReportCellKind
lotsen_report_get_cell (const LotsenReport   *report,
                        LotsenReportSection   section,
                        guint                 row,
                        guint                 column,
                        const char          **text,
                        gint64               *number)
{
  const LotsenReportMonth *month;
  const LotsenReportActivity *activity;

  g_return_val_if_fail (report != NULL, LOTSEN_REPORT_CELL_EMPTY);
  g_return_val_if_fail (text != NULL && number != NULL, LOTSEN_REPORT_CELL_EMPTY);
  g_return_val_if_fail (row < lotsen_report_get_n_rows (report, section), LOTSEN_REPORT_CELL_EMPTY);
  g_return_val_if_fail (column < lotsen_report_get_n_columns (section), LOTSEN_REPORT_CELL_EMPTY);

  *text = NULL;
  *number = 0;

  switch (section)
    {
    case LOTSEN_REPORT_SECTION_MONTHS:
    case LOTSEN_REPORT_SECTION_MONTHS_GENDER:
    case LOTSEN_REPORT_SECTION_MONTHS_AGE:
      month = row < report->months->len ? report->months->pdata[row] : report->total;
      if (column == 0)
        return set_text (text, month->key, LOTSEN_REPORT_CELL_TEXT);
      if (section == LOTSEN_REPORT_SECTION_MONTHS)
        return set_number (number, measure (&month->counts, months_measures[column - 1]));
      if (section == LOTSEN_REPORT_SECTION_MONTHS_GENDER)
        return set_number (number, month->participants_by_gender[column - 1]);
      return set_number (number, month->participants_by_age[column - 1]);

    case LOTSEN_REPORT_SECTION_GENDER:
      if (column == 0)
        return set_text (text, gender_keys[row], LOTSEN_REPORT_CELL_TEXT);
      return set_number (number, measure (&report->by_gender[row], group_measures[column - 1]));

    case LOTSEN_REPORT_SECTION_AGE:
      if (column == 0)
        return set_text (text, age_keys[row], LOTSEN_REPORT_CELL_TEXT);
      return set_number (number, measure (&report->by_age[row], group_measures[column - 1]));

    case LOTSEN_REPORT_SECTION_ACTIVITIES:
      activity = report->activities->pdata[row];
      switch (column)
        {
        case 0: return set_text (text, activity->title, LOTSEN_REPORT_CELL_NAME);
        case 1: return set_number (number, activity->sessions);
        case 2: return set_number (number, activity->signups);
        case 3: return set_number (number, activity->attended);
        case 4: return set_number (number, activity->attendees);
        default: return set_number (number, activity->no_shows);
        }

    case LOTSEN_REPORT_SECTION_SERVICES:
      return get_service_cell (report, row, column, text, number);

    case LOTSEN_REPORT_N_SECTIONS:
    default:
      g_return_val_if_reached (LOTSEN_REPORT_CELL_EMPTY);
    }
}

static gboolean
write_all (GOutputStream  *out,
           GString        *buffer,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, NULL, &local_error))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                   /* Translators: %s is the reason, e.g. "No space left on device". */
                   _("The export could not be written: %s"),
                   local_error->message);
      return FALSE;
    }

  g_string_truncate (buffer, 0);
  return TRUE;
}

/**
 * lotsen_report_write_csv:
 * @separator: ';' (Swedish Excel) or ','
 * @out: where to write; it is flushed, not closed
 *
 * Writes the report as CSV the way the exports write it (UTF-8 with a
 * BOM, CRLF, staff-entered text neutralised): one table per section, in
 * the order of #LotsenReportSection, each a header row whose first cell
 * names the section, then its rows, and an empty line after it.  Every
 * cell is a stable key, a name or a number.
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_report_write_csv (const LotsenReport  *report,
                         char                 separator,
                         GOutputStream       *out,
                         GError             **error)
{
  g_autoptr(GString) buffer = g_string_new (CSV_BOM);

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (separator != ';' && separator != ',')
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The separator between fields must be “;” or “,”."));
      return FALSE;
    }

  for (LotsenReportSection section = 0; section < LOTSEN_REPORT_N_SECTIONS; section++)
    {
      guint n_columns = lotsen_report_get_n_columns (section);
      guint n_rows = lotsen_report_get_n_rows (report, section);

      if (section > 0)
        g_string_append (buffer, "\r\n");

      for (guint column = 0; column < n_columns; column++)
        lotsen_export_append_csv_cell (buffer, separator, column,
                                       lotsen_report_get_column (section, column), FALSE);
      g_string_append (buffer, "\r\n");

      for (guint row = 0; row < n_rows; row++)
        {
          for (guint column = 0; column < n_columns; column++)
            {
              const char *text;
              gint64 number;
              g_autofree char *digits = NULL;

              switch (lotsen_report_get_cell (report, section, row, column, &text, &number))
                {
                case LOTSEN_REPORT_CELL_NUMBER:
                  digits = g_strdup_printf ("%" G_GINT64_FORMAT, number);
                  lotsen_export_append_csv_cell (buffer, separator, column, digits, FALSE);
                  break;
                case LOTSEN_REPORT_CELL_TEXT:
                  lotsen_export_append_csv_cell (buffer, separator, column, text, FALSE);
                  break;
                case LOTSEN_REPORT_CELL_NAME:
                  lotsen_export_append_csv_cell (buffer, separator, column, text, TRUE);
                  break;
                case LOTSEN_REPORT_CELL_EMPTY:
                default:
                  lotsen_export_append_csv_cell (buffer, separator, column, "", FALSE);
                  break;
                }
            }
          g_string_append (buffer, "\r\n");
        }

      if (!write_all (out, buffer, error))
        return FALSE;
    }

  if (!g_output_stream_flush (out, NULL, error))
    return FALSE;

  return TRUE;
}

static gboolean
write_xlsx_string (lxw_worksheet  *sheet,
                   lxw_row_t       row,
                   lxw_col_t       col,
                   const char     *text,
                   lxw_format     *format,
                   guint          *width,
                   GError        **error)
{
  g_autofree char *cell = lotsen_export_xlsx_cell_text (text);

  *width = MAX (*width, (guint) g_utf8_strlen (cell, -1));
  return lotsen_export_xlsx_check (worksheet_write_string (sheet, row, col, cell, format), error);
}

/* One section as a sheet of its name: a bold, frozen header, then its
 * rows; numbers as numbers, text as strings (never formulas). */
static gboolean
write_xlsx_section (const LotsenReport   *report,
                    LotsenReportSection   section,
                    lxw_workbook         *workbook,
                    lxw_format           *bold,
                    GError              **error)
{
  guint n_columns = lotsen_report_get_n_columns (section);
  guint n_rows = lotsen_report_get_n_rows (report, section);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  lxw_worksheet *sheet;

  sheet = workbook_add_worksheet (workbook, lotsen_report_section_to_string (section));
  if (sheet == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  for (guint column = 0; column < n_columns; column++)
    if (!write_xlsx_string (sheet, 0, column, lotsen_report_get_column (section, column), bold,
                            &widths[column], error))
      return FALSE;

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        const char *text;
        gint64 number;
        g_autofree char *digits = NULL;

        switch (lotsen_report_get_cell (report, section, row, column, &text, &number))
          {
          case LOTSEN_REPORT_CELL_NUMBER:
            digits = g_strdup_printf ("%" G_GINT64_FORMAT, number);
            widths[column] = MAX (widths[column], (guint) strlen (digits));
            if (!lotsen_export_xlsx_check (worksheet_write_number (sheet, row + 1, column, (double) number, NULL),
                                           error))
              return FALSE;
            break;
          case LOTSEN_REPORT_CELL_TEXT:
          case LOTSEN_REPORT_CELL_NAME:
            if (!write_xlsx_string (sheet, row + 1, column, text, NULL, &widths[column], error))
              return FALSE;
            break;
          case LOTSEN_REPORT_CELL_EMPTY:
          default:
            break;
          }
      }

  for (guint column = 0; column < n_columns; column++)
    if (!lotsen_export_xlsx_check (worksheet_set_column (sheet, column, column,
                                                         MIN (widths[column] + 2, XLSX_MAX_WIDTH), NULL),
                                   error))
      return FALSE;

  worksheet_freeze_panes (sheet, 1, 0);
  return TRUE;
}

static gboolean
write_xlsx (const LotsenReport  *report,
            const char          *path,
            GError             **error)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_format *bold;
  gboolean written = TRUE;
  lxw_error result;

  if (workbook == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  for (LotsenReportSection section = 0; section < LOTSEN_REPORT_N_SECTIONS && written; section++)
    written = write_xlsx_section (report, section, workbook, bold, error);

  /* Closing writes the file and frees the workbook, after an error too. */
  result = workbook_close (workbook);

  return written && lotsen_export_xlsx_check (result, error);
}

typedef struct
{
  const LotsenReport *report;
  LotsenReportFormat  format;
} ReportJob;

static gboolean
write_report_file (GOutputStream  *out,
                   const char     *temp_path,
                   const char     *target,
                   GString        *detail,
                   gpointer        user_data,
                   GError        **error)
{
  ReportJob *job = user_data;

  if (job->format == LOTSEN_REPORT_XLSX)
    {
      if (!write_xlsx (job->report, temp_path, error))
        return FALSE;
    }
  else if (!lotsen_report_write_csv (job->report, ';', out, error))
    return FALSE;

  g_string_append_printf (detail, "report %s %s from=%" G_GINT64_FORMAT " to=%" G_GINT64_FORMAT,
                          job->format == LOTSEN_REPORT_XLSX ? "xlsx" : "csv", target,
                          job->report->from, job->report->to);
  return TRUE;
}

/**
 * lotsen_report_to_file:
 * @path: the file to write; an existing file is replaced
 *
 * Writes @report to @path: %LOTSEN_REPORT_CSV as lotsen_report_write_csv()
 * does with ';', %LOTSEN_REPORT_XLSX as a workbook with a sheet per
 * section, named after it.  The file is written, synced, renamed and
 * recorded in the audit table as every export is
 * (lotsen_export_replace_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_report_to_file (LotsenStore         *store,
                       const LotsenReport  *report,
                       LotsenReportFormat   format,
                       const char          *path,
                       GError             **error)
{
  ReportJob job = { report, format };

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (format <= LOTSEN_REPORT_XLSX, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return lotsen_export_replace_file (store, path, write_report_file, &job, error);
}
