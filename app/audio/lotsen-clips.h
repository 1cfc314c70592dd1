/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The messages spoken on visitor screens, "context\004msgid" or the
 * msgid alone (generated from po/lotsen.pot at build time). */
extern const char *const lotsen_spoken_strings[];
extern const guint lotsen_n_spoken_strings;

char        *lotsen_clips_key          (const char  *message);
char        *lotsen_clips_user_dir     (const char  *language);
char        *lotsen_clips_system_dir   (const char  *language);
char        *lotsen_clips_find         (const char  *language,
                                        const char  *key);
const char  *lotsen_clips_message_for_text (const char *text);
guint        lotsen_clips_count        (const char  *language);
gboolean     lotsen_clips_export       (const char  *language,
                                        const char  *folder,
                                        guint       *n_copied,
                                        GError     **error);

G_END_DECLS
