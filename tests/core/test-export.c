/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports: byte-level CSV and JSONL facts, hostile data, files and audit. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lotsen-demo.h"
#include "lotsen-export.h"
#include "lotsen-queue.h"
#include "lotsen-test-core.h"
#include "lotsen-visitor.h"

#define BOM "\xEF\xBB\xBF"

/* 2026-07-02 10:00:00 in Stockholm (CEST, UTC+2). */
#define SUMMER_NOW 1782979200

#define FORMULA "=cmd|' /C calc'!A0"
#define MESSY   "a;b,c\"d\r\ne\\f"
#define RLO     "\xE2\x80\xAE" "evil.exe" /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define GEEZ    "ሃይለ ማርያም"
#define ARABIC  "محمد"

static void
export_set_up (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (fixture, data);
  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
}

/* A second connection, as data imported from elsewhere would arrive. */
static void
run_sql (StoreFixture       *fixture,
         const char         *sql,
         const char * const *params,
         guint               n_params)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_params; i++)
    if (params[i] != NULL)
      sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
query_int (StoreFixture *fixture,
           const char   *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
insert_raw_visitor (StoreFixture *fixture,
                    const char   *uuid,
                    const char   *given_name,
                    const char   *phone,
                    const char   *municipality,
                    const char   *birth_year)
{
  const char *params[] = { uuid, given_name, phone, municipality, birth_year };

  run_sql (fixture,
           "INSERT INTO visitor (uuid, created_at, given_name, phone, municipality, birth_year) "
           "VALUES (?1, " G_STRINGIFY (TEST_NOW) ", ?2, ?3, ?4, ?5)",
           params, G_N_ELEMENTS (params));
}

static LotsenVisitor *
register_visitor (LotsenStore *store,
                  const char  *given_name,
                  const char  *family_name,
                  const char  *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  LotsenVisitor *visitor;

  draft->lang = g_strdup ("sv");
  draft->given_name = g_strdup (given_name);
  draft->family_name = g_strdup (family_name);
  draft->phone = g_strdup (phone);
  draft->birth_year = 1990;
  draft->gender = LOTSEN_GENDER_WOMAN;
  draft->consent = TRUE;

  visitor = lotsen_visitor_register (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (visitor);
  return visitor;
}

/* The export as a string (it never holds a NUL). */
static char *
export_string (LotsenStore                *store,
               LotsenExportDataset         dataset,
               LotsenExportFormat          format,
               const LotsenExportOptions  *options,
               guint64                    *n_rows)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (lotsen_export_write (store, dataset, format, options, out, n_rows, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

/* A strict RFC 4180 reader: quotes only around whole fields, every
 * record ends in CRLF, every record as wide as the header.  The test
 * fails on anything else. */
static GPtrArray *
parse_csv (const char *text,
           char        separator)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_assert_true (g_str_has_prefix (p, BOM));
  p += strlen (BOM);

  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (p[0] == '"' && p[1] == '"')
                p++;
              else if (p[0] == '"')
                {
                  p++;
                  break;
                }
              g_string_append_c (field, *p);
            }
        }
      else
        {
          for (; *p != separator && *p != '\r' && *p != '\n' && *p != '\0'; p++)
            {
              g_assert_cmpint (*p, !=, '"');
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (row, g_string_free (field, FALSE));

      if (*p == separator)
        {
          p++;
          continue;
        }

      g_assert_true (p[0] == '\r' && p[1] == '\n');
      p += 2;
      if (rows->len > 0)
        g_assert_cmpuint (row->len, ==, ((GPtrArray *) rows->pdata[0])->len);
      g_ptr_array_add (rows, g_steal_pointer (&row));
      row = g_ptr_array_new_with_free_func (g_free);
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (rows->len, >=, 1);
  return g_steal_pointer (&rows);
}

static guint
csv_column (GPtrArray  *rows,
            const char *name)
{
  GPtrArray *header = rows->pdata[0];

  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (header->pdata[i], name) == 0)
      return i;

  g_assert_not_reached ();
}

/* The row whose @column is @value. */
static GPtrArray *
csv_row (GPtrArray  *rows,
         const char *column,
         const char *value)
{
  guint c = csv_column (rows, column);

  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = rows->pdata[i];

      if (g_strcmp0 (row->pdata[c], value) == 0)
        return row;
    }

  g_assert_not_reached ();
}

static const char *
csv_cell (GPtrArray  *rows,
          GPtrArray  *row,
          const char *column)
{
  return row->pdata[csv_column (rows, column)];
}

static char *
parse_json_string (const char **cursor)
{
  GString *text = g_string_new (NULL);
  const char *p = *cursor;

  g_assert_cmpint (*p, ==, '"');
  for (p++; *p != '"'; p++)
    {
      g_assert_cmpint ((guchar) *p, >=, 0x20);
      if (*p != '\\')
        {
          g_string_append_c (text, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case '"': case '\\': case '/': g_string_append_c (text, *p); break;
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          {
            char hex[5] = { 0 };

            memcpy (hex, p + 1, 4);
            g_assert_true (g_ascii_isxdigit (hex[0]) && g_ascii_isxdigit (hex[1]) &&
                           g_ascii_isxdigit (hex[2]) && g_ascii_isxdigit (hex[3]));
            g_string_append_unichar (text, (gunichar) g_ascii_strtoull (hex, NULL, 16));
            p += 4;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  *cursor = p + 1;
  return g_string_free (text, FALSE);
}

/* A flat JSON object, its values tagged: "s…" a string, "n…" a number,
 * "z" null. */
static GHashTable *
parse_json_line (const char *line)
{
  g_autoptr(GHashTable) object = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = line;

  g_assert_cmpint (*p, ==, '{');
  p++;
  for (;;)
    {
      g_autofree char *key = parse_json_string (&p);
      char *value;

      g_assert_cmpint (*p, ==, ':');
      p++;
      if (*p == '"')
        {
          g_autofree char *text = parse_json_string (&p);

          value = g_strconcat ("s", text, NULL);
        }
      else if (g_str_has_prefix (p, "null"))
        {
          value = g_strdup ("z");
          p += 4;
        }
      else
        {
          const char *start = p;

          g_assert_true (*p == '-' || g_ascii_isdigit (*p));
          for (p++; g_ascii_isdigit (*p); p++)
            ;
          value = g_strdup_printf ("n%.*s", (int) (p - start), start);
        }

      g_assert_false (g_hash_table_contains (object, key));
      g_hash_table_insert (object, g_steal_pointer (&key), value);

      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_cmpint (*p, ==, '}');
      g_assert_cmpint (p[1], ==, '\0');
      break;
    }

  return g_steal_pointer (&object);
}

/* Every line of a JSONL export, parsed. */
static GPtrArray *
parse_jsonl (const char *text)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_false (g_str_has_prefix (text, BOM));
  g_assert_true (*text == '\0' || g_str_has_suffix (text, "}\n"));
  g_assert_null (strchr (text, '\r'));

  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    g_ptr_array_add (objects, parse_json_line (lines[i]));

  return g_steal_pointer (&objects);
}

static GHashTable *
json_find (GPtrArray  *objects,
           const char *key,
           const char *value)
{
  g_autofree char *tagged = g_strconcat ("s", value, NULL);

  for (guint i = 0; i < objects->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (objects->pdata[i], key), tagged) == 0)
      return objects->pdata[i];

  g_assert_not_reached ();
}

static void
assert_json_string (GHashTable *object,
                    const char *key,
                    const char *value)
{
  g_autofree char *tagged = g_strconcat ("s", value, NULL);

  g_assert_cmpstr (g_hash_table_lookup (object, key), ==, tagged);
}

static void
test_export_names (void)
{
  static const char * const datasets[] = { "visitors", "tickets", "signups", "activities" };
  LotsenExportDataset dataset;
  LotsenExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lotsen_export_dataset_from_string (datasets[i], &dataset, &error));
      g_assert_no_error (error);
      g_assert_cmpint (dataset, ==, i);
      g_assert_cmpstr (lotsen_export_dataset_to_string (dataset), ==, datasets[i]);
    }

  g_assert_true (lotsen_export_format_from_string ("csv", &format, NULL));
  g_assert_cmpint (format, ==, LOTSEN_EXPORT_CSV);
  g_assert_true (lotsen_export_format_from_string ("jsonl", &format, NULL));
  g_assert_cmpint (format, ==, LOTSEN_EXPORT_JSONL);
  g_assert_true (lotsen_export_format_from_string ("json", &format, NULL));
  g_assert_cmpint (format, ==, LOTSEN_EXPORT_JSONL);
  g_assert_cmpstr (lotsen_export_format_to_string (LOTSEN_EXPORT_JSONL), ==, "jsonl");

  {
    const char *bad[] = { "", "visitor", "xlsx", "tickets; DROP TABLE ticket" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GError) format_error = NULL;

        dataset = LOTSEN_EXPORT_SIGNUPS;
        g_assert_false (lotsen_export_dataset_from_string (bad[i], &dataset, &error));
        g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, bad[i]));
        g_assert_cmpint (dataset, ==, LOTSEN_EXPORT_SIGNUPS);

        g_assert_false (lotsen_export_format_from_string (bad[i], &format, &format_error));
        g_assert_error (format_error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      }
  }
}

/* The visitors every hostile-data test starts from. */
static void
add_hostile_visitors (StoreFixture *fixture)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) sixty = g_string_new (NULL);
  g_autoptr(LotsenVisitor) geez = NULL;
  g_autoptr(LotsenVisitor) arabic = NULL;
  g_autoptr(LotsenVisitor) irish = NULL;
  g_autoptr(LotsenVisitor) longest = NULL;
  g_autoptr(LotsenVisitor) hyphen = NULL;

  /* Through the validator: what a visitor can really type. */
  geez = register_visitor (fixture->store, GEEZ, "ገብረ", "070-123 45 67");
  arabic = register_visitor (fixture->store, ARABIC, "العلي", NULL);
  irish = register_visitor (fixture->store, "Siobhán", "O'Brien", "+964 770 123 4567");
  for (int i = 0; i < LOTSEN_NAME_MAX_CHARS; i++)
    g_string_append (sixty, "Å");
  longest = register_visitor (fixture->store, sixty->str, NULL, NULL);
  hyphen = register_visitor (fixture->store, "-Anna", NULL, NULL);

  run_sql (fixture, "UPDATE visitor SET uuid = 'geez' WHERE id = ?1",
           (const char *[]) { "1" }, 1);
  run_sql (fixture, "UPDATE visitor SET uuid = 'arabic' WHERE id = ?1",
           (const char *[]) { "2" }, 1);
  run_sql (fixture, "UPDATE visitor SET uuid = 'irish' WHERE id = ?1",
           (const char *[]) { "3" }, 1);
  run_sql (fixture, "UPDATE visitor SET uuid = 'sixty' WHERE id = ?1",
           (const char *[]) { "4" }, 1);
  run_sql (fixture, "UPDATE visitor SET uuid = 'hyphen' WHERE id = ?1",
           (const char *[]) { "5" }, 1);

  /* Past the validator: data imported from elsewhere. */
  for (int i = 0; i < 10000; i++)
    g_string_append_c (long_text, "abcdefghij"[i % 10]);

  insert_raw_visitor (fixture, "formula", FORMULA, "+46701234567", NULL, NULL);
  insert_raw_visitor (fixture, "plus", "+SUM(1)", NULL, NULL, NULL);
  insert_raw_visitor (fixture, "minus", "-2+3", NULL, NULL, NULL);
  insert_raw_visitor (fixture, "at", "@foo", NULL, NULL, NULL);
  insert_raw_visitor (fixture, "tab", "\tTab", NULL, NULL, NULL);
  insert_raw_visitor (fixture, "cr", "\rCR", NULL, NULL, NULL);
  insert_raw_visitor (fixture, "messy", MESSY, NULL, "Malmö;Lund", NULL);
  insert_raw_visitor (fixture, "rlo", RLO, NULL, NULL, NULL);
  insert_raw_visitor (fixture, "long", long_text->str, NULL, NULL, NULL);
  insert_raw_visitor (fixture, "year", "Year", NULL, NULL, "=1+1");
  /* Not text at all: "=", NUL, a byte that is not UTF-8, "A". */
  run_sql (fixture,
           "INSERT INTO visitor (uuid, created_at, given_name) "
           "VALUES ('blob', " G_STRINGIFY (TEST_NOW) ", X'3D00FF41')",
           NULL, 0);
}

static void
test_export_csv_hostile (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *header = NULL;
  g_autofree char *long_text = NULL;
  guint64 n_rows = 0;
  GPtrArray *row;

  add_hostile_visitors (fixture);
  csv = export_string (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_CSV, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 16);

  /* Bytes: the BOM, then the header with ';' and CRLF. */
  header = g_strconcat (BOM "kiosk_id;uuid;code;created_at;lang;given_name;family_name;birth_year;"
                        "gender;phone;municipality;interests;interpreter_lang;consent_version;"
                        "consent_at;last_seen_at\r\n", NULL);
  g_assert_true (g_str_has_prefix (csv, header));

  /* Formulas get an apostrophe and quotes; quotes are doubled; line
   * breaks inside a cell are quoted, not record ends. */
  g_assert_nonnull (strstr (csv, ";\"'" FORMULA "\";"));
  g_assert_nonnull (strstr (csv, ";\"'+SUM(1)\";"));
  g_assert_nonnull (strstr (csv, ";\"'-2+3\";"));
  g_assert_nonnull (strstr (csv, ";\"'@foo\";"));
  g_assert_nonnull (strstr (csv, ";\"'\tTab\";"));
  g_assert_nonnull (strstr (csv, ";\"'\rCR\";"));
  g_assert_nonnull (strstr (csv, ";\"'-Anna\";"));
  g_assert_nonnull (strstr (csv, ";\"a;b,c\"\"d\r\ne\\f\";"));
  g_assert_nonnull (strstr (csv, ";\"Malmö;Lund\";"));
  /* Phone numbers are text: "+46…" would be a formula to a spreadsheet. */
  g_assert_nonnull (strstr (csv, ";\"'+46701234567\";"));
  g_assert_nonnull (strstr (csv, ";\"'+9647701234567\";"));
  /* A text where a number belongs is still text. */
  g_assert_nonnull (strstr (csv, ";\"'=1+1\";"));
  /* Hidden direction marks are data and stay byte for byte, unquoted. */
  g_assert_nonnull (strstr (csv, ";" RLO ";"));
  /* Times are local, with the offset; numbers are bare. */
  g_assert_nonnull (strstr (csv, ";2026-11-25T10:00:00+01:00;sv;"));
  g_assert_nonnull (strstr (csv, ";1990;woman;"));

  /* Cells: every record parses, and each value comes back. */
  rows = parse_csv (csv, ';');
  g_assert_cmpuint (rows->len, ==, 1 + 16);

  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *r = rows->pdata[i];

      g_assert_cmpstr (r->pdata[0], ==, lotsen_store_get_kiosk_id (fixture->store));
      for (guint c = 0; c < r->len; c++)
        {
          const char *cell = r->pdata[c];

          /* No cell a spreadsheet would run. */
          if (cell[0] != '\0')
            g_assert_null (strchr ("=+-@\t\r", cell[0]));
        }
    }

  row = csv_row (rows, "uuid", "geez");
  g_assert_cmpstr (csv_cell (rows, row, "given_name"), ==, GEEZ);
  g_assert_cmpstr (csv_cell (rows, row, "family_name"), ==, "ገብረ");
  g_assert_cmpstr (csv_cell (rows, row, "phone"), ==, "'+46701234567");
  g_assert_cmpstr (csv_cell (rows, row, "created_at"), ==, "2026-11-25T10:00:00+01:00");
  g_assert_cmpstr (csv_cell (rows, row, "consent_at"), ==, "2026-11-25T10:00:00+01:00");
  g_assert_cmpstr (csv_cell (rows, row, "consent_version"), ==, "1");
  g_assert_cmpuint (strlen (csv_cell (rows, row, "code")), >=, LOTSEN_CODE_MIN_LENGTH);

  row = csv_row (rows, "uuid", "arabic");
  g_assert_cmpstr (csv_cell (rows, row, "given_name"), ==, ARABIC);
  g_assert_cmpstr (csv_cell (rows, row, "phone"), ==, "");

  row = csv_row (rows, "uuid", "irish");
  g_assert_cmpstr (csv_cell (rows, row, "family_name"), ==, "O'Brien");

  row = csv_row (rows, "uuid", "sixty");
  g_assert_cmpint (g_utf8_strlen (csv_cell (rows, row, "given_name"), -1), ==, LOTSEN_NAME_MAX_CHARS);

  row = csv_row (rows, "uuid", "formula");
  g_assert_cmpstr (csv_cell (rows, row, "given_name"), ==, "'" FORMULA);
  g_assert_cmpstr (csv_cell (rows, row, "birth_year"), ==, "");
  g_assert_cmpstr (csv_cell (rows, row, "last_seen_at"), ==, "");

  row = csv_row (rows, "uuid", "messy");
  g_assert_cmpstr (csv_cell (rows, row, "given_name"), ==, MESSY);
  g_assert_cmpstr (csv_cell (rows, row, "municipality"), ==, "Malmö;Lund");

  row = csv_row (rows, "uuid", "rlo");
  g_assert_cmpstr (csv_cell (rows, row, "given_name"), ==, RLO);

  row = csv_row (rows, "uuid", "long");
  g_assert_cmpuint (strlen (csv_cell (rows, row, "given_name")), ==, 10000);
  long_text = g_strndup (csv_cell (rows, row, "given_name"), 12);
  g_assert_cmpstr (long_text, ==, "abcdefghijab");

  row = csv_row (rows, "uuid", "year");
  g_assert_cmpstr (csv_cell (rows, row, "birth_year"), ==, "'=1+1");

  /* What cannot be text becomes U+FFFD, and is still neutralised. */
  row = csv_row (rows, "uuid", "blob");
  g_assert_cmpstr (csv_cell (rows, row, "given_name"), ==, "'=\uFFFD\uFFFDA");
}

static void
test_export_csv_separator (StoreFixture  *fixture,
                           gconstpointer  data)
{
  LotsenExportOptions options = { .separator = ',' };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  GPtrArray *row;

  add_hostile_visitors (fixture);
  csv = export_string (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_CSV, &options, NULL);

  g_assert_true (g_str_has_prefix (csv, BOM "kiosk_id,uuid,code,created_at,lang,given_name,"));
  g_assert_null (strstr (csv, "kiosk_id;"));
  /* With ',' a ';' needs no quotes, but a ',' does. */
  g_assert_nonnull (strstr (csv, ",Malmö;Lund,"));
  g_assert_nonnull (strstr (csv, ",\"a;b,c\"\"d\r\ne\\f\","));
  g_assert_nonnull (strstr (csv, ",\"'+46701234567\","));

  rows = parse_csv (csv, ',');
  row = csv_row (rows, "uuid", "messy");
  g_assert_cmpstr (csv_cell (rows, row, "given_name"), ==, MESSY);
  g_assert_cmpstr (csv_cell (rows, row, "municipality"), ==, "Malmö;Lund");

  /* Only ';' and ',' are separators. */
  {
    const char bad[] = { '\t', '"', '\n', 'a' };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
        g_autoptr(GError) error = NULL;

        options.separator = bad[i];
        g_assert_false (lotsen_export_write (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_CSV,
                                             &options, out, NULL, &error));
        g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      }
  }
}

static void
test_export_jsonl_hostile (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *tagged_id = NULL;
  guint64 n_rows = 0;
  GHashTable *object;

  add_hostile_visitors (fixture);
  jsonl = export_string (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_JSONL, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 16);

  /* The escaped forms, byte for byte. */
  g_assert_true (g_str_has_prefix (jsonl, "{\"dataset\":\"visitors\",\"kiosk_id\":\""));
  g_assert_nonnull (strstr (jsonl, "\"given_name\":\"a;b,c\\\"d\\u000d\\u000ae\\\\f\""));
  g_assert_nonnull (strstr (jsonl, "\"given_name\":\"\\u0009Tab\""));
  g_assert_nonnull (strstr (jsonl, "\"given_name\":\"" RLO "\""));
  g_assert_nonnull (strstr (jsonl, "\"given_name\":\"" GEEZ "\""));
  g_assert_nonnull (strstr (jsonl, "\"birth_year\":1990,"));
  g_assert_nonnull (strstr (jsonl, "\"birth_year\":null,"));
  g_assert_nonnull (strstr (jsonl, "\"created_at\":\"2026-11-25T10:00:00+01:00\""));

  objects = parse_jsonl (jsonl);
  g_assert_cmpuint (objects->len, ==, 16);

  tagged_id = g_strconcat ("s", lotsen_store_get_kiosk_id (fixture->store), NULL);
  for (guint i = 0; i < objects->len; i++)
    {
      GHashTable *o = objects->pdata[i];

      g_assert_cmpstr (g_hash_table_lookup (o, "dataset"), ==, "svisitors");
      g_assert_cmpstr (g_hash_table_lookup (o, "kiosk_id"), ==, tagged_id);
      g_assert_cmpuint (g_hash_table_size (o), ==, 2 + 15);
    }

  /* JSON is for programs: values come back exactly, not neutralised. */
  object = json_find (objects, "uuid", "formula");
  assert_json_string (object, "given_name", FORMULA);
  assert_json_string (object, "phone", "+46701234567");
  g_assert_cmpstr (g_hash_table_lookup (object, "birth_year"), ==, "z");
  g_assert_cmpstr (g_hash_table_lookup (object, "last_seen_at"), ==, "z");

  assert_json_string (json_find (objects, "uuid", "messy"), "given_name", MESSY);
  assert_json_string (json_find (objects, "uuid", "tab"), "given_name", "\tTab");
  assert_json_string (json_find (objects, "uuid", "cr"), "given_name", "\rCR");
  assert_json_string (json_find (objects, "uuid", "rlo"), "given_name", RLO);
  assert_json_string (json_find (objects, "uuid", "geez"), "given_name", GEEZ);
  assert_json_string (json_find (objects, "uuid", "arabic"), "given_name", ARABIC);
  assert_json_string (json_find (objects, "uuid", "irish"), "family_name", "O'Brien");
  assert_json_string (json_find (objects, "uuid", "year"), "birth_year", "=1+1");
  assert_json_string (json_find (objects, "uuid", "blob"), "given_name", "=\uFFFD\uFFFDA");
  g_assert_cmpuint (strlen (g_hash_table_lookup (json_find (objects, "uuid", "long"), "given_name")),
                    ==, 1 + 10000);

  object = json_find (objects, "uuid", "geez");
  g_assert_cmpstr (g_hash_table_lookup (object, "birth_year"), ==, "n1990");
  g_assert_cmpstr (g_hash_table_lookup (object, "consent_version"), ==, "n1");
  assert_json_string (object, "created_at", "2026-11-25T10:00:00+01:00");
  assert_json_string (object, "gender", "woman");
}

static char *
take (LotsenStore *store,
      const char  *prefix,
      gint64       visitor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket_for (store, prefix, "ar", visitor_id, &error);

  g_assert_no_error (error);
  return g_strdup (ticket->uuid);
}

static void
call (LotsenStore *store,
      int          desk,
      const char  *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_call_next (store, desk, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ticket->label, ==, label);
}

static void
finish (LotsenStore *store,
        const char  *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_queue_finish (store, label, LOTSEN_TICKET_DONE, &error));
  g_assert_no_error (error);
}

static void
test_export_tickets (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *summer = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *visitor_uuid = NULL;
  guint64 n_rows = 0;
  GPtrArray *row;
  GHashTable *object;

  /* Summer time: +02:00. */
  lotsen_clock_set_now (fixture->clock, SUMMER_NOW);
  summer = take (fixture->store, "C", 0);

  /* Winter: A001 waits 3 minutes and is served for 5; B001 waits 8 and
   * is still at the desk. */
  lotsen_clock_set_now (fixture->clock, TEST_NOW);
  visitor = register_visitor (fixture->store, ARABIC, NULL, NULL);
  visitor_uuid = g_strdup (visitor->uuid);
  first = take (fixture->store, "A", visitor->id);
  lotsen_clock_advance (fixture->clock, 60);
  second = take (fixture->store, "B", 0);
  lotsen_clock_advance (fixture->clock, 120);
  call (fixture->store, 2, "A001");
  lotsen_clock_advance (fixture->clock, 300);
  finish (fixture->store, "A001");
  call (fixture->store, 3, "B001");

  csv = export_string (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_true (g_str_has_prefix (csv, BOM "kiosk_id;uuid;label;service_prefix;service_name;day;number;"
                                   "lang;interpreter_lang;status;created_at;called_at;finished_at;desk;"
                                   "wait_seconds;service_seconds;visitor_uuid\r\n"));

  rows = parse_csv (csv, ';');
  g_assert_cmpuint (rows->len, ==, 4);
  /* Oldest first. */
  g_assert_cmpstr (csv_cell (rows, rows->pdata[1], "uuid"), ==, summer);

  row = csv_row (rows, "uuid", summer);
  g_assert_cmpstr (csv_cell (rows, row, "label"), ==, "C001");
  g_assert_cmpstr (csv_cell (rows, row, "day"), ==, "2026-07-02");
  g_assert_cmpstr (csv_cell (rows, row, "created_at"), ==, "2026-07-02T10:00:00+02:00");
  g_assert_cmpstr (csv_cell (rows, row, "status"), ==, "waiting");
  g_assert_cmpstr (csv_cell (rows, row, "called_at"), ==, "");
  g_assert_cmpstr (csv_cell (rows, row, "wait_seconds"), ==, "");
  g_assert_cmpstr (csv_cell (rows, row, "visitor_uuid"), ==, "");

  row = csv_row (rows, "uuid", first);
  g_assert_cmpstr (csv_cell (rows, row, "kiosk_id"), ==, lotsen_store_get_kiosk_id (fixture->store));
  g_assert_cmpstr (csv_cell (rows, row, "label"), ==, "A001");
  g_assert_cmpstr (csv_cell (rows, row, "service_prefix"), ==, "A");
  g_assert_cmpstr (csv_cell (rows, row, "service_name"), ==, "Allmän rådgivning");
  g_assert_cmpstr (csv_cell (rows, row, "day"), ==, "2026-11-25");
  g_assert_cmpstr (csv_cell (rows, row, "number"), ==, "1");
  g_assert_cmpstr (csv_cell (rows, row, "lang"), ==, "ar");
  g_assert_cmpstr (csv_cell (rows, row, "interpreter_lang"), ==, "");
  g_assert_cmpstr (csv_cell (rows, row, "status"), ==, "done");
  g_assert_cmpstr (csv_cell (rows, row, "created_at"), ==, "2026-11-25T10:00:00+01:00");
  g_assert_cmpstr (csv_cell (rows, row, "called_at"), ==, "2026-11-25T10:03:00+01:00");
  g_assert_cmpstr (csv_cell (rows, row, "finished_at"), ==, "2026-11-25T10:08:00+01:00");
  g_assert_cmpstr (csv_cell (rows, row, "desk"), ==, "2");
  g_assert_cmpstr (csv_cell (rows, row, "wait_seconds"), ==, "180");
  g_assert_cmpstr (csv_cell (rows, row, "service_seconds"), ==, "300");
  g_assert_cmpstr (csv_cell (rows, row, "visitor_uuid"), ==, visitor_uuid);

  row = csv_row (rows, "uuid", second);
  g_assert_cmpstr (csv_cell (rows, row, "label"), ==, "B001");
  g_assert_cmpstr (csv_cell (rows, row, "service_name"), ==, "Blanketter och dokument");
  g_assert_cmpstr (csv_cell (rows, row, "status"), ==, "called");
  g_assert_cmpstr (csv_cell (rows, row, "desk"), ==, "3");
  g_assert_cmpstr (csv_cell (rows, row, "wait_seconds"), ==, "420");
  g_assert_cmpstr (csv_cell (rows, row, "finished_at"), ==, "");
  g_assert_cmpstr (csv_cell (rows, row, "service_seconds"), ==, "");

  jsonl = export_string (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_JSONL, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 3);
  objects = parse_jsonl (jsonl);
  g_assert_cmpuint (objects->len, ==, 3);

  object = json_find (objects, "uuid", first);
  assert_json_string (object, "dataset", "tickets");
  g_assert_cmpstr (g_hash_table_lookup (object, "wait_seconds"), ==, "n180");
  g_assert_cmpstr (g_hash_table_lookup (object, "service_seconds"), ==, "n300");
  g_assert_cmpstr (g_hash_table_lookup (object, "number"), ==, "n1");
  g_assert_cmpstr (g_hash_table_lookup (object, "desk"), ==, "n2");
  g_assert_cmpstr (g_hash_table_lookup (object, "interpreter_lang"), ==, "z");
  assert_json_string (object, "called_at", "2026-11-25T10:03:00+01:00");

  object = json_find (objects, "uuid", second);
  g_assert_cmpstr (g_hash_table_lookup (object, "finished_at"), ==, "z");
  g_assert_cmpstr (g_hash_table_lookup (object, "service_seconds"), ==, "z");
  g_assert_cmpstr (g_hash_table_lookup (object, "visitor_uuid"), ==, "z");

  object = json_find (objects, "uuid", summer);
  assert_json_string (object, "created_at", "2026-07-02T10:00:00+02:00");
}

static void
test_export_range (StoreFixture  *fixture,
                   gconstpointer  data)
{
  LotsenExportOptions options = { .from = TEST_NOW + 60, .to = TEST_NOW + 180 };
  g_autofree char *at_0 = NULL;
  g_autofree char *at_60 = NULL;
  g_autofree char *at_120 = NULL;
  g_autofree char *at_180 = NULL;
  guint64 n_rows = 0;

  at_0 = take (fixture->store, "A", 0);
  lotsen_clock_advance (fixture->clock, 60);
  at_60 = take (fixture->store, "A", 0);
  lotsen_clock_advance (fixture->clock, 60);
  at_120 = take (fixture->store, "A", 0);
  lotsen_clock_advance (fixture->clock, 60);
  at_180 = take (fixture->store, "A", 0);

  /* [from, to): the start counts, the end does not. */
  {
    g_autofree char *csv = export_string (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                          &options, &n_rows);

    g_assert_cmpuint (n_rows, ==, 2);
    g_assert_null (strstr (csv, at_0));
    g_assert_nonnull (strstr (csv, at_60));
    g_assert_nonnull (strstr (csv, at_120));
    g_assert_null (strstr (csv, at_180));
  }

  /* Open ends. */
  {
    LotsenExportOptions from_only = { .from = TEST_NOW + 120 };
    LotsenExportOptions to_only = { .to = TEST_NOW + 1 };
    g_autofree char *later = export_string (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_JSONL,
                                            &from_only, &n_rows);

    g_assert_cmpuint (n_rows, ==, 2);
    g_assert_nonnull (strstr (later, at_120));
    g_assert_nonnull (strstr (later, at_180));

    g_free (export_string (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_JSONL, &to_only, &n_rows));
    g_assert_cmpuint (n_rows, ==, 1);
  }

  /* Activities are filtered by when their sessions start. */
  {
    LotsenExportOptions week = { .from = TEST_NOW, .to = TEST_NOW + 7 * 24 * 3600 };
    gint64 expected = query_int (fixture,
                                 "SELECT count (*) FROM session WHERE starts_at >= " G_STRINGIFY (TEST_NOW)
                                 " AND starts_at < " G_STRINGIFY (TEST_NOW) " + 7 * 24 * 3600");
    gint64 all = query_int (fixture, "SELECT count (*) FROM session");
    g_autoptr(GPtrArray) rows = NULL;
    g_autofree char *csv = export_string (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_CSV,
                                          &week, &n_rows);

    g_assert_cmpint (expected, >, 0);
    g_assert_cmpint (expected, <, all);
    g_assert_cmpuint (n_rows, ==, expected);
    rows = parse_csv (csv, ';');
    for (guint i = 1; i < rows->len; i++)
      g_assert_cmpstr (csv_cell (rows, rows->pdata[i], "starts_at"), <, "2026-12-02T10:00:00+01:00");

    g_free (export_string (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_CSV, NULL, &n_rows));
    g_assert_cmpuint (n_rows, ==, all);
  }

  /* An end before the start is a mistake, not an empty export. */
  {
    LotsenExportOptions backwards = { .from = TEST_NOW + 60, .to = TEST_NOW };
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autoptr(GError) error = NULL;

    g_assert_false (lotsen_export_write (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                         &backwards, out, &n_rows, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_assert_cmpuint (n_rows, ==, 0);
  }
}

static void
test_export_signups_activities (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *jsonl = NULL;
  guint64 n_rows = 1;
  GPtrArray *row;
  GHashTable *object;

  /* No sign-ups yet: the header alone. */
  csv = export_string (fixture->store, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_CSV, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 0);
  g_assert_cmpstr (csv, ==, BOM "kiosk_id;uuid;session_starts_at;activity_title;status;party_size;"
                   "position;name;phone;visitor_uuid;created_at;changed_at\r\n");
  g_clear_pointer (&csv, g_free);

  jsonl = export_string (fixture->store, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_JSONL, NULL, &n_rows);
  g_assert_cmpstr (jsonl, ==, "");
  g_clear_pointer (&jsonl, g_free);

  run_sql (fixture,
           "INSERT INTO signup (uuid, session_id, name, phone, party_size, status, position, "
           "created_at, changed_at) SELECT 'signup-1', se.id, ?1, ?2, 2, 'waitlisted', 1, "
           G_STRINGIFY (TEST_NOW) ", " G_STRINGIFY (TEST_NOW) " + 60 FROM session se "
           "JOIN activity a ON a.id = se.activity_id WHERE a.category = 'language' "
           "ORDER BY se.starts_at LIMIT 1",
           (const char *[]) { "@Lisa", "+46701234567" }, 2);

  csv = export_string (fixture->store, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_CSV, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 1);
  rows = parse_csv (csv, ';');
  row = csv_row (rows, "uuid", "signup-1");
  g_assert_cmpstr (csv_cell (rows, row, "activity_title"), ==, "Språkcafé");
  g_assert_cmpstr (csv_cell (rows, row, "name"), ==, "'@Lisa");
  g_assert_cmpstr (csv_cell (rows, row, "phone"), ==, "'+46701234567");
  g_assert_cmpstr (csv_cell (rows, row, "status"), ==, "waitlisted");
  g_assert_cmpstr (csv_cell (rows, row, "party_size"), ==, "2");
  g_assert_cmpstr (csv_cell (rows, row, "position"), ==, "1");
  g_assert_cmpstr (csv_cell (rows, row, "changed_at"), ==, "2026-11-25T10:01:00+01:00");
  /* The language café is on Tuesdays at 15:00; the fixture's today is a Wednesday. */
  g_assert_cmpstr (csv_cell (rows, row, "session_starts_at"), ==, "2026-12-01T15:00:00+01:00");

  jsonl = export_string (fixture->store, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_JSONL, NULL, &n_rows);
  objects = parse_jsonl (jsonl);
  object = json_find (objects, "uuid", "signup-1");
  assert_json_string (object, "name", "@Lisa");
  g_assert_cmpstr (g_hash_table_lookup (object, "party_size"), ==, "n2");
  g_assert_cmpstr (g_hash_table_lookup (object, "visitor_uuid"), ==, "z");
  g_clear_pointer (&objects, g_ptr_array_unref);
  g_clear_pointer (&jsonl, g_free);

  /* Activities: one row per session, the Swedish title. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&csv, g_free);
  csv = export_string (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_CSV, NULL, &n_rows);
  g_assert_cmpint (n_rows, ==, query_int (fixture, "SELECT count (*) FROM session"));
  rows = parse_csv (csv, ';');
  row = csv_row (rows, "title", "Studiebesök på Arbetsförmedlingen");
  g_assert_cmpstr (csv_cell (rows, row, "category"), ==, "society");
  g_assert_cmpstr (csv_cell (rows, row, "location"), ==, "Entrén");
  g_assert_cmpstr (csv_cell (rows, row, "capacity"), ==, "15");
  g_assert_cmpstr (csv_cell (rows, row, "cancelled"), ==, "0");
  g_assert_cmpstr (csv_cell (rows, row, "starts_at"), ==, "2026-12-04T13:00:00+01:00");
  g_assert_cmpstr (csv_cell (rows, row, "ends_at"), ==, "2026-12-04T15:00:00+01:00");
  g_assert_true (g_uuid_string_is_valid (csv_cell (rows, row, "session_uuid")));
  g_assert_true (g_uuid_string_is_valid (csv_cell (rows, row, "activity_uuid")));

  jsonl = export_string (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_JSONL, NULL, &n_rows);
  objects = parse_jsonl (jsonl);
  object = json_find (objects, "title", "Jobbcoachning");
  assert_json_string (object, "dataset", "activities");
  g_assert_cmpstr (g_hash_table_lookup (object, "capacity"), ==, "n4");
  g_assert_cmpstr (g_hash_table_lookup (object, "cancelled"), ==, "n0");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_str_has_prefix (name, "lotsen.db"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gint64
count_export_audits (StoreFixture *fixture)
{
  return query_int (fixture, "SELECT count (*) FROM audit WHERE what = 'export'");
}

static void
assert_file (const char *path,
             const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_export_file (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "tickets.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *audit_sql = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *later = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  GStatBuf info;

  g_free (take (fixture->store, "A", 0));
  g_free (take (fixture->store, "B", 0));
  expected = export_string (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV, NULL, NULL);

  /* A good path: the file, its rows, one audit row. */
  g_assert_true (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                        NULL, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
  assert_file (path, expected);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "tickets.csv");
  g_assert_cmpint (count_export_audits (fixture), ==, 1);

  detail = g_strdup_printf ("tickets csv %s rows=2", path);
  audit_sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE what = 'export' AND detail = '%s' "
                               "AND at = %d", detail, TEST_NOW);
  g_assert_cmpint (query_int (fixture, audit_sql), ==, 1);

  /* Again, over the old file: replaced whole. */
  g_free (take (fixture->store, "A", 0));
  g_clear_pointer (&expected, g_free);
  expected = export_string (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV, NULL, NULL);
  g_assert_true (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                        NULL, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 3);
  assert_file (path, expected);
  g_assert_cmpint (count_export_audits (fixture), ==, 2);

  /* A failure after the temporary file was made: the old file stays as
   * it was, nothing else is left, nothing is recorded. */
  {
    LotsenExportOptions bad = { .separator = '|' };

    g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                           &bad, path, &n_rows, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (n_rows, ==, 0);
    assert_file (path, expected);
    g_clear_pointer (&listing, g_free);
    listing = list_folder (fixture->dir);
    g_assert_cmpstr (listing, ==, "tickets.csv");
    g_assert_cmpint (count_export_audits (fixture), ==, 2);
  }

  /* A folder that does not exist. */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "tickets.csv", NULL);

    g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_JSONL,
                                           NULL, missing, NULL, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN);
    g_assert_nonnull (strstr (error->message, missing));
    g_clear_error (&error);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_cmpint (count_export_audits (fixture), ==, 2);
  }

  /* A read-only folder.  Root may write anyway, so then a folder nobody
   * may create files in. */
  {
    g_autofree char *folder = g_build_filename (fixture->dir, "read-only", NULL);
    g_autofree char *target = NULL;

    g_assert_cmpint (g_mkdir (folder, 0500), ==, 0);
    if (access (folder, W_OK) == 0)
      target = g_strdup ("/sys/lotsen-test-export.csv");
    else
      target = g_build_filename (folder, "tickets.csv", NULL);

    g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                           NULL, target, NULL, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN);
    g_clear_error (&error);
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    g_assert_cmpint (count_export_audits (fixture), ==, 2);
    g_assert_cmpint (g_rmdir (folder), ==, 0);
  }

  /* The target is a folder: the rename fails, the record is rolled back. */
  {
    g_autofree char *folder = g_build_filename (fixture->dir, "a-folder", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                           NULL, folder, NULL, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_clear_pointer (&listing, g_free);
    listing = list_folder (fixture->dir);
    g_assert_cmpstr (listing, ==, "a-folder tickets.csv");
    g_assert_cmpint (count_export_audits (fixture), ==, 2);
    g_assert_cmpint (g_rmdir (folder), ==, 0);
  }

  /* The store still works: nothing was left inside a transaction. */
  later = take (fixture->store, "A", 0);
  g_assert_true (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_JSONL,
                                        NULL, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_export_audits (fixture), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, export_set_up, func, store_fixture_tear_down)

  g_test_add_func ("/export/names", test_export_names);
  ADD ("/export/csv/hostile", test_export_csv_hostile);
  ADD ("/export/csv/separator", test_export_csv_separator);
  ADD ("/export/jsonl/hostile", test_export_jsonl_hostile);
  ADD ("/export/tickets", test_export_tickets);
  ADD ("/export/range", test_export_range);
  ADD ("/export/signups-activities", test_export_signups_activities);
  ADD ("/export/file", test_export_file);

#undef ADD

  return g_test_run ();
}
