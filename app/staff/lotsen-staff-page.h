/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-queue.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_STAFF_PAGE (lotsen_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenStaffPage, lotsen_staff_page, LOTSEN, STAFF_PAGE, GtkWidget)

GtkWidget *lotsen_staff_page_new        (void);
int        lotsen_staff_page_get_desk   (LotsenStaffPage    *self);
void       lotsen_staff_page_set_desk   (LotsenStaffPage    *self,
                                         int                 desk);
void       lotsen_staff_page_set_queue  (LotsenStaffPage    *self,
                                         GPtrArray          *waiting,
                                         const LotsenTicket *called,
                                         GTimeZone          *timezone);
void       lotsen_staff_page_set_services (LotsenStaffPage  *self,
                                           GPtrArray        *services);
void       lotsen_staff_page_set_notice (LotsenStaffPage    *self,
                                         const char         *notice);
void       lotsen_staff_page_set_restore (LotsenStaffPage    *self,
                                          const char         *label);
void       lotsen_staff_page_set_backup (LotsenStaffPage    *self,
                                         const char         *text,
                                         gboolean            failed);

G_END_DECLS
