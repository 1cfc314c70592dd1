/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

/* Writes the file lotsen_export_replace_file() renames into place: to
 * @out, or by name to @temp_path; appends what the audit records to
 * @detail (@target is the file's final, absolute name). */
typedef gboolean (*LotsenExportFileFunc) (GOutputStream  *out,
                                          const char     *temp_path,
                                          const char     *target,
                                          GString        *detail,
                                          gpointer        user_data,
                                          GError        **error);

gboolean     lotsen_export_replace_file   (LotsenStore           *store,
                                           const char            *path,
                                           LotsenExportFileFunc   write,
                                           gpointer               user_data,
                                           GError               **error);
gboolean     lotsen_export_write_buffer   (GOutputStream         *out,
                                           GString               *buffer,
                                           GError               **error);
GIOErrorEnum lotsen_file_error_from_errno (int                    saved_errno);
void         lotsen_file_sync_folder      (const char            *dir);

G_END_DECLS
