/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-staff-session.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_ACTIVITY_LIST_PAGE (lotsen_activity_list_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenActivityListPage, lotsen_activity_list_page, LOTSEN, ACTIVITY_LIST_PAGE, GtkWidget)

GtkWidget *lotsen_activity_list_page_new     (LotsenStaffSession     *staff);
void       lotsen_activity_list_page_refresh (LotsenActivityListPage *self);
GtkWidget *lotsen_activity_list_page_get_editor (LotsenActivityListPage *self);

G_END_DECLS
