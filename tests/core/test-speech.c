/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Speech for the call display: which languages have a voice, what is said
 * for a call, and that the engine gives a real WAV in memory. */
#include "config.h"

#include <string.h>

#include "lotsen-i18n.h"
#include "lotsen-speech.h"

static void
test_speech_text (void)
{
  g_autofree char *spelled = lotsen_speech_spell_label ("A012");
  g_autofree char *sv = lotsen_speech_call_text ("A012", 2, "sv");
  g_autofree char *fallback = lotsen_speech_call_text ("B003", 11, NULL);
  g_autofree char *ar = lotsen_speech_call_text ("A012", 2, "ar");

  g_assert_cmpstr (spelled, ==, "A 0 1 2");
  g_assert_cmpstr (sv, ==, "A 0 1 2, lucka 2");
  g_assert_cmpstr (fallback, ==, "B 0 0 3, lucka 11");
  /* The label is read sign by sign in every language. */
  g_assert_nonnull (strstr (ar, "A 0 1 2"));
  g_assert_cmpstr (ar, !=, sv);
  /* The kiosk's own language is left as it was. */
  g_assert_cmpstr (lotsen_i18n_get_language (), ==, "sv");
}

/* RIFF/WAVE, 16-bit mono PCM, and more than a header. */
static void
assert_wav (GBytes *wav)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (wav, &size);
  guint32 data_size;

  g_assert_cmpuint (size, >, 44 + 4000);
  g_assert_cmpmem (data, 4, "RIFF", 4);
  g_assert_cmpmem (data + 8, 8, "WAVEfmt ", 8);
  g_assert_cmpint (data[20] | data[21] << 8, ==, 1);   /* PCM */
  g_assert_cmpint (data[22] | data[23] << 8, ==, 1);   /* mono */
  g_assert_cmpint (data[34] | data[35] << 8, ==, 16);  /* bits */
  memcpy (&data_size, data + 40, 4);
  g_assert_cmpuint (GUINT32_FROM_LE (data_size), ==, size - 44);
}

static void
test_speech_voices (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sv = NULL;
  g_autoptr(GBytes) ar = NULL;

#ifndef HAVE_ESPEAK_NG
  g_test_skip ("Built without espeak-ng");
  return;
#endif
  if (!lotsen_speech_has_voice ("sv"))
    {
      g_test_skip ("espeak-ng-data is not installed");
      return;
    }

  /* Voices: Swedish, English, Arabic, Persian, Ukrainian; none for
   * Tigrinya or Somali (recorded clips will fill in). */
  g_assert_true (lotsen_speech_has_voice ("en"));
  g_assert_true (lotsen_speech_has_voice ("ar"));
  g_assert_true (lotsen_speech_has_voice ("fa"));
  g_assert_true (lotsen_speech_has_voice ("uk"));
  g_assert_false (lotsen_speech_has_voice ("ti"));
  g_assert_false (lotsen_speech_has_voice ("so"));
  g_assert_false (lotsen_speech_has_voice (NULL));
  /* The voice po/languages.ini names: Dari in the Persian voice,
   * Kurmanji in "ku"; none for Pashto or Sorani. */
  g_assert_true (lotsen_speech_has_voice ("prs"));
  g_assert_true (lotsen_speech_has_voice ("kmr"));
  g_assert_true (lotsen_speech_has_voice ("ru"));
  g_assert_false (lotsen_speech_has_voice ("ps"));
  g_assert_false (lotsen_speech_has_voice ("ckb"));

  sv = lotsen_speech_synthesize_wav ("A 0 1 2, lucka 2", "sv", &error);
  g_assert_no_error (error);
  assert_wav (sv);

  ar = lotsen_speech_synthesize_wav ("A 0 1 2، المكتب 2", "ar", &error);
  g_assert_no_error (error);
  assert_wav (ar);

  g_assert_null (lotsen_speech_synthesize_wav ("A 0 1 2", "ti", &error));
  g_assert_error (error, LOTSEN_SPEECH_ERROR, LOTSEN_SPEECH_ERROR_NO_VOICE);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");

  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speech/text", test_speech_text);
  g_test_add_func ("/speech/voices", test_speech_voices);

  return g_test_run ();
}
