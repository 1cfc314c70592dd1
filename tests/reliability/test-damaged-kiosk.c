/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk window on damaged database files, opened as the kiosk opens
 * its database at start-up: a damaged file is kept aside byte for byte
 * and a new one started (tickets work again), and what cannot be opened
 * at all (a folder in its place) shows the out-of-order page.  Never a
 * crash, never a ticket that cannot be kept. */
#include "config.h"

#include "lotsen-test-damage.h"
#include "lotsen-test-ui.h"
#include "lotsen-test-util.h"

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_damaged_kiosk (gconstpointer data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-damaged-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lotsen.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(LotsenStore) store = NULL;
  LotsenWindow *window;

  g_assert_no_error (error);
  make_whole_database (path, 1500);
  damage_database (path, damage);
  before = checksum_of (path);

  store = lotsen_store_open_or_recover (path, NULL, lotsen_demo_seed, &moved, &error);
  window = lotsen_window_new (NULL, store, error ? error->message : NULL, moved);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  lotsen_test_ui_wait (GTK_WIDGET (window));

  g_test_message ("%s: %s", damage_names[damage],
                  store ? "kept aside, a new database started" : error->message);

  if (store == NULL)
    {
      /* Nothing to keep aside: out of order, no ticket to tap. */
      g_assert_cmpint (damage, ==, DAMAGE_DIRECTORY);
      g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "problem");
      g_assert_null (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.take-ticket", NULL));
    }
  else
    {
      g_autofree char *kept = checksum_of (moved);

      g_assert_nonnull (moved);
      g_assert_cmpstr (kept, ==, before);
      g_assert_true (lotsen_store_get_created (store));
      g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "welcome");

      lotsen_test_ui_tap (GTK_WIDGET (window), "win.show-page", "queue");
      lotsen_test_ui_tap (GTK_WIDGET (window), "win.take-ticket", "A");
      g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "ticket");
      g_assert_true (lotsen_test_ui_holds_text (GTK_WIDGET (window), "A001"));
    }

  lotsen_test_ui_destroy_window (window);
  g_clear_object (&store);

  if (damage == DAMAGE_DIRECTORY)
    g_rmdir (path);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

  /* Each kind of damage is reported (moved aside, out of order) with a
   * warning in the log, as it should be; criticals still fail. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  for (Damage damage = 0; damage < N_DAMAGES; damage++)
    {
      g_autofree char *name = g_strdup_printf ("/reliability/damaged/kiosk/%s", damage_names[damage]);

      g_strdelimit (name, " ", '-');
      g_test_add_data_func (name, GINT_TO_POINTER (damage), test_damaged_kiosk);
    }

  return g_test_run ();
}
