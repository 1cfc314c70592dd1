/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The power cut: a writer process (power-cut-writer) takes tickets,
 * registers visitors and signs people up until it is killed with SIGKILL
 * at a random moment, round after round on one database.  Every record it
 * acknowledged must be there afterwards, ticket numbers without a gap or
 * a duplicate, and the file whole (integrity and foreign keys). */
#include "config.h"

#include <string.h>

#include "lotsen-test-spawn.h"
#include "lotsen-test-util.h"

#define ROUNDS 40

static const char *writer_path;

static void
test_power_cut (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-power-cut-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lotsen.db", NULL);
  g_autoptr(GPtrArray) acknowledged = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *integrity = NULL;
  g_autofree char *foreign = NULL;
  guint found = 0, kinds[3] = { 0 };
  gint64 tickets, gaps;

  g_assert_no_error (error);

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *argv[] = { writer_path, path, NULL };
      g_auto(GStrv) lines = NULL;
      Child child;

      child_start (&child, argv);
      /* A power cut at any moment: while it opens, writes or commits. */
      g_usleep (g_random_int_range (20, 400) * 1000);
      kill (child.pid, SIGKILL);
      child_finish (&child);
      g_assert_cmpint (child.status, ==, 128 + SIGKILL);

      /* Only whole lines were acknowledged. */
      lines = g_strsplit (child.out, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        g_ptr_array_add (acknowledged, g_strdup (lines[i]));
      child_clear (&child);
    }

  /* Every acknowledged record is there, once. */
  for (guint i = 0; i < acknowledged->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_ptr_array_index (acknowledged, i), " ", -1);
      g_autofree char *sql = NULL;
      guint kind;

      if (g_str_equal (words[0], "ticket"))
        {
          kind = 0;
          sql = g_strdup_printf ("SELECT count(*) FROM ticket WHERE uuid = '%s' AND label = '%s'", words[1], words[2]);
        }
      else if (g_str_equal (words[0], "visitor"))
        {
          kind = 1;
          sql = g_strdup_printf ("SELECT count(*) FROM visitor WHERE uuid = '%s'", words[1]);
        }
      else
        {
          g_assert_cmpstr (words[0], ==, "signup");
          kind = 2;
          sql = g_strdup_printf ("SELECT count(*) FROM signup WHERE uuid = '%s'", words[1]);
        }

      kinds[kind]++;
      if (database_int (path, sql) == 1)
        found++;
      else
        g_test_message ("lost: %s", (const char *) g_ptr_array_index (acknowledged, i));
    }

  /* Numbers count 1, 2, 3, … per service and day: no gap, no twin. */
  tickets = database_int (path, "SELECT count(*) FROM ticket");
  gaps = database_int (path, "SELECT count(*) FROM (SELECT service_id, day, max(number) AS top, count(*) AS n, "
                             "count(DISTINCT number) AS d FROM ticket GROUP BY service_id, day) "
                             "WHERE top != n OR d != n");
  integrity = database_text (path, "PRAGMA integrity_check");
  foreign = database_text (path, "PRAGMA foreign_key_check");

  g_test_message ("%u power cuts: %u records acknowledged (%u tickets, %u registrations, %u sign-ups), "
                  "%u found; %" G_GINT64_FORMAT " tickets stored, %" G_GINT64_FORMAT " number gaps; "
                  "integrity %s; foreign keys %s",
                  ROUNDS, acknowledged->len, kinds[0], kinds[1], kinds[2], found, tickets, gaps,
                  integrity, *foreign ? foreign : "ok");

  g_assert_cmpuint (acknowledged->len, >, 0);
  g_assert_cmpuint (found, ==, acknowledged->len);
  g_assert_cmpint (gaps, ==, 0);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpstr (foreign, ==, "");

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: test-power-cut PATH-TO-POWER-CUT-WRITER");
  writer_path = argv[1];

  g_test_add_func ("/reliability/power-cut", test_power_cut);

  return g_test_run ();
}
