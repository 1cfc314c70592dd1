/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOTSEN_SPEECH_ERROR (lotsen_speech_error_quark ())

typedef enum {
  LOTSEN_SPEECH_ERROR_NO_ENGINE, /* built without espeak-ng, or its data is missing */
  LOTSEN_SPEECH_ERROR_NO_VOICE,  /* no voice for the language */
  LOTSEN_SPEECH_ERROR_FAILED,
} LotsenSpeechError;

GQuark    lotsen_speech_error_quark      (void);
gboolean  lotsen_speech_has_voice        (const char  *lang);
GBytes   *lotsen_speech_synthesize_wav   (const char  *text,
                                          const char  *lang,
                                          GError     **error);
char     *lotsen_speech_spell_label      (const char  *label);
char     *lotsen_speech_call_text        (const char  *label,
                                          int          desk,
                                          const char  *lang);

G_END_DECLS
