/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The now-serving display: a call made by another program on the same
 * database reaches the display, is chimed and spoken (into an audio log),
 * and over a single-screen kiosk it shows as a banner that leaves the
 * visitor's form alone. */
#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "lotsen-call-presenter.h"
#include "lotsen-queue.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"

typedef LotsenUiFixture Fixture;

static const char *admin_path;
static const char *lotsen_path;

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("%s did not happen in time", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so: no timed assertion, only a
 * generous limit so a broken build fails instead of hanging. */
static void
run_until (gboolean   (*done) (gpointer data),
           gpointer     data,
           const char  *what)
{
  guint give_up = g_timeout_add_seconds (60, give_up_cb, (gpointer) what);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (give_up);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* The real clock: lotsen-admin, another process, uses it too. */
  lotsen_ui_fixture_set_up (fixture, FALSE, 1600, 1000);
}

static void
admin_call_next (const char *database,
                 const char *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) admin = NULL;
  g_autofree char *out = NULL;

  admin = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            admin_path, "--database", database, "call-next", "--desk", desk, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (admin, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (admin));
  g_assert_cmpstr (out, ==, "A001\n");
}

static gboolean
display_shows_a001 (gpointer data)
{
  return g_strcmp0 (lotsen_call_display_get_label (data), "A001") == 0;
}

typedef struct
{
  const char *path;
  guint       lines;
} LogWait;

static gboolean
log_has_lines (gpointer data)
{
  LogWait *wait = data;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (wait->path, &text, NULL, NULL))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  return g_strv_length (lines) > wait->lines;
}

static void
take_ticket (Fixture    *fixture,
             const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (fixture->store, "A", lang, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ticket->label, ==, "A001");
}

static void
test_display_other_process (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LotsenCallPresenter) presenter = NULL;
  g_autofree char *log = g_build_filename (fixture->dir, "audio.log", NULL);
  g_autofree char *heard = NULL;
  g_auto(GStrv) lines = NULL;
  LotsenCallDisplay *display;
  GtkWindow *window;
  LogWait wait = { log, 3 };

  g_setenv ("LOTSEN_AUDIO_LOG", log, TRUE);
  take_ticket (fixture, "ar");

  presenter = lotsen_call_presenter_new (fixture->path, settings, &error);
  g_assert_no_error (error);
  lotsen_call_presenter_show_display (presenter, NULL, FALSE);
  window = lotsen_call_presenter_get_window (presenter);
  gtk_window_set_default_size (window, 1920, 1080);
  lotsen_test_ui_wait (GTK_WIDGET (window));
  display = lotsen_call_presenter_get_display (presenter);
  g_assert_cmpstr (lotsen_call_display_get_label (display), ==, "");

  /* Staff at desk 2 call the next ticket from another program. */
  admin_call_next (fixture->path, "2");
  run_until (display_shows_a001, display, "The display showing A001");

  /* The desk, in Swedish and in the ticket's language (Arabic). */
  g_assert_true (lotsen_test_ui_holds_text (GTK_WIDGET (window), "Lucka 2"));
  g_assert_true (lotsen_test_ui_holds_text (GTK_WIDGET (window), "2"));

  /* Heard: the chime, then the call in Swedish and in Arabic. */
  run_until (log_has_lines, &wait, "The chime and both spoken calls");
  g_assert_true (g_file_get_contents (log, &heard, NULL, NULL));
  lines = g_strsplit (heard, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "chime "));
  g_assert_cmpint (g_ascii_strtoll (lines[0] + 6, NULL, 10), >, 1000);
  g_assert_true (g_str_has_prefix (lines[1], "speech sv "));
  g_assert_true (g_str_has_suffix (lines[1], " A 0 0 1, lucka 2"));
  g_assert_true (g_str_has_prefix (lines[2], "speech ar "));
  g_assert_nonnull (strstr (lines[2], "A 0 0 1"));
  /* Real sound: a WAV of more than a header. */
  g_assert_cmpint (g_ascii_strtoll (lines[1] + 10, NULL, 10), >, 8000);

  g_unsetenv ("LOTSEN_AUDIO_LOG");
  g_object_ref (window);
  g_clear_object (&presenter);
  g_assert_finalize_object (window);
}

static gboolean
banner_shown (gpointer data)
{
  return lotsen_call_banner_get_shown (data);
}

static void
test_display_banner_keeps_form (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LotsenCallPresenter) presenter = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  LotsenCallBanner *banner = LOTSEN_CALL_BANNER (lotsen_window_get_call_banner (fixture->window));
  GtkWidget *page, *focus;
  g_autoptr(GPtrArray) entries = NULL;

  g_settings_set_boolean (settings, "call-sound", FALSE);
  take_ticket (fixture, "ti");

  /* A visitor is typing their name. */
  lotsen_ui_fixture_choose_language (fixture, "ti");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  lotsen_ui_fixture_assert_page (fixture, "register");
  lotsen_ui_fixture_tap (fixture, "keyboard.vowels", "ሰ");
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "ሳ");
  page = lotsen_window_get_page (fixture->window, "register");
  entries = lotsen_test_ui_collect (page, GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, >, 0);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (entries->pdata[0]), ==, "ሳ");

  /* One screen: no second window, calls come as the banner. */
  presenter = lotsen_call_presenter_new (fixture->path, settings, &error);
  g_assert_no_error (error);
  lotsen_call_presenter_follow_monitors (presenter, banner);
  g_assert_null (lotsen_call_presenter_get_window (presenter));
  g_assert_false (lotsen_call_banner_get_shown (banner));

  /* Another connection calls (as the staff panel or lotsen-admin would). */
  called = lotsen_queue_call_next (fixture->store, 4, NULL, &error);
  g_assert_no_error (error);
  run_until (banner_shown, banner, "The call banner");
  lotsen_test_ui_wait (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (lotsen_call_banner_get_label (banner), ==, "A001");
  /* Swedish, then Tigrinya, for the desk. */
  g_assert_true (lotsen_test_ui_holds_text (GTK_WIDGET (banner), "Lucka 4"));
  /* The visitor's form is as it was: same page, same focus, same text. */
  lotsen_ui_fixture_assert_page (fixture, "register");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == focus);
  g_assert_cmpstr (gtk_editable_get_text (entries->pdata[0]), ==, "ሳ");
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (banner)));
  /* …and typing goes on into it. */
  lotsen_ui_fixture_tap (fixture, "keyboard.vowels", "በ");
  lotsen_ui_fixture_tap (fixture, "keyboard.type", "ባ");
  g_assert_cmpstr (gtk_editable_get_text (entries->pdata[0]), ==, "ሳባ");

  g_clear_object (&presenter);
}

/* The setting names the monitor; "none" takes the window away again. */
static void
test_display_follows_setting (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LotsenCallPresenter) presenter = NULL;
  g_autoptr(GdkMonitor) first = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  LotsenCallBanner *banner = LOTSEN_CALL_BANNER (lotsen_window_get_call_banner (fixture->window));
  GtkWindow *window;

  g_assert_nonnull (first);
  g_assert_nonnull (gdk_monitor_get_connector (first));
  g_settings_set_string (settings, "call-display-monitor", gdk_monitor_get_connector (first));

  presenter = lotsen_call_presenter_new (fixture->path, settings, &error);
  g_assert_no_error (error);
  lotsen_call_presenter_follow_monitors (presenter, banner);
  window = lotsen_call_presenter_get_window (presenter);
  g_assert_nonnull (window);
  g_object_ref (window);
  lotsen_test_ui_wait (GTK_WIDGET (window));

  g_settings_set_string (settings, "call-display-monitor", "none");
  g_assert_null (lotsen_call_presenter_get_window (presenter));
  g_assert_finalize_object (window);

  g_settings_reset (settings, "call-display-monitor");
  g_clear_object (&presenter);
}

/* Staff call a ticket again and send it to another service from the
 * staff panel's queue page. */
static void
test_display_staff_recall_transfer (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) first = NULL;
  g_autoptr(LotsenTicket) later = NULL;
  g_autoptr(LotsenTicket) moved = NULL;
  GtkWidget *spin;

  first = lotsen_queue_take_ticket (fixture->store, "C", "fa", &error);
  g_assert_no_error (error);
  later = lotsen_queue_take_ticket (fixture->store, "A", NULL, &error);
  g_assert_no_error (error);

  lotsen_test_ui_unlock_staff (fixture->window, "8642");
  /* Nothing called: neither "call again" nor "send on" is offered. */
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.recall-ticket", NULL));
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.transfer-ticket", "A"));

  spin = lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  lotsen_ui_fixture_tap (fixture, "staff.call-next", NULL);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT call_count FROM ticket WHERE label = 'C001'"), ==, 1);

  lotsen_ui_fixture_tap (fixture, "win.recall-ticket", NULL);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT call_count FROM ticket WHERE label = 'C001'"), ==, 2);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT desk FROM ticket WHERE label = 'C001'"), ==, 3);

  /* No button sends it to its own service. */
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.transfer-ticket", "C"));
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the staff page with a called ticket");
  lotsen_ui_fixture_tap (fixture, "win.transfer-ticket", "A");

  moved = lotsen_queue_find_ticket (fixture->store, "C001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved->prefix, ==, "A");
  g_assert_cmpint (moved->status, ==, LOTSEN_TICKET_WAITING);
  g_assert_cmpint (moved->created_at, ==, first->created_at);
  g_assert_true (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), _("No ticket called at this desk.")));

  /* It keeps its place: taken before A001, it is called before it. */
  lotsen_ui_fixture_tap (fixture, "staff.call-next", NULL);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT status = 'called' FROM ticket WHERE label = 'C001'"), ==, 1);
}

typedef struct
{
  const char *log;
  gboolean    exited;
} ProgramWait;

static gboolean
program_heard (gpointer data)
{
  ProgramWait *wait = data;
  g_autofree char *text = NULL;

  g_assert_false (wait->exited);
  return g_file_get_contents (wait->log, &text, NULL, NULL) && strstr (text, "speech sv ") != NULL;
}

static void
program_exited_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ProgramWait *wait = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  wait->exited = TRUE;
}

static gboolean
call_again_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) again = NULL;

  /* Until the display has started: a call it sees as new. */
  again = lotsen_queue_recall (fixture->store, "A001", &error);
  g_assert_no_error (error);
  return G_SOURCE_CONTINUE;
}

/* The whole program: `lotsen --call-display` in its own process hears
 * lotsen-admin's call in a third one, and chimes and speaks it. */
static void
test_display_program (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) display = NULL;
  g_autofree char *log = g_build_filename (fixture->dir, "program-audio.log", NULL);
  g_autofree char *heard = NULL;
  ProgramWait wait = { log, FALSE };
  guint again_id;

  if (lotsen_path == NULL)
    {
      g_test_skip ("No lotsen program given");
      return;
    }

  take_ticket (fixture, "uk");
  admin_call_next (fixture->path, "6");

  g_subprocess_launcher_setenv (launcher, "LOTSEN_AUDIO_LOG", log, TRUE);
  display = g_subprocess_launcher_spawn (launcher, &error, lotsen_path, "--call-display", "--windowed",
                                         "--database", fixture->path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (display, NULL, program_exited_cb, &wait);

  again_id = g_timeout_add_seconds (1, call_again_cb, fixture);
  run_until (program_heard, &wait, "The display program's chime and voice");
  g_source_remove (again_id);

  g_assert_true (g_file_get_contents (log, &heard, NULL, NULL));
  g_assert_true (g_str_has_prefix (heard, "chime "));
  g_assert_nonnull (strstr (heard, "speech sv "));
  g_assert_nonnull (strstr (heard, " A 0 0 1, lucka 6\n"));

  g_subprocess_force_exit (display);
  while (!wait.exited)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
printer_problem_known (gpointer data)
{
  return lotsen_window_get_printer_problem (data) != NULL;
}

/* A printer that is not there: the ticket is stored and on screen at
 * once, the visitor is told there is no paper one, and staff see why. */
static void
test_display_print_failure (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *notice = NULL;

  g_settings_set_string (settings, "ticket-printer", "lotsen-test-no-such-queue");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");

  lotsen_ui_fixture_assert_page (fixture, "ticket");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket WHERE label = 'A001'"), ==, 1);
  g_assert_true (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "A001"));

  run_until (printer_problem_known, fixture->window, "The printing's failure");
  g_assert_nonnull (strstr (lotsen_window_get_printer_problem (fixture->window), "lotsen-test-no-such-queue"));
  lotsen_test_ui_wait (GTK_WIDGET (fixture->window));
  lotsen_ui_fixture_assert_page (fixture, "ticket");
  g_assert_true (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "A001"));

  lotsen_test_ui_unlock_staff (fixture->window, "1357");
  notice = g_strdup_printf (_("The last ticket was not printed: %s"), lotsen_window_get_printer_problem (fixture->window));
  g_assert_true (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), notice));

  g_settings_reset (settings, "ticket-printer");
}

static void
save_png (GtkWidget  *widget,
          const char *dir,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  lotsen_test_ui_wait (widget);
  g_assert_true (lotsen_test_ui_save_png (widget, path, &error));
  g_assert_no_error (error);
  g_print ("# %s\n", path);
}

/* With LOTSEN_CALL_SCREENSHOTS=DIR (build-aux/screenshots.sh): the display
 * in landscape and portrait, and the banner over the kiosk. */
static void
test_display_screenshots (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *dir = g_getenv ("LOTSEN_CALL_SCREENSHOTS");
  const struct { const char *prefix, *lang; int desk; } calls[] = {
    { "B", "ti", 5 }, { "C", "sv", 1 }, { "A", "uk", 4 }, { "B", "fa", 3 }, { "A", "ar", 2 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LotsenCallPresenter) presenter = NULL;
  GtkWindow *window;

  if (dir == NULL)
    {
      g_test_skip ("LOTSEN_CALL_SCREENSHOTS is not set");
      return;
    }

  g_settings_set_boolean (settings, "call-sound", FALSE);
  presenter = lotsen_call_presenter_new (fixture->path, settings, &error);
  g_assert_no_error (error);
  lotsen_call_presenter_show_display (presenter, NULL, FALSE);
  window = lotsen_call_presenter_get_window (presenter);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(LotsenTicket) taken = lotsen_queue_take_ticket (fixture->store, calls[i].prefix, calls[i].lang, &error);
      g_autoptr(LotsenTicket) called = NULL;

      g_assert_no_error (error);
      called = lotsen_queue_call_next (fixture->store, calls[i].desk, calls[i].prefix, &error);
      g_assert_no_error (error);
      g_usleep (1100000);  /* a second apart, so they are in order */
    }
  lotsen_call_board_poll (lotsen_call_presenter_get_board (presenter));
  g_assert_cmpstr (lotsen_call_display_get_label (lotsen_call_presenter_get_display (presenter)), ==, "A002");

  gtk_window_set_default_size (window, 1920, 1080);
  save_png (GTK_WIDGET (window), dir, "display-landscape.png");
  gtk_window_set_default_size (window, 1080, 1920);
  save_png (GTK_WIDGET (window), dir, "display-portrait.png");

  {
    LotsenCallBanner *banner = LOTSEN_CALL_BANNER (lotsen_window_get_call_banner (fixture->window));
    GPtrArray *board_calls = lotsen_call_board_get_calls (lotsen_call_presenter_get_board (presenter));

    lotsen_ui_fixture_choose_language (fixture, "ar");
    lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
    lotsen_call_banner_show_call (banner, g_ptr_array_index (board_calls, 0));
    save_png (GTK_WIDGET (fixture->window), dir, "display-banner-ar.png");
  }

  /* The staff panel with a ticket called: call again, send on. */
  {
    g_autoptr(LotsenTicket) taken = lotsen_queue_take_ticket (fixture->store, "C", "so", &error);

    g_assert_no_error (error);
    lotsen_ui_fixture_choose_language (fixture, "sv");
    lotsen_test_ui_unlock_staff (fixture->window, "2468");
    lotsen_ui_fixture_tap (fixture, "staff.call-next", NULL);
    save_png (GTK_WIDGET (fixture->window), dir, "staff-called-sv.png");
  }
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

  if (argc < 2)
    g_error ("Usage: test-call-display LOTSEN-ADMIN [LOTSEN]");
  admin_path = argv[1];
  lotsen_path = argc > 2 ? argv[2] : NULL;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)

  ADD ("/call-display/other-process", test_display_other_process);
  ADD ("/call-display/banner-keeps-form", test_display_banner_keeps_form);
  ADD ("/call-display/follows-setting", test_display_follows_setting);
  ADD ("/call-display/staff-recall-transfer", test_display_staff_recall_transfer);
  ADD ("/call-display/print-failure", test_display_print_failure);
  ADD ("/call-display/program", test_display_program);
  ADD ("/call-display/screenshots", test_display_screenshots);

  return g_test_run ();
}
