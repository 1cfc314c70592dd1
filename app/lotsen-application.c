/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-application.c — start-up: the command line, the database, the
 * window.  The kiosk never stops at a database problem: it shows staff
 * what is wrong instead.  It also keeps the retention period: visitors not
 * seen for it are anonymised once the first frame is on screen and once a
 * day after, in a thread of its own with a connection of its own, so that
 * neither the start nor a visitor waits for it. */

#define G_LOG_DOMAIN "lotsen"

#include "config.h"

#include <stdio.h>

#include "lotsen-activity.h"
#include "lotsen-application.h"
#include "lotsen-demo.h"
#include "lotsen-i18n.h"
#include "lotsen-store.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

#define PURGE_INTERVAL_SECS (24 * 3600)

struct _LotsenApplication
{
  AdwApplication  parent_instance;

  char           *database;
  gboolean        windowed;
  gboolean        demo;
  gboolean        exit_after_first_frame;

  LotsenStore    *store;    /* the window's: told when maintenance finds damage */
  guint           purge_id;
  gboolean        maintaining;
};

G_DEFINE_FINAL_TYPE (LotsenApplication, lotsen_application, ADW_TYPE_APPLICATION)

static const GOptionEntry entries[] = {
  { "windowed", 'w', 0, G_OPTION_ARG_NONE, NULL, N_("Run in a window instead of full screen"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database file PATH"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Add the demo services and activities if there are none"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "exit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
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
  self->exit_after_first_frame = g_variant_dict_contains (options, "exit-after-first-frame");

  return -1;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      GApplication  *application)
{
  /* For tests/bench: the moment the first frame is on screen. */
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, application);
  g_application_quit (application);
}

static void
window_realize_cb (GtkWidget    *window,
                   GApplication *application)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_first_paint_cb), application);
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

  store = open_store (self, &moved_aside, &error);
  if (moved_aside != NULL)
    g_printerr ("lotsen: the damaged database was kept as %s\n", moved_aside);

  window = GTK_WINDOW (lotsen_window_new (GTK_APPLICATION (application), store,
                                          error ? error->message : NULL, moved_aside));

  /* Maintenance once the kiosk is on screen, then daily. */
  if (store != NULL)
    {
      g_set_object (&self->store, store);
      g_signal_connect_object (window, "realize", G_CALLBACK (maintain_after_first_frame_cb), self, 0);
      g_clear_handle_id (&self->purge_id, g_source_remove);
      self->purge_id = g_timeout_add_seconds (PURGE_INTERVAL_SECS, purge_cb, self);
    }

  if (self->exit_after_first_frame)
    g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), application);

  if (!self->windowed)
    gtk_window_fullscreen (window);

  gtk_window_present (window);
}

static void
lotsen_application_dispose (GObject *object)
{
  LotsenApplication *self = LOTSEN_APPLICATION (object);

  g_clear_handle_id (&self->purge_id, g_source_remove);
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
lotsen_application_class_init (LotsenApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lotsen_application_dispose;
  object_class->finalize = lotsen_application_finalize;

  app_class->handle_local_options = lotsen_application_handle_local_options;
  app_class->activate = lotsen_application_activate;
}

static void
lotsen_application_init (LotsenApplication *self)
{
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
