/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-speech.c — text to speech, in memory: text and a language code
 * in, a WAV file's bytes out.  The engine is espeak-ng's library, run
 * synchronously into a buffer (nothing is played here), so the caller
 * plays it however it plays sound.  The one engine of the process: the
 * call display speaks calls with it, and screens are read aloud with it
 * (app/audio), under one lock.
 *
 * Languages without an espeak-ng voice (Tigrinya, Somali, …) get no
 * speech from here: see lotsen_speech_has_voice().
 */

#define G_LOG_DOMAIN "lotsen-speech"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#ifdef HAVE_ESPEAK_NG
#include <espeak-ng/espeak_ng.h>
#endif

#include "lotsen-i18n.h"
#include "lotsen-speech.h"

G_DEFINE_QUARK (lotsen-speech-error-quark, lotsen_speech_error)

/* espeak-ng keeps global state: one synthesis at a time. */
static GMutex engine_lock;

#ifdef HAVE_ESPEAK_NG
static int engine_state; /* 0 not tried, 1 ready, -1 unusable */
static int sample_rate;

static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  GByteArray *pcm = events ? events->user_data : NULL;

  if (pcm != NULL && wav != NULL && n_samples > 0)
    g_byte_array_append (pcm, (const guint8 *) wav, (guint) n_samples * sizeof (short));

  return 0;
}

static gboolean
ensure_engine (GError **error)
{
  if (engine_state == 0)
    {
      espeak_ng_InitializePath (NULL);
      if (espeak_ng_Initialize (NULL) == ENS_OK &&
          espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL) == ENS_OK)
        {
          espeak_SetSynthCallback (synth_cb);
          sample_rate = espeak_ng_GetSampleRate ();
          engine_state = 1;
        }
      else
        engine_state = -1;
    }

  if (engine_state < 0)
    {
      g_set_error_literal (error, LOTSEN_SPEECH_ERROR, LOTSEN_SPEECH_ERROR_NO_ENGINE,
                           "espeak-ng cannot start (is espeak-ng-data installed?)");
      return FALSE;
    }

  return TRUE;
}
#endif

/* The espeak-ng voice for a language of the kiosk: the one
 * po/languages.ini names for it (Dari is spoken by the Persian voice,
 * Kurmanji by "ku"), none where it names none; any other code is tried
 * as it is. */
static const char *
find_voice (const char *lang)
{
  const LotsenLanguage *language = lotsen_i18n_lookup (lang);

  return language != NULL ? language->voice : lang;
}

/**
 * lotsen_speech_has_voice:
 * @lang: (nullable): a language code
 *
 * Returns: whether lotsen_speech_synthesize_wav() can speak @lang
 */
gboolean
lotsen_speech_has_voice (const char *lang)
{
#ifdef HAVE_ESPEAK_NG
  const char *voice = find_voice (lang);
  gboolean ok;

  if (voice == NULL)
    return FALSE;

  g_mutex_lock (&engine_lock);
  ok = ensure_engine (NULL) && espeak_ng_SetVoiceByName (voice) == ENS_OK;
  g_mutex_unlock (&engine_lock);

  return ok;
#else
  return FALSE;
#endif
}

static GBytes *
wrap_wav (GByteArray *pcm,
          guint32     rate)
{
  GByteArray *wav = g_byte_array_sized_new (44 + pcm->len);
  guint8 header[44];
  guint32 data_size = pcm->len;

#define PUT32(at, v) G_STMT_START { guint32 le = GUINT32_TO_LE (v); memcpy (header + (at), &le, 4); } G_STMT_END
#define PUT16(at, v) G_STMT_START { guint16 le = GUINT16_TO_LE (v); memcpy (header + (at), &le, 2); } G_STMT_END
  memcpy (header, "RIFF", 4);
  PUT32 (4, 36 + data_size);
  memcpy (header + 8, "WAVEfmt ", 8);
  PUT32 (16, 16);            /* the fmt chunk's size */
  PUT16 (20, 1);             /* PCM */
  PUT16 (22, 1);             /* mono */
  PUT32 (24, rate);
  PUT32 (28, rate * 2);      /* bytes a second */
  PUT16 (32, 2);             /* bytes a sample */
  PUT16 (34, 16);            /* bits a sample */
  memcpy (header + 36, "data", 4);
  PUT32 (40, data_size);
#undef PUT32
#undef PUT16

  g_byte_array_append (wav, header, sizeof header);
  g_byte_array_append (wav, pcm->data, pcm->len);

  return g_byte_array_free_to_bytes (wav);
}

/**
 * lotsen_speech_synthesize_wav:
 * @text: what to say, UTF-8
 * @lang: the language to say it in
 *
 * Speaks @text into memory.  May be called from any thread.
 *
 * Returns: (transfer full): a 16-bit mono WAV file's bytes, or %NULL with
 *   %LOTSEN_SPEECH_ERROR_NO_VOICE when there is no voice for @lang
 */
GBytes *
lotsen_speech_synthesize_wav (const char  *text,
                              const char  *lang,
                              GError     **error)
{
#ifdef HAVE_ESPEAK_NG
  g_autoptr(GByteArray) pcm = NULL;
  const char *voice = find_voice (lang);
  espeak_ERROR status;
  guint32 rate;

  g_return_val_if_fail (text != NULL, NULL);

  if (voice == NULL)
    {
      g_set_error (error, LOTSEN_SPEECH_ERROR, LOTSEN_SPEECH_ERROR_NO_VOICE,
                   "No voice for the language “%s”", lang ? lang : "");
      return NULL;
    }

  g_mutex_lock (&engine_lock);
  if (!ensure_engine (error))
    {
      g_mutex_unlock (&engine_lock);
      return NULL;
    }

  if (espeak_ng_SetVoiceByName (voice) != ENS_OK)
    {
      g_mutex_unlock (&engine_lock);
      g_set_error (error, LOTSEN_SPEECH_ERROR, LOTSEN_SPEECH_ERROR_NO_VOICE,
                   "espeak-ng has no voice “%s”", voice);
      return NULL;
    }

  pcm = g_byte_array_new ();
  status = espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, pcm);
  if (status == EE_OK)
    espeak_ng_Synchronize ();
  rate = (guint32) sample_rate;
  g_mutex_unlock (&engine_lock);

  if (status != EE_OK || pcm->len == 0)
    {
      g_set_error (error, LOTSEN_SPEECH_ERROR, LOTSEN_SPEECH_ERROR_FAILED,
                   "espeak-ng could not speak “%s”", text);
      return NULL;
    }

  return wrap_wav (pcm, rate);
#else
  g_set_error_literal (error, LOTSEN_SPEECH_ERROR, LOTSEN_SPEECH_ERROR_NO_ENGINE,
                       "Built without espeak-ng");
  return NULL;
#endif
}

/**
 * lotsen_speech_spell_label:
 *
 * Returns: (transfer full): "A012" as "A 0 1 2", read sign by sign
 */
char *
lotsen_speech_spell_label (const char *label)
{
  GString *spelled = g_string_new (NULL);

  g_return_val_if_fail (label != NULL, NULL);

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (spelled->len > 0)
        g_string_append_c (spelled, ' ');
      g_string_append_unichar (spelled, g_utf8_get_char (p));
    }

  return g_string_free (spelled, FALSE);
}

/* Translators: spoken by the waiting-room display's voice when a ticket
 * is called: the ticket label, read sign by sign, then the desk number
 * ("A 0 1 2, desk 2"). Never a name. */
#define CALL_FORMAT N_("%s, desk %d")

/**
 * lotsen_speech_call_text:
 * @lang: (nullable): the language to say it in (Swedish for %NULL)
 *
 * Returns: (transfer full): what the voice says for a call, "A 0 1 2,
 *   desk 2" in @lang
 */
char *
lotsen_speech_call_text (const char *label,
                         int         desk,
                         const char *lang)
{
  g_autofree char *spelled = lotsen_speech_spell_label (label);

  return g_strdup_printf (lotsen_i18n_translate_in (lang ? lang : LOTSEN_DEFAULT_LANGUAGE, CALL_FORMAT),
                          spelled, desk);
}
