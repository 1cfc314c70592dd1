/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-stats.c — the funder report: how many people came, how often, to
 * what, and how long they waited, per local month.
 *
 * Months are local (the store's time zone, Europe/Stockholm by default)
 * while times are stored as UTC seconds, so the month boundaries are
 * worked out here with GDateTime.  The numbers are counted in C while the
 * rows stream past, with no sorting and no row kept: one pass over the
 * period's tickets (the covering index ticket_report, through their local
 * day) and one over the period's sessions with their sign-ups (the
 * covering indexes session_starts_at and signup_report), after one over
 * the people for their gender and age band.  What is kept is small: a
 * word per person (their group, the month they registered) and a bit a
 * month they came in, so that someone who came often is counted once a
 * month and once in the period; sums per month and group; and per
 * service how many waited each second up to four hours (and the rarer
 * other waits as they are), from which the exact median is read off:
 * the middle wait, or the mean of the middle two.
 *
 * After those passes: which of the people who came had come before the
 * period (so that a participant is new in exactly one month, that of
 * their first visit ever); the participants' municipalities, languages
 * and interests from the visitors' answers; and interpreters asked for,
 * by tickets and registrations.  People who signed up with a name and a
 * phone number instead of a code are told apart by the number.
 *
 * The numbers carry stable keys ("woman", "16-24", "signups"); the words
 * people read, in the current gettext language, come from
 * lotsen_report_label().  The waits are kept by lotsen-report-waits.c,
 * the report is read as tables through lotsen-report-table.c and written
 * to a file by lotsen-report-file.c (the PDF by app/admin).
 */

#define G_LOG_DOMAIN "lotsen-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-outcome.h"
#include "lotsen-stats-private.h"
#include "lotsen-visitor.h"

#define DEFAULT_SITE "Lotsen"

/* ?1, ?2: [from, to) in unix seconds; ?3, ?4: the local days from and
 * to (both included) that narrow the tickets down through their index. */
#define TICKETS_IN_RANGE \
  "day BETWEEN ?3 AND ?4 AND created_at >= ?1 AND created_at < ?2"

/* Staff-entered content in Swedish, or in some language when there is
 * no Swedish text (as the export writes it). */
#define SWEDISH_TEXT(column, table, key, id) \
  "(SELECT " column " FROM " table " WHERE " key " = " id " ORDER BY lang = 'sv' DESC, lang LIMIT 1)"

/* Every person's group: the gender band and the age band at the year ?1
 * (a person without a birth year is "unknown"). */
static const char people_sql[] =
  "SELECT id, " LOTSEN_REPORT_GENDER_SQL ("gender") ", "
  LOTSEN_REPORT_AGE_BAND_SQL ("birth_year", "?1") ", phone "
  "FROM visitor";

/* Everyone who came before the period (?1), to tell new participants
 * from returning ones: a ticket (through ticket_report: ?3 is the local
 * day of ?1) or an attended sign-up of a session that started before
 * it; by their person, or by the phone number of a sign-up without one. */
static const char came_before_sql[] =
  "SELECT visitor_id, NULL FROM ticket "
  "WHERE day <= ?3 AND created_at < ?1 AND visitor_id IS NOT NULL "
  "UNION "
  "SELECT g.visitor_id, CASE WHEN g.visitor_id IS NULL THEN g.phone END "
  "FROM session se JOIN signup g ON g.session_id = se.id AND g.status = 'attended' "
  "WHERE se.starts_at < ?1";

/* The visitors' answers the breakdowns are made of. */
static const char answers_sql[] =
  "SELECT id, municipality, lang, interests, employment, education FROM visitor";

/* Interpreters asked for: by the period's tickets (?1 … ?4 as
 * TICKETS_IN_RANGE), and by the people registered in it. */
static const char interpreter_tickets_sql[] =
  "SELECT interpreter_lang, count (*) FROM ticket "
  "WHERE " TICKETS_IN_RANGE " AND interpreter_lang IS NOT NULL AND interpreter_lang <> '' "
  "GROUP BY interpreter_lang";

static const char interpreter_registrations_sql[] =
  "SELECT interpreter_lang, count (*) FROM visitor "
  "WHERE created_at >= ?1 AND created_at < ?2 AND interpreter_lang IS NOT NULL AND interpreter_lang <> '' "
  "GROUP BY interpreter_lang";

/* The period's tickets, read from the covering index ticket_report. */
static const char tickets_sql[] =
  "SELECT created_at, visitor_id, service_id, status = 'no_show', called_at - created_at "
  "FROM ticket WHERE " TICKETS_IN_RANGE;

/* The sessions that start in the period and have started (?2 is the
 * earlier of the period's end and now), each with its sign-ups that were
 * not cancelled (or a row without one), through the index
 * session_starts_at. */
static const char sessions_sql[] =
  "SELECT se.id, se.activity_id, se.cancelled, se.starts_at, g.id IS NOT NULL, g.visitor_id,"
  "       g.status = 'attended', g.status = 'no_show', g.party_size, g.phone "
  "FROM session se LEFT JOIN signup g ON g.session_id = se.id AND g.status <> 'cancelled' "
  "WHERE se.starts_at >= ?1 AND se.starts_at < ?2";

static const char activity_title_sql[] =
  "SELECT " SWEDISH_TEXT ("title", "activity_text", "activity_id", "?1");

static const char services_sql[] =
  "SELECT s.id, s.prefix, " SWEDISH_TEXT ("name", "service_text", "service_id", "s.id") ", s.active "
  "FROM service s ORDER BY s.sort_order, s.prefix";

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(LotsenReportRow * const *) a)->key, (*(LotsenReportRow * const *) b)->key);
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
  g_clear_pointer (&report->municipalities, g_ptr_array_unref);
  g_clear_pointer (&report->languages, g_ptr_array_unref);
  g_clear_pointer (&report->interests, g_ptr_array_unref);
  g_clear_pointer (&report->employments, g_ptr_array_unref);
  g_clear_pointer (&report->educations, g_ptr_array_unref);
  g_clear_pointer (&report->interpreters, g_ptr_array_unref);
  g_clear_pointer (&report->outcomes, g_ptr_array_unref);
  g_free (report->site_name);
  g_free (report->project_name);
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

/* A row a local month that overlaps [from, to), still without numbers. */
static void
add_months (LotsenStore  *store,
            LotsenReport *report)
{
  g_autoptr(GDateTime) local = lotsen_store_to_local (store, report->from);
  g_autoptr(GDateTime) start = g_date_time_new (lotsen_store_get_timezone (store),
                                                g_date_time_get_year (local),
                                                g_date_time_get_month (local), 1, 0, 0, 0);

  while (start != NULL && g_date_time_to_unix (start) < report->to)
    {
      g_autoptr(GDateTime) next = g_date_time_add_months (start, 1);

      if (next == NULL)
        break;

      g_ptr_array_add (report->months,
                       month_new (g_date_time_format (start, "%Y-%m"),
                                  MAX (report->from, g_date_time_to_unix (start)),
                                  MIN (report->to, g_date_time_to_unix (next))));

      g_date_time_unref (start);
      start = g_steal_pointer (&next);
    }
}

/* A person as the report counts them: a word for their group (the
 * gender and age bands, and whether they came before the period), then a
 * bit a month they came in.  Kept together, so that a row costs one look
 * into memory.  A visitor id without a visitor row (if one ever appears)
 * is a person of unknown gender and age. */
#define PERSON_GENDER(p) ((guint) ((p)[0] & 0xff))
#define PERSON_AGE(p)    ((guint) (((p)[0] >> 8) & 0xff))
#define CAME_BEFORE      (G_GUINT64_CONSTANT (1) << 16)

static guint64
person_word (guint gender,
             guint age)
{
  return (guint64) gender | (guint64) age << 8;
}

#define UNKNOWN_PERSON person_word (LOTSEN_REPORT_GENDER_UNKNOWN, LOTSEN_REPORT_AGE_UNKNOWN)

/* A month's numbers are added up per group of people (a gender band ×
 * an age band), and for the visits without a person. */
#define N_GROUPS  (LOTSEN_REPORT_N_GENDERS * LOTSEN_REPORT_N_AGE_BANDS + 1)
#define ANONYMOUS (N_GROUPS - 1)

typedef struct
{
  gint64       id;
  gboolean     active;
  char        *prefix;
  char        *name;
  guint        tickets;
  guint        called;
  guint        no_shows;
  LotsenWaits  waits;
} ServiceTally;

typedef struct
{
  gint64  id;
  char   *title; /* NULL: no text in any language */
  guint   sessions;
  guint   signups;
  guint   attended;
  guint   attendees;
  guint   no_shows;
} ActivityTally;

/* What one pass over the period's rows keeps: a few bytes a person (their
 * group and a bit a month they came in), the services and activities. */
typedef struct
{
  LotsenStore  *store;
  LotsenReport *report;
  gint64       *starts;     /* each month's start, ascending */
  guint         n_months;
  guint         last_month; /* where the previous row was; rows come roughly in time order */
  guint         stride;     /* a person's words: their group, then their months */
  gint64        n_dense;    /* people with ids 0 … n_dense - 1 live in @people */
  guint64      *people;     /* n_dense × stride */
  GHashTable   *others;     /* the other ids: gint64 → their words */
  LotsenReportCounts *cells; /* n_months × N_GROUPS */
  GArray       *services;   /* ServiceTally, in the kiosk's order */
  LotsenWaits   unlisted;   /* waits at a service id that is not in the service table */
  GHashTable   *activities; /* gint64 id → ActivityTally */
  GHashTable   *sessions;   /* gint64 ids of the sessions counted */
  GHashTable   *phones;     /* a phone number's digits → the words of the person who signed up with it */
  GHashTable   *visitor_phones; /* a registered visitor's phone number's digits → their id (gint64 *) */
} Tally;

static void
tally_clear (Tally *tally)
{
  g_free (tally->starts);
  g_free (tally->people);
  g_free (tally->cells);
  g_clear_pointer (&tally->others, g_hash_table_unref);
  if (tally->services != NULL)
    for (guint i = 0; i < tally->services->len; i++)
      {
        ServiceTally *service = &g_array_index (tally->services, ServiceTally, i);

        g_free (service->prefix);
        g_free (service->name);
        lotsen_waits_clear (&service->waits);
      }
  g_clear_pointer (&tally->services, g_array_unref);
  lotsen_waits_clear (&tally->unlisted);
  g_clear_pointer (&tally->activities, g_hash_table_unref);
  g_clear_pointer (&tally->sessions, g_hash_table_unref);
  g_clear_pointer (&tally->phones, g_hash_table_unref);
  g_clear_pointer (&tally->visitor_phones, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tally, tally_clear)

static void
activity_tally_free (ActivityTally *activity)
{
  g_free (activity->title);
  g_free (activity);
}

/* The month @at lies in; @at is inside the period. */
static guint
find_month (Tally  *tally,
            gint64  at)
{
  guint low = 0, high = tally->n_months;
  guint last = tally->last_month;

  if (tally->starts[last] <= at && (last + 1 == tally->n_months || at < tally->starts[last + 1]))
    return last;

  /* The last month that starts at or before @at. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (tally->starts[middle] <= at)
        low = middle;
      else
        high = middle;
    }

  tally->last_month = low;
  return low;
}

static guint64 *
find_person (Tally  *tally,
             gint64  id)
{
  guint64 *person;

  if (id >= 0 && id < tally->n_dense)
    return tally->people + id * tally->stride;

  person = g_hash_table_lookup (tally->others, &id);
  if (person == NULL)
    {
      person = g_new0 (guint64, tally->stride);
      person[0] = UNKNOWN_PERSON;
      g_hash_table_insert (tally->others, g_memdup2 (&id, sizeof id), person);
    }

  return person;
}

static gboolean
step_failed (Tally   *tally,
             int      rc,
             GError **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;

  lotsen_store_set_error (tally->store, error);
  return TRUE;
}

/* A phone number as the report tells people apart by it: its digits,
 * with a leading 0 read as Sweden's +46 ("070-123 45 67" and
 * "+46 70 123 45 67" are one number); NULL when it has too few digits
 * to be a phone number. */
static char *
phone_key (const char *phone)
{
  GString *digits;

  if (phone == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  if (g_str_has_prefix (digits->str, "00"))
    g_string_erase (digits, 0, 2);
  else if (digits->str[0] == '0')
    {
      g_string_erase (digits, 0, 1);
      g_string_prepend (digits, "46");
    }

  if (digits->len < 6)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }

  return g_string_free (digits, FALSE);
}

/* The words of the person who signed up with the phone number @key:
 * the registered visitor who gave it, or else the one person everyone
 * who signed up with it is taken to be. */
static guint64 *
find_phone (Tally *tally,
            char  *key)
{
  gint64 *visitor_id = g_hash_table_lookup (tally->visitor_phones, key);
  guint64 *person;

  if (visitor_id != NULL)
    return find_person (tally, *visitor_id);

  person = g_hash_table_lookup (tally->phones, key);

  if (person == NULL)
    {
      person = g_new0 (guint64, tally->stride);
      person[0] = UNKNOWN_PERSON;
      g_hash_table_insert (tally->phones, g_strdup (key), person);
    }

  return person;
}

/* Everyone who came before the period is not new in it. */
static gboolean
mark_came_before (Tally   *tally,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (tally->store, came_before_sql, error);
  g_autofree char *first_day = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  first_day = lotsen_store_format_local_day (tally->store, tally->report->from);
  sqlite3_bind_int64 (stmt, 1, tally->report->from);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        find_person (tally, sqlite3_column_int64 (stmt, 0))[0] |= CAME_BEFORE;
      else
        {
          g_autofree char *key = phone_key ((const char *) sqlite3_column_text (stmt, 1));

          if (key != NULL)
            find_phone (tally, key)[0] |= CAME_BEFORE;
        }
    }

  return !step_failed (tally, rc, error);
}

/* Sets up the months and every person's group.  The people's arrays
 * reach up to the highest visitor id unless ids are far sparser than
 * people (an import could make them so); the others go into a table. */
static gboolean
tally_init (Tally         *tally,
            LotsenStore   *store,
            LotsenReport  *report,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) size = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean with_phones;
  gint64 max_id, count;
  int rc;

  tally->store = store;
  tally->report = report;
  tally->n_months = report->months->len;
  tally->starts = g_new (gint64, tally->n_months);
  for (guint i = 0; i < tally->n_months; i++)
    tally->starts[i] = ((LotsenReportMonth *) report->months->pdata[i])->start;
  tally->stride = 1 + (tally->n_months + 63) / 64;
  tally->cells = g_new0 (LotsenReportCounts, tally->n_months * N_GROUPS);
  tally->others = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  tally->services = g_array_new (FALSE, TRUE, sizeof (ServiceTally));
  tally->activities = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                             (GDestroyNotify) activity_tally_free);
  tally->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  tally->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tally->visitor_phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  size = lotsen_store_prepare (store, "SELECT max (id), count (*) FROM visitor", error);
  if (size == NULL)
    return FALSE;
  if (sqlite3_step (size) != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }
  max_id = sqlite3_column_int64 (size, 0);
  count = sqlite3_column_int64 (size, 1);

  tally->n_dense = CLAMP (max_id + 1, 0, 4 * count + 65536);
  tally->people = g_new0 (guint64, tally->n_dense * tally->stride);
  for (gint64 i = 0; i < tally->n_dense; i++)
    tally->people[i * tally->stride] = UNKNOWN_PERSON;

  /* The visitors' numbers matter only when someone signed up with a
   * number instead of a code. */
  g_clear_pointer (&size, sqlite3_finalize);
  size = lotsen_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM signup WHERE visitor_id IS NULL AND "
                                      "phone IS NOT NULL AND status = 'attended')", error);
  if (size == NULL)
    return FALSE;
  if (sqlite3_step (size) != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }
  with_phones = sqlite3_column_int (size, 0) != 0;

  stmt = lotsen_store_prepare (store, people_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, report->age_year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 *person = find_person (tally, sqlite3_column_int64 (stmt, 0));
      int gender = sqlite3_column_int (stmt, 1);
      int age = sqlite3_column_int (stmt, 2);
      g_autofree char *key = with_phones ? phone_key ((const char *) sqlite3_column_text (stmt, 3)) : NULL;

      g_assert (gender >= 0 && gender < LOTSEN_REPORT_N_GENDERS && age >= 0 && age < LOTSEN_REPORT_N_AGE_BANDS);
      person[0] = person_word (gender, age);

      /* Two visitors with one number: the first keeps it. */
      if (key != NULL && !g_hash_table_contains (tally->visitor_phones, key))
        g_hash_table_insert (tally->visitor_phones, g_steal_pointer (&key),
                             g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
    }

  if (step_failed (tally, rc, error))
    return FALSE;

  return mark_came_before (tally, error);
}

/* One visit, sign-up or both at @at, by the person in @visitor_column
 * or by nobody (SQL NULL); a visit by nobody with a phone number in
 * @phone_column (-1: none) is a visit of the person with that number. */
static void
count_event (Tally                    *tally,
             gint64                    at,
             sqlite3_stmt             *stmt,
             int                       visitor_column,
             int                       phone_column,
             const LotsenReportCounts *event)
{
  guint month = find_month (tally, at);
  guint group = ANONYMOUS;
  guint64 *person = NULL;

  if (sqlite3_column_type (stmt, visitor_column) != SQLITE_NULL)
    {
      person = find_person (tally, sqlite3_column_int64 (stmt, visitor_column));
      group = PERSON_GENDER (person) * LOTSEN_REPORT_N_AGE_BANDS + PERSON_AGE (person);
    }
  else if (phone_column >= 0)
    {
      g_autofree char *key = phone_key ((const char *) sqlite3_column_text (stmt, phone_column));
      gint64 *visitor_id = key != NULL ? g_hash_table_lookup (tally->visitor_phones, key) : NULL;

      /* A registered visitor's number: theirs, in their group. */
      if (visitor_id != NULL)
        {
          person = find_person (tally, *visitor_id);
          group = PERSON_GENDER (person) * LOTSEN_REPORT_N_AGE_BANDS + PERSON_AGE (person);
        }
      else if (key != NULL && event->visits > 0)
        person = find_phone (tally, key);
    }

  if (person != NULL && event->visits > 0)
    person[1 + month / 64] |= G_GUINT64_CONSTANT (1) << (month % 64);

  add_counts (&tally->cells[month * N_GROUPS + group], event);
}

/* The groups' counts into the months, the period and the groups. */
static void
count_groups (Tally *tally)
{
  LotsenReport *report = tally->report;

  for (guint index = 0; index < tally->n_months; index++)
    {
      LotsenReportMonth *month = report->months->pdata[index];

      for (guint group = 0; group < N_GROUPS; group++)
        {
          LotsenReportCounts counts = tally->cells[index * N_GROUPS + group];
          guint gender = LOTSEN_REPORT_GENDER_UNKNOWN, age = LOTSEN_REPORT_AGE_UNKNOWN;

          if (group == ANONYMOUS)
            counts.anonymous_visits = counts.visits;
          else
            {
              gender = group / LOTSEN_REPORT_N_AGE_BANDS;
              age = group % LOTSEN_REPORT_N_AGE_BANDS;
            }

          add_counts (&month->counts, &counts);
          add_counts (&report->total->counts, &counts);
          add_counts (&report->by_gender[gender], &counts);
          add_counts (&report->by_age[age], &counts);
        }
    }
}

static ServiceTally *
find_service (Tally  *tally,
              gint64  id)
{
  for (guint i = 0; i < tally->services->len; i++)
    {
      ServiceTally *service = &g_array_index (tally->services, ServiceTally, i);

      if (service->id == id)
        return service;
    }

  return NULL;
}

static gboolean
read_services (Tally   *tally,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (tally->store, services_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ServiceTally service = {
        .id = sqlite3_column_int64 (stmt, 0),
        .prefix = lotsen_store_column_text (stmt, 1),
        .name = lotsen_store_column_text (stmt, 2),
        .active = sqlite3_column_int (stmt, 3) != 0,
      };

      g_array_append_val (tally->services, service);
    }

  return !step_failed (tally, rc, error);
}

/* Every ticket of the period once: a visit, and its service's numbers. */
static gboolean
count_tickets (Tally   *tally,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (tally->store, tickets_sql, error);
  static const LotsenReportCounts visit = { .visits = 1 };
  ServiceTally *service = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_range (tally->store, stmt, tally->report->from, tally->report->to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 service_id = sqlite3_column_int64 (stmt, 2);
      LotsenWaits *waits;

      count_event (tally, sqlite3_column_int64 (stmt, 0), stmt, 1, -1, &visit);

      if (service == NULL || service->id != service_id)
        service = find_service (tally, service_id);

      if (service != NULL)
        {
          service->tickets++;
          service->no_shows += sqlite3_column_int (stmt, 3);
        }

      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL)
        continue;

      waits = &tally->unlisted;
      if (service != NULL)
        {
          service->called++;
          waits = &service->waits;
        }
      lotsen_waits_add (waits, sqlite3_column_int64 (stmt, 4));
    }

  return !step_failed (tally, rc, error);
}

/* Every session of the period once, with its sign-ups: the activities'
 * numbers and the sign-ups' visits. */
static gboolean
count_sessions (Tally   *tally,
                GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (tally->store, sessions_sql, error);
  ActivityTally *activity = NULL;
  gint64 last_session = 0;
  gboolean first = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (tally->report->sessions_until <= tally->report->from)
    return TRUE;

  sqlite3_bind_int64 (stmt, 1, tally->report->from);
  sqlite3_bind_int64 (stmt, 2, tally->report->sessions_until);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      gint64 activity_id = sqlite3_column_int64 (stmt, 1);
      gboolean attended = sqlite3_column_int (stmt, 6) != 0;
      LotsenReportCounts signup = {
        .visits = attended,
        .signups = 1,
        .attended = attended,
        .attendees = attended ? sqlite3_column_int (stmt, 8) : 0,
        .no_shows = sqlite3_column_int (stmt, 7) != 0,
      };

      if (activity == NULL || activity->id != activity_id)
        {
          activity = g_hash_table_lookup (tally->activities, &activity_id);
          if (activity == NULL)
            {
              activity = g_new0 (ActivityTally, 1);
              activity->id = activity_id;
              g_hash_table_insert (tally->activities, &activity->id, activity);
            }
        }

      /* A session's rows come together; the set makes sure of it. */
      if ((first || session_id != last_session) && sqlite3_column_int (stmt, 2) == 0 &&
          g_hash_table_add (tally->sessions, g_memdup2 (&session_id, sizeof session_id)))
        activity->sessions++;
      first = FALSE;
      last_session = session_id;

      /* A session without sign-ups. */
      if (sqlite3_column_int (stmt, 4) == 0)
        continue;

      activity->signups++;
      activity->attended += signup.attended;
      activity->attendees += signup.attendees;
      activity->no_shows += signup.no_shows;

      count_event (tally, sqlite3_column_int64 (stmt, 3), stmt, 5, 9, &signup);
    }

  return !step_failed (tally, rc, error);
}

/* The lowest bit set in @bits, which is not 0. */
static guint
lowest_bit (guint64 bits)
{
  guint32 low = (guint32) bits;

  return low != 0 ? (guint) g_bit_nth_lsf (low, -1) : 32 + (guint) g_bit_nth_lsf ((guint32) (bits >> 32), -1);
}

/* Whether @person came in the period. */
static gboolean
person_came (Tally         *tally,
             const guint64 *person)
{
  for (guint word = 1; word < tally->stride; word++)
    if (person[word] != 0)
      return TRUE;

  return FALSE;
}

/* A person who came: once in each month they came in, once in the
 * period, in their groups; new in the first month they came in unless
 * they came before the period. */
static void
count_participant (Tally         *tally,
                   const guint64 *person)
{
  LotsenReport *report = tally->report;
  guint gender = PERSON_GENDER (person), age = PERSON_AGE (person);
  gboolean is_new = (person[0] & CAME_BEFORE) == 0;
  gboolean came = FALSE;

  for (guint word = 1; word < tally->stride; word++)
    for (guint64 bits = person[word]; bits != 0; bits &= bits - 1)
      {
        guint index = (word - 1) * 64 + lowest_bit (bits);
        LotsenReportMonth *month = report->months->pdata[index];

        month->counts.participants++;
        month->participants_by_gender[gender]++;
        month->participants_by_age[age]++;
        if (is_new && !came)
          month->counts.new_participants++;
        came = TRUE;
      }

  if (!came)
    return;

  report->total->counts.participants++;
  report->total->participants_by_gender[gender]++;
  report->total->participants_by_age[age]++;
  report->participants_by_gender_age[gender][age]++;
  report->by_gender[gender].participants++;
  report->by_age[age].participants++;
  if (is_new)
    {
      report->total->counts.new_participants++;
      report->by_gender[gender].new_participants++;
      report->by_age[age].new_participants++;
    }
}

static void
count_participants (Tally *tally)
{
  GHashTableIter iter;
  guint64 *person;

  for (gint64 id = 0; id < tally->n_dense; id++)
    count_participant (tally, tally->people + id * tally->stride);

  g_hash_table_iter_init (&iter, tally->others);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &person))
    count_participant (tally, person);

  g_hash_table_iter_init (&iter, tally->phones);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &person))
    count_participant (tally, person);
}

static void
row_free (LotsenReportRow *row)
{
  g_free (row->key);
  g_free (row);
}

/* @counts (char * → guint count) as rows: most first, then by key, and
 * @unknown participants last as "unknown" when there are any. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const LotsenReportRow *x = *(LotsenReportRow * const *) a;
  const LotsenReportRow *y = *(LotsenReportRow * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->key, y->key);
}

static void
add_row (GPtrArray  *rows,
         const char *key,
         guint       count)
{
  LotsenReportRow *row = g_new0 (LotsenReportRow, 1);

  row->key = g_strdup (key);
  row->count = count;
  g_ptr_array_add (rows, row);
}

static void
add_rows (GPtrArray  *rows,
          GHashTable *counts,
          guint       unknown)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_row (rows, key, GPOINTER_TO_UINT (value));
  g_ptr_array_sort (rows, compare_rows);

  if (unknown > 0)
    add_row (rows, "unknown", unknown);
}

static void
count_up (GHashTable *counts,
          const char *key)
{
  g_hash_table_insert (counts, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

/* The participants' municipalities, languages, interests and ESF+
 * answers, from the visitors' answers; the participants without an answer (or without a
 * visitor row: those who signed up with a phone number) are "unknown". */
static gboolean
count_answers (Tally   *tally,
               GError **error)
{
  LotsenReport *report = tally->report;
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (tally->store, answers_sql, error);
  g_autoptr(GHashTable) municipalities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *keys = lotsen_visitor_get_interests ();
  guint n_keys = g_strv_length ((char **) keys);
  g_autofree guint *interests = g_new0 (guint, n_keys);
  guint with_municipality = 0, with_language = 0, with_interest = 0;
  guint employments[LOTSEN_N_EMPLOYMENTS] = { 0 };
  guint educations[LOTSEN_N_EDUCATIONS] = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *municipality = (const char *) sqlite3_column_text (stmt, 1);
      const char *language = (const char *) sqlite3_column_text (stmt, 2);
      const char *interest_list = (const char *) sqlite3_column_text (stmt, 3);
      gboolean any = FALSE;

      if (!person_came (tally, find_person (tally, sqlite3_column_int64 (stmt, 0))))
        continue;

      if (municipality != NULL && *municipality != '\0')
        {
          count_up (municipalities, municipality);
          with_municipality++;
        }
      if (language != NULL && *language != '\0')
        {
          count_up (languages, language);
          with_language++;
        }
      if (interest_list != NULL && *interest_list != '\0')
        {
          g_auto(GStrv) ticked = g_strsplit (interest_list, ",", -1);

          for (guint i = 0; i < n_keys; i++)
            if (g_strv_contains ((const char * const *) ticked, keys[i]))
              {
                interests[i]++;
                any = TRUE;
              }
        }
      with_interest += any;

      employments[lotsen_employment_from_string ((const char *) sqlite3_column_text (stmt, 4))]++;
      educations[lotsen_education_from_string ((const char *) sqlite3_column_text (stmt, 5))]++;
    }

  if (step_failed (tally, rc, error))
    return FALSE;

  add_rows (report->municipalities, municipalities, report->total->counts.participants - with_municipality);
  add_rows (report->languages, languages, report->total->counts.participants - with_language);

  /* Interests in the order the kiosk asks them, every one shown. */
  for (guint i = 0; i < n_keys; i++)
    add_row (report->interests, keys[i], interests[i]);
  add_row (report->interests, "unknown", report->total->counts.participants - with_interest);

  /* The ESF+ answers in the order the kiosk asks them, every one shown;
   * "unknown": not asked (the site did not ask then) or not answered. */
  {
    guint answered = 0;

    for (guint i = 1; i < LOTSEN_N_EMPLOYMENTS; i++)
      {
        add_row (report->employments, lotsen_employment_to_string (i), employments[i]);
        answered += employments[i];
      }
    add_row (report->employments, "unknown", report->total->counts.participants - answered);

    answered = 0;
    for (guint i = 1; i < LOTSEN_N_EDUCATIONS; i++)
      {
        add_row (report->educations, lotsen_education_to_string (i), educations[i]);
        answered += educations[i];
      }
    add_row (report->educations, "unknown", report->total->counts.participants - answered);
  }

  return TRUE;
}

/* Interpreter languages asked for by the period's tickets and by the
 * people who registered in it, by language code. */
static gboolean
count_interpreters (Tally   *tally,
                    GError **error)
{
  LotsenReport *report = tally->report;
  g_autoptr(sqlite3_stmt) tickets = lotsen_store_prepare (tally->store, interpreter_tickets_sql, error);
  g_autoptr(sqlite3_stmt) registrations = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  int rc;

  if (tickets == NULL)
    return FALSE;
  registrations = lotsen_store_prepare (tally->store, interpreter_registrations_sql, error);
  if (registrations == NULL)
    return FALSE;

  rows = g_hash_table_new (g_str_hash, g_str_equal);
  bind_range (tally->store, tickets, report->from, report->to);
  while ((rc = sqlite3_step (tickets)) == SQLITE_ROW)
    {
      LotsenReportRow *row = g_new0 (LotsenReportRow, 1);

      row->key = lotsen_store_column_text (tickets, 0);
      row->count = sqlite3_column_int (tickets, 1);
      g_hash_table_insert (rows, row->key, row);
      g_ptr_array_add (report->interpreters, row);
    }
  if (step_failed (tally, rc, error))
    return FALSE;

  sqlite3_bind_int64 (registrations, 1, report->from);
  sqlite3_bind_int64 (registrations, 2, report->to);
  while ((rc = sqlite3_step (registrations)) == SQLITE_ROW)
    {
      const char *lang = (const char *) sqlite3_column_text (registrations, 0);
      LotsenReportRow *row = g_hash_table_lookup (rows, lang);

      if (row == NULL)
        {
          row = g_new0 (LotsenReportRow, 1);
          row->key = g_strdup (lang);
          g_hash_table_insert (rows, row->key, row);
          g_ptr_array_add (report->interpreters, row);
        }
      row->count2 = sqlite3_column_int (registrations, 1);
    }
  if (step_failed (tally, rc, error))
    return FALSE;

  g_ptr_array_sort (report->interpreters, compare_keys);
  return TRUE;
}

/* The services in the kiosk's order: active ones, and inactive ones
 * with tickets in the period. */
static void
finish_services (Tally *tally)
{
  LotsenReport *report = tally->report;
  LotsenWaits all = { 0 };

  for (guint i = 0; i < tally->services->len; i++)
    {
      ServiceTally *tallied = &g_array_index (tally->services, ServiceTally, i);
      LotsenReportService *service;

      lotsen_waits_merge (&all, &tallied->waits);
      if (!tallied->active && tallied->tickets == 0)
        continue;

      service = g_new0 (LotsenReportService, 1);
      service->prefix = g_steal_pointer (&tallied->prefix);
      service->name = tallied->name != NULL ? g_steal_pointer (&tallied->name) : g_strdup ("");
      service->tickets = tallied->tickets;
      service->called = tallied->called;
      service->no_shows = tallied->no_shows;
      service->median_wait = lotsen_waits_median (&tallied->waits);
      g_ptr_array_add (report->services, service);
    }

  lotsen_waits_merge (&all, &tally->unlisted);
  report->median_wait = lotsen_waits_median (&all);
  lotsen_waits_clear (&all);
}

/* By title (byte order, an activity without any title first), then by
 * id, as SQL would order them. */
static int
compare_activities (gconstpointer a,
                    gconstpointer b)
{
  const ActivityTally *x = *(ActivityTally * const *) a;
  const ActivityTally *y = *(ActivityTally * const *) b;
  int order;

  if ((x->title == NULL) != (y->title == NULL))
    return x->title == NULL ? -1 : 1;
  if (x->title != NULL && (order = strcmp (x->title, y->title)) != 0)
    return order;
  return (x->id > y->id) - (x->id < y->id);
}

/* The activities with a session in the period, by title. */
static gboolean
finish_activities (Tally   *tally,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (tally->store, activity_title_sql, error);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  ActivityTally *tallied;

  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, tally->activities);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tallied))
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, tallied->id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          lotsen_store_set_error (tally->store, error);
          return FALSE;
        }
      tallied->title = lotsen_store_column_text (stmt, 0);
      g_ptr_array_add (sorted, tallied);
    }

  g_ptr_array_sort (sorted, compare_activities);

  for (guint i = 0; i < sorted->len; i++)
    {
      LotsenReportActivity *activity = g_new0 (LotsenReportActivity, 1);

      tallied = sorted->pdata[i];
      activity->title = g_strdup (tallied->title != NULL ? tallied->title : "");
      activity->sessions = tallied->sessions;
      activity->signups = tallied->signups;
      activity->attended = tallied->attended;
      activity->attendees = tallied->attendees;
      activity->no_shows = tallied->no_shows;
      g_ptr_array_add (tally->report->activities, activity);
    }

  return TRUE;
}

/* Everything in the report, from one pass over the period's tickets and
 * one over its sessions with their sign-ups. */
static gboolean
count_report (LotsenStore   *store,
              LotsenReport  *report,
              GError       **error)
{
  g_auto(Tally) tally = { 0 };

  add_months (store, report);
  report->median_wait = -1;
  if (report->months->len == 0)
    return TRUE;

  if (!tally_init (&tally, store, report, error) ||
      !read_services (&tally, error) ||
      !count_tickets (&tally, error) ||
      !count_sessions (&tally, error) ||
      !finish_activities (&tally, error))
    return FALSE;

  count_groups (&tally);
  count_participants (&tally);
  finish_services (&tally);
  return count_answers (&tally, error) && count_interpreters (&tally, error);
}

/* The outcome figures (lotsen-outcome.c) into @report. */
static gboolean
count_outcomes (LotsenStore   *store,
                LotsenReport  *report,
                GError       **error)
{
  LotsenOutcomeFigures figures;
  const char * const *kinds = lotsen_outcome_get_kinds (NULL);

  if (!lotsen_outcome_count (store, report->from, report->to, report->age_year,
                             LOTSEN_OUTCOME_WINDOW_DAYS, &figures, error))
    return FALSE;

  memcpy (report->outcome_cohort, figures.cohort, sizeof report->outcome_cohort);
  memcpy (report->outcome_within, figures.within, sizeof report->outcome_within);
  for (guint i = 0; i < figures.n_kinds; i++)
    add_row (report->outcomes, kinds[i], figures.by_kind[i]);

  lotsen_outcome_figures_clear (&figures);
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
 * age band (age in the local year of @from) and by both; every activity
 * with a session in the period that has started by now (later sessions
 * and their sign-ups are not counted); the participants by municipality,
 * language and interest; interpreters asked for by language; every active service or one with tickets in
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
  g_autofree char *project_name = NULL;
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
  project_name = lotsen_store_get_setting (store, "project_name");

  report = g_new0 (LotsenReport, 1);
  report->from = from;
  report->to = to;
  report->age_year = g_date_time_get_year (start);
  report->site_name = site_name != NULL && *site_name != '\0'
                      ? g_steal_pointer (&site_name) : g_strdup (DEFAULT_SITE);
  report->project_name = project_name != NULL && *project_name != '\0' ? g_steal_pointer (&project_name) : NULL;
  report->made_at = lotsen_store_now (store);
  report->sessions_until = MIN (to, report->made_at);
  report->months = g_ptr_array_new_with_free_func ((GDestroyNotify) month_free);
  report->total = month_new (g_strdup ("total"), from, to);
  report->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) activity_free);
  report->services = g_ptr_array_new_with_free_func ((GDestroyNotify) service_free);
  report->municipalities = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->interests = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->employments = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->educations = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->interpreters = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  /* One snapshot for every query. */
  if (!lotsen_store_exec (store, "BEGIN", error))
    return NULL;

  counted = count_report (store, report, error) && count_outcomes (store, report, error);

  lotsen_store_rollback (store);

  if (!counted)
    return NULL;

  return g_steal_pointer (&report);
}
