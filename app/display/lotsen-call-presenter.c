/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-call-presenter.c — where the waiting room sees a call.
 *
 * With `lotsen --call-display` the display is the program's only window.
 * In the kiosk it is a second window, full screen on a second monitor
 * when one is connected (the setting "call-display-monitor" names it by
 * connector, e.g. "HDMI-1"; empty: any monitor but the first; "none":
 * never), followed as monitors are plugged in and out.  Without one, a
 * call shows as a banner over the kiosk for a few seconds.  Every new call
 * is also announced: a chime and the spoken call (LotsenCallAnnouncer).
 */

#define G_LOG_DOMAIN "lotsen-display"

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-call-announcer.h"
#include "lotsen-call-presenter.h"

struct _LotsenCallPresenter
{
  GObject              parent_instance;

  LotsenCallBoard     *board;
  LotsenCallAnnouncer *announcer;
  GSettings           *settings;   /* NULL where the schema is not installed */

  GtkWindow           *window;     /* the display's window, or NULL */
  LotsenCallDisplay   *display;
  GdkMonitor          *monitor;    /* the monitor the window fills in the kiosk */
  GListModel          *monitors;   /* followed in the kiosk */
  LotsenCallBanner    *banner;     /* (weak) over the kiosk window */
  gboolean             standalone;
};

G_DEFINE_FINAL_TYPE (LotsenCallPresenter, lotsen_call_presenter, G_TYPE_OBJECT)

static void
close_window (LotsenCallPresenter *self)
{
  if (self->window == NULL)
    return;

  g_debug ("The call display's window closes");
  gtk_window_destroy (self->window);
  g_clear_object (&self->window);
  self->display = NULL;
  g_clear_object (&self->monitor);
}

static void
lotsen_call_presenter_dispose (GObject *object)
{
  LotsenCallPresenter *self = LOTSEN_CALL_PRESENTER (object);

  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_data (self->monitors, self);
  g_clear_object (&self->monitors);
  if (self->banner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->banner), (gpointer *) &self->banner);
  self->banner = NULL;
  close_window (self);
  if (self->board != NULL)
    lotsen_call_board_stop (self->board);
  g_clear_object (&self->board);
  g_clear_object (&self->announcer);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lotsen_call_presenter_parent_class)->dispose (object);
}

static void
lotsen_call_presenter_class_init (LotsenCallPresenterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lotsen_call_presenter_dispose;
}

static void
lotsen_call_presenter_init (LotsenCallPresenter *self)
{
}

static void
changed_cb (LotsenCallBoard     *board,
            LotsenCallPresenter *self)
{
  if (self->display != NULL)
    lotsen_call_display_set_calls (self->display, lotsen_call_board_get_calls (board));
}

static void
called_cb (LotsenCallBoard     *board,
           const LotsenCall    *call,
           LotsenCallPresenter *self)
{
  g_debug ("%s called to desk %d (call %d)", call->label, call->desk, call->call_count);

  if (self->display != NULL)
    lotsen_call_display_flash (self->display);
  else if (self->banner != NULL)
    lotsen_call_banner_show_call (self->banner, call);

  lotsen_call_announcer_announce (self->announcer, call);
}

/**
 * lotsen_call_presenter_new:
 * @path: the kiosk's database file
 * @settings: (nullable): the kiosk's settings
 *
 * Starts watching @path for calls.
 */
LotsenCallPresenter *
lotsen_call_presenter_new (const char  *path,
                           GSettings   *settings,
                           GError     **error)
{
  g_autoptr(LotsenCallPresenter) self = g_object_new (LOTSEN_TYPE_CALL_PRESENTER, NULL);

  self->board = lotsen_call_board_new (path, NULL, error);
  if (self->board == NULL)
    return NULL;

  g_set_object (&self->settings, settings);
  self->announcer = lotsen_call_announcer_new (settings);
  g_signal_connect_object (self->board, "changed", G_CALLBACK (changed_cb), self, 0);
  g_signal_connect_object (self->board, "called", G_CALLBACK (called_cb), self, 0);
  lotsen_call_board_start (self->board);

  return g_steal_pointer (&self);
}

static void
open_window (LotsenCallPresenter *self,
             GtkApplication      *application)
{
  self->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  /* Translators: the title of the waiting room's display window. */
  gtk_window_set_title (self->window, _("Now serving"));
  gtk_window_set_default_size (self->window, 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self->window), "call-window");
  if (application != NULL)
    gtk_window_set_application (self->window, application);

  self->display = LOTSEN_CALL_DISPLAY (lotsen_call_display_new ());
  gtk_window_set_child (self->window, GTK_WIDGET (self->display));
  lotsen_call_display_set_calls (self->display, lotsen_call_board_get_calls (self->board));
}

/**
 * lotsen_call_presenter_show_display:
 * @application: (nullable): the application to keep running while the
 *   display is open
 *
 * For `lotsen --call-display`: the display as a window of its own.
 */
void
lotsen_call_presenter_show_display (LotsenCallPresenter *self,
                                    GtkApplication      *application,
                                    gboolean             fullscreen)
{
  g_return_if_fail (LOTSEN_IS_CALL_PRESENTER (self));

  self->standalone = TRUE;
  if (self->window == NULL)
    open_window (self, application);
  if (fullscreen)
    gtk_window_fullscreen (self->window);
  gtk_window_present (self->window);
}

/* The monitor the display belongs on, or NULL. */
static GdkMonitor *
choose_monitor (LotsenCallPresenter *self)
{
  g_autofree char *wanted = self->settings ? g_settings_get_string (self->settings, "call-display-monitor") : NULL;
  guint n = g_list_model_get_n_items (self->monitors);

  if (g_strcmp0 (wanted, "none") == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, i);

      if (wanted != NULL && *wanted != '\0')
        {
          if (g_strcmp0 (gdk_monitor_get_connector (monitor), wanted) == 0)
            return g_steal_pointer (&monitor);
        }
      /* Any monitor but the first, which the kiosk fills. */
      else if (i > 0)
        return g_steal_pointer (&monitor);
    }

  return NULL;
}

static void
update_monitor (LotsenCallPresenter *self)
{
  g_autoptr(GdkMonitor) monitor = choose_monitor (self);

  if (monitor == self->monitor && (monitor == NULL) == (self->window == NULL))
    return;

  close_window (self);
  if (monitor == NULL)
    {
      g_message ("No monitor for the call display: calls show over the kiosk");
      return;
    }

  g_message ("The call display fills the monitor %s", gdk_monitor_get_connector (monitor));
  open_window (self, NULL);
  self->monitor = g_object_ref (monitor);
  gtk_window_fullscreen_on_monitor (self->window, monitor);
  /* Shown, not presented: the kiosk window keeps the focus. */
  gtk_widget_set_visible (GTK_WIDGET (self->window), TRUE);
}

static void
monitors_changed_cb (GListModel          *monitors,
                     guint                position,
                     guint                removed,
                     guint                added,
                     LotsenCallPresenter *self)
{
  update_monitor (self);
}

static void
setting_changed_cb (GSettings           *settings,
                    const char          *key,
                    LotsenCallPresenter *self)
{
  if (self->monitors != NULL)
    update_monitor (self);
}

/**
 * lotsen_call_presenter_follow_monitors:
 * @banner: (nullable): the kiosk window's banner, for a single screen
 *
 * In the kiosk: the display on a second monitor while there is one, the
 * banner otherwise.
 */
void
lotsen_call_presenter_follow_monitors (LotsenCallPresenter *self,
                                       LotsenCallBanner    *banner)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (LOTSEN_IS_CALL_PRESENTER (self));

  if (banner != NULL)
    {
      self->banner = banner;
      g_object_add_weak_pointer (G_OBJECT (banner), (gpointer *) &self->banner);
    }

  if (display == NULL || self->monitors != NULL)
    return;

  self->monitors = g_object_ref (gdk_display_get_monitors (display));
  g_signal_connect (self->monitors, "items-changed", G_CALLBACK (monitors_changed_cb), self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::call-display-monitor",
                             G_CALLBACK (setting_changed_cb), self, 0);
  update_monitor (self);
}

LotsenCallBoard *
lotsen_call_presenter_get_board (LotsenCallPresenter *self)
{
  g_return_val_if_fail (LOTSEN_IS_CALL_PRESENTER (self), NULL);

  return self->board;
}

/**
 * lotsen_call_presenter_get_window:
 *
 * Returns: (transfer none) (nullable): the display's window, if open
 */
GtkWindow *
lotsen_call_presenter_get_window (LotsenCallPresenter *self)
{
  g_return_val_if_fail (LOTSEN_IS_CALL_PRESENTER (self), NULL);

  return self->window;
}

LotsenCallDisplay *
lotsen_call_presenter_get_display (LotsenCallPresenter *self)
{
  g_return_val_if_fail (LOTSEN_IS_CALL_PRESENTER (self), NULL);

  return self->display;
}
