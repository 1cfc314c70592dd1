/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports: byte-level CSV and JSONL facts, hostile data, files and audit. */
/* mkfifo (), mknod (), symlink () and lstat () under -std=c17. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <utime.h>

#ifdef HAVE_LIBICAL
#include <libical/ical.h>
#endif

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
  return query_database_int (fixture->path, sql);
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
  g_assert_true (lotsen_export_format_from_string ("XLSX", &format, NULL));
  g_assert_cmpint (format, ==, LOTSEN_EXPORT_XLSX);
  g_assert_cmpstr (lotsen_export_format_to_string (LOTSEN_EXPORT_XLSX), ==, "xlsx");
  g_assert_true (lotsen_export_format_from_string ("ics", &format, NULL));
  g_assert_cmpint (format, ==, LOTSEN_EXPORT_ICS);
  g_assert_true (lotsen_export_format_from_string ("ical", &format, NULL));
  g_assert_cmpint (format, ==, LOTSEN_EXPORT_ICS);
  g_assert_cmpstr (lotsen_export_format_to_string (LOTSEN_EXPORT_ICS), ==, "ics");

  {
    const char *bad[] = { "", "visitor", "xls", "tickets; DROP TABLE ticket" };

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
  run_sql (fixture, "UPDATE visitor SET employment = 'studying', education = 'post_secondary' "
           "WHERE uuid = 'arabic'", NULL, 0);
  csv = export_string (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_CSV, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 16);

  /* Bytes: the BOM, then the header with ';' and CRLF. */
  header = g_strconcat (BOM "kiosk_id;uuid;code;created_at;lang;given_name;family_name;birth_year;"
                        "gender;phone;municipality;interests;interpreter_lang;consent_version;"
                        "consent_at;last_seen_at;employment;education\r\n", NULL);
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
  g_assert_cmpstr (csv_cell (rows, row, "employment"), ==, "studying");
  g_assert_cmpstr (csv_cell (rows, row, "education"), ==, "post_secondary");
  row = csv_row (rows, "uuid", "irish");
  g_assert_cmpstr (csv_cell (rows, row, "employment"), ==, "");

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
      g_assert_cmpuint (g_hash_table_size (o), ==, 2 + 17);
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
                   "position;name;phone;visitor_uuid;created_at;changed_at;session_uuid\r\n");
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
  listing = list_folder (fixture->dir, "lotsen.db");
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
    listing = list_folder (fixture->dir, "lotsen.db");
    g_assert_cmpstr (listing, ==, "tickets.csv");
    g_assert_cmpint (count_export_audits (fixture), ==, 2);
  }

  /* No name at all: wrong input, told as such, and nothing written. */
  {
    static const LotsenExportDataset every[] = { LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS };

    g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                           NULL, "", NULL, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (lotsen_export_workbook_to_file (fixture->store, every, G_N_ELEMENTS (every), NULL,
                                                    "", NULL, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (count_export_audits (fixture), ==, 2);
  }

  /* A folder that does not exist. */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "tickets.csv", NULL);

    g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_JSONL,
                                           NULL, missing, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
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
    g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY));
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
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
    g_clear_error (&error);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_clear_pointer (&listing, g_free);
    listing = list_folder (fixture->dir, "lotsen.db");
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

/* XLSX: the workbook is a zip of XML parts, read back with unzip. */

#define HUGE_LENGTH 40000 /* past Excel's 32767 */

static gboolean
have_unzip (void)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");

  if (unzip == NULL)
    g_test_skip ("unzip is not installed");
  return unzip != NULL;
}

/* One part of the zip at @path, checked to be well-formed XML. */
static char *
unzip_part (const char *path,
            const char *part)
{
  const char *argv[] = { "unzip", "-p", path, part, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GMarkupParser parser = { NULL };
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "<?xml"));

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, out, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  return out;
}

/* The text cells of @sheet (a part of the workbook at @path), in order,
 * each written "<si><t>…</t></si>" as XML has it: a shared string looked
 * up in xl/sharedStrings.xml, an inline string (as constant-memory mode
 * writes them) taken from its cell.  Number and date cells are left out. */
static char *
sheet_strings (const char *path,
               const char *sheet)
{
  g_autofree char *shared = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GString *out = g_string_new (NULL);

  for (const char *cell = strstr (sheet, "<c "); cell != NULL; cell = strstr (cell + 1, "<c "))
    {
      const char *tag_end = strchr (cell, '>');
      g_autofree char *tag = g_strndup (cell, tag_end - cell);
      const char *end = strstr (cell, "</c>");

      if (tag_end[-1] == '/')
        continue;
      g_assert_nonnull (end);

      if (strstr (tag, " t=\"inlineStr\"") != NULL)
        {
          const char *text = strstr (cell, "<is>");
          const char *text_end = strstr (cell, "</is>");

          g_assert_true (text != NULL && text_end != NULL && text_end < end);
          g_string_append (out, "<si>");
          g_string_append_len (out, text + strlen ("<is>"), text_end - text - strlen ("<is>"));
          g_string_append (out, "</si>");
        }
      else if (strstr (tag, " t=\"s\"") != NULL)
        {
          const char *value = strstr (cell, "<v>");
          guint64 index = 0;

          if (items == NULL)
            {
              items = g_ptr_array_new ();
              shared = unzip_part (path, "xl/sharedStrings.xml");
              for (const char *si = strstr (shared, "<si>"); si != NULL; si = strstr (si + 1, "<si>"))
                g_ptr_array_add (items, (gpointer) si);
            }

          g_assert_true (value != NULL && value < end);
          index = g_ascii_strtoull (value + 3, NULL, 10);
          g_assert_cmpuint (index, <, items->len);
          {
            const char *si = items->pdata[index];

            g_string_append_len (out, si, strstr (si, "</si>") + strlen ("</si>") - si);
          }
        }
    }

  return g_string_free (out, FALSE);
}

static guint
count_matches (const char *text,
               const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The value of attribute @name in the element that starts at @element. */
static char *
attribute (const char *element,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *end = strchr (element, '>');
  const char *start = strstr (element, key);

  g_assert_nonnull (start);
  g_assert_true (start < end);
  start += strlen (key);
  return g_strndup (start, strchr (start, '"') - start);
}

/* The number format of cell style @index, from xl/styles.xml. */
static char *
cell_number_format (const char *styles,
                    const char *index)
{
  const char *xf = strstr (styles, "<cellXfs");
  g_autofree char *id = NULL;
  g_autofree char *wanted = NULL;
  const char *format;
  guint64 n = 0;

  g_assert_nonnull (xf);
  g_assert_true (g_ascii_string_to_unsigned (index, 10, 0, 1000, &n, NULL));
  xf = strstr (xf, "<xf ");
  for (guint i = 0; i < n; i++)
    xf = strstr (xf + 1, "<xf ");
  g_assert_nonnull (xf);

  id = attribute (xf, "numFmtId");
  wanted = g_strdup_printf ("<numFmt numFmtId=\"%s\" ", id);
  format = strstr (styles, wanted);
  g_assert_nonnull (format);
  return attribute (format, "formatCode");
}

/* The <c> element of cell @ref ("D2") in a sheet. */
static const char *
find_cell (const char *sheet,
           const char *ref)
{
  g_autofree char *key = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (sheet, key);

  g_assert_nonnull (cell);
  return cell;
}

static double
cell_number (const char *cell)
{
  const char *value = strstr (cell, "<v>");

  g_assert_nonnull (value);
  g_assert_true (value < strstr (cell, "</c>"));
  return g_ascii_strtod (value + 3, NULL);
}

/* Excel's serial number of a local date and time (1900 system). */
static double
excel_serial (int year,
              int month,
              int day,
              int hour,
              int minute)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_days_between (epoch, date) + (hour * 60 + minute) / (24.0 * 60);
}

static void
test_export_xlsx (StoreFixture  *fixture,
                  gconstpointer  data)
{
  static const char * const header[] = {
    "kiosk_id", "uuid", "code", "created_at", "lang", "given_name", "family_name", "birth_year",
    "gender", "phone", "municipality", "interests", "interpreter_lang", "consent_version",
    "consent_at", "last_seen_at", "employment", "education",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "visitors.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *style = NULL;
  g_autofree char *number_format = NULL;
  g_autofree char *audit_sql = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) cut = g_string_new ("<t>");
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  GStatBuf info;
  const char *cell;

  if (!have_unzip ())
    return;

  add_hostile_visitors (fixture);
  for (int i = 0; i < HUGE_LENGTH; i++)
    g_string_append_c (huge, 'z');
  insert_raw_visitor (fixture, "huge", huge->str, NULL, NULL, NULL);
  insert_raw_visitor (fixture, "control", "bell\a\x1b" "end", NULL, NULL, NULL);
  insert_raw_visitor (fixture, "escape", "_x0041_ <&>", NULL, NULL, NULL);

  g_assert_true (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_XLSX,
                                        NULL, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 16 + 3);

  /* A file like any export: the owner's only, recorded, nothing left over. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK\x03\x04"));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  {
    g_autofree char *listing = list_folder (fixture->dir, "lotsen.db");

    g_assert_cmpstr (listing, ==, "visitors.xlsx");
  }
  audit_sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE what = 'export' "
                               "AND detail = 'visitors xlsx %s rows=19'", path);
  g_assert_cmpint (query_int (fixture, audit_sql), ==, 1);

  workbook = unzip_part (path, "xl/workbook.xml");
  sheet = unzip_part (path, "xl/worksheets/sheet1.xml");
  strings = sheet_strings (path, sheet);
  styles = unzip_part (path, "xl/styles.xml");

  g_assert_cmpuint (count_matches (workbook, "<sheet "), ==, 1);
  g_assert_nonnull (strstr (workbook, "<sheet name=\"visitors\""));
  /* Written a row at a time (constant-memory mode): strings are inline. */
  g_assert_nonnull (strstr (sheet, " t=\"inlineStr\""));

  /* The header: bold strings, frozen, with an autofilter over every row. */
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      g_autofree char *text = g_strdup_printf ("<si><t>%s</t></si>", header[i]);

      g_assert_nonnull (strstr (strings, text));
    }
  cell = find_cell (sheet, "A1");
  g_clear_pointer (&style, g_free);
  style = attribute (cell, "s");
  g_assert_cmpstr (style, !=, "0");
  g_assert_nonnull (strstr (sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\""));
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:R20\"/>"));
  g_assert_nonnull (strstr (sheet, "<col min=\"1\" max=\"1\" width="));
  g_assert_nonnull (strstr (styles, "<b/>"));

  /* No formula anywhere: hostile text is a string cell, as it is. */
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_null (strstr (sheet, "<f "));
  g_assert_nonnull (strstr (strings, "<t>" FORMULA "</t>"));
  g_assert_nonnull (strstr (strings, "<t>+SUM(1)</t>"));
  g_assert_nonnull (strstr (strings, "<t>-2+3</t>"));
  g_assert_nonnull (strstr (strings, "<t>@foo</t>"));
  g_assert_nonnull (strstr (strings, "<t>-Anna</t>"));
  g_assert_nonnull (strstr (strings, "<t>+46701234567</t>"));
  g_assert_nonnull (strstr (strings, "<t>=1+1</t>"));
  g_assert_nonnull (strstr (strings, "<t>" GEEZ "</t>"));
  g_assert_nonnull (strstr (strings, "<t>" ARABIC "</t>"));
  g_assert_nonnull (strstr (strings, "<t>" RLO "</t>"));
  g_assert_nonnull (strstr (strings, "<t>O'Brien</t>"));
  g_assert_nonnull (strstr (strings, "<t>Malmö;Lund</t>"));
  /* Excel's own escape for CR; '\n' and '\t' as they are. */
  g_assert_nonnull (strstr (strings, "<t>a;b,c\"d_x000D_\ne\\f</t>"));
  g_assert_nonnull (strstr (strings, "<t xml:space=\"preserve\">\tTab</t>"));
  /* What XML cannot hold is U+FFFD; "_x0041_" stays literal. */
  g_assert_nonnull (strstr (strings, "<t>=\uFFFD\uFFFDA</t>"));
  g_assert_nonnull (strstr (strings, "<t>bell\uFFFD\uFFFDend</t>"));
  g_assert_nonnull (strstr (strings, "<t>_x005F_x0041_ &lt;&amp;&gt;</t>"));
  for (const char *p = strings; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n');

  /* The longest text a cell can hold, no more. */
  for (int i = 0; i < 32767; i++)
    g_string_append_c (cut, 'z');
  g_string_append (cut, "</t>");
  g_assert_nonnull (strstr (strings, cut->str));
  g_assert_nonnull (strstr (strings, "<t>abcdefghij"));

  /* Row 2 is the first visitor: created_at (D) is a date in the date-time
   * style, birth_year (H) a plain number. */
  cell = find_cell (sheet, "D2");
  {
    g_autofree char *tag = g_strndup (cell, strchr (cell, '>') - cell);

    g_assert_null (strstr (tag, " t="));
  }
  g_clear_pointer (&style, g_free);
  style = attribute (cell, "s");
  number_format = cell_number_format (styles, style);
  g_assert_cmpstr (number_format, ==, "yyyy-mm-dd hh:mm");
  g_assert_cmpfloat_with_epsilon (cell_number (cell), excel_serial (2026, 11, 25, 10, 0), 1e-6);

  g_assert_nonnull (strstr (sheet, "<c r=\"H2\"><v>1990</v></c>"));
  g_assert_nonnull (strstr (sheet, "<c r=\"N2\"><v>1</v></c>"));

  /* A workbook needs a file: to a stream it is a mistake. */
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

    n_rows = 1;
    g_assert_false (lotsen_export_write (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_XLSX,
                                         NULL, out, &n_rows, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (n_rows, ==, 0);
    g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
  }
}

static void
test_export_workbook (StoreFixture  *fixture,
                      gconstpointer  data)
{
  static const LotsenExportDataset every[] = {
    LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
  };
  static const char * const names[] = { "visitors", "tickets", "signups", "activities" };
  g_autofree char *path = g_build_filename (fixture->dir, "all.xlsx", NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *tickets = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *audit_sql = NULL;
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_sessions = query_int (fixture, "SELECT count (*) FROM session");
  guint64 n_rows = 0;
  const char *at;

  if (!have_unzip ())
    return;

  visitor = register_visitor (fixture->store, ARABIC, NULL, NULL);
  g_free (take (fixture->store, "A", visitor->id));
  g_free (take (fixture->store, "B", 0));

  g_assert_true (lotsen_export_workbook_to_file (fixture->store, every, G_N_ELEMENTS (every), NULL,
                                                 path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1 + 2 + 0 + n_sessions);
  audit_sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE what = 'export' AND detail = "
                               "'visitors,tickets,signups,activities xlsx %s rows=%" G_GUINT64_FORMAT "'",
                               path, n_rows);
  g_assert_cmpint (query_int (fixture, audit_sql), ==, 1);

  /* Four sheets, in order, each named after its data set. */
  workbook = unzip_part (path, "xl/workbook.xml");
  g_assert_cmpuint (count_matches (workbook, "<sheet "), ==, 4);
  at = workbook;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *sheet = g_strdup_printf ("<sheet name=\"%s\" sheetId=\"%u\"", names[i], i + 1);

      at = strstr (at, sheet);
      g_assert_nonnull (at);
    }

  /* Each sheet has its own header and rows. */
  tickets = unzip_part (path, "xl/worksheets/sheet2.xml");
  activities = unzip_part (path, "xl/worksheets/sheet4.xml");
  strings = sheet_strings (path, tickets);
  g_assert_nonnull (strstr (strings, "<t>wait_seconds</t>"));
  g_clear_pointer (&strings, g_free);
  strings = sheet_strings (path, activities);
  g_assert_nonnull (strstr (strings, "<t>Studiebesök på Arbetsförmedlingen</t>"));
  g_assert_nonnull (strstr (tickets, "<autoFilter ref=\"A1:Q3\"/>"));
  g_assert_nonnull (strstr (tickets, "<pane ySplit=\"1\""));
  {
    g_autofree char *signups = unzip_part (path, "xl/worksheets/sheet3.xml");
    g_autofree char *header = sheet_strings (path, signups);

    g_assert_nonnull (strstr (header, "<t>session_starts_at</t>"));

    /* An empty sheet still has its header. */
    g_assert_nonnull (strstr (signups, "<autoFilter ref=\"A1:M1\"/>"));
    g_assert_null (strstr (signups, "<row r=\"2\""));
  }
  g_assert_nonnull (strstr (activities, "<pane ySplit=\"1\""));
  g_assert_cmpuint (count_matches (activities, "<row "), ==, 1 + n_sessions);
  g_assert_null (strstr (activities, "<f>"));

  /* Two sheets cannot have one name. */
  {
    const LotsenExportDataset twice[] = { LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_TICKETS };

    g_test_expect_message ("lotsen-export", G_LOG_LEVEL_CRITICAL, "*seen*");
    g_assert_false (lotsen_export_workbook_to_file (fixture->store, twice, G_N_ELEMENTS (twice), NULL,
                                                    path, NULL, &error));
    g_test_assert_expected_messages ();
    g_assert_no_error (error);
  }

  /* A folder that does not exist: no file, no record. */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "all.xlsx", NULL);

    g_assert_false (lotsen_export_workbook_to_file (fixture->store, every, G_N_ELEMENTS (every), NULL,
                                                    missing, &n_rows, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (n_rows, ==, 0);
    g_assert_cmpint (count_export_audits (fixture), ==, 1);
  }

  /* A bad option after the temporary file was made: nothing is left. */
  {
    LotsenExportOptions bad = { .separator = '|' };
    g_autofree char *listing = NULL;

    g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_XLSX,
                                           &bad, path, NULL, &error));
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    listing = list_folder (fixture->dir, "lotsen.db");
    g_assert_cmpstr (listing, ==, "all.xlsx");
    g_assert_cmpint (count_export_audits (fixture), ==, 1);
  }
}

/* iCalendar: read back by a strict parser. */

/* 30 Ge'ez letters (3 bytes each): "SUMMARY:" and 22 of them are 74
 * octets, so the fold falls inside the 23rd. */
#define GEEZ_30 "ሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃሃ"
#define ICS_TITLE GEEZ_30 "; kaffe, te \\ samtal\r\nrad två"

typedef struct
{
  GHashTable *properties; /* name (without parameters) → raw value */
} IcsEvent;

static void
ics_event_free (IcsEvent *event)
{
  g_hash_table_unref (event->properties);
  g_free (event);
}

/* RFC 5545 TEXT, unescaped; any other backslash fails the test. */
static char *
ics_unescape (const char *value)
{
  GString *text = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          /* These must be escaped inside TEXT. */
          g_assert_true (*p != ';' && *p != ',');
          g_string_append_c (text, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case '\\': case ';': case ',': g_string_append_c (text, *p); break;
        case 'n': case 'N': g_string_append_c (text, '\n'); break;
        default: g_assert_not_reached ();
        }
    }

  return g_string_free (text, FALSE);
}

/* Parses a whole calendar: CRLF line ends, lines of at most 75 octets,
 * each valid UTF-8 on its own (so no character is split by a fold),
 * balanced BEGIN/END, the calendar's properties, and the events with the
 * properties each must have.  @folds counts continuation lines. */
static GPtrArray *
parse_ics (const char *text,
           guint      *folds)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) ics_event_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) calendar = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) physical = NULL;
  IcsEvent *event = NULL;
  guint n;

  *folds = 0;
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  physical = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (physical);
  g_assert_cmpstr (physical[n - 1], ==, "");

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *line = physical[i];

      g_assert_null (strchr (line, '\r'));
      g_assert_null (strchr (line, '\n'));
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_true (g_utf8_validate (line, -1, NULL));

      if (line[0] == ' ' || line[0] == '\t')
        {
          GString *joined;

          g_assert_cmpuint (lines->len, >, 0);
          joined = g_string_new (lines->pdata[lines->len - 1]);
          g_string_append (joined, line + 1);
          g_free (lines->pdata[lines->len - 1]);
          lines->pdata[lines->len - 1] = g_string_free (joined, FALSE);
          (*folds)++;
        }
      else
        {
          g_assert_cmpint (line[0], !=, '\0');
          g_ptr_array_add (lines, g_strdup (line));
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      const char *colon = strchr (line, ':');
      g_autofree char *name = NULL;
      const char *value;

      g_assert_nonnull (colon);
      name = g_strndup (line, colon - line);
      value = colon + 1;
      g_assert_null (strchr (name, ';'));
      for (const char *p = name; *p != '\0'; p++)
        g_assert_true (g_ascii_isupper (*p) || *p == '-');

      if (g_str_equal (name, "BEGIN"))
        {
          if (i == 0)
            g_assert_cmpstr (value, ==, "VCALENDAR");
          else
            {
              g_assert_cmpstr (value, ==, "VEVENT");
              g_assert_cmpuint (stack->len, ==, 1);
              event = g_new0 (IcsEvent, 1);
              event->properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              g_ptr_array_add (events, event);
            }
          g_ptr_array_add (stack, g_strdup (value));
        }
      else if (g_str_equal (name, "END"))
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (value, ==, stack->pdata[stack->len - 1]);
          g_ptr_array_remove_index (stack, stack->len - 1);
          if (g_str_equal (value, "VEVENT"))
            {
              static const char * const required[] = {
                "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS",
              };

              for (guint r = 0; r < G_N_ELEMENTS (required); r++)
                g_assert_true (g_hash_table_contains (event->properties, required[r]));
              event = NULL;
            }
          else
            g_assert_cmpuint (i, ==, lines->len - 1);
        }
      else
        {
          GHashTable *target = event != NULL ? event->properties : calendar;

          g_assert_cmpuint (stack->len, >, 0);
          g_assert_false (g_hash_table_contains (target, name));
          g_hash_table_insert (target, g_steal_pointer (&name), g_strdup (value));
        }
    }

  g_assert_cmpuint (stack->len, ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (calendar, "VERSION"), ==, "2.0");
  g_assert_cmpstr (g_hash_table_lookup (calendar, "PRODID"), ==, "-//Lotsen//Lotsen kiosk//SV");
  g_assert_cmpstr (g_hash_table_lookup (calendar, "CALSCALE"), ==, "GREGORIAN");
  g_assert_cmpstr (g_hash_table_lookup (calendar, "X-WR-CALNAME"), ==, "Lotsen");

  return g_steal_pointer (&events);
}

static IcsEvent *
ics_find (GPtrArray  *events,
          const char *uid)
{
  for (guint i = 0; i < events->len; i++)
    {
      IcsEvent *event = events->pdata[i];

      if (g_strcmp0 (g_hash_table_lookup (event->properties, "UID"), uid) == 0)
        return event;
    }

  g_assert_not_reached ();
}

static void
assert_ics_time (const char *value)
{
  g_assert_cmpuint (strlen (value), ==, 16);
  for (guint i = 0; i < 16; i++)
    {
      if (i == 8)
        g_assert_cmpint (value[i], ==, 'T');
      else if (i == 15)
        g_assert_cmpint (value[i], ==, 'Z');
      else
        g_assert_true (g_ascii_isdigit (value[i]));
    }
}

/* A long Swedish title with everything TEXT must escape, and one
 * cancelled session. */
static void
add_ics_cases (StoreFixture *fixture)
{
  run_sql (fixture,
           "UPDATE activity_text SET title = ?1 WHERE lang = 'sv' AND activity_id = "
           "(SELECT id FROM activity WHERE category = 'work')",
           (const char *[]) { ICS_TITLE }, 1);
  run_sql (fixture,
           "UPDATE session SET uuid = 'long-title' WHERE id = (SELECT max (id) FROM session "
           "WHERE activity_id = (SELECT id FROM activity WHERE category = 'work'))",
           NULL, 0);
  run_sql (fixture,
           "UPDATE session SET uuid = 'cancelled', cancelled = 1 "
           "WHERE id = (SELECT min (id) FROM session)", NULL, 0);
}

static void
test_export_ics (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  gint64 n_sessions = query_int (fixture, "SELECT count (*) FROM session");
  guint64 n_rows = 0;
  guint folds = 0;
  guint cancelled = 0;
  guint found = 0;
  IcsEvent *event;

  add_ics_cases (fixture);

  ics = export_string (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_ICS, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, n_sessions);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));

  events = parse_ics (ics, &folds);
  g_assert_cmpuint (events->len, ==, n_sessions);
  g_assert_cmpuint (folds, >, 0);

  for (guint i = 0; i < events->len; i++)
    {
      GHashTable *properties = ((IcsEvent *) events->pdata[i])->properties;
      const char *uid = g_hash_table_lookup (properties, "UID");
      const char *status = g_hash_table_lookup (properties, "STATUS");

      g_assert_true (g_str_has_suffix (uid, "@lotsen"));
      /* The store's clock, in UTC: 10:00 in Stockholm is 09:00Z. */
      g_assert_cmpstr (g_hash_table_lookup (properties, "DTSTAMP"), ==, "20261125T090000Z");
      assert_ics_time (g_hash_table_lookup (properties, "DTSTART"));
      assert_ics_time (g_hash_table_lookup (properties, "DTEND"));
      g_assert_cmpstr (g_hash_table_lookup (properties, "DTSTART"), <,
                       g_hash_table_lookup (properties, "DTEND"));
      g_assert_true (g_str_equal (status, "CONFIRMED") || g_str_equal (status, "CANCELLED"));
      if (g_str_equal (status, "CANCELLED"))
        cancelled++;
    }
  g_assert_cmpuint (cancelled, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (ics_find (events, "cancelled@lotsen")->properties, "STATUS"),
                   ==, "CANCELLED");

  /* The long title: folded before the character that would not fit,
   * escaped, and back whole once unfolded and unescaped. */
  {
    const char *line = strstr (ics, "\r\nSUMMARY:ሃ") + 2;

    g_assert_cmpuint (strstr (line, "\r\n") - line, ==, 74);
    g_assert_true (g_str_has_prefix (strstr (line, "\r\n"), "\r\n ሃ"));
  }
  event = ics_find (events, "long-title@lotsen");
  g_assert_cmpstr (g_hash_table_lookup (event->properties, "SUMMARY"), ==,
                   GEEZ_30 "\\; kaffe\\, te \\\\ samtal\\nrad två");
  summary = ics_unescape (g_hash_table_lookup (event->properties, "SUMMARY"));
  expected = g_strdup (GEEZ_30 "; kaffe, te \\ samtal\nrad två");
  g_assert_cmpstr (summary, ==, expected);

  /* A known session: local 13:00–15:00 on 4 December is 12:00Z–14:00Z. */
  for (guint i = 0; i < events->len; i++)
    {
      GHashTable *properties = ((IcsEvent *) events->pdata[i])->properties;
      g_autofree char *title = ics_unescape (g_hash_table_lookup (properties, "SUMMARY"));

      if (g_str_equal (title, "Studiebesök på Arbetsförmedlingen"))
        {
          g_autofree char *location = ics_unescape (g_hash_table_lookup (properties, "LOCATION"));
          g_autofree char *uuid = NULL;

          g_assert_cmpstr (g_hash_table_lookup (properties, "DTSTART"), ==, "20261204T120000Z");
          g_assert_cmpstr (g_hash_table_lookup (properties, "DTEND"), ==, "20261204T140000Z");
          g_assert_cmpstr (location, ==, "Entrén");
          uuid = g_strndup (g_hash_table_lookup (properties, "UID"), 36);
          g_assert_true (g_uuid_string_is_valid (uuid));
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);

  /* The period applies as for every format. */
  {
    LotsenExportOptions week = { .from = TEST_NOW, .to = TEST_NOW + 7 * 24 * 3600 };
    gint64 in_week = query_int (fixture,
                                "SELECT count (*) FROM session WHERE starts_at >= " G_STRINGIFY (TEST_NOW)
                                " AND starts_at < " G_STRINGIFY (TEST_NOW) " + 7 * 24 * 3600");
    g_autofree char *week_ics = export_string (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_ICS,
                                               &week, &n_rows);

    g_assert_cmpuint (n_rows, ==, in_week);
    g_assert_cmpuint (count_matches (week_ics, "BEGIN:VEVENT\r\n"), ==, in_week);
  }

  /* Only activities are a calendar. */
  for (LotsenExportDataset dataset = LOTSEN_EXPORT_VISITORS; dataset < LOTSEN_EXPORT_ACTIVITIES; dataset++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, "other.ics", NULL);

      g_assert_false (lotsen_export_write (fixture->store, dataset, LOTSEN_EXPORT_ICS, NULL, out, NULL,
                                           &error));
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      g_clear_error (&error);

      g_assert_false (lotsen_export_to_file (fixture->store, dataset, LOTSEN_EXPORT_ICS, NULL, path, NULL,
                                             &error));
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Python's standard library, where there is one, reads it the same way:
   * unfolded, every line a property, the events counted. */
  {
    g_autofree char *python = g_find_program_in_path ("python3");
    g_autofree char *path = g_build_filename (fixture->dir, "activities.ics", NULL);
    g_autofree char *out = NULL;
    g_autofree char *count = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;
    const char *script =
      "import re, sys\n"
      "data = open (sys.argv[1], 'rb').read ()\n"
      "assert b'\\n' not in data.replace (b'\\r\\n', b'')\n"
      "text = data.decode ('utf-8')\n"
      "lines = re.sub ('\\r\\n[ \\t]', '', text).split ('\\r\\n')[:-1]\n"
      "assert all (len (l.encode ()) <= 75 for l in text.split ('\\r\\n'))\n"
      "assert all (re.match ('^[A-Z-]+:', l) for l in lines)\n"
      "print (sum (1 for l in lines if l == 'BEGIN:VEVENT'))\n";
    const char *argv[] = { python, "-c", script, path, NULL };

    if (python != NULL)
      {
        g_assert_true (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_ICS,
                                              NULL, path, &n_rows, &error));
        g_assert_no_error (error);
        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
        g_assert_no_error (error);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        count = g_strdup_printf ("%" G_GINT64_FORMAT "\n", n_sessions);
        g_assert_cmpstr (out, ==, count);
      }
  }
}

/* The same calendar read by libical, as calendar programs read it. */
static void
test_export_ics_libical (StoreFixture  *fixture,
                         gconstpointer  data)
{
#ifdef HAVE_LIBICAL
  g_autofree char *ics = NULL;
  gint64 n_sessions = query_int (fixture, "SELECT count (*) FROM session");
  gint64 n_cancelled;
  guint64 n_rows = 0;
  icalcomponent *calendar;
  guint n_events = 0, n_found_cancelled = 0, n_long = 0, n_visit = 0;

  add_ics_cases (fixture);
  n_cancelled = query_int (fixture, "SELECT count (*) FROM session WHERE cancelled");
  ics = export_string (fixture->store, LOTSEN_EXPORT_ACTIVITIES, LOTSEN_EXPORT_ICS, NULL, &n_rows);

  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical marks what it could not read with X-LIC-ERROR properties. */
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);
      const char *summary = icalcomponent_get_summary (event);
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);

      n_events++;
      g_assert_true (g_str_has_suffix (uid, "@lotsen"));
      g_assert_true (icaltime_is_utc (start));
      g_assert_cmpint (icaltime_as_timet (start), <, icaltime_as_timet (end));

      if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
        n_found_cancelled++;
      else
        g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);

      if (g_str_equal (uid, "long-title@lotsen"))
        {
          g_assert_cmpstr (summary, ==, GEEZ_30 "; kaffe, te \\ samtal\nrad två");
          n_long++;
        }
      else if (g_str_equal (summary, "Studiebesök på Arbetsförmedlingen"))
        {
          /* 13:00 in Stockholm on 4 December 2026. */
          g_assert_cmpint (icaltime_as_timet (start), ==, 1796385600);
          g_assert_cmpstr (icalcomponent_get_location (event), ==, "Entrén");
          n_visit++;
        }
    }

  g_assert_cmpuint (n_events, ==, n_sessions);
  g_assert_cmpuint (n_rows, ==, n_sessions);
  g_assert_cmpuint (n_found_cancelled, ==, n_cancelled);
  g_assert_cmpuint (n_long, ==, 1);
  g_assert_cmpuint (n_visit, ==, 1);

  icalcomponent_free (calendar);
#else
  g_test_skip ("built without libical");
#endif
}

/* The ISO 8601 time of @unix_seconds as GDateTime writes it, in the
 * store's time zone. */
static char *
glib_local_time (LotsenStore *store,
                 gint64       unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, lotsen_store_get_timezone (store));

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Times exactly at the changes to and from summer time in 2026 and one
 * second before each, in every time column of a row and out of order
 * across rows: the export's own formatting agrees with GDateTime. */
static void
test_export_dst_transitions (StoreFixture  *fixture,
                             gconstpointer  data)
{
  static const struct
  {
    const char *uuid;
    gint64      unix_seconds;
    const char *local;
  } times[] = {
    { "dst-1", 1774745999, "2026-03-29T01:59:59+01:00" }, /* 00:59:59 UTC */
    { "dst-2", 1774746000, "2026-03-29T03:00:00+02:00" }, /* 01:00:00 UTC: summer time */
    { "dst-3", 1792889999, "2026-10-25T02:59:59+02:00" },
    { "dst-4", 1792890000, "2026-10-25T02:00:00+01:00" }, /* winter time again */
  };
  static const char * const columns[] = { "created_at", "consent_at", "last_seen_at" };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *jsonl = NULL;
  guint n = G_N_ELEMENTS (times);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *created = g_strdup_printf ("%" G_GINT64_FORMAT, times[i].unix_seconds);
      g_autofree char *consent = g_strdup_printf ("%" G_GINT64_FORMAT, times[(i + 3) % n].unix_seconds);
      g_autofree char *seen = g_strdup_printf ("%" G_GINT64_FORMAT, times[(i + 2) % n].unix_seconds);
      const char *params[] = { times[i].uuid, created, consent, seen };

      run_sql (fixture,
               "INSERT INTO visitor (uuid, created_at, consent_at, last_seen_at) "
               "VALUES (?1, CAST (?2 AS INTEGER), CAST (?3 AS INTEGER), CAST (?4 AS INTEGER))",
               params, G_N_ELEMENTS (params));
    }

  csv = export_string (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_CSV, NULL, NULL);
  rows = parse_csv (csv, ';');
  jsonl = export_string (fixture->store, LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_JSONL, NULL, NULL);
  objects = parse_jsonl (jsonl);

  for (guint i = 0; i < n; i++)
    {
      GPtrArray *row = csv_row (rows, "uuid", times[i].uuid);
      GHashTable *object = json_find (objects, "uuid", times[i].uuid);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          /* created_at: time i, consent_at: i + 3, last_seen_at: i + 2 */
          guint t = (i + n - c) % n;
          g_autofree char *expected = glib_local_time (fixture->store, times[t].unix_seconds);

          g_assert_cmpstr (expected, ==, times[t].local);
          g_assert_cmpstr (csv_cell (rows, row, columns[c]), ==, expected);
          assert_json_string (object, columns[c], expected);
        }
    }
}

/* Whatever writes the file (a stream, or libxlsxwriter by name), a file
 * error keeps its cause, so that the screen can tell a full stick from a
 * read-only or missing one; nothing is left behind and nothing audited. */
static void
assert_export_fails (StoreFixture *fixture,
                     const char   *folder,
                     int           code)
{
  static const LotsenExportDataset every[] = {
    LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
  };
  static const LotsenExportFormat formats[] = { LOTSEN_EXPORT_CSV, LOTSEN_EXPORT_JSONL, LOTSEN_EXPORT_ICS };
  gint64 audits = count_export_audits (fixture);
  g_autofree char *before = g_file_test (folder, G_FILE_TEST_IS_DIR) ? list_folder (folder, NULL) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("activities.%s", lotsen_export_format_to_string (formats[i]));
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_ACTIVITIES, formats[i], NULL,
                                             path, NULL, &error));
      g_assert_error (error, G_IO_ERROR, code);
    }

  {
    g_autofree char *path = g_build_filename (folder, "all.xlsx", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (lotsen_export_workbook_to_file (fixture->store, every, G_N_ELEMENTS (every), NULL,
                                                    path, NULL, &error));
    g_assert_error (error, G_IO_ERROR, code);
  }

  if (before != NULL)
    {
      g_autofree char *after = list_folder (folder, NULL);

      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpint (count_export_audits (fixture), ==, audits);
}

static void
test_export_error_missing_folder (StoreFixture  *fixture,
                                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", NULL);

  assert_export_fails (fixture, missing, G_IO_ERROR_NOT_FOUND);
}

static void
test_export_error_full (StoreFixture  *fixture,
                        gconstpointer  data)
{
  const char *folder = g_getenv ("LOTSEN_TEST_FULL_FOLDER");

  if (folder == NULL)
    {
      g_test_skip ("LOTSEN_TEST_FULL_FOLDER is not set (a full file system, see build-aux/run-tests.sh)");
      return;
    }

  assert_export_fails (fixture, folder, G_IO_ERROR_NO_SPACE);
}

static void
test_export_error_read_only (StoreFixture  *fixture,
                             gconstpointer  data)
{
  const char *folder = g_getenv ("LOTSEN_TEST_READONLY_FOLDER");

  if (folder == NULL)
    {
      g_test_skip ("LOTSEN_TEST_READONLY_FOLDER is not set (a read-only file system, see build-aux/run-tests.sh)");
      return;
    }

  assert_export_fails (fixture, folder, G_IO_ERROR_READ_ONLY);
}

/* Only a regular file is replaced: a FIFO, a device, a folder or a link
 * to one of them stays what it is, with nothing written, nothing left
 * beside it and nothing audited; a link to a regular file replaces that
 * file and stays a link. */
static void
test_export_not_a_file (StoreFixture  *fixture,
                        gconstpointer  data)
{
  static const LotsenExportDataset every[] = { LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS };
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder", NULL);
  g_autofree char *to_fifo = g_build_filename (fixture->dir, "to-fifo", NULL);
  g_autofree char *to_null = g_build_filename (fixture->dir, "to-null", NULL);
  g_autofree char *to_folder = g_build_filename (fixture->dir, "to-folder", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling", NULL);
  g_autofree char *device = g_build_filename (fixture->dir, "device", NULL);
  g_autofree char *real = g_build_filename (fixture->dir, "real.csv", NULL);
  g_autofree char *to_real = g_build_filename (fixture->dir, "to-real.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  const char *targets[] = { fifo, folder, to_fifo, to_null, to_folder, dangling, device, NULL };
  const int codes[] = {
    G_IO_ERROR_NOT_REGULAR_FILE, G_IO_ERROR_IS_DIRECTORY, G_IO_ERROR_NOT_REGULAR_FILE,
    G_IO_ERROR_NOT_REGULAR_FILE, G_IO_ERROR_IS_DIRECTORY, G_IO_ERROR_NOT_REGULAR_FILE,
    G_IO_ERROR_NOT_REGULAR_FILE,
  };
  GStatBuf info;

  g_free (take (fixture->store, "A", 0));

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (fifo, to_fifo), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", to_null), ==, 0);
  g_assert_cmpint (symlink (folder, to_folder), ==, 0);
  g_assert_cmpint (symlink ("no-such-file", dangling), ==, 0);
  /* A device node of its own where that may be made (as root); /dev/full
   * itself only where the test cannot replace it. */
  if (mknod (device, S_IFCHR | 0600, makedev (1, 7)) != 0)
    {
      if (geteuid () != 0)
        targets[6] = "/dev/full";
      else
        targets[6] = NULL;
    }

  before = list_folder (fixture->dir, "lotsen.db");

  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                             NULL, targets[i], NULL, &error));
      g_assert_error (error, G_IO_ERROR, codes[i]);
      g_clear_error (&error);

      g_assert_false (lotsen_export_workbook_to_file (fixture->store, every, G_N_ELEMENTS (every), NULL,
                                                      targets[i], NULL, &error));
      g_assert_error (error, G_IO_ERROR, codes[i]);
    }

  after = list_folder (fixture->dir, "lotsen.db");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_lstat (fifo, &info), ==, 0);
  g_assert_true (S_ISFIFO (info.st_mode));
  g_assert_cmpint (g_lstat (to_null, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  g_assert_cmpint (g_stat ("/dev/null", &info), ==, 0);
  g_assert_true (S_ISCHR (info.st_mode));
  g_assert_cmpint (g_stat ("/dev/full", &info), ==, 0);
  g_assert_true (S_ISCHR (info.st_mode));
  g_assert_cmpint (count_export_audits (fixture), ==, 0);

  /* A link to a regular file: the file gets the export, the link stays. */
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.csv", to_real), ==, 0);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                          NULL, to_real, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_lstat (to_real, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "A001"));
  g_assert_cmpint (count_export_audits (fixture), ==, 1);
}

/* A workbook that cannot be written fails with one error, and
 * libxlsxwriter's own "[ERROR]" lines, which name the temporary file,
 * stay off standard error.  The file system is made "full" for the
 * workbook by a file size limit, which needs no mount. */
static void
test_export_xlsx_no_raw_errors (void)
{
  if (g_test_subprocess ())
    {
      static const LotsenExportDataset every[] = {
        LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsenStore) store = lotsen_store_open (":memory:", NULL, &error);
      g_autofree char *dir = g_dir_make_tmp ("lotsen-xlsx-XXXXXX", &error);
      g_autofree char *path = NULL;
      struct rlimit limit = { 2048, 2048 };

      g_assert_no_error (error);
      g_assert_true (lotsen_demo_seed (store, &error));
      g_assert_no_error (error);
      g_free (take (store, "A", 0));
      path = g_build_filename (dir, "all.xlsx", NULL);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (lotsen_export_workbook_to_file (store, every, G_N_ELEMENTS (every), NULL, path,
                                                      NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("refused: %s\n", error->message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*refused: *");
  g_test_trap_assert_stderr_unmatched ("*[ERROR]*");
}

/* An export killed mid-write (kill -9) leaves its hidden temporary file;
 * the next export into that folder removes such files once they are an
 * hour old, and nothing else. */
static void
test_export_stale_temps (StoreFixture  *fixture,
                         gconstpointer  data)
{
  const char *stale[] = { ".tickets.csv.lotsen-abc123", ".all.xlsx.lotsen-ZZ9ZZ9" };
  const char *kept[] = {
    ".tickets.csv.lotsen-def456",  /* fresh: an export may still write it */
    ".profile.abc123",             /* not an export's */
    "notes.lotsen-abc123",
    ".tickets.csv.lotsen-ab",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "tickets.csv", NULL);
  g_autoptr(GError) error = NULL;
  gint64 two_hours_ago = g_get_real_time () / G_USEC_PER_SEC - 7200;

  for (guint i = 0; i < G_N_ELEMENTS (stale) + G_N_ELEMENTS (kept); i++)
    {
      const char *name = i < G_N_ELEMENTS (stale) ? stale[i] : kept[i - G_N_ELEMENTS (stale)];
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      struct utimbuf old = { two_hours_ago, two_hours_ago };

      g_assert_true (g_file_set_contents (file, "half an export", -1, NULL));
      if (!g_str_equal (name, kept[0]))
        g_assert_cmpint (g_utime (file, &old), ==, 0);
    }

  g_assert_true (lotsen_export_to_file (fixture->store, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_CSV,
                                        NULL, path, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *file = g_build_filename (fixture->dir, stale[i], NULL);

      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *file = g_build_filename (fixture->dir, kept[i], NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
    }
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
  ADD ("/export/dst-transitions", test_export_dst_transitions);
  ADD ("/export/file", test_export_file);
  ADD ("/export/xlsx", test_export_xlsx);
  ADD ("/export/xlsx/workbook", test_export_workbook);
  ADD ("/export/ics", test_export_ics);
  ADD ("/export/ics-libical", test_export_ics_libical);
  ADD ("/export/error/missing-folder", test_export_error_missing_folder);
  ADD ("/export/error/full", test_export_error_full);
  ADD ("/export/error/not-a-file", test_export_not_a_file);
  ADD ("/export/stale-temps", test_export_stale_temps);
  g_test_add_func ("/export/error/xlsx-quiet", test_export_xlsx_no_raw_errors);
  ADD ("/export/error/read-only", test_export_error_read_only);

#undef ADD

  return g_test_run ();
}
