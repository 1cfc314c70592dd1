/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-staff-session.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_ACTIVITY_EDITOR (lotsen_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (LotsenActivityEditor, lotsen_activity_editor, LOTSEN, ACTIVITY_EDITOR, GtkWidget)

GtkWidget *lotsen_activity_editor_new             (LotsenStaffSession   *staff,
                                                   gint64                activity_id);
gint64     lotsen_activity_editor_get_activity_id (LotsenActivityEditor *self);

G_END_DECLS
