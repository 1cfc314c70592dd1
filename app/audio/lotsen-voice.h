/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  lotsen_voice_has_language (const char  *language);
GBytes   *lotsen_voice_synthesize   (const char  *text,
                                     const char  *language,
                                     GError     **error);

G_END_DECLS
