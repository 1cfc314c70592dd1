/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lotsen_sd_notify             (const char *state);
guint64  lotsen_sd_watchdog_interval  (void);

G_END_DECLS
