/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-audio-player.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_RECORD_PAGE (lotsen_record_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenRecordPage, lotsen_record_page, LOTSEN, RECORD_PAGE, GtkWidget)

GtkWidget  *lotsen_record_page_new          (LotsenAudioPlayer *player);
void        lotsen_record_page_set_language (LotsenRecordPage  *self,
                                             const char        *language);
const char *lotsen_record_page_get_message  (LotsenRecordPage  *self);

G_END_DECLS
