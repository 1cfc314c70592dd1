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

#include "config.h"

#include <errno.h>

#include <adwaita.h>

#include "lotsen-staff-session.h"

#include "lotsen-export-job.h"
#include "lotsen-export-page.h"
#include "lotsen-i18n.h"
#include "lotsen-removable.h"
#include "lotsen-tile.h"
#include "lotsen-visitor.h"

#define MAX_FORMATS 4

typedef struct
{
  const char *key;      /* the action's target, and the file name's middle */
  const char *label;
  const char *pictogram;
  const char *formats[MAX_FORMATS]; /* the formats it can be written in; the first is the default */
} Dataset;

static const Dataset datasets[] = {
  /* Translators: a kind of data staff can export to a file. */
  { "visitors", N_("Visitors"), "lotsen-register-symbolic", { "csv", "xlsx", "jsonl" } },
  { "signups", N_("Sign-ups"), "lotsen-done-symbolic", { "csv", "xlsx", "jsonl" } },
  /* Translators: a kind of data staff can export to a file. */
  { "tickets", N_("Queue tickets"), "lotsen-ticket-symbolic", { "csv", "xlsx", "jsonl" } },
  { "activities", N_("Activities and sessions"), "lotsen-activities-symbolic", { "csv", "xlsx", "jsonl", "ics" } },
  { "all", N_("Everything in one workbook"), "lotsen-documents-symbolic", { "xlsx" } },
  /* Translators: a kind of data staff can export to a file. */
  { "report", N_("Funder report"), "lotsen-society-symbolic", { "pdf", "xlsx", "csv" } },
  /* Translators: a kind of data staff can export: the participants to phone about work or studies. */
  { "followup", N_("Follow-up call list"), "lotsen-phone-symbolic", { "csv" } },
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
  /* Translators: the period of an export. */
  { "this-month", N_("This month") },
  /* Translators: the period of an export. */
  { "last-month", N_("Last month") },
  /* Translators: the period of an export. */
  { "this-year", N_("This year") },
  /* Translators: the period of an export. */
  { "last-year", N_("Last year") },
  /* Translators: the period of an export: all data, from the first day. */
  { "all", N_("Everything") },
};

struct _LotsenExportPage
{
  GtkWidget         parent_instance;

  GtkFlowBox       *dataset_box;
  GtkFlowBox       *format_box;
  GtkFlowBox       *period_box;
  GtkFlowBox       *folder_box;
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
  AdwEntryRow      *project_row;
  AdwEntryRow      *site_row;
  GtkLabel         *names_status;
  GtkSwitch        *esf_switch;
  GtkLabel         *esf_status;

  LotsenStaffSession *staff;
  GVolumeMonitor   *monitor;
  GCancellable     *cancellable;

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

static void name_applied_cb (AdwEntryRow      *row,
                             LotsenExportPage *self);

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
    "export.dataset", "export.format", "export.period", "export.folder",
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
  g_autoptr(GError) error = NULL;
  LotsenExportJob *job = lotsen_export_job_finish (result, &error);

  /* The page was taken down while the file was written. */
  if (self->cancellable == NULL)
    return;

  set_busy (self, FALSE);

  if (error != NULL)
    {
      g_message ("Export to %s failed: %s", job->folder, error->message);
      show_result (self, NULL, NULL, lotsen_export_job_explain (job, error), error->message);
      return;
    }

  if (g_str_equal (job->dataset, "report") || g_str_equal (job->dataset, "followup"))
    show_result (self, job->path, NULL, NULL, NULL);
  else
    {
      g_autofree char *rows =
        /* Translators: how many rows an export wrote. */
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
  LotsenStore *store = store_of (self);

  if (store == NULL || self->busy || self->folder == NULL)
    return;

  show_result (self, NULL, NULL, NULL, NULL);
  set_busy (self, TRUE);

  lotsen_export_job_run (lotsen_export_job_new (store, self->dataset, self->format, self->period, self->folder),
                         self, self->cancellable, export_done_cb, NULL);
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

/* The kiosk's own export folder, beside its database; made when missing. */
static char *
kiosk_folder (LotsenExportPage *self)
{
  LotsenStore *store = store_of (self);
  g_autofree char *dir = NULL;
  char *folder;

  if (store == NULL || lotsen_store_get_path (store) == NULL)
    return NULL;

  dir = g_path_get_dirname (lotsen_store_get_path (store));
  folder = g_build_filename (dir, "exports", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_message ("Cannot make %s: %s", folder, g_strerror (errno));
      g_clear_pointer (&folder, g_free);
    }
  return folder;
}

/* Every USB stick in, then the folders on this computer, as big tiles
 * (no file chooser: its targets are small and its words partly
 * English).  Returns: how many sticks there are. */
static guint
fill_folders (LotsenExportPage *self)
{
  g_autolist(GMount) mounts = NULL;
  g_autofree char *kiosk = kiosk_folder (self);
  g_autofree char *kiosk_shown = NULL;
  g_autofree char *home_shown = isolate_path (g_get_home_dir ());
  GtkWidget *child;
  guint sticks = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->folder_box))) != NULL)
    gtk_flow_box_remove (self->folder_box, child);

  if (self->monitor != NULL)
    mounts = g_volume_monitor_get_mounts (self->monitor);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      g_autofree char *path = lotsen_removable_get_path (l->data);
      g_autofree char *name = NULL;

      if (path == NULL)
        continue;

      name = g_mount_get_name (l->data);
      /* Translators: under a USB stick's name on the export page. */
      add_choice (self->folder_box, "export.folder", path, name, _("USB stick"), "lotsen-documents-symbolic", -1);
      sticks++;
    }

  if (kiosk != NULL)
    {
      kiosk_shown = isolate_path (kiosk);
      /* Translators: a folder on the kiosk computer, beside its database. */
      add_choice (self->folder_box, "export.folder", kiosk, _("The kiosk's export folder"), kiosk_shown,
                  "lotsen-documents-symbolic", -1);
    }
  /* Translators: the staff account's home folder on the kiosk computer. */
  add_choice (self->folder_box, "export.folder", g_get_home_dir (), _("Home folder"), home_shown,
              "lotsen-documents-symbolic", -1);

  return sticks;
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
  g_autofree char *path = lotsen_removable_get_path (mount);

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
      /* "" for none: the folder tiles' action needs a state. */
      g_value_set_string (value, self->folder ? self->folder : "");
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
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, folder_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, project_row);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, names_status);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, esf_switch);
  gtk_widget_class_bind_template_child (widget_class, LotsenExportPage, esf_status);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
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
  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
}

/* An entry row's pencil says "this can be typed in" to the eye; a screen
 * reader says that of the field itself, and would read the pencil as an
 * image without a name. */
static void
hide_edit_indicator (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "document-edit-symbolic") == 0)
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      hide_edit_indicator (child);
    }
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
  hide_edit_indicator (GTK_WIDGET (self->project_row));
  hide_edit_indicator (GTK_WIDGET (self->site_row));
}

/* The names as stored, in their rows. */
static void
load_names (LotsenExportPage *self)
{
  LotsenStore *store = store_of (self);
  g_autofree char *project = store != NULL ? lotsen_store_get_setting (store, "project_name") : NULL;
  g_autofree char *site = store != NULL ? lotsen_store_get_setting (store, "site_name") : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->project_row), project != NULL ? project : "");
  gtk_editable_set_text (GTK_EDITABLE (self->site_row), site != NULL ? site : "");

  g_signal_handlers_block_matched (self->esf_switch, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_switch_set_active (self->esf_switch, store != NULL && lotsen_visitor_get_esf_fields (store));
  g_signal_handlers_unblock_matched (self->esf_switch, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* The ESF+ questions on or off, stored (and audited) by the core. */
static void
esf_switched_cb (GtkSwitch        *toggle,
                 GParamSpec       *pspec,
                 LotsenExportPage *self)
{
  LotsenStore *store = store_of (self);
  gboolean on = gtk_switch_get_active (toggle);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (lotsen_visitor_set_esf_fields (store, on ? "on" : "off", &error))
    gtk_label_set_text (self->esf_status,
                        on ? _("Saved. Visitors who register from now on are asked.")
                           : _("Saved. Visitors who register from now on are not asked."));
  else
    {
      gtk_label_set_text (self->esf_status, error->message);
      load_names (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->esf_status), TRUE);
}

/* A name's apply button: stored (and audited) by the core, or why not. */
static void
name_applied_cb (AdwEntryRow      *row,
                 LotsenExportPage *self)
{
  LotsenStore *store = store_of (self);
  const char *key = row == self->project_row ? "project_name" : "site_name";
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (lotsen_store_set_name_setting (store, key, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_label_set_text (self->names_status, _("Saved. The next report shows it."));
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      load_names (self);
    }
  else
    {
      gtk_label_set_text (self->names_status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->names_status), TRUE);
}

static void
add_period_choices (LotsenExportPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *when = NULL;
      gint64 from, to;

      when = lotsen_export_job_compute_period (store_of (self), periods[i].key, &from, &to);
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
  load_names (self);
  g_signal_connect (self->esf_switch, "notify::active", G_CALLBACK (esf_switched_cb), self);
  sync_choices (self);

  self->monitor = g_volume_monitor_get ();
  g_signal_connect (self->monitor, "mount-added", G_CALLBACK (mount_added_cb), self);
  g_signal_connect (self->monitor, "mount-removed", G_CALLBACK (mount_removed_cb), self);
  g_signal_connect (self->monitor, "mount-changed", G_CALLBACK (mounts_changed_cb), self);
  /* A stick already in: the obvious place. */
  if (fill_folders (self) > 0)
    {
      GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->folder_box));

      lotsen_export_page_set_folder (self, gtk_widget_get_name (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (first))));
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
 * @folder: (nullable): where the next export goes, as a folder's or a
 *   USB stick's tile would set it
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
