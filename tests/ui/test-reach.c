/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What assistive technology reaches, and what it can do, checked as a
 * screen reader or a switch device would use the kiosk: only the page on
 * screen can be reached, staff mode stays locked whatever is activated
 * once staff have left it, and activations that come without a pointer
 * keep the visit alive as taps do. */
#include "config.h"

#include <adwaita.h>

#include "lotsen-queue.h"
#include "lotsen-register-page.h"
#include "lotsen-staff-page.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-window.h"

typedef LotsenUiFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  lotsen_ui_fixture_set_up (fixture, TRUE, 1280, 800);
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* Activates @button as the accessibility bus does (its "activate"
 * signal, no pointer event), and waits until it has been clicked. */
static void
activate_like_a_screen_reader (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (button));

  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_ref (button);
  g_assert_true (gtk_widget_activate (button));
  /* GTK shows the button pressed for a moment first. */
  while (!clicked && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (clicked);
  g_signal_handler_disconnect (button, id);
  g_object_unref (button);
  lotsen_test_ui_wait (window);
}

/* Every page on the way through registering, and the step it is at:
 * nothing that is not on screen can be reached, and the name typed on
 * the first step is in no field once the visitor has gone on. */
static void
test_only_the_screen_is_reached (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char * const steps[] = { "name", "about", "contact", "interests", "check" };

  lotsen_test_ui_assert_reach_is_screen (lotsen_ui_fixture_root (fixture), "the welcome page");

  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  lotsen_test_ui_assert_reach_is_screen (lotsen_ui_fixture_root (fixture), "the queue page");
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_test_ui_assert_reach_is_screen (lotsen_ui_fixture_root (fixture), "the consent page");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "z");
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "e");
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "l");
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "d");
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "a");
  g_assert_true (lotsen_test_ui_reaches_text (lotsen_ui_fixture_root (fixture), "zelda"));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *where = g_strdup_printf ("the registration's %s step", steps[i]);

      lotsen_test_ui_assert_reach_is_screen (lotsen_ui_fixture_root (fixture), where);
      /* No earlier page is left in the window at all. */
      g_assert_null (lotsen_window_get_page (fixture->window, "welcome"));
      g_assert_null (lotsen_window_get_page (fixture->window, "consent"));
      /* Gone from every widget once the visitor went on; on the last
       * step it is read back to them, in a label. */
      if (i > 0 && i + 1 < G_N_ELEMENTS (steps))
        g_assert_false (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "zelda"));
      if (i + 1 == G_N_ELEMENTS (steps))
        {
          g_assert_true (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "zelda"));
          g_assert_false (lotsen_test_ui_reaches_text (lotsen_ui_fixture_root (fixture), "zelda"));
        }
      if (i + 1 < G_N_ELEMENTS (steps))
        lotsen_ui_fixture_tap (fixture, "register.next", NULL);
    }

  /* Back to the first step: the name is there again, to go on typing. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (steps); i++)
    lotsen_ui_fixture_tap (fixture, "register.back", NULL);
  g_assert_true (lotsen_test_ui_reaches_text (lotsen_ui_fixture_root (fixture), "zelda"));
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "n");
  g_assert_true (lotsen_test_ui_reaches_text (lotsen_ui_fixture_root (fixture), "zeldan"));
}

/* Staff open the panel, go back to the visitor view, and then every
 * staff action is tried by name, as the accessibility bus could: none
 * of them changes the database, and no staff page is left to reach. */
static void
test_staff_mode_locks (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const page_actions[] = {
    "staff.call-next", "activities.new", "activities.edit", "editor.save",
    "editor.cancel-session", "export.run", "export.choose-folder",
  };
  const char * const staff_pages[] = { "staff", "staff-activities", "staff-attendance", "staff-export" };
  const char *count_sql = "SELECT (SELECT count(*) FROM ticket WHERE status != 'waiting') * 1000000"
                          " + (SELECT count(*) FROM activity) * 1000 + (SELECT count(*) FROM audit)";
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  gint64 before;

  ticket = lotsen_queue_take_ticket (fixture->store, "A", "sv", &error);
  g_assert_no_error (error);

  lotsen_test_ui_unlock_staff (fixture->window, "4321");
  lotsen_ui_fixture_assert_page (fixture, "staff");
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);
  lotsen_ui_fixture_assert_page (fixture, "welcome");
  before = query_database_int (fixture->path, count_sql);

  g_assert_null (lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), LOTSEN_TYPE_STAFF_PAGE, NULL));
  g_assert_null (lotsen_window_get_page (fixture->window, "staff"));

  gtk_widget_activate_action (lotsen_ui_fixture_root (fixture), "win.call-next", "i", 1);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  gtk_widget_activate_action (lotsen_ui_fixture_root (fixture), "win.finish-ticket", "s", "done");
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  gtk_widget_activate_action (lotsen_ui_fixture_root (fixture), "win.recall-ticket", NULL);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  gtk_widget_activate_action (lotsen_ui_fixture_root (fixture), "win.transfer-ticket", "s", "B");
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    g_assert_false (gtk_widget_activate_action (lotsen_ui_fixture_root (fixture), page_actions[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (staff_pages); i++)
    {
      gtk_widget_activate_action (lotsen_ui_fixture_root (fixture), "win.show-page", "s", staff_pages[i]);
      lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
      lotsen_ui_fixture_assert_page (fixture, "staff-pin");
    }

  g_assert_cmpint (query_database_int (fixture->path, count_sql), ==, before);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket WHERE status = 'waiting'"), ==, 1);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket t JOIN service s ON s.id = t.service_id WHERE s.prefix = 'A'"), ==, 1);
}

/* A switch or screen reader user who keeps going, one activation every
 * three seconds, is never wiped, though no pointer ever moves. */
static void
test_activations_keep_the_visit (Fixture       *fixture,
                                 gconstpointer  data)
{
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *key = lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "keyboard.type", i % 2 ? "a" : "b");

      g_assert_nonnull (key);
      lotsen_clock_advance (fixture->clock, 3);
      activate_like_a_screen_reader (key);
      lotsen_ui_fixture_assert_page (fixture, "register");
    }

  /* 120 s later, past the 90 s time limit: still there, all typed. */
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_ENTRY, NULL)))), ==, 40);

  /* And once they stop, the limit holds. */
  lotsen_clock_advance (fixture->clock, 91);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  lotsen_ui_fixture_assert_page (fixture, "welcome");
  g_assert_false (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "abab"));
}

/* "Are you still there?" is announced as an alert and is all there is:
 * the form beneath cannot be reached or worked until it is answered, and
 * then it is back as it was. */
static void
test_idle_warning_is_modal (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) reachable = NULL;
  GtkWidget *alert = NULL;

  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "q");

  lotsen_window_show_idle_warning (fixture->window);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));

  reachable = lotsen_test_ui_collect_reachable (lotsen_ui_fixture_root (fixture));
  for (guint i = 0; i < reachable->len; i++)
    {
      GtkWidget *widget = reachable->pdata[i];

      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ALERT)
        alert = widget;
      g_assert_false (GTK_IS_EDITABLE (widget));
      g_assert_null (gtk_widget_get_ancestor (widget, LOTSEN_TYPE_REGISTER_PAGE));
    }
  g_assert_nonnull (alert);
  g_assert_nonnull (lotsen_test_ui_find_action (alert, "win.still-here", NULL));
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "keyboard.type", "q"));

  lotsen_ui_fixture_tap (fixture, "win.still-here", NULL);
  lotsen_ui_fixture_assert_page (fixture, "register");
  g_assert_true (lotsen_test_ui_reaches_text (lotsen_ui_fixture_root (fixture), "q"));
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "keyboard.type", "q"));
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)

  ADD ("/reach/only-the-screen", test_only_the_screen_is_reached);
  ADD ("/reach/staff-mode-locks", test_staff_mode_locks);
  ADD ("/reach/activations-keep-the-visit", test_activations_keep_the_visit);
  ADD ("/reach/idle-warning-is-modal", test_idle_warning_is_modal);

  return g_test_run ();
}
