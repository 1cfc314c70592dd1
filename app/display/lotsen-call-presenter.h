/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-call-banner.h"
#include "lotsen-call-board.h"
#include "lotsen-call-display.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_CALL_PRESENTER (lotsen_call_presenter_get_type ())
G_DECLARE_FINAL_TYPE (LotsenCallPresenter, lotsen_call_presenter, LOTSEN, CALL_PRESENTER, GObject)

LotsenCallPresenter *lotsen_call_presenter_new          (const char          *path,
                                                         GSettings           *settings,
                                                         GError             **error);
void                 lotsen_call_presenter_show_display (LotsenCallPresenter *self,
                                                         GtkApplication      *application,
                                                         gboolean             fullscreen);
void                 lotsen_call_presenter_follow_monitors (LotsenCallPresenter *self,
                                                         LotsenCallBanner    *banner);
LotsenCallBoard     *lotsen_call_presenter_get_board    (LotsenCallPresenter *self);
GtkWindow           *lotsen_call_presenter_get_window   (LotsenCallPresenter *self);
LotsenCallDisplay   *lotsen_call_presenter_get_display  (LotsenCallPresenter *self);

G_END_DECLS
