/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_APPLICATION (lotsen_application_get_type ())
G_DECLARE_FINAL_TYPE (LotsenApplication, lotsen_application, LOTSEN, APPLICATION, AdwApplication)

LotsenApplication *lotsen_application_new (void);

G_END_DECLS
