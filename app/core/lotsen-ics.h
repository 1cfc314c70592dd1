/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char     *lotsen_ics_format_time   (gint64        unix_seconds);
void      lotsen_ics_append_header (GString      *buffer);
gboolean  lotsen_ics_append_event  (GString      *buffer,
                                    const char   *stamp,
                                    sqlite3_stmt *stmt);
void      lotsen_ics_append_footer (GString      *buffer);

G_END_DECLS
