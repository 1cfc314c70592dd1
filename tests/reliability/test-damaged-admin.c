/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-admin on damaged database files: it says so and exits 3, for
 * reading and for writing commands alike, and leaves the file exactly as
 * it was (the kiosk keeps it aside at its next start).  And neither
 * program accepts an empty database name. */
#include "config.h"

#include <sys/stat.h>

#include "lotsen-test-damage.h"
#include "lotsen-test-spawn.h"
#include "lotsen-test-util.h"

static const char *admin_path;
static const char *kiosk_path;

static char *
read_or_folder (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_strdup ("(a folder)");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_damaged_admin (void)
{
  static const char * const commands[][6] = {
    { "queue", NULL },
    { "export", "tickets", "--output", "-", NULL },
    { "ticket", "take", "A", NULL },
    { "activity", "list", NULL },
  };
  guint runs = 0;

  for (Damage damage = 0; damage < N_DAMAGES; damage++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("lotsen-damaged-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "lotsen.db", NULL);
      g_autofree char *before = NULL;

      g_assert_no_error (error);
      make_whole_database (path, 2000);
      damage_database (path, damage);
      before = read_or_folder (path);

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autofree char *after = NULL;
          const char *argv[10] = { admin_path, "--database", path };
          Child child;
          guint n = 3;

          for (guint a = 0; commands[c][a] != NULL; a++)
            argv[n++] = commands[c][a];
          argv[n] = NULL;

          child_start (&child, argv);
          child_finish (&child);
          g_test_message ("%s: %s, exit %d", damage_names[damage], commands[c][0], child.status);
          g_assert_cmpint (child.status, ==, 3);
          child_clear (&child);
          runs++;

          after = read_or_folder (path);
          g_assert_cmpstr (after, ==, before);
        }

      if (damage == DAMAGE_DIRECTORY)
        g_rmdir (path);
      remove_tree (dir);
    }

  g_test_message ("%u damaged files, %u commands: every one exit 3, the file untouched", N_DAMAGES, runs);
}

#define NOBODY 65534

/* In the child: as the kiosk's own user, for whom permission bits count
 * (root's writes are not stopped by them). */
static void
become_nobody (gpointer data)
{
  if (geteuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (99);
}

/* A database file its user may read but not write (mode 0444). */
static void
test_read_only_admin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-read-only-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lotsen.db", NULL);
  const char *take[] = { admin_path, "--database", path, "ticket", "take", "A", NULL };
  Child child;

  g_assert_no_error (error);
  make_whole_database (path, 10);
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (dir, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  child_start_with_setup (&child, take, become_nobody);
  child_finish (&child);
  g_assert_cmpint (child.status, ==, 3);
  g_assert_cmpstr (child.out, ==, "");
  child_clear (&child);

  g_assert_cmpint (database_int (path, "SELECT count(*) FROM ticket"), ==, 10);
  remove_tree (dir);
}

/* A read-only and a full file system, where the runner can mount them
 * (build-aux/run-tests.sh): exit 3, and nothing half-made left that is
 * not a database. */
static void
test_mounted_admin (gconstpointer data)
{
  const char *variable = data;
  const char *folder = g_getenv (variable);
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *path = NULL;
  Child child;

  if (folder == NULL)
    {
      g_test_skip_printf ("No such file system here (%s is not set)", variable);
      return;
    }

  /* A folder of our own, as tests may share the mount. */
  sub = g_build_filename (folder, "lotsen-admin-XXXXXX", NULL);
  if (g_mkdtemp (sub) == NULL)
    g_clear_pointer (&sub, g_free);
  path = g_build_filename (sub ? sub : folder, "lotsen.db", NULL);

  {
    const char *take[] = { admin_path, "--database", path, "ticket", "take", "A", NULL };

    child_start (&child, take);
    child_finish (&child);
    g_test_message ("%s: ticket take, exit %d", variable, child.status);
    g_assert_cmpint (child.status, ==, 3);
    g_assert_cmpstr (child.out, ==, "");
    child_clear (&child);
  }

  if (sub != NULL)
    remove_tree (sub);
}

static void
test_empty_database_name (void)
{
  const char *admin_argv[] = { admin_path, "--database", "", "ticket", "take", "A", NULL };
  const char *kiosk_argv[] = { kiosk_path, "--database", "", "--windowed", NULL };
  Child admin, kiosk;

  child_start (&admin, admin_argv);
  child_finish (&admin);
  g_assert_cmpint (admin.status, ==, 2);
  g_assert_cmpstr (admin.out, ==, "");
  child_clear (&admin);

  if (kiosk_path == NULL)
    {
      g_test_skip ("The kiosk is not built (-Dui=false)");
      return;
    }

  /* Refused before the kiosk needs a display. */
  child_start (&kiosk, kiosk_argv);
  child_finish (&kiosk);
  g_assert_cmpint (kiosk.status, ==, 2);
  child_clear (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: test-damaged-admin PATH-TO-LOTSEN-ADMIN [PATH-TO-LOTSEN]");
  admin_path = argv[1];
  kiosk_path = argc > 2 ? argv[2] : NULL;

  g_test_add_func ("/reliability/damaged/admin", test_damaged_admin);
  g_test_add_func ("/reliability/read-only/admin", test_read_only_admin);
  g_test_add_data_func ("/reliability/read-only-mount/admin", "LOTSEN_TEST_READONLY_FOLDER", test_mounted_admin);
  g_test_add_data_func ("/reliability/full-disk/admin", "LOTSEN_TEST_FULL_FOLDER", test_mounted_admin);
  g_test_add_func ("/reliability/empty-database-name", test_empty_database_name);

  return g_test_run ();
}
