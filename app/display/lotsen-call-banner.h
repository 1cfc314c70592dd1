/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-queue.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_CALL_BANNER (lotsen_call_banner_get_type ())
G_DECLARE_FINAL_TYPE (LotsenCallBanner, lotsen_call_banner, LOTSEN, CALL_BANNER, GtkWidget)

GtkWidget  *lotsen_call_banner_new       (void);
void        lotsen_call_banner_show_call (LotsenCallBanner *self,
                                          const LotsenCall *call);
gboolean    lotsen_call_banner_get_shown (LotsenCallBanner *self);
const char *lotsen_call_banner_get_label (LotsenCallBanner *self);

G_END_DECLS
