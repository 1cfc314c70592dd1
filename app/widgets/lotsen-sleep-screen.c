/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-sleep-screen.c — the screen in the sleep hours: black, over
 * everything.
 *
 * In the hours the settings sleep-from and sleep-to give (local time), a
 * screen nobody has touched for the idle timeout goes black (:asleep turns
 * on, and the window wipes the visit); out of those hours it wakes.  Any
 * touch or key in its window counts; while asleep it only wakes the
 * screen and presses nothing beneath.
 */

#include "config.h"

#include "lotsen-sleep-hours.h"
#include "lotsen-presence.h"
#include "lotsen-sleep-screen.h"

struct _LotsenSleepScreen
{
  GtkWidget           parent_instance;

  LotsenStore        *store;     /* for its clock and time zone */
  GSettings          *settings;
  guint               timeout;
  gulong              tick_id;
  GtkEventController *input;     /* on the window, while in one */

  gboolean            asleep;
  gint64              last_input;
};

G_DEFINE_FINAL_TYPE (LotsenSleepScreen, lotsen_sleep_screen, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASLEEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_asleep (LotsenSleepScreen *self,
            gboolean           asleep)
{
  if (self->asleep == asleep)
    return;

  self->asleep = asleep;
  gtk_widget_set_visible (GTK_WIDGET (self), asleep);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASLEEP]);
}

static void
tick_cb (LotsenClock       *clock,
         gint64             now,
         LotsenSleepScreen *self)
{
  g_autofree char *from = g_settings_get_string (self->settings, "sleep-from");
  g_autofree char *to = g_settings_get_string (self->settings, "sleep-to");
  g_autoptr(GDateTime) local = lotsen_store_to_local (self->store, now);

  if (!lotsen_sleep_hours_contain (from, to, local))
    set_asleep (self, FALSE);
  else if (now - self->last_input >= (gint64) self->timeout)
    set_asleep (self, TRUE);
}

/* While asleep a touch only wakes the screen, and presses nothing beneath. */
static gboolean
presence_cb (gpointer user_data)
{
  LotsenSleepScreen *self = user_data;

  self->last_input = lotsen_clock_get_now (lotsen_store_get_clock (self->store));
  if (!self->asleep)
    return GDK_EVENT_PROPAGATE;

  set_asleep (self, FALSE);
  return GDK_EVENT_STOP;
}

static void
lotsen_sleep_screen_root (GtkWidget *widget)
{
  LotsenSleepScreen *self = LOTSEN_SLEEP_SCREEN (widget);

  GTK_WIDGET_CLASS (lotsen_sleep_screen_parent_class)->root (widget);

  self->input = lotsen_presence_watch (GTK_WIDGET (gtk_widget_get_root (widget)), presence_cb, self);
}

static void
lotsen_sleep_screen_unroot (GtkWidget *widget)
{
  LotsenSleepScreen *self = LOTSEN_SLEEP_SCREEN (widget);

  gtk_widget_remove_controller (GTK_WIDGET (gtk_widget_get_root (widget)), g_steal_pointer (&self->input));

  GTK_WIDGET_CLASS (lotsen_sleep_screen_parent_class)->unroot (widget);
}

static void
lotsen_sleep_screen_dispose (GObject *object)
{
  LotsenSleepScreen *self = LOTSEN_SLEEP_SCREEN (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->tick_id, lotsen_store_get_clock (self->store));
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lotsen_sleep_screen_parent_class)->dispose (object);
}

static void
lotsen_sleep_screen_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LotsenSleepScreen *self = LOTSEN_SLEEP_SCREEN (object);

  switch (prop_id)
    {
    case PROP_ASLEEP:
      g_value_set_boolean (value, self->asleep);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_sleep_screen_class_init (LotsenSleepScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_sleep_screen_dispose;
  object_class->get_property = lotsen_sleep_screen_get_property;
  widget_class->root = lotsen_sleep_screen_root;
  widget_class->unroot = lotsen_sleep_screen_unroot;

  /**
   * LotsenSleepScreen:asleep:
   *
   * Whether the screen is black in the sleep hours.
   */
  properties[PROP_ASLEEP] =
    g_param_spec_boolean ("asleep", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lotsen_sleep_screen_init (LotsenSleepScreen *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "sleep-screen");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * lotsen_sleep_screen_new:
 * @store: whose clock and time zone tell the hour
 * @settings: with the keys sleep-from and sleep-to
 * @timeout: the seconds without a touch before the screen sleeps
 */
GtkWidget *
lotsen_sleep_screen_new (LotsenStore *store,
                         GSettings   *settings,
                         guint        timeout)
{
  LotsenSleepScreen *self;
  LotsenClock *clock;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  clock = lotsen_store_get_clock (store);
  self = g_object_new (LOTSEN_TYPE_SLEEP_SCREEN, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->timeout = timeout;
  self->last_input = lotsen_clock_get_now (clock);
  self->tick_id = g_signal_connect (clock, "tick", G_CALLBACK (tick_cb), self);

  return GTK_WIDGET (self);
}

gboolean
lotsen_sleep_screen_get_asleep (LotsenSleepScreen *self)
{
  g_return_val_if_fail (LOTSEN_IS_SLEEP_SCREEN (self), FALSE);

  return self->asleep;
}
