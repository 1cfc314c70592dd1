/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-staff-session.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_EXPORT_PAGE (lotsen_export_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenExportPage, lotsen_export_page, LOTSEN, EXPORT_PAGE, GtkWidget)

GtkWidget  *lotsen_export_page_new        (LotsenStaffSession *staff);
const char *lotsen_export_page_get_folder (LotsenExportPage *self);
void        lotsen_export_page_set_folder (LotsenExportPage *self,
                                           const char       *folder);
gboolean    lotsen_export_page_is_busy    (LotsenExportPage *self);

G_END_DECLS
