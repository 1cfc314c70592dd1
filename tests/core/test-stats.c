/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The funder report: every number of a small, hand-counted fixture, in
 * the report itself, in its CSV cell by cell, and in its workbook; and
 * every number of reports on a few thousand random rows against plain
 * SQL (GROUP BY, window functions) computing the same. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lotsen-i18n.h"
#include "lotsen-queue.h"
#include "lotsen-stats.h"
#include "lotsen-test-core.h"
#include "lotsen-visitor.h"

#define BOM "\xEF\xBB\xBF"

/* The fixture.  The period is October and November 2026 in Stockholm:
 * [2026-10-01 00:00, 2026-12-01 00:00) local; ages are counted in 2026.
 * Summer time ends on 2026-10-25, so local midnight of 1 November is
 * 2026-10-31 23:00 UTC.  The report is made on 2026-11-25 (TEST_NOW).
 *
 * Visitors (gender, birth year → age band, registered; municipality,
 * language, interests, interpreter):
 *   V1 woman    2000 → 25-34    2026-03-10   Malmö, ar, work+swedish
 *   V2 man      1990 → 35-44    2026-10-05   Lund,  sv, work; interpreter ar
 *   V3 other    1960 → 65+      2026-11-03   Malmö, sv, health; interpreter fa
 *   V4 unstated none → unknown  2025-06-01   -
 *   V5 woman    2011 → 0-15     2026-10-20   Malmö, sv
 *   V6 man      1970 → 55-64    2026-09-01   Lund, ar, work; phone +46 70 222 33 44
 *   V7 no gender 1980 → 45-54   2026-01-01   ti
 *   V8 man      1985            2026-10-10   never came: no participant
 * People who signed up with a name and a phone number only:
 *   P1 "Amal" 070-111 22 33, written +46 70 111 22 33 the second time
 *   P2 "Bo"   0702223344, written 070 222 33 44 the second time: V6's
 *             number, so P2 is V6 (once per phone number)
 *
 * Tickets (local time taken, wait until called; interpreter):
 *   T-2 V7  A 2026-06-01 10:00  — before the period: V7 came before
 *   T-1 V4  A 2026-08-15 10:00  — before the period: V4 came before
 *   T0 V6   A 2026-09-30 23:59  — before the period; interpreter ar
 *   T1 V1   A 2026-10-05 10:00  240 s, done; interpreter ar
 *   T2 anon A 2026-10-05 10:10   30 s, done; interpreter ar
 *   T3 V2   B 2026-10-12 09:00  250 s, done
 *   T4 V1   A 2026-10-31 23:30   60 s, done   (22:30 UTC: October either way)
 *   T5 V1   A 2026-11-01 00:30  300 s, done   (still 31 October in UTC: November locally)
 *   T6 anon B 2026-11-03 14:00  900 s, no-show
 *   T7 V7   A 2026-11-10 11:00  200 s, done; interpreter ti
 *   T8 V3   A 2026-11-20 13:00  never called
 *   T9 V2   A 2026-12-01 00:00  — the period's end is not in it; interpreter so
 *
 * Activities: X "Språkcafé" (sv and en titles), Y "Sewing" (en only).
 * Sessions and sign-ups (party size 1 unless said):
 *   S0 Y 2026-09-20 18:00: P2 attended — before the period: V6 came before
 *   S1 X 2026-10-13 15:00: V1 attended, V4 attended (party 2),
 *                          V6 cancelled, anon no-show, P1 attended
 *   S5 Y 2026-10-20 18:00: V5 attended, V2 no-show, P2 attended
 *   S2 X 2026-11-10 15:00: V1 attended, V3 confirmed, V6 cancelled,
 *                          P1 attended (party 3)
 *   S3 Y 2026-11-18 18:00, cancelled session: V7 confirmed
 *   S6 X 2026-11-28 15:00, after the report is made: V3 attended, V5
 *                          confirmed — not counted at all
 *   S4 X 2026-12-01 15:00: V2 attended — after the period
 *
 * October: tickets T1–T4 (4); sign-ups S1 ×4 + S5 ×3 = 7, attended 5
 * (V1, V4, P1, V5, V6 as P2), attendees 1 + 2 + 1 + 1 + 1 = 6, no-shows
 * 2; visits 4 + 5 = 9, of them without a person T2, P1 = 2.  Participants
 * V1 V2 V4 V5 V6 P1 = 6; new (their first visit ever) V1 V2 V5 P1 = 4;
 * V4 and V6 came before the period.
 * November: tickets T5–T8 (4); sign-ups S2 ×3 + S3 ×1 = 4, attended 2
 * (V1, P1), attendees 1 + 3 = 4, no-shows 0; visits 4 + 2 = 6, of them
 * anonymous T6 + P1 = 2.  Participants V1 V3 V7 P1 = 4, new V3 = 1 (V1
 * and P1 were new in October, V7 came before).
 * The period: participants V1 V2 V3 V4 V5 V6 V7 P1 = 8, new 4 + 1 = 5;
 * the rest sums.
 *
 * Waits: A 30 60 200 240 300 → 200 (the middle one); B 250 900 → 575
 * (the mean of the middle two); all 30 60 200 240 250 300 900 → 240.
 */

static const char * const expected_months[][10] = {
  { "months", "participants", "new_participants", "returning_participants", "visits",
    "anonymous_visits", "signups", "attended", "attendees", "no_shows" },
  { "2026-10", "6", "4", "2", "9", "2", "7", "5", "6", "2" },
  { "2026-11", "4", "1", "3", "6", "2", "4", "2", "4", "0" },
  { "total",   "8", "5", "3", "15", "4", "11", "7", "10", "2" },
};

/* Participants: October V1 V5 women, V2 V6 men, V4 unstated, P1
 * unknown; November V1 woman, V3 other, V7 P1 unknown. */
static const char * const expected_months_gender[][6] = {
  { "months_by_gender", "woman", "man", "other", "unstated", "unknown" },
  { "2026-10", "2", "2", "0", "1", "1" },
  { "2026-11", "1", "0", "1", "0", "2" },
  { "total",   "2", "2", "1", "1", "2" },
};

/* October V5 0-15, V1 25-34, V2 35-44, V6 55-64, V4 P1 unknown;
 * November V1 25-34, V7 45-54, V3 65+, P1 unknown. */
static const char * const expected_months_age[][9] = {
  { "months_by_age_band", "0-15", "16-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown" },
  { "2026-10", "1", "0", "1", "1", "0", "1", "0", "2" },
  { "2026-11", "0", "0", "1", "0", "1", "0", "1", "1" },
  { "total",   "1", "0", "1", "1", "1", "1", "1", "2" },
};

/* The period by gender.  woman = V1 (T1 T4 T5, S1 S2 attended) + V5 (S5
 * attended); man = V2 (T3, S5 no-show) + V6 (S5 attended, as P2);
 * unknown = V7 (T7, S3) + P1 + everything without a person (T2 T6, S1
 * no-show, P1 at S1 and S2). */
static const char * const expected_gender[][9] = {
  { "by_gender", "participants", "new_participants", "returning_participants", "visits",
    "signups", "attended", "attendees", "no_shows" },
  { "woman",    "2", "2", "0", "6", "3", "3", "3", "0" },
  { "man",      "2", "1", "1", "2", "2", "1", "1", "1" },
  { "other",    "1", "1", "0", "1", "1", "0", "0", "0" },
  { "unstated", "1", "0", "1", "1", "1", "1", "2", "0" },
  { "unknown",  "2", "1", "1", "5", "4", "2", "4", "1" },
};

/* The period by age band; 55-64 = V6; unknown = V4 (S1 attended ×2) +
 * P1 + everything without a person. */
static const char * const expected_age[][9] = {
  { "by_age_band", "participants", "new_participants", "returning_participants", "visits",
    "signups", "attended", "attendees", "no_shows" },
  { "0-15",    "1", "1", "0", "1", "1", "1", "1", "0" },
  { "16-24",   "0", "0", "0", "0", "0", "0", "0", "0" },
  { "25-34",   "1", "1", "0", "5", "2", "2", "2", "0" },
  { "35-44",   "1", "1", "0", "1", "1", "0", "0", "1" },
  { "45-54",   "1", "0", "1", "1", "1", "0", "0", "0" },
  { "55-64",   "1", "0", "1", "1", "1", "1", "1", "0" },
  { "65+",     "1", "1", "0", "1", "1", "0", "0", "0" },
  { "unknown", "2", "1", "1", "5", "4", "3", "6", "1" },
};

/* Sewing: S5 (S3 was cancelled, its sign-up still counts; S0 is before
 * the period); Språkcafé: S1 and S2, not S6 (still to come) nor S4. */
static const char * const expected_activities[][6] = {
  { "activities", "sessions", "signups", "attended", "attendees", "no_shows" },
  { "Sewing",     "1", "4", "2", "2", "1" },
  { "Språkcafé",  "2", "7", "5", "8", "1" },
};

static const char * const expected_services[][6] = {
  { "services", "service", "tickets", "called", "no_shows", "median_wait_seconds" },
  { "A", "Allmän rådgivning", "6", "5", "0", "200" },
  { "B", "Boende",            "2", "2", "1", "575" },
  { "total", "",              "8", "7", "1", "240" },
};

/* Participants of the period, an age band × a gender. */
static const char * const expected_gender_age[][7] = {
  { "by_gender_and_age_band", "woman", "man", "other", "unstated", "unknown", "total" },
  { "0-15",    "1", "0", "0", "0", "0", "1" },
  { "16-24",   "0", "0", "0", "0", "0", "0" },
  { "25-34",   "1", "0", "0", "0", "0", "1" },
  { "35-44",   "0", "1", "0", "0", "0", "1" },
  { "45-54",   "0", "0", "0", "0", "1", "1" },
  { "55-64",   "0", "1", "0", "0", "0", "1" },
  { "65+",     "0", "0", "1", "0", "0", "1" },
  { "unknown", "0", "0", "0", "1", "1", "2" },
  { "total",   "2", "2", "1", "1", "2", "8" },
};

/* Malmö V1 V3 V5, Lund V2 V6; unknown V4 V7 P1. */
static const char * const expected_municipalities[][2] = {
  { "municipalities", "participants" },
  { "Malmö",   "3" },
  { "Lund",    "2" },
  { "unknown", "3" },
};

/* sv V2 V3 V5, ar V1 V6, ti V7; unknown V4 P1. */
static const char * const expected_languages[][2] = {
  { "languages", "participants" },
  { "sv",      "3" },
  { "ar",      "2" },
  { "ti",      "1" },
  { "unknown", "2" },
};

/* work V1 V2 V6, swedish V1, health V3; none stated V4 V5 V7 P1. */
static const char * const expected_interests[][2] = {
  { "interests", "participants" },
  { "swedish", "1" },
  { "work",    "3" },
  { "studies", "0" },
  { "housing", "0" },
  { "health",  "1" },
  { "society", "0" },
  { "family",  "0" },
  { "leisure", "0" },
  { "unknown", "4" },
};

/* ESF+ at registration: unemployed V1 V6, working V2, studying V5, not
 * in the labour force V7, rather not say V3; not asked V4 P1.  V8 has
 * answers but is no participant. */
static const char * const expected_employment[][2] = {
  { "employment", "participants" },
  { "unemployed", "2" },
  { "working",    "1" },
  { "studying",   "1" },
  { "inactive",   "1" },
  { "unstated",   "1" },
  { "unknown",    "2" },
};

/* Compulsory or less V3 V5, upper secondary V1, post-secondary V2,
 * rather not say V6; not answered V7, not asked V4 P1. */
static const char * const expected_education[][2] = {
  { "education", "participants" },
  { "compulsory",      "2" },
  { "upper_secondary", "1" },
  { "post_secondary",  "1" },
  { "unstated",        "1" },
  { "unknown",         "3" },
};

/* Tickets T1 T2 (ar), T7 (ti); registered in the period V2 (ar), V3 (fa). */
static const char * const expected_interpreters[][3] = {
  { "interpreter_languages", "tickets", "registrations" },
  { "ar",    "2", "1" },
  { "fa",    "0", "1" },
  { "ti",    "1", "0" },
  { "total", "3", "2" },
};

/* Outcomes (counted by hand in test-outcome.c): nobody here came 90
 * days before the report was made, and nobody has an outcome, so every
 * count is 0 and no share can be given. */
static const char * const expected_outcomes_gender[][4] = {
  { "outcomes_by_gender", "first_visits_90_days_ago", "work_or_studies_within_90_days", "share_percent" },
  { "woman", "0", "0", "" },
  { "man", "0", "0", "" },
  { "other", "0", "0", "" },
  { "unstated", "0", "0", "" },
  { "unknown", "0", "0", "" },
  { "total", "0", "0", "" },
};

static const char * const expected_outcomes_age[][4] = {
  { "outcomes_by_age_band", "first_visits_90_days_ago", "work_or_studies_within_90_days", "share_percent" },
  { "0-15", "0", "0", "" },
  { "16-24", "0", "0", "" },
  { "25-34", "0", "0", "" },
  { "35-44", "0", "0", "" },
  { "45-54", "0", "0", "" },
  { "55-64", "0", "0", "" },
  { "65+", "0", "0", "" },
  { "unknown", "0", "0", "" },
  { "total", "0", "0", "" },
};

static const char * const expected_outcomes[][2] = {
  { "outcomes", "participants" },
  { "employed", "0" },
  { "own-business", "0" },
  { "work", "0" },
  { "sfi", "0" },
  { "komvux", "0" },
  { "folkhogskola", "0" },
  { "university", "0" },
  { "vocational", "0" },
  { "studies", "0" },
  { "internship", "0" },
  { "other", "0" },
  { "total", "0" },
};

typedef struct
{
  const char * const *cells; /* row-major, @n_rows × @n_columns */
  guint               n_rows;
  guint               n_columns;
} Table;

#define TABLE(t) { &t[0][0], G_N_ELEMENTS (t), G_N_ELEMENTS (t[0]) }

static const Table expected[LOTSEN_REPORT_N_SECTIONS] = {
  [LOTSEN_REPORT_SECTION_MONTHS]        = TABLE (expected_months),
  [LOTSEN_REPORT_SECTION_MONTHS_GENDER] = TABLE (expected_months_gender),
  [LOTSEN_REPORT_SECTION_MONTHS_AGE]    = TABLE (expected_months_age),
  [LOTSEN_REPORT_SECTION_GENDER]        = TABLE (expected_gender),
  [LOTSEN_REPORT_SECTION_AGE]           = TABLE (expected_age),
  [LOTSEN_REPORT_SECTION_ACTIVITIES]    = TABLE (expected_activities),
  [LOTSEN_REPORT_SECTION_SERVICES]      = TABLE (expected_services),
  [LOTSEN_REPORT_SECTION_GENDER_AGE]     = TABLE (expected_gender_age),
  [LOTSEN_REPORT_SECTION_MUNICIPALITIES] = TABLE (expected_municipalities),
  [LOTSEN_REPORT_SECTION_LANGUAGES]      = TABLE (expected_languages),
  [LOTSEN_REPORT_SECTION_INTERESTS]      = TABLE (expected_interests),
  [LOTSEN_REPORT_SECTION_INTERPRETERS]   = TABLE (expected_interpreters),
  [LOTSEN_REPORT_SECTION_EMPLOYMENT]     = TABLE (expected_employment),
  [LOTSEN_REPORT_SECTION_EDUCATION]      = TABLE (expected_education),
  [LOTSEN_REPORT_SECTION_OUTCOMES_GENDER] = TABLE (expected_outcomes_gender),
  [LOTSEN_REPORT_SECTION_OUTCOMES_AGE]    = TABLE (expected_outcomes_age),
  [LOTSEN_REPORT_SECTION_OUTCOMES]        = TABLE (expected_outcomes),
};

static const char *
expected_cell (LotsenReportSection section,
               guint               row,
               guint               column)
{
  return expected[section].cells[row * expected[section].n_columns + column];
}

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (zone);
  time = g_date_time_new (zone, year, month, day, hour, minute, 0);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static void
exec_sql (StoreFixture *fixture,
          const char   *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_visitor (StoreFixture *fixture,
             const char   *name,
             const char   *gender,
             const char   *birth_year,
             gint64        created_at)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO visitor (uuid, created_at, given_name, gender, birth_year) "
                                          "VALUES ('uuid-%s', %" G_GINT64_FORMAT ", '%s', %s, %s)",
                                          name, created_at, name, gender, birth_year);
  sqlite3 *db = NULL;
  gint64 id;

  exec_sql (fixture, sql);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_autofree char *query = g_strdup_printf ("SELECT id FROM visitor WHERE uuid = 'uuid-%s'", name);

    g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    id = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  return id;
}

static gint64
register_visitor (StoreFixture *fixture,
                  const char   *name,
                  LotsenGender  gender,
                  int           birth_year,
                  gint64        created_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;

  lotsen_clock_set_now (fixture->clock, created_at);
  draft->lang = g_strdup ("sv");
  draft->given_name = g_strdup (name);
  draft->birth_year = birth_year;
  draft->gender = gender;
  draft->consent = TRUE;

  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);
  return visitor->id;
}

/* A ticket taken at @taken; called @wait seconds later (never when
 * negative) and closed as @status. */
static void
ticket (StoreFixture       *fixture,
        const char         *prefix,
        gint64              visitor_id,
        gint64              taken,
        gint64              wait,
        LotsenTicketStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) taken_ticket = NULL;
  g_autoptr(LotsenTicket) called = NULL;

  lotsen_clock_set_now (fixture->clock, taken);
  taken_ticket = lotsen_queue_take_ticket_for (fixture->store, prefix, "sv", visitor_id, &error);
  g_assert_no_error (error);
  if (wait < 0)
    return;

  lotsen_clock_advance (fixture->clock, wait);
  called = lotsen_queue_call_next (fixture->store, 1, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (called->label, ==, taken_ticket->label);
  lotsen_clock_advance (fixture->clock, 60);
  g_assert_true (lotsen_queue_finish (fixture->store, called->label, status, &error));
  g_assert_no_error (error);
}

static void
session (StoreFixture *fixture,
         const char   *uuid,
         const char   *activity,
         gint64        starts_at,
         gboolean      cancelled)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO session (uuid, activity_id, starts_at, ends_at, cancelled) "
                                          "SELECT '%s', id, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d "
                                          "FROM activity WHERE uuid = '%s'",
                                          uuid, starts_at, starts_at + 3600, cancelled, activity);
  exec_sql (fixture, sql);
}

/* @visitor_id 0: a sign-up without a person, with a name and @phone
 * (NULL: none). */
static void
signup_phone (StoreFixture *fixture,
              const char   *session_uuid,
              gint64        visitor_id,
              const char   *status,
              int           party_size,
              const char   *phone)
{
  static int n;
  g_autofree char *visitor = visitor_id ? g_strdup_printf ("%" G_GINT64_FORMAT, visitor_id) : g_strdup ("NULL");
  g_autofree char *number = phone != NULL ? g_strdup_printf ("'%s'", phone) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO signup (uuid, session_id, visitor_id, name, phone, party_size, "
                                          "status, created_at, changed_at) "
                                          "SELECT 'signup-%d', id, %s, 'Gäst', %s, %d, '%s', starts_at - 86400, starts_at "
                                          "FROM session WHERE uuid = '%s'",
                                          ++n, visitor, number, party_size, status, session_uuid);
  exec_sql (fixture, sql);
}

static void
signup (StoreFixture *fixture,
        const char   *session_uuid,
        gint64        visitor_id,
        const char   *status,
        int           party_size)
{
  signup_phone (fixture, session_uuid, visitor_id, status, party_size, NULL);
}

static void
stats_set_up (StoreFixture  *fixture,
              gconstpointer  data)
{
  const char * const langs[] = { "sv", "en", NULL };
  const char * const advice[] = { "Allmän rådgivning", "General advice", NULL };
  const char * const housing[] = { "Boende", "Housing", NULL };
  g_autoptr(GError) error = NULL;
  gint64 v1, v2, v3, v4, v5, v6, v7;

  store_fixture_set_up (fixture, data);

  g_assert_true (lotsen_queue_add_service (fixture->store, "A", "lotsen-help-symbolic", 8,
                                           langs, advice, &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_queue_add_service (fixture->store, "B", "lotsen-housing-symbolic", 10,
                                           langs, housing, &error));
  g_assert_no_error (error);

  v1 = raw_visitor (fixture, "V1", "'woman'", "2000", local_time (2026, 3, 10, 12, 0));
  v2 = register_visitor (fixture, "Bashir", LOTSEN_GENDER_MAN, 1990, local_time (2026, 10, 5, 9, 0));
  v3 = register_visitor (fixture, "Chen", LOTSEN_GENDER_OTHER, 1960, local_time (2026, 11, 3, 9, 0));
  v4 = raw_visitor (fixture, "V4", "'unstated'", "NULL", local_time (2025, 6, 1, 12, 0));
  v5 = register_visitor (fixture, "Eli", LOTSEN_GENDER_WOMAN, 2011, local_time (2026, 10, 20, 9, 0));
  v6 = raw_visitor (fixture, "V6", "'man'", "1970", local_time (2026, 9, 1, 12, 0));
  v7 = raw_visitor (fixture, "V7", "NULL", "1980", local_time (2026, 1, 1, 12, 0));

  ticket (fixture, "A", v7, local_time (2026, 6, 1, 10, 0), 10, LOTSEN_TICKET_DONE);
  ticket (fixture, "A", v4, local_time (2026, 8, 15, 10, 0), 10, LOTSEN_TICKET_DONE);
  ticket (fixture, "A", v6, local_time (2026, 9, 30, 23, 59), 10, LOTSEN_TICKET_DONE);
  ticket (fixture, "A", v1, local_time (2026, 10, 5, 10, 0), 240, LOTSEN_TICKET_DONE);
  ticket (fixture, "A", 0, local_time (2026, 10, 5, 10, 10), 30, LOTSEN_TICKET_DONE);
  ticket (fixture, "B", v2, local_time (2026, 10, 12, 9, 0), 250, LOTSEN_TICKET_DONE);
  ticket (fixture, "A", v1, local_time (2026, 10, 31, 23, 30), 60, LOTSEN_TICKET_DONE);
  ticket (fixture, "A", v1, local_time (2026, 11, 1, 0, 30), 300, LOTSEN_TICKET_DONE);
  ticket (fixture, "B", 0, local_time (2026, 11, 3, 14, 0), 900, LOTSEN_TICKET_NO_SHOW);
  ticket (fixture, "A", v7, local_time (2026, 11, 10, 11, 0), 200, LOTSEN_TICKET_DONE);
  ticket (fixture, "A", v3, local_time (2026, 11, 20, 13, 0), -1, LOTSEN_TICKET_WAITING);
  ticket (fixture, "A", v2, local_time (2026, 12, 1, 0, 0), -1, LOTSEN_TICKET_WAITING);

  exec_sql (fixture,
            "INSERT INTO activity (uuid, category, pictogram, capacity) VALUES "
            "('X', 'language', 'lotsen-coffee-symbolic', 12), ('Y', 'craft', 'lotsen-coffee-symbolic', 8);"
            "INSERT INTO activity_text (activity_id, lang, title) "
            "SELECT id, 'en', 'Language café' FROM activity WHERE uuid = 'X';"
            "INSERT INTO activity_text (activity_id, lang, title) "
            "SELECT id, 'sv', 'Språkcafé' FROM activity WHERE uuid = 'X';"
            "INSERT INTO activity_text (activity_id, lang, title) "
            "SELECT id, 'en', 'Sewing' FROM activity WHERE uuid = 'Y';");

  session (fixture, "S0", "Y", local_time (2026, 9, 20, 18, 0), FALSE);
  session (fixture, "S1", "X", local_time (2026, 10, 13, 15, 0), FALSE);
  session (fixture, "S6", "X", local_time (2026, 11, 28, 15, 0), FALSE);
  session (fixture, "S5", "Y", local_time (2026, 10, 20, 18, 0), FALSE);
  session (fixture, "S2", "X", local_time (2026, 11, 10, 15, 0), FALSE);
  session (fixture, "S3", "Y", local_time (2026, 11, 18, 18, 0), TRUE);
  session (fixture, "S4", "X", local_time (2026, 12, 1, 15, 0), FALSE);

  signup (fixture, "S1", v1, "attended", 1);
  signup (fixture, "S1", v4, "attended", 2);
  signup (fixture, "S1", v6, "cancelled", 1);
  signup (fixture, "S1", 0, "no_show", 1);
  signup_phone (fixture, "S0", 0, "attended", 1, "0702223344");
  signup_phone (fixture, "S1", 0, "attended", 1, "070-111 22 33");
  signup (fixture, "S5", v5, "attended", 1);
  signup (fixture, "S5", v2, "no_show", 1);
  signup_phone (fixture, "S5", 0, "attended", 1, "070 222 33 44");
  signup (fixture, "S2", v1, "attended", 1);
  signup (fixture, "S2", v3, "confirmed", 1);
  signup (fixture, "S2", v6, "cancelled", 1);
  signup_phone (fixture, "S2", 0, "attended", 3, "+46 70 111 22 33");
  signup (fixture, "S3", v7, "confirmed", 1);
  signup (fixture, "S6", v3, "attended", 1);
  signup (fixture, "S6", v5, "confirmed", 1);
  signup (fixture, "S4", v2, "attended", 1);

  /* Answers for the breakdowns, and interpreters asked for. */
  {
    g_autofree char *sql = g_strdup_printf (
      "UPDATE visitor SET municipality = 'Malmö', lang = 'ar', interests = 'work,swedish' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET municipality = 'Lund', interests = 'work', interpreter_lang = 'ar' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET municipality = 'Malmö', interests = 'health', interpreter_lang = 'fa' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET municipality = 'Malmö' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET municipality = 'Lund', lang = 'ar', interests = 'work', interpreter_lang = 'ar', "
      "phone = '+46702223344' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET lang = 'ti' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE ticket SET interpreter_lang = NULL;"
      "UPDATE ticket SET interpreter_lang = 'ar' WHERE created_at IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
      "UPDATE ticket SET interpreter_lang = 'ti' WHERE created_at = %" G_GINT64_FORMAT ";"
      "UPDATE ticket SET interpreter_lang = 'so' WHERE created_at = %" G_GINT64_FORMAT ";",
      v1, v2, v3, v5, v6, v7,
      local_time (2026, 9, 30, 23, 59), local_time (2026, 10, 5, 10, 0), local_time (2026, 10, 5, 10, 10),
      local_time (2026, 11, 10, 11, 0), local_time (2026, 12, 1, 0, 0));

    exec_sql (fixture, sql);
  }

  /* The ESF+ answers; V8 answered too but never came. */
  {
    gint64 v8 = raw_visitor (fixture, "V8", "'man'", "1985", local_time (2026, 10, 10, 12, 0));
    g_autofree char *sql = g_strdup_printf (
      "UPDATE visitor SET employment = 'unemployed', education = 'upper_secondary' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET employment = 'working', education = 'post_secondary' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET employment = 'unstated', education = 'compulsory' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET employment = 'studying', education = 'compulsory' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET employment = 'unemployed', education = 'unstated' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET employment = 'inactive' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE visitor SET employment = 'working', education = 'post_secondary' WHERE id = %" G_GINT64_FORMAT ";",
      v1, v2, v3, v5, v6, v7, v8);

    exec_sql (fixture, sql);
  }

  lotsen_clock_set_now (fixture->clock, TEST_NOW);
}

static LotsenReport *
make_report (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LotsenReport *report = lotsen_report_new (fixture->store, local_time (2026, 10, 1, 0, 0),
                                            local_time (2026, 12, 1, 0, 0), &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A cell as the CSV writes it. */
static char *
cell_text (const LotsenReport  *report,
           LotsenReportSection  section,
           guint                row,
           guint                column)
{
  const char *text;
  gint64 number;

  switch (lotsen_report_get_cell (report, section, row, column, &text, &number))
    {
    case LOTSEN_REPORT_CELL_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    case LOTSEN_REPORT_CELL_TEXT:
    case LOTSEN_REPORT_CELL_NAME:
      return g_strdup (text);
    case LOTSEN_REPORT_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

static void
test_stats_counts (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(LotsenReport) report = make_report (fixture);
  const LotsenReportMonth *october, *november;

  g_assert_cmpstr (report->site_name, ==, "Lotsen");
  g_assert_cmpint (report->age_year, ==, 2026);
  g_assert_cmpint (report->made_at, ==, TEST_NOW);

  /* The months meet at local midnight, not at UTC midnight. */
  g_assert_cmpuint (report->months->len, ==, 2);
  october = report->months->pdata[0];
  november = report->months->pdata[1];
  g_assert_cmpstr (october->key, ==, "2026-10");
  g_assert_cmpint (october->start, ==, local_time (2026, 10, 1, 0, 0));
  g_assert_cmpint (october->end, ==, local_time (2026, 11, 1, 0, 0));
  g_assert_cmpint (october->end, ==, 1793487600); /* 2026-10-31 23:00 UTC */
  g_assert_cmpstr (november->key, ==, "2026-11");
  g_assert_cmpint (november->end, ==, local_time (2026, 12, 1, 0, 0));

  g_assert_cmpuint (october->counts.participants, ==, 6);
  g_assert_cmpuint (october->counts.visits, ==, 9);
  g_assert_cmpuint (november->counts.anonymous_visits, ==, 2);
  g_assert_cmpuint (report->total->counts.participants, ==, 8);
  g_assert_cmpuint (report->by_gender[LOTSEN_REPORT_GENDER_WOMAN].visits, ==, 6);
  g_assert_cmpuint (report->by_age[LOTSEN_REPORT_AGE_UNKNOWN].attendees, ==, 6);
  g_assert_cmpint (report->median_wait, ==, 240);
  g_assert_cmpint (report->sessions_until, ==, TEST_NOW);

  /* The months' new participants add up to the period's. */
  g_assert_cmpuint (october->counts.new_participants + november->counts.new_participants, ==,
                    report->total->counts.new_participants);
  g_assert_cmpuint (report->total->counts.new_participants, ==, 5);

  /* Every cell of every section, against the tables counted by hand. */
  for (LotsenReportSection section = 0; section < LOTSEN_REPORT_N_SECTIONS; section++)
    {
      g_assert_cmpstr (lotsen_report_section_to_string (section), ==, expected_cell (section, 0, 0));
      g_assert_cmpuint (lotsen_report_get_n_columns (section), ==, expected[section].n_columns);
      g_assert_cmpuint (lotsen_report_get_n_rows (report, section) + 1, ==, expected[section].n_rows);

      for (guint column = 0; column < expected[section].n_columns; column++)
        g_assert_cmpstr (lotsen_report_get_column (section, column), ==, expected_cell (section, 0, column));

      for (guint row = 1; row < expected[section].n_rows; row++)
        for (guint column = 0; column < expected[section].n_columns; column++)
          {
            g_autofree char *text = cell_text (report, section, row - 1, column);

            if (g_strcmp0 (text, expected_cell (section, row, column)) != 0)
              g_error ("%s row %u column %s: %s, expected %s",
                       lotsen_report_section_to_string (section), row,
                       expected_cell (section, 0, column), text, expected_cell (section, row, column));
          }
    }

  g_assert_cmpstr (lotsen_report_gender_to_string (LOTSEN_REPORT_GENDER_UNSTATED), ==, "unstated");
  g_assert_cmpstr (lotsen_report_age_band_to_string (LOTSEN_REPORT_AGE_65_PLUS), ==, "65+");
}

static void
test_stats_partial_month (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenReport) report = NULL;
  const LotsenReportMonth *month;

  /* 31 October and 1 November local: T4 and T5, one person. */
  report = lotsen_report_new (fixture->store, local_time (2026, 10, 31, 0, 0),
                              local_time (2026, 11, 2, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->months->len, ==, 2);

  month = report->months->pdata[0];
  g_assert_cmpstr (month->key, ==, "2026-10");
  g_assert_cmpint (month->start, ==, local_time (2026, 10, 31, 0, 0));
  g_assert_cmpuint (month->counts.visits, ==, 1);
  g_assert_cmpuint (month->counts.participants, ==, 1);

  month = report->months->pdata[1];
  g_assert_cmpstr (month->key, ==, "2026-11");
  g_assert_cmpint (month->end, ==, local_time (2026, 11, 2, 0, 0));
  g_assert_cmpuint (month->counts.visits, ==, 1);

  g_assert_cmpuint (report->total->counts.visits, ==, 2);
  g_assert_cmpuint (report->total->counts.participants, ==, 1);
  g_assert_cmpuint (report->total->counts.new_participants, ==, 0);
  /* Ages are counted at the year the period starts. */
  g_assert_cmpuint (report->total->participants_by_age[LOTSEN_REPORT_AGE_25_34], ==, 1);
  /* 60 and 300 s. */
  g_assert_cmpint (report->median_wait, ==, 180);
  g_assert_cmpuint (report->activities->len, ==, 0);
}

static void
test_stats_empty (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenReport) report = NULL;
  gint64 start = local_time (2027, 1, 1, 0, 0);

  g_assert_null (lotsen_report_new (fixture->store, start, start, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lotsen_store_set_setting (fixture->store, "site_name", "Mötesplats Malmö", &error));
  report = lotsen_report_new (fixture->store, start, local_time (2027, 2, 1, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->site_name, ==, "Mötesplats Malmö");
  g_assert_cmpuint (report->months->len, ==, 1);
  g_assert_cmpuint (report->total->counts.visits, ==, 0);
  g_assert_cmpint (report->median_wait, ==, -1);
  /* Active services are listed without tickets; no median to show. */
  g_assert_cmpuint (report->services->len, ==, 2);
  g_assert_cmpint (((LotsenReportService *) report->services->pdata[0])->median_wait, ==, -1);
  {
    const char *text;
    gint64 number;

    g_assert_cmpint (lotsen_report_get_cell (report, LOTSEN_REPORT_SECTION_SERVICES, 0, 5, &text, &number),
                     ==, LOTSEN_REPORT_CELL_EMPTY);
  }
}

/* The CSV's sections: tables separated by an empty line. */
static GPtrArray *
split_csv (const char *csv,
           char        separator)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_auto(GStrv) blocks = NULL;
  char sep[2] = { separator, '\0' };

  g_assert_true (g_str_has_prefix (csv, BOM));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  g_assert_null (strstr (csv, "\r\n\r\n\r\n"));

  blocks = g_strsplit (csv + strlen (BOM), "\r\n\r\n", -1);
  for (guint i = 0; blocks[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_auto(GStrv) lines = g_strsplit (blocks[i], "\r\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        if (*lines[j] != '\0')
          g_ptr_array_add (rows, g_strsplit (lines[j], sep, -1));
      g_ptr_array_add (tables, g_steal_pointer (&rows));
    }

  return g_steal_pointer (&tables);
}

static char *
report_csv (const LotsenReport *report,
            char                separator)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_report_write_csv (report, separator, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_csv (const char *csv,
            char        separator)
{
  g_autoptr(GPtrArray) tables = split_csv (csv, separator);

  g_assert_cmpuint (tables->len, ==, LOTSEN_REPORT_N_SECTIONS);
  for (LotsenReportSection section = 0; section < LOTSEN_REPORT_N_SECTIONS; section++)
    {
      GPtrArray *rows = tables->pdata[section];

      g_assert_cmpuint (rows->len, ==, expected[section].n_rows);
      for (guint row = 0; row < rows->len; row++)
        {
          char **cells = rows->pdata[row];

          g_assert_cmpuint (g_strv_length (cells), ==, expected[section].n_columns);
          /* Headers and keys in words, names and numbers as they are. */
          for (guint column = 0; column < expected[section].n_columns; column++)
            g_assert_cmpstr (cells[column], ==, lotsen_report_label (expected_cell (section, row, column)));
        }
    }
}

static void
test_stats_csv (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(LotsenReport) report = make_report (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *semicolon = report_csv (report, ';');
  g_autofree char *comma = report_csv (report, ',');
  g_autofree char *path = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *file = NULL;

  /* Untranslated (the C locale): the English words. */
  g_assert_true (g_str_has_prefix (semicolon, BOM "Month;Participants;New;Returning;Visits;"));
  g_assert_nonnull (strstr (semicolon, "\r\nTotal;8;5;3;15;4;11;7;10;2\r\n"));
  g_assert_nonnull (strstr (semicolon, "\r\nAge;Women;Men;Other;Not stated;Unknown;Total\r\n"));
  g_assert_nonnull (strstr (semicolon, "\r\nInterpreter language;Tickets;Registrations\r\n"));
  g_assert_nonnull (strstr (semicolon, "\r\nSwedish language;1\r\n"));
  assert_csv (semicolon, ';');
  assert_csv (comma, ',');

  /* A staff-entered name that looks like a formula is neutralised. */
  exec_sql (fixture, "UPDATE activity_text SET title = '=1+1' WHERE title = 'Sewing'");
  {
    g_autoptr(LotsenReport) hostile = make_report (fixture);
    g_autofree char *csv = report_csv (hostile, ';');

    g_assert_nonnull (strstr (csv, "\r\n\"'=1+1\";1;4;2;2;1\r\n"));
  }
  exec_sql (fixture, "UPDATE activity_text SET title = 'Sewing' WHERE title = '=1+1'");

  {
    GOutputStream *out = g_memory_output_stream_new_resizable ();

    g_assert_false (lotsen_report_write_csv (report, '\t', out, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_object_unref (out);
  }

  /* A file: the same bytes, and an audit record. */
  g_assert_true (lotsen_report_to_file (fixture->store, report, LOTSEN_REPORT_CSV, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &file, NULL, &error));
  g_assert_cmpstr (file, ==, semicolon);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT detail FROM audit WHERE what = 'export'", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 0), "report csv /"));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static gboolean
have_unzip (void)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");

  if (unzip == NULL)
    g_test_skip ("unzip is not installed");
  return unzip != NULL;
}

static char *
unzip_part (const char *path,
            const char *part)
{
  const char *argv[] = { "unzip", "-p", path, part, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "<?xml"));
  return out;
}

static void
test_stats_xlsx (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(LotsenReport) report = make_report (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *services = NULL;

  g_assert_true (lotsen_report_to_file (fixture->store, report, LOTSEN_REPORT_XLSX, path, &error));
  g_assert_no_error (error);

  if (!have_unzip ())
    return;

  /* A sheet per section, named after it. */
  workbook = unzip_part (path, "xl/workbook.xml");
  for (LotsenReportSection section = 0; section < LOTSEN_REPORT_N_SECTIONS; section++)
    {
      g_autofree char *title = g_strndup (lotsen_report_section_title (section), 31);
      g_autofree char *sheet = g_strdup_printf ("<sheet name=\"%s\" sheetId=\"%u\"", title, section + 1);

      g_assert_nonnull (strstr (workbook, sheet));
    }

  /* Text in its cells (written a row at a time, so inline, not shared). */
  strings = unzip_part (path, "xl/worksheets/sheet6.xml");
  g_assert_nonnull (strstr (strings, "<c r=\"A3\" t=\"inlineStr\"><is><t>Språkcafé</t></is></c>"));
  services = unzip_part (path, "xl/worksheets/sheet7.xml");
  g_assert_nonnull (strstr (services, "<c r=\"B2\" t=\"inlineStr\"><is><t>Allmän rådgivning</t></is></c>"));
  g_assert_nonnull (strstr (services, "t=\"inlineStr\"><is><t>Median wait (min)</t></is></c>"));

  /* Numbers are numbers: the median waits of A, B and all of them. */
  g_assert_nonnull (strstr (services, "<c r=\"F2\"><v>200</v></c>"));
  g_assert_nonnull (strstr (services, "<c r=\"F3\"><v>575</v></c>"));
  g_assert_nonnull (strstr (services, "<c r=\"F4\"><v>240</v></c>"));
  g_assert_nonnull (strstr (services, "<c r=\"C4\"><v>8</v></c>"));
}

/* In Swedish every header and key of the CSV and the workbook is in
 * Swedish; names and numbers stay as they are. */
static void
test_stats_swedish (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(LotsenReport) report = make_report (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "rapport.xlsx", NULL);
  g_autofree char *csv = NULL;
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");

  lotsen_i18n_init (localedir != NULL ? localedir : LOCALEDIR);
  g_assert_true (lotsen_i18n_set_language ("sv"));

  csv = report_csv (report, ';');
  assert_csv (csv, ';');
  g_assert_true (g_str_has_prefix (csv, BOM "Månad;Deltagare;Nya;"));
  g_assert_nonnull (strstr (csv, "\r\nTotalt;8;5;3;15;4;11;7;10;2\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nKvinnor;2;2;0;6;3;3;3;0\r\n"));
  g_assert_null (strstr (csv, "participants"));
  g_assert_null (strstr (csv, "Participants"));
  /* Every language by its name: the kiosk's twelve and the interpreters'. */
  g_assert_nonnull (strstr (csv, "\r\nArabiska;2\r\n"));
  g_assert_cmpstr (lotsen_report_label ("sv"), ==, "Svenska");
  g_assert_cmpstr (lotsen_report_label ("ru"), ==, "Ryska");
  g_assert_cmpstr (lotsen_report_label ("prs"), ==, "Dari");
  g_assert_cmpstr (lotsen_report_label ("kmr"), ==, "Kurdiska (kurmanji)");
  g_assert_cmpstr (lotsen_report_label ("xx"), ==, "xx");

  g_assert_true (lotsen_report_to_file (fixture->store, report, LOTSEN_REPORT_XLSX, path, &error));
  g_assert_no_error (error);
  if (have_unzip ())
    {
      g_autofree char *workbook = unzip_part (path, "xl/workbook.xml");
      g_autofree char *months = unzip_part (path, "xl/worksheets/sheet1.xml");

      g_assert_nonnull (strstr (workbook, "<sheet name=\"Per månad\" sheetId=\"1\""));
      g_assert_nonnull (strstr (months, "<t>Månad</t>"));
      g_assert_nonnull (strstr (months, "<t>Totalt</t>"));
    }

  /* In Persian two titles share their first 31 characters: the
   * workbook's sheets still have names of their own. */
  g_assert_true (lotsen_i18n_set_language ("fa"));
  g_assert_true (lotsen_report_to_file (fixture->store, report, LOTSEN_REPORT_XLSX, path, &error));
  g_assert_no_error (error);
  if (have_unzip ())
    {
      g_autofree char *workbook = unzip_part (path, "xl/workbook.xml");

      g_assert_nonnull (strstr (workbook, " 3\" sheetId=\"3\""));
    }

  g_assert_true (lotsen_i18n_set_language ("en"));
}

/* The straightforward computation, in SQL with GROUP BY and window
 * functions, that the report's one-pass counting must agree with.  ?4 is
 * when the report is made: later sessions do not count.  A participant
 * is new where their first visit ever is. */
static const char reference_counts_sql[] =
  "WITH event (visitor_id, visit, signup, attended, attendees, no_show) AS ("
  "  SELECT visitor_id, 1, 0, 0, 0, 0 FROM ticket WHERE created_at >= ?1 AND created_at < ?2"
  "  UNION ALL"
  "  SELECT g.visitor_id, g.status = 'attended', 1, g.status = 'attended',"
  "         CASE WHEN g.status = 'attended' THEN g.party_size ELSE 0 END, g.status = 'no_show'"
  "  FROM signup g JOIN session se ON se.id = g.session_id"
  "  WHERE se.starts_at >= ?1 AND se.starts_at < ?2 AND se.starts_at < ?4 AND g.status <> 'cancelled'"
  "), first_visit (visitor_id, at) AS ("
  "  SELECT visitor_id, min (at) FROM ("
  "    SELECT visitor_id, created_at AS at FROM ticket WHERE visitor_id IS NOT NULL"
  "    UNION ALL"
  "    SELECT g.visitor_id, se.starts_at FROM signup g JOIN session se ON se.id = g.session_id"
  "    WHERE g.visitor_id IS NOT NULL AND g.status = 'attended' AND se.starts_at < ?4"
  "  ) GROUP BY visitor_id"
  "), person AS ("
  "  SELECT visitor_id, sum (visit) AS visits, sum (signup) AS signups, sum (attended) AS attended,"
  "         sum (attendees) AS attendees, sum (no_show) AS no_shows"
  "  FROM event GROUP BY visitor_id"
  ") "
  "SELECT CASE v.gender WHEN 'woman' THEN 0 WHEN 'man' THEN 1 WHEN 'other' THEN 2"
  "                     WHEN 'unstated' THEN 3 ELSE 4 END AS gender_band,"
  "       CASE WHEN v.birth_year IS NULL OR v.birth_year <= 0 THEN 7"
  "            WHEN ?3 - v.birth_year < 16 THEN 0 WHEN ?3 - v.birth_year < 25 THEN 1"
  "            WHEN ?3 - v.birth_year < 35 THEN 2 WHEN ?3 - v.birth_year < 45 THEN 3"
  "            WHEN ?3 - v.birth_year < 55 THEN 4 WHEN ?3 - v.birth_year < 65 THEN 5"
  "            ELSE 6 END AS age_band,"
  "       count (*) FILTER (WHERE p.visitor_id IS NOT NULL AND p.visits > 0),"
  "       count (*) FILTER (WHERE p.visitor_id IS NOT NULL AND p.visits > 0"
  "                         AND f.at >= ?1 AND f.at < ?2),"
  "       sum (p.visits), sum (CASE WHEN p.visitor_id IS NULL THEN p.visits ELSE 0 END),"
  "       sum (p.signups), sum (p.attended), sum (p.attendees), sum (p.no_shows) "
  "FROM person p LEFT JOIN visitor v ON v.id = p.visitor_id LEFT JOIN first_visit f ON f.visitor_id = p.visitor_id "
  "GROUP BY gender_band, age_band";

static const char reference_activities_sql[] =
  "SELECT (SELECT title FROM activity_text WHERE activity_id = se.activity_id"
  "        ORDER BY lang = 'sv' DESC, lang LIMIT 1),"
  "       count (DISTINCT CASE WHEN se.cancelled = 0 THEN se.id END), count (g.id),"
  "       count (*) FILTER (WHERE g.status = 'attended'),"
  "       coalesce (sum (CASE WHEN g.status = 'attended' THEN g.party_size END), 0),"
  "       count (*) FILTER (WHERE g.status = 'no_show') "
  "FROM session se LEFT JOIN signup g ON g.session_id = se.id AND g.status <> 'cancelled' "
  "WHERE se.starts_at >= ?1 AND se.starts_at < ?2 AND se.starts_at < ?3 "
  "GROUP BY se.activity_id ORDER BY 1, se.activity_id";

/* ?3: a service's id, or NULL for every ticket. */
static const char reference_median_sql[] =
  "WITH ranked AS ("
  "  SELECT called_at - created_at AS wait,"
  "         row_number () OVER (ORDER BY called_at - created_at) AS n, count (*) OVER () AS c"
  "  FROM ticket WHERE created_at >= ?1 AND created_at < ?2 AND called_at IS NOT NULL"
  "                AND (?3 IS NULL OR service_id = ?3)"
  ") "
  "SELECT CAST (round (avg (wait)) AS INTEGER) FROM ranked WHERE n IN ((c + 1) / 2, c / 2 + 1)";

static const char reference_services_sql[] =
  "SELECT s.id, s.prefix, (SELECT name FROM service_text WHERE service_id = s.id"
  "                        ORDER BY lang = 'sv' DESC, lang LIMIT 1),"
  "       count (t.id), count (t.called_at), count (*) FILTER (WHERE t.status = 'no_show') "
  "FROM service s LEFT JOIN ticket t ON t.service_id = s.id AND t.created_at >= ?1 AND t.created_at < ?2 "
  "GROUP BY s.id HAVING s.active OR count (t.id) > 0 "
  "ORDER BY s.sort_order, s.prefix";

static void
add_reference (LotsenReportCounts       *sum,
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

static sqlite3_stmt *
prepare_reference (sqlite3    *db,
                   const char *sql,
                   gint64      from,
                   gint64      to)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  return stmt;
}

static void
assert_counts_equal (const LotsenReportCounts *counts,
                     const LotsenReportCounts *want,
                     const char               *where)
{
  if (memcmp (counts, want, sizeof *counts) == 0)
    return;

  g_error ("%s: participants %u/%u new %u/%u visits %u/%u anonymous %u/%u signups %u/%u attended %u/%u "
           "attendees %u/%u no-shows %u/%u (report/expected)", where,
           counts->participants, want->participants, counts->new_participants, want->new_participants,
           counts->visits, want->visits, counts->anonymous_visits, want->anonymous_visits,
           counts->signups, want->signups, counts->attended, want->attended,
           counts->attendees, want->attendees, counts->no_shows, want->no_shows);
}

/* @month (or the whole period, with the groups) against the reference. */
static void
assert_range (sqlite3                  *db,
              const LotsenReport       *report,
              const LotsenReportMonth  *month,
              gboolean                  total)
{
  sqlite3_stmt *stmt = prepare_reference (db, reference_counts_sql, month->start, month->end);
  LotsenReportCounts counts = { 0 };
  LotsenReportCounts by_gender[LOTSEN_REPORT_N_GENDERS] = { { 0 } };
  LotsenReportCounts by_age[LOTSEN_REPORT_N_AGE_BANDS] = { { 0 } };
  guint gender_participants[LOTSEN_REPORT_N_GENDERS] = { 0 };
  guint age_participants[LOTSEN_REPORT_N_AGE_BANDS] = { 0 };

  sqlite3_bind_int (stmt, 3, report->age_year);
  sqlite3_bind_int64 (stmt, 4, report->made_at);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int gender = sqlite3_column_int (stmt, 0);
      int age = sqlite3_column_int (stmt, 1);
      LotsenReportCounts row = {
        .participants = sqlite3_column_int (stmt, 2),
        .new_participants = sqlite3_column_int (stmt, 3),
        .visits = sqlite3_column_int (stmt, 4),
        .anonymous_visits = sqlite3_column_int (stmt, 5),
        .signups = sqlite3_column_int (stmt, 6),
        .attended = sqlite3_column_int (stmt, 7),
        .attendees = sqlite3_column_int (stmt, 8),
        .no_shows = sqlite3_column_int (stmt, 9),
      };

      add_reference (&counts, &row);
      add_reference (&by_gender[gender], &row);
      add_reference (&by_age[age], &row);
      gender_participants[gender] += row.participants;
      age_participants[age] += row.participants;
    }
  sqlite3_finalize (stmt);

  assert_counts_equal (&month->counts, &counts, month->key);
  g_assert_cmpmem (month->participants_by_gender, sizeof gender_participants,
                   gender_participants, sizeof gender_participants);
  g_assert_cmpmem (month->participants_by_age, sizeof age_participants, age_participants, sizeof age_participants);

  if (!total)
    return;

  for (guint g = 0; g < LOTSEN_REPORT_N_GENDERS; g++)
    assert_counts_equal (&report->by_gender[g], &by_gender[g], lotsen_report_gender_to_string (g));
  for (guint a = 0; a < LOTSEN_REPORT_N_AGE_BANDS; a++)
    assert_counts_equal (&report->by_age[a], &by_age[a], lotsen_report_age_band_to_string (a));
}

static gint64
reference_median (sqlite3 *db,
                  gint64   from,
                  gint64   to,
                  gint64   service_id)
{
  sqlite3_stmt *stmt = prepare_reference (db, reference_median_sql, from, to);
  gint64 median;

  if (service_id > 0)
    sqlite3_bind_int64 (stmt, 3, service_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  median = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return median;
}

/* Every number of the report of [@from, @to) against the reference. */
static void
assert_report_matches (StoreFixture *fixture,
                       sqlite3      *db,
                       gint64        from,
                       gint64        to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenReport) report = lotsen_report_new (fixture->store, from, to, &error);
  sqlite3_stmt *stmt;
  guint row = 0;

  g_assert_no_error (error);

  /* The months tile the period. */
  g_assert_cmpuint (report->months->len, >, 0);
  for (guint i = 0; i < report->months->len; i++)
    {
      const LotsenReportMonth *month = report->months->pdata[i];
      g_autofree char *key = lotsen_store_format_local (fixture->store, month->start, "%Y-%m");

      g_assert_cmpint (month->start, ==, i == 0 ? from : ((LotsenReportMonth *) report->months->pdata[i - 1])->end);
      g_assert_cmpint (month->end, >, month->start);
      g_assert_cmpstr (month->key, ==, key);
      assert_range (db, report, month, FALSE);
    }
  g_assert_cmpint (((LotsenReportMonth *) report->months->pdata[report->months->len - 1])->end, ==, to);
  assert_range (db, report, report->total, TRUE);

  /* The months' new participants add up to the period's; the gender ×
   * age table and the breakdowns to its participants. */
  {
    guint new_sum = 0, cross = 0, municipalities = 0, languages = 0;

    for (guint i = 0; i < report->months->len; i++)
      new_sum += ((LotsenReportMonth *) report->months->pdata[i])->counts.new_participants;
    for (guint g = 0; g < LOTSEN_REPORT_N_GENDERS; g++)
      for (guint a = 0; a < LOTSEN_REPORT_N_AGE_BANDS; a++)
        cross += report->participants_by_gender_age[g][a];
    for (guint i = 0; i < report->municipalities->len; i++)
      municipalities += ((LotsenReportRow *) report->municipalities->pdata[i])->count;
    for (guint i = 0; i < report->languages->len; i++)
      languages += ((LotsenReportRow *) report->languages->pdata[i])->count;
    g_assert_cmpuint (new_sum, ==, report->total->counts.new_participants);
    g_assert_cmpuint (cross, ==, report->total->counts.participants);
    g_assert_cmpuint (municipalities, ==, report->total->counts.participants);
    g_assert_cmpuint (languages, ==, report->total->counts.participants);
  }

  stmt = prepare_reference (db, reference_activities_sql, from, to);
  sqlite3_bind_int64 (stmt, 3, report->made_at);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const LotsenReportActivity *activity;
      const char *title = (const char *) sqlite3_column_text (stmt, 0);

      g_assert_cmpuint (row, <, report->activities->len);
      activity = report->activities->pdata[row++];
      g_assert_cmpstr (activity->title, ==, title != NULL ? title : "");
      g_assert_cmpuint (activity->sessions, ==, sqlite3_column_int (stmt, 1));
      g_assert_cmpuint (activity->signups, ==, sqlite3_column_int (stmt, 2));
      g_assert_cmpuint (activity->attended, ==, sqlite3_column_int (stmt, 3));
      g_assert_cmpuint (activity->attendees, ==, sqlite3_column_int (stmt, 4));
      g_assert_cmpuint (activity->no_shows, ==, sqlite3_column_int (stmt, 5));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (row, ==, report->activities->len);

  row = 0;
  stmt = prepare_reference (db, reference_services_sql, from, to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const LotsenReportService *service;

      g_assert_cmpuint (row, <, report->services->len);
      service = report->services->pdata[row++];
      g_assert_cmpstr (service->prefix, ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpstr (service->name, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpuint (service->tickets, ==, sqlite3_column_int (stmt, 3));
      g_assert_cmpuint (service->called, ==, sqlite3_column_int (stmt, 4));
      g_assert_cmpuint (service->no_shows, ==, sqlite3_column_int (stmt, 5));
      g_assert_cmpint (service->median_wait, ==, reference_median (db, from, to, sqlite3_column_int64 (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (row, ==, report->services->len);
  g_assert_cmpint (report->median_wait, ==, reference_median (db, from, to, 0));
}

/* A time of the year 2026 (and a little around it), often close to a
 * month's edge or to a change of summer time, where mistakes hide. */
static gint64
random_time (void)
{
  static const int edges[][3] = {
    { 2026, 1, 1 }, { 2026, 3, 1 }, { 2026, 3, 29 }, { 2026, 4, 1 }, { 2026, 6, 1 },
    { 2026, 10, 1 }, { 2026, 10, 25 }, { 2026, 11, 1 }, { 2026, 12, 1 }, { 2027, 1, 1 },
  };
  const int *edge;

  if (g_test_rand_int_range (0, 3) > 0)
    return local_time (2025, 12, 20, 0, 0) + g_test_rand_int_range (0, 400 * 86400);

  /* Within three hours of a local midnight that matters. */
  edge = edges[g_test_rand_int_range (0, G_N_ELEMENTS (edges))];
  return local_time (edge[0], edge[1], edge[2], 0, 0) + g_test_rand_int_range (-3 * 3600, 3 * 3600);
}

static void
bind_visitor (sqlite3_stmt *stmt,
              int           column,
              gint64        n_visitors)
{
  int pick = g_test_rand_int_range (0, 100);

  if (pick < 25)
    sqlite3_bind_null (stmt, column);
  else if (pick < 27)
    /* A person the visitor table no longer has (foreign keys are off
     * in this connection), far beyond the others or below them. */
    sqlite3_bind_int64 (stmt, column, pick == 25 ? 1000000007 : -3);
  else
    sqlite3_bind_int64 (stmt, column, g_test_rand_int_range (1, n_visitors + 1));
}

static void
step_reset (sqlite3      *db,
            sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* A few thousand random rows, then reports of several periods, each
 * number compared with the reference queries. */
static void
test_stats_random (StoreFixture  *fixture,
                   gconstpointer  data)
{
  static const char * const genders[] = { "woman", "man", "other", "unstated" };
  static const char * const ticket_statuses[] = { "waiting", "called", "serving", "done", "no_show" };
  static const char * const signup_statuses[] = { "confirmed", "waitlisted", "cancelled", "attended", "no_show" };
  const char * const langs[] = { "sv", "en", NULL };
  const char * const names[] = { "Rådgivning", "Advice", NULL };
  const char * const english[] = { "en", NULL };
  const char * const english_names[] = { "Jobs", NULL };
  const char * const prefixes[] = { "A", "B", "C", "D" };
  const gint64 n_visitors = 400, n_tickets = 3000, n_sessions = 80, n_signups = 2000;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_assert_true (lotsen_queue_add_service (fixture->store, prefixes[i], "lotsen-help-symbolic", 5,
                                               i == 2 ? english : langs, i == 2 ? english_names : names,
                                               &error));
      g_assert_no_error (error);
    }

  /* C is closed but has tickets; D is open and gets none. */
  exec_sql (fixture,
            "UPDATE service SET active = 0 WHERE prefix = 'C';"
            "INSERT INTO activity (uuid, category, pictogram, capacity) VALUES "
            "('P', 'language', 'lotsen-coffee-symbolic', 12), ('Q', 'craft', 'lotsen-coffee-symbolic', 8),"
            "('R', 'sport', 'lotsen-coffee-symbolic', 8), ('S', 'craft', 'lotsen-coffee-symbolic', 8);"
            "INSERT INTO activity_text (activity_id, lang, title) SELECT id, 'sv', 'Språkcafé' FROM activity WHERE uuid = 'P';"
            "INSERT INTO activity_text (activity_id, lang, title) SELECT id, 'en', 'Language café' FROM activity WHERE uuid = 'P';"
            "INSERT INTO activity_text (activity_id, lang, title) SELECT id, 'en', 'Sewing' FROM activity WHERE uuid = 'Q';"
            "INSERT INTO activity_text (activity_id, lang, title) SELECT id, 'sv', 'Sömnad' FROM activity WHERE uuid = 'S';");

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO visitor (id, uuid, created_at, gender, birth_year) "
                                       "VALUES (?1, 'v-' || ?1, ?2, ?3, ?4)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (gint64 id = 1; id <= n_visitors; id++)
    {
      int gender = g_test_rand_int_range (0, 6);
      int birth = g_test_rand_int_range (0, 12);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, random_time () - g_test_rand_int_range (0, 2) * 200 * 86400);
      if (gender < 4)
        sqlite3_bind_text (stmt, 3, genders[gender], -1, SQLITE_STATIC);
      /* No birth year, 0 (as if unknown), a year to come, or a real one. */
      if (birth == 1)
        sqlite3_bind_int (stmt, 4, 0);
      else if (birth == 2)
        sqlite3_bind_int (stmt, 4, 2030);
      else if (birth > 2)
        sqlite3_bind_int (stmt, 4, g_test_rand_int_range (1930, 2026));
      step_reset (db, stmt);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO ticket (uuid, service_id, visitor_id, day, number, label, "
                                       "status, created_at, called_at) VALUES ('t-' || ?1, "
                                       "(SELECT id FROM service WHERE prefix = ?2), ?3, ?4, ?1, ?2 || ?1, ?5, ?6, ?7)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (gint64 i = 1; i <= n_tickets; i++)
    {
      gint64 created_at = random_time ();
      g_autofree char *day = lotsen_store_format_local_day (fixture->store, created_at);
      int wait = g_test_rand_int_range (0, 100);

      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, prefixes[g_test_rand_int_range (0, 3)], -1, SQLITE_STATIC);
      bind_visitor (stmt, 3, n_visitors);
      sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, ticket_statuses[g_test_rand_int_range (0, 5)], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, created_at);
      /* Never called; a short wait; beyond four hours; called before taken. */
      if (wait >= 20)
        sqlite3_bind_int64 (stmt, 7, created_at + (wait < 90 ? g_test_rand_int_range (0, 1500)
                                                   : wait < 97 ? g_test_rand_int_range (14390, 40000)
                                                   : -g_test_rand_int_range (1, 100)));
      step_reset (db, stmt);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO session (uuid, activity_id, starts_at, ends_at, cancelled) "
                                       "VALUES ('s-' || ?1, (SELECT id FROM activity WHERE uuid = ?2), ?3, ?3 + 3600, ?4)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  {
    /* An activity has one session at a time: draw again on a clash. */
    g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gint64 i = 1; i <= n_sessions; i++)
    {
      static const char * const activities[] = { "P", "Q", "R", "S" };
      const char *activity;
      gint64 starts;
      char *key;

      do
        {
          activity = activities[g_test_rand_int_range (0, 4)];
          starts = random_time ();
          key = g_strdup_printf ("%s %" G_GINT64_FORMAT, activity, starts);
        }
      while (!g_hash_table_add (taken, key));

      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, activity, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, starts);
      sqlite3_bind_int (stmt, 4, g_test_rand_int_range (0, 7) == 0);
      step_reset (db, stmt);
    }
  }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO signup (uuid, session_id, visitor_id, party_size, status, "
                                       "created_at, changed_at) VALUES ('g-' || ?1, "
                                       "(SELECT id FROM session WHERE uuid = 's-' || ?2), ?3, ?4, ?5, 0, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (gint64 i = 1; i <= n_signups; i++)
    {
      sqlite3_bind_int64 (stmt, 1, i);
      /* The last sessions get no sign-ups. */
      sqlite3_bind_int64 (stmt, 2, g_test_rand_int_range (1, n_sessions - 5));
      bind_visitor (stmt, 3, n_visitors);
      sqlite3_bind_int (stmt, 4, g_test_rand_int_range (1, 5));
      sqlite3_bind_text (stmt, 5, signup_statuses[g_test_rand_int_range (0, 5)], -1, SQLITE_STATIC);
      step_reset (db, stmt);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  /* A year; a stretch from the middle of a day across both changes of
   * summer time; a single day; the day summer time ends. */
  assert_report_matches (fixture, db, local_time (2026, 1, 1, 0, 0), local_time (2027, 1, 1, 0, 0));
  assert_report_matches (fixture, db, local_time (2026, 3, 15, 13, 30), local_time (2026, 10, 27, 0, 0));
  assert_report_matches (fixture, db, local_time (2026, 6, 1, 0, 0), local_time (2026, 6, 2, 0, 0));
  assert_report_matches (fixture, db, local_time (2026, 10, 25, 0, 0), local_time (2026, 10, 26, 0, 0));
  /* Beyond the data, and longer than 64 months. */
  assert_report_matches (fixture, db, local_time (2021, 1, 1, 0, 0), local_time (2028, 1, 1, 0, 0));

  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, stats_set_up, func, store_fixture_tear_down)

  ADD ("/stats/counts", test_stats_counts);
  ADD ("/stats/partial-month", test_stats_partial_month);
  ADD ("/stats/empty", test_stats_empty);
  ADD ("/stats/csv", test_stats_csv);
  ADD ("/stats/xlsx", test_stats_xlsx);
  ADD ("/stats/swedish", test_stats_swedish);

#undef ADD

  g_test_add ("/stats/random", StoreFixture, NULL, store_fixture_set_up, test_stats_random,
              store_fixture_tear_down);

  return g_test_run ();
}
