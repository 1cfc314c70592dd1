/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import — a libFuzzer target for the JSONL import: each input is a
 * file imported into a new kiosk's database (the demo's services and
 * activities).  A crash, a sanitizer report, a GLib warning or critical,
 * or a database left damaged (integrity or foreign keys) is a finding; so
 * is a report that does not add up (a skipped line's number outside the
 * file, or out of order).
 *
 * Built only with clang and -fsanitize=fuzzer (tests/fuzz/meson.build);
 * run-fuzz.sh runs it for a bounded time on the seed corpus in corpus/. */

#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <gio/gio.h>

#include "lotsen-demo.h"
#include "lotsen-import.h"
#include "lotsen-store-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or critical is a bug the fuzzer should stop at. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_database (LotsenStore *store)
{
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autoptr(sqlite3_stmt) keys = NULL;
  sqlite3 *db = lotsen_store_get_db (store);

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &integrity, NULL) != SQLITE_OK ||
      sqlite3_step (integrity) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (integrity, 0), "ok") != 0)
    g_error ("integrity_check: %s", sqlite3_errmsg (db));

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &keys, NULL) != SQLITE_OK ||
      sqlite3_step (keys) != SQLITE_DONE)
    g_error ("foreign_key_check found a row without its parent");
}

static void
check_report (const LotsenImportReport *report)
{
  guint64 previous = 0;

  if (report->skipped_lines->len != report->skipped->len)
    g_error ("%u skipped lines but %u messages", report->skipped_lines->len, report->skipped->len);

  for (guint i = 0; i < report->skipped_lines->len; i++)
    {
      guint64 line = g_array_index (report->skipped_lines, guint64, i);

      if (line == 0 || line > report->n_lines || line < previous)
        g_error ("skipped line %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT, line, report->n_lines);
      previous = line;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_auto(LotsenImportReport) report = { 0 };

  store = lotsen_store_open (":memory:", NULL, &error);
  if (store == NULL || !lotsen_demo_seed (store, &error))
    g_error ("%s", error->message);

  in = g_memory_input_stream_new_from_data (data, size, NULL);
  if (lotsen_import_jsonl (store, in, &report, &error))
    check_report (&report);
  else if (error == NULL)
    g_error ("the import failed without an error");
  else if (!g_error_matches (error, LOTSEN_IMPORT_ERROR, LOTSEN_IMPORT_ERROR_NOT_JSONL))
    g_error ("the import failed: %s", error->message);

  check_database (store);
  return 0;
}
