/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-presence.c — someone is at the screen: a press, a touch, a key
 * or a scroll anywhere in a window, seen before any widget sees it. */

#include "config.h"

#include "lotsen-presence.h"

typedef struct
{
  LotsenPresenceFunc func;
  gpointer           user_data;
} Watch;

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          Watch                    *watch)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      return watch->func (watch->user_data);

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/**
 * lotsen_presence_watch:
 * @window: the window to watch
 * @func: called for every press, touch, key or scroll; returns
 *   %GDK_EVENT_STOP to keep the event from the widgets
 *
 * Returns: (transfer none): the watch, to take off @window with
 *   gtk_widget_remove_controller()
 */
GtkEventController *
lotsen_presence_watch (GtkWidget          *window,
                       LotsenPresenceFunc  func,
                       gpointer            user_data)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();
  Watch *watch = g_new (Watch, 1);

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);

  watch->func = func;
  watch->user_data = user_data;
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "event", G_CALLBACK (event_cb), watch,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (window, controller);

  return controller;
}

