/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Six lotsen-admin processes open a database that does not exist yet, all
 * at the same moment: every one must take its ticket, and the schema and
 * the demo data must be there once, whole. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "lotsen-test-spawn.h"
#include "lotsen-test-util.h"

#define PROCESSES 6
#define ROUNDS    25

static const char *admin_path;

static void
test_first_open_race (void)
{
  guint failures = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("lotsen-race-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "new", "lotsen.db", NULL);
      g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *integrity = NULL;
      const char *argv[] = { admin_path, "--database", path, "ticket", "take", "A", NULL };
      Child children[PROCESSES];

      g_assert_no_error (error);

      for (guint i = 0; i < PROCESSES; i++)
        child_start (&children[i], argv);

      for (guint i = 0; i < PROCESSES; i++)
        {
          child_finish (&children[i]);
          if (children[i].status != 0)
            {
              failures++;
              g_test_message ("round %u, process %u: exit %d", round, i, children[i].status);
            }
          else
            g_hash_table_add (labels, g_strdup (g_strstrip (children[i].out)));
          child_clear (&children[i]);
        }

      /* Every process got a number of its own. */
      g_assert_cmpuint (failures, ==, 0);
      g_assert_cmpuint (g_hash_table_size (labels), ==, PROCESSES);
      for (guint i = 1; i <= PROCESSES; i++)
        {
          g_autofree char *label = g_strdup_printf ("A%03u", i);
          g_assert_true (g_hash_table_contains (labels, label));
        }

      /* The schema once and whole, the demo data once. */
      integrity = database_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (integrity, ==, "ok");
      g_assert_cmpint (database_int (path, "PRAGMA user_version"), >, 0);
      g_assert_cmpint (database_int (path, "SELECT count(*) FROM setting WHERE key = 'kiosk_id'"), ==, 1);
      g_assert_cmpint (database_int (path, "SELECT count(*) FROM service"), ==,
                       database_int (path, "SELECT count(DISTINCT prefix) FROM service"));
      g_assert_cmpint (database_int (path, "SELECT count(*) FROM municipality"), ==, 5);
      g_assert_cmpint (database_int (path, "SELECT count(*) FROM ticket"), ==, PROCESSES);

      {
        g_autofree char *sub = g_path_get_dirname (path);
        remove_tree (sub);
        remove_tree (dir);
      }
    }

  g_test_message ("%u rounds of %u processes on a new database: %u failed", ROUNDS, PROCESSES, failures);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: test-first-open PATH-TO-LOTSEN-ADMIN");
  admin_path = argv[1];

  g_test_add_func ("/reliability/first-open-race", test_first_open_race);

  return g_test_run ();
}
