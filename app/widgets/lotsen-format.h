/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lotsen-activity.h"

G_BEGIN_DECLS

char       *lotsen_format_when           (gint64               time,
                                          GTimeZone           *timezone);
const char *lotsen_format_weekday        (int                  weekday);
char       *lotsen_format_seats          (const LotsenSession *session);
const char *lotsen_format_category       (const char          *key);
char       *lotsen_format_interpreter_name (const char        *language_name);
const char *lotsen_format_language_name  (const char          *code);

G_END_DECLS
