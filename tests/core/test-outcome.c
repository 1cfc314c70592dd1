/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Outcomes: recorded and corrected with an audit row; the follow-up list;
 * when the kiosk asks; and the report's figures, counted by hand below. */
#include "config.h"

#include <sqlite3.h>

#include "lotsen-demo.h"
#include "lotsen-outcome.h"
#include "lotsen-queue.h"
#include "lotsen-stats.h"
#include "lotsen-test-core.h"
#include "lotsen-visitor.h"

static gint64
local_time (int year,
            int month,
            int day,
            int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) time = g_date_time_new (zone, year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static gint64
register_at (StoreFixture *fixture,
             const char   *name,
             LotsenGender  gender,
             int           birth_year,
             const char   *phone,
             gint64        at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;

  lotsen_clock_set_now (fixture->clock, at);
  draft->lang = g_strdup ("sv");
  draft->given_name = g_strdup (name);
  draft->birth_year = birth_year;
  draft->gender = gender;
  draft->phone = g_strdup (phone);
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);

  return visitor->id;
}

static void
set_outcome (StoreFixture *fixture,
             gint64        visitor_id,
             const char   *kind,
             const char   *begins_on)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_outcome_set (fixture->store, visitor_id, kind, begins_on,
                                     LOTSEN_OUTCOME_BY_STAFF, NULL, &error));
  g_assert_no_error (error);
}

static void
exec_sql (StoreFixture *fixture,
          const char   *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

typedef struct
{
  gint64 amina, bashir, chaltu, dawit, eyerus, farah, gul, hamid, ivan, karin;
} People;

/*
 * Hand-counted fixture, period January–March 2026:
 *
 *   name    gender    born  first visit       outcome (begins)            in cohort  within 90 days
 *   Amina   woman     1990  2026-01-10 reg.   employed 2026-03-01         yes        yes (50 days)
 *   Bashir  man       2001  2025-12-20 reg.   sfi 2026-01-15              no (Dec.)  –
 *   Chaltu  woman     1998  2026-02-01 reg.   komvux 2026-06-01           yes        no (120 days)
 *   Dawit   man       1990  2026-03-15 reg.   internship 2026-04-10       yes        no (not work/studies)
 *   Eyerus  unstated  –     2026-03-20 reg.   work (visitor) 2026-03-25   yes        yes
 *   Farah   woman     1990  2026-03-31 reg.   own business 2026-06-29     yes        yes (day 90)
 *   Gul     woman     1960  2026-02-10 reg.   –                           yes        no
 *   Hamid   man       2000  2026-08-20 reg.   –                           no (Aug.)  –
 *   Ivan    man       1985  2026-02-20 ticket university 2026-05-10       yes        yes (registered
 *                                                                                    in May, ticket first)
 *   Karin   woman     1980  2026-01-05 reg.   – (anonymised)              yes        no
 *
 * Age bands at 2026: Amina, Dawit, Farah 36 → 35–44; Chaltu 28 → 25–34;
 * Gul 66 → 65+; Ivan 41 → 35–44; Karin 46 → 45–54.
 */
static People
make_people (StoreFixture *fixture)
{
  People p;
  g_autofree char *move = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);

  p.amina = register_at (fixture, "Amina", LOTSEN_GENDER_WOMAN, 1990, NULL, local_time (2026, 1, 10, 10));
  p.bashir = register_at (fixture, "Bashir", LOTSEN_GENDER_MAN, 2001, NULL, local_time (2025, 12, 20, 10));
  p.chaltu = register_at (fixture, "Chaltu", LOTSEN_GENDER_WOMAN, 1998, NULL, local_time (2026, 2, 1, 10));
  p.dawit = register_at (fixture, "Dawit", LOTSEN_GENDER_MAN, 1990, NULL, local_time (2026, 3, 15, 10));
  p.eyerus = register_at (fixture, "Eyerus", LOTSEN_GENDER_UNSTATED, 0, NULL, local_time (2026, 3, 20, 10));
  p.farah = register_at (fixture, "Farah", LOTSEN_GENDER_WOMAN, 1990, NULL, local_time (2026, 3, 31, 23));
  p.gul = register_at (fixture, "Gul", LOTSEN_GENDER_WOMAN, 1960, "070-123 45 67", local_time (2026, 2, 10, 10));
  p.hamid = register_at (fixture, "Hamid", LOTSEN_GENDER_MAN, 2000, NULL, local_time (2026, 8, 20, 10));
  p.ivan = register_at (fixture, "Ivan", LOTSEN_GENDER_MAN, 1985, NULL, local_time (2026, 2, 20, 9));
  p.karin = register_at (fixture, "Karin", LOTSEN_GENDER_WOMAN, 1980, NULL, local_time (2026, 1, 5, 10));

  /* Ivan took a ticket on 20 February; his registration is dated May. */
  lotsen_clock_set_now (fixture->clock, local_time (2026, 2, 20, 10));
  ticket = lotsen_queue_take_ticket_for (fixture->store, "A", "sv", p.ivan, &error);
  g_assert_no_error (error);
  move = g_strdup_printf ("UPDATE visitor SET created_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                          local_time (2026, 5, 1, 10), p.ivan);
  exec_sql (fixture, move);
  g_free (move);
  move = g_strdup_printf ("UPDATE visitor SET anonymised_at = %" G_GINT64_FORMAT ", given_name = NULL"
                          " WHERE id = %" G_GINT64_FORMAT, local_time (2026, 7, 1, 10), p.karin);
  exec_sql (fixture, move);

  lotsen_clock_set_now (fixture->clock, local_time (2026, 9, 1, 12));
  set_outcome (fixture, p.amina, "employed", "2026-03-01");
  set_outcome (fixture, p.bashir, "sfi", "2026-01-15");
  set_outcome (fixture, p.chaltu, "komvux", "2026-06-01");
  set_outcome (fixture, p.dawit, "internship", "2026-04-10");
  g_assert_true (lotsen_outcome_set (fixture->store, p.eyerus, "work", "2026-03-25",
                                     LOTSEN_OUTCOME_BY_VISITOR, NULL, &error));
  g_assert_no_error (error);
  set_outcome (fixture, p.farah, "own-business", "2026-06-29");
  set_outcome (fixture, p.ivan, "university", "2026-05-10");

  return p;
}

static guint
kind_count (const LotsenOutcomeFigures *figures,
            const char                 *kind)
{
  guint n_kinds;
  const char * const *kinds = lotsen_outcome_get_kinds (&n_kinds);

  g_assert_cmpuint (figures->n_kinds, ==, n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (kinds[i], kind))
      return figures->by_kind[i];

  g_assert_not_reached ();
}

static void
test_outcome_figures (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LotsenOutcomeFigures figures;
  gint64 from = local_time (2026, 1, 1, 0);
  gint64 to = local_time (2026, 4, 1, 0);
  guint sum_cohort = 0, sum_within = 0;

  make_people (fixture);

  g_assert_true (lotsen_outcome_count (fixture->store, from, to, 2026, LOTSEN_OUTCOME_WINDOW_DAYS, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (figures.days, ==, 90);
  g_assert_cmpuint (figures.cohort_total, ==, 8);
  g_assert_cmpuint (figures.within_total, ==, 4);

  /* Every cell, by gender × age band. */
  for (guint g = 0; g < LOTSEN_REPORT_N_GENDERS; g++)
    for (guint a = 0; a < LOTSEN_REPORT_N_AGE_BANDS; a++)
      {
        guint cohort = 0, within = 0;

        if (g == LOTSEN_REPORT_GENDER_WOMAN && a == LOTSEN_REPORT_AGE_35_44)
          cohort = 2, within = 2;        /* Amina, Farah */
        else if (g == LOTSEN_REPORT_GENDER_WOMAN && a == LOTSEN_REPORT_AGE_25_34)
          cohort = 1;                    /* Chaltu */
        else if (g == LOTSEN_REPORT_GENDER_WOMAN && a == LOTSEN_REPORT_AGE_65_PLUS)
          cohort = 1;                    /* Gul */
        else if (g == LOTSEN_REPORT_GENDER_WOMAN && a == LOTSEN_REPORT_AGE_45_54)
          cohort = 1;                    /* Karin */
        else if (g == LOTSEN_REPORT_GENDER_MAN && a == LOTSEN_REPORT_AGE_35_44)
          cohort = 2, within = 1;        /* Dawit, Ivan */
        else if (g == LOTSEN_REPORT_GENDER_UNSTATED && a == LOTSEN_REPORT_AGE_UNKNOWN)
          cohort = 1, within = 1;        /* Eyerus */

        g_assert_cmpuint (figures.cohort[g][a], ==, cohort);
        g_assert_cmpuint (figures.within[g][a], ==, within);
        sum_cohort += figures.cohort[g][a];
        sum_within += figures.within[g][a];
      }
  g_assert_cmpuint (sum_cohort, ==, figures.cohort_total);
  g_assert_cmpuint (sum_within, ==, figures.within_total);

  /* Outcomes that began in the period: Amina's, Bashir's, Eyerus's. */
  g_assert_cmpuint (kind_count (&figures, "employed"), ==, 1);
  g_assert_cmpuint (kind_count (&figures, "sfi"), ==, 1);
  g_assert_cmpuint (kind_count (&figures, "work"), ==, 1);
  g_assert_cmpuint (kind_count (&figures, "komvux"), ==, 0);
  g_assert_cmpuint (kind_count (&figures, "internship"), ==, 0);
  g_assert_cmpuint (kind_count (&figures, "university"), ==, 0);
  lotsen_outcome_figures_clear (&figures);

  /* The funder report's tables hold the same: count, those in work or
   * studies, the share in whole per cent (none without anyone). */
  {
    static const struct {
      LotsenReportSection  section;
      const char          *key;
      const char          *cells[3];
    } rows[] = {
      { LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, "woman",    { "5", "2", "40" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, "man",      { "2", "1", "50" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, "other",    { "0", "0", "" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, "unstated", { "1", "1", "100" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, "unknown",  { "0", "0", "" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, "total",    { "8", "4", "50" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_AGE,    "25-34",    { "1", "0", "0" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_AGE,    "35-44",    { "4", "3", "75" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_AGE,    "45-54",    { "1", "0", "0" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_AGE,    "65+",      { "1", "0", "0" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_AGE,    "unknown",  { "1", "1", "100" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES_AGE,    "total",    { "8", "4", "50" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES,        "employed", { "1" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES,        "sfi",      { "1" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES,        "work",     { "1" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES,        "komvux",   { "0" } },
      { LOTSEN_REPORT_SECTION_OUTCOMES,        "total",    { "3" } },
    };
    g_autoptr(LotsenReport) report = lotsen_report_new (fixture->store, from, to, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        guint n_rows = lotsen_report_get_n_rows (report, rows[i].section);
        gboolean found = FALSE;

        for (guint row = 0; row < n_rows && !found; row++)
          {
            const char *text;
            gint64 number;

            lotsen_report_get_cell (report, rows[i].section, row, 0, &text, &number);
            if (!g_str_equal (text, rows[i].key))
              continue;
            found = TRUE;
            for (guint column = 1; column < lotsen_report_get_n_columns (rows[i].section); column++)
              {
                LotsenReportCellKind kind = lotsen_report_get_cell (report, rows[i].section, row, column,
                                                                    &text, &number);
                g_autofree char *shown = kind == LOTSEN_REPORT_CELL_NUMBER
                                         ? g_strdup_printf ("%" G_GINT64_FORMAT, number) : g_strdup ("");

                if (g_strcmp0 (shown, rows[i].cells[column - 1]) != 0)
                  g_error ("%s %s column %u: %s, expected %s", lotsen_report_section_to_string (rows[i].section),
                           rows[i].key, column, shown, rows[i].cells[column - 1]);
              }
          }
        g_assert_true (found);
      }
  }

  /* Made on 15 May, only those whose 90 days are over count: first
   * visits up to 14 February — Amina, Chaltu, Gul, Karin. */
  lotsen_clock_set_now (fixture->clock, local_time (2026, 5, 15, 12));
  g_assert_true (lotsen_outcome_count (fixture->store, from, to, 2026, LOTSEN_OUTCOME_WINDOW_DAYS, &figures, &error));
  g_assert_cmpuint (figures.cohort_total, ==, 4);
  g_assert_cmpuint (figures.within_total, ==, 1);
  g_assert_cmpuint (figures.within[LOTSEN_REPORT_GENDER_WOMAN][LOTSEN_REPORT_AGE_35_44], ==, 1);
  lotsen_outcome_figures_clear (&figures);
}

static void
test_outcome_set (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  gint64 amina = register_at (fixture, "Amina", LOTSEN_GENDER_WOMAN, 1990, NULL, local_time (2026, 1, 10, 10));
  LotsenOutcome *outcome;

  lotsen_clock_set_now (fixture->clock, local_time (2026, 3, 10, 12));

  /* Refused: not a kind, not a date, a date to come, no such visitor. */
  g_assert_false (lotsen_outcome_set (fixture->store, amina, "lottery", NULL, LOTSEN_OUTCOME_BY_STAFF, NULL, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_outcome_set (fixture->store, amina, "sfi", "2026-02-30", LOTSEN_OUTCOME_BY_STAFF, NULL, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_outcome_set (fixture->store, amina, "sfi", "2026-03-11", LOTSEN_OUTCOME_BY_STAFF, NULL, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_outcome_set (fixture->store, amina + 100, "sfi", NULL, LOTSEN_OUTCOME_BY_STAFF, NULL, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome"), ==, 0);

  /* Today by default; set again, it is corrected, not doubled. */
  g_assert_true (lotsen_outcome_set (fixture->store, amina, "sfi", NULL, LOTSEN_OUTCOME_BY_STAFF, "morning class", &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_outcome_set (fixture->store, amina, "sfi", "2026-03-02", LOTSEN_OUTCOME_BY_STAFF, "evening class", &error));
  g_assert_true (lotsen_outcome_set (fixture->store, amina, "employed", "2026-03-09", LOTSEN_OUTCOME_BY_VISITOR, NULL, &error));
  g_assert_no_error (error);

  outcomes = lotsen_outcome_list (fixture->store, amina, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, 2);
  outcome = outcomes->pdata[0];
  g_assert_cmpstr (outcome->kind, ==, "employed");
  g_assert_cmpint (outcome->reported_by, ==, LOTSEN_OUTCOME_BY_VISITOR);
  outcome = outcomes->pdata[1];
  g_assert_cmpstr (outcome->kind, ==, "sfi");
  g_assert_cmpstr (outcome->begins_on, ==, "2026-03-02");
  g_assert_cmpstr (outcome->note, ==, "evening class");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM audit WHERE what = 'outcome set'"), ==, 3);

  /* Removed when recorded by mistake; audited. */
  g_assert_true (lotsen_outcome_remove (fixture->store, amina, "employed", &error));
  g_assert_no_error (error);
  g_assert_false (lotsen_outcome_remove (fixture->store, amina, "employed", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome"), ==, 1);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM audit WHERE what = 'outcome removed'"), ==, 1);

  g_assert_cmpstr (lotsen_outcome_kind_get_name ("sfi"), ==, "Swedish for immigrants (SFI)");
  g_assert_cmpint (lotsen_outcome_kind_get_group ("folkhogskola"), ==, LOTSEN_OUTCOME_GROUP_STUDIES);
  g_assert_cmpint (lotsen_outcome_kind_get_group ("own-business"), ==, LOTSEN_OUTCOME_GROUP_WORK);
}

static void
test_outcome_follow_up_and_asking (StoreFixture  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  People p = make_people (fixture);
  LotsenFollowUp *gul;

  /* 1 September: due are those 90 days past their first visit with no
   * outcome, not anonymised: Gul only (Hamid came 12 days ago, Karin is
   * anonymised). */
  due = lotsen_outcome_list_follow_up (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  gul = due->pdata[0];
  g_assert_cmpint (gul->visitor_id, ==, p.gul);
  g_assert_cmpstr (gul->name, ==, "Gul");
  g_assert_nonnull (gul->phone);
  g_assert_nonnull (gul->code);
  g_assert_cmpint (gul->first_visit, ==, local_time (2026, 2, 10, 10));

  /* A shorter follow-up setting takes Hamid in; staff's change is
   * stored as a number and audited. */
  g_assert_false (lotsen_outcome_set_follow_up_days (fixture->store, "0", NULL));
  g_assert_true (lotsen_outcome_set_follow_up_days (fixture->store, "010", &error));
  g_assert_cmpuint (lotsen_outcome_get_follow_up_days (fixture->store), ==, 10);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count (*) FROM audit WHERE what = 'settings' "
                                                      "AND detail = 'follow_up_days=10'"), ==, 1);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = lotsen_outcome_list_follow_up (fixture->store, &error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpint (((LotsenFollowUp *) due->pdata[1])->visitor_id, ==, p.hamid);
  g_assert_true (lotsen_store_set_setting (fixture->store, "follow_up_days", "90", &error));

  /* Asked at the kiosk once, then not for 30 days. */
  g_assert_true (lotsen_outcome_should_ask (fixture->store, p.gul));
  g_assert_false (lotsen_outcome_should_ask (fixture->store, p.hamid));
  g_assert_false (lotsen_outcome_should_ask (fixture->store, p.amina));
  g_assert_false (lotsen_outcome_should_ask (fixture->store, p.karin));
  g_assert_true (lotsen_outcome_record_asked (fixture->store, p.gul, &error));
  g_assert_false (lotsen_outcome_should_ask (fixture->store, p.gul));
  lotsen_clock_advance (fixture->clock, 29 * 24 * 3600);
  g_assert_false (lotsen_outcome_should_ask (fixture->store, p.gul));
  lotsen_clock_advance (fixture->clock, 2 * 24 * 3600);
  g_assert_true (lotsen_outcome_should_ask (fixture->store, p.gul));
}

/* Anonymising a visitor drops the note staff wrote about them and keeps
 * the outcome for the statistics. */
static void
test_outcome_purge (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 old = register_at (fixture, "Hana", LOTSEN_GENDER_WOMAN, 1985, "070 123 45 67", TEST_NOW - 400 * 86400);
  gint64 recent;
  guint n = 0;

  g_assert_true (lotsen_outcome_set (fixture->store, old, "sfi", NULL, LOTSEN_OUTCOME_BY_STAFF,
                                     "lives with her sister", &error));
  g_assert_no_error (error);
  recent = register_at (fixture, "Bo", LOTSEN_GENDER_MAN, 1990, NULL, TEST_NOW - 10 * 86400);
  g_assert_true (lotsen_outcome_set (fixture->store, recent, "sfi", NULL, LOTSEN_OUTCOME_BY_STAFF,
                                     "evening class", &error));
  g_assert_no_error (error);

  lotsen_clock_set_now (fixture->clock, TEST_NOW);
  g_assert_true (lotsen_visitor_purge (fixture->store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome"), ==, 2);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome WHERE note IS NULL"), ==, 1);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome WHERE note = 'evening class'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/outcome/figures", StoreFixture, NULL, store_fixture_set_up, test_outcome_figures, store_fixture_tear_down);
  g_test_add ("/outcome/set", StoreFixture, NULL, store_fixture_set_up, test_outcome_set, store_fixture_tear_down);
  g_test_add ("/outcome/purge", StoreFixture, NULL, store_fixture_set_up, test_outcome_purge, store_fixture_tear_down);
  g_test_add ("/outcome/follow-up-and-asking", StoreFixture, NULL,
              store_fixture_set_up, test_outcome_follow_up_and_asking, store_fixture_tear_down);

  return g_test_run ();
}
