/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-queue.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_CALL_DISPLAY (lotsen_call_display_get_type ())
G_DECLARE_FINAL_TYPE (LotsenCallDisplay, lotsen_call_display, LOTSEN, CALL_DISPLAY, GtkWidget)

GtkWidget  *lotsen_call_display_new            (void);
void        lotsen_call_display_set_calls      (LotsenCallDisplay *self,
                                                GPtrArray         *calls);
void        lotsen_call_display_flash          (LotsenCallDisplay *self);
const char *lotsen_call_display_get_label      (LotsenCallDisplay *self);
char       *lotsen_call_display_describe_desk  (const LotsenCall  *call);
void        lotsen_call_display_set_ltr        (GtkWidget         *widget);

G_END_DECLS
