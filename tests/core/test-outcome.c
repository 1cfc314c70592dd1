/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Outcomes: recording and correcting them (audited, bad input refused
 * with nothing stored), the follow-up list, the kiosk's "asked once, not
 * again for 30 days" rule, and the report's outcome figures on a small
 * hand-counted fixture, cell by cell. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lotsen-outcome.h"
#include "lotsen-stats.h"
#include "lotsen-test-core.h"
#include "lotsen-visitor.h"

/* The fixture.  TEST_NOW is 2026-11-25 10:00 in Stockholm; the period
 * is [2026-08-01, 2026-12-01) local; ages are counted in 2026.  Each
 * visitor's first visit is their registration.
 *
 *      gender    born → band   first visit        outcomes (begin)
 *   A  woman     2000 → 25-34  2026-10-02 10:00   work-employed 2026-11-20          yes
 *   B  man       1990 → 35-44  2026-10-10 10:00   studies-sfi 2026-10-09 (before)   no
 *   C  woman     1960 → 65+    2026-07-01 10:00   work-own-business 2026-10-15,
 *                                                  studies-university 2026-07-30    not new in the period
 *   D  woman     2011 → 0-15   2026-11-03 10:00   internship 2026-11-10             no (not work or studies)
 *   F  unstated  none → unkn.  2026-10-20 10:00   studies-komvux 2026-11-24         yes
 *   G  man       1995 → 25-34  2026-10-05 10:00   —                                 no
 *   H  woman     1985 → 35-44  2026-08-01 09:00   —  (phone)                        no
 *   J  man       1990 → 35-44  2026-08-26 12:00   studies-vocational 2026-11-24     yes (day 90)
 *   K  man       1990 → 35-44  2026-08-25 12:00   studies-vocational 2026-11-24     no (day 91)
 *   L  other     1980 → 45-54  2026-09-01 10:00   —                                 no
 *
 * New participants A B D F G H J K L = 9; with work or studies within
 * 90 days A F J = 3.
 *   woman A D H 3 / 1;  man B G J K 4 / 1;  other L 1 / 0;  unstated F 1 / 1;  unknown 0 / 0
 *   0-15 D 1 / 0;  16-24 0;  25-34 A G 2 / 1;  35-44 B H J K 4 / 1;  45-54 L 1 / 0;
 *   55-64 0;  65+ 0 (C is not new);  unknown F 1 / 1
 * Outcomes that began in the period: work-employed 1, work-own-business
 * 1, studies-sfi 1, studies-komvux 1, studies-vocational 2, internship 1,
 * the rest 0; total 7 (C's university studies began in July).
 *
 * Follow-up at 90 days (first visit on or before 2026-08-27 10:00, no
 * outcome): H.  At 60 days (on or before 2026-09-26 10:00): H, L.
 */

static gint64
local_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) when = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (when);
}

typedef struct
{
  StoreFixture base;
  gint64 a, b, c, d, f, g, h, j, k, l;
} OutcomeFixture;

static gint64
register_visitor (OutcomeFixture *fixture,
                  const char     *name,
                  LotsenGender    gender,
                  int             birth_year,
                  gint64          created_at,
                  const char     *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;

  lotsen_clock_set_now (fixture->base.clock, created_at);
  draft->lang = g_strdup ("sv");
  draft->given_name = g_strdup (name);
  draft->birth_year = birth_year;
  draft->gender = gender;
  draft->phone = g_strdup (phone);
  draft->consent = TRUE;

  visitor = lotsen_visitor_register (fixture->base.store, draft, &error);
  g_assert_no_error (error);
  return visitor->id;
}

static void
outcome (OutcomeFixture    *fixture,
         gint64             visitor_id,
         LotsenOutcomeKind  kind,
         const char        *begin)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (lotsen_outcome_set (fixture->base.store, visitor_id, kind, begin,
                                       LOTSEN_OUTCOME_BY_STAFF, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
count (OutcomeFixture *fixture,
       const char     *sql)
{
  return query_database_int (fixture->base.path, sql);
}

static void
fixture_set_up (OutcomeFixture *fixture,
                gconstpointer   data)
{
  store_fixture_set_up (&fixture->base, data);

  fixture->a = register_visitor (fixture, "Amal", LOTSEN_GENDER_WOMAN, 2000, local_time (2026, 10, 2, 10, 0), NULL);
  fixture->b = register_visitor (fixture, "Bashir", LOTSEN_GENDER_MAN, 1990, local_time (2026, 10, 10, 10, 0), NULL);
  fixture->c = register_visitor (fixture, "Chiara", LOTSEN_GENDER_WOMAN, 1960, local_time (2026, 7, 1, 10, 0), NULL);
  fixture->d = register_visitor (fixture, "Dina", LOTSEN_GENDER_WOMAN, 2011, local_time (2026, 11, 3, 10, 0), NULL);
  fixture->f = register_visitor (fixture, "Farah", LOTSEN_GENDER_UNSTATED, 0, local_time (2026, 10, 20, 10, 0), NULL);
  fixture->g = register_visitor (fixture, "Goran", LOTSEN_GENDER_MAN, 1995, local_time (2026, 10, 5, 10, 0), NULL);
  fixture->h = register_visitor (fixture, "Hana", LOTSEN_GENDER_WOMAN, 1985, local_time (2026, 8, 1, 9, 0), "070 123 45 67");
  fixture->j = register_visitor (fixture, "Jonas", LOTSEN_GENDER_MAN, 1990, local_time (2026, 8, 26, 12, 0), NULL);
  fixture->k = register_visitor (fixture, "Karim", LOTSEN_GENDER_MAN, 1990, local_time (2026, 8, 25, 12, 0), NULL);
  fixture->l = register_visitor (fixture, "Lior", LOTSEN_GENDER_OTHER, 1980, local_time (2026, 9, 1, 10, 0), NULL);

  lotsen_clock_set_now (fixture->base.clock, TEST_NOW);
  outcome (fixture, fixture->a, LOTSEN_OUTCOME_WORK_EMPLOYED, "2026-11-20");
  outcome (fixture, fixture->b, LOTSEN_OUTCOME_STUDIES_SFI, "2026-10-09");
  outcome (fixture, fixture->c, LOTSEN_OUTCOME_WORK_OWN_BUSINESS, "2026-10-15");
  outcome (fixture, fixture->c, LOTSEN_OUTCOME_STUDIES_UNIVERSITY, "2026-07-30");
  outcome (fixture, fixture->d, LOTSEN_OUTCOME_INTERNSHIP, "2026-11-10");
  outcome (fixture, fixture->f, LOTSEN_OUTCOME_STUDIES_KOMVUX, "2026-11-24");
  outcome (fixture, fixture->j, LOTSEN_OUTCOME_STUDIES_VOCATIONAL, "2026-11-24");
  outcome (fixture, fixture->k, LOTSEN_OUTCOME_STUDIES_VOCATIONAL, "2026-11-24");
}

static void
fixture_tear_down (OutcomeFixture *fixture,
                   gconstpointer   data)
{
  store_fixture_tear_down (&fixture->base, data);
}

static void
get_figures (OutcomeFixture       *fixture,
             LotsenOutcomeFigures *figures)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_stats_outcomes (fixture->base.store, local_time (2026, 8, 1, 0, 0),
                                        local_time (2026, 12, 1, 0, 0), figures, &error));
  g_assert_no_error (error);
}

static void
test_figures (OutcomeFixture *fixture,
              gconstpointer   data)
{
  LotsenOutcomeFigures figures;
  /* woman, man, other, unstated, unknown */
  static const guint new_by_gender[] = { 3, 4, 1, 1, 0 };
  static const guint yes_by_gender[] = { 1, 1, 0, 1, 0 };
  /* 0-15, 16-24, 25-34, 35-44, 45-54, 55-64, 65+, unknown */
  static const guint new_by_age[] = { 1, 0, 2, 4, 1, 0, 0, 1 };
  static const guint yes_by_age[] = { 0, 0, 1, 1, 0, 0, 0, 1 };
  /* work, work-employed, work-own-business, studies, sfi, komvux,
   * folkhogskola, university, vocational, internship, other */
  static const guint by_kind[] = { 0, 1, 1, 0, 1, 1, 0, 0, 2, 1, 0 };

  get_figures (fixture, &figures);

  g_assert_cmpuint (figures.new_participants, ==, 9);
  g_assert_cmpuint (figures.work_or_studies, ==, 3);
  g_assert_cmpfloat_with_epsilon (lotsen_outcome_share (figures.work_or_studies, figures.new_participants),
                                  100.0 / 3, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (new_by_gender); i++)
    {
      g_test_message ("gender %u", i);
      g_assert_cmpuint (figures.new_by_gender[i], ==, new_by_gender[i]);
      g_assert_cmpuint (figures.work_or_studies_by_gender[i], ==, yes_by_gender[i]);
    }
  /* The share by gender: woman 1 of 3, man 1 of 4, unstated 1 of 1. */
  g_assert_cmpfloat_with_epsilon (lotsen_outcome_share (figures.work_or_studies_by_gender[LOTSEN_REPORT_GENDER_WOMAN],
                                                        figures.new_by_gender[LOTSEN_REPORT_GENDER_WOMAN]), 100.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (lotsen_outcome_share (figures.work_or_studies_by_gender[LOTSEN_REPORT_GENDER_MAN],
                                                        figures.new_by_gender[LOTSEN_REPORT_GENDER_MAN]), 25.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lotsen_outcome_share (figures.work_or_studies_by_gender[LOTSEN_REPORT_GENDER_UNKNOWN],
                                                        figures.new_by_gender[LOTSEN_REPORT_GENDER_UNKNOWN]), 0.0, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (new_by_age); i++)
    {
      g_test_message ("age band %u", i);
      g_assert_cmpuint (figures.new_by_age[i], ==, new_by_age[i]);
      g_assert_cmpuint (figures.work_or_studies_by_age[i], ==, yes_by_age[i]);
    }
  /* The share by age band: 25-34 1 of 2, 35-44 1 of 4. */
  g_assert_cmpfloat_with_epsilon (lotsen_outcome_share (figures.work_or_studies_by_age[LOTSEN_REPORT_AGE_25_34],
                                                        figures.new_by_age[LOTSEN_REPORT_AGE_25_34]), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lotsen_outcome_share (figures.work_or_studies_by_age[LOTSEN_REPORT_AGE_35_44],
                                                        figures.new_by_age[LOTSEN_REPORT_AGE_35_44]), 25.0, 1e-9);
  for (guint i = 0; i < LOTSEN_OUTCOME_N_KINDS; i++)
    {
      g_test_message ("kind %s", lotsen_outcome_kind_to_string (i));
      g_assert_cmpuint (figures.by_kind[i], ==, by_kind[i]);
    }
  g_assert_cmpuint (figures.total, ==, 7);
}

/* Corrected, B's studies began the day after B's first visit: B now
 * counts; the correction is audited and the kind moves. */
static void
test_correct (OutcomeFixture *fixture,
              gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  LotsenOutcome *b;
  LotsenOutcomeFigures figures;

  list = lotsen_outcome_list (fixture->base.store, fixture->b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  b = g_ptr_array_index (list, 0);
  g_assert_cmpint (b->kind, ==, LOTSEN_OUTCOME_STUDIES_SFI);
  g_assert_cmpstr (b->begin_date, ==, "2026-10-09");
  g_assert_cmpint (b->reported_by, ==, LOTSEN_OUTCOME_BY_STAFF);

  g_assert_true (lotsen_outcome_correct (fixture->base.store, b->id, LOTSEN_OUTCOME_STUDIES_FOLKHOGSKOLA,
                                         "2026-10-11", "  Starts in January  ", &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE what = 'outcome-set'"), ==, 8);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE what = 'outcome-corrected'"), ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = lotsen_outcome_list (fixture->base.store, fixture->b, &error);
  b = g_ptr_array_index (list, 0);
  g_assert_cmpint (b->kind, ==, LOTSEN_OUTCOME_STUDIES_FOLKHOGSKOLA);
  g_assert_cmpstr (b->begin_date, ==, "2026-10-11");
  g_assert_cmpstr (b->note, ==, "Starts in January");

  get_figures (fixture, &figures);
  g_assert_cmpuint (figures.work_or_studies, ==, 4);
  g_assert_cmpuint (figures.work_or_studies_by_gender[LOTSEN_REPORT_GENDER_MAN], ==, 2);
  g_assert_cmpuint (figures.work_or_studies_by_age[LOTSEN_REPORT_AGE_35_44], ==, 2);
  g_assert_cmpuint (figures.by_kind[LOTSEN_OUTCOME_STUDIES_SFI], ==, 0);
  g_assert_cmpuint (figures.by_kind[LOTSEN_OUTCOME_STUDIES_FOLKHOGSKOLA], ==, 1);
  g_assert_cmpuint (figures.total, ==, 7);
}

static void
test_bad_input (OutcomeFixture *fixture,
                gconstpointer   data)
{
  static const char * const dates[] = { "2026-13-01", "2026-02-30", "26-01-01", "2026-01-01x", "", "2026-11-26" };
  gint64 before = count (fixture, "SELECT count(*) FROM outcome");
  gint64 audited = count (fixture, "SELECT count(*) FROM audit");
  LotsenOutcomeKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("date %s", dates[i]);
      g_assert_cmpint (lotsen_outcome_set (fixture->base.store, fixture->g, LOTSEN_OUTCOME_OTHER, dates[i],
                                           LOTSEN_OUTCOME_BY_STAFF, NULL, &error), ==, 0);
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (lotsen_outcome_set (fixture->base.store, 999999, LOTSEN_OUTCOME_OTHER, NULL,
                                         LOTSEN_OUTCOME_BY_STAFF, NULL, &error), ==, 0);
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lotsen_outcome_correct (fixture->base.store, 999999, LOTSEN_OUTCOME_OTHER, "2026-11-01", NULL, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  }

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM outcome"), ==, before);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, audited);

  g_assert_false (lotsen_outcome_kind_from_string ("job", &kind));
  for (guint i = 0; i < LOTSEN_OUTCOME_N_KINDS; i++)
    {
      g_assert_true (lotsen_outcome_kind_from_string (lotsen_outcome_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
}

static void
test_follow_up (OutcomeFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *phone = lotsen_visitor_normalize_phone ("070 123 45 67", -1, NULL);
  LotsenFollowUp *row;

  g_assert_cmpuint (lotsen_outcome_get_follow_up_days (fixture->base.store), ==, 90);
  due = lotsen_outcome_list_due (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  row = g_ptr_array_index (due, 0);
  g_assert_cmpint (row->visitor_id, ==, fixture->h);
  g_assert_cmpstr (row->given_name, ==, "Hana");
  g_assert_nonnull (phone);
  g_assert_cmpstr (row->phone, ==, phone);
  g_assert_cmpint (row->first_visit, ==, local_time (2026, 8, 1, 9, 0));
  g_assert_nonnull (row->code);

  g_assert_false (lotsen_outcome_set_follow_up_days (fixture->base.store, 0, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lotsen_outcome_set_follow_up_days (fixture->base.store, 60, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM setting WHERE key = 'follow_up_days' AND value = '60'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE detail = 'follow_up_days=60'"), ==, 1);

  g_clear_pointer (&due, g_ptr_array_unref);
  due = lotsen_outcome_list_due (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpint (((LotsenFollowUp *) g_ptr_array_index (due, 0))->visitor_id, ==, fixture->h);
  g_assert_cmpint (((LotsenFollowUp *) g_ptr_array_index (due, 1))->visitor_id, ==, fixture->l);
  g_assert_null (((LotsenFollowUp *) g_ptr_array_index (due, 1))->phone);

  /* An outcome takes H off the list. */
  outcome (fixture, fixture->h, LOTSEN_OUTCOME_OTHER, NULL);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = lotsen_outcome_list_due (fixture->base.store, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (((LotsenFollowUp *) g_ptr_array_index (due, 0))->visitor_id, ==, fixture->l);
}

/* Asked once, not again for 30 days; an answer ends the asking. */
static void
test_ask_rule (OutcomeFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  LotsenStore *store = fixture->base.store;
  gint64 asked;

  g_assert_true (lotsen_outcome_should_ask (store, fixture->h));
  g_assert_false (lotsen_outcome_should_ask (store, fixture->g));  /* 51 days */
  g_assert_false (lotsen_outcome_should_ask (store, fixture->l));  /* 85 days */
  g_assert_false (lotsen_outcome_should_ask (store, fixture->k));  /* has an outcome */
  g_assert_false (lotsen_outcome_should_ask (store, 999999));

  g_assert_true (lotsen_outcome_mark_asked (store, fixture->h, &error));
  g_assert_no_error (error);
  asked = lotsen_clock_get_now (fixture->base.clock);
  g_assert_false (lotsen_outcome_should_ask (store, fixture->h));

  lotsen_clock_set_now (fixture->base.clock, asked + 30 * 86400 - 1);
  g_assert_false (lotsen_outcome_should_ask (store, fixture->h));
  g_assert_true (lotsen_outcome_should_ask (store, fixture->l));   /* now past 90 days */
  lotsen_clock_set_now (fixture->base.clock, asked + 30 * 86400);
  g_assert_true (lotsen_outcome_should_ask (store, fixture->h));

  g_assert_cmpint (lotsen_outcome_answer (store, fixture->h, LOTSEN_OUTCOME_WORK_EMPLOYED, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (lotsen_outcome_should_ask (store, fixture->h));

  list = lotsen_outcome_list (store, fixture->h, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((LotsenOutcome *) g_ptr_array_index (list, 0))->reported_by, ==, LOTSEN_OUTCOME_BY_VISITOR);
  g_assert_cmpstr (((LotsenOutcome *) g_ptr_array_index (list, 0))->begin_date, ==, "2026-12-25");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE what = 'outcome-answered'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM outcome WHERE reported_by = 'visitor'"), ==, 1);
}

/* Anonymising a visitor drops the note about them and keeps the
 * outcome; erasing them removes it. */
static void
test_purge_and_erase (OutcomeFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpint (lotsen_outcome_set (fixture->base.store, fixture->c, LOTSEN_OUTCOME_OTHER, NULL,
                                       LOTSEN_OUTCOME_BY_STAFF, "Lives with her sister", &error), >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM outcome WHERE note IS NOT NULL"), ==, 1);

  /* C and H were registered on 2026-07-01 and 2026-08-01, more than 100
   * days before TEST_NOW; H has no outcome. */
  g_assert_true (lotsen_store_set_retention_days (fixture->base.store, 100, &error));
  g_assert_true (lotsen_visitor_purge (fixture->base.store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM outcome WHERE note IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM outcome o JOIN visitor v ON v.id = o.visitor_id "
                                   "WHERE v.anonymised_at IS NOT NULL"), ==, 3);

  {
    g_autoptr(GPtrArray) list = lotsen_outcome_list (fixture->base.store, fixture->a, &error);
    const char *code = ((LotsenOutcome *) g_ptr_array_index (list, 0))->code;

    g_assert_true (lotsen_visitor_erase (fixture->base.store, code, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM outcome"), ==, 8);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM outcome WHERE kind = 'work-employed'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, OutcomeFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/outcome/figures", test_figures);
  ADD ("/outcome/correct", test_correct);
  ADD ("/outcome/bad-input", test_bad_input);
  ADD ("/outcome/follow-up", test_follow_up);
  ADD ("/outcome/ask-rule", test_ask_rule);
  ADD ("/outcome/purge-and-erase", test_purge_and_erase);

  return g_test_run ();
}
