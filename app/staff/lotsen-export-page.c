/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-export-page.c — staff: write a data set or the funder report to
 * a folder or a USB stick, and say where it went or why it could not.
 *
 * What, format, period and folder are the page's properties, each a
 * stateful action the choice buttons activate.  The export runs in a
 * worker thread with its own connection to the database (WAL lets it
 * read beside the kiosk's), so the screen never freezes; every file is
 * written to a temporary file and renamed by the core, so a failure
 * leaves nothing behind.
 */

#define G_LOG_DOMAIN "lotsen-export-page"

#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include "lotsen-staff-session.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "lotsen-export.h"
#include "lotsen-export-page.h"
#include "lotsen-i18n.h"
#include "lotsen-report-pdf.h"
#include "lotsen-stats.h"
#include "lotsen-tile.h"

#define MAX_FORMATS 4

typedef struct
{
  const char *key;      /* the action's target, and the file name's middle */
  const char *label;
  const char *pictogram;
  const char *formats[MAX_FORMATS]; /* the formats it can be written in; the first is the default */
} Dataset;

static const Dataset datasets[] = {
  { "visitors", N_("Visitors"), "lotsen-register-symbolic", { "csv", "xlsx", "jsonl" } },
  { "signups", N_("Sign-ups"), "lotsen-done-symbolic", { "csv", "xlsx", "jsonl" } },
  { "tickets", N_("Queue tickets"), "lotsen-ticket-symbolic", { "csv", "xlsx", "jsonl" } },
  { "activities", N_("Activities and sessions"), "lotsen-activities-symbolic", { "csv", "xlsx", "jsonl", "ics" } },
  { "all", N_("Everything in one workbook"), "lotsen-documents-symbolic", { "xlsx" } },
  { "report", N_("Funder report"), "lotsen-society-symbolic", { "pdf", "xlsx", "csv" } },
};

static const struct
{
  const char *key;  /* also the file name's extension */
  const char *name; /* the format's own name, the same in every language */
  const char *use;
} formats[] = {
  /* Translators: what a CSV file is for */
  { "csv", "CSV", N_("Text for any spreadsheet") },
  /* Translators: what an Excel file is */
  { "xlsx", "Excel", N_("A workbook") },
  /* Translators: what a JSON-lines file is for */
  { "jsonl", "JSON", N_("For other systems") },
  /* Translators: what an iCalendar file is for */
  { "ics", "iCalendar", N_("For calendars") },
  /* Translators: what a PDF file is for */
  { "pdf", "PDF", N_("To print") },
};

static const struct
{
  const char *key;
  const char *label;
} periods[] = {
  { "this-month", N_("This month") },
  { "last-month", N_("Last month") },
  { "this-year", N_("This year") },
  { "last-year", N_("Last year") },
  { "all", N_("Everything") },
};

struct _LotsenExportPage
{
  GtkWidget         parent_instance;

  GtkFlowBox       *dataset_box;
  GtkFlowBox       *format_box;
  GtkFlowBox       *period_box;
  GtkFlowBox       *folder_box;
  GtkWidget        *choose_button;
  GtkLabel         *folder_label;
  GtkWidget        *export_button;
  GtkWidget        *progress_box;
  GtkSpinner       *spinner;
  GtkWidget        *done_box;
  GtkLabel         *done_path;
  GtkLabel         *done_rows;
  GtkWidget        *error_box;
  GtkLabel         *error_label;
  GtkLabel         *error_detail;
  GtkWidget        *back_tile;

  LotsenStaffSession *staff;
  GVolumeMonitor   *monitor;
  GCancellable     *cancellable;
  GtkNativeDialog  *chooser;

  char             *dataset;
  char             *format;
  char             *period;
  char             *folder;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (LotsenExportPage, lotsen_export_page, GTK_TYPE_WIDGET)

/* The store, only while staff mode is open: nothing here runs once it is
 * locked, however it is reached. */
static LotsenStore *
store_of (LotsenExportPage *self)
{
  return lotsen_staff_session_get_store (self->staff);
}

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FORMAT,
  PROP_PERIOD,
  PROP_FOLDER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread needs, and what it found. */
typedef struct
{
  char        *db_path;
  LotsenClock *clock;
  char        *dataset;
  char        *format;
  gint64       from;
  gint64       to;
  char        *folder;
  char        *name;       /* the file name without its extension */
  gboolean     store_failed;
  char        *path;       /* the file written */
  guint64      rows;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->clock);
  g_free (job->dataset);
  g_free (job->format);
  g_free (job->folder);
  g_free (job->name);
  g_free (job->path);
  g_free (job);
}

static const Dataset *
find_dataset (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    if (g_strcmp0 (datasets[i].key, key) == 0)
      return &datasets[i];

  return &datasets[0];
}

static gboolean
dataset_has_format (const Dataset *dataset,
                    const char    *format)
{
  for (guint i = 0; i < MAX_FORMATS && dataset->formats[i] != NULL; i++)
    if (g_strcmp0 (dataset->formats[i], format) == 0)
      return TRUE;

  return FALSE;
}

/* The report counts a period: "everything" is for the data sets. */
static gboolean
dataset_has_period (const Dataset *dataset,
                    const char    *period)
{
  return !(g_str_equal (dataset->key, "report") && g_strcmp0 (period, "all") == 0);
}

/* The local period [*from, *to) and its part of the file name: "2026-11",
 * "2026", or for everything "all-" and today's date. */
static char *
compute_period (LotsenStore *store,
                const char  *period,
                gint64      *from,
                gint64      *to)
{
  GTimeZone *timezone = lotsen_store_get_timezone (store);
  gint64 now = lotsen_clock_get_now (lotsen_store_get_clock (store));
  g_autoptr(GDateTime) local = lotsen_store_to_local (store, now);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int year = g_date_time_get_year (local);
  int month = g_date_time_get_month (local);

  if (g_str_equal (period, "this-month") || g_str_equal (period, "last-month"))
    {
      g_autoptr(GDateTime) first = g_date_time_new (timezone, year, month, 1, 0, 0, 0);

      start = g_str_equal (period, "this-month") ? g_date_time_ref (first) : g_date_time_add_months (first, -1);
      end = g_date_time_add_months (start, 1);
      *from = g_date_time_to_unix (start);
      *to = g_date_time_to_unix (end);
      return g_date_time_format (start, "%Y-%m");
    }

  if (g_str_equal (period, "this-year") || g_str_equal (period, "last-year"))
    {
      start = g_date_time_new (timezone, g_str_equal (period, "this-year") ? year : year - 1, 1, 1, 0, 0, 0);
      end = g_date_time_add_years (start, 1);
      *from = g_date_time_to_unix (start);
      *to = g_date_time_to_unix (end);
      return g_date_time_format (start, "%Y");
    }

  *from = 0;
  *to = 0;
  return g_date_time_format (local, "all-%Y-%m-%d");
}

/* "name.ext", or "name (2).ext" and so on: an existing file is never
 * replaced. */
static char *
find_free_path (const char *folder,
                const char *name,
                const char *extension)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *base = n == 1 ? g_strdup_printf ("%s.%s", name, extension)
                                     : g_strdup_printf ("%s (%u).%s", name, n, extension);
      g_autofree char *path = g_build_filename (folder, base, NULL);
      GStatBuf info;

      if (g_lstat (path, &info) != 0 && errno == ENOENT)
        return g_steal_pointer (&path);
    }
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *message)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    code = G_IO_ERROR_NO_SPACE;

  g_set_error_literal (error, G_IO_ERROR, code, message ? message : g_strerror (saved_errno));
  return FALSE;
}

/* The folder is there and is a folder. */
static gboolean
check_folder (const char  *folder,
              GError     **error)
{
  GStatBuf info;

  if (g_stat (folder, &info) != 0)
    return set_io_error (error, errno, NULL);

  if (!S_ISDIR (info.st_mode))
    return set_io_error (error, ENOTDIR, NULL);

  return TRUE;
}

/* Tries to write a little into @folder, to learn why an export could not:
 * a stick that is full, read-only or gone. */
static gboolean
probe_folder (const char  *folder,
              GError     **error)
{
  static const char block[64 * 1024];
  g_autofree char *probe = g_build_filename (folder, ".lotsen-probe-XXXXXX", NULL);
  gsize written = 0;
  int fd, saved_errno = 0;

  fd = g_mkstemp_full (probe, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_io_error (error, errno, NULL);

  while (written < sizeof block && saved_errno == 0)
    {
      gssize n = write (fd, block + written, sizeof block - written);

      if (n >= 0)
        written += n;
      else if (errno != EINTR)
        saved_errno = errno;
    }

  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;

  close (fd);
  g_unlink (probe);

  if (saved_errno != 0)
    return set_io_error (error, saved_errno, NULL);

  return TRUE;
}

/* The core passes on the system's reason as a %G_IO_ERROR code; the
 * screen needs to know what kind of failure it was.  When the code does
 * not say (the workbook library, an input/output error), a little write
 * into the folder finds out. */
static GError *
classify_error (GError     *error,
                const char *folder)
{
  g_autoptr(GError) probe_error = NULL;
  GError *classified = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return error;

  if (!probe_folder (folder, &probe_error))
    {
      classified = g_error_new (G_IO_ERROR, probe_error->code, "%s (%s)", error->message, probe_error->message);
      g_error_free (error);
      return classified;
    }

  return error;
}

static gboolean
write_export (LotsenStore  *store,
              ExportJob    *job,
              GError      **error)
{
  static const LotsenExportDataset every[] = {
    LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
  };
  LotsenExportOptions options = { .separator = ';', .from = job->from, .to = job->to };
  LotsenExportDataset dataset;
  LotsenExportFormat format;

  if (g_str_equal (job->dataset, "report"))
    {
      g_autoptr(LotsenReport) report = lotsen_report_new (store, job->from, job->to, error);

      if (report == NULL)
        return FALSE;

      if (g_str_equal (job->format, "pdf"))
        return lotsen_report_pdf_to_file (store, report, job->path, error);

      return lotsen_report_to_file (store, report,
                                    g_str_equal (job->format, "csv") ? LOTSEN_REPORT_CSV : LOTSEN_REPORT_XLSX,
                                    job->path, error);
    }

  if (g_str_equal (job->dataset, "all"))
    return lotsen_export_workbook_to_file (store, every, G_N_ELEMENTS (every), &options, job->path,
                                           &job->rows, error);

  return lotsen_export_dataset_from_string (job->dataset, &dataset, error) &&
         lotsen_export_format_from_string (job->format, &format, error) &&
         lotsen_export_to_file (store, dataset, format, &options, job->path, &job->rows, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(LotsenStore) store = NULL;
  GError *error = NULL;

  store = lotsen_store_open (job->db_path, job->clock, &error);
  if (store == NULL)
    {
      job->store_failed = TRUE;
      g_task_return_error (task, error);
      return;
    }

  if (!check_folder (job->folder, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job->path = find_free_path (job->folder, job->name, job->format);

  if (!write_export (store, job, &error))
    {
      g_task_return_error (task, classify_error (error, job->folder));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static const char *
explain_error (const GError *error,
               gboolean      store_failed)
{
  if (store_failed)
    return _("The database could not be opened for the export. Nothing was written.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return _("The USB stick is full. Nothing was written. Free some space on it, or use another stick.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("This folder cannot be written to (read-only). Nothing was written. If it is a USB stick, check its lock switch, or use another stick.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return _("The folder is not there any more. Was the USB stick taken out? Nothing was written.");

  return _("The file could not be written. Nothing was saved.");
}

/* A path reads from left to right, also inside a right-to-left sentence:
 * between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE. */
static char *
isolate_path (const char *path)
{
  return g_strconcat ("\u2066", path, "\u2069", NULL);
}

static void
set_busy (LotsenExportPage *self,
          gboolean          busy)
{
  static const char * const actions[] = {
    "export.dataset", "export.format", "export.period", "export.folder", "export.choose-folder",
  };

  self->busy = busy;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !busy && self->folder != NULL);
  gtk_widget_set_sensitive (self->back_tile, !busy);

  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_result (LotsenExportPage *self,
             const char       *path,
             const char       *rows,
             const char       *error,
             const char       *detail)
{
  g_autofree char *shown_path = path ? isolate_path (path) : NULL;

  gtk_widget_set_visible (self->done_box, path != NULL);
  gtk_label_set_text (self->done_path, shown_path ? shown_path : "");
  gtk_label_set_text (self->done_rows, rows ? rows : "");
  gtk_widget_set_visible (GTK_WIDGET (self->done_rows), rows != NULL);

  gtk_widget_set_visible (self->error_box, error != NULL);
  gtk_label_set_text (self->error_label, error ? error : "");
  gtk_label_set_text (self->error_detail, detail ? detail : "");
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LotsenExportPage *self = LOTSEN_EXPORT_PAGE (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The page was taken down while the file was written. */
  if (self->cancellable == NULL)
    return;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_message ("Export to %s failed: %s", job->folder, error->message);
      show_result (self, NULL, NULL, explain_error (error, job->store_failed), error->message);
      return;
    }

  if (g_str_equal (job->dataset, "report"))
    show_result (self, job->path, NULL, NULL, NULL);
  else
    {
      g_autofree char *rows =
        g_strdup_printf (ngettext ("%lu row", "%lu rows", (gulong) job->rows), (gulong) job->rows);

      show_result (self, job->path, rows, NULL, NULL);
    }
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LotsenExportPage *self = LOTSEN_EXPORT_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *when = NULL;
  ExportJob *job;

  if (store_of (self) == NULL)
    return;

  if (self->busy || self->folder == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (lotsen_store_get_path (store_of (self)));
  job->clock = g_object_ref (lotsen_store_get_clock (store_of (self)));
  job->dataset = g_strdup (self->dataset);
  job->format = g_strdup (self->format);
  job->folder = g_strdup (self->folder);
  when = compute_period (store_of (self), self->period, &job->from, &job->to);
  job->name = g_strdup_printf ("lotsen-%s-%s", self->dataset, when);

  show_result (self, NULL, NULL, NULL, NULL);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, run_action);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog  *dialog,
                     int               response,
                     LotsenExportPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        lotsen_export_page_set_folder (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenExportPage *self = LOTSEN_EXPORT_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Choose a folder"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("Choose"), _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (self->folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
    }

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

/* A big toggle: a title and, when given, a smaller line under it. */
static GtkWidget *
add_choice (GtkFlowBox *box,
            const char *action,
            const char *target,
            const char *title,
            const char *subtitle,
            const char *pictogram,
            int         position)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = gtk_label_new (title);
  g_autofree char *name = NULL;

  gtk_widget_set_valign (content, GTK_ALIGN_CENTER);

  if (pictogram != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (pictogram);

      gtk_widget_add_css_class (image, "button-pictogram");
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (content), image);
      gtk_widget_add_css_class (button, "choice-tile");
    }

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (content), text);

  if (subtitle != NULL)
    {
      GtkWidget *small = gtk_label_new (subtitle);

      gtk_label_set_wrap (GTK_LABEL (small), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (small), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (small), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (small, "choice-subtitle");
      gtk_box_append (GTK_BOX (content), small);
      name = g_strdup_printf ("%s: %s", title, subtitle);
    }

  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "choice");
  gtk_widget_set_name (button, target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name ? name : title, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (target));

  gtk_flow_box_insert (box, button, position);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);

  return button;
}

/* Shows the choices that go with the data set, and keeps a format and a
 * period it has. */
static void
sync_choices (LotsenExportPage *self)
{
  const Dataset *dataset = find_dataset (self->dataset);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->format_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_widget_set_visible (child, dataset_has_format (dataset, gtk_widget_get_name (button)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->period_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_widget_set_visible (child, dataset_has_period (dataset, gtk_widget_get_name (button)));
    }

  if (!dataset_has_format (dataset, self->format))
    g_object_set (self, "format", dataset->formats[0], NULL);
  if (!dataset_has_period (dataset, self->period))
    g_object_set (self, "period", "this-year", NULL);
}

static void
sync_folder (LotsenExportPage *self)
{
  g_autofree char *text = NULL;

  if (self->folder != NULL)
    {
      g_autofree char *folder = isolate_path (self->folder);

      /* Translators: %s is a folder, e.g. "/media/lotsen/USB STICK" */
      text = g_strdup_printf (_("The file will be saved in %s"), folder);
    }

  gtk_label_set_text (self->folder_label,
                      text ? text : _("Put in a USB stick, or choose a folder."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !self->busy && self->folder != NULL);
}

/* A USB stick (or a memory card) the system has mounted, with a folder
 * we can write to by name. */
static char *
get_removable_path (GMount *mount)
{
  g_autoptr(GDrive) drive = g_mount_get_drive (mount);
  g_autoptr(GVolume) volume = g_mount_get_volume (mount);
  g_autoptr(GFile) root = NULL;

  if (g_mount_is_shadowed (mount))
    return NULL;

  if (!g_mount_can_eject (mount) &&
      !(drive != NULL && (g_drive_is_removable (drive) || g_drive_can_eject (drive))) &&
      !(volume != NULL && g_volume_can_eject (volume)))
    return NULL;

  root = g_mount_get_root (mount);
  return g_file_get_path (root);
}

static void
fill_folders (LotsenExportPage *self)
{
  g_autolist(GMount) mounts = NULL;
  GtkWidget *child;
  int position = 0;

  /* Every button but "Choose folder…". */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->folder_box))) != NULL &&
         gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)) != self->choose_button)
    gtk_flow_box_remove (self->folder_box, child);

  if (self->monitor != NULL)
    mounts = g_volume_monitor_get_mounts (self->monitor);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      g_autofree char *path = get_removable_path (l->data);
      g_autofree char *name = NULL;

      if (path == NULL)
        continue;

      name = g_mount_get_name (l->data);
      add_choice (self->folder_box, "export.folder", path, name, NULL, "lotsen-documents-symbolic",
                  position++);
    }
}

static void
mounts_changed_cb (GVolumeMonitor   *monitor,
                   GMount           *mount,
                   LotsenExportPage *self)
{
  fill_folders (self);
}

/* A stick just put in is where the staff member means to write. */
static void
mount_added_cb (GVolumeMonitor   *monitor,
                GMount           *mount,
                LotsenExportPage *self)
{
  g_autofree char *path = get_removable_path (mount);

  fill_folders (self);
  if (path != NULL && !self->busy)
    lotsen_export_page_set_folder (self, path);
}

/* A stick taken out is no longer a place to write to. */
static void
mount_removed_cb (GVolumeMonitor   *monitor,
                  GMount           *mount,
                  LotsenExportPage *self)
{
  g_autoptr(GFile) root = g_mount_get_root (mount);
  g_autoptr(GFile) folder = self->folder ? g_file_new_for_path (self->folder) : NULL;

  fill_folders (self);
  if (folder != NULL && !self->busy && (g_file_equal (folder, root) || g_file_has_prefix (folder, root)))
    lotsen_export_page_set_folder (self, NULL);
}

static void
lotsen_export_page_dispose (GObject *object)
{
  LotsenExportPage *self = LOTSEN_EXPORT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_EXPORT_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->staff);

  G_OBJECT_CLASS (lotsen_export_page_parent_class)->dispose (object);
}

static void
lotsen_export_page_finalize (GObject *object)
{
  LotsenExportPage *self = LOTSEN_EXPORT_PAGE (object);

  g_free (self->dataset);
  g_free (self->format);
  g_free (self->period);
  g_free (self->folder);

  G_OBJECT_CLASS (lotsen_export_page_parent_class)->finalize (object);
}

static void
lotsen_export_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LotsenExportPage *self = LOTSEN_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_string (value, self->dataset);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;

    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;

    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
set_string (LotsenExportPage  *self,
            char             **field,
            const char        *value,
            guint              prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

static void
lotsen_export_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LotsenExportPage *self = LOTSEN_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      if (set_string (self, &self->dataset, g_value_get_string (value), prop_id) && self->format_box != NULL)
        sync_choices (self);
      break;

    case PROP_FORMAT:
      set_string (self, &self->format, g_value_get_string (value), prop_id);
      break;

    case PROP_PERIOD:
      set_string (self, &self->period, g_value_get_string (value), prop_id);
      break;

    case PROP_FOLDER:
      lotsen_export_page_set_folder (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_export_page_class_init (LotsenExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_export_page_dispose;
  object_class->finalize = lotsen_export_page_finalize;
  object_class->get_property = lotsen_export_page_get_property;
  object_class->set_property = lotsen_export_page_set_property;

  properties[PROP_DATASET] =
    g_param_spec_string ("dataset", NULL, NULL, "visitors",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, "csv",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, "this-month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, dataset_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, format_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, folder_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, folder_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, done_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, done_path);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, done_rows);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, error_detail);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, back_tile);

  gtk_widget_class_install_property_action (widget_class, "export.dataset", "dataset");
  gtk_widget_class_install_property_action (widget_class, "export.format", "format");
  gtk_widget_class_install_property_action (widget_class, "export.period", "period");
  gtk_widget_class_install_property_action (widget_class, "export.folder", "folder");
  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
}

static void
lotsen_export_page_init (LotsenExportPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dataset = g_strdup ("visitors");
  self->format = g_strdup ("csv");
  self->period = g_strdup ("this-month");
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    add_choice (self->dataset_box, "export.dataset", datasets[i].key, _(datasets[i].label), NULL,
                datasets[i].pictogram, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    add_choice (self->format_box, "export.format", formats[i].key, formats[i].name, _(formats[i].use),
                NULL, -1);

  sync_folder (self);
}

static void
add_period_choices (LotsenExportPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *when = NULL;
      gint64 from, to;

      when = compute_period (store_of (self), periods[i].key, &from, &to);
      add_choice (self->period_box, "export.period", periods[i].key, _(periods[i].label),
                  from != 0 ? when : NULL, NULL, -1);
    }
}

/**
 * lotsen_export_page_new:
 * @store: the kiosk's store; the export opens its own connection to the
 *   same file, and counts periods with its clock and time zone
 */
GtkWidget *
lotsen_export_page_new (LotsenStaffSession *staff)
{
  LotsenExportPage *self;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (staff), NULL);

  self = g_object_new (LOTSEN_TYPE_EXPORT_PAGE, NULL);
  self->staff = g_object_ref (staff);
  add_period_choices (self);
  sync_choices (self);

  self->monitor = g_volume_monitor_get ();
  g_signal_connect (self->monitor, "mount-added", G_CALLBACK (mount_added_cb), self);
  g_signal_connect (self->monitor, "mount-removed", G_CALLBACK (mount_removed_cb), self);
  g_signal_connect (self->monitor, "mount-changed", G_CALLBACK (mounts_changed_cb), self);
  fill_folders (self);

  /* A stick already in: the obvious place. */
  {
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->folder_box));
    GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (first));

    if (button != self->choose_button)
      lotsen_export_page_set_folder (self, gtk_widget_get_name (button));
  }

  return GTK_WIDGET (self);
}

/**
 * lotsen_export_page_get_folder:
 *
 * Returns: (nullable): the folder the next export goes to
 */
const char *
lotsen_export_page_get_folder (LotsenExportPage *self)
{
  g_return_val_if_fail (LOTSEN_IS_EXPORT_PAGE (self), NULL);

  return self->folder;
}

/**
 * lotsen_export_page_set_folder:
 * @folder: (nullable): where the next export goes, as the folder chooser
 *   or a USB stick's button would set it
 */
void
lotsen_export_page_set_folder (LotsenExportPage *self,
                               const char       *folder)
{
  g_return_if_fail (LOTSEN_IS_EXPORT_PAGE (self));

  if (folder != NULL && *folder == '\0')
    folder = NULL;

  if (set_string (self, &self->folder, folder, PROP_FOLDER))
    sync_folder (self);
}

/**
 * lotsen_export_page_is_busy:
 *
 * Returns: %TRUE while an export is being written
 */
gboolean
lotsen_export_page_is_busy (LotsenExportPage *self)
{
  g_return_val_if_fail (LOTSEN_IS_EXPORT_PAGE (self), FALSE);

  return self->busy;
}
