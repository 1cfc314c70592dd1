/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-code-gate.c — wrong codes on a public kiosk: after a few in a
 * short time, a pause.
 */

#define G_LOG_DOMAIN "lotsen-visitor"

#include "config.h"

#include "lotsen-code-gate.h"

struct _LotsenCodeGate
{
  GObject      parent_instance;

  LotsenClock *clock;
  GArray      *misses;       /* gint64 times of recent wrong codes */
  gint64       paused_until;
};

G_DEFINE_FINAL_TYPE (LotsenCodeGate, lotsen_code_gate, G_TYPE_OBJECT)

static void
lotsen_code_gate_finalize (GObject *object)
{
  LotsenCodeGate *self = LOTSEN_CODE_GATE (object);

  g_clear_object (&self->clock);
  g_clear_pointer (&self->misses, g_array_unref);

  G_OBJECT_CLASS (lotsen_code_gate_parent_class)->finalize (object);
}

static void
lotsen_code_gate_class_init (LotsenCodeGateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lotsen_code_gate_finalize;
}

static void
lotsen_code_gate_init (LotsenCodeGate *self)
{
  self->misses = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LotsenCodeGate *
lotsen_code_gate_new (LotsenClock *clock)
{
  LotsenCodeGate *self = g_object_new (LOTSEN_TYPE_CODE_GATE, NULL);

  self->clock = clock ? g_object_ref (clock) : lotsen_clock_new_system ();
  return self;
}

/**
 * lotsen_code_gate_seconds_left:
 *
 * Returns: how many seconds until a code may be tried again; 0 now
 */
int
lotsen_code_gate_seconds_left (LotsenCodeGate *self)
{
  gint64 now;

  g_return_val_if_fail (LOTSEN_IS_CODE_GATE (self), 0);

  now = lotsen_clock_get_now (self->clock);
  return self->paused_until > now ? (int) (self->paused_until - now) : 0;
}

/**
 * lotsen_code_gate_record:
 * @matched: whether the code tried was someone's
 *
 * Counts a wrong code.  The count is per time window, not per streak: a
 * right code (perhaps the guesser's own) does not forgive the wrong ones
 * before it, so wrong guesses mixed with a known code still pause.
 */
void
lotsen_code_gate_record (LotsenCodeGate *self,
                         gboolean        matched)
{
  gint64 now;
  guint kept = 0;

  g_return_if_fail (LOTSEN_IS_CODE_GATE (self));

  if (matched)
    return;

  /* No code is tried during a pause, so none counts. */
  now = lotsen_clock_get_now (self->clock);
  if (self->paused_until > now)
    return;

  /* Only the wrong codes of the last window are kept. */
  for (guint i = 0; i < self->misses->len; i++)
    {
      gint64 at = g_array_index (self->misses, gint64, i);

      if (at > now - LOTSEN_CODE_GATE_WINDOW_SECS)
        g_array_index (self->misses, gint64, kept++) = at;
    }
  g_array_set_size (self->misses, kept);
  g_array_append_val (self->misses, now);

  if (self->misses->len >= LOTSEN_CODE_GATE_TRIES)
    {
      self->paused_until = now + LOTSEN_CODE_GATE_PAUSE_SECS;
      g_array_set_size (self->misses, 0);
    }
}
