/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading aloud without a display: which clip a message has, the order
 * clip → voice → nothing, the coverage count, the voice's WAV and a
 * recording from a synthetic source. */
#define _GNU_SOURCE
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lotsen-audio-player.h"
#include "lotsen-clips.h"
#include "lotsen-i18n.h"
#include "lotsen-recorder.h"

static char *data_home;   /* XDG_DATA_HOME: the kiosk's own clips */
static char *shipped;     /* LOTSEN_CLIPSDIR: the clips shipped with it */

static void
remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_recursively (child);
    }
  g_remove (path);
}

static void
put_file (const char *dir,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
clean_clips (void)
{
  g_autofree char *user = g_build_filename (data_home, "lotsen", NULL);

  remove_recursively (user);
  remove_recursively (shipped);
}

static void
test_key (void)
{
  g_autofree char *plain = lotsen_clips_key ("Queue ticket");
  g_autofree char *with_context = lotsen_clips_key ("tile\004Queue ticket");
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "Queue ticket", -1);

  g_assert_cmpstr (plain, ==, expected);
  g_assert_cmpuint (strlen (plain), ==, 40);
  g_assert_cmpstr (plain, !=, with_context);
}

/* The spoken messages come from the visitor screens, not the staff's. */
static void
test_spoken_strings (void)
{
  gboolean queue_ticket = FALSE, staff_pin = FALSE;

  g_assert_cmpuint (lotsen_n_spoken_strings, >, 50);
  for (guint i = 0; i < lotsen_n_spoken_strings; i++)
    {
      queue_ticket |= g_str_equal (lotsen_spoken_strings[i], "Queue ticket");
      staff_pin |= g_str_equal (lotsen_spoken_strings[i], "Staff PIN");
    }
  g_assert_true (queue_ticket);
  g_assert_false (staff_pin);
  g_assert_null (lotsen_spoken_strings[lotsen_n_spoken_strings]);
}

/* The kiosk's own recording comes before the shipped one. */
static void
test_find_order (void)
{
  g_autofree char *key = lotsen_clips_key ("Queue ticket");
  g_autofree char *name = g_strconcat (key, ".ogg", NULL);
  g_autofree char *user = lotsen_clips_user_dir ("ti");
  g_autofree char *system = lotsen_clips_system_dir ("ti");
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;

  clean_clips ();
  g_assert_null (lotsen_clips_find ("ti", key));

  put_file (system, name, "shipped");
  found = lotsen_clips_find ("ti", key);
  expected = g_build_filename (system, name, NULL);
  g_assert_cmpstr (found, ==, expected);
  g_clear_pointer (&found, g_free);
  g_clear_pointer (&expected, g_free);

  put_file (user, name, "recorded here");
  found = lotsen_clips_find ("ti", key);
  expected = g_build_filename (user, name, NULL);
  g_assert_cmpstr (found, ==, expected);

  /* Another language has none. */
  g_assert_null (lotsen_clips_find ("so", key));
  clean_clips ();
}

/* A clip where there is one, else the voice, else nothing. */
static void
test_choose (void)
{
  g_autofree char *key = lotsen_clips_key ("Queue ticket");
  g_autofree char *name = g_strconcat (key, ".ogg", NULL);
  g_autofree char *ti_dir = lotsen_clips_user_dir ("ti");
  g_autofree char *ar_dir = lotsen_clips_user_dir ("ar");
  g_autofree char *clip = NULL;
  const char *ti_text, *ar_text;

  clean_clips ();

  lotsen_i18n_set_language ("ti");
  ti_text = _("Queue ticket");
  g_assert_cmpstr (ti_text, !=, "Queue ticket");
  g_assert_cmpstr (lotsen_clips_message_for_text (ti_text), ==, "Queue ticket");
  g_assert_cmpint (lotsen_audio_player_choose ("ti", ti_text, NULL), ==, LOTSEN_SPEECH_NONE);
  put_file (ti_dir, name, "clip");
  g_assert_cmpint (lotsen_audio_player_choose ("ti", ti_text, &clip), ==, LOTSEN_SPEECH_CLIP);
  g_assert_true (g_str_has_suffix (clip, name));
  /* A text that is no spoken message has no clip. */
  g_assert_cmpint (lotsen_audio_player_choose ("ti", "A001", NULL), ==, LOTSEN_SPEECH_NONE);

  lotsen_i18n_set_language ("ar");
  ar_text = _("Queue ticket");
  g_assert_cmpint (lotsen_audio_player_choose ("ar", ar_text, NULL), ==, LOTSEN_SPEECH_VOICE);
  put_file (ar_dir, name, "clip");
  g_assert_cmpint (lotsen_audio_player_choose ("ar", ar_text, NULL), ==, LOTSEN_SPEECH_CLIP);

  lotsen_i18n_set_language (LOTSEN_DEFAULT_LANGUAGE);
  clean_clips ();
}

static void
test_coverage (void)
{
  g_autofree char *user = lotsen_clips_user_dir ("ti");
  g_autofree char *system = lotsen_clips_system_dir ("ti");

  clean_clips ();
  g_assert_cmpuint (lotsen_clips_count ("ti"), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = lotsen_clips_key (lotsen_spoken_strings[i]);
      g_autofree char *name = g_strconcat (key, ".ogg", NULL);

      /* The first twice (shipped and recorded here): counted once. */
      put_file (i == 2 ? system : user, name, "clip");
      if (i == 0)
        put_file (system, name, "clip");
    }
  /* A file that is no spoken message's clip does not count. */
  put_file (user, "0000000000000000000000000000000000000000.ogg", "stray");
  put_file (user, "notes.txt", "stray");
  g_assert_cmpuint (lotsen_clips_count ("ti"), ==, 3);
  g_assert_cmpuint (lotsen_clips_count ("so"), ==, 0);

  clean_clips ();
}

static void
test_export (void)
{
  g_autofree char *user = lotsen_clips_user_dir ("ti");
  g_autofree char *out = g_dir_make_tmp ("lotsen-export-XXXXXX", NULL);
  g_autofree char *copied = g_build_filename (out, "ti", "abc.ogg", NULL);
  g_autofree char *out_so = g_build_filename (out, "so", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 99;

  clean_clips ();
  put_file (user, "abc.ogg", "recorded");
  put_file (user, "abc.ogg.part", "half");

  g_assert_true (lotsen_clips_export ("ti", out, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (copied, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "recorded");

  /* Nothing recorded in a language: nothing made. */
  g_assert_true (lotsen_clips_export ("so", out, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (g_file_test (out_so, G_FILE_TEST_EXISTS));

  remove_recursively (out);
  clean_clips ();
}

/* A recording from a synthetic source is an Ogg file, put in place. */
static void
test_record (void)
{
  g_autoptr(LotsenRecorder) recorder = lotsen_recorder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lotsen_clips_user_dir ("ti");
  g_autofree char *path = g_build_filename (dir, "recorded.ogg", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *contents = NULL;
  gsize size = 0;

  clean_clips ();
  g_setenv ("LOTSEN_AUDIO_SOURCE", "audiotestsrc num-buffers=50", TRUE);

  g_assert_true (lotsen_recorder_start (recorder, path, &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_recorder_get_recording (recorder));
  g_assert_true (lotsen_recorder_wait (recorder, &error));
  g_assert_no_error (error);
  g_assert_false (lotsen_recorder_get_recording (recorder));

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 200);
  g_assert_cmpmem (contents, 4, "OggS", 4);
  g_assert_nonnull (memmem (contents, MIN (size, 200), "OpusHead", 8));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  /* Stopped at once: still a whole file, never a ".part". */
  g_assert_true (lotsen_recorder_start (recorder, path, &error));
  g_assert_true (lotsen_recorder_stop (recorder, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  /* A source that cannot be made: a message, no file. */
  g_setenv ("LOTSEN_AUDIO_SOURCE", "nosuchsource", TRUE);
  g_assert_false (lotsen_recorder_start (recorder, path, &error));
  g_assert_nonnull (error);
  g_unsetenv ("LOTSEN_AUDIO_SOURCE");

  clean_clips ();
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");
  int status;

  data_home = g_dir_make_tmp ("lotsen-speech-XXXXXX", NULL);
  shipped = g_build_filename (data_home, "shipped", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LOTSEN_CLIPSDIR", shipped, TRUE);
  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/speech/key", test_key);
  g_test_add_func ("/speech/spoken-strings", test_spoken_strings);
  g_test_add_func ("/speech/find-order", test_find_order);
  g_test_add_func ("/speech/choose", test_choose);
  g_test_add_func ("/speech/coverage", test_coverage);
  g_test_add_func ("/speech/export", test_export);
  g_test_add_func ("/speech/record", test_record);
  status = g_test_run ();

  remove_recursively (data_home);
  g_free (shipped);
  g_free (data_home);
  return status;
}
