/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading aloud at the kiosk: a ticket taken in audio mode by taps alone
 * (the first tap on a control says it, the second presses it), in Arabic
 * (the synthetic voice) and in Tigrinya (a clip recorded here, and the
 * notice where there is none).  What was said is read back from the
 * LOTSEN_AUDIO_LOG file. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lotsen-clips.h"
#include "lotsen-i18n.h"
#include "lotsen-queue.h"
#include "lotsen-read-aloud.h"
#include "lotsen-record-page.h"
#include "lotsen-recorder.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-window.h"

typedef LotsenUiFixture Fixture;

static char *audio_home;  /* XDG_DATA_HOME and the log */
static char *audio_log;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_unlink (audio_log);
  lotsen_ui_fixture_set_up (fixture, TRUE, 1280, 800);
}

/* The lines said since the last call. */
static GStrv
take_log (void)
{
  g_autofree char *contents = NULL;
  GStrv lines;

  if (!g_file_get_contents (audio_log, &contents, NULL, NULL))
    return g_new0 (char *, 1);
  g_unlink (audio_log);
  g_strchomp (contents);
  lines = g_strsplit (contents, "\n", -1);
  return lines;
}

static void
assert_said (const char *const *expected)
{
  g_auto(GStrv) lines = take_log ();
  g_autofree char *got = g_strjoinv ("\n", lines);
  g_autofree char *want = g_strjoinv ("\n", (GStrv) expected);

  g_assert_cmpstr (got, ==, want);
}

/* A tap on @widget as the window's gesture sees it: said first in audio
 * mode, pressed otherwise. */
static void
tap_widget (Fixture   *fixture,
            GtkWidget *widget)
{
  g_assert_nonnull (widget);
  if (lotsen_window_audio_tap (fixture->window, widget))
    lotsen_test_ui_wait (GTK_WIDGET (fixture->window));
  else
    lotsen_test_ui_click (widget);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *action,
      const char *target)
{
  return lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), action, target);
}

static char *
line (const char *kind,
      const char *language,
      const char *text)
{
  return g_strdup_printf ("kind=%s lang=%s text=%s", kind, language, text);
}

static LotsenReadAloud *
read_aloud (Fixture *fixture)
{
  return LOTSEN_READ_ALOUD (lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), LOTSEN_TYPE_READ_ALOUD, NULL));
}

/* Welcome → queue → ticket by taps alone, the way @language is said
 * (@kind: voice or none; "Queue ticket" by @tile_kind). */
static void
walk_to_ticket (Fixture    *fixture,
                const char *language,
                const char *kind,
                const char *tile_said)
{
  g_autoptr(LotsenService) service = NULL;
  g_autofree char *l1 = NULL, *l2 = NULL, *l4 = NULL, *l5 = NULL, *l6 = NULL;
  GtkWidget *tile;

  /* Not yet in audio mode: a tap chooses the language at once. */
  tap_widget (fixture, find (fixture, "win.language", language));
  g_assert_cmpstr (lotsen_window_get_language (fixture->window), ==, language);
  assert_said ((const char *[]) { NULL });

  /* The toggle acts at the first tap, and the screen is read. */
  tap_widget (fixture, find (fixture, "win.audio-mode", NULL));
  g_assert_true (lotsen_window_get_audio_mode (fixture->window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (fixture, "win.audio-mode", NULL))));
  l1 = line (kind, language, _("Welcome!"));
  l2 = line (kind, language, _("What would you like to do?"));
  assert_said ((const char *[]) { l1, l2, NULL });

  /* First tap on "Queue ticket": said, nothing pressed. */
  tile = find (fixture, "win.show-page", "queue");
  tap_widget (fixture, tile);
  lotsen_ui_fixture_assert_page (fixture, "welcome");
  assert_said ((const char *[]) { tile_said, NULL });

  /* Second tap: pressed; the new screen says its heading and instruction. */
  tap_widget (fixture, tile);
  lotsen_ui_fixture_assert_page (fixture, "queue");
  l4 = line (kind, language, _("What do you need help with? Tap one."));
  {
    g_auto(GStrv) lines = take_log ();

    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    /* The heading is the tile's words: said the same way. */
    g_assert_cmpstr (lines[0], ==, tile_said);
    g_assert_cmpstr (lines[1], ==, l4);
  }

  /* The service: said, then taken. */
  service = lotsen_queue_get_service (fixture->store, "A", language, NULL);
  tile = find (fixture, "win.take-ticket", "A");
  tap_widget (fixture, tile);
  lotsen_ui_fixture_assert_page (fixture, "queue");
  l5 = line (kind, language, service->name);
  assert_said ((const char *[]) { l5, NULL });
  tap_widget (fixture, tile);
  lotsen_ui_fixture_assert_page (fixture, "ticket");

  /* The ticket screen: its number (said by the voice, or not at all), then "Your number". */
  l6 = line (kind, language, _("Your number"));
  {
    g_auto(GStrv) lines = take_log ();
    g_autofree char *number = line (kind, language, "A001");

    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_cmpstr (lines[0], ==, number);
    g_assert_cmpstr (lines[1], ==, l6);
  }
}

static void
finish_visit (Fixture *fixture)
{
  GtkWidget *done = find (fixture, "win.finish-visit", NULL);

  /* Said, then pressed: the visit ends and the audio mode with it. */
  tap_widget (fixture, done);
  lotsen_ui_fixture_assert_page (fixture, "ticket");
  tap_widget (fixture, done);
  lotsen_ui_fixture_assert_page (fixture, "welcome");
  g_assert_false (lotsen_window_get_audio_mode (fixture->window));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (fixture, "win.audio-mode", NULL))));
  g_assert_false (lotsen_visit_has_state (lotsen_window_get_visit (fixture->window)));
  take_log ();

  /* Out of audio mode a tap presses at once, and nothing is said. */
  tap_widget (fixture, find (fixture, "win.show-page", "queue"));
  lotsen_ui_fixture_assert_page (fixture, "queue");
  assert_said ((const char *[]) { NULL });
}

static void
test_arabic (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *tile = NULL;
  g_autofree char *speaker_first = NULL;
  GtkWidget *speaker;

  lotsen_i18n_set_language ("ar");
  tile = line ("voice", "ar", _("Queue ticket"));
  lotsen_i18n_set_language (LOTSEN_DEFAULT_LANGUAGE);

  walk_to_ticket (fixture, "ar", "voice", tile);
  g_assert_false (lotsen_read_aloud_get_unavailable (read_aloud (fixture)));

  /* The speaker button reads the whole screen, choices too, at once. */
  speaker = find (fixture, "win.read-aloud", NULL);
  g_assert_cmpint (gtk_widget_get_width (speaker), >=, 72);
  g_assert_cmpint (gtk_widget_get_height (speaker), >=, 72);
  tap_widget (fixture, speaker);
  {
    g_auto(GStrv) lines = take_log ();
    g_autofree char *done = line ("voice", "ar", _("Done"));

    g_assert_cmpuint (g_strv_length (lines), >, 3);
    g_assert_true (g_str_has_prefix (lines[0], "kind=voice lang=ar text=A001"));
    g_assert_true (g_strv_contains ((const char *const *) lines, done));
  }

  finish_visit (fixture);
}

/* Tigrinya has no synthetic voice: the one clip recorded at this kiosk
 * ("Queue ticket") is played, everything else is not said and the
 * screen says so. */
static void
test_tigrinya (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LotsenRecorder) recorder = lotsen_recorder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = lotsen_clips_key ("Queue ticket");
  g_autofree char *dir = lotsen_clips_user_dir ("ti");
  g_autofree char *name = g_strconcat (key, ".ogg", NULL);
  g_autofree char *clip = g_build_filename (dir, name, NULL);
  g_autofree char *tile = NULL;

  g_setenv ("LOTSEN_AUDIO_SOURCE", "audiotestsrc num-buffers=20", TRUE);
  g_assert_true (lotsen_recorder_start (recorder, clip, &error));
  g_assert_true (lotsen_recorder_wait (recorder, &error));
  g_assert_no_error (error);

  lotsen_i18n_set_language ("ti");
  tile = g_strdup_printf ("kind=clip lang=ti key=%s text=%s", key, _("Queue ticket"));
  lotsen_i18n_set_language (LOTSEN_DEFAULT_LANGUAGE);

  walk_to_ticket (fixture, "ti", "none", tile);
  /* Nothing on the ticket screen can be said: the notice shows. */
  g_assert_true (lotsen_read_aloud_get_unavailable (read_aloud (fixture)));
  g_assert_true (gtk_widget_get_mapped (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture),
                                                                   _("Speech is not available in this language."))));

  finish_visit (fixture);
  g_unlink (clip);
}

/* The speaker button and the toggle are named in the visitor's language.
 * LOTSEN_READ_ALOUD_SCREENSHOTS names a folder for pictures of the queue
 * page in audio mode. */
static void
test_names (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *languages[] = { "sv", "ar", "ti", "en" };
  const char *shots = g_getenv ("LOTSEN_READ_ALOUD_SCREENSHOTS");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      GtkWidget *speaker;

      lotsen_ui_fixture_tap (fixture, "win.language", languages[i]);
      if (shots != NULL)
        {
          g_autofree char *name = g_strdup_printf ("read-aloud-%s.png", languages[i]);
          g_autofree char *path = g_build_filename (shots, name, NULL);
          g_autoptr(GError) error = NULL;

          lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
          lotsen_window_set_audio_mode (fixture->window, TRUE);
          lotsen_test_ui_wait (GTK_WIDGET (fixture->window));
          g_assert_true (lotsen_test_ui_save_png (GTK_WIDGET (fixture->window), path, &error));
          g_assert_no_error (error);
          lotsen_window_set_audio_mode (fixture->window, FALSE);
          lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);
        }
      speaker = find (fixture, "win.read-aloud", NULL);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (speaker), ==, _("Read aloud"));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (find (fixture, "win.audio-mode", NULL)), ==, _("Audio mode"));
      if (!g_str_equal (languages[i], "en"))
        g_assert_cmpstr (_("Read aloud"), !=, "Read aloud");
    }
}

static GtkWidget *
button_labelled (GtkWidget  *page,
                 const char *text)
{
  GtkWidget *label = lotsen_test_ui_find_label (page, text);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

/* Staff record a Tigrinya text: record (a synthetic source), play it
 * back, keep it; it is a clip the kiosk then counts and uses. */
static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page, *record;
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  g_autofree char *dir = lotsen_clips_user_dir ("ti");
  g_autofree char *clip = NULL;
  g_autofree char *take = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *status = NULL;
  gsize size = 0;

  g_setenv ("LOTSEN_AUDIO_SOURCE", "audiotestsrc num-buffers=20", TRUE);
  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "staff-record");
  lotsen_ui_fixture_assert_page (fixture, "staff-record");
  page = lotsen_window_get_page (fixture->window, "staff-record");
  lotsen_test_ui_assert_touch (page, "the recording page");

  lotsen_test_ui_click (lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON, "ti"));
  message = g_strdup (lotsen_record_page_get_message (LOTSEN_RECORD_PAGE (page)));
  g_assert_nonnull (message);
  key = lotsen_clips_key (message);
  clip = g_strconcat (dir, G_DIR_SEPARATOR_S, key, ".ogg", NULL);
  take = g_strconcat (dir, G_DIR_SEPARATOR_S, key, ".take.ogg", NULL);
  status = g_strdup_printf (ngettext ("%u spoken text still needs a recording in this language.",
                                      "%u spoken texts still need a recording in this language.",
                                      lotsen_n_spoken_strings), lotsen_n_spoken_strings);
  g_assert_nonnull (lotsen_test_ui_find_label (page, status));
  g_assert_false (gtk_widget_get_sensitive (button_labelled (page, _("Keep"))));

  /* Record, stop: a take, not yet a clip. */
  record = button_labelled (page, _("Record"));
  lotsen_test_ui_click (record);
  g_assert_nonnull (lotsen_test_ui_find_label (page, _("Stop")));
  lotsen_test_ui_click (record);
  g_assert_true (g_file_get_contents (take, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 0);
  g_assert_cmpmem (contents, 4, "OggS", 4);
  g_assert_false (g_file_test (clip, G_FILE_TEST_EXISTS));

  if (g_getenv ("LOTSEN_READ_ALOUD_SCREENSHOTS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LOTSEN_READ_ALOUD_SCREENSHOTS"), "record-ti.png", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (lotsen_test_ui_save_png (GTK_WIDGET (fixture->window), path, &error));
      g_assert_no_error (error);
    }

  take_log ();
  lotsen_test_ui_click (button_labelled (page, _("Play back")));
  {
    g_autofree char *played = g_strdup_printf ("kind=playback file=%s.take.ogg", key);

    assert_said ((const char *[]) { played, NULL });
  }

  /* Kept: the clip, and on to the next text. */
  lotsen_test_ui_click (button_labelled (page, _("Keep")));
  g_assert_true (g_file_test (clip, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (take, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lotsen_clips_count ("ti"), ==, 1);
  g_assert_cmpstr (lotsen_record_page_get_message (LOTSEN_RECORD_PAGE (page)), !=, message);

  g_unlink (clip);
  g_unsetenv ("LOTSEN_AUDIO_SOURCE");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  audio_home = g_dir_make_tmp ("lotsen-read-aloud-XXXXXX", NULL);
  audio_log = g_build_filename (audio_home, "said.log", NULL);
  g_setenv ("XDG_DATA_HOME", audio_home, TRUE);
  g_setenv ("LOTSEN_CLIPSDIR", audio_home, TRUE);
  g_setenv ("LOTSEN_AUDIO_LOG", audio_log, TRUE);

  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)
  ADD ("/read-aloud/arabic", test_arabic);
  ADD ("/read-aloud/tigrinya", test_tigrinya);
  ADD ("/read-aloud/names", test_names);
  ADD ("/read-aloud/record", test_record);
  status = g_test_run ();

  g_unlink (audio_log);
  {
    g_autofree char *clips = g_build_filename (audio_home, "lotsen", "clips", "ti", NULL);
    g_autofree char *lotsen_clips = g_build_filename (audio_home, "lotsen", "clips", NULL);
    g_autofree char *lotsen = g_build_filename (audio_home, "lotsen", NULL);

    g_rmdir (clips);
    g_rmdir (lotsen_clips);
    g_rmdir (lotsen);
  }
  g_rmdir (audio_home);
  g_free (audio_log);
  g_free (audio_home);
  return status;
}
