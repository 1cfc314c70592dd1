/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lotsen-store-private.h"
#include "lotsen-test-core.h"

static void
test_store_new (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) again = NULL;
  g_autofree char *kiosk_id = g_strdup (lotsen_store_get_kiosk_id (fixture->store));

  g_assert_true (lotsen_store_get_created (fixture->store));
  g_assert_cmpint (lotsen_store_get_schema_version (fixture->store), ==, lotsen_store_get_latest_version ());
  g_assert_true (g_uuid_string_is_valid (kiosk_id));

  /* The durability settings are what the file really has. */
  g_assert_cmpint (query_database_int (fixture->path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);

  /* Opening again migrates nothing and keeps the kiosk's identity. */
  again = lotsen_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_false (lotsen_store_get_created (again));
  g_assert_cmpstr (lotsen_store_get_kiosk_id (again), ==, kiosk_id);
}

static void
test_store_settings (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = lotsen_store_get_setting (fixture->store, "site_name");
  g_autofree char *value = NULL;

  g_assert_null (missing);
  g_assert_true (lotsen_store_set_setting (fixture->store, "site_name", "Biblioteket", &error));
  g_assert_true (lotsen_store_set_setting (fixture->store, "site_name", "Lärcentrum", &error));
  g_assert_no_error (error);
  value = lotsen_store_get_setting (fixture->store, "site_name");
  g_assert_cmpstr (value, ==, "Lärcentrum");
}

static void
test_store_local_day (StoreFixture  *fixture,
                      gconstpointer  data)
{
  const struct { gint64 at; const char *day; } cases[] = {
    { 1795647599, "2026-11-25" }, /* 23:59:59 CET */
    { 1795647600, "2026-11-26" }, /* 00:00:00 CET, still 23:00 UTC on the 25th */
    { 1782943199, "2026-07-01" }, /* 23:59:59 CEST */
    { 1782943200, "2026-07-02" }, /* 00:00:00 CEST, 22:00 UTC on the 1st */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *day = lotsen_store_format_local_day (fixture->store, cases[i].at);
      g_assert_cmpstr (day, ==, cases[i].day);
    }
}

static char *
make_tmp_file (const char *contents,
               gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-test-XXXXXX", &error);
  char *path = g_build_filename (dir, "lotsen.db", NULL);

  g_assert_no_error (error);
  if (contents != NULL)
    {
      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
    }

  return path;
}

static void
remove_file_and_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  remove_tree (dir);
}

static void
test_store_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_tmp_file ("This is a shopping list, not a database.\n", -1);

  store = lotsen_store_open (path, NULL, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT);
  g_assert_null (store);

  remove_file_and_dir (path);
}

static void
test_store_recover (void)
{
  const char garbage[] = "SQLite format 3\0garbage garbage garbage garbage";
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_tmp_file (garbage, sizeof garbage);
  g_autofree char *moved = NULL;
  g_autofree char *kept = NULL;
  gsize length;

  g_test_expect_message ("lotsen-store", G_LOG_LEVEL_WARNING, "*moving it aside*");
  store = lotsen_store_open_or_recover (path, NULL, NULL, &moved, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (lotsen_store_get_created (store));

  /* The damaged file is kept, byte for byte, beside the new one. */
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (moved, path));
  g_file_get_contents (moved, &kept, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (kept, length, garbage, sizeof garbage);

  g_assert_cmpint (query_database_int (path, "SELECT count(*) FROM audit WHERE what = 'recovered'"), ==, 1);

  g_clear_object (&store);
  remove_file_and_dir (path);
}

static void
test_store_foreign_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_tmp_file (NULL, 0);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = lotsen_store_open (path, NULL, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT);
  g_assert_null (store);

  /* Nothing was written into the other program's file. */
  g_assert_cmpint (query_database_int (path, "SELECT count(*) FROM sqlite_schema"), ==, 1);

  remove_file_and_dir (path);
}

static void
test_store_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_tmp_file (NULL, 0);
  g_autofree char *moved = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", lotsen_store_get_latest_version () + 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* A newer kiosk's data is never moved aside as if it were damaged. */
  store = lotsen_store_open_or_recover (path, NULL, NULL, &moved, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_null (moved);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_file_and_dir (path);
}

static void
test_store_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *file = make_tmp_file ("a plain file", -1);
  g_autofree char *path = g_build_filename (file, "sub", "lotsen.db", NULL);
  g_autofree char *moved = NULL;

  /* The folder cannot be made: a plain file stands where it should be. */
  store = lotsen_store_open_or_recover (path, NULL, NULL, &moved, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN);
  g_assert_null (store);
  g_assert_null (moved);
  g_assert_nonnull (strstr (error->message, file));

  remove_file_and_dir (file);
}

static void
test_store_empty_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open ("", NULL, &error);

  /* Not a temporary database that forgets every ticket at exit. */
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_assert_null (store);
}

static void
test_store_private_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_tmp_file (NULL, 0);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  mode_t saved_umask;

  /* An existing folder anyone may read, and a permissive umask. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  saved_umask = umask (022);
  store = lotsen_store_open (path, NULL, &error);
  umask (saved_umask);
  g_assert_no_error (error);
  g_assert_true (lotsen_store_set_setting (store, "site_name", "Biblioteket", &error));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
  remove_file_and_dir (path);
}

/* A closed database of about 200 pages, mostly audit rows. */
static char *
make_filled_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_tmp_file (NULL, 0);
  g_autofree char *detail = g_strnfill (200, 'x');

  store = lotsen_store_open (path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3000; i++)
    g_assert_true (lotsen_store_audit (store, "filler", detail, NULL));
  g_assert_finalize_object (g_steal_pointer (&store));

  return g_steal_pointer (&path);
}

/* Writes a page of @fill over the page in the middle of @path, in place. */
static void
damage_middle_page (const char *path,
                    char        fill)
{
  gsize page = 4096;
  char block[4096];
  GStatBuf st;
  FILE *file;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_size, >, 100 * page);
  memset (block, fill, sizeof block);

  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) ((st.st_size / page / 2) * page), SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (block, 1, sizeof block, file), ==, sizeof block);
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
test_store_damaged_middle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_filled_database ();
  g_autofree char *damaged = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *moved = NULL;
  gsize damaged_length, kept_length;

  damage_middle_page (path, 0);
  g_file_get_contents (path, &damaged, &damaged_length, &error);
  g_assert_no_error (error);

  /* Noticed at open, not at the first ticket. */
  store = lotsen_store_open (path, NULL, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_clear_error (&error);

  /* The kiosk keeps it aside, byte for byte, and starts anew. */
  g_test_expect_message ("lotsen-store", G_LOG_LEVEL_WARNING, "*moving it aside*");
  store = lotsen_store_open_or_recover (path, NULL, NULL, &moved, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_true (lotsen_store_get_created (store));
  g_assert_nonnull (moved);
  g_file_get_contents (moved, &kept, &kept_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (kept, kept_length, damaged, damaged_length);

  g_clear_object (&store);
  remove_file_and_dir (path);
}

static void
test_store_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_filled_database ();

  store = lotsen_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lotsen_store_check (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Random bytes in the middle, where no small table lies. */
  damage_middle_page (path, 0x5a);
  store = lotsen_store_open (path, NULL, &error);
  if (store != NULL)
    g_assert_false (lotsen_store_check (store, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT);

  g_clear_object (&store);
  remove_file_and_dir (path);
}

/* A database over the size that is checked whole at every open: ten
 * megabytes of filler beside the kiosk's tables. */
static char *
make_big_database (void)
{
  char *path = make_filled_database ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN;"
                                 "CREATE TABLE filler (x BLOB);"
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)"
                                 " INSERT INTO filler SELECT randomblob (4000) FROM n;"
                                 "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return path;
}

/* Damage found after the start marks the file, so that the next start
 * checks all of it (however big) and keeps it aside; a whole file's mark
 * goes at the next open. */
static void
test_store_check_marks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = make_big_database ();
  g_autofree char *marker = g_strconcat (path, ".check-at-open", NULL);
  g_autofree char *moved = NULL;

  /* Damaged where no small table lies: a big file opens, and the full
   * check the kiosk runs after its first frame finds it. */
  damage_middle_page (path, 0x5a);
  store = lotsen_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_false (lotsen_store_check (store, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* The next start keeps it aside and starts anew. */
  g_test_expect_message ("lotsen-store", G_LOG_LEVEL_WARNING, "*moving it aside*");
  store = lotsen_store_open_or_recover (path, NULL, NULL, &moved, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  g_assert_true (lotsen_store_get_created (store));
  g_clear_object (&store);

  /* A mark on a whole file is checked once and goes. */
  g_assert_true (g_file_set_contents (marker, "", 0, NULL));
  store = lotsen_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  g_unlink (moved);
  remove_file_and_dir (path);
}

/* As the kiosk's own user, for whom permission bits count: root is
 * turned into "nobody" in the test's subprocess. */
#define NOBODY 65534

static void
become_nobody (void)
{
  if (geteuid () != 0)
    return;

  g_assert_cmpint (setgid (NOBODY), ==, 0);
  g_assert_cmpint (setuid (NOBODY), ==, 0);
}

static void
hand_to_nobody (const char *path)
{
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
}

/* A database the kiosk's user may read but not write: a read-only file
 * in its own folder, or its own file in a read-only folder. */
static void
test_store_read_only (gconstpointer data)
{
  gboolean folder = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      path = g_strdup (g_getenv ("LOTSEN_TEST_DATABASE"));
      become_nobody ();
      store = lotsen_store_open (path, NULL, &error);
      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN);
      g_assert_null (store);
      g_test_message ("%s", error->message);
      return;
    }

  path = make_tmp_file (NULL, 0);
  dir = g_path_get_dirname (path);
  store = lotsen_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  hand_to_nobody (dir);
  hand_to_nobody (path);
  g_assert_cmpint (g_chmod (path, folder ? 0644 : 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, folder ? 0555 : 0755), ==, 0);

  /* Refused at open, not at the first ticket. */
  g_setenv ("LOTSEN_TEST_DATABASE", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("LOTSEN_TEST_DATABASE");

  g_chmod (dir, 0700);
  remove_file_and_dir (path);
}

/* A mounted read-only file system, where the runner can make one
 * (build-aux/run-tests.sh): nothing can be created in it. */
static void
test_store_read_only_mount (void)
{
  const char *folder = g_getenv ("LOTSEN_TEST_READONLY_FOLDER");
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = NULL;

  if (folder == NULL)
    {
      g_test_skip ("No read-only file system here (LOTSEN_TEST_READONLY_FOLDER)");
      return;
    }

  path = g_build_filename (folder, "lotsen.db", NULL);
  store = lotsen_store_open (path, NULL, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_OPEN);
  g_assert_null (store);
}

static void
count_cb (LotsenStore *store,
          guint       *count)
{
  (*count)++;
}

/* The -wal deleted while the kiosk runs: the next write is refused, and
 * nothing is acknowledged that could be lost. */
static void
test_store_lost_wal (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  guint emitted = 0;

  g_signal_connect (fixture->store, "unusable", G_CALLBACK (count_cb), &emitted);
  g_assert_true (lotsen_store_set_setting (fixture->store, "site_name", "Biblioteket", &error));
  g_assert_no_error (error);
  g_assert_null (lotsen_store_get_unusable (fixture->store));

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (wal), ==, 0);

  /* In a transaction, and on its own. */
  g_test_expect_message ("lotsen-store", G_LOG_LEVEL_WARNING, "*-wal file was removed*");
  g_assert_false (lotsen_store_set_retention_days (fixture->store, 100, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_LOST);
  g_clear_error (&error);

  g_assert_false (lotsen_store_audit (fixture->store, "test", NULL, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_LOST);
  g_clear_error (&error);

  g_assert_nonnull (lotsen_store_get_unusable (fixture->store));
  g_assert_cmpuint (emitted, ==, 1);
}

/* A commit that went into a -wal removed during the transaction is not
 * acknowledged either. */
static void
test_store_lost_wal_in_transaction (StoreFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_true (lotsen_store_begin (fixture->store, &error));
  g_assert_true (lotsen_store_set_setting (fixture->store, "site_name", "Biblioteket", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (wal), ==, 0);

  g_test_expect_message ("lotsen-store", G_LOG_LEVEL_WARNING, "*-wal file was removed*");
  g_assert_false (lotsen_store_commit (fixture->store, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_LOST);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/new", StoreFixture, NULL, store_fixture_set_up, test_store_new, store_fixture_tear_down);
  g_test_add ("/store/settings", StoreFixture, NULL, store_fixture_set_up, test_store_settings, store_fixture_tear_down);
  g_test_add ("/store/local-day", StoreFixture, NULL, store_fixture_set_up, test_store_local_day, store_fixture_tear_down);
  g_test_add_func ("/store/not-a-database", test_store_not_a_database);
  g_test_add_func ("/store/recover", test_store_recover);
  g_test_add_func ("/store/foreign-database", test_store_foreign_database);
  g_test_add_func ("/store/too-new", test_store_too_new);
  g_test_add_func ("/store/unwritable", test_store_unwritable);
  g_test_add_func ("/store/empty-path", test_store_empty_path);
  g_test_add_func ("/store/private-file", test_store_private_file);
  g_test_add_func ("/store/damaged-middle", test_store_damaged_middle);
  g_test_add_func ("/store/check", test_store_check);
  g_test_add_func ("/store/check-marks", test_store_check_marks);
  g_test_add_data_func ("/store/read-only/file", GINT_TO_POINTER (FALSE), test_store_read_only);
  g_test_add_data_func ("/store/read-only/folder", GINT_TO_POINTER (TRUE), test_store_read_only);
  g_test_add_func ("/store/read-only/mount", test_store_read_only_mount);
  g_test_add ("/store/lost-wal", StoreFixture, NULL, store_fixture_set_up, test_store_lost_wal, store_fixture_tear_down);
  g_test_add ("/store/lost-wal/in-transaction", StoreFixture, NULL, store_fixture_set_up,
              test_store_lost_wal_in_transaction, store_fixture_tear_down);

  return g_test_run ();
}
