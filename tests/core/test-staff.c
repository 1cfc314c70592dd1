/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lotsen-staff.h"
#include "lotsen-test-core.h"

static int
count_audit (StoreFixture *fixture,
             const char   *what)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE what = '%s'", what);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

static void
assert_wrong (StoreFixture *fixture,
              const char   *pin)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lotsen_staff_check_pin (fixture->store, pin, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
}

static void
test_demo_pin (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_staff_ensure_pin (fixture->store, &error));
  g_assert_true (lotsen_staff_pin_must_change (fixture->store));
  g_assert_true (lotsen_staff_check_pin (fixture->store, LOTSEN_STAFF_DEMO_PIN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (fixture, "staff login"), ==, 1);

  /* Only a hash is stored. */
  {
    g_autofree char *hash = lotsen_store_get_setting (fixture->store, "staff_pin_hash");

    g_assert_true (g_str_has_prefix (hash, "$argon2"));
    g_assert_null (strstr (hash, LOTSEN_STAFF_DEMO_PIN));
  }
}

static void
test_change_pin (StoreFixture  *fixture,
                 gconstpointer  data)
{
  const char *refused[] = { "", "123", "123456789", "12a4", "12 34", LOTSEN_STAFF_DEMO_PIN };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) local = NULL;

      g_assert_false (lotsen_staff_set_pin (fixture->store, refused[i], &local));
      g_assert_error (local, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    }

  g_assert_true (lotsen_staff_set_pin (fixture->store, "804417", &error));
  g_assert_no_error (error);
  g_assert_false (lotsen_staff_pin_must_change (fixture->store));
  g_assert_cmpint (count_audit (fixture, "pin change"), ==, 1);

  assert_wrong (fixture, LOTSEN_STAFF_DEMO_PIN);
  g_assert_true (lotsen_staff_check_pin (fixture->store, "804417", &error));
  g_assert_no_error (error);
}

/* Five wrong PINs lock staff mode for a minute; each more doubles it; the
 * count survives a restart (it is in the database). */
static void
test_lockout (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_staff_set_pin (fixture->store, "5555", &error));

  for (int i = 0; i < LOTSEN_STAFF_FREE_TRIES - 1; i++)
    assert_wrong (fixture, "0000");
  g_assert_cmpint (lotsen_staff_seconds_locked (fixture->store), ==, 0);

  assert_wrong (fixture, "0000");
  g_assert_cmpint (lotsen_staff_seconds_locked (fixture->store), ==, LOTSEN_STAFF_LOCK_SECS);
  g_assert_cmpint (count_audit (fixture, "staff lock"), ==, 1);

  /* Locked: even the right PIN is refused, and not even checked. */
  assert_wrong (fixture, "5555");

  /* A restart (a new connection) does not forgive. */
  {
    g_autoptr(LotsenStore) again = lotsen_store_open (fixture->path, fixture->clock, &error);

    g_assert_no_error (error);
    g_assert_cmpint (lotsen_staff_seconds_locked (again), ==, LOTSEN_STAFF_LOCK_SECS);
  }

  /* After the lock, one more wrong PIN locks for twice as long. */
  lotsen_clock_advance (fixture->clock, LOTSEN_STAFF_LOCK_SECS);
  g_assert_cmpint (lotsen_staff_seconds_locked (fixture->store), ==, 0);
  assert_wrong (fixture, "0000");
  g_assert_cmpint (lotsen_staff_seconds_locked (fixture->store), ==, 2 * LOTSEN_STAFF_LOCK_SECS);

  /* The right PIN after the lock opens staff mode and starts the count again. */
  lotsen_clock_advance (fixture->clock, 2 * LOTSEN_STAFF_LOCK_SECS);
  g_assert_true (lotsen_staff_check_pin (fixture->store, "5555", &error));
  g_assert_no_error (error);
  assert_wrong (fixture, "0000");
  g_assert_cmpint (lotsen_staff_seconds_locked (fixture->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/staff/demo-pin", test_demo_pin);
  ADD ("/staff/change-pin", test_change_pin);
  ADD ("/staff/lockout", test_lockout);

#undef ADD

  return g_test_run ();
}
