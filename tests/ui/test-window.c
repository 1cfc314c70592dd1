/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk window driven as a visitor and staff would drive it: tap the
 * button, run the main loop, then check the screen and the database. */
#include "config.h"

#include <adwaita.h>

#include "lotsen-activity.h"
#include "lotsen-backup.h"
#include "lotsen-demo.h"
#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-queue.h"
#include "lotsen-staff.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-tile.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

typedef LotsenUiFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  lotsen_ui_fixture_set_up (fixture, TRUE, 1280, 800);
}

static LotsenTicket *
find_ticket (Fixture    *fixture,
             const char *label)
{
  g_autoptr(GError) error = NULL;
  LotsenTicket *ticket = lotsen_queue_find_ticket (fixture->store, label, &error);

  g_assert_no_error (error);
  return ticket;
}

static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  if (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), text) == NULL)
    g_error ("The %s page does not show “%s”", lotsen_window_get_page_name (fixture->window), text);
}

static void
take_ticket_in (Fixture    *fixture,
                const char *language)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenService) service = NULL;
  GtkWidget *tile;

  lotsen_ui_fixture_choose_language (fixture, language);
  g_assert_cmpstr (lotsen_window_get_language (fixture->window), ==, language);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "queue");

  /* The service tile is named in the visitor's language. */
  tile = lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.take-ticket", "A");
  g_assert_nonnull (tile);
  service = lotsen_queue_get_service (fixture->store, "A", language, NULL);
  g_assert_cmpstr (service->name_lang, ==, language);
  g_assert_cmpstr (lotsen_tile_get_text (LOTSEN_TILE (tile)), ==, service->name);

  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "ticket");

  /* What the screen shows is what was stored. */
  ticket = find_ticket (fixture, "A001");
  g_assert_cmpint (ticket->id, ==, lotsen_visit_get_ticket_id (lotsen_window_get_visit (fixture->window)));
  g_assert_cmpstr (ticket->lang, ==, language);
  g_assert_cmpint (ticket->status, ==, LOTSEN_TICKET_WAITING);
  assert_shows (fixture, "A001");
  assert_shows (fixture, _("Your number"));
  assert_shows (fixture, _("You are next."));
}

static void
test_take_ticket_swedish (Fixture       *fixture,
                          gconstpointer  data)
{
  take_ticket_in (fixture, "sv");
  assert_shows (fixture, "Allmän rådgivning");
  g_assert_cmpint (gtk_widget_get_direction (lotsen_window_get_page (fixture->window, "ticket")), ==, GTK_TEXT_DIR_LTR);

  /* Done: back to the start, ready for the next person. */
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "welcome");
  g_assert_cmpint (lotsen_visit_get_ticket_id (lotsen_window_get_visit (fixture->window)), ==, 0);
}

static void
test_take_ticket_arabic (Fixture       *fixture,
                         gconstpointer  data)
{
  take_ticket_in (fixture, "ar");
  assert_shows (fixture, "استشارة عامة");
  g_assert_cmpint (gtk_widget_get_direction (lotsen_window_get_page (fixture->window, "ticket")), ==, GTK_TEXT_DIR_RTL);

  /* The next visitor starts in the default language, left to right. */
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  g_assert_cmpstr (lotsen_window_get_language (fixture->window), ==, "sv");
  g_assert_cmpint (gtk_widget_get_direction (lotsen_window_get_page (fixture->window, "welcome")), ==, GTK_TEXT_DIR_LTR);
}

/* sv → ar → ti → sv in one process, mid-journey, without losing the ticket. */
static void
test_language_switch (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { const char *code; GtkTextDirection direction; } steps[] = {
    { "sv", GTK_TEXT_DIR_LTR },
    { "ar", GTK_TEXT_DIR_RTL },
    { "ti", GTK_TEXT_DIR_LTR },
    { "sv", GTK_TEXT_DIR_LTR },
  };
  g_autofree char *first_swedish = NULL;
  gint64 ticket_id;

  take_ticket_in (fixture, "sv");
  ticket_id = lotsen_visit_get_ticket_id (lotsen_window_get_visit (fixture->window));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *page;
      GtkWidget *pressed;
      g_autofree char *heading = NULL;

      lotsen_ui_fixture_choose_language (fixture, steps[i].code);

      /* Still the same visitor, on the same page, with the same ticket. */
      g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "ticket");
      g_assert_cmpint (lotsen_visit_get_ticket_id (lotsen_window_get_visit (fixture->window)), ==, ticket_id);
      assert_shows (fixture, "A001");

      /* Every string re-translated: the heading is the catalogue's, and not English. */
      heading = g_strdup (_("Your number"));
      g_assert_cmpstr (heading, !=, "Your number");
      assert_shows (fixture, heading);
      if (i == 0)
        first_swedish = g_strdup (heading);
      if (g_str_equal (steps[i].code, "ar"))
        assert_shows (fixture, "استشارة عامة");
      if (g_str_equal (steps[i].code, "ti"))
        assert_shows (fixture, "ሓፈሻዊ ምኽሪ");

      page = lotsen_window_get_page (fixture->window, "ticket");
      g_assert_cmpint (gtk_widget_get_direction (page), ==, steps[i].direction);

      /* The language button shows which language is on, and so does its grid. */
      assert_shows (fixture, lotsen_i18n_lookup (steps[i].code)->native_name);
      lotsen_ui_fixture_tap (fixture, "win.choose-language", NULL);
      pressed = lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_TOGGLE_BUTTON, steps[i].code);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pressed)));
      /* Back without a change: the same page. */
      lotsen_ui_fixture_tap (fixture, "win.close-languages", NULL);
      g_assert_null (lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_TOGGLE_BUTTON, steps[i].code));
      assert_shows (fixture, "A001");
    }

  g_assert_cmpstr (_("Your number"), ==, first_swedish);

  /* The next screen opened is in the new language too. */
  lotsen_ui_fixture_choose_language (fixture, "ar");
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  lotsen_ui_fixture_choose_language (fixture, "fa");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  assert_shows (fixture, _("Queue ticket"));
  assert_shows (fixture, "مشاوره عمومی");
  g_assert_cmpint (gtk_widget_get_direction (lotsen_window_get_page (fixture->window, "queue")), ==, GTK_TEXT_DIR_RTL);
}

static void
test_interpreter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LotsenTicket) asked = NULL;
  g_autoptr(LotsenTicket) cleared = NULL;
  g_autofree char *shown = NULL;

  take_ticket_in (fixture, "ar");
  lotsen_ui_fixture_tap (fixture, "ticket.choose-interpreter", NULL);
  lotsen_ui_fixture_tap (fixture, "win.set-interpreter", "ti");

  asked = find_ticket (fixture, "A001");
  g_assert_cmpstr (asked->interpreter_lang, ==, "ti");
  shown = g_strdup_printf (_("You asked for an interpreter: %s"), "ትግርኛ");
  assert_shows (fixture, shown);

  lotsen_ui_fixture_tap (fixture, "ticket.choose-interpreter", NULL);
  lotsen_ui_fixture_tap (fixture, "win.set-interpreter", "");
  cleared = find_ticket (fixture, "A001");
  g_assert_null (cleared->interpreter_lang);
}

/* The interpreter choice is the site's list, not the kiosk's languages:
 * Amharic and Dari are there, Swedish is not; each named in the
 * visitor's language and its own; staff's changes show. */
static void
test_interpreter_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LotsenTicket) asked = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *amharic;
  g_auto(GStrv) offered = lotsen_interpreter_list (fixture->store);
  guint buttons = 0;

  g_assert_true (lotsen_interpreter_remove (fixture->store, "vi", &error));
  g_assert_no_error (error);
  take_ticket_in (fixture, "sv");
  lotsen_ui_fixture_tap (fixture, "ticket.choose-interpreter", NULL);

  for (guint i = 0; offered[i] != NULL; i++)
    if (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.set-interpreter", offered[i]) != NULL)
      buttons++;
  g_assert_cmpuint (buttons, ==, g_strv_length (offered) - 1);
  g_assert_cmpuint (buttons, >=, 20);
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.set-interpreter", "vi"));
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.set-interpreter", "sv"));
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.set-interpreter", "prs"));

  amharic = lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.set-interpreter", "am");
  g_assert_nonnull (amharic);
  g_assert_nonnull (lotsen_test_ui_find_label (amharic, "አማርኛ"));
  g_assert_nonnull (lotsen_test_ui_find_label (amharic, "amhariska"));
  g_assert_cmpint (gtk_widget_get_height (amharic), >=, 72);

  lotsen_ui_fixture_tap (fixture, "win.set-interpreter", "am");
  asked = find_ticket (fixture, "A001");
  g_assert_cmpstr (asked->interpreter_lang, ==, "am");
}

static void
test_queue_position (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *ahead = NULL;

  for (int i = 0; i < 3; i++)
    lotsen_ticket_free (lotsen_queue_take_ticket (fixture->store, "A", NULL, NULL));

  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");

  assert_shows (fixture, "A004");
  ahead = g_strdup_printf (ngettext ("%d person is ahead of you.", "%d people are ahead of you.", 3), 3);
  assert_shows (fixture, ahead);
}

static void
test_ticket_time_limit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LotsenWindow *window;

  /* A window that shows a ticket for one second. */
  g_settings_set_uint (settings, "ticket-seconds", 1);
  window = lotsen_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lotsen_window_set_language (window, "uk");
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.show-page", "queue"));
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.take-ticket", "B"));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "ticket");

  lotsen_clock_advance (fixture->clock, 1);
  lotsen_test_ui_wait (GTK_WIDGET (window));

  /* Back at the start, in the default language; the ticket is kept. */
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "welcome");
  g_assert_cmpstr (lotsen_window_get_language (window), ==, "sv");
  lotsen_ticket_free (find_ticket (fixture, "B001"));

  g_settings_reset (settings, "ticket-seconds");
  lotsen_test_ui_destroy_window (window);
}

/* The ticket's time limit runs only while the ticket is shown: a visitor
 * who goes on to register is not sent back to the start by it. */
static void
test_ticket_time_limit_left_behind (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LotsenWindow *window;

  g_settings_set_uint (settings, "ticket-seconds", 1);
  window = lotsen_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.show-page", "queue"));
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.take-ticket", "A"));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "ticket");

  /* On from the ticket to What's on: three seconds later, still there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "activities");
  lotsen_clock_advance (fixture->clock, 3);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "activities");

  /* While it is on screen, the limit holds: one second and it is gone. */
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.go-home", NULL));
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.show-page", "queue"));
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.take-ticket", "A"));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "ticket");
  lotsen_clock_advance (fixture->clock, 1);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "welcome");

  g_settings_reset (settings, "ticket-seconds");
  lotsen_test_ui_destroy_window (window);
}

static void
test_staff_call (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LotsenTicket) called = NULL;
  g_autoptr(LotsenTicket) done = NULL;
  g_autofree char *serving = NULL;
  GtkWidget *spin;

  lotsen_ticket_free (lotsen_queue_take_ticket (fixture->store, "C", NULL, NULL));
  lotsen_ticket_free (lotsen_queue_take_ticket (fixture->store, "A", NULL, NULL));

  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  assert_shows (fixture, "C001");
  assert_shows (fixture, "A001");

  spin = lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 4);
  lotsen_ui_fixture_tap (fixture, "staff.call-next", NULL);

  called = find_ticket (fixture, "C001");
  g_assert_cmpint (called->status, ==, LOTSEN_TICKET_CALLED);
  g_assert_cmpint (called->desk, ==, 4);
  serving = g_strdup_printf (_("Now serving %s"), "C001");
  assert_shows (fixture, serving);

  lotsen_ui_fixture_tap (fixture, "win.finish-ticket", "done");
  done = find_ticket (fixture, "C001");
  g_assert_cmpint (done->status, ==, LOTSEN_TICKET_DONE);
  assert_shows (fixture, _("No ticket called at this desk."));
}

static void
show_staff_page_again (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "staff");
  lotsen_test_ui_wait (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "staff");
}

/* After the kiosk found its database damaged and started an empty one,
 * the staff panel says so and offers the newest good backup; one tap puts
 * it back (the kiosk then restarts on it). */
static void
test_staff_restore_offered (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "lotsen-2026-12-02.db", NULL);
  g_autofree char *damaged = g_build_filename (fixture->dir, "lotsen.db.damaged-20261203T080000Z", NULL);
  g_autofree char *notice = NULL;
  g_autofree char *restore = NULL;
  GtkWidget *button;
  LotsenWindow *window;
  GDate date;

  /* The backup holds two tickets; the database in use has three. */
  lotsen_ticket_free (lotsen_queue_take_ticket (fixture->store, "A", NULL, NULL));
  lotsen_ticket_free (lotsen_queue_take_ticket (fixture->store, "A", NULL, NULL));
  g_assert_true (lotsen_backup_write (fixture->path, backup, &error));
  g_assert_no_error (error);
  lotsen_ticket_free (lotsen_queue_take_ticket (fixture->store, "A", NULL, NULL));

  /* Without a backup to offer, no button. */
  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.restore-backup", NULL));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_DECEMBER, 2026);
  window = lotsen_window_new (NULL, fixture->store, NULL, damaged);
  lotsen_window_offer_backup (window, backup, &date);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  lotsen_test_ui_tap (GTK_WIDGET (window), "win.show-page", "staff");
  lotsen_test_ui_type_pin (GTK_WIDGET (window), "2468");
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "staff");

  notice = g_strdup_printf (_("The database file was damaged. It has been kept as %s and a new, empty database was started. Please tell your administrator."),
                            damaged);
  g_assert_nonnull (lotsen_test_ui_find_label (GTK_WIDGET (window), notice));
  restore = g_strdup_printf (_("Restore the backup of %s"), "2026-12-02");
  button = lotsen_test_ui_find_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, restore);
  lotsen_test_ui_assert_touch (GTK_WIDGET (window), "the staff panel offering a backup");

  lotsen_test_ui_click (button);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket"), ==, 2);
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count(*) FROM audit WHERE what = 'restore' AND detail = 'lotsen-2026-12-02.db'"), ==, 1);

  lotsen_test_ui_destroy_window (window);
}

/* The staff panel says when the last backup was made, or why it failed. */
static void
test_staff_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  g_autofree char *done = NULL;
  g_autofree char *failed = NULL;

  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  assert_shows (fixture, _("No backup has been made yet."));

  g_assert_true (lotsen_backup_record_result (fixture->store, "/backups/lotsen-2026-11-25.db", NULL, &error));
  g_assert_no_error (error);
  /* The panel is filled anew each time it is shown. */
  show_staff_page_again (fixture);
  done = g_strdup_printf (_("Last backup: %s, to %s"), "2026-11-25 10:00", "/backups/lotsen-2026-11-25.db");
  assert_shows (fixture, done);

  g_assert_true (lotsen_backup_record_result (fixture->store, NULL, failure, &error));
  show_staff_page_again (fixture);
  failed = g_strdup_printf (_("The last backup failed (%s): %s"), "2026-11-25 10:00", "No space left on device");
  assert_shows (fixture, failed);
}

static gint64
count_audit (Fixture    *fixture,
             const char *detail)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE what = 'kiosk' AND detail = '%s'", detail);

  return query_database_int (fixture->path, sql);
}

/* In kiosk mode no request closes the window; staff end the kiosk from
 * the panel, behind the PIN, and it is audited. */
static void
test_kiosk_locked_down (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);

  lotsen_window_set_kiosk_mode (fixture->window, TRUE);
  gtk_window_close (window);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "welcome");

  /* Locked: the PIN first, nothing recorded. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.end-kiosk", "s", "close");
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "staff-pin");
  g_assert_cmpint (count_audit (fixture, "close"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-home", NULL);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.end-kiosk", "restart"));
  lotsen_ui_fixture_tap (fixture, "win.end-kiosk", "restart");
  g_assert_cmpint (count_audit (fixture, "restart"), ==, 1);
  lotsen_ui_fixture_tap (fixture, "win.end-kiosk", "close");
  g_assert_cmpint (count_audit (fixture, "close"), ==, 1);

  /* Out of kiosk mode (--windowed), the window closes as any other. */
  lotsen_window_set_kiosk_mode (fixture->window, FALSE);
  g_assert_false (lotsen_window_get_kiosk_mode (fixture->window));
}

static void
test_touch_targets_and_names (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *pages[] = { "welcome", "queue", "ticket", "staff-pin", "staff" };

  take_ticket_in (fixture, "ti");
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  lotsen_ui_fixture_choose_language (fixture, "ti");

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *where = NULL;

      /* Each page is reached from the one before, as a visitor would. */
      if (g_str_equal (pages[p], "ticket"))
        lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");
      else if (g_str_equal (pages[p], "staff-pin"))
        lotsen_ui_fixture_tap (fixture, "win.show-page", "staff");
      else if (g_str_equal (pages[p], "staff"))
        {
          lotsen_test_ui_type_pin (lotsen_ui_fixture_root (fixture), LOTSEN_STAFF_DEMO_PIN);
          lotsen_test_ui_type_pin (lotsen_ui_fixture_root (fixture), "2468");
          lotsen_test_ui_type_pin (lotsen_ui_fixture_root (fixture), "2468");
        }
      else if (!g_str_equal (pages[p], "welcome"))
        lotsen_ui_fixture_tap (fixture, "win.show-page", pages[p]);
      g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, pages[p]);

      where = g_strdup_printf ("the %s page", pages[p]);
      lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), where);
    }

  /* The tiles are named in the visitor's language (Tigrinya here). */
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);
  g_assert_null (gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.show-page", "queue")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Queue ticket")));
}

/* On a narrow screen (a portrait one, 1080 px wide less a frame) every
 * page fits, and every language is one tap away: on the first page its
 * tile shows, on every other the language button opens the tiles; each
 * whole on screen and a touch target. */
static void
assert_languages_on_screen (LotsenWindow *window,
                            int           max_width)
{
  const LotsenLanguage *languages;
  guint n_languages;
  int width;
  gboolean opened = FALSE;

  lotsen_test_ui_wait (GTK_WIDGET (window));
  width = gtk_widget_get_width (GTK_WIDGET (window));
  if (width > max_width)
    g_error ("The %s page makes the window %d px wide", lotsen_window_get_page_name (window), width);

  if (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.language", NULL) == NULL)
    {
      GtkWidget *button = lotsen_test_ui_find_action (GTK_WIDGET (window), "win.choose-language", NULL);

      g_assert_nonnull (button);
      g_assert_cmpint (gtk_widget_get_height (button), >=, 72);
      lotsen_test_ui_click (button);
      lotsen_test_ui_wait (GTK_WIDGET (window));
      opened = TRUE;
    }

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      GtkWidget *button = lotsen_test_ui_find (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, languages[i].code);
      graphene_rect_t bounds;

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
      if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > width)
        g_error ("The %s button is cut off: %.0f to %.0f in a window %d wide", languages[i].code,
                 bounds.origin.x, bounds.origin.x + bounds.size.width, width);
      g_assert_cmpfloat (bounds.size.height, >=, 72);
      g_assert_cmpfloat (bounds.size.width, >=, 72);
    }

  if (opened)
    lotsen_test_ui_tap (GTK_WIDGET (window), "win.close-languages", NULL);
}

static void
test_narrow_screen (Fixture       *fixture,
                    gconstpointer  data)
{
  LotsenWindow *window = lotsen_window_new (NULL, fixture->store, NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_present (GTK_WINDOW (window));
  lotsen_window_set_language (window, "ar");

  assert_languages_on_screen (window, 1000);
  lotsen_test_ui_tap (GTK_WIDGET (window), "win.show-page", "queue");
  assert_languages_on_screen (window, 1000);
  lotsen_test_ui_tap (GTK_WIDGET (window), "win.take-ticket", "C");
  assert_languages_on_screen (window, 1000);
  lotsen_test_ui_tap (GTK_WIDGET (window), "ticket.choose-interpreter", NULL);
  assert_languages_on_screen (window, 1000);

  lotsen_window_set_language (window, "sv");
  lotsen_test_ui_destroy_window (window);
}

/* Staff mode: the demo PIN must be changed; wrong PINs lock; leaving
 * staff mode locks it again. */
static void
test_staff_pin (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *key;

  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);

  /* Locked again: the new PIN is needed, the demo PIN no longer works. */
  lotsen_ui_fixture_tap (fixture, "win.show-page", "staff");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "staff-pin");
  for (int i = 0; i < LOTSEN_STAFF_FREE_TRIES; i++)
    lotsen_test_ui_type_pin (lotsen_ui_fixture_root (fixture), LOTSEN_STAFF_DEMO_PIN);
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "staff-pin");

  key = lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.pin-key", "2");
  g_assert_false (gtk_widget_is_sensitive (key));
  g_assert_cmpint (lotsen_staff_seconds_locked (fixture->store), >, 0);
}

/* What's on: the demo's coming sessions, titled in the visitor's language,
 * with the seats the core counts. */
static void
test_whats_on (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *seats = NULL;
  LotsenSession *first;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  lotsen_ui_fixture_choose_language (fixture, "ar");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, "activities");

  sessions = lotsen_activity_list_sessions (fixture->store, now, now + 14 * 24 * 3600, "ar", NULL, FALSE, NULL);
  g_assert_cmpuint (sessions->len, >, 0);
  first = sessions->pdata[0];
  g_assert_false (first->title_fallback);
  assert_shows (fixture, first->title);
  seats = g_strdup_printf (ngettext ("%d seat left", "%d seats left", first->seats_left), first->seats_left);
  assert_shows (fixture, seats);
  g_assert_cmpint (gtk_widget_get_direction (lotsen_window_get_page (fixture->window, "activities")), ==, GTK_TEXT_DIR_RTL);
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the what's on page");
}

/* In the sleep hours the screen goes black once nobody has touched it for
 * the idle timeout, and the visitor's screen is wiped; it wakes when they
 * end. */
static void
test_sleep_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = lotsen_store_to_local (fixture->store, lotsen_clock_get_now (fixture->clock));
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
  g_autofree char *from = g_date_time_format (now, "%H:%M");
  g_autofree char *to = g_date_time_format (later, "%H:%M");
  guint timeout = g_settings_get_uint (settings, "idle-timeout");
  LotsenWindow *window;

  g_settings_set_string (settings, "sleep-from", from);
  g_settings_set_string (settings, "sleep-to", to);
  window = lotsen_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lotsen_test_ui_click (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.show-page", "queue"));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "queue");

  lotsen_clock_advance (fixture->clock, 1);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_false (lotsen_window_get_asleep (window));

  lotsen_clock_advance (fixture->clock, timeout);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_true (lotsen_window_get_asleep (window));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "welcome");

  lotsen_clock_advance (fixture->clock, 2 * 3600);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_false (lotsen_window_get_asleep (window));

  g_settings_reset (settings, "sleep-from");
  g_settings_reset (settings, "sleep-to");
  lotsen_test_ui_destroy_window (window);
}

static void
test_out_of_order (void)
{
  const char *detail = "The database /var/lib/lotsen/lotsen.db cannot be opened: disk I/O error";
  LotsenWindow *window;

  /* The reason goes to the log, for staff. */
  g_test_expect_message ("lotsen-window", G_LOG_LEVEL_WARNING, "*disk I/O error*");
  window = lotsen_window_new (NULL, NULL, detail, NULL);
  g_test_assert_expected_messages ();

  gtk_window_present (GTK_WINDOW (window));
  lotsen_test_ui_wait (GTK_WIDGET (window));

  /* No way to take a ticket that could not be stored; a plain message
   * instead, without the file's path or the database engine's words. */
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "problem");
  g_assert_null (lotsen_test_ui_find_action (GTK_WIDGET (window), "win.take-ticket", NULL));
  g_assert_false (lotsen_test_ui_holds_text (GTK_WIDGET (window), "lotsen.db"));
  g_assert_false (lotsen_test_ui_holds_text (GTK_WIDGET (window), "I/O"));

  /* The language still changes. */
  lotsen_window_set_language (window, "ar");
  lotsen_test_ui_wait (GTK_WIDGET (window));
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "problem");

  lotsen_window_set_language (window, "sv");
  lotsen_test_ui_destroy_window (window);
}

/* The -wal deleted while the kiosk runs: the next ticket is refused and
 * the kiosk goes out of order instead of handing out tickets it loses. */
static void
test_lost_wal (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");
  lotsen_ui_fixture_assert_page (fixture, "ticket");
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");

  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_test_expect_message ("lotsen-store", G_LOG_LEVEL_WARNING, "*-wal file was removed*");
  g_test_expect_message ("lotsen-window", G_LOG_LEVEL_WARNING, "*Taking a ticket*");
  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");
  g_test_assert_expected_messages ();

  lotsen_test_ui_wait (GTK_WIDGET (fixture->window));
  lotsen_ui_fixture_assert_page (fixture, "problem");
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.take-ticket", NULL));
  g_assert_false (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "A002"));

  /* Walking away, or a language change, does not bring tickets back. */
  lotsen_window_set_language (fixture->window, "en");
  lotsen_test_ui_wait (GTK_WIDGET (fixture->window));
  lotsen_ui_fixture_assert_page (fixture, "problem");
  lotsen_window_set_language (fixture->window, "sv");
}

/* Signed in 100 days after registering, in Arabic: "Do you work or study
 * now?" with five tiles; one tap stores the answer and goes on. */
static void
test_outcome_question (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = lotsen_clock_get_now (fixture->clock);
  GtkWidget *root;

  lotsen_clock_set_now (fixture->clock, now - 100 * 24 * 3600);
  draft->given_name = g_strdup ("Amina");
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);
  lotsen_clock_set_now (fixture->clock, now);

  lotsen_window_set_language (fixture->window, "ar");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  lotsen_ui_fixture_assert_page (fixture, "sign-in");
  for (const char *c = visitor->code; *c != '\0'; c++)
    lotsen_ui_fixture_tap (fixture, "win.code-key", (char[]) { *c, '\0' });
  lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
  lotsen_ui_fixture_assert_page (fixture, "outcome-question");

  root = lotsen_ui_fixture_root (fixture);
  g_assert_nonnull (lotsen_test_ui_find_label (root, _("Do you work or study now?")));
  g_assert_cmpstr (_("Do you work or study now?"), !=, "Do you work or study now?");
  for (guint i = 0; i < 5; i++)
    {
      const char *answers[] = { "work", "studies", "internship", "not-yet", "skip" };

      g_assert_nonnull (lotsen_test_ui_find_action (root, "win.answer-outcome", answers[i]));
    }
  lotsen_test_ui_assert_touch (root, "the outcome question");
  lotsen_test_ui_assert_reach_is_screen (root, "the outcome question");

  lotsen_ui_fixture_tap (fixture, "win.answer-outcome", "work");
  lotsen_ui_fixture_assert_page (fixture, "visitor");
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count(*) FROM outcome WHERE kind = 'work' AND reported_by = 'visitor'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)

  ADD ("/window/take-ticket/swedish", test_take_ticket_swedish);
  ADD ("/window/take-ticket/arabic", test_take_ticket_arabic);
  ADD ("/window/language-switch", test_language_switch);
  ADD ("/window/interpreter", test_interpreter);
  ADD ("/window/interpreter-list", test_interpreter_list);
  ADD ("/window/queue-position", test_queue_position);
  ADD ("/window/ticket-time-limit", test_ticket_time_limit);
  ADD ("/window/ticket-time-limit-left-behind", test_ticket_time_limit_left_behind);
  ADD ("/window/staff-call", test_staff_call);
  ADD ("/window/staff-pin", test_staff_pin);
  ADD ("/window/staff-backup", test_staff_backup);
  ADD ("/window/outcome-question", test_outcome_question);
  ADD ("/window/staff-restore-offered", test_staff_restore_offered);
  ADD ("/window/kiosk-locked-down", test_kiosk_locked_down);
  ADD ("/window/whats-on", test_whats_on);
  ADD ("/window/touch-targets-and-names", test_touch_targets_and_names);
  ADD ("/window/narrow-screen", test_narrow_screen);
  ADD ("/window/sleep-hours", test_sleep_hours);
  ADD ("/window/lost-wal", test_lost_wal);
  g_test_add_func ("/window/out-of-order", test_out_of_order);

#undef ADD

  return g_test_run ();
}
