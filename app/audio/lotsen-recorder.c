/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-recorder.c — records a clip from the microphone into an Ogg Opus
 * file.
 *
 * The source is autoaudiosrc, or the pipeline fragment in
 * LOTSEN_AUDIO_SOURCE (e.g. "audiotestsrc num-buffers=50", for tests).
 * The file is written beside its name and put in place only when the
 * recording ended well, so a clip is never half a file.
 */

#define G_LOG_DOMAIN "lotsen-audio"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "lotsen-recorder.h"

#define STOP_TIMEOUT (5 * GST_SECOND)

struct _LotsenRecorder
{
  GObject     parent_instance;

  GstElement *pipeline;
  char       *path;
  char       *part;
};

G_DEFINE_FINAL_TYPE (LotsenRecorder, lotsen_recorder, G_TYPE_OBJECT)

static void
drop_pipeline (LotsenRecorder *self)
{
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  gst_clear_object (&self->pipeline);
  if (self->part != NULL)
    g_unlink (self->part);
  g_clear_pointer (&self->part, g_free);
  g_clear_pointer (&self->path, g_free);
}

static void
lotsen_recorder_dispose (GObject *object)
{
  drop_pipeline (LOTSEN_RECORDER (object));

  G_OBJECT_CLASS (lotsen_recorder_parent_class)->dispose (object);
}

static void
lotsen_recorder_class_init (LotsenRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lotsen_recorder_dispose;
}

static void
lotsen_recorder_init (LotsenRecorder *self)
{
}

LotsenRecorder *
lotsen_recorder_new (void)
{
  return g_object_new (LOTSEN_TYPE_RECORDER, NULL);
}

/**
 * lotsen_recorder_start:
 * @path: the clip's file; its folder is made if need be
 *
 * Starts recording into @path.
 */
gboolean
lotsen_recorder_start (LotsenRecorder  *self,
                       const char      *path,
                       GError         **error)
{
  const char *source = g_getenv ("LOTSEN_AUDIO_SOURCE");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *description = NULL;
  g_autoptr(GError) gst_error = NULL;
  GstElement *sink;

  g_return_val_if_fail (LOTSEN_IS_RECORDER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  drop_pipeline (self);

  if (!gst_init_check (NULL, NULL, error))
    return FALSE;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  description = g_strdup_printf ("%s ! audioconvert ! audioresample ! opusenc ! oggmux ! filesink name=sink",
                                 source != NULL && *source != '\0' ? source : "autoaudiosrc");
  self->pipeline = gst_parse_launch (description, &gst_error);
  if (self->pipeline == NULL || gst_error != NULL)
    {
      gst_clear_object (&self->pipeline);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "Cannot record: %s", gst_error->message);
      return FALSE;
    }
  gst_object_ref_sink (self->pipeline);

  self->path = g_strdup (path);
  self->part = g_strconcat (path, ".part", NULL);
  sink = gst_bin_get_by_name (GST_BIN (self->pipeline), "sink");
  g_object_set (sink, "location", self->part, NULL);
  gst_object_unref (sink);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot record: no microphone");
      drop_pipeline (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
lotsen_recorder_get_recording (LotsenRecorder *self)
{
  g_return_val_if_fail (LOTSEN_IS_RECORDER (self), FALSE);

  return self->pipeline != NULL;
}

static gboolean
finish (LotsenRecorder  *self,
        gboolean         send_eos,
        GstClockTime     timeout,
        GError         **error)
{
  g_autoptr(GstBus) bus = NULL;
  GstMessage *message;
  gboolean ok = FALSE;

  g_return_val_if_fail (LOTSEN_IS_RECORDER (self), FALSE);

  if (self->pipeline == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Not recording");
      return FALSE;
    }

  if (send_eos)
    gst_element_send_event (self->pipeline, gst_event_new_eos ());
  bus = gst_element_get_bus (self->pipeline);
  message = gst_bus_timed_pop_filtered (bus, timeout, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;

      gst_message_parse_error (message, &gst_error, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Recording: %s", gst_error->message);
    }
  else if (message == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Recording did not end");
  else
    ok = TRUE;
  g_clear_pointer (&message, gst_message_unref);

  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  if (ok && g_rename (self->part, self->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", self->path, g_strerror (saved_errno));
      ok = FALSE;
    }
  drop_pipeline (self);

  return ok;
}

/**
 * lotsen_recorder_stop:
 *
 * Ends the recording and puts the clip in place.
 */
gboolean
lotsen_recorder_stop (LotsenRecorder  *self,
                      GError         **error)
{
  return finish (self, TRUE, STOP_TIMEOUT, error);
}

/**
 * lotsen_recorder_wait:
 *
 * Waits for a source that ends by itself (a test's) and puts the clip in
 * place.
 */
gboolean
lotsen_recorder_wait (LotsenRecorder  *self,
                      GError         **error)
{
  return finish (self, FALSE, 60 * GST_SECOND, error);
}
