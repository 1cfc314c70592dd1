/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LOTSEN_SPEECH_NONE,   /* neither a clip nor a voice: nothing said */
  LOTSEN_SPEECH_CLIP,
  LOTSEN_SPEECH_VOICE,
} LotsenSpeechKind;

#define LOTSEN_TYPE_AUDIO_PLAYER (lotsen_audio_player_get_type ())
G_DECLARE_FINAL_TYPE (LotsenAudioPlayer, lotsen_audio_player, LOTSEN, AUDIO_PLAYER, GObject)

LotsenAudioPlayer *lotsen_audio_player_new   (void);
LotsenSpeechKind   lotsen_audio_player_choose (const char         *language,
                                               const char         *text,
                                               char              **clip);
gboolean           lotsen_audio_player_speak (LotsenAudioPlayer  *self,
                                              const char         *language,
                                              const char *const  *texts);
void               lotsen_audio_player_stop  (LotsenAudioPlayer  *self);
void               lotsen_audio_player_play_file (LotsenAudioPlayer *self,
                                                  const char        *path);

G_END_DECLS
