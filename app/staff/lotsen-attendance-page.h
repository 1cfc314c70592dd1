/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-staff-session.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_ATTENDANCE_PAGE (lotsen_attendance_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenAttendancePage, lotsen_attendance_page, LOTSEN, ATTENDANCE_PAGE, GtkWidget)

GtkWidget *lotsen_attendance_page_new     (LotsenStaffSession   *staff);
void       lotsen_attendance_page_refresh (LotsenAttendancePage *self);

G_END_DECLS
