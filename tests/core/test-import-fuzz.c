/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import fed thousands of broken lines, made deterministically from a
 * real export: no crash, every rejected line reported with its number,
 * and the database intact, with the rows it had before unchanged. */
#include "config.h"

#include <string.h>

#include "lotsen-demo.h"
#include "lotsen-export.h"
#include "lotsen-import.h"
#include "lotsen-queue.h"
#include "lotsen-store-private.h"
#include "lotsen-test-core.h"
#include "lotsen-visitor.h"

#define SEED         20261125
#define N_FLIPS      1500
#define N_TRUNCATED  1000
#define N_BAD_UTF8   300
#define N_NULS       300
#define N_DUPLICATES 300
#define N_HUGE       4
#define HUGE_BYTES   (1024 * 1024)
#define DEEP_LEVELS  100000

/* Kiosk A exports the seed lines; kiosk B imports the broken ones. */
typedef struct
{
  StoreFixture  a;
  char         *b_path;
  LotsenStore  *b;
} FuzzFixture;

static const LotsenExportDataset every[] = {
  LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
};

/* Values of every JSON type but the ones a field may have. */
static const char * const wrong_values[] = {
  "123", "-1.5", "1e400", "99999999999999999999", "true", "false", "null", "\"\"",
  "\"text\"", "\"\\ud800\"", "\"\\u0000\"", "[]", "{}", "[1,2]", "{\"a\":1}",
};

static void
exec_sql (LotsenStore *store,
          const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
add_people (LotsenStore *store,
            const char  *given_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenTicket) other = NULL;

  draft->lang = g_strdup ("ar");
  draft->given_name = g_strdup (given_name);
  draft->phone = g_strdup ("+46701234567");
  draft->birth_year = 1990;
  draft->gender = LOTSEN_GENDER_WOMAN;
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (store, draft, &error);
  g_assert_no_error (error);

  ticket = lotsen_queue_take_ticket_for (store, "A", "ar", visitor->id, &error);
  g_assert_no_error (error);
  other = lotsen_queue_take_ticket_for (store, "B", "sv", 0, &error);
  g_assert_no_error (error);

  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO signup (uuid, session_id, visitor_id, name, phone, "
                                            "party_size, status, position, created_at, changed_at) "
                                            "SELECT '%s-' || se.id, se.id, %" G_GINT64_FORMAT ", NULL, NULL, "
                                            "2, 'confirmed', NULL, %d, %d FROM session se LIMIT 4",
                                            given_name, visitor->id, TEST_NOW, TEST_NOW + 60);

    exec_sql (store, sql);
  }
  exec_sql (store,
            "INSERT INTO signup (uuid, session_id, name, phone, party_size, status, position, "
            "created_at, changed_at) SELECT lower (hex (randomblob (16))), se.id, 'Walk', '+46709999999', 1, "
            "'waitlisted', 1, " G_STRINGIFY (TEST_NOW) ", " G_STRINGIFY (TEST_NOW) " FROM session se LIMIT 2");
}

static void
fuzz_set_up (FuzzFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (&fixture->a, data);
  g_assert_true (lotsen_demo_seed (fixture->a.store, &error));
  g_assert_no_error (error);
  add_people (fixture->a.store, "Amina");

  fixture->b_path = g_build_filename (fixture->a.dir, "b.db", NULL);
  fixture->b = lotsen_store_open (fixture->b_path, fixture->a.clock, &error);
  g_assert_no_error (error);
  g_assert_true (lotsen_demo_seed (fixture->b, &error));
  g_assert_no_error (error);
  add_people (fixture->b, "Bashir");
}

static void
fuzz_tear_down (FuzzFixture   *fixture,
                gconstpointer  data)
{
  g_assert_finalize_object (fixture->b);
  g_free (fixture->b_path);
  store_fixture_tear_down (&fixture->a, data);
}

/* Every line of A's export of every data set. */
static GPtrArray *
export_seed_lines (LotsenStore *store)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (every); i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) split = NULL;

      g_assert_true (lotsen_export_write (store, every[i], LOTSEN_EXPORT_JSONL, NULL, out, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
      g_assert_true (g_output_stream_close (out, NULL, NULL));
      text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

      split = g_strsplit (text, "\n", -1);
      for (guint j = 0; split[j] != NULL; j++)
        if (*split[j] != '\0')
          g_ptr_array_add (lines, g_strdup (split[j]));
    }

  g_assert_cmpuint (lines->len, >, 20);
  return g_steal_pointer (&lines);
}

/* The [start, end) of the value of each member of a flat object line, as
 * the export writes it (no space, no nesting). */
static GArray *
find_values (const char *line)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);
  gsize length = strlen (line);
  gboolean in_string = FALSE;
  gboolean in_key = TRUE;
  gsize start = 0;

  for (gsize i = 1; i < length; i++)
    {
      char c = line[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == ':' && in_key)
        {
          in_key = FALSE;
          start = i + 1;
        }
      else if ((c == ',' || c == '}') && !in_key)
        {
          gsize span[2] = { start, i };

          g_array_append_val (spans, span);
          in_key = TRUE;
        }
    }

  return spans;
}

static char *
replace_span (const char *line,
              gsize       start,
              gsize       end,
              const char *value)
{
  return g_strdup_printf ("%.*s%s%s", (int) start, line, value, line + end);
}

/* A mutated line must stay one line of the file; it may hold NUL bytes. */
static void
add_line (GPtrArray *lines,
          GString   *line)
{
  for (gsize i = 0; i < line->len; i++)
    if (line->str[i] == '\n')
      line->str[i] = ' ';

  g_ptr_array_add (lines, g_string_free_to_bytes (line));
}

static void
add_text (GPtrArray *lines,
          char      *text)
{
  add_line (lines, g_string_new (text));
  g_free (text);
}

static const char *
pick (GRand     *rand,
      GPtrArray *seeds)
{
  return g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len));
}

static GPtrArray *
make_lines (GPtrArray *seeds)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  /* The export itself first: the file is an export, only a broken one. */
  for (guint i = 0; i < seeds->len; i++)
    add_text (lines, g_strdup (g_ptr_array_index (seeds, i)));

  /* Wrong types for every field of every line. */
  for (guint i = 0; i < seeds->len; i++)
    {
      const char *seed = g_ptr_array_index (seeds, i);
      g_autoptr(GArray) spans = find_values (seed);

      for (guint j = 0; j < spans->len; j++)
        {
          gsize *span = &g_array_index (spans, gsize, j * 2);

          for (guint k = 0; k < G_N_ELEMENTS (wrong_values); k++)
            add_text (lines, replace_span (seed, span[0], span[1], wrong_values[k]));
        }
    }

  for (guint i = 0; i < N_FLIPS; i++)
    {
      GString *line = g_string_new (pick (rand, seeds));
      guint n = g_rand_int_range (rand, 1, 9);

      for (guint j = 0; j < n; j++)
        line->str[g_rand_int_range (rand, 0, line->len)] ^= 1 << g_rand_int_range (rand, 0, 8);
      add_line (lines, line);
    }

  for (guint i = 0; i < N_TRUNCATED; i++)
    {
      GString *line = g_string_new (pick (rand, seeds));

      g_string_truncate (line, g_rand_int_range (rand, 0, line->len));
      add_line (lines, line);
    }

  for (guint i = 0; i < N_BAD_UTF8; i++)
    {
      static const char * const bad[] = { "\xFF", "\xC0\x80", "\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82" };
      GString *line = g_string_new (pick (rand, seeds));

      g_string_insert (line, g_rand_int_range (rand, 0, line->len), bad[g_rand_int_range (rand, 0, G_N_ELEMENTS (bad))]);
      add_line (lines, line);
    }

  for (guint i = 0; i < N_NULS; i++)
    {
      GString *line = g_string_new (pick (rand, seeds));

      g_string_insert_len (line, g_rand_int_range (rand, 0, line->len), "\0", 1);
      add_line (lines, line);
    }

  /* A member twice: with the same value, and with another one. */
  for (guint i = 0; i < N_DUPLICATES; i++)
    {
      const char *seed = pick (rand, seeds);
      g_autoptr(GArray) spans = find_values (seed);
      gsize *span = &g_array_index (spans, gsize, g_rand_int_range (rand, 0, spans->len) * 2);
      gsize key_start = span[0] - 1;
      GString *line = g_string_new_len (seed, strlen (seed) - 1);

      /* Back from the ':' to the key's opening quote. */
      while (key_start > 0 && !(seed[key_start - 1] == '"' && (seed[key_start - 2] == ',' || seed[key_start - 2] == '{')))
        key_start--;
      g_string_append_c (line, ',');
      g_string_append_len (line, seed + key_start - 1, span[0] - key_start + 1);
      g_string_append (line, i % 2 == 0 ? "\"other\"" : "null");
      g_string_append_c (line, '}');
      add_line (lines, line);
    }

  /* Huge strings: a name, a uuid, the data set's name. */
  for (guint i = 0; i < N_HUGE; i++)
    {
      const char *seed = pick (rand, seeds);
      g_autoptr(GArray) spans = find_values (seed);
      gsize *span = &g_array_index (spans, gsize, (i % spans->len) * 2);
      g_autoptr(GString) huge = g_string_sized_new (HUGE_BYTES + 2);

      g_string_append_c (huge, '"');
      for (gsize j = 0; j < HUGE_BYTES; j++)
        g_string_append_c (huge, i % 2 == 0 ? 'x' : "\xD8\xA7"[j % 2]);
      g_string_append_c (huge, '"');
      add_text (lines, replace_span (seed, span[0], span[1], huge->str));
    }

  /* Deep nesting, as arrays, as objects, and inside a member. */
  {
    GString *arrays = g_string_new (NULL);
    GString *objects = g_string_new (NULL);
    GString *member = g_string_new ("{\"dataset\":\"visitors\",\"uuid\":");

    for (guint i = 0; i < DEEP_LEVELS; i++)
      {
        g_string_append_c (arrays, '[');
        g_string_append (objects, "{\"a\":");
        g_string_append_c (member, '[');
      }
    add_line (lines, arrays);
    add_line (lines, objects);
    add_line (lines, member);
  }

  /* The rest of what a hand-written parser can get wrong. */
  {
    static const char * const odd[] = {
      "{", "}", "{}", "[]", "null", "\"visitors\"", "{\"dataset\":\"visitors\"", "{\"dataset\":\"visitors\",}",
      "{\"dataset\":\"nobody\",\"uuid\":\"x\"}", "{\"dataset\":null}", "{\"dataset\":1}",
      "{\"dataset\":\"visitors\",\"uuid\":\"u\",\"created_at\":\"not a time\"}",
      "{\"dataset\":\"visitors\",\"uuid\":\"u\",\"created_at\":\"2026-13-45T99:00:00+01:00\"}",
      "{\"dataset\":\"tickets\",\"uuid\":\"t\",\"label\":\"Z001\",\"service_prefix\":\"Z\",\"day\":\"2026-11-25\","
      "\"number\":1,\"status\":\"waiting\",\"created_at\":\"2026-11-25T10:00:00+01:00\"}",
      "{\"dataset\":\"signups\",\"uuid\":\"s\",\"status\":\"confirmed\",\"created_at\":0,\"session_uuid\":\"none\"}",
      "{\"dataset\":\"signups\",\"uuid\":\"s2\",\"status\":\"flying\",\"created_at\":0,\"party_size\":-5}",
      "{'dataset':'visitors'}", "{\"dataset\":\"visitors\"} trailing", "\xEF\xBB\xBF{}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      add_text (lines, g_strdup (odd[i]));
  }

  return g_steal_pointer (&lines);
}

/* Each row of every table, by table and rowid, as text. */
static GHashTable *
snapshot (const char *path)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT rowid, * FROM \"%s\"", table);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 1; c < sqlite3_column_count (stmt); c++)
            {
              g_string_append_printf (row, "%d:", sqlite3_column_type (stmt, c));
              g_string_append_len (row, (const char *) sqlite3_column_blob (stmt, c), sqlite3_column_bytes (stmt, c));
              g_string_append_c (row, '\x1f');
            }
          g_hash_table_insert (rows, g_strdup_printf ("%s/%" G_GINT64_FORMAT, table, (gint64) sqlite3_column_int64 (stmt, 0)),
                               g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return rows;
}

static char *
query_text (const char *path,
            const char *sql)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      g_string_append_printf (result, "%s%s", result->len > 0 ? " " : "",
                              sqlite3_column_text (stmt, c) ? (const char *) sqlite3_column_text (stmt, c) : "NULL");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  /* As the import sees a line: the BOM of the file and a CR at the end go. */
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;

  return TRUE;
}

static void
test_import_fuzz (FuzzFixture   *fixture,
                  gconstpointer  data)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seeds = export_seed_lines (fixture->a.store);
  g_autoptr(GPtrArray) lines = make_lines (seeds);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *foreign_keys = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint64 n_data_lines = 0, n_used = 0;

  g_assert_cmpuint (lines->len, >, 4000);

  for (guint i = 0; i < lines->len; i++)
    {
      gsize length;
      const char *line = g_bytes_get_data (g_ptr_array_index (lines, i), &length);

      if (!is_blank (line, length))
        n_data_lines++;
      g_string_append_len (file, line, length);
      g_string_append_c (file, '\n');
    }

  before = snapshot (fixture->b_path);

  in = g_memory_input_stream_new_from_data (g_memdup2 (file->str, file->len), file->len, g_free);
  g_assert_true (lotsen_import_jsonl (fixture->b, in, &report, &error));
  g_assert_no_error (error);

  /* Every line counted; every line not used is reported, by its number. */
  g_assert_cmpuint (report.n_lines, ==, lines->len);
  for (guint i = 0; i < LOTSEN_IMPORT_N_DATASETS; i++)
    n_used += report.n_added[i] + report.n_updated[i] + report.n_present[i];
  g_test_message ("%u lines: %" G_GUINT64_FORMAT " used, %u skipped", lines->len, n_used, report.skipped->len);
  g_assert_cmpuint (report.n_added[LOTSEN_EXPORT_VISITORS], >, 0);
  g_assert_cmpuint (report.n_added[LOTSEN_EXPORT_SIGNUPS], >, 0);
  g_assert_cmpuint (report.skipped->len, >, 3000);
  g_assert_cmpuint (report.skipped_lines->len, ==, report.skipped->len);
  /* Sign-ups whose session is in no line are kept for a later import. */
  g_assert_cmpuint (n_used + report.skipped->len + report.n_waiting, ==, n_data_lines);

  for (guint i = 0; i < report.skipped->len; i++)
    {
      guint64 number = g_array_index (report.skipped_lines, guint64, i);
      const char *message = g_ptr_array_index (report.skipped, i);
      g_autofree char *prefix = g_strdup_printf ("Line %" G_GUINT64_FORMAT ": ", number);

      g_assert_cmpuint (number, >=, 1);
      g_assert_cmpuint (number, <=, lines->len);
      if (i > 0)
        g_assert_cmpuint (number, >, g_array_index (report.skipped_lines, guint64, i - 1));
      if (!g_str_has_prefix (message, prefix) || strlen (message) <= strlen (prefix) + 5 ||
          !g_utf8_validate (message, -1, NULL))
        g_error ("Not a clear message for line %" G_GUINT64_FORMAT ": %s", number, message);
    }

  /* The database is whole, and what was there is as it was. */
  integrity = query_text (fixture->b_path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  foreign_keys = query_text (fixture->b_path, "PRAGMA foreign_key_check");
  g_assert_cmpstr (foreign_keys, ==, "");

  after = snapshot (fixture->b_path);
  g_assert_cmpuint (g_hash_table_size (after), >, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *now = g_hash_table_lookup (after, key);

      if (g_strcmp0 (now, value) != 0)
        g_error ("Row %s changed by the import", (const char *) key);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/fuzz", FuzzFixture, NULL, fuzz_set_up, test_import_fuzz, fuzz_tear_down);

  return g_test_run ();
}
