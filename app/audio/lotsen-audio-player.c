/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-audio-player.c — says a list of texts, one after the other: each
 * from its recorded clip where there is one, else in the synthetic voice,
 * else not at all.
 *
 * The voice is made in a worker thread and played by GStreamer's playbin,
 * so the screen never waits for either; speaking anew or stopping drops
 * what was still to come.
 *
 * With LOTSEN_AUDIO_LOG=FILE nothing is played: one line an utterance is
 * appended to FILE instead, "kind=clip|voice|none lang=LL text=…", for
 * tests.
 */

#define G_LOG_DOMAIN "lotsen-audio"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <gst/gst.h>
#include <unistd.h>

#include "lotsen-audio-player.h"
#include "lotsen-clips.h"
#include "lotsen-speech.h"

struct _LotsenAudioPlayer
{
  GObject       parent_instance;

  GstElement   *playbin;
  GQueue        files;        /* char *: what is still to play */
  GPtrArray    *temporary;    /* char *: voice files to delete */
  GCancellable *cancellable;  /* the voice being made */
};

G_DEFINE_FINAL_TYPE (LotsenAudioPlayer, lotsen_audio_player, G_TYPE_OBJECT)

static void
delete_file (gpointer path)
{
  g_unlink (path);
  g_free (path);
}

static void
play_next (LotsenAudioPlayer *self)
{
  g_autofree char *path = g_queue_pop_head (&self->files);
  g_autofree char *uri = NULL;

  if (self->playbin == NULL)
    return;

  gst_element_set_state (self->playbin, GST_STATE_NULL);
  if (path == NULL)
    return;

  uri = g_filename_to_uri (path, NULL, NULL);
  g_object_set (self->playbin, "uri", uri, NULL);
  gst_element_set_state (self->playbin, GST_STATE_PLAYING);
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  LotsenAudioPlayer *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_EOS:
      play_next (self);
      break;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;

        gst_message_parse_error (message, &error, NULL);
        g_warning ("Playing speech: %s", error->message);
        play_next (self);
      }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static void
lotsen_audio_player_dispose (GObject *object)
{
  LotsenAudioPlayer *self = LOTSEN_AUDIO_PLAYER (object);

  lotsen_audio_player_stop (self);
  if (self->playbin != NULL)
    {
      gst_bus_remove_watch (GST_ELEMENT_BUS (self->playbin));
      gst_element_set_state (self->playbin, GST_STATE_NULL);
    }
  gst_clear_object (&self->playbin);
  g_clear_pointer (&self->temporary, g_ptr_array_unref);

  G_OBJECT_CLASS (lotsen_audio_player_parent_class)->dispose (object);
}

static void
lotsen_audio_player_class_init (LotsenAudioPlayerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lotsen_audio_player_dispose;
}

static void
lotsen_audio_player_init (LotsenAudioPlayer *self)
{
  g_autoptr(GError) error = NULL;

  g_queue_init (&self->files);
  self->temporary = g_ptr_array_new_with_free_func (delete_file);

  if (g_getenv ("LOTSEN_AUDIO_LOG") != NULL)
    return;

  if (!gst_init_check (NULL, NULL, &error))
    {
      g_warning ("No sound: %s", error->message);
      return;
    }
  self->playbin = gst_element_factory_make ("playbin", NULL);
  if (self->playbin == NULL)
    {
      g_warning ("No sound: GStreamer's playbin is missing");
      return;
    }
  gst_object_ref_sink (self->playbin);
  gst_bus_add_watch (GST_ELEMENT_BUS (self->playbin), bus_cb, self);
}

LotsenAudioPlayer *
lotsen_audio_player_new (void)
{
  return g_object_new (LOTSEN_TYPE_AUDIO_PLAYER, NULL);
}

/**
 * lotsen_audio_player_choose:
 * @text: a text on screen, translated into @language
 * @clip: (out) (optional): the clip's file, for %LOTSEN_SPEECH_CLIP
 *
 * Returns: how @text would be said: its clip, else the voice, else not
 */
LotsenSpeechKind
lotsen_audio_player_choose (const char  *language,
                            const char  *text,
                            char       **clip)
{
  const char *message = lotsen_clips_message_for_text (text);

  if (message != NULL)
    {
      g_autofree char *key = lotsen_clips_key (message);
      char *path = lotsen_clips_find (language, key);

      if (path != NULL)
        {
          if (clip != NULL)
            *clip = path;
          else
            g_free (path);
          return LOTSEN_SPEECH_CLIP;
        }
    }

  return lotsen_speech_has_voice (language) ? LOTSEN_SPEECH_VOICE : LOTSEN_SPEECH_NONE;
}

static void
log_utterance (LotsenSpeechKind kind,
               const char      *language,
               const char      *text,
               const char      *clip)
{
  static const char *kinds[] = { "none", "clip", "voice" };
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_autofree char *line = NULL;
  FILE *log = fopen (g_getenv ("LOTSEN_AUDIO_LOG"), "a");

  if (log == NULL)
    return;

  if (clip != NULL)
    {
      g_autofree char *name = g_path_get_basename (clip);
      line = g_strdup_printf ("kind=%s lang=%s key=%.40s text=%s\n", kinds[kind], language, name, flat);
    }
  else
    line = g_strdup_printf ("kind=%s lang=%s text=%s\n", kinds[kind], language, flat);
  fputs (line, log);
  fclose (log);
}

typedef struct
{
  char      *language;
  GPtrArray *items;   /* char *: a clip's path, or "\001" and a text to say */
} Utterance;

static void
utterance_free (gpointer data)
{
  Utterance *u = data;

  g_free (u->language);
  g_ptr_array_unref (u->items);
  g_free (u);
}

/* In the worker: the voice's texts become WAV files. */
static void
synthesize_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Utterance *u = data;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < u->items->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *item = g_ptr_array_index (u->items, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) wav = NULL;
      char *path = NULL;
      int fd;

      if (item[0] != '\001')
        {
          g_ptr_array_add (files, g_strdup (item));
          continue;
        }

      wav = lotsen_speech_synthesize_wav (item + 1, u->language, &error);
      if (wav == NULL)
        {
          g_warning ("Speaking: %s", error->message);
          continue;
        }
      fd = g_file_open_tmp ("lotsen-voice-XXXXXX.wav", &path, &error);
      if (fd < 0)
        {
          g_warning ("Speaking: %s", error->message);
          continue;
        }
      close (fd);
      if (!g_file_set_contents (path, g_bytes_get_data (wav, NULL), g_bytes_get_size (wav), &error))
        g_warning ("Speaking: %s", error->message);
      /* Marked, so the player deletes it after use. */
      g_ptr_array_add (files, g_strconcat ("\001", path, NULL));
      g_free (path);
    }

  g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
}

static void
synthesized_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LotsenAudioPlayer *self = LOTSEN_AUDIO_PLAYER (source);
  g_autoptr(GPtrArray) files = g_task_propagate_pointer (G_TASK (result), NULL);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  if (files == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);

      /* Stopped while the voice was made: its files go at once. */
      if (g_cancellable_is_cancelled (cancellable))
        {
          if (file[0] == '\001')
            g_unlink (file + 1);
          continue;
        }

      if (file[0] == '\001')
        {
          g_ptr_array_add (self->temporary, g_strdup (file + 1));
          file++;
        }
      g_queue_push_tail (&self->files, g_strdup (file));
    }
  if (!g_cancellable_is_cancelled (cancellable))
    play_next (self);
}

/**
 * lotsen_audio_player_speak:
 * @language: the language @texts are in
 * @texts: (array zero-terminated=1): what to say, in order
 *
 * Stops what is being said and says @texts.
 *
 * Returns: %FALSE when none of @texts can be said in @language
 */
gboolean
lotsen_audio_player_speak (LotsenAudioPlayer *self,
                           const char        *language,
                           const char *const *texts)
{
  g_autoptr(GTask) task = NULL;
  Utterance *u;
  gboolean any = FALSE;

  g_return_val_if_fail (LOTSEN_IS_AUDIO_PLAYER (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  lotsen_audio_player_stop (self);

  u = g_new0 (Utterance, 1);
  u->language = g_strdup (language);
  u->items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_autofree char *clip = NULL;
      LotsenSpeechKind kind;

      if (*texts[i] == '\0')
        continue;
      kind = lotsen_audio_player_choose (language, texts[i], &clip);
      if (g_getenv ("LOTSEN_AUDIO_LOG") != NULL)
        log_utterance (kind, language, texts[i], clip);
      if (kind == LOTSEN_SPEECH_CLIP)
        g_ptr_array_add (u->items, g_steal_pointer (&clip));
      else if (kind == LOTSEN_SPEECH_VOICE)
        g_ptr_array_add (u->items, g_strconcat ("\001", texts[i], NULL));
      any |= kind != LOTSEN_SPEECH_NONE;
    }

  if (self->playbin == NULL || u->items->len == 0)
    {
      utterance_free (u);
      return any;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, synthesized_cb, NULL);
  g_task_set_task_data (task, u, utterance_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, synthesize_thread);

  return any;
}

/**
 * lotsen_audio_player_stop:
 *
 * Says nothing more of what it was saying.
 */
void
lotsen_audio_player_stop (LotsenAudioPlayer *self)
{
  g_return_if_fail (LOTSEN_IS_AUDIO_PLAYER (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  g_queue_clear_full (&self->files, g_free);
  if (self->playbin != NULL)
    gst_element_set_state (self->playbin, GST_STATE_NULL);
  if (self->temporary != NULL)
    g_ptr_array_set_size (self->temporary, 0);
}

/**
 * lotsen_audio_player_play_file:
 * @path: a sound file (a recorded clip)
 *
 * Stops what is being said and plays @path.
 */
void
lotsen_audio_player_play_file (LotsenAudioPlayer *self,
                               const char        *path)
{
  g_return_if_fail (LOTSEN_IS_AUDIO_PLAYER (self));
  g_return_if_fail (path != NULL);

  lotsen_audio_player_stop (self);
  if (g_getenv ("LOTSEN_AUDIO_LOG") != NULL)
    {
      FILE *log = fopen (g_getenv ("LOTSEN_AUDIO_LOG"), "a");
      g_autofree char *name = g_path_get_basename (path);

      if (log != NULL)
        {
          fprintf (log, "kind=playback file=%s\n", name);
          fclose (log);
        }
      return;
    }

  g_queue_push_tail (&self->files, g_strdup (path));
  play_next (self);
}
