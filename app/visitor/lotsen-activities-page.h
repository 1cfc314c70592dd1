/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_ACTIVITIES_PAGE (lotsen_activities_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenActivitiesPage, lotsen_activities_page, LOTSEN, ACTIVITIES_PAGE, GtkWidget)

GtkWidget *lotsen_activities_page_new          (void);
void       lotsen_activities_page_set_sessions (LotsenActivitiesPage *self,
                                                GPtrArray            *sessions,
                                                const char           *category,
                                                GTimeZone            *timezone);

G_END_DECLS
