/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-application.c — start-up: the command line, the database, the
 * window.  The kiosk never stops at a database problem: it shows staff
 * what is wrong instead.  It also keeps the retention period: visitors not
 * seen for it are anonymised once the first frame is on screen and once a
 * day after, in a thread of its own with a connection of its own, so that
 * neither the start nor a visitor waits for it; and it backs the database
 * up once a night, in a worker thread, to its backup folder and to any USB
 * stick marked for it. */

#define G_LOG_DOMAIN "lotsen"

#include "config.h"

#include <stdio.h>

#include "lotsen-activity.h"
#include "lotsen-application.h"
#include "lotsen-backup.h"
#include "lotsen-call-presenter.h"
#include "lotsen-demo.h"
#include "lotsen-i18n.h"
#include "lotsen-removable.h"
#include "lotsen-sd-notify.h"
#include "lotsen-store.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

#define PURGE_INTERVAL_SECS (24 * 3600)
/* How often the kiosk looks whether the night's backup is due. */
#define BACKUP_CHECK_SECS (10 * 60)
#define BACKUP_HOUR_DEFAULT 3

struct _LotsenApplication
{
  AdwApplication  parent_instance;

  char           *database;
  gboolean        windowed;
  gboolean        demo;
  gboolean        exit_after_first_frame;
  gboolean        print_first_frame;
  gboolean        call_display;

  LotsenCallPresenter *calls; /* the now-serving display, the banner, chime and voice */

  LotsenStore    *store;    /* the window's: daily purge and backup; told when maintenance finds damage */
  guint           purge_id;
  gboolean        maintaining;

  GSettings      *settings; /* NULL where the schema is not installed */
  guint           backup_id;
  GCancellable   *backup_cancellable;
  gboolean        backup_running;

  guint           watchdog_id;

  int             exit_status;  /* LOTSEN_EXIT_CLOSED once staff closed the kiosk */
  gboolean        restart;      /* staff asked for a restart */
};

G_DEFINE_FINAL_TYPE (LotsenApplication, lotsen_application, ADW_TYPE_APPLICATION)

static const GOptionEntry entries[] = {
  { "windowed", 'w', 0, G_OPTION_ARG_NONE, NULL, N_("Run in a window instead of full screen"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database file PATH"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Add the demo services and activities if there are none"), NULL },
  { "call-display", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show only the now-serving display of the waiting room"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "exit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { "print-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { NULL }
};

static int
lotsen_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  LotsenApplication *self = LOTSEN_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lotsen %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &self->database);
  if (self->database != NULL && *self->database == '\0')
    {
      /* Not a temporary database whose tickets are gone at the next start. */
      g_printerr ("lotsen: %s\n", _("The database needs a file name."));
      return 2;
    }
  self->windowed = g_variant_dict_contains (options, "windowed");
  self->demo = g_variant_dict_contains (options, "demo");
  self->call_display = g_variant_dict_contains (options, "call-display");
  self->exit_after_first_frame = g_variant_dict_contains (options, "exit-after-first-frame");
  self->print_first_frame = g_variant_dict_contains (options, "print-first-frame");

  return -1;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  /* From the main loop: a kiosk stuck anywhere stops sending, and
   * systemd restarts it. */
  lotsen_sd_notify ("WATCHDOG=1");
  return G_SOURCE_CONTINUE;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      LotsenWindow  *window)
{
  LotsenApplication *self = LOTSEN_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  guint64 watchdog = lotsen_sd_watchdog_interval ();

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, window);

  /* systemd (Type=notify) counts the kiosk as started once it shows. */
  lotsen_sd_notify ("READY=1");
  if (watchdog > 0 && self->watchdog_id == 0)
    self->watchdog_id = g_timeout_add (MAX (watchdog / 2000, 1), watchdog_cb, self);

  /* For tests and benchmarks: the moment the first frame is on screen,
   * with --print-first-frame also what it shows. */
  if (self->print_first_frame)
    g_print ("first-frame %" G_GINT64_FORMAT " page=%s language=%s\n", g_get_monotonic_time (),
             lotsen_window_get_page_name (window), lotsen_window_get_language (window));
  else if (self->exit_after_first_frame)
    g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  if (self->exit_after_first_frame)
    g_application_quit (G_APPLICATION (self));
}

static void
window_realize_cb (GtkWidget         *window,
                   LotsenApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_first_paint_cb), window, 0);
}

static LotsenStore *
open_store (LotsenApplication  *self,
            char              **moved_aside,
            GError            **error)
{
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = self->database ? g_strdup (self->database) : lotsen_store_default_path ();

  /* A new database gets the demo data as it is made. */
  store = lotsen_store_open_or_recover (path, NULL, lotsen_demo_seed, moved_aside, error);
  if (store == NULL)
    return NULL;

  if (self->demo && !lotsen_store_get_created (store) && !lotsen_demo_seed (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

/* After the first frame and then daily: anonymise visitors past the
 * retention period, keep weekly activities' sessions eight weeks ahead,
 * and read the whole file for damage.  In a worker thread, on a
 * connection of its own.  Not fatal: the next run, a day later, catches
 * up — but a damaged file puts the kiosk out of order. */
static void
maintain_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (path, NULL, &error);
  guint count;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!lotsen_visitor_purge (store, &count, &error))
    g_warning ("Visitors past the retention period could not be anonymised: %s", error->message);
  else if (count > 0)
    g_debug ("%u visitors past the retention period anonymised", count);

  g_clear_error (&error);
  if (!lotsen_activity_generate_sessions (store, &count, &error))
    g_warning ("Sessions of weekly activities could not be made: %s", error->message);
  else if (count > 0)
    g_debug ("%u sessions of weekly activities made", count);

  g_clear_error (&error);
  if (!lotsen_store_check (store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
maintain_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LotsenApplication *self = LOTSEN_APPLICATION (source);
  g_autoptr(GError) error = NULL;

  self->maintaining = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;

  if (g_error_matches (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_CORRUPT) && self->store != NULL)
    lotsen_store_set_unusable (self->store, error->message);
  else
    g_warning ("Maintenance: %s", error->message);
}

static void
maintain (LotsenApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || self->maintaining)
    return;

  self->maintaining = TRUE;
  task = g_task_new (self, NULL, maintain_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (lotsen_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, maintain_thread);
}

static gboolean
purge_cb (gpointer user_data)
{
  maintain (LOTSEN_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

/* The setting "backup-folder", or `$XDG_DATA_HOME/lotsen/backups`. */
static char *
get_backup_folder (LotsenApplication *self)
{
  g_autofree char *folder = self->settings ? g_settings_get_string (self->settings, "backup-folder") : NULL;

  if (folder != NULL && *folder != '\0')
    return g_steal_pointer (&folder);

  return g_build_filename (g_get_user_data_dir (), "lotsen", "backups", NULL);
}

/* The backup folder, then every USB stick with a backup folder. */
static GPtrArray *
list_backup_folders (LotsenApplication *self)
{
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sticks = NULL;
  g_autoptr(GVolumeMonitor) monitor = g_volume_monitor_get ();

  g_ptr_array_add (folders, get_backup_folder (self));
  sticks = lotsen_removable_find_backup_folders (monitor);
  for (guint i = 0; i < sticks->len; i++)
    g_ptr_array_add (folders, g_strdup (sticks->pdata[i]));

  return g_steal_pointer (&folders);
}

/* The database was damaged and an empty one started: staff are offered
 * the newest backup that can be restored. */
static void
offer_newest_backup (LotsenApplication *self,
                     LotsenWindow      *window)
{
  g_autoptr(GPtrArray) folders = list_backup_folders (self);
  g_autofree char *newest = NULL;
  GDate date;

  newest = lotsen_backup_find_newest (folders, &date);
  if (newest == NULL)
    {
      g_message ("No backup to offer for restoring");
      return;
    }

  g_message ("Offering the backup %s for restoring", newest);
  lotsen_window_offer_backup (window, newest, &date);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LotsenApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) record_error = NULL;
  g_autofree char *written = lotsen_backup_run_finish (result, &error);

  self->backup_running = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;

  if (error != NULL)
    g_warning ("The nightly backup failed: %s", error->message);

  if (!lotsen_backup_record_result (self->store, written, error, &record_error))
    g_warning ("The backup's result could not be recorded: %s", record_error->message);
}

static gboolean
backup_check_cb (gpointer user_data)
{
  LotsenApplication *self = LOTSEN_APPLICATION (user_data);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  guint hour = self->settings ? g_settings_get_uint (self->settings, "backup-hour") : BACKUP_HOUR_DEFAULT;

  if (self->backup_running || self->store == NULL)
    return G_SOURCE_CONTINUE;

  now = lotsen_store_to_local (self->store, lotsen_clock_get_now (lotsen_store_get_clock (self->store)));
  if (!lotsen_backup_is_due (self->store, now, hour))
    return G_SOURCE_CONTINUE;

  folders = list_backup_folders (self);

  self->backup_running = TRUE;
  lotsen_backup_run_async (lotsen_store_get_path (self->store), folders, now,
                           self->backup_cancellable, backup_done_cb, g_object_ref (self));

  return G_SOURCE_CONTINUE;
}

/* app.end-kiosk ("close" or "restart"): the staff panel's, after the
 * staff session checked the PIN and recorded it.  Under systemd a restart
 * is a plain exit (the unit restarts the kiosk) and a close exits with
 * LOTSEN_EXIT_CLOSED, which the unit does not restart. */
static void
end_kiosk_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LotsenApplication *self = LOTSEN_APPLICATION (user_data);
  gboolean restart = g_str_equal (g_variant_get_string (parameter, NULL), "restart");

  g_message ("Staff %s the kiosk", restart ? "restart" : "close");
  self->restart = restart;
  self->exit_status = restart ? 0 : LOTSEN_EXIT_CLOSED;
  lotsen_sd_notify ("STOPPING=1");
  g_application_quit (G_APPLICATION (self));
}

static void
maintain_after_paint_cb (GdkFrameClock     *clock,
                         LotsenApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, maintain_after_paint_cb, self);
  maintain (self);
}

static void
maintain_after_first_frame_cb (GtkWidget         *window,
                               LotsenApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (maintain_after_paint_cb), self, 0);
}

/* `lotsen --call-display`: the display alone, for a screen in the
 * waiting room driven by this computer. */
static void
activate_call_display (LotsenApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = self->database ? g_strdup (self->database) : lotsen_store_default_path ();

  /* Made and migrated as the kiosk would, so the display can start first. */
  store = lotsen_store_open_seeded (path, NULL, lotsen_demo_seed, &error);
  if (store != NULL)
    self->calls = lotsen_call_presenter_new (path, self->settings, &error);
  if (self->calls == NULL)
    {
      g_printerr ("lotsen: %s\n", error->message);
      self->exit_status = 1;
      return;
    }

  lotsen_call_presenter_show_display (self->calls, GTK_APPLICATION (self), !self->windowed);
  lotsen_sd_notify ("READY=1");
}

static void
lotsen_application_activate (GApplication *application)
{
  LotsenApplication *self = LOTSEN_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *moved_aside = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->call_display)
    {
      activate_call_display (self);
      return;
    }

  store = open_store (self, &moved_aside, &error);
  if (moved_aside != NULL)
    g_printerr ("lotsen: the damaged database was kept as %s\n", moved_aside);

  window = GTK_WINDOW (lotsen_window_new (GTK_APPLICATION (application), store,
                                          error ? error->message : NULL, moved_aside));
  if (store != NULL && moved_aside != NULL)
    offer_newest_backup (self, LOTSEN_WINDOW (window));

  /* Maintenance once the kiosk is on screen, then daily. */
  if (store != NULL)
    {
      g_set_object (&self->store, store);
      g_signal_connect_object (window, "realize", G_CALLBACK (maintain_after_first_frame_cb), self, 0);
      g_clear_handle_id (&self->purge_id, g_source_remove);
      self->purge_id = g_timeout_add_seconds (PURGE_INTERVAL_SECS, purge_cb, self);

      /* Not at start-up: a kiosk restarted in the night is back on screen
       * first, and a short-lived run (a test) backs nothing up. */
      g_clear_handle_id (&self->backup_id, g_source_remove);
      if (g_strcmp0 (lotsen_store_get_path (store), ":memory:") != 0)
        self->backup_id = g_timeout_add_seconds (BACKUP_CHECK_SECS, backup_check_cb, self);
    }

  /* Calls reach the waiting room: a second monitor, or a banner. */
  if (store != NULL && g_strcmp0 (lotsen_store_get_path (store), ":memory:") != 0)
    {
      g_autoptr(GError) calls_error = NULL;

      g_clear_object (&self->calls);
      self->calls = lotsen_call_presenter_new (lotsen_store_get_path (store), self->settings, &calls_error);
      if (self->calls == NULL)
        g_warning ("Calls cannot be shown: %s", calls_error->message);
      else
        lotsen_call_presenter_follow_monitors (self->calls,
                                               LOTSEN_CALL_BANNER (lotsen_window_get_call_banner (LOTSEN_WINDOW (window))));
    }

  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), self);

  if (!self->windowed)
    {
      gtk_window_fullscreen (window);
      lotsen_window_set_kiosk_mode (LOTSEN_WINDOW (window), TRUE);
    }

  gtk_window_present (window);
}

static void
lotsen_application_dispose (GObject *object)
{
  LotsenApplication *self = LOTSEN_APPLICATION (object);

  g_clear_handle_id (&self->purge_id, g_source_remove);
  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  g_cancellable_cancel (self->backup_cancellable);
  g_clear_object (&self->backup_cancellable);
  g_clear_object (&self->calls);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lotsen_application_parent_class)->dispose (object);
}

static void
lotsen_application_finalize (GObject *object)
{
  LotsenApplication *self = LOTSEN_APPLICATION (object);

  g_free (self->database);

  G_OBJECT_CLASS (lotsen_application_parent_class)->finalize (object);
}

static void
lotsen_application_startup (GApplication *application)
{
  static const GActionEntry app_actions[] = {
    { "end-kiosk", end_kiosk_cb, "s", NULL, NULL },
  };

  G_APPLICATION_CLASS (lotsen_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions),
                                   application);

  /* No keyboard shortcut quits or leaves the kiosk: none is set, and
   * none may have come from elsewhere. */
  {
    g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));

    for (guint i = 0; actions[i] != NULL; i++)
      {
        const char * const no_accels[] = { NULL };

        gtk_application_set_accels_for_action (GTK_APPLICATION (application), actions[i], no_accels);
      }
  }
}

static void
lotsen_application_class_init (LotsenApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lotsen_application_dispose;
  object_class->finalize = lotsen_application_finalize;

  app_class->handle_local_options = lotsen_application_handle_local_options;
  app_class->activate = lotsen_application_activate;
  app_class->startup = lotsen_application_startup;
}

static void
lotsen_application_init (LotsenApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  self->backup_cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The Lotsen touch kiosk for drop-in centres."));
}

LotsenApplication *
lotsen_application_new (void)
{
  /* Non-unique: two kiosks may share one database, and a kiosk needs no
   * session bus. */
  return g_object_new (LOTSEN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

/**
 * lotsen_application_get_exit_status:
 *
 * Returns: 0, or %LOTSEN_EXIT_CLOSED when staff closed the kiosk
 */
int
lotsen_application_get_exit_status (LotsenApplication *self)
{
  g_return_val_if_fail (LOTSEN_IS_APPLICATION (self), 0);

  return self->exit_status;
}

/**
 * lotsen_application_get_restart:
 *
 * Returns: %TRUE when staff asked for the kiosk to start again
 */
gboolean
lotsen_application_get_restart (LotsenApplication *self)
{
  g_return_val_if_fail (LOTSEN_IS_APPLICATION (self), FALSE);

  return self->restart;
}
