/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lotsen-clock.h"

G_BEGIN_DECLS

/* Wrong codes on a public kiosk: after a few in a short time, a pause. */
#define LOTSEN_TYPE_CODE_GATE (lotsen_code_gate_get_type ())
G_DECLARE_FINAL_TYPE (LotsenCodeGate, lotsen_code_gate, LOTSEN, CODE_GATE, GObject)

#define LOTSEN_CODE_GATE_TRIES        5
#define LOTSEN_CODE_GATE_WINDOW_SECS 60
#define LOTSEN_CODE_GATE_PAUSE_SECS  30

LotsenCodeGate *lotsen_code_gate_new          (LotsenClock    *clock);
int             lotsen_code_gate_seconds_left (LotsenCodeGate *self);
void            lotsen_code_gate_record       (LotsenCodeGate *self,
                                               gboolean        matched);

G_END_DECLS
