/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports: kiosk A's JSONL export merged into kiosk B — the same rows,
 * nothing twice, broken lines reported by number and nothing else lost. */
#include "config.h"

#include <string.h>

#include "lotsen-demo.h"
#include "lotsen-export.h"
#include "lotsen-import.h"
#include "lotsen-queue.h"
#include "lotsen-store-private.h"
#include "lotsen-test-core.h"
#include "lotsen-visitor.h"

#define RLO    "\xE2\x80\xAE" "evil.exe" /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define GEEZ   "ሃይለ ማርያም"
#define ARABIC "محمد"

/* Kiosk A is the fixture's store; kiosk B a second one beside it. */
typedef struct
{
  StoreFixture  a;
  char         *b_path;
  LotsenStore  *b;
} ImportFixture;

static const LotsenExportDataset every[] = {
  LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
};

static void
exec_sql (LotsenStore *store,
          const char  *sql)
{
  char *message = NULL;

  if (sqlite3_exec (lotsen_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_int (LotsenStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (lotsen_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (LotsenStore *store,
            const char  *sql,
            const char  *param)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (lotsen_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return lotsen_store_column_text (stmt, 0);
}

static LotsenVisitor *
register_visitor (LotsenStore *store,
                  const char  *given_name,
                  const char  *family_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  LotsenVisitor *visitor;

  draft->lang = g_strdup ("ti");
  draft->given_name = g_strdup (given_name);
  draft->family_name = g_strdup (family_name);
  draft->phone = g_strdup ("+46701234567");
  draft->birth_year = 1988;
  draft->gender = LOTSEN_GENDER_OTHER;
  draft->employment = LOTSEN_EMPLOYMENT_STUDYING;
  draft->education = LOTSEN_EDUCATION_UPPER_SECONDARY;
  draft->consent = TRUE;

  visitor = lotsen_visitor_register (store, draft, &error);
  g_assert_no_error (error);
  return visitor;
}

static void
take_ticket (LotsenStore *store,
             const char  *prefix,
             gint64       visitor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket_for (store, prefix, "ar", visitor_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ticket);
}

/* Kiosk A: the demo, visitors with hostile names (one anonymised), tickets
 * in every state, sign-ups with and without a visitor.  Kiosk B: the demo
 * only, so its services have A's letters. */
static void
import_set_up (ImportFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LotsenStore *a;

  store_fixture_set_up (&fixture->a, data);
  a = fixture->a.store;
  g_assert_true (lotsen_demo_seed (a, &error));
  g_assert_no_error (error);

  fixture->b_path = g_build_filename (fixture->a.dir, "b.db", NULL);
  fixture->b = lotsen_store_open (fixture->b_path, fixture->a.clock, &error);
  g_assert_no_error (error);
  g_assert_true (lotsen_demo_seed (fixture->b, &error));
  g_assert_no_error (error);

  {
    g_autoptr(LotsenVisitor) geez = register_visitor (a, GEEZ, ARABIC);
    g_autoptr(LotsenVisitor) arabic = register_visitor (a, ARABIC, "Ali");
    g_autoptr(LotsenVisitor) gone = register_visitor (a, "Anna", "Berg");
    g_autoptr(LotsenTicket) called = NULL;

    take_ticket (a, "A", geez->id);
    take_ticket (a, "A", 0);
    take_ticket (a, "B", arabic->id);
    take_ticket (a, "D", 0);
    called = lotsen_queue_call_next (a, 2, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (lotsen_queue_finish (a, called->label, LOTSEN_TICKET_DONE, &error));
    g_assert_no_error (error);
    g_clear_pointer (&called, lotsen_ticket_free);
    called = lotsen_queue_call_next (a, 3, NULL, &error);
    g_assert_no_error (error);

    /* As lotsen_visitor_purge() leaves a visitor. */
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE visitor SET given_name = NULL, family_name = NULL, "
                                              "phone = NULL, email = NULL, code = NULL, anonymised_at = %d "
                                              "WHERE id = %" G_GINT64_FORMAT, TEST_NOW, gone->id);
      exec_sql (a, sql);
    }
  }

  /* Rows another kiosk wrote straight into its database: names with an
   * apostrophe and a hyphen, a number in its one stored form. */
  exec_sql (a,
            "INSERT INTO visitor (uuid, code, created_at, given_name, family_name, birth_year, gender, "
            "interests, last_seen_at) VALUES "
            "('11111111-1111-4111-8111-111111111111', NULL, " G_STRINGIFY (TEST_NOW) ", "
            "'Zoë', 'O''Brien-Åberg', 1975, 'woman', 'work,swedish', "
            G_STRINGIFY (TEST_NOW) ")");
  exec_sql (a,
            "INSERT INTO signup (uuid, session_id, visitor_id, name, phone, party_size, status, position, "
            "created_at, changed_at) "
            "SELECT 'signup-' || se.id, se.id, (SELECT min (id) FROM visitor), "
            "'" GEEZ "', '+46701234567', 2, 'confirmed', NULL, "
            G_STRINGIFY (TEST_NOW) ", " G_STRINGIFY (TEST_NOW) " + 60 FROM session se");
  exec_sql (a,
            "INSERT INTO signup (uuid, session_id, name, party_size, status, position, created_at, changed_at) "
            "SELECT 'wait-' || se.id, se.id, '" ARABIC "', 1, 'waitlisted', 1, "
            G_STRINGIFY (TEST_NOW) " + 5, " G_STRINGIFY (TEST_NOW) " + 5 FROM session se LIMIT 3");
}

static void
import_tear_down (ImportFixture *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->b);
  g_free (fixture->b_path);
  store_fixture_tear_down (&fixture->a, data);
}

static char *
export_jsonl (LotsenStore         *store,
              LotsenExportDataset  dataset)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_export_write (store, dataset, LOTSEN_EXPORT_JSONL, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
import_text (LotsenStore        *store,
             const char         *text,
             LotsenImportReport *report,
             GError            **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);

  return lotsen_import_jsonl (store, in, report, error);
}

/* Every line of @from's export, with @to's kiosk id, is a line of @to's. */
static void
assert_rows_copied (LotsenStore         *from,
                    LotsenStore         *to,
                    LotsenExportDataset  dataset)
{
  g_autofree char *theirs = export_jsonl (from, dataset);
  g_autofree char *ours = export_jsonl (to, dataset);
  g_auto(GStrv) lines = g_strsplit (theirs, "\n", -1);
  g_auto(GStrv) here = g_strsplit (ours, "\n", -1);
  g_autofree char *their_id = g_strdup_printf ("\"kiosk_id\":\"%s\"", lotsen_store_get_kiosk_id (from));
  g_autofree char *our_id = g_strdup_printf ("\"kiosk_id\":\"%s\"", lotsen_store_get_kiosk_id (to));

  g_assert_cmpuint (g_strv_length (lines), >, 1);

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], their_id, 2);
      g_autofree char *expected = g_strjoinv (our_id, parts);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      if (!g_strv_contains ((const char * const *) here, expected))
        g_error ("Not imported as it was: %s", expected);
    }
}

static char *
export_all (LotsenStore *store)
{
  g_autoptr(GString) all = g_string_new (NULL);

  /* The sign-ups before their sessions and visitors: an import must wait. */
  for (int i = G_N_ELEMENTS (every) - 1; i >= 0; i--)
    {
      g_autofree char *text = export_jsonl (store, every[i]);

      g_string_append (all, text);
    }

  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_import_round_trip (ImportFixture *fixture,
                        gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *file = export_all (fixture->a.store);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LotsenStore *a = fixture->a.store;
  LotsenStore *b = fixture->b;
  gint64 b_sessions = query_int (b, "SELECT count (*) FROM session");
  gint64 counts[] = {
    query_int (a, "SELECT count (*) FROM visitor"),
    query_int (a, "SELECT count (*) FROM ticket"),
    query_int (a, "SELECT count (*) FROM signup"),
    query_int (a, "SELECT count (*) FROM session"),
  };

  g_assert_true (import_text (b, file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  g_assert_cmpuint (report.n_lines, ==, counts[0] + counts[1] + counts[2] + counts[3]);
  for (guint i = 0; i < G_N_ELEMENTS (every); i++)
    {
      g_assert_cmpuint (report.n_added[i], ==, counts[i]);
      g_assert_cmpuint (report.n_present[i], ==, 0);
      assert_rows_copied (a, b, every[i]);
    }
  g_assert_cmpuint (lotsen_import_report_get_added (&report), ==, report.n_lines);

  /* The anonymised visitor stays so; the others can sign in with their codes. */
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM visitor WHERE anonymised_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM visitor WHERE code IS NOT NULL"), ==,
                   query_int (a, "SELECT count (*) FROM visitor WHERE code IS NOT NULL"));
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM session"), ==, b_sessions + counts[3]);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM audit WHERE what = 'import'"), ==, 1);
  /* The ESF+ answers come along. */
  g_assert_cmpint (query_int (a, "SELECT count (*) FROM visitor WHERE employment = 'studying' "
                                 "AND education = 'upper_secondary'"), >, 0);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM visitor WHERE employment = 'studying' "
                                 "AND education = 'upper_secondary'"), ==,
                   query_int (a, "SELECT count (*) FROM visitor WHERE employment = 'studying' "
                                 "AND education = 'upper_secondary'"));

  /* Twice: nothing more. */
  before = export_all (b);
  g_assert_true (import_text (b, file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lotsen_import_report_get_added (&report), ==, 0);
  g_assert_cmpuint (lotsen_import_report_get_present (&report), ==, report.n_lines);
  g_assert_cmpuint (report.n_updated[LOTSEN_EXPORT_SIGNUPS], ==, 0);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  after = export_all (b);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM audit WHERE what = 'import'"), ==, 2);
}

/* Visitor, ticket and sign-up lines written by hand. */
#define KIOSK "\"kiosk_id\":\"other\","
#define VISITOR(uuid, name) \
  "{\"dataset\":\"visitors\"," KIOSK "\"uuid\":" uuid ",\"code\":null,\"created_at\":\"2026-11-25T09:00:00+01:00\"," \
  "\"given_name\":" name ",\"birth_year\":1990}"
#define TICKET(uuid, prefix) \
  "{\"dataset\":\"tickets\"," KIOSK "\"uuid\":" uuid ",\"label\":\"" prefix "007\",\"service_prefix\":\"" prefix "\"," \
  "\"day\":\"2026-11-25\",\"number\":7,\"status\":\"done\",\"created_at\":\"2026-11-25T09:30:00+01:00\"," \
  "\"called_at\":\"2026-11-25T09:40:00+01:00\",\"desk\":2,\"visitor_uuid\":null}"

static void
test_import_broken_lines (ImportFixture *fixture,
                          gconstpointer  data)
{
  static const guint64 broken[] = { 2, 3, 4, 5, 10, 11, 12 };
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ticket_visits = NULL;
  LotsenStore *b = fixture->b;
  const char *file =
    /* 1 */ VISITOR ("\"v-1\"", "\"Ok\"") "\n"
    /* 2: truncated */ "{\"dataset\":\"visitors\",\"uuid\":\"v-2\",\"given_na\n"
    /* 3: a number where a string belongs */ VISITOR ("\"v-3\"", "42") "\n"
    /* 4: unknown data set */ "{\"dataset\":\"parcels\",\"uuid\":\"p-1\"}\n"
    /* 5: no uuid */ "{\"dataset\":\"tickets\",\"label\":\"A007\",\"service_prefix\":\"A\"}\n"
    /* 6: a service this kiosk does not have: added, switched off */ TICKET ("\"t-6\"", "Q") "\r\n"
    /* 7 */ TICKET ("\"t-7\"", "C") "\r\n"
    /* 8: blank */ "   \n"
    /* 9: escapes, a surrogate pair */
    VISITOR ("\"v-9\"", "\"\\ud835\\udc9c \\u00c5sa O\\u2019Brien\"") "\n"
    /* 10: half a surrogate pair */ VISITOR ("\"v-10\"", "\"\\ud83d x\"") "\n"
    /* 11: a ticket status the database refuses */
    "{\"dataset\":\"tickets\",\"uuid\":\"t-11\",\"label\":\"A008\",\"service_prefix\":\"A\",\"day\":\"2026-11-25\","
    "\"number\":8,\"status\":\"lost\",\"created_at\":\"2026-11-25T09:30:00+01:00\"}\n"
    /* 12: not a time */
    "{\"dataset\":\"tickets\",\"uuid\":\"t-12\",\"label\":\"A009\",\"service_prefix\":\"A\",\"day\":\"2026-11-25\","
    "\"number\":9,\"status\":\"done\",\"created_at\":\"yesterday\"}\n";

  g_assert_true (import_text (b, file, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (report.n_lines, ==, 12);
  g_assert_cmpuint (report.skipped_lines->len, ==, G_N_ELEMENTS (broken));
  g_assert_cmpuint (report.skipped->len, ==, G_N_ELEMENTS (broken));
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %" G_GUINT64_FORMAT ": ", broken[i]);

      g_assert_cmpuint (g_array_index (report.skipped_lines, guint64, i), ==, broken[i]);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (report.skipped, i), prefix));
    }
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 1), "given_name"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 2), "parcels"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 3), "uuid"));

  g_assert_cmpuint (report.n_added[LOTSEN_EXPORT_VISITORS], ==, 2);
  g_assert_cmpuint (report.n_added[LOTSEN_EXPORT_TICKETS], ==, 2);
  /* Q's ticket is counted under a service the kiosk does not offer. */
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM service s JOIN ticket t ON t.service_id = s.id "
                                 "WHERE s.prefix = 'Q' AND s.active = 0 AND t.uuid = 't-6'"), ==, 1);
  {
    g_autofree char *service = query_text (b, "SELECT name FROM service_text WHERE lang = 'sv' AND service_id = "
                                              "(SELECT id FROM service WHERE prefix = ?)", "Q");

    g_assert_cmpstr (service, ==, "Q");
  }

  name = query_text (b, "SELECT given_name FROM visitor WHERE uuid = ?", "v-9");
  g_assert_cmpstr (name, ==, "\xF0\x9D\x92\x9C \xC3\x85sa O\xE2\x80\x99" "Brien");
  ticket_visits = query_text (b, "SELECT label || ' ' || number || ' ' || status || ' ' || called_at "
                              "FROM ticket WHERE uuid = ?", "t-7");
  g_assert_cmpstr (ticket_visits, ==, "C007 7 done 1795596000");
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM visitor WHERE uuid IN ('v-2', 'v-3', 'v-10')"), ==, 0);
}

/* What the kiosk refuses from a visitor it refuses from a file: each
 * such line is reported by number and field, and a good one is stored in
 * the kiosk's own form. */
static void
test_import_field_rules (ImportFixture *fixture,
                         gconstpointer  data)
{
  static const struct {
    guint64     line;
    const char *field;
  } refused[] = {
    { 1, "given_name" }, { 2, "given_name" }, { 3, "family_name" }, { 4, "phone" },
    { 5, "municipality" }, { 6, "lang" }, { 7, "interests" }, { 8, "name" }, { 9, "phone" },
    { 10, "employment" }, { 11, "education" },
  };
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *phone = NULL;
  g_autofree char *municipality = NULL;
  LotsenStore *b = fixture->b;

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (long_name, 'a');

#define LINE(uuid, fields) \
  "{\"dataset\":\"visitors\"," KIOSK "\"uuid\":\"" uuid "\",\"created_at\":\"2026-11-25T09:00:00+01:00\"," fields "}\n"
  g_string_append (file, LINE ("r-1", "\"given_name\":\"=HYPERLINK(\\\"http://x.example\\\",\\\"y\\\")\""));
  g_string_append (file, LINE ("r-2", "\"given_name\":\"" RLO "\""));
  g_string_append_printf (file, LINE ("r-3", "\"given_name\":\"Ann\",\"family_name\":\"%s\""), long_name->str);
  g_string_append (file, LINE ("r-4", "\"given_name\":\"Ann\",\"phone\":\"=1+2\""));
  g_string_append (file, LINE ("r-5", "\"given_name\":\"Ann\",\"municipality\":\"@x\""));
  g_string_append (file, LINE ("r-6", "\"given_name\":\"Ann\",\"lang\":\"xx\""));
  g_string_append (file, LINE ("r-7", "\"given_name\":\"Ann\",\"interests\":\"=cmd|x\""));
  g_string_append (file, "{\"dataset\":\"signups\"," KIOSK "\"uuid\":\"s-8\",\"session_uuid\":\"none\","
                         "\"status\":\"confirmed\",\"name\":\"@SUM(A1)\",\"phone\":\"0701234567\","
                         "\"created_at\":\"2026-11-25T09:00:00+01:00\"}\n");
  g_string_append (file, "{\"dataset\":\"signups\"," KIOSK "\"uuid\":\"s-9\",\"session_uuid\":\"none\","
                         "\"status\":\"confirmed\",\"name\":\"Ann\",\"phone\":\"+1\","
                         "\"created_at\":\"2026-11-25T09:00:00+01:00\"}\n");
  g_string_append (file, LINE ("r-10", "\"given_name\":\"Ann\",\"employment\":\"employed\""));
  g_string_append (file, LINE ("r-11", "\"given_name\":\"Ann\",\"education\":\"=1+1\""));
  /* 12: good, in the forms people type; Malmö is not in this kiosk's list. */
  g_string_append (file, LINE ("r-12", "\"given_name\":\"  Ann  Marie \",\"phone\":\"070-123 45 67\","
                                       "\"municipality\":\"Malmö\",\"lang\":\"ar\","
                                       "\"employment\":\"unemployed\",\"education\":\"compulsory\""));
#undef LINE

  g_assert_true (import_text (b, file->str, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (report.skipped->len, ==, G_N_ELEMENTS (refused));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const char *message = g_ptr_array_index (report.skipped, i);
      g_autofree char *prefix = g_strdup_printf ("Line %" G_GUINT64_FORMAT ": ", refused[i].line);
      g_autofree char *field = g_strdup_printf ("“%s”", refused[i].field);

      if (!g_str_has_prefix (message, prefix) || strstr (message, field) == NULL)
        g_error ("expected %s%s, got %s", prefix, field, message);
    }

  g_assert_cmpint (query_int (b, "SELECT count (*) FROM visitor WHERE uuid LIKE 'r-%'"), ==, 1);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM signup WHERE uuid LIKE 's-%'"), ==, 0);
  phone = query_text (b, "SELECT given_name || '|' || phone FROM visitor WHERE uuid = ?", "r-12");
  g_assert_cmpstr (phone, ==, "Ann Marie|+46701234567");
  municipality = query_text (b, "SELECT municipality || '|' || employment || '|' || education "
                                "FROM visitor WHERE uuid = ?", "r-12");
  g_assert_cmpstr (municipality, ==, "Malmö|unemployed|compulsory");
}

/* A visitor line of exactly @length bytes (without its newline), padded
 * with spaces inside the object. */
static void
append_padded_visitor (GString    *file,
                       const char *uuid,
                       gsize       length)
{
  g_autofree char *line = g_strdup_printf (VISITOR ("\"%s\"", "\"Ann\""), uuid);
  gsize start = file->len;

  g_assert_cmpuint (strlen (line), <=, length);
  g_string_append_len (file, line, strlen (line) - 1);
  while (file->len - start < length - 1)
    g_string_append_c (file, ' ');
  g_string_append (file, "}\n");
}

/* A line over 64 KiB is refused by number, never read whole, and the
 * lines after it still count; a field far longer than the kiosk keeps is
 * refused too; a file without any end of line (/dev/zero) ends the
 * import with an error instead of filling the memory. */
static void
test_import_long_lines (ImportFixture *fixture,
                        gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GString) label = g_string_new (NULL);
  LotsenStore *b = fixture->b;
  gint64 audits;

  append_padded_visitor (file, "l-1", 64 * 1024);       /* 1: just fits */
  append_padded_visitor (file, "l-2", 64 * 1024 + 1);   /* 2: one byte too many */
  append_padded_visitor (file, "l-3", 3 * 1024 * 1024); /* 3: far too long */
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (label, 'A');
  /* 4: a field longer than any the kiosk keeps */
  g_string_append_printf (file,
                          "{\"dataset\":\"tickets\"," KIOSK "\"uuid\":\"t-4\",\"label\":\"%s\","
                          "\"service_prefix\":\"A\",\"day\":\"2026-11-25\",\"number\":7,\"status\":\"done\","
                          "\"created_at\":\"2026-11-25T09:30:00+01:00\"}\n", label->str);
  g_string_append (file, VISITOR ("\"l-5\"", "\"Bo\"") "\n"); /* 5 */
  append_padded_visitor (file, "l-6", 200 * 1024);      /* 6: the last line, no end of line */
  g_string_truncate (file, file->len - 1);

  g_assert_true (import_text (b, file->str, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_lines, ==, 6);
  g_assert_cmpuint (report.skipped->len, ==, 4);
  g_assert_cmpuint (g_array_index (report.skipped_lines, guint64, 0), ==, 2);
  g_assert_cmpuint (g_array_index (report.skipped_lines, guint64, 1), ==, 3);
  g_assert_cmpuint (g_array_index (report.skipped_lines, guint64, 2), ==, 4);
  g_assert_cmpuint (g_array_index (report.skipped_lines, guint64, 3), ==, 6);
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 0), "65536"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 2), "label"));
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM visitor WHERE uuid IN ('l-1', 'l-5')"), ==, 2);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM visitor WHERE uuid IN ('l-2', 'l-3', 'l-6')"), ==, 0);
  g_assert_cmpint (query_int (b, "SELECT max (length (given_name)) FROM visitor"), <=, 60);

  /* Endless bytes and no line at all. */
  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero here");
      return;
    }

  audits = query_int (b, "SELECT count (*) FROM audit");
  g_assert_false (lotsen_import_jsonl_file (b, "/dev/zero", &report, &error));
  g_assert_error (error, LOTSEN_IMPORT_ERROR, LOTSEN_IMPORT_ERROR_NOT_JSONL);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM audit"), ==, audits);
}

/* The kiosk's seat rule holds for imported sign-ups: five parties of four
 * for four seats give one with seats and four waiting, each change noted
 * by line.  Times no calendar shows are refused instead of overflowing,
 * and two imported tickets never share a label on one day. */
static void
test_import_seats_and_labels (ImportFixture *fixture,
                              gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = g_string_new (NULL);
  LotsenStore *b = fixture->b;

  /* 1: a session with four seats */
  g_string_append (file, "{\"dataset\":\"activities\"," KIOSK "\"session_uuid\":\"se-1\",\"activity_uuid\":\"ac-1\","
                         "\"category\":\"language\",\"title\":\"Kaffe\",\"capacity\":4,"
                         "\"starts_at\":\"2026-12-01T10:00:00+01:00\",\"ends_at\":\"2026-12-01T11:00:00+01:00\"}\n");
  /* 2–6: five parties of four, all confirmed over there */
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (file, "{\"dataset\":\"signups\"," KIOSK "\"uuid\":\"p-%u\",\"session_uuid\":\"se-1\","
                                  "\"status\":\"confirmed\",\"party_size\":4,\"name\":\"Ann\","
                                  "\"phone\":\"07012345%02u\",\"created_at\":\"2026-11-25T09:0%u:00+01:00\"}\n",
                            i, i, i);
  /* 7, 8: the first and last second no calendar shows */
  g_string_append (file, "{\"dataset\":\"activities\"," KIOSK "\"session_uuid\":\"se-2\",\"activity_uuid\":\"ac-1\","
                         "\"category\":\"language\",\"starts_at\":-9223372036854775808,\"ends_at\":1}\n");
  g_string_append (file, "{\"dataset\":\"activities\"," KIOSK "\"session_uuid\":\"se-3\",\"activity_uuid\":\"ac-1\","
                         "\"category\":\"language\",\"starts_at\":0,\"ends_at\":9223372036854775807}\n");
  /* 9, 10: two waiting A005 of one day, from two kiosks */
  for (guint i = 0; i < 2; i++)
    g_string_append_printf (file, "{\"dataset\":\"tickets\",\"kiosk_id\":\"k%u\",\"uuid\":\"a5-%u\",\"label\":\"A005\","
                                  "\"service_prefix\":\"A\",\"day\":\"2026-11-25\",\"number\":5,\"status\":\"waiting\","
                                  "\"created_at\":\"2026-11-25T09:30:00+01:00\"}\n", i, i);

  g_assert_true (import_text (b, file->str, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (b, "SELECT count (*) FROM signup WHERE uuid LIKE 'p-%' AND status = 'confirmed'"), ==, 1);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM signup WHERE uuid LIKE 'p-%' AND status = 'waitlisted'"), ==, 4);
  g_assert_cmpint (query_int (b, "SELECT sum (position) FROM signup WHERE uuid LIKE 'p-%'"), ==, 1 + 2 + 3 + 4);
  g_assert_cmpint (query_int (b, "SELECT position FROM signup WHERE uuid = 'p-4'"), ==, 4);

  g_assert_cmpuint (report.skipped->len, ==, 2);
  g_assert_cmpuint (g_array_index (report.skipped_lines, guint64, 0), ==, 7);
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 0), "starts_at"));
  g_assert_cmpuint (g_array_index (report.skipped_lines, guint64, 1), ==, 8);
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 1), "ends_at"));

  g_assert_cmpint (query_int (b, "SELECT count (DISTINCT label) FROM ticket WHERE uuid LIKE 'a5-%'"), ==, 2);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM ticket WHERE day = '2026-11-25' AND label = 'A005'"), ==, 1);

  /* Lines 3–6 went to the waiting list, line 10 got another number. */
  g_assert_cmpuint (report.changed->len, ==, 5);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", i + 3);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (report.changed, i), prefix));
    }
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.changed, 4), "Line 10: "));
}

static int
count_commit_cb (void *data)
{
  guint *commits = data;

  (*commits)++;
  return 0;
}

/* A long file is committed in batches, so the kiosk's own writes get in
 * between; a line that waits for a reference further down still finds it
 * across batches. */
static void
test_import_batches (ImportFixture *fixture,
                     gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = g_string_new (NULL);
  LotsenStore *b = fixture->b;
  guint n_visitors = 1600;
  guint commits = 0;

  /* 1: a ticket of the last visitor in the file */
  g_string_append_printf (file, "{\"dataset\":\"tickets\"," KIOSK "\"uuid\":\"bt-1\",\"label\":\"C041\","
                                "\"service_prefix\":\"C\",\"day\":\"2026-11-20\",\"number\":41,\"status\":\"done\","
                                "\"created_at\":\"2026-11-20T09:30:00+01:00\",\"visitor_uuid\":\"bv-%u\"}\n",
                          n_visitors - 1);
  for (guint i = 0; i < n_visitors; i++)
    g_string_append_printf (file, "{\"dataset\":\"visitors\"," KIOSK "\"uuid\":\"bv-%u\","
                                  "\"created_at\":\"2026-11-20T09:00:00+01:00\",\"given_name\":\"Sara\"}\n", i);

  sqlite3_commit_hook (lotsen_store_get_db (b), count_commit_cb, &commits);
  g_assert_true (import_text (b, file->str, &report, &error));
  sqlite3_commit_hook (lotsen_store_get_db (b), NULL, NULL);
  g_assert_no_error (error);

  g_assert_cmpuint (report.skipped->len, ==, 0);
  g_assert_cmpuint (report.n_added[LOTSEN_EXPORT_VISITORS], ==, n_visitors);
  g_assert_cmpuint (report.n_added[LOTSEN_EXPORT_TICKETS], ==, 1);
  /* At most 500 lines a batch: at least four, each its own commit. */
  g_assert_cmpuint (report.n_batches, >=, 4);
  g_assert_cmpuint (commits, ==, report.n_batches);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM ticket t JOIN visitor v ON v.id = t.visitor_id "
                                 "WHERE t.uuid = 'bt-1' AND v.uuid = 'bv-1599'"), ==, 1);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM audit WHERE what = 'import'"), ==, 1);
}

static void
test_import_not_jsonl (ImportFixture *fixture,
                       gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->a.dir, "missing.jsonl", NULL);
  gint64 audits = query_int (fixture->b, "SELECT count (*) FROM audit");

  g_assert_false (import_text (fixture->b, "\xEF\xBB\xBFkiosk_id;uuid\r\nabc;def\r\n\x01\xFF\n",
                               &report, &error));
  g_assert_error (error, LOTSEN_IMPORT_ERROR, LOTSEN_IMPORT_ERROR_NOT_JSONL);
  g_clear_error (&error);

  g_assert_false (lotsen_import_jsonl_file (fixture->b, missing, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A folder instead of a file: the cause is kept too. */
  g_assert_false (lotsen_import_jsonl_file (fixture->b, fixture->a.dir, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (query_int (fixture->b, "SELECT count (*) FROM audit"), ==, audits);

  /* Empty: nothing to do, and that is fine. */
  g_assert_true (import_text (fixture->b, "", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_lines, ==, 0);
}

/* A sign-up changed later on the other kiosk is changed here; an older
 * copy changes nothing. */
static void
test_import_signup_newer (ImportFixture *fixture,
                          gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *file = export_all (fixture->a.store);
  g_autofree char *status = NULL;
  LotsenStore *a = fixture->a.store;

  g_assert_true (import_text (fixture->b, file, &report, &error));
  g_assert_no_error (error);

  exec_sql (a, "UPDATE signup SET status = 'cancelled', changed_at = changed_at + 3600 "
               "WHERE uuid = (SELECT min (uuid) FROM signup WHERE uuid LIKE 'signup-%')");
  g_clear_pointer (&file, g_free);
  file = export_jsonl (a, LOTSEN_EXPORT_SIGNUPS);
  g_assert_true (import_text (fixture->b, file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_updated[LOTSEN_EXPORT_SIGNUPS], ==, 1);
  g_assert_cmpuint (report.n_present[LOTSEN_EXPORT_SIGNUPS], ==, report.n_lines - 1);
  assert_rows_copied (a, fixture->b, LOTSEN_EXPORT_SIGNUPS);

  /* Back on A, older than B's copy: B keeps the newer one. */
  exec_sql (a, "UPDATE signup SET status = 'attended', changed_at = changed_at - 7200 "
               "WHERE uuid = (SELECT min (uuid) FROM signup WHERE uuid LIKE 'signup-%')");
  g_clear_pointer (&file, g_free);
  file = export_jsonl (a, LOTSEN_EXPORT_SIGNUPS);
  g_assert_true (import_text (fixture->b, file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_updated[LOTSEN_EXPORT_SIGNUPS], ==, 0);
  status = query_text (fixture->b, "SELECT status FROM signup WHERE uuid = "
                       "(SELECT min (uuid) FROM signup WHERE uuid LIKE ?)", "signup-%");
  g_assert_cmpstr (status, ==, "cancelled");
}

/* Two kiosks each gave out A001 today and the same visitor code: the
 * merge keeps both tickets and this kiosk's code. */
static void
test_import_collisions (ImportFixture *fixture,
                        gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *code = NULL;
  LotsenStore *b = fixture->b;

  take_ticket (b, "A", 0);
  code = query_text (fixture->a.store, "SELECT code FROM visitor WHERE code IS NOT NULL ORDER BY id LIMIT 1", NULL);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO visitor (uuid, code, created_at) "
                                            "VALUES ('b-own', '%s', 0)", code);
    exec_sql (b, sql);
  }

  file = export_all (fixture->a.store);
  g_assert_true (import_text (b, file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  g_assert_cmpuint (report.n_codes_dropped, ==, 1);
  /* B's own A001 stays; A's A002 fits, A's A001 (read after its
   * visitor) becomes A003, and the report says so: two tickets never
   * share a label on one day. */
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM ticket WHERE label = 'A001'"), ==, 1);
  g_assert_cmpint (query_int (b, "SELECT count (DISTINCT number) FROM ticket WHERE service_id = "
                                 "(SELECT id FROM service WHERE prefix = 'A')"), ==, 3);
  g_assert_cmpint (query_int (b, "SELECT count (*) - count (DISTINCT day || label) FROM ticket"), ==, 0);
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM ticket t JOIN service s ON s.id = t.service_id "
                                 "WHERE t.label != s.prefix || printf ('%03d', t.number)"), ==, 0);
  g_assert_cmpuint (report.changed->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report.changed, 0), "A001"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.changed, 0), "A003"));
}

/* Every table a merge writes, as text that does not depend on the order
 * rows were added in: no ids, a reference as the uuid of the row it
 * points at, rows sorted.  The bookkeeping (audit, settings, what waits
 * for an import) is left out. */
static char *
canonical_dump (LotsenStore *store)
{
  sqlite3 *db = lotsen_store_get_db (store);
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
                                       "('audit', 'setting', 'import_pending', 'import_link', 'sqlite_sequence') "
                                       "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *table = g_strdup ((const char *) sqlite3_column_text (tables, 0));
      g_autofree char *info_sql = g_strdup_printf ("SELECT name, pk FROM pragma_table_info ('%s') ORDER BY cid", table);
      g_autofree char *keys_sql = g_strdup_printf ("SELECT \"from\", \"table\" FROM pragma_foreign_key_list ('%s')", table);
      g_autoptr(sqlite3_stmt) info = NULL;
      g_autoptr(sqlite3_stmt) rows = NULL;
      g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GString) select = g_string_new (NULL);
      g_autofree char *sql = NULL;

      {
        g_autoptr(sqlite3_stmt) keys = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (db, keys_sql, -1, &keys, NULL), ==, SQLITE_OK);
        while (sqlite3_step (keys) == SQLITE_ROW)
          g_hash_table_insert (references, g_strdup ((const char *) sqlite3_column_text (keys, 0)),
                               g_strdup ((const char *) sqlite3_column_text (keys, 1)));
      }

      g_assert_cmpint (sqlite3_prepare_v2 (db, info_sql, -1, &info, NULL), ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (info, 0);
          const char *target = g_hash_table_lookup (references, column);

          if (g_str_equal (column, "id"))
            continue;
          if (select->len > 0)
            g_string_append (select, " || '|' || ");
          if (target != NULL)
            g_string_append_printf (select, "quote ((SELECT uuid FROM %s WHERE id = t.%s))", target, column);
          else
            g_string_append_printf (select, "quote (t.%s)", column);
        }

      sql = g_strdup_printf ("SELECT %s FROM %s t ORDER BY 1", select->str, table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", table);
      while (sqlite3_step (rows) == SQLITE_ROW)
        g_string_append_printf (dump, "%s\n", (const char *) sqlite3_column_text (rows, 0));
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Kiosk A's four data sets, each imported on its own, in each of the 24
 * orders into a kiosk with A's services: the same database every time —
 * tickets and sign-ups imported before their visitors are linked to them
 * when they come, sign-ups before their sessions are placed then. */
static void
test_import_every_order (ImportFixture *fixture,
                         gconstpointer  data)
{
  LotsenStore *a = fixture->a.store;
  char *texts[G_N_ELEMENTS (every)] = { NULL };
  g_autofree char *first_dump = NULL;
  const char *a_path = fixture->a.path;
  gint64 linked_tickets = query_int (a, "SELECT count (*) FROM ticket WHERE visitor_id IS NOT NULL");
  gint64 linked_signups = query_int (a, "SELECT count (*) FROM signup WHERE visitor_id IS NOT NULL");
  gint64 signups = query_int (a, "SELECT count (*) FROM signup");
  guint n_orders = 0;

  g_assert_cmpint (linked_tickets, >, 0);
  g_assert_cmpint (linked_signups, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (every); i++)
    texts[i] = export_jsonl (a, every[i]);

  for (guint p0 = 0; p0 < 4; p0++)
    for (guint p1 = 0; p1 < 4; p1++)
      for (guint p2 = 0; p2 < 4; p2++)
        {
          guint p3 = 6 - p0 - p1 - p2;
          guint order[4] = { p0, p1, p2, p3 };
          g_autoptr(GError) error = NULL;
          g_autoptr(LotsenStore) c = NULL;
          g_autofree char *name = NULL;
          g_autofree char *path = NULL;
          g_autofree char *attach = NULL;
          g_autofree char *dump = NULL;

          if (p0 == p1 || p0 == p2 || p1 == p2 || p3 > 3 || p3 == p0 || p3 == p1 || p3 == p2)
            continue;

          name = g_strdup_printf ("order-%u%u%u%u.db", p0, p1, p2, p3);
          path = g_build_filename (fixture->a.dir, name, NULL);
          c = lotsen_store_open (path, fixture->a.clock, &error);
          g_assert_no_error (error);
          attach = g_strdup_printf ("ATTACH DATABASE '%s' AS a;"
                                    "INSERT INTO service SELECT * FROM a.service;"
                                    "INSERT INTO service_text SELECT * FROM a.service_text;"
                                    "DETACH DATABASE a;", a_path);
          exec_sql (c, attach);

          for (guint i = 0; i < 4; i++)
            {
              g_auto(LotsenImportReport) report = { 0 };

              g_assert_true (import_text (c, texts[order[i]], &report, &error));
              g_assert_no_error (error);
              g_assert_cmpuint (report.skipped->len, ==, 0);
              if (i == 3)
                {
                  g_assert_cmpuint (report.n_waiting, ==, 0);
                  g_assert_cmpuint (report.n_unlinked, ==, 0);
                }
            }

          g_assert_cmpint (query_int (c, "SELECT count (*) FROM import_pending"), ==, 0);
          g_assert_cmpint (query_int (c, "SELECT count (*) FROM import_link"), ==, 0);
          g_assert_cmpint (query_int (c, "SELECT count (*) FROM ticket WHERE visitor_id IS NOT NULL"), ==,
                           linked_tickets);
          g_assert_cmpint (query_int (c, "SELECT count (*) FROM signup WHERE visitor_id IS NOT NULL"), ==,
                           linked_signups);
          g_assert_cmpint (query_int (c, "SELECT count (*) FROM signup"), ==, signups);

          dump = canonical_dump (c);
          if (first_dump == NULL)
            first_dump = g_steal_pointer (&dump);
          else if (g_strcmp0 (dump, first_dump) != 0)
            g_error ("order %u%u%u%u gives another database:\n%s\n---\n%s", p0, p1, p2, p3, dump, first_dump);
          n_orders++;
        }

  g_assert_cmpuint (n_orders, ==, 24);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
}

/* Sign-ups whose session never came are kept, not lost, and one line of
 * the report says so; they are placed when the session comes. */
static void
test_import_kept (ImportFixture *fixture,
                  gconstpointer  data)
{
  LotsenStore *a = fixture->a.store;
  g_autofree char *signups = export_jsonl (a, LOTSEN_EXPORT_SIGNUPS);
  g_autofree char *sessions = export_jsonl (a, LOTSEN_EXPORT_ACTIVITIES);
  g_autofree char *visitors = export_jsonl (a, LOTSEN_EXPORT_VISITORS);
  g_autofree char *path = g_build_filename (fixture->a.dir, "kept.db", NULL);
  g_autoptr(LotsenStore) c = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = query_int (a, "SELECT count (*) FROM signup");
  gint64 with_visitor = query_int (a, "SELECT count (*) FROM signup WHERE visitor_id IS NOT NULL");

  c = lotsen_store_open (path, fixture->a.clock, &error);
  g_assert_no_error (error);

  {
    g_auto(LotsenImportReport) report = { 0 };

    g_assert_true (import_text (c, signups, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.n_waiting, ==, n);
    g_assert_cmpuint (report.skipped->len, ==, 0);
    g_assert_cmpint (query_int (c, "SELECT count (*) FROM signup"), ==, 0);
  }
  {
    g_auto(LotsenImportReport) report = { 0 };

    g_assert_true (import_text (c, sessions, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.n_waiting, ==, 0);
    g_assert_cmpuint (report.n_placed, ==, n);
    g_assert_cmpuint (report.n_unlinked, ==, with_visitor);
    g_assert_cmpint (query_int (c, "SELECT count (*) FROM signup"), ==, n);
  }
  {
    g_auto(LotsenImportReport) report = { 0 };

    g_assert_true (import_text (c, visitors, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.n_linked, ==, with_visitor);
    g_assert_cmpuint (report.n_unlinked, ==, 0);
    g_assert_cmpint (query_int (c, "SELECT count (*) FROM signup WHERE visitor_id IS NOT NULL"), ==, with_visitor);
  }
}

/* Activities come with every language's title and description, and one
 * without sessions comes too. */
static void
test_import_activity_texts (ImportFixture *fixture,
                            gconstpointer  data)
{
  LotsenStore *a = fixture->a.store;
  g_autofree char *path = g_build_filename (fixture->a.dir, "texts.db", NULL);
  g_autofree char *activities = NULL;
  g_autofree char *description = NULL;
  g_autoptr(LotsenStore) c = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LotsenImportReport) report = { 0 };

  exec_sql (a,
            "INSERT INTO activity (uuid, category, pictogram, capacity) VALUES "
            "('22222222-2222-4222-8222-222222222222', 'craft', 'lotsen-coffee-symbolic', 6);"
            "INSERT INTO activity_text (activity_id, lang, title, description) "
            "SELECT id, 'sv', 'Sömnad', 'Vi syr tillsammans.' FROM activity WHERE category = 'craft';"
            "INSERT INTO activity_text (activity_id, lang, title, description) "
            "SELECT id, 'ti', 'ስፌት', NULL FROM activity WHERE category = 'craft';"
            "INSERT INTO activity_text (activity_id, lang, title, description) "
            "SELECT id, 'en', 'Sewing', 'We sew together.' FROM activity WHERE category = 'craft'");
  g_assert_cmpint (query_int (a, "SELECT count (*) FROM activity_text"), >, 10);

  activities = export_jsonl (a, LOTSEN_EXPORT_ACTIVITIES);
  g_assert_nonnull (strstr (activities, "\"activity_uuid\":\"22222222-2222-4222-8222-222222222222\""));

  c = lotsen_store_open (path, fixture->a.clock, &error);
  g_assert_no_error (error);
  g_assert_true (import_text (c, activities, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.skipped->len, ==, 0);

  /* Every activity, every language, every description. */
  g_assert_cmpint (query_int (c, "SELECT count (*) FROM activity"), ==, query_int (a, "SELECT count (*) FROM activity"));
  g_assert_cmpint (query_int (c, "SELECT count (*) FROM activity_text"), ==,
                   query_int (a, "SELECT count (*) FROM activity_text"));
  g_assert_cmpint (query_int (c, "SELECT count (*) FROM session"), ==, query_int (a, "SELECT count (*) FROM session"));
  description = query_text (c, "SELECT description FROM activity_text WHERE lang = 'en' AND activity_id = "
                            "(SELECT id FROM activity WHERE uuid = ?)", "22222222-2222-4222-8222-222222222222");
  g_assert_cmpstr (description, ==, "We sew together.");

  /* Again: all here already. */
  {
    g_auto(LotsenImportReport) again = { 0 };

    g_assert_true (import_text (c, activities, &again, &error));
    g_assert_cmpuint (lotsen_import_report_get_added (&again), ==, 0);
    g_assert_cmpint (query_int (c, "SELECT count (*) FROM activity_text"), ==,
                     query_int (a, "SELECT count (*) FROM activity_text"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ImportFixture, NULL, import_set_up, func, import_tear_down)

  ADD ("/import/round-trip", test_import_round_trip);
  ADD ("/import/broken-lines", test_import_broken_lines);
  ADD ("/import/field-rules", test_import_field_rules);
  ADD ("/import/long-lines", test_import_long_lines);
  ADD ("/import/seats-and-labels", test_import_seats_and_labels);
  ADD ("/import/batches", test_import_batches);
  ADD ("/import/not-jsonl", test_import_not_jsonl);
  ADD ("/import/signup-newer", test_import_signup_newer);
  ADD ("/import/collisions", test_import_collisions);
  ADD ("/import/every-order", test_import_every_order);
  ADD ("/import/kept", test_import_kept);
  ADD ("/import/activity-texts", test_import_activity_texts);

#undef ADD

  return g_test_run ();
}
