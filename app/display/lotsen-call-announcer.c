/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-call-announcer.c — a call heard in the waiting room: the chime
 * (ui/lotsen-chime.wav, made by build-aux/make-chime.py), then the call
 * spoken, "A 0 1 2, lucka 2", in Swedish and, when the ticket was taken in
 * another language that espeak-ng has a voice for, in that language too.
 * Only the label and the desk are ever spoken, never a name.
 *
 * Speech is made in a worker thread (lotsen-speech.c) and played, like the
 * chime, through GTK's media support, one clip after the other.  The
 * settings "call-sound" (on/off) and "call-volume" (0–100) rule it.  With
 * $LOTSEN_AUDIO_LOG set to a file, every clip is written there as a line
 * ("chime <bytes>", "speech <lang> <bytes> <text>") instead of being
 * played: tests and set-ups without speakers read it.
 */

#define G_LOG_DOMAIN "lotsen-display"

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lotsen-call-announcer.h"
#include "lotsen-i18n.h"
#include "lotsen-speech.h"

#define CLIP_SECONDS_MAX 15

struct _LotsenCallAnnouncer
{
  GObject         parent_instance;

  GSettings      *settings;
  GQueue          clips;     /* (element-type Clip) waiting to be played */
  GtkMediaStream *playing;
  guint           stuck_id;  /* gives up on a clip that neither ends nor fails */
  char           *dir;       /* temporary files for the media backend */
  guint           serial;
};

typedef struct
{
  char   *what;  /* "chime" or "speech" */
  char   *lang;
  char   *text;
  GBytes *wav;
} Clip;

G_DEFINE_FINAL_TYPE (LotsenCallAnnouncer, lotsen_call_announcer, G_TYPE_OBJECT)

static void
clip_free (Clip *clip)
{
  g_free (clip->what);
  g_free (clip->lang);
  g_free (clip->text);
  g_clear_pointer (&clip->wav, g_bytes_unref);
  g_free (clip);
}

static void
lotsen_call_announcer_dispose (GObject *object)
{
  LotsenCallAnnouncer *self = LOTSEN_CALL_ANNOUNCER (object);

  g_queue_clear_full (&self->clips, (GDestroyNotify) clip_free);
  g_clear_handle_id (&self->stuck_id, g_source_remove);
  if (self->playing != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->playing, self);
      gtk_media_stream_pause (self->playing);
    }
  g_clear_object (&self->playing);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lotsen_call_announcer_parent_class)->dispose (object);
}

static void
lotsen_call_announcer_finalize (GObject *object)
{
  LotsenCallAnnouncer *self = LOTSEN_CALL_ANNOUNCER (object);

  if (self->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (self->dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (self->dir);
      g_free (self->dir);
    }

  G_OBJECT_CLASS (lotsen_call_announcer_parent_class)->finalize (object);
}

static void
lotsen_call_announcer_class_init (LotsenCallAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lotsen_call_announcer_dispose;
  object_class->finalize = lotsen_call_announcer_finalize;
}

static void
lotsen_call_announcer_init (LotsenCallAnnouncer *self)
{
  g_queue_init (&self->clips);
}

/**
 * lotsen_call_announcer_new:
 * @settings: (nullable): the kiosk's settings; without them the chime and
 *   voice are on at full volume
 */
LotsenCallAnnouncer *
lotsen_call_announcer_new (GSettings *settings)
{
  LotsenCallAnnouncer *self = g_object_new (LOTSEN_TYPE_CALL_ANNOUNCER, NULL);

  g_set_object (&self->settings, settings);
  return self;
}

static void play_next (LotsenCallAnnouncer *self);

/* For tests and kiosks without speakers: what would be played. */
static gboolean
log_clip (const Clip *clip)
{
  const char *path = g_getenv ("LOTSEN_AUDIO_LOG");
  g_autofree char *line = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || *path == '\0')
    return FALSE;

  if (g_str_equal (clip->what, "chime"))
    line = g_strdup_printf ("chime %" G_GSIZE_FORMAT "\n", g_bytes_get_size (clip->wav));
  else
    line = g_strdup_printf ("speech %s %" G_GSIZE_FORMAT " %s\n", clip->lang,
                            g_bytes_get_size (clip->wav), clip->text);

  file = g_file_new_for_path (path);
  out = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (out), line, strlen (line), NULL, NULL, &error))
    g_warning ("The audio log %s cannot be written: %s", path, error->message);

  return TRUE;
}

static void
stream_done_cb (GtkMediaStream      *stream,
                GParamSpec          *pspec,
                LotsenCallAnnouncer *self)
{
  if (!gtk_media_stream_get_ended (stream) && gtk_media_stream_get_error (stream) == NULL)
    return;

  if (gtk_media_stream_get_error (stream) != NULL)
    g_debug ("A clip could not be played: %s", gtk_media_stream_get_error (stream)->message);
  else
    g_debug ("A clip was played");

  g_clear_handle_id (&self->stuck_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (stream, self);
  g_clear_object (&self->playing);
  play_next (self);
}

/* A sound device that takes a clip and never finishes it must not hold up
 * every call after it. */
static gboolean
stuck_cb (gpointer user_data)
{
  LotsenCallAnnouncer *self = LOTSEN_CALL_ANNOUNCER (user_data);

  self->stuck_id = 0;
  g_debug ("A clip did not finish; the next one plays");
  if (self->playing != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->playing, self);
      gtk_media_stream_pause (self->playing);
      g_clear_object (&self->playing);
    }
  play_next (self);
  return G_SOURCE_REMOVE;
}

/* GTK's media backend plays files: each clip goes to a temporary one. */
static char *
write_clip (LotsenCallAnnouncer  *self,
            const Clip           *clip,
            GError              **error)
{
  g_autofree char *name = NULL;
  char *path;

  if (self->dir == NULL)
    {
      self->dir = g_dir_make_tmp ("lotsen-sound-XXXXXX", error);
      if (self->dir == NULL)
        return NULL;
    }

  name = g_strdup_printf ("clip-%u.wav", self->serial++ % 8);
  path = g_build_filename (self->dir, name, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (clip->wav, NULL), g_bytes_get_size (clip->wav), error))
    g_clear_pointer (&path, g_free);

  return path;
}

static void
play_next (LotsenCallAnnouncer *self)
{
  while (self->playing == NULL && !g_queue_is_empty (&self->clips))
    {
      Clip *clip = g_queue_pop_head (&self->clips);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      guint volume = self->settings ? g_settings_get_uint (self->settings, "call-volume") : 100;

      if (!log_clip (clip))
        {
          path = write_clip (self, clip, &error);
          if (path == NULL)
            g_warning ("A sound could not be prepared: %s", error->message);
          else
            {
              self->playing = gtk_media_file_new_for_filename (path);
              gtk_media_stream_set_volume (self->playing, MIN (volume, 100) / 100.0);
              g_signal_connect (self->playing, "notify::ended", G_CALLBACK (stream_done_cb), self);
              g_signal_connect (self->playing, "notify::error", G_CALLBACK (stream_done_cb), self);
              gtk_media_stream_play (self->playing);
              /* Every clip is a few seconds long. */
              self->stuck_id = g_timeout_add_seconds (CLIP_SECONDS_MAX, stuck_cb, self);
            }
        }

      clip_free (clip);
    }
}

static void
enqueue (LotsenCallAnnouncer *self,
         const char          *what,
         const char          *lang,
         const char          *text,
         GBytes              *wav)
{
  Clip *clip = g_new0 (Clip, 1);

  clip->what = g_strdup (what);
  clip->lang = g_strdup (lang);
  clip->text = g_strdup (text);
  clip->wav = g_bytes_ref (wav);
  g_queue_push_tail (&self->clips, clip);
  play_next (self);
}

typedef struct
{
  char *label;
  int   desk;
  char *lang;
} SpeechJob;

static void
speech_job_free (SpeechJob *job)
{
  g_free (job->label);
  g_free (job->lang);
  g_free (job);
}

/* Returns a GPtrArray of Clip: Swedish, then the ticket's language. */
static void
speak_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SpeechJob *job = task_data;
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_free);
  const char *langs[2] = { LOTSEN_DEFAULT_LANGUAGE, NULL };

  if (job->lang != NULL && !g_str_equal (job->lang, LOTSEN_DEFAULT_LANGUAGE))
    {
      if (lotsen_speech_has_voice (job->lang))
        langs[1] = job->lang;
      /* RECORDED CLIPS: languages espeak-ng has no voice for (Tigrinya,
       * Somali, …) hear the call in Swedish only.  Recorded clips plug in
       * here: po/voice/<lang>/ with one file per letter, digit and the
       * word for "desk", queued in order after the Swedish call. */
    }

  for (guint i = 0; i < G_N_ELEMENTS (langs) && langs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      GBytes *wav;

      /* The text is translated on the main thread's behalf: gettext's
       * language is switched only there (see announce ()). */
      text = g_strdup (g_object_get_data (G_OBJECT (task), langs[i]));
      wav = lotsen_speech_synthesize_wav (text, langs[i], &error);
      if (wav == NULL)
        {
          g_debug ("No speech for “%s”: %s", text, error->message);
          continue;
        }

      {
        Clip *clip = g_new0 (Clip, 1);

        clip->what = g_strdup ("speech");
        clip->lang = g_strdup (langs[i]);
        clip->text = g_steal_pointer (&text);
        clip->wav = wav;
        g_ptr_array_add (clips, clip);
      }
    }

  g_task_return_pointer (task, g_steal_pointer (&clips), (GDestroyNotify) g_ptr_array_unref);
}

static void
speak_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LotsenCallAnnouncer *self = LOTSEN_CALL_ANNOUNCER (source);
  g_autoptr(GPtrArray) clips = g_task_propagate_pointer (G_TASK (result), NULL);

  for (guint i = 0; clips != NULL && i < clips->len; i++)
    {
      Clip *clip = g_ptr_array_index (clips, i);

      enqueue (self, clip->what, clip->lang, clip->text, clip->wav);
    }
}

static GBytes *
load_chime (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *chime = g_resources_lookup_data (RESOURCE_BASE "/lotsen-chime.wav", 0, &error);

  if (chime == NULL)
    g_warning ("The chime is missing: %s", error->message);
  return chime;
}

/**
 * lotsen_call_announcer_announce:
 *
 * The chime, then the call spoken; queued after what is playing.
 */
void
lotsen_call_announcer_announce (LotsenCallAnnouncer *self,
                                const LotsenCall    *call)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) chime = NULL;
  SpeechJob *job;

  g_return_if_fail (LOTSEN_IS_CALL_ANNOUNCER (self));
  g_return_if_fail (call != NULL);

  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "call-sound"))
    return;

  chime = load_chime ();
  if (chime != NULL)
    enqueue (self, "chime", NULL, NULL, chime);

  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "call-voice"))
    return;

  job = g_new0 (SpeechJob, 1);
  job->label = g_strdup (call->label);
  job->desk = call->desk;
  job->lang = g_strdup (call->lang);

  task = g_task_new (self, NULL, speak_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) speech_job_free);
  /* Both texts now, on this thread: the language switch is not thread-safe. */
  g_object_set_data_full (G_OBJECT (task), LOTSEN_DEFAULT_LANGUAGE,
                          lotsen_speech_call_text (call->label, call->desk, LOTSEN_DEFAULT_LANGUAGE), g_free);
  if (call->lang != NULL && !g_str_equal (call->lang, LOTSEN_DEFAULT_LANGUAGE))
    g_object_set_data_full (G_OBJECT (task), call->lang,
                            lotsen_speech_call_text (call->label, call->desk, call->lang), g_free);
  g_task_run_in_thread (task, speak_thread);
}
