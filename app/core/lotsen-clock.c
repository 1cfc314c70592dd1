/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-clock.c — the one place the core asks what time it is.
 *
 * The system clock is used by the kiosk; tests use a fixed clock that they
 * move by hand, so "tomorrow" or "just after midnight" can be tested.
 */

#include "lotsen-clock.h"

struct _LotsenClock
{
  GObject  parent_instance;

  gboolean fixed;
  gint64   now;
};

G_DEFINE_FINAL_TYPE (LotsenClock, lotsen_clock, G_TYPE_OBJECT)

static void
lotsen_clock_class_init (LotsenClockClass *klass)
{
}

static void
lotsen_clock_init (LotsenClock *self)
{
}

LotsenClock *
lotsen_clock_new_system (void)
{
  return g_object_new (LOTSEN_TYPE_CLOCK, NULL);
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
}

void
lotsen_clock_advance (LotsenClock *self,
                      gint64       seconds)
{
  g_return_if_fail (LOTSEN_IS_CLOCK (self));
  g_return_if_fail (self->fixed);

  self->now += seconds;
}
