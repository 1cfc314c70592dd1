/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-idle-monitor.c — a screen left alone: a warning, then a clean slate.
 *
 * Whoever owns the monitor tells it of every activation, whatever its
 * source (a tap, a key, a switch device or a screen reader acting over the
 * accessibility bus), and arms it while there is something of a visitor's
 * to wipe.  The monitor counts on its clock's ticks: :warning turns on at
 * (timeout − warning) seconds of quiet, and ::expire is emitted once at
 * the timeout (WCAG 2.2.1: warned, and extended by any activation).
 */

#define G_LOG_DOMAIN "lotsen-idle"

#include "lotsen-idle-monitor.h"

struct _LotsenIdleMonitor
{
  GObject      parent_instance;

  LotsenClock *clock;
  gulong       tick_id;
  guint        timeout;
  guint        warning_secs;

  gint64       last_activity;
  gboolean     armed;
  gboolean     warning;
  guint        seconds_left;
};

G_DEFINE_FINAL_TYPE (LotsenIdleMonitor, lotsen_idle_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARMED,
  PROP_WARNING,
  PROP_SECONDS_LEFT,
  N_PROPS
};

enum {
  EXPIRE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_warning (LotsenIdleMonitor *self,
             gboolean           warning,
             guint              seconds_left)
{
  if (self->seconds_left != seconds_left)
    {
      self->seconds_left = seconds_left;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
    }

  if (self->warning != warning)
    {
      self->warning = warning;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING]);
    }
}

/**
 * lotsen_idle_monitor_check:
 *
 * Compares the quiet time with the limits now (the clock's ticks do this
 * too): turns the warning on, or expires.
 */
void
lotsen_idle_monitor_check (LotsenIdleMonitor *self)
{
  gint64 idle;

  g_return_if_fail (LOTSEN_IS_IDLE_MONITOR (self));

  if (!self->armed)
    {
      lotsen_idle_monitor_note_activity (self);
      return;
    }

  idle = lotsen_clock_get_now (self->clock) - self->last_activity;

  if (idle >= self->timeout)
    {
      /* Once: whoever listens wipes the visit and disarms the monitor, or
       * the next quiet spell starts from here. */
      self->last_activity = lotsen_clock_get_now (self->clock);
      set_warning (self, FALSE, 0);
      g_signal_emit (self, signals[EXPIRE], 0);
    }
  else if (idle >= (gint64) (self->timeout - self->warning_secs))
    set_warning (self, TRUE, (guint) (self->timeout - idle));
  else
    set_warning (self, FALSE, 0);
}

static void
tick_cb (LotsenClock       *clock,
         gint64             now,
         LotsenIdleMonitor *self)
{
  lotsen_idle_monitor_check (self);
}

static void
lotsen_idle_monitor_dispose (GObject *object)
{
  LotsenIdleMonitor *self = LOTSEN_IDLE_MONITOR (object);

  g_clear_signal_handler (&self->tick_id, self->clock);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lotsen_idle_monitor_parent_class)->dispose (object);
}

static void
lotsen_idle_monitor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LotsenIdleMonitor *self = LOTSEN_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_ARMED:
      g_value_set_boolean (value, self->armed);
      break;

    case PROP_WARNING:
      g_value_set_boolean (value, self->warning);
      break;

    case PROP_SECONDS_LEFT:
      g_value_set_uint (value, self->seconds_left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_idle_monitor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LotsenIdleMonitor *self = LOTSEN_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_ARMED:
      lotsen_idle_monitor_set_armed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_idle_monitor_class_init (LotsenIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lotsen_idle_monitor_dispose;
  object_class->get_property = lotsen_idle_monitor_get_property;
  object_class->set_property = lotsen_idle_monitor_set_property;

  /**
   * LotsenIdleMonitor:armed:
   *
   * Whether there is anything to wipe; a monitor that is not armed never
   * warns or expires.
   */
  properties[PROP_ARMED] =
    g_param_spec_boolean ("armed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LotsenIdleMonitor:warning:
   *
   * "Are you still there?" is due: the timeout is near.
   */
  properties[PROP_WARNING] =
    g_param_spec_boolean ("warning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LotsenIdleMonitor:seconds-left:
   *
   * While :warning is on, the seconds until ::expire.
   */
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_uint ("seconds-left", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LotsenIdleMonitor::expire:
   *
   * The timeout has passed with no activation while armed.
   */
  signals[EXPIRE] =
    g_signal_new ("expire", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lotsen_idle_monitor_init (LotsenIdleMonitor *self)
{
}

/**
 * lotsen_idle_monitor_new:
 * @clock: what time it is, and when to look again
 * @timeout: seconds of quiet before ::expire
 * @warning: how many of those seconds :warning is on before it
 */
LotsenIdleMonitor *
lotsen_idle_monitor_new (LotsenClock *clock,
                         guint        timeout,
                         guint        warning)
{
  LotsenIdleMonitor *self;

  g_return_val_if_fail (LOTSEN_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (timeout > 0, NULL);

  self = g_object_new (LOTSEN_TYPE_IDLE_MONITOR, NULL);
  self->clock = g_object_ref (clock);
  self->timeout = timeout;
  self->warning_secs = MIN (warning, timeout);
  self->last_activity = lotsen_clock_get_now (clock);
  self->tick_id = g_signal_connect (clock, "tick", G_CALLBACK (tick_cb), self);

  return self;
}

/**
 * lotsen_idle_monitor_note_activity:
 *
 * Someone is there: the quiet time starts again and any warning goes.
 */
void
lotsen_idle_monitor_note_activity (LotsenIdleMonitor *self)
{
  g_return_if_fail (LOTSEN_IS_IDLE_MONITOR (self));

  self->last_activity = lotsen_clock_get_now (self->clock);
  set_warning (self, FALSE, 0);
}

void
lotsen_idle_monitor_set_armed (LotsenIdleMonitor *self,
                               gboolean           armed)
{
  g_return_if_fail (LOTSEN_IS_IDLE_MONITOR (self));

  armed = !!armed;
  if (self->armed == armed)
    return;

  self->armed = armed;
  if (!armed)
    lotsen_idle_monitor_note_activity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARMED]);
}

gboolean
lotsen_idle_monitor_get_warning (LotsenIdleMonitor *self)
{
  g_return_val_if_fail (LOTSEN_IS_IDLE_MONITOR (self), FALSE);

  return self->warning;
}

guint
lotsen_idle_monitor_get_seconds_left (LotsenIdleMonitor *self)
{
  g_return_val_if_fail (LOTSEN_IS_IDLE_MONITOR (self), 0);

  return self->seconds_left;
}

/**
 * lotsen_idle_monitor_pretend_idle:
 * @seconds: how long to pretend the screen has been left alone
 *
 * As if the last activation was @seconds ago (for tests and screenshots,
 * with any clock).
 */
void
lotsen_idle_monitor_pretend_idle (LotsenIdleMonitor *self,
                                  guint              seconds)
{
  g_return_if_fail (LOTSEN_IS_IDLE_MONITOR (self));

  self->last_activity = lotsen_clock_get_now (self->clock) - seconds;
  lotsen_idle_monitor_check (self);
}
