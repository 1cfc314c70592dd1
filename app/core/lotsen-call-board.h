/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-queue.h"
#include "lotsen-store.h"

G_BEGIN_DECLS

/* How many calls the board keeps: the newest on the display, the rest below. */
#define LOTSEN_CALL_BOARD_SIZE 6
/* How often the board looks whether another connection wrote. */
#define LOTSEN_CALL_BOARD_POLL_MS 250

#define LOTSEN_TYPE_CALL_BOARD (lotsen_call_board_get_type ())
G_DECLARE_FINAL_TYPE (LotsenCallBoard, lotsen_call_board, LOTSEN, CALL_BOARD, GObject)

LotsenCallBoard *lotsen_call_board_new       (const char       *path,
                                              LotsenClock      *clock,
                                              GError          **error);
void             lotsen_call_board_start     (LotsenCallBoard  *self);
void             lotsen_call_board_stop      (LotsenCallBoard  *self);
gboolean         lotsen_call_board_poll      (LotsenCallBoard  *self);
GPtrArray       *lotsen_call_board_get_calls (LotsenCallBoard  *self);

G_END_DECLS
