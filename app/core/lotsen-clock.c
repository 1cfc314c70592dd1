/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-clock.c — the one place the core asks what time it is.
 *
 * The system clock is used by the kiosk; tests use a fixed clock that they
 * move by hand, so "tomorrow" or "just after midnight" can be tested.
 *
 * Every timer that people see (the idle warning, the ticket's countdown)
 * runs from the clock's ::tick, so a test moves them by moving the clock
 * and never waits in real time: the system clock ticks once a second from
 * the main loop, a fixed clock each time it is set or advanced.
 */

#include "lotsen-clock.h"

struct _LotsenClock
{
  GObject  parent_instance;

  gboolean fixed;
  gint64   now;
  guint    tick_id;
};

G_DEFINE_FINAL_TYPE (LotsenClock, lotsen_clock, G_TYPE_OBJECT)

enum {
  TICK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
tick_cb (gpointer user_data)
{
  LotsenClock *self = user_data;

  g_signal_emit (self, signals[TICK], 0, lotsen_clock_get_now (self));
  return G_SOURCE_CONTINUE;
}

static void
lotsen_clock_finalize (GObject *object)
{
  LotsenClock *self = LOTSEN_CLOCK (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (lotsen_clock_parent_class)->finalize (object);
}

static void
lotsen_clock_class_init (LotsenClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lotsen_clock_finalize;

  /**
   * LotsenClock::tick:
   * @now: the time, in unix seconds
   *
   * Once a second from the main loop (system clock), or whenever a fixed
   * clock is set or advanced.
   */
  signals[TICK] =
    g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
lotsen_clock_init (LotsenClock *self)
{
}

LotsenClock *
lotsen_clock_new_system (void)
{
  LotsenClock *self = g_object_new (LOTSEN_TYPE_CLOCK, NULL);

  /* Dispatched only where a main loop runs (not in lotsen-admin). */
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);

  return self;
}

LotsenClock *
lotsen_clock_new_fixed (gint64 unix_seconds)
{
  LotsenClock *self = g_object_new (LOTSEN_TYPE_CLOCK, NULL);

  self->fixed = TRUE;
  self->now = unix_seconds;

  return self;
}

/**
 * lotsen_clock_get_now:
 *
 * Returns: the current time in UTC unix seconds.
 */
gint64
lotsen_clock_get_now (LotsenClock *self)
{
  g_return_val_if_fail (LOTSEN_IS_CLOCK (self), 0);

  if (self->fixed)
    return self->now;

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
lotsen_clock_set_now (LotsenClock *self,
                      gint64       unix_seconds)
{
  g_return_if_fail (LOTSEN_IS_CLOCK (self));
  g_return_if_fail (self->fixed);

  self->now = unix_seconds;
  tick_cb (self);
}

void
lotsen_clock_advance (LotsenClock *self,
                      gint64       seconds)
{
  g_return_if_fail (LOTSEN_IS_CLOCK (self));
  g_return_if_fail (self->fixed);

  self->now += seconds;
  tick_cb (self);
}
