/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lotsen_sleep_hours_contain (const char *from,
                                     const char *to,
                                     GDateTime  *local);

G_END_DECLS
