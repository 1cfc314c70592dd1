/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_MY_SIGNUPS_PAGE (lotsen_my_signups_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenMySignupsPage, lotsen_my_signups_page, LOTSEN, MY_SIGNUPS_PAGE, GtkWidget)

GtkWidget *lotsen_my_signups_page_new (void);
void       lotsen_my_signups_page_set (LotsenMySignupsPage *self,
                                       GPtrArray           *signups,
                                       gint64               confirming,
                                       GTimeZone           *timezone);

G_END_DECLS
