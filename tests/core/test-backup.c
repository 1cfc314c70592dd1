/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups: a whole, checked copy also while others write; a restore that
 * refuses what it cannot use and keeps the current database; rotation. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lotsen-backup.h"
#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-staff.h"
#include "lotsen-staff-session.h"
#include "lotsen-test-core.h"

static void
take_tickets (LotsenStore *store,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (store, "A", "sv", &error);

      g_assert_no_error (error);
      g_assert_nonnull (ticket);
    }
}

static void
seed (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
}

static char *
integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static void
test_backup_round_trip (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *ok = NULL;
  g_autofree char *kept_as = NULL;
  g_autofree char *listing = NULL;
  gint64 tickets, services;

  seed (fixture);
  take_tickets (fixture->store, 5);
  tickets = query_database_int (fixture->path, "SELECT count(*) FROM ticket");
  services = query_database_int (fixture->path, "SELECT count(*) FROM service");

  g_assert_true (lotsen_backup_write (fixture->path, copy, &error));
  g_assert_no_error (error);

  /* One file on its own, readable by its owner only, whole. */
  ok = integrity (copy);
  g_assert_cmpstr (ok, ==, "ok");
  g_assert_cmpint (query_database_int (copy, "SELECT count(*) FROM ticket"), ==, tickets);
  g_assert_cmpint (query_database_int (copy, "SELECT count(*) FROM service"), ==, services);
  g_assert_cmpint (query_database_int (copy, "SELECT journal_mode = 'delete' FROM pragma_journal_mode"), ==, 1);
  {
    GStatBuf buf;

    g_assert_cmpint (g_stat (copy, &buf), ==, 0);
    g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  }

  /* More tickets, then the backup goes back: the five are what is left,
   * and the database as it was is kept beside it. */
  take_tickets (fixture->store, 3);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket"), ==, tickets + 3);

  g_assert_true (lotsen_backup_restore (fixture->path, copy, &kept_as, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept_as);
  g_assert_true (g_str_has_prefix (kept_as, fixture->path));
  g_assert_nonnull (strstr (kept_as, ".before-restore-"));

  /* The kiosk's open connection sees the restored data. */
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket"), ==, tickets);
  g_assert_cmpint (query_database_int (kept_as, "SELECT count(*) FROM ticket"), ==, tickets + 3);
  {
    g_autoptr(GPtrArray) waiting = lotsen_queue_list_waiting (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (waiting->len, ==, tickets);
  }

  /* No temporary file stays behind. */
  listing = list_folder (fixture->dir, "lotsen.db");
  g_assert_cmpstr (listing, ==, "copy.db");
}

/* Another connection takes tickets as fast as it can while backups are
 * made: each copy is whole, and has every ticket up to some moment and
 * none after it (numbers 1 to N, no gap). */
typedef struct
{
  const char   *path;
  gint          stop;
  guint         taken;
} Writer;

static gpointer
write_tickets (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (writer->path, NULL, &error);

  g_assert_no_error (error);
  while (!g_atomic_int_get (&writer->stop))
    {
      g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (store, "B", NULL, &error);

      g_assert_no_error (error);
      writer->taken++;
    }

  return NULL;
}

static void
test_backup_while_writing (StoreFixture  *fixture,
                           gconstpointer  data)
{
  Writer writer = { .path = fixture->path };
  g_autoptr(GThread) thread = NULL;
  gint64 last = 0;

  seed (fixture);
  thread = g_thread_new ("writer", write_tickets, &writer);

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("copy-%d.db", i);
      g_autofree char *copy = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *ok = NULL;
      gint64 count, highest;

      g_usleep (20 * 1000);
      g_assert_true (lotsen_backup_write (fixture->path, copy, &error));
      g_assert_no_error (error);

      ok = integrity (copy);
      g_assert_cmpstr (ok, ==, "ok");
      count = query_database_int (copy, "SELECT count(*) FROM ticket");
      highest = query_database_int (copy, "SELECT coalesce(max(number), 0) FROM ticket");
      g_assert_cmpint (count, ==, highest);
      g_assert_cmpint (count, >=, last);
      last = count;
    }

  g_atomic_int_set (&writer.stop, TRUE);
  g_thread_join (g_steal_pointer (&thread));

  g_test_message ("%u tickets taken during the backups; the last copy had %" G_GINT64_FORMAT,
                  writer.taken, last);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket"), ==, writer.taken);
}

static void
test_backup_restore_refuses (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *listing = NULL;
  const char *files[] = { garbage, other, damaged, missing };
  gint64 tickets;

  seed (fixture);
  take_tickets (fixture->store, 4);
  tickets = query_database_int (fixture->path, "SELECT count(*) FROM ticket");

  g_assert_true (g_file_set_contents (garbage, "not a database at all, but long enough to be read as one", -1, NULL));

  /* Another program's database. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  /* A good backup with its pages overwritten in the middle. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (lotsen_backup_write (fixture->path, damaged, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 3 * 4096);
    memset (contents + 2 * 4096, 0x5a, length - 3 * 4096);
    g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      char *kept_as = (char *) "unchanged";

      g_assert_false (lotsen_backup_restore (fixture->path, files[i], &kept_as, &error));
      g_assert_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_INVALID);
      g_assert_null (kept_as);
      g_test_message ("%s: %s", files[i], error->message);
    }

  /* Nothing changed, and nothing was kept aside. */
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket"), ==, tickets);
  listing = list_folder (fixture->dir, "lotsen.db");
  g_assert_cmpstr (listing, ==, "damaged.db garbage.db other.db");
}

/* A damaged database is itself kept aside, and the backup takes its place. */
static void
test_backup_restore_over_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lotsen.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *kept_as = NULL;
  g_autofree char *contents = NULL;

  {
    g_autoptr(LotsenStore) store = lotsen_store_open (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (lotsen_demo_seed (store, &error));
    take_tickets (store, 2);
    g_assert_true (lotsen_backup_write (path, copy, &error));
    g_assert_no_error (error);
  }

  g_assert_true (g_file_set_contents (path, "this file was a database once, now it is not", -1, NULL));

  g_assert_true (lotsen_backup_restore (path, copy, &kept_as, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kept_as, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "this file was a database once, now it is not");
  g_assert_cmpint (query_database_int (path, "SELECT count(*) FROM ticket"), ==, 2);

  {
    g_autoptr(LotsenStore) store = lotsen_store_open (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_false (lotsen_store_get_created (store));
  }

  remove_tree (dir);
}

/* A Lotsen database of @n_tickets tickets, written as a backup at @path. */
static void
write_backup_with_tickets (const char *dir,
                           const char *path,
                           guint       n_tickets)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);

  {
    g_autoptr(LotsenStore) store = lotsen_store_open (source, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (lotsen_demo_seed (store, &error));
    take_tickets (store, n_tickets);
  }
  g_assert_true (lotsen_backup_write (source, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (source), ==, 0);
}

/* After damage at start-up staff are offered the newest backup that
 * can be restored: damaged, foreign and too new files are passed over;
 * on one day the backup folder comes before a stick. */
static void
test_backup_find_newest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-test-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *stick = g_build_filename (dir, "stick", NULL);
  g_autofree char *missing = g_build_filename (dir, "not-there", NULL);
  g_autoptr(GPtrArray) folders = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *newest = NULL;
  g_autofree char *expected = NULL;
  GDate date;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (stick, 0700), ==, 0);

  {
    g_autofree char *first = g_build_filename (folder, "lotsen-2026-12-01.db", NULL);
    g_autofree char *second = g_build_filename (folder, "lotsen-2026-12-02.db", NULL);
    g_autofree char *second_on_stick = g_build_filename (stick, "lotsen-2026-12-02.db", NULL);
    g_autofree char *damaged = g_build_filename (folder, "lotsen-2026-12-03.db", NULL);
    g_autofree char *foreign = g_build_filename (stick, "lotsen-2026-12-04.db", NULL);
    g_autofree char *too_new = g_build_filename (stick, "lotsen-2026-12-05.db", NULL);
    sqlite3 *db = NULL;

    write_backup_with_tickets (dir, first, 1);
    write_backup_with_tickets (dir, second, 2);
    write_backup_with_tickets (dir, second_on_stick, 3);
    g_assert_true (g_file_set_contents (damaged, "SQLite format 3 and then nothing", -1, NULL));
    g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    write_backup_with_tickets (dir, too_new, 4);
    g_assert_cmpint (sqlite3_open (too_new, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    expected = g_steal_pointer (&second);
  }

  g_ptr_array_add (folders, missing);
  g_ptr_array_add (folders, folder);
  g_ptr_array_add (folders, stick);
  g_test_expect_message ("lotsen-backup", G_LOG_LEVEL_MESSAGE, "*lotsen-2026-12-05.db cannot be used*newer version*");
  g_test_expect_message ("lotsen-backup", G_LOG_LEVEL_MESSAGE, "*lotsen-2026-12-04.db cannot be used*not a Lotsen database*");
  g_test_expect_message ("lotsen-backup", G_LOG_LEVEL_MESSAGE, "*lotsen-2026-12-03.db cannot be used*");
  newest = lotsen_backup_find_newest (folders, &date);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (newest, ==, expected);
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 12);
  g_assert_cmpint (g_date_get_day (&date), ==, 2);
  g_assert_cmpint (query_database_int (newest, "SELECT count(*) FROM ticket"), ==, 2);

  /* Nothing to offer. */
  g_assert_null (lotsen_backup_find_newest (none, NULL));
  g_ptr_array_remove_range (folders, 1, 2);
  g_assert_null (lotsen_backup_find_newest (folders, NULL));

  remove_tree (dir);
}

/* Staff restore the offered backup: only with staff mode open; the
 * database in use is kept aside, the backup's data is what the store now
 * reads, and the restore is in its audit table. */
static void
test_backup_staff_restore (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStaffSession) staff = lotsen_staff_session_new (fixture->store);
  g_autofree char *backup = g_build_filename (fixture->dir, "lotsen-2026-12-02.db", NULL);
  g_autofree char *kept_as = NULL;

  write_backup_with_tickets (fixture->dir, backup, 3);
  seed (fixture);
  take_tickets (fixture->store, 1);
  g_assert_true (lotsen_staff_ensure_pin (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_false (lotsen_staff_session_restore_backup (staff, backup, &kept_as, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kept_as);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket"), ==, 1);

  for (const char *d = LOTSEN_STAFF_DEMO_PIN; *d; d++)
    lotsen_staff_session_pin_key (staff, (char[]) { *d, '\0' });
  g_assert_false (lotsen_staff_session_pin_ok (staff));
  for (guint round = 0; round < 2; round++)
    {
      for (const char *d = "2580"; *d; d++)
        lotsen_staff_session_pin_key (staff, (char[]) { *d, '\0' });
      lotsen_staff_session_pin_ok (staff);
    }
  g_assert_true (lotsen_staff_session_get_unlocked (staff));

  g_assert_true (lotsen_staff_session_restore_backup (staff, backup, &kept_as, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept_as);
  g_assert_cmpint (query_database_int (kept_as, "SELECT count(*) FROM ticket"), ==, 1);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket"), ==, 3);
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count(*) FROM audit WHERE what = 'restore' AND detail = 'lotsen-2026-12-02.db'"), ==, 1);

  /* The open store reads the restored data: a ticket the database in
   * use never had. */
  {
    g_autoptr(LotsenTicket) third = lotsen_queue_get_ticket (fixture->store, 3, &error);

    g_assert_no_error (error);
    g_assert_nonnull (third);
    g_assert_cmpstr (third->label, ==, "A003");
  }
}

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
test_backup_rotate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-test-XXXXXX", &error);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1, 2, 0, 0);
  g_autofree char *listing = NULL;

  /* Two months of nightly backups, Thursday 1 January to 1 March 2026,
   * and files that are not dated backups. */
  for (int day = 0; day < 60; day++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_days (first, day);
      g_autofree char *name = g_date_time_format (at, "lotsen-%Y-%m-%d.db");

      touch (dir, name);
    }
  touch (dir, "lotsen-2026-13-01.db");
  touch (dir, "lotsen-2026-01-01.db.txt");
  touch (dir, "notes.txt");

  g_assert_true (lotsen_backup_rotate (dir, LOTSEN_BACKUP_KEEP_DAILY, LOTSEN_BACKUP_KEEP_WEEKLY, &error));
  g_assert_no_error (error);

  /* The last seven days (23 February – 1 March), then the newest of each
   * of the four weeks before: Sundays 22, 15, 8 and 1 February. */
  listing = list_folder (dir, NULL);
  g_assert_cmpstr (listing, ==,
                   "lotsen-2026-01-01.db.txt lotsen-2026-02-01.db lotsen-2026-02-08.db "
                   "lotsen-2026-02-15.db lotsen-2026-02-22.db "
                   "lotsen-2026-02-23.db lotsen-2026-02-24.db lotsen-2026-02-25.db "
                   "lotsen-2026-02-26.db lotsen-2026-02-27.db lotsen-2026-02-28.db "
                   "lotsen-2026-03-01.db lotsen-2026-13-01.db notes.txt");

  /* Once more changes nothing. */
  g_assert_true (lotsen_backup_rotate (dir, LOTSEN_BACKUP_KEEP_DAILY, LOTSEN_BACKUP_KEEP_WEEKLY, &error));
  {
    g_autofree char *again = list_folder (dir, NULL);

    g_assert_cmpstr (again, ==, listing);
  }

  remove_tree (dir);
}

static void
test_backup_to_folder (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 11, 25, 2, 30, 0);
  g_autofree char *written = NULL;
  g_autofree char *file = NULL;
  g_autofree char *failure = NULL;
  gint64 at = 0;

  g_assert_false (lotsen_backup_get_last (fixture->store, &at, &file, &failure));

  written = lotsen_backup_to_folder (fixture->path, folder, now, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (written, "/backups/lotsen-2026-11-25.db"));
  g_assert_true (lotsen_backup_record_result (fixture->store, written, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (lotsen_backup_get_last (fixture->store, &at, &file, &failure));
  g_assert_cmpint (at, ==, TEST_NOW);
  g_assert_cmpstr (file, ==, written);
  g_assert_null (failure);
  g_clear_pointer (&file, g_free);

  /* A failure is recorded with its reason, and no file. */
  {
    g_autoptr(GError) failed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");

    g_assert_true (lotsen_backup_record_result (fixture->store, NULL, failed, &error));
    g_assert_true (lotsen_backup_get_last (fixture->store, &at, &file, &failure));
    g_assert_null (file);
    g_assert_cmpstr (failure, ==, "No space left on device");
  }

  g_unlink (written);
  g_rmdir (folder);
}

/* Due once a local day, from the hour on. */
static void
test_backup_due (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GTimeZone *zone = lotsen_store_get_timezone (fixture->store);
  g_autoptr(GDateTime) early = g_date_time_new (zone, 2026, 11, 25, 2, 59, 0);
  g_autoptr(GDateTime) night = g_date_time_new (zone, 2026, 11, 25, 3, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new (zone, 2026, 11, 25, 23, 30, 0);
  g_autoptr(GDateTime) next = g_date_time_new (zone, 2026, 11, 26, 3, 10, 0);

  g_assert_false (lotsen_backup_is_due (fixture->store, early, 3));
  g_assert_true (lotsen_backup_is_due (fixture->store, night, 3));

  /* Tried at 10:00 on the 25th (the fixture's clock), even if it failed. */
  {
    g_autoptr(GError) failed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "failed");

    g_assert_true (lotsen_backup_record_result (fixture->store, NULL, failed, &error));
  }
  g_assert_false (lotsen_backup_is_due (fixture->store, night, 3));
  g_assert_false (lotsen_backup_is_due (fixture->store, evening, 3));
  g_assert_true (lotsen_backup_is_due (fixture->store, next, 3));
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* lotsen_backup_run_async(), waited for in the main loop. */
static char *
run_backup (const char  *database,
            GPtrArray   *folders,
            GDateTime   *now,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lotsen_backup_run_async (database, folders, now, NULL, run_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return lotsen_backup_run_finish (result, error);
}

/* In a worker thread, to each folder; one folder that cannot be written
 * makes it a failure, and the others still get their copy. */
static void
test_backup_run_async (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new (lotsen_store_get_timezone (fixture->store), 2026, 11, 25, 3, 0, 0);
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *stick = NULL;
  g_autofree char *written = NULL;

  g_ptr_array_add (folders, g_build_filename (fixture->dir, "backups", NULL));
  g_ptr_array_add (folders, g_build_filename (fixture->dir, "stick", NULL));

  written = run_backup (fixture->path, folders, now, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (written, "/backups/lotsen-2026-11-25.db"));
  stick = g_build_filename (fixture->dir, "stick", "lotsen-2026-11-25.db", NULL);
  g_assert_true (g_file_test (stick, G_FILE_TEST_IS_REGULAR));

  /* A file where a folder should be. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_ptr_array_add (folders, g_build_filename (blocker, "backups", NULL));
  g_clear_pointer (&written, g_free);
  written = run_backup (fixture->path, folders, now, &error);
  g_assert_null (written);
  g_assert_nonnull (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *file = g_build_filename (folders->pdata[i], "lotsen-2026-11-25.db", NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      g_unlink (file);
      g_rmdir (folders->pdata[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/round-trip", StoreFixture, NULL,
              store_fixture_set_up, test_backup_round_trip, store_fixture_tear_down);
  g_test_add ("/backup/while-writing", StoreFixture, NULL,
              store_fixture_set_up, test_backup_while_writing, store_fixture_tear_down);
  g_test_add ("/backup/restore-refuses", StoreFixture, NULL,
              store_fixture_set_up, test_backup_restore_refuses, store_fixture_tear_down);
  g_test_add_func ("/backup/restore-over-damaged", test_backup_restore_over_damaged);
  g_test_add_func ("/backup/rotate", test_backup_rotate);
  g_test_add_func ("/backup/find-newest", test_backup_find_newest);
  g_test_add ("/backup/staff-restore", StoreFixture, NULL,
              store_fixture_set_up, test_backup_staff_restore, store_fixture_tear_down);
  g_test_add ("/backup/due", StoreFixture, NULL,
              store_fixture_set_up, test_backup_due, store_fixture_tear_down);
  g_test_add ("/backup/run-async", StoreFixture, NULL,
              store_fixture_set_up, test_backup_run_async, store_fixture_tear_down);
  g_test_add ("/backup/to-folder", StoreFixture, NULL,
              store_fixture_set_up, test_backup_to_folder, store_fixture_tear_down);

  return g_test_run ();
}
