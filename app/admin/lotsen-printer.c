/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-printer.c — a PDF to a CUPS queue, so any printer with a CUPS
 * driver prints tickets, receipt printers included.  The queue is looked
 * up first, so a missing or stopped printer is said plainly instead of a
 * job waiting for ever; the kiosk calls the async variant, and nothing
 * waits on the printer.
 */

#define G_LOG_DOMAIN "lotsen-printer"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#ifdef HAVE_CUPS
#include <cups/cups.h>
#endif

#include "lotsen-printer.h"

/**
 * lotsen_printer_print:
 * @queue: a CUPS queue's name
 * @pdf: the document
 *
 * Sends @pdf to @queue; blocks until CUPS has taken it.
 *
 * Returns: %TRUE when CUPS accepted the job, %FALSE with a translated
 *   message saying what is wrong with the printer
 */
gboolean
lotsen_printer_print (const char  *queue,
                      GBytes      *pdf,
                      const char  *title,
                      GError     **error)
{
#ifdef HAVE_CUPS
  g_autofree char *path = NULL;
  cups_dest_t *dest;
  const char *state, *reasons;
  int fd, job;

  g_return_val_if_fail (queue != NULL && pdf != NULL, FALSE);

  dest = cupsGetNamedDest (CUPS_HTTP_DEFAULT, queue, NULL);
  if (dest == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is the name of a printer queue. */
                   _("There is no printer “%s”."), queue);
      return FALSE;
    }

  state = cupsGetOption ("printer-state", dest->num_options, dest->options);
  reasons = cupsGetOption ("printer-state-reasons", dest->num_options, dest->options);
  /* IPP: 5 is "stopped" (paper out, cover open, disabled by hand). */
  if (g_strcmp0 (state, "5") == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   /* Translators: %s is a printer queue's name, then the printer's own words for why it stopped (e.g. media-empty). */
                   _("The printer “%s” is stopped (%s)."), queue, reasons ? reasons : "?");
      cupsFreeDests (1, dest);
      return FALSE;
    }
  cupsFreeDests (1, dest);

  fd = g_file_open_tmp ("lotsen-ticket-XXXXXX.pdf", &path, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  if (!g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error))
    {
      g_unlink (path);
      return FALSE;
    }

  job = cupsPrintFile (queue, path, title ? title : "Lotsen", 0, NULL);
  g_unlink (path);
  if (job == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a printer queue's name, then the printing system's message. */
                   _("The printer “%s” did not take the ticket: %s"), queue, cupsLastErrorString ());
      return FALSE;
    }

  g_debug ("Job %d sent to %s", job, queue);
  return TRUE;
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This kiosk was built without printing."));
  return FALSE;
#endif
}

static void
print_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  const char *queue = g_object_get_data (G_OBJECT (task), "queue");
  const char *title = g_object_get_data (G_OBJECT (task), "title");

  if (lotsen_printer_print (queue, task_data, title, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * lotsen_printer_print_async:
 *
 * lotsen_printer_print() in a worker thread.
 */
void
lotsen_printer_print_async (const char          *queue,
                            GBytes              *pdf,
                            const char          *title,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, g_bytes_ref (pdf), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "queue", g_strdup (queue), g_free);
  g_object_set_data_full (G_OBJECT (task), "title", g_strdup (title), g_free);
  g_task_run_in_thread (task, print_thread);
}

gboolean
lotsen_printer_print_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
