/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_APPLICATION (lotsen_application_get_type ())
G_DECLARE_FINAL_TYPE (LotsenApplication, lotsen_application, LOTSEN, APPLICATION, AdwApplication)

/* Staff closed the kiosk from the staff panel: the unit does not restart
 * it (RestartPreventExitStatus). */
#define LOTSEN_EXIT_CLOSED 10

LotsenApplication *lotsen_application_new             (void);
int                lotsen_application_get_exit_status (LotsenApplication *self);
gboolean           lotsen_application_get_restart     (LotsenApplication *self);

G_END_DECLS
