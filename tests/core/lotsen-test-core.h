/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared set-up for the core tests: a fresh database in a temporary folder. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

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
