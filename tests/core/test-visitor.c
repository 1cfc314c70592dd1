/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>

#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-test-core.h"
#include "lotsen-visitor.h"

static void
visitor_set_up (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (fixture, data);
  g_assert_true (lotsen_demo_seed (fixture->store, &error));
}

static LotsenVisitorDraft *
make_draft (const char *given_name)
{
  LotsenVisitorDraft *draft = lotsen_visitor_draft_new ();

  draft->lang = g_strdup ("ti");
  draft->given_name = g_strdup (given_name);
  draft->consent = TRUE;
  return draft;
}

static void
test_names (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "  Anna   Maria ", "Anna Maria" },
    { "O’Brien-Smith", "O’Brien-Smith" },
    { "Åsa", "Åsa" },
    { "A\xcc\x8asa", "Åsa" },                      /* decomposed Å becomes one character */
    { "محمد", "محمد" },
    { "مهسا‌زاده", "مهسا‌زاده" },                  /* a zero-width non-joiner is Persian spelling */
    { "ሳባ ተስፋይ", "ሳባ ተስፋይ" },                    /* Ge'ez */
    { "Олена", "Олена" },
    { "J. R.", "J. R." },
  };
  const char *bad[] = {
    "=cmd|' /C calc'!A0",
    "Anna\xe2\x80\xae" "evil",                     /* U+202E RIGHT-TO-LEFT OVERRIDE */
    "Anna\xe2\x81\xa6x\xe2\x81\xa9",               /* isolates */
    "Anna\x01",
    "Anna\tB",                                     /* a tab is a control character, not a space */
    "Anna 😀",
    "R2D2",
    "---",
    "\xff\xfe",                                    /* not UTF-8 */
  };
  g_autofree char *long_name = g_strnfill (10000, 'a');
  g_autofree char *just_fits = g_strnfill (LOTSEN_NAME_MAX_CHARS, 'a');
  const char with_nul[] = "Anna\0Berit";

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = lotsen_visitor_normalize_name (good[i].in, -1, TRUE, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, good[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = lotsen_visitor_normalize_name (bad[i], -1, TRUE, &error);

      if (name != NULL)
        g_error ("“%s” was accepted as a name", bad[i]);
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *name = lotsen_visitor_normalize_name (with_nul, sizeof with_nul - 1, TRUE, &error);

    g_assert_null (name);
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *name = lotsen_visitor_normalize_name (long_name, -1, TRUE, &error);
    g_autofree char *fits = lotsen_visitor_normalize_name (just_fits, -1, TRUE, NULL);

    g_assert_null (name);
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_assert_cmpstr (fits, ==, just_fits);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *required = lotsen_visitor_normalize_name ("   ", -1, TRUE, &error);
    g_autofree char *optional = lotsen_visitor_normalize_name ("   ", -1, FALSE, NULL);

    g_assert_null (required);
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_assert_cmpstr (optional, ==, "");
  }
}

static void
test_phones (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "070-123 45 67", "+46701234567" },
    { "0701234567", "+46701234567" },
    { "+46 70 123 45 67", "+46701234567" },
    { "+46 070 123 45 67", "+46701234567" },
    { "0046701234567", "+46701234567" },
    { "08-123 456 78", "+46812345678" },
    { "+964 770 123 4567", "+9647701234567" },
    { "(+380) 67.123.45.67", "+380671234567" },
    { "٠٧٠١٢٣٤٥٦٧", "+46701234567" },               /* Arabic-Indic digits */
    { "۰۷۰۱۲۳۴۵۶۷", "+46701234567" },               /* Persian digits */
    { "", "" },
    { "   ", "" },
  };
  const char *bad[] = {
    "=1+1", "070 123", "12345678", "+1", "+1234567890123456", "07012345678901",
    "phone", "070\xe2\x80\xae" "1234567", "+46 70 +123",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *phone = lotsen_visitor_normalize_phone (good[i].in, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (phone, ==, good[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *phone = lotsen_visitor_normalize_phone (bad[i], -1, &error);

      if (phone != NULL)
        g_error ("“%s” was accepted as a phone number: %s", bad[i], phone);
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    }
}

static void
test_birth_year (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int oldest, youngest;

  /* The fixture's "now" is in 2026. */
  lotsen_visitor_get_birth_years (fixture->store, &oldest, &youngest);
  g_assert_cmpint (oldest, ==, 1916);
  g_assert_cmpint (youngest, ==, 2016);

  g_assert_true (lotsen_visitor_check_birth_year (fixture->store, 1990, &error));
  g_assert_true (lotsen_visitor_check_birth_year (fixture->store, 0, &error));
  g_assert_false (lotsen_visitor_check_birth_year (fixture->store, 1899, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_visitor_check_birth_year (fixture->store, 2025, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
}

static void
test_register (StoreFixture  *fixture,
               gconstpointer  data)
{
  const char * const chosen[] = { "swedish", "work", NULL };
  g_autoptr(LotsenVisitorDraft) draft = make_draft ("  ሳባ  ");
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(LotsenVisitor) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *lower = NULL;

  draft->family_name = g_strdup ("ተስፋይ");
  draft->birth_year = 1994;
  draft->gender = LOTSEN_GENDER_WOMAN;
  draft->phone = g_strdup ("070-123 45 67");
  draft->municipality = g_strdup ("Lund");
  draft->interests = g_strdupv ((char **) chosen);
  draft->interpreter_lang = g_strdup ("ti");
  draft->employment = LOTSEN_EMPLOYMENT_UNEMPLOYED;
  draft->education = LOTSEN_EDUCATION_POST_SECONDARY;

  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (visitor->given_name, ==, "ሳባ");
  g_assert_cmpint (visitor->employment, ==, LOTSEN_EMPLOYMENT_UNEMPLOYED);
  g_assert_cmpint (visitor->education, ==, LOTSEN_EDUCATION_POST_SECONDARY);
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count (*) FROM visitor WHERE employment = 'unemployed' "
                                       "AND education = 'post_secondary'"), ==, 1);
  g_assert_cmpstr (visitor->family_name, ==, "ተስፋይ");
  g_assert_cmpstr (visitor->phone, ==, "+46701234567");
  g_assert_cmpint (visitor->gender, ==, LOTSEN_GENDER_WOMAN);
  g_assert_cmpint (visitor->birth_year, ==, 1994);
  g_assert_cmpstr (visitor->municipality, ==, "Lund");
  g_assert_cmpstrv (visitor->interests, chosen);
  g_assert_cmpstr (visitor->interpreter_lang, ==, "ti");
  g_assert_cmpstr (visitor->lang, ==, "ti");
  g_assert_cmpint (visitor->consent_version, ==, LOTSEN_CONSENT_VERSION);
  g_assert_cmpint (visitor->consent_at, ==, TEST_NOW);
  g_assert_true (g_uuid_string_is_valid (visitor->uuid));

  g_assert_cmpuint (strlen (visitor->code), ==, LOTSEN_CODE_MIN_LENGTH);
  g_assert_cmpuint (strspn (visitor->code, LOTSEN_CODE_ALPHABET), ==, strlen (visitor->code));

  /* Found again by its code, typed carelessly. */
  lower = g_ascii_strdown (visitor->code, -1);
  found = lotsen_visitor_find_by_code (fixture->store, lower, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, visitor->id);
  g_assert_false (lotsen_visitor_needs_consent (found));

  masked = lotsen_visitor_masked_name (found);
  g_assert_cmpstr (masked, ==, "ሳ… ተ…");
}

static void
test_register_refused (StoreFixture  *fixture,
                       gconstpointer  data)
{
  struct {
    const char *field;
    const char *value;
  } cases[] = {
    { "given", "=cmd|' /C calc'!A0" },
    { "given", "" },
    { "family", "Anna\xe2\x80\xae" },
    { "phone", "070 123" },
    { "municipality", "Gotham" },
    { "interest", "gambling" },
    { "interpreter", "xx" },
    { "year", "1850" },
    { "employment", "99" },
    { "education", "99" },
    { "consent", "no" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LotsenVisitorDraft) draft = make_draft ("Anna");
      g_autoptr(LotsenVisitor) visitor = NULL;
      g_autoptr(GError) error = NULL;
      const char *field = cases[i].field;
      const char * const bad_interests[] = { "work", cases[i].value, NULL };

      if (g_str_equal (field, "given"))
        g_free (g_steal_pointer (&draft->given_name)), draft->given_name = g_strdup (cases[i].value);
      else if (g_str_equal (field, "family"))
        draft->family_name = g_strdup (cases[i].value);
      else if (g_str_equal (field, "phone"))
        draft->phone = g_strdup (cases[i].value);
      else if (g_str_equal (field, "municipality"))
        draft->municipality = g_strdup (cases[i].value);
      else if (g_str_equal (field, "interest"))
        draft->interests = g_strdupv ((char **) bad_interests);
      else if (g_str_equal (field, "interpreter"))
        draft->interpreter_lang = g_strdup (cases[i].value);
      else if (g_str_equal (field, "year"))
        draft->birth_year = atoi (cases[i].value);
      else if (g_str_equal (field, "employment"))
        draft->employment = atoi (cases[i].value);
      else if (g_str_equal (field, "education"))
        draft->education = atoi (cases[i].value);
      else
        draft->consent = FALSE;

      visitor = lotsen_visitor_register (fixture->store, draft, &error);
      if (visitor != NULL)
        g_error ("A draft with %s “%s” was stored", field, cases[i].value);
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    }

  /* Nothing at all was stored. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LotsenVisitor) none = lotsen_visitor_find_by_code (fixture->store, "ACDE", &error);

    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  }
}

/* Many registrations: every code unique, from the alphabet, short. */
static void
test_codes_unique (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const int count = 3000;

  for (int i = 0; i < count; i++)
    {
      g_autoptr(LotsenVisitorDraft) draft = make_draft ("Anna");
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsenVisitor) visitor = lotsen_visitor_register (fixture->store, draft, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (strspn (visitor->code, LOTSEN_CODE_ALPHABET), ==, strlen (visitor->code));
      g_assert_cmpuint (strlen (visitor->code), >=, LOTSEN_CODE_MIN_LENGTH);
      g_assert_cmpuint (strlen (visitor->code), <=, LOTSEN_CODE_MAX_LENGTH);
      g_assert_false (g_hash_table_contains (codes, visitor->code));
      g_hash_table_add (codes, g_strdup (visitor->code));
    }

  g_assert_cmpuint (g_hash_table_size (codes), ==, count);

  /* No look-alikes anywhere in the alphabet. */
  g_assert_null (strpbrk (LOTSEN_CODE_ALPHABET, "0O1IL2Z5S8B6G"));
}

static void
test_unknown_codes (StoreFixture  *fixture,
                    gconstpointer  data)
{
  const char *codes[] = { "", "ACD", "ACDEFH", "0O1I", "AC E", "=A+B", "ÅÄÖÜ", NULL };

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsenVisitor) visitor = lotsen_visitor_find_by_code (fixture->store, codes[i], &error);

      g_assert_null (visitor);
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
    }
}

static void
test_consent_version (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(LotsenVisitorDraft) draft = make_draft ("Anna");
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitor) visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_autoptr(LotsenVisitor) again = NULL;
  g_autoptr(LotsenStore) raw = NULL;

  g_assert_no_error (error);

  /* A visitor who accepted an older text is asked again … */
  visitor->consent_version = LOTSEN_CONSENT_VERSION - 1;
  g_assert_true (lotsen_visitor_needs_consent (visitor));

  /* … and, having accepted, is recorded with the new version and time. */
  lotsen_clock_advance (fixture->clock, 3600);
  g_assert_true (lotsen_visitor_renew_consent (fixture->store, visitor->id, &error));
  again = lotsen_visitor_find_by_code (fixture->store, visitor->code, &error);
  g_assert_cmpint (again->consent_version, ==, LOTSEN_CONSENT_VERSION);
  g_assert_cmpint (again->consent_at, ==, TEST_NOW + 3600);
  g_assert_cmpint (again->last_seen_at, ==, TEST_NOW + 3600);
}

static void
test_erase (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(LotsenVisitorDraft) draft = make_draft ("Anna");
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenTicket) kept = NULL;
  g_autoptr(LotsenVisitor) gone = NULL;

  draft->phone = g_strdup ("0701234567");
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);

  ticket = lotsen_queue_take_ticket_for (fixture->store, "A", "sv", visitor->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ticket->visitor_id, ==, visitor->id);

  g_assert_true (lotsen_visitor_erase (fixture->store, visitor->code, &error));
  g_assert_no_error (error);

  gone = lotsen_visitor_find_by_code (fixture->store, visitor->code, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The ticket stays, for the statistics, but names nobody. */
  kept = lotsen_queue_get_ticket (fixture->store, ticket->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->visitor_id, ==, 0);

  g_assert_false (lotsen_visitor_erase (fixture->store, visitor->code, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);

  /* On disk: no trace of the name or number, and the erasure is in the audit. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_autofree char *sql = g_strdup_printf (
      "SELECT (SELECT count(*) FROM visitor WHERE given_name = 'Anna' OR phone = '+46701234567'),"
      "       (SELECT count(*) FROM audit WHERE what = 'erase' AND detail = '%s')", visitor->uuid);

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

#define DAYS(n) ((gint64) (n) * 24 * 3600)

/* The database as another program sees it: a second connection. */
static void
exec_raw (StoreFixture *fixture,
          const char   *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first column of the first row, as text; %NULL for SQL NULL. */
static char *
query_raw (StoreFixture *fixture,
           const char   *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static LotsenVisitor *
register_at (StoreFixture *fixture,
             const char   *given_name,
             gint64        when)
{
  g_autoptr(LotsenVisitorDraft) draft = make_draft (given_name);
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;

  draft->family_name = g_strdup ("Testsson");
  draft->phone = g_strdup ("070-123 45 67");
  lotsen_clock_set_now (fixture->clock, when);
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  lotsen_clock_set_now (fixture->clock, TEST_NOW);
  g_assert_no_error (error);
  return visitor;
}

static void
add_signup (StoreFixture        *fixture,
            const LotsenVisitor *visitor)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO signup (uuid, session_id, visitor_id, name, phone, status, created_at, changed_at) "
    "VALUES ('signup-%s', (SELECT id FROM session WHERE uuid = 'purge-session'), %" G_GINT64_FORMAT ", "
    "'%s Testsson', '+46701234567', 'attended', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
    visitor->uuid, visitor->id, visitor->given_name, visitor->created_at, visitor->created_at);

  exec_raw (fixture, sql);
}

static void
test_purge (StoreFixture  *fixture,
            gconstpointer  data)
{
  const char * const chosen[] = { "swedish", "work", NULL };
  g_autoptr(LotsenVisitorDraft) draft = make_draft ("Gammal");
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitor) old = NULL;
  g_autoptr(LotsenVisitor) recent = NULL;
  g_autoptr(LotsenVisitor) returning = NULL;
  g_autoptr(LotsenVisitor) legacy = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenTicket) kept = NULL;
  guint n = G_MAXUINT;

  g_assert_cmpuint (lotsen_store_get_retention_days (fixture->store), ==, 365);

  /* Seen 366 days ago, with everything the statistics use, a ticket and a sign-up. */
  draft->family_name = g_strdup ("Testsson");
  draft->birth_year = 1980;
  draft->gender = LOTSEN_GENDER_WOMAN;
  draft->phone = g_strdup ("070-123 45 67");
  draft->municipality = g_strdup ("Lund");
  draft->interests = g_strdupv ((char **) chosen);
  draft->interpreter_lang = g_strdup ("ar");
  draft->employment = LOTSEN_EMPLOYMENT_INACTIVE;
  draft->education = LOTSEN_EDUCATION_COMPULSORY;
  lotsen_clock_set_now (fixture->clock, TEST_NOW - DAYS (366));
  old = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);
  ticket = lotsen_queue_take_ticket_for (fixture->store, "A", "ti", old->id, &error);
  g_assert_no_error (error);
  lotsen_clock_set_now (fixture->clock, TEST_NOW);

  /* Seen 364 days ago; registered 400 days ago but back 10 days ago;
   * registered 366 days ago before "last seen" was recorded. */
  recent = register_at (fixture, "Nyare", TEST_NOW - DAYS (364));
  returning = register_at (fixture, "Tillbaka", TEST_NOW - DAYS (400));
  lotsen_clock_set_now (fixture->clock, TEST_NOW - DAYS (10));
  g_assert_true (lotsen_visitor_record_visit (fixture->store, returning->id, &error));
  lotsen_clock_set_now (fixture->clock, TEST_NOW);
  legacy = register_at (fixture, "Tidig", TEST_NOW - DAYS (366));
  exec_raw (fixture, "UPDATE visitor SET last_seen_at = NULL WHERE given_name = 'Tidig'");

  exec_raw (fixture,
            "INSERT INTO activity (uuid, category, pictogram, capacity) VALUES ('purge-activity', 'language', 'x', 10);"
            "INSERT INTO session (uuid, activity_id, starts_at, ends_at) "
            "  VALUES ('purge-session', (SELECT id FROM activity WHERE uuid = 'purge-activity'), 1, 2);");
  add_signup (fixture, old);
  add_signup (fixture, recent);

  /* Signed up with a name and phone number, no code: at the old session,
   * and at one that ended 364 days ago. */
  exec_raw (fixture,
            "INSERT INTO signup (uuid, session_id, name, phone, status, created_at, changed_at) "
            "  VALUES ('walk-in-old', (SELECT id FROM session WHERE uuid = 'purge-session'), "
            "          'Gammal', '+46709999999', 'attended', 1, 1);");
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO session (uuid, activity_id, starts_at, ends_at) "
      "  VALUES ('recent-session', (SELECT id FROM activity WHERE uuid = 'purge-activity'), "
      "          %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
      "INSERT INTO signup (uuid, session_id, name, phone, status, created_at, changed_at) "
      "  VALUES ('walk-in-recent', (SELECT id FROM session WHERE uuid = 'recent-session'), "
      "          'Ny', '+46708888888', 'attended', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
      (gint64) (TEST_NOW - DAYS (364) - 3600), (gint64) (TEST_NOW - DAYS (364)),
      (gint64) (TEST_NOW - DAYS (364)), (gint64) (TEST_NOW - DAYS (364)));

    exec_raw (fixture, sql);
  }

  g_assert_true (lotsen_visitor_purge (fixture->store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* The old one without a code loses name and phone; the recent one keeps them. */
  {
    g_autofree char *walk_ins = query_raw (fixture,
                                           "SELECT group_concat (uuid || ':' || coalesce (name, '-') || ':' || "
                                           "coalesce (phone, '-') || ':' || status, ' ') "
                                           "FROM (SELECT * FROM signup WHERE visitor_id IS NULL ORDER BY uuid)");

    g_assert_cmpstr (walk_ins, ==, "walk-in-old:-:-:attended walk-in-recent:Ny:+46708888888:attended");
  }

  /* The old visitor: no name, no number, no code, but still counted. */
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT coalesce (given_name, '') || coalesce (family_name, '') || coalesce (phone, '') || "
      "       coalesce (email, '') || coalesce (code, '') || '|' || anonymised_at || '|' || birth_year || '|' || "
      "       gender || '|' || municipality || '|' || interests || '|' || interpreter_lang || '|' || "
      "       lang || '|' || consent_version || '|' || employment || '|' || education || '|' || uuid "
      "FROM visitor WHERE id = %" G_GINT64_FORMAT, old->id);
    g_autofree char *row = query_raw (fixture, sql);
    g_autofree char *expected = g_strdup_printf ("|%d|1980|woman|Lund|swedish,work|ar|ti|%d|inactive|compulsory|%s",
                                                 TEST_NOW, LOTSEN_CONSENT_VERSION, old->uuid);

    g_assert_cmpstr (row, ==, expected);
  }

  /* Their code finds nobody, and is free for someone else. */
  {
    g_autoptr(LotsenVisitor) gone = lotsen_visitor_find_by_code (fixture->store, old->code, &error);
    g_autofree char *insert = g_strdup_printf (
      "INSERT INTO visitor (uuid, code, created_at) VALUES ('new-owner', '%s', %d)", old->code, TEST_NOW);

    g_assert_null (gone);
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    exec_raw (fixture, insert);
    exec_raw (fixture, "DELETE FROM visitor WHERE uuid = 'new-owner'");
  }

  /* The others keep their names and are found by their codes. */
  {
    g_autoptr(LotsenVisitor) found_recent = lotsen_visitor_find_by_code (fixture->store, recent->code, &error);
    g_autoptr(LotsenVisitor) found_returning = NULL;
    g_autoptr(LotsenVisitor) gone_legacy = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (found_recent->given_name, ==, "Nyare");
    found_returning = lotsen_visitor_find_by_code (fixture->store, returning->code, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (found_returning->phone, ==, "+46701234567");
    gone_legacy = lotsen_visitor_find_by_code (fixture->store, legacy->code, &error);
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The ticket stays and still points at the (now nameless) visitor. */
  kept = lotsen_queue_get_ticket (fixture->store, ticket->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->visitor_id, ==, old->id);

  /* The sign-up stays, with its visitor, without name or phone; others keep theirs. */
  {
    g_autofree char *old_sql = g_strdup_printf (
      "SELECT count(*) FROM signup WHERE visitor_id = %" G_GINT64_FORMAT " AND name IS NULL AND phone IS NULL "
      "AND status = 'attended'", old->id);
    g_autofree char *recent_sql = g_strdup_printf (
      "SELECT name || ' ' || phone FROM signup WHERE visitor_id = %" G_GINT64_FORMAT, recent->id);
    g_autofree char *old_count = query_raw (fixture, old_sql);
    g_autofree char *recent_signup = query_raw (fixture, recent_sql);

    g_assert_cmpstr (old_count, ==, "1");
    g_assert_cmpstr (recent_signup, ==, "Nyare Testsson +46701234567");
  }

  /* Recorded once in the audit. */
  {
    g_autofree char *audit = query_raw (fixture,
                                        "SELECT count(*) FROM audit WHERE what = 'purge' AND "
                                        "detail = 'anonymised 2 visitors not seen for 365 days and 1 sign-ups without a code'");

    g_assert_cmpstr (audit, ==, "1");
  }

  /* A second run, a day later, finds nothing more and changes nothing. */
  lotsen_clock_advance (fixture->clock, DAYS (1) - 3600);
  g_assert_true (lotsen_visitor_purge (fixture->store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT anonymised_at FROM visitor WHERE id = %" G_GINT64_FORMAT, old->id);
    g_autofree char *at = query_raw (fixture, sql);
    g_autofree char *expected = g_strdup_printf ("%d", TEST_NOW);

    g_assert_cmpstr (at, ==, expected);
  }

  /* A shorter period takes the one seen 364 days ago, not the one back 10 days ago. */
  g_assert_true (lotsen_store_set_retention_days (fixture->store, 30, &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_visitor_purge (fixture->store, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *names = query_raw (fixture,
                                        "SELECT group_concat (given_name) FROM visitor WHERE anonymised_at IS NULL");
    g_autofree char *audit = query_raw (fixture,
                                        "SELECT count(*) FROM audit WHERE what = 'purge' AND "
                                        "detail = 'anonymised 1 visitors not seen for 30 days and 1 sign-ups without a code'");

    g_assert_cmpstr (names, ==, "Tillbaka");
    g_assert_cmpstr (audit, ==, "1");
  }
}

static void
test_retention_days (StoreFixture  *fixture,
                     gconstpointer  data)
{
  const guint bad[] = { 0, 1, 29, 3651, G_MAXUINT };

  g_assert_cmpuint (lotsen_store_get_retention_days (fixture->store), ==, LOTSEN_RETENTION_DAYS_DEFAULT);
  g_assert_cmpuint (LOTSEN_RETENTION_DAYS_DEFAULT, ==, 365);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lotsen_store_set_retention_days (fixture->store, bad[i], &error));
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpuint (lotsen_store_get_retention_days (fixture->store), ==, 365);
    }

  g_assert_true (lotsen_store_set_retention_days (fixture->store, 30, NULL));
  g_assert_cmpuint (lotsen_store_get_retention_days (fixture->store), ==, 30);
  g_assert_true (lotsen_store_set_retention_days (fixture->store, 3650, NULL));
  g_assert_cmpuint (lotsen_store_get_retention_days (fixture->store), ==, 3650);

  /* Written by hand into the database: read safely. */
  g_assert_true (lotsen_store_set_setting (fixture->store, "retention_days", "a year", NULL));
  g_assert_cmpuint (lotsen_store_get_retention_days (fixture->store), ==, 365);
  g_assert_true (lotsen_store_set_setting (fixture->store, "retention_days", "7", NULL));
  g_assert_cmpuint (lotsen_store_get_retention_days (fixture->store), ==, LOTSEN_RETENTION_DAYS_MIN);
}

/* The ESF+ questions: off until a site turns them on; only "on" and
 * "off"; every change in the audit table.  Not asked: NULL, read as
 * UNASKED; the keys go both ways. */
static void
test_esf_fields (StoreFixture  *fixture,
                 gconstpointer  data)
{
  const char * const bad[] = { "yes", "ON", "", "1" };
  g_autoptr(LotsenVisitorDraft) draft = make_draft ("Anna");
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (lotsen_visitor_get_esf_fields (fixture->store));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) refused = NULL;

      g_assert_false (lotsen_visitor_set_esf_fields (fixture->store, bad[i], &refused));
      g_assert_error (refused, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      g_assert_false (lotsen_visitor_get_esf_fields (fixture->store));
    }

  g_assert_true (lotsen_visitor_set_esf_fields (fixture->store, "on", &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_visitor_get_esf_fields (fixture->store));
  g_assert_true (lotsen_visitor_set_esf_fields (fixture->store, "off", &error));
  g_assert_false (lotsen_visitor_get_esf_fields (fixture->store));
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count (*) FROM audit WHERE what = 'settings' "
                                       "AND detail LIKE 'esf_fields=%'"), ==, 2);

  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (visitor->employment, ==, LOTSEN_EMPLOYMENT_UNASKED);
  g_assert_cmpint (visitor->education, ==, LOTSEN_EDUCATION_UNASKED);
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count (*) FROM visitor "
                                       "WHERE employment IS NULL AND education IS NULL"), ==, 1);

  for (guint i = 1; i < LOTSEN_N_EMPLOYMENTS; i++)
    g_assert_cmpint (lotsen_employment_from_string (lotsen_employment_to_string (i)), ==, i);
  for (guint i = 1; i < LOTSEN_N_EDUCATIONS; i++)
    g_assert_cmpint (lotsen_education_from_string (lotsen_education_to_string (i)), ==, i);
  g_assert_null (lotsen_employment_to_string (LOTSEN_EMPLOYMENT_UNASKED));
  g_assert_cmpint (lotsen_employment_from_string ("employed"), ==, LOTSEN_EMPLOYMENT_UNASKED);
  g_assert_cmpint (lotsen_education_from_string (NULL), ==, LOTSEN_EDUCATION_UNASKED);
}

static void
test_code_gate (void)
{
  g_autoptr(LotsenClock) clock = lotsen_clock_new_fixed (TEST_NOW);
  g_autoptr(LotsenCodeGate) gate = lotsen_code_gate_new (clock);

  /* Four wrong codes, spread out: no pause. */
  for (int i = 0; i < 4; i++)
    {
      lotsen_code_gate_record (gate, FALSE);
      lotsen_clock_advance (clock, 20);
    }
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, 0);
  lotsen_clock_advance (clock, LOTSEN_CODE_GATE_WINDOW_SECS);

  /* Five within a minute: a pause, which ends. */
  for (int i = 0; i < 4; i++)
    lotsen_code_gate_record (gate, FALSE);
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, 0);
  lotsen_code_gate_record (gate, FALSE);
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, LOTSEN_CODE_GATE_PAUSE_SECS);

  /* Codes tapped during the pause do not make it longer. */
  lotsen_code_gate_record (gate, FALSE);
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, LOTSEN_CODE_GATE_PAUSE_SECS);
  lotsen_clock_advance (clock, LOTSEN_CODE_GATE_PAUSE_SECS - 1);
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, 1);
  lotsen_clock_advance (clock, 1);
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, 0);

  /* A right code does not forgive the wrong ones before it. */
  for (int i = 0; i < 4; i++)
    lotsen_code_gate_record (gate, FALSE);
  lotsen_code_gate_record (gate, TRUE);
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, 0);
  lotsen_code_gate_record (gate, FALSE);
  g_assert_cmpint (lotsen_code_gate_seconds_left (gate), ==, LOTSEN_CODE_GATE_PAUSE_SECS);
}

/* A guesser who knows one code and types it after every four wrong ones,
 * a few seconds apart, is still paused, again and again. */
static void
test_code_gate_known_code (void)
{
  g_autoptr(LotsenClock) clock = lotsen_clock_new_fixed (TEST_NOW);
  g_autoptr(LotsenCodeGate) gate = lotsen_code_gate_new (clock);
  guint tried = 0, pauses = 0;

  for (guint guess = 0; guess < 1000; guess++)
    {
      int wait = lotsen_code_gate_seconds_left (gate);

      if (wait > 0)
        {
          pauses++;
          lotsen_clock_advance (clock, wait);
        }

      lotsen_code_gate_record (gate, FALSE);
      tried++;
      if (guess % 4 == 3)
        lotsen_code_gate_record (gate, TRUE);
      lotsen_clock_advance (clock, 2);
    }

  g_test_message ("%u wrong codes, %u pauses", tried, pauses);
  g_assert_cmpuint (pauses, >=, tried / LOTSEN_CODE_GATE_TRIES - 1);
}

static void
test_municipalities (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = lotsen_visitor_list_municipalities (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpstr (names->pdata[0], ==, "Malmö");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, visitor_set_up, func, store_fixture_tear_down)

  g_test_add_func ("/visitor/names", test_names);
  g_test_add_func ("/visitor/phones", test_phones);
  g_test_add_func ("/visitor/code-gate", test_code_gate);
  g_test_add_func ("/visitor/code-gate/known-code", test_code_gate_known_code);
  ADD ("/visitor/birth-year", test_birth_year);
  ADD ("/visitor/register", test_register);
  ADD ("/visitor/register-refused", test_register_refused);
  ADD ("/visitor/codes-unique", test_codes_unique);
  ADD ("/visitor/unknown-codes", test_unknown_codes);
  ADD ("/visitor/consent-version", test_consent_version);
  ADD ("/visitor/erase", test_erase);
  ADD ("/visitor/municipalities", test_municipalities);
  ADD ("/visitor/purge", test_purge);
  ADD ("/visitor/retention-days", test_retention_days);
  ADD ("/visitor/esf-fields", test_esf_fields);

#undef ADD

  return g_test_run ();
}
