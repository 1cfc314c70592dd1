/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-voice.c — the synthetic voice: espeak-ng in-process, text and a
 * language code in, a WAV file's bytes out.
 *
 * espeak-ng keeps one state for the whole process, so every call holds
 * one lock; it may be called from any thread.
 */

#define G_LOG_DOMAIN "lotsen-audio"

#include "config.h"

#include <espeak-ng/espeak_ng.h>
#include <gio/gio.h>
#include <string.h>

#include "lotsen-i18n.h"
#include "lotsen-voice.h"

static GMutex lock;
static gboolean initialized;
static gboolean usable;

/* Collects the samples espeak-ng hands over, into the GByteArray given
 * with the text. */
static int
collect_cb (short        *samples,
            int           n_samples,
            espeak_EVENT *events)
{
  GByteArray *pcm = events != NULL ? events->user_data : NULL;

  if (pcm != NULL && samples != NULL && n_samples > 0)
    g_byte_array_append (pcm, (const guint8 *) samples, n_samples * sizeof (short));

  return 0;
}

/* Under the lock. */
static gboolean
ensure_initialized (void)
{
  if (initialized)
    return usable;

  initialized = TRUE;
  espeak_ng_InitializePath (NULL);
  if (espeak_ng_Initialize (NULL) != ENS_OK ||
      espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL) != ENS_OK)
    {
      g_warning ("The speech synthesizer espeak-ng could not be started");
      return FALSE;
    }
  espeak_SetSynthCallback (collect_cb);
  usable = TRUE;

  return TRUE;
}

/* The espeak-ng voice for a language of the kiosk: the one po/languages.ini
 * names for it (Dari is spoken by the Persian voice, Kurmanji by "ku"),
 * none where it names none; any other code as it is. */
static const char *
voice_name (const char *language)
{
  const LotsenLanguage *known = lotsen_i18n_lookup (language);

  return known != NULL ? known->voice : language;
}

/**
 * lotsen_voice_has_language:
 * @language: a language code from the language table ("sv", "ar", "ti" …)
 *
 * Returns: whether the synthetic voice speaks @language
 */
gboolean
lotsen_voice_has_language (const char *language)
{
  gboolean found;

  g_return_val_if_fail (language != NULL, FALSE);

  g_mutex_lock (&lock);
  found = voice_name (language) != NULL && ensure_initialized () &&
          espeak_ng_SetVoiceByName (voice_name (language)) == ENS_OK;
  g_mutex_unlock (&lock);

  return found;
}

static void
put_le32 (guint8 *at, guint32 value)
{
  value = GUINT32_TO_LE (value);
  memcpy (at, &value, 4);
}

static void
put_le16 (guint8 *at, guint16 value)
{
  value = GUINT16_TO_LE (value);
  memcpy (at, &value, 2);
}

/* A RIFF WAV header for 16-bit mono samples. */
static void
write_wav_header (guint8 header[44],
                  guint32 rate,
                  guint32 data_size)
{
  memcpy (header, "RIFF", 4);
  put_le32 (header + 4, 36 + data_size);
  memcpy (header + 8, "WAVEfmt ", 8);
  put_le32 (header + 16, 16);
  put_le16 (header + 20, 1);          /* PCM */
  put_le16 (header + 22, 1);          /* mono */
  put_le32 (header + 24, rate);
  put_le32 (header + 28, rate * 2);
  put_le16 (header + 32, 2);
  put_le16 (header + 34, 16);
  memcpy (header + 36, "data", 4);
  put_le32 (header + 40, data_size);
}

/**
 * lotsen_voice_synthesize:
 * @text: what to say, in @language
 * @language: a language code the voice has (lotsen_voice_has_language())
 *
 * Returns: (transfer full) (nullable): a WAV file (16-bit mono), or %NULL
 *   and @error when there is no voice for @language
 */
GBytes *
lotsen_voice_synthesize (const char  *text,
                         const char  *language,
                         GError     **error)
{
  GByteArray *wav;
  guint8 header[44] = { 0 };
  espeak_ng_STATUS status = ENS_OK;
  guint32 rate = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  wav = g_byte_array_new ();
  g_byte_array_append (wav, header, sizeof header);

  g_mutex_lock (&lock);
  if (!ensure_initialized ())
    status = ENS_NOT_SUPPORTED;
  else if (voice_name (language) == NULL)
    status = ENS_VOICE_NOT_FOUND;
  else if ((status = espeak_ng_SetVoiceByName (voice_name (language))) == ENS_OK)
    {
      status = espeak_ng_Synthesize (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                                     espeakCHARS_UTF8, NULL, wav);
      if (status == ENS_OK)
        status = espeak_ng_Synchronize ();
      rate = espeak_ng_GetSampleRate ();
    }
  g_mutex_unlock (&lock);

  if (status != ENS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "No synthetic voice for “%s”", language);
      g_byte_array_unref (wav);
      return NULL;
    }

  write_wav_header (wav->data, rate, wav->len - sizeof header);
  return g_byte_array_free_to_bytes (wav);
}
