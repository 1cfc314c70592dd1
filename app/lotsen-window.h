/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lotsen-store.h"
#include "lotsen-visit.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_WINDOW (lotsen_window_get_type ())
G_DECLARE_FINAL_TYPE (LotsenWindow, lotsen_window, LOTSEN, WINDOW, AdwApplicationWindow)

LotsenWindow *lotsen_window_new               (GtkApplication *application,
                                               LotsenStore    *store,
                                               const char     *store_problem,
                                               const char     *moved_aside);
void          lotsen_window_offer_backup      (LotsenWindow   *self,
                                               const char     *backup,
                                               const GDate    *date);
const char   *lotsen_window_get_language      (LotsenWindow   *self);
void          lotsen_window_show_languages    (LotsenWindow   *self,
                                              gboolean        shown);
void          lotsen_window_set_language      (LotsenWindow   *self,
                                               const char     *language);
const char   *lotsen_window_get_page_name     (LotsenWindow   *self);
GtkWidget    *lotsen_window_get_page          (LotsenWindow   *self,
                                               const char     *name);
LotsenVisit  *lotsen_window_get_visit         (LotsenWindow   *self);
void          lotsen_window_show_idle_warning (LotsenWindow   *self);
void          lotsen_window_set_kiosk_mode    (LotsenWindow   *self,
                                               gboolean        kiosk_mode);
gboolean      lotsen_window_get_kiosk_mode    (LotsenWindow   *self);
gboolean      lotsen_window_get_asleep        (LotsenWindow   *self);
GtkWidget    *lotsen_window_get_call_banner   (LotsenWindow   *self);
const char   *lotsen_window_get_printer_problem (LotsenWindow *self);
void          lotsen_window_set_text_scale    (LotsenWindow   *self,
                                               guint           scale);
guint         lotsen_window_get_text_scale    (LotsenWindow   *self);
void          lotsen_window_set_high_contrast (LotsenWindow   *self,
                                               gboolean        high_contrast);
gboolean      lotsen_window_get_high_contrast (LotsenWindow   *self);

G_END_DECLS
