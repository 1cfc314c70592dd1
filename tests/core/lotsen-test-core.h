/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared set-up for the core tests: a fresh database in a temporary folder. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lotsen-clock.h"
#include "lotsen-store.h"
#include "lotsen-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  LotsenClock *clock;
  LotsenStore *store;
} StoreFixture;

/* 2026-11-25 10:00:00 in Stockholm (CET, UTC+1). */
#define TEST_NOW 1795597200

static inline void
store_fixture_set_up (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("lotsen-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "lotsen.db", NULL);
  fixture->clock = lotsen_clock_new_fixed (TEST_NOW);
  fixture->store = lotsen_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
store_fixture_tear_down (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->clock);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The first column of the first row of @sql, read through a connection
 * of its own, as another program would see the file. */
static inline gint64
query_database_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}
